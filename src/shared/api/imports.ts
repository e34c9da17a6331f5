// Contract of 'import/*', 'profiles/*' and 'dialog/openFile': preview, commit, rejected rows, mapping profiles.
import { z } from 'zod'
import type { SourceKind } from '../fields'
import { SOURCE_KINDS } from '../fields'
import type { Mapping, MappableField } from '../mapping'
import { mappingSchema } from '../mapping'
import { empty, rowRange, type FileDownload, type JobStarted, type Page } from './common'

/** The largest file web mode accepts for import: the browser checks before sending, the server refuses more. */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024

/** What to import and how to read it; every choice is optional and detected when left out. */
const importSource = z
  .object({
    kind: z.enum(SOURCE_KINDS),
    /** The file: a path on this machine (app, CLI); in web mode only the id /api/upload gave. */
    path: z.string().min(1).max(4096),
    /** 'auto' (default) or an encoding name from ENCODINGS in src/shared/encodings.ts. */
    encoding: z.string().max(40).optional(),
    sheet: z.union([z.string().max(200), z.number().int().min(1)]).optional(),
    /** A saved profile's name; its mapping applies under any explicit mapping. */
    profile: z.string().max(100).optional(),
    mapping: mappingSchema.optional()
  })
  .strict()

export const importInputs = {
  'import/preview': importSource,
  'import/file': importSource.extend({ allowDuplicate: z.boolean().default(false) }).strict(),
  'import/rejected': z.object({ batchId: z.number().int().positive(), ...rowRange }).strict(),
  'import/exportRejected': z
    .object({ batchId: z.number().int().positive(), format: z.enum(['csv', 'xlsx']) })
    .strict(),
  'profiles/list': empty,
  'profiles/save': z
    .object({
      name: z.string().trim().min(1).max(100),
      kind: z.enum(SOURCE_KINDS),
      mapping: mappingSchema
    })
    .strict(),
  /** Electron only (answered by the main process): the system's open-file dialog. */
  'dialog/openFile': empty
} as const

export interface ImportOutputs {
  'import/preview': ImportPreview
  'import/file': JobStarted
  'import/rejected': Page<RejectedRow>
  'import/exportRejected': FileDownload
  'profiles/list': Profile[]
  'profiles/save': Profile
  'dialog/openFile': { path: string | null }
}

export interface EncodingInfo {
  detected: string
  used: string
  /** 0..1, shown to the clerk; below 0.8 the UI asks to check the preview. */
  confidence: number
  candidates: { encoding: string; score: number }[]
}

export interface PreviewRow {
  rowNumber: number
  values: string[]
  /** The row as it will be stored, or null when it will be rejected. */
  record: Record<string, string | number | null> | null
  rejected: string[] | null
  warnings: string[]
}

export interface ImportPreview {
  fileName: string
  sha256: string
  size: number
  format: 'csv' | 'xlsx'
  encoding: EncodingInfo | null
  delimiter: string | null
  sheets: string[] | null
  sheet: string | null
  /** 1-based row number of the header (title rows above it are skipped). */
  headerRow: number
  headers: string[]
  /** The field each column fills (null: not imported), after detection and any mapping. */
  columnFields: (MappableField | null)[]
  mapping: Mapping
  /** Fields that must be mapped before committing (e.g. a name column). */
  missing: string[]
  rows: PreviewRow[]
  counts: { read: number; accepted: number; rejected: number }
  rejectedReasons: Record<string, number>
  warnings: Record<string, number>
  duplicateOf: { batchId: number; createdAt: string } | null
  /** A population file against the records held, by key (null for other kinds). */
  population?: PopulationDiff | null
}

/**
 * What a population file does to the records held, by national key: records it adds, records it
 * changes (the old content is kept as a version), records it carries unchanged, and records whose
 * version in the file is older than the one held (left as held).
 */
export interface PopulationDiff {
  new: number
  changed: number
  unchanged: number
  older: number
  /** The first changes, field by field. */
  samples: PopulationChangeSample[]
}

export interface PopulationChangeSample {
  rowNumber: number
  recordKey: string
  fromVersion: number
  toVersion: number
  fields: { field: string; before: string | null; after: string | null }[]
}

export interface RejectedRow {
  rowNumber: number
  rawText: string
  reasons: string[]
}

export interface Profile {
  name: string
  kind: SourceKind
  mapping: Mapping
  updatedAt: string
}

export interface ImportSummary {
  batchId: number
  kind: SourceKind
  fileName: string
  rowsRead: number
  rowsAccepted: number
  rowsRejected: number
  rejectedReasons: Record<string, number>
  warnings: Record<string, number>
  /**
   * A population file: the same counts as its preview, and the work its changes sent back (null
   * for other kinds; absent only in a summary a screen rebuilt from 'batches/list').
   */
  population?: {
    new: number
    changed: number
    unchanged: number
    older: number
    /** Review items whose record changed under their link, decision or correction. */
    flagged: number
    /** Corrections not yet sent, taken back because their record changed. */
    takenBack: number
  } | null
}
