// The one API contract between the renderer (or CLI) and the backend: names, input schemas, output types.
import { z } from 'zod'
import type { ApiErrorShape } from './errors'
import type { PersonRecord, SourceKind } from './fields'
import { SORTABLE_FIELDS, SOURCE_KINDS } from './fields'
import type { Mapping, MappableField } from './mapping'
import { mappingSchema } from './mapping'
import type {
  CorrectableField,
  CorrectionReason,
  CorrectionSide,
  CorrectionState,
  ReviewAction,
  ReviewState
} from './review'
import {
  CORRECTABLE_FIELDS,
  CORRECTION_REASONS,
  CORRECTION_SIDES,
  CORRECTION_STATES,
  QUEUE_SORT_FIELDS,
  REVIEW_ACTIONS,
  REVIEW_STATES
} from './review'

const empty = z.object({}).strict()

export const jobId = z.string().min(1).max(64)

const GRADES = ['certain', 'probable', 'possible', 'none'] as const

/** What the review queue shows: every part optional, all parts must hold (flags: any / only). */
export const queueFilterSchema = z
  .object({
    grade: z.array(z.enum(GRADES)).max(4).optional(),
    /** Flag names (PAIR_FLAGS and RECORD_FLAGS of the match engine); unknown names are refused. */
    flag: z.array(z.string().min(1).max(64)).max(40).optional(),
    /** 'any': at least one of the flags; 'only': flagged, and with no flag outside the list. */
    flagMode: z.enum(['any', 'only']).default('any'),
    batchId: z.number().int().positive().optional(),
    commune: z.string().min(1).max(20).optional(),
    state: z.array(z.enum(REVIEW_STATES)).max(REVIEW_STATES.length).optional()
  })
  .strict()
export type QueueFilter = z.output<typeof queueFilterSchema>

export const queueSortSchema = z
  .object({ field: z.enum(QUEUE_SORT_FIELDS), dir: z.enum(['asc', 'desc']) })
  .strict()

const rowRange = { startRow: z.number().int().min(0), endRow: z.number().int().min(1) }
const validRange = (v: { startRow: number; endRow: number }): boolean =>
  v.endRow > v.startRow && v.endRow - v.startRow <= 1000
const rangeMessage = {
  message: 'endRow must be after startRow, at most 1000 rows per page',
  path: ['endRow']
}

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

/** Issue 6: user names, roles, and the class filter of bulk approval. */
export const USER_ROLES = ['admin', 'clerk', 'supervisor'] as const
export type UserRole = (typeof USER_ROLES)[number]
const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'letters a-z, digits, . _ -, 2 to 32 characters')
const displayName = z.string().trim().min(1).max(100)
export const approvalFilterSchema = z
  .object({
    field: z.enum(CORRECTABLE_FIELDS).optional(),
    reason: z.enum(CORRECTION_REASONS).optional(),
    batchId: z.number().int().positive().optional(),
    packageId: z.uuid().optional(),
    proposedBy: z.string().max(32).optional()
  })
  .strict()
export type ApprovalFilter = z.output<typeof approvalFilterSchema>
const needsReason = (v: { decision: string; reason?: string }): boolean =>
  v.decision !== 'reject' || (v.reason ?? '') !== ''
const reasonMessage = { message: 'a rejection needs a reason', path: ['reason'] }
/** One report covers one source batch or one commune (new 5-digit code), never both. */
export const REPORT_FORMATS = ['pdf', 'xlsx', 'html'] as const
const reportScope = z
  .object({
    batchId: z.number().int().positive().optional(),
    commune: z
      .string()
      .regex(/^\d{1,10}$/)
      .optional(),
    /** The match run to report on; by default the latest finished run covering the scope. */
    runId: z.number().int().positive().optional(),
    lang: z.enum(['vi', 'en']).default('vi')
  })
  .strict()
  .refine((v) => (v.batchId === undefined) !== (v.commune === undefined), {
    message: 'give exactly one of batchId and commune',
    path: ['batchId']
  })

const gridExportBase = z.object({
  format: z.enum(['csv', 'xlsx']),
  /** Column headers and coded values in this language. */
  lang: z.enum(['vi', 'en']).default('vi')
})

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
  'match/explain': z.object({ pairId: z.number().int().positive() }).strict(),
  'review/queue': z
    .object({
      ...rowRange,
      runId: z.number().int().positive().optional(),
      sort: queueSortSchema.optional(),
      filter: queueFilterSchema.default({ flagMode: 'any' })
    })
    .strict()
    .refine(validRange, rangeMessage),
  'review/pair': z
    .object({
      sourceRecordId: z.number().int().positive(),
      runId: z.number().int().positive().optional()
    })
    .strict(),
  'review/decide': z
    .object({
      sourceRecordId: z.number().int().positive(),
      action: z.enum(REVIEW_ACTIONS),
      /** Required by 'relink'; for 'duplicate' optional (the person both rows are). */
      populationRecordId: z.number().int().positive().optional(),
      runId: z.number().int().positive().optional(),
      note: z.string().trim().max(2000).optional()
    })
    .strict()
    .refine((v) => v.action !== 'relink' || v.populationRecordId !== undefined, {
      message: 'relink needs populationRecordId',
      path: ['populationRecordId']
    })
    .refine((v) => v.action !== 'note' || (v.note ?? '') !== '', {
      message: 'a note needs text',
      path: ['note']
    }),
  'review/bulk': z
    .object({
      runId: z.number().int().positive().optional(),
      filter: queueFilterSchema,
      action: z.literal('accept'),
      dryRun: z.boolean(),
      /** The count the clerk confirmed; the real run refuses when the queue moved since. */
      expectedCount: z.number().int().min(0).optional(),
      note: z.string().trim().max(2000).optional()
    })
    .strict(),
  'review/dashboard': z.object({ runId: z.number().int().positive().optional() }).strict(),
  // ---- dashboard, reports and grid exports (issue 5) ----
  /** Reviewer decisions per day (notes left out), with the running total: the progress line. */
  'review/timeline': z
    .object({
      batchId: z.number().int().positive().optional(),
      /** The last N days with decisions at most; older days still count in the running total. */
      days: z.number().int().min(1).max(3660).default(90)
    })
    .strict(),
  /** What a report can cover: the imported batches and the communes of the local records. */
  'reports/scopes': empty,
  'reports/build': reportScope,
  'reports/export': reportScope.extend({ format: z.enum(REPORT_FORMATS) }).strict(),
  /** Every row of a grid view (its filters and sort, not only the loaded page) as CSV or XLSX. */
  'grid/export': z.discriminatedUnion('grid', [
    gridExportBase
      .extend({
        grid: z.literal('records'),
        table: z.enum(['population', 'source']),
        sort: z
          .object({ field: z.enum(SORTABLE_FIELDS), dir: z.enum(['asc', 'desc']) })
          .strict()
          .optional(),
        search: z.string().max(200).optional(),
        batchId: z.number().int().positive().optional()
      })
      .strict(),
    gridExportBase
      .extend({
        grid: z.literal('queue'),
        runId: z.number().int().positive().optional(),
        sort: queueSortSchema.optional(),
        filter: queueFilterSchema.default({ flagMode: 'any' })
      })
      .strict(),
    gridExportBase
      .extend({ grid: z.literal('rejected'), batchId: z.number().int().positive() })
      .strict(),
    gridExportBase
      .extend({ grid: z.literal('corrections'), state: z.enum(CORRECTION_STATES).optional() })
      .strict()
  ]),
  // ---- end of dashboard, reports and grid exports ----
  'search/population': z
    .object({ q: z.string().max(200), limit: z.number().int().min(1).max(100).default(20) })
    .strict(),
  'corrections/propose': z
    .object({
      sourceRecordId: z.number().int().positive(),
      populationRecordId: z.number().int().positive(),
      side: z.enum(CORRECTION_SIDES),
      /** One person, several fields; a value left out is taken from the other side. */
      fields: z
        .array(
          z
            .object({ field: z.enum(CORRECTABLE_FIELDS), value: z.string().max(500).optional() })
            .strict()
        )
        .min(1)
        .max(CORRECTABLE_FIELDS.length),
      reason: z.enum(CORRECTION_REASONS),
      reasonText: z.string().trim().max(2000).optional(),
      evidence: z.string().trim().max(500).optional()
    })
    .strict()
    .refine((v) => new Set(v.fields.map((f) => f.field)).size === v.fields.length, {
      message: 'each field at most once',
      path: ['fields']
    })
    .refine((v) => v.reason !== 'other' || (v.reasonText ?? '') !== '', {
      message: "reason 'other' needs reasonText",
      path: ['reasonText']
    }),
  'corrections/list': z
    .object({ ...rowRange, state: z.enum(CORRECTION_STATES).optional() })
    .strict()
    .refine(validRange, rangeMessage),
  'views/save': z
    .object({
      name: z.string().trim().min(1).max(100),
      view: z
        .object({
          filter: queueFilterSchema,
          sort: queueSortSchema.optional(),
          columns: z.array(z.string().max(64)).max(50).optional()
        })
        .strict()
    })
    .strict(),
  'views/list': empty,
  // Issue 6: users and sessions, approval (four eyes, signatures), review packages.
  'auth/status': empty,
  'auth/setup': z.object({ username, displayName, password: z.string().min(1).max(200) }).strict(),
  'auth/login': z
    .object({
      username: z.string().trim().toLowerCase().min(1).max(32),
      password: z.string().min(1).max(200)
    })
    .strict(),
  'auth/logout': empty,
  'auth/changePassword': z
    .object({ oldPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) })
    .strict(),
  'users/list': empty,
  'users/create': z
    .object({
      username,
      displayName,
      role: z.enum(USER_ROLES),
      password: z.string().min(1).max(200)
    })
    .strict(),
  'users/setActive': z.object({ username, active: z.boolean() }).strict(),
  'trust/list': empty,
  'trust/add': z
    .object({
      username,
      role: z.enum(['clerk', 'supervisor']),
      /** SHA-256 of the key (hex), as read from the other machine; spaces are ignored. */
      fingerprint: z
        .string()
        .transform((v) => v.replace(/\s+/g, '').toLowerCase())
        .pipe(z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 fingerprint: 64 hex digits'))
    })
    .strict(),
  'corrections/resubmit': z.object({ uuid: z.uuid() }).strict(),
  'corrections/verify': z.object({ uuid: z.uuid() }).strict(),
  'approvals/list': z
    .object({
      ...rowRange,
      state: z.enum(CORRECTION_STATES).optional(),
      filter: approvalFilterSchema.default({})
    })
    .strict()
    .refine(validRange, rangeMessage),
  'approvals/decide': z
    .object({
      uuid: z.uuid(),
      decision: z.enum(['approve', 'reject']),
      reason: z.string().trim().max(2000).optional()
    })
    .strict()
    .refine(needsReason, reasonMessage),
  'approvals/bulk': z
    .object({
      filter: approvalFilterSchema,
      decision: z.enum(['approve', 'reject']),
      reason: z.string().trim().max(2000).optional(),
      dryRun: z.boolean(),
      /** The count the supervisor confirmed; the real run refuses when it no longer holds. */
      expectedCount: z.number().int().min(0).optional()
    })
    .strict()
    .refine(needsReason, reasonMessage),
  'packages/list': empty,
  'packages/exportProposals': empty,
  'packages/importProposals': z.object({ path: z.string().min(1).max(4096) }).strict(),
  'packages/exportDecisions': z.object({ packageId: z.uuid() }).strict(),
  'packages/importDecisions': z.object({ path: z.string().min(1).max(4096) }).strict(),
  // Issue 7: the outbox and the sync job (Đồng bộ).
  'sync/status': empty,
  'sync/run': empty,
  'sync/configure': z
    .object({
      url: z.url({ protocol: /^https?$/ }).max(2000),
      workstationId: z.string().min(1).max(200),
      secret: z.string().min(1).max(500),
      commune: z.string().min(1).max(16)
    })
    .strict()
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

export type JobKind = 'import' | 'sample' | 'match' | 'sync'

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
  seconds: { setup: number; scan: number; fit: number; write: number }
  /** The model the run fitted: the prior and every comparison level's weight (bits). */
  model?: ModelWeights
}

/** Fitted weights per comparison level: m, u and log2(m/u) of each level of each field. */
export interface ModelWeights {
  prior: number
  fields: {
    field: string
    /** Carried by both files (a field one file lacks weighs nothing). */
    used: boolean
    levels: { level: string; m: number; u: number; weight: number }[]
  }[]
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

export interface QueueRow {
  sourceRecordId: number
  sourceKey: string | null
  name: string
  dob: string | null
  batchId: number
  commune: string | null
  pairId: number | null
  populationRecordId: number | null
  populationKey: string | null
  populationName: string | null
  populationDob: string | null
  grade: MatchGrade
  probability: number
  flags: string[]
  state: ReviewState
}

export interface ReviewDecisionRow {
  id: number
  action: ReviewAction
  pairId: number | null
  populationRecordId: number | null
  stateBefore: ReviewState
  stateAfter: ReviewState
  note: string | null
  bulk: boolean
  actor: string
  at: string
}

export interface PairCandidate {
  pairId: number
  rank: number
  populationRecordId: number
  populationKey: string
  name: string
  dob: string | null
  idNumber: string | null
  probability: number
  grade: MatchGrade
  flags: string[]
}

/** A register row linked, in the same run, to the population record another row is linked to. */
export interface SameRecordRow {
  sourceRecordId: number
  sourceKey: string | null
  rowNumber: number
  name: string
  dob: string | null
  grade: MatchGrade
  probability: number
}

/** The pair view: both records field by field, why they scored so, and what was decided. */
export interface PairView {
  runId: number | null
  source: RecordRow
  population: RecordRow | null
  /** Field by field, source beside population; `same` compares the stored values. */
  fields: {
    field: string
    source: string | number | null
    population: string | number | null
    same: boolean
  }[]
  pairId: number | null
  grade: MatchGrade
  probability: number
  levels: Record<string, string | null>
  weights: Record<string, number>
  flags: string[]
  prior: number | null
  explanation: { field: string; level: string | null; weight: number }[]
  /** What the run's model learnt: the weight of every level of every field. */
  model: ModelWeights | null
  /** Other register rows of the run linked to the same population record (one person written again). */
  sameRecord: SameRecordRow[]
  candidates: PairCandidate[]
  state: ReviewState
  link: { populationRecordId: number; method: 'auto' | 'user'; decidedBy: string } | null
  decisions: ReviewDecisionRow[]
  corrections: CorrectionRow[]
}

export interface DecideResult {
  sourceRecordId: number
  state: ReviewState
  decisionId: number
  link: { populationRecordId: number } | null
}

export interface SearchHit {
  id: number
  recordKey: string
  fullName: string
  dob: string | null
  sex: string | null
  idNumber: string | null
  legacyId: string | null
  residence: string | null
  version: number
  /** 0 (no resemblance) to 1 (exact), for the order of the list. */
  score: number
}

export interface CorrectionRow {
  uuid: string
  sourceRecordId: number | null
  populationRecordId: number | null
  populationKey: string
  populationVersion: number
  side: CorrectionSide
  reason: CorrectionReason
  reasonText: string | null
  evidence: string | null
  state: CorrectionState
  proposedBy: string
  proposedAt: string
  fields: { field: CorrectableField; oldValue: string | null; newValue: string }[]
}

export interface ReviewDashboard {
  runId: number | null
  total: number
  byGrade: Record<MatchGrade, number>
  byFlag: Record<string, number>
  byState: Record<ReviewState, number>
  batches: {
    batchId: number
    fileName: string
    total: number
    decided: number
    remaining: number
  }[]
}

export interface ReviewTimeline {
  /** UTC calendar days with at least one decision, oldest first. */
  days: { date: string; decisions: number; cumulative: number }[]
  /** Decisions before the first day shown. */
  before: number
  total: number
}

export interface ReportScopes {
  batches: { batchId: number; fileName: string; kind: SourceKind; createdAt: string }[]
  communes: { code: string; name: string | null; records: number }[]
}

/** A file the backend made for the clerk: saved through the browser download (or Electron's dialog). */
export interface FileDownload {
  fileName: string
  mime: string
  base64: string
}

export interface ReportCorrection {
  no: number
  uuid: string
  populationKey: string
  name: string
  field: CorrectableField
  oldValue: string | null
  newValue: string
  side: CorrectionSide
  reason: CorrectionReason
  reasonText: string | null
  evidence: string | null
  state: CorrectionState
  proposedBy: string
  proposedAt: string
}

/** "Biên bản đối soát dữ liệu": one batch or one commune (src/core/reports builds it). */
export interface ReconciliationReport {
  scope: { kind: 'batch'; batchId: number } | { kind: 'commune'; commune: string }
  commune: { code: string | null; name: string | null }
  batches: {
    batchId: number
    fileName: string
    kind: SourceKind
    createdAt: string
    rowsRead: number
    rowsAccepted: number
    rowsRejected: number
  }[]
  run: { id: number; startedAt: string } | null
  generatedAt: string
  generatedBy: string
  /** First and last reviewer decision on the scope's records. */
  period: { from: string; to: string } | null
  summary: {
    total: number
    matched: number
    unmatched: number
    byGrade: Record<MatchGrade, number>
    byState: Record<ReviewState, number>
    decided: number
    remaining: number
    reviewedShare: number
    correctionsProposed: number
    correctionsApproved: number
    correctionsOther: number
  }
  mismatches: { flag: string; count: number; share: number }[]
  corrections: ReportCorrection[]
}

export interface SavedView {
  name: string
  view: { filter: QueueFilter; sort?: z.output<typeof queueSortSchema>; columns?: string[] }
  updatedAt: string
}

export interface SampleResult {
  dir: string
  population: ImportSummary
  registry: ImportSummary
}

/** Issue 6: a user as the API shows them (never a hash or a private key). */
export interface UserInfo {
  username: string
  displayName: string
  role: UserRole
  active: boolean
  locked: boolean
  /** SHA-256 of the public key (hex): what another machine's admin registers. */
  fingerprint: string
  /** Ed25519 public key, SPKI DER, base64. */
  publicKey: string
  createdAt: string
}

export interface AuthStatus {
  /** No user yet: the first-run screen creates the admin. */
  setupNeeded: boolean
  user: UserInfo | null
  sessionMinutes: number
}

/** The session id never reaches the renderer: the host keeps it (IPC) or sets a cookie (web). */
export interface SignInResult {
  user: UserInfo
  session?: string
}

export interface TrustedKeyInfo {
  fingerprint: string
  username: string
  role: 'clerk' | 'supervisor'
  addedBy: string
  addedAt: string
}

export interface ApprovalCheck {
  uuid: string
  state: CorrectionState
  /** null when the correction has no approval yet. */
  decision: 'approve' | 'reject' | null
  decidedBy: string | null
  decidedAt: string | null
  /** The signature verifies over approvalBytes(payload) with the supervisor's key, and the key is trusted. */
  valid: boolean
  /** Why not, when not valid: 'no_approval', 'bad_signature', 'payload_mismatch', 'untrusted_key'. */
  problem: string | null
  fingerprint: string | null
}

/** A proposal as the Duyệt screen shows it: the correction, both records' fields, the decision. */
export interface ApprovalItem extends CorrectionRow {
  batchId: number | null
  packageId: string | null
  source: Record<string, string | number | null> | null
  population: Record<string, string | number | null> | null
  approval: {
    decision: 'approve' | 'reject'
    reason: string | null
    decidedBy: string
    decidedAt: string
    fingerprint: string
  } | null
}

export interface PackageInfo {
  id: string
  kind: 'proposals' | 'decisions'
  direction: 'export' | 'import'
  signer: string
  items: number
  at: string
  /** Proposals imported here: how many are decided and could go back in a decisions file. */
  decided: number | null
}

export interface PackageFile {
  packageId: string
  fileName: string
  /** The whole signed file (JSON text). */
  content: string
  count: number
}

export interface PackageImport {
  packageId: string
  /** True when this package was imported before: nothing changed. */
  alreadyImported: boolean
  applied: number
  skipped: number
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
  'review/queue': { rows: QueueRow[]; total: number; runId: number | null }
  'review/pair': PairView
  'review/decide': DecideResult
  'review/bulk': { count: number; applied: boolean }
  'review/dashboard': ReviewDashboard
  'review/timeline': ReviewTimeline
  'reports/scopes': ReportScopes
  'reports/build': ReconciliationReport
  'reports/export': FileDownload
  'grid/export': FileDownload & { rows: number }
  'search/population': SearchHit[]
  'corrections/propose': CorrectionRow
  'corrections/list': { rows: CorrectionRow[]; total: number }
  'views/save': SavedView
  'views/list': SavedView[]
  'auth/status': AuthStatus
  'auth/setup': SignInResult
  'auth/login': SignInResult
  'auth/logout': { signedOut: boolean }
  'auth/changePassword': { changed: true }
  'users/list': UserInfo[]
  'users/create': UserInfo
  'users/setActive': UserInfo
  'trust/list': TrustedKeyInfo[]
  'trust/add': TrustedKeyInfo
  'corrections/resubmit': CorrectionRow
  'corrections/verify': ApprovalCheck
  'approvals/list': { rows: ApprovalItem[]; total: number }
  'approvals/decide': ApprovalItem
  'approvals/bulk': { count: number; ownExcluded: number; applied: boolean }
  'packages/list': PackageInfo[]
  'packages/exportProposals': PackageFile
  'packages/importProposals': PackageImport
  'packages/exportDecisions': PackageFile
  'packages/importDecisions': PackageImport
  'sync/status': SyncStatus
  'sync/run': { jobId: string }
  'sync/configure': SyncStatus
}

/** What one sync run did (the sync job's result). */
export interface SyncSummary {
  /** False when the gateway could not be reached (the rest waits for a later run). */
  online: boolean
  pushed: number
  accepted: number
  conflicts: number
  parked: number
  retryLater: number
  pulled: number
  changed: number
  deleted: number
  error: string | null
  /** Changed population records matched again right after the pull (0: no match run yet). */
  rematched?: number
}

export type OutboxStateName = 'pending' | 'sent' | 'parked' | 'conflict' | 'done'

/** An outbox item the clerk must look at: parked (with its reason) or in conflict (both versions). */
export interface OutboxItem {
  uuid: string
  state: OutboxStateName
  populationKey: string
  baseVersion: number
  fields: { field: string; oldValue: string | null; newValue: string }[]
  approvedBy: string
  attempts: number
  lastError: string | null
  updatedAt: string
  /** On a conflict: the national record as it stands (version and fields). */
  current: { version: number; record: Record<string, string | null> | null } | null
}

export interface SyncStatus {
  configured: boolean
  url: string | null
  commune: string | null
  /** null until the gateway was probed or a run tried it. */
  online: boolean | null
  counts: Record<OutboxStateName, number>
  lastSyncAt: string | null
  lastError: string | null
  /** Population records a pull changed since they were last matched. */
  rematch: number
  /** The running sync job, if any. */
  jobId: string | null
  parked: OutboxItem[]
  conflicts: OutboxItem[]
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
    result?: ImportSummary | SampleResult | MatchSummary | SyncSummary
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
