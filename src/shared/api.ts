// The one API contract between the renderer (or CLI) and the backend: names, input schemas, output types.
import { z } from 'zod'
import type { ApiErrorShape } from './errors'
import type { PersonRecord, SourceKind } from './fields'
import { SORTABLE_FIELDS, SOURCE_KINDS } from './fields'
import type { Mapping, MappableField } from './mapping'
import { mappingSchema } from './mapping'

const empty = z.object({}).strict()

export const jobId = z.string().min(1).max(64)

/** What to import and how to read it; every choice is optional and detected when left out. */
const importSource = z
  .object({
    kind: z.enum(SOURCE_KINDS),
    path: z.string().min(1).max(4096),
    /** 'auto' (default) or an encoding name from ENCODINGS in src/shared/encodings.ts. */
    encoding: z.string().max(40).optional(),
    sheet: z.union([z.string().max(200), z.number().int().min(1)]).optional(),
    /** A saved profile's name; its mapping applies under any explicit mapping. */
    profile: z.string().max(100).optional(),
    mapping: mappingSchema.optional()
  })
  .strict()

/** Input schemas, validated at the backend boundary. Names are 'domain/verb'. */
export const inputs = {
  'app/info': empty,
  'batches/list': empty,
  'records/list': z
    .object({
      table: z.enum(['population', 'source']),
      startRow: z.number().int().min(0),
      endRow: z.number().int().min(1),
      sort: z
        .object({ field: z.enum(SORTABLE_FIELDS), dir: z.enum(['asc', 'desc']) })
        .strict()
        .optional(),
      search: z.string().max(200).optional(),
      batchId: z.number().int().positive().optional()
    })
    .strict()
    .refine((v) => v.endRow > v.startRow && v.endRow - v.startRow <= 1000, {
      message: 'endRow must be after startRow, at most 1000 rows per page',
      path: ['endRow']
    }),
  'sample/create': z
    .object({
      population: z.number().int().min(10).max(200_000).default(5000),
      registry: z.number().int().min(1).max(50_000).default(1000),
      seed: z
        .number()
        .int()
        .min(0)
        .max(2 ** 31)
        .default(1)
    })
    .strict(),
  'import/preview': importSource,
  'import/file': importSource.extend({ allowDuplicate: z.boolean().default(false) }).strict(),
  'import/rejected': z
    .object({
      batchId: z.number().int().positive(),
      startRow: z.number().int().min(0),
      endRow: z.number().int().min(1)
    })
    .strict(),
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
  'dialog/openFile': empty,
  'jobs/cancel': z.object({ jobId }).strict(),
  'jobs/list': empty,
  'match/run': z
    .object({
      source: z.union([z.number().int().positive(), z.literal('all')]).optional(),
      thresholds: z
        .object({
          certain: z.number().min(0).max(1),
          probable: z.number().min(0).max(1),
          possible: z.number().min(0).max(1)
        })
        .partial()
        .strict()
        .optional()
    })
    .strict(),
  'match/runs': empty,
  'match/pairs': z
    .object({
      runId: z.number().int().positive(),
      grade: z.enum(['certain', 'probable', 'possible', 'none']).optional(),
      flag: z.string().max(64).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(100)
    })
    .strict(),
  'match/explain': z.object({ pairId: z.number().int().positive() }).strict()
} as const

export type ApiName = keyof typeof inputs
export type ApiInput<N extends ApiName> = z.input<(typeof inputs)[N]>
export type ApiParsedInput<N extends ApiName> = z.output<(typeof inputs)[N]>

export interface BatchSummary {
  id: number
  kind: SourceKind
  fileName: string
  sha256: string
  rowsRead: number
  rowsAccepted: number
  rowsRejected: number
  createdAt: string
}

export interface AppInfo {
  version: string
  schemaVersion: number
  dbPath: string
  counts: { population: number; source: number; batches: number; rejected: number }
  /** True when nothing has been imported yet: the UI offers a sample commune. */
  empty: boolean
}

export interface RecordRow extends PersonRecord {
  id: number
  record_key: string | null
  batch_id: number | null
  row_number: number | null
  version: number | null
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
}

export interface JobInfo {
  jobId: string
  kind: JobKind
  state: 'running' | 'done' | 'failed' | 'cancelled'
}

export type JobKind = 'import' | 'sample' | 'match'

export type MatchGrade = 'certain' | 'probable' | 'possible' | 'none'

export interface MatchSummary {
  runId: number
  sourceCount: number
  populationCount: number
  /** Pairs compared after blocking. */
  compared: number
  /** Pairs kept and scored. */
  candidatePairs: number
  /** Source records by the grade of their link ('none': unmatched). */
  grades: Record<MatchGrade, number>
  unmatched: number
  duplicates: number
  seconds: { scan: number; fit: number; write: number }
}

export interface MatchRunInfo {
  id: number
  sourceBatchId: number | null
  sourceCount: number
  populationCount: number
  startedAt: string
  stats: Record<string, unknown>
}

export interface MatchPairRow {
  id: number
  sourceRecordId: number
  populationRecordId: number
  sourceKey: string | null
  populationKey: string
  probability: number
  grade: MatchGrade
  flags: string[]
}

/** Why a pair scored as it did: the waterfall the review screen draws. */
export interface MatchExplanation {
  pairId: number
  prior: number
  steps: { field: string; level: string | null; weight: number }[]
  total: number
  probability: number
  grade: MatchGrade
  flags: string[]
}

export interface SampleResult {
  dir: string
  population: ImportSummary
  registry: ImportSummary
}

/** Output types by handler name. */
export interface Outputs {
  'app/info': AppInfo
  'batches/list': BatchSummary[]
  'records/list': { rows: RecordRow[]; total: number }
  'sample/create': { jobId: string }
  'import/preview': ImportPreview
  'import/file': { jobId: string }
  'import/rejected': { rows: RejectedRow[]; total: number }
  'import/exportRejected': { fileName: string; mime: string; base64: string }
  'profiles/list': Profile[]
  'profiles/save': Profile
  'dialog/openFile': { path: string | null }
  'jobs/cancel': { cancelled: boolean }
  'jobs/list': JobInfo[]
  'match/run': { jobId: string }
  'match/runs': MatchRunInfo[]
  'match/pairs': { rows: MatchPairRow[]; total: number }
  'match/explain': MatchExplanation
}
export type ApiOutput<N extends ApiName> = Outputs[N]

/** Events pushed from backend to clients (window.api.on). */
export interface Events {
  'job/progress': {
    jobId: string
    kind: JobKind
    phase: string
    done: number
    total: number | null
  }
  'job/done': {
    jobId: string
    kind: JobKind
    state: 'done' | 'failed' | 'cancelled'
    result?: ImportSummary | SampleResult | MatchSummary
    error?: ApiErrorShape
  }
}
export type EventName = keyof Events

export const EVENT_NAMES: readonly EventName[] = ['job/progress', 'job/done']

export const API_NAMES = Object.keys(inputs) as ApiName[]

/** The surface the preload exposes as window.api, and web mode mirrors. */
export interface WindowApi {
  call<N extends ApiName>(name: N, args: ApiInput<N>): Promise<ApiOutput<N>>
  on<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void
}
