// The one API contract between the renderer (or CLI) and the backend: names, input schemas, output types.
import { z } from 'zod'
import type { ApiErrorShape } from './errors'
import type { PersonRecord, SourceKind } from './fields'
import { SORTABLE_FIELDS, SOURCE_KINDS } from './fields'

const empty = z.object({}).strict()

export const jobId = z.string().min(1).max(64)

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
  'import/file': z
    .object({
      kind: z.enum(SOURCE_KINDS),
      path: z.string().min(1).max(4096),
      allowDuplicate: z.boolean().default(false)
    })
    .strict(),
  'jobs/cancel': z.object({ jobId }).strict(),
  'jobs/list': empty
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

export type JobKind = 'import' | 'sample'

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
  'import/file': { jobId: string }
  'jobs/cancel': { cancelled: boolean }
  'jobs/list': JobInfo[]
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
    result?: ImportSummary | SampleResult
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
