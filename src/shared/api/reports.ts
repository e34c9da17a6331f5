// Contract of 'review/timeline', 'reports/*' and 'grid/export': the dashboard's progress line, the reconciliation report, grid exports.
import { z } from 'zod'
import type { SourceKind } from '../fields'
import type { MatchGrade } from '../match'
import type {
  CorrectableField,
  CorrectionReason,
  CorrectionSide,
  CorrectionState,
  ReviewState
} from '../review'
import { CORRECTION_STATES } from '../review'
import { empty, lang, type FileDownload } from './common'
import { recordsView } from './records'
import { queueView } from './review'

export const REPORT_FORMATS = ['pdf', 'xlsx', 'html'] as const

/** One report covers one source batch or one commune (new 5-digit code), never both. */
const reportScope = z
  .object({
    batchId: z.number().int().positive().optional(),
    commune: z
      .string()
      .regex(/^\d{1,10}$/)
      .optional(),
    /** The match run to report on; by default the latest finished run covering the scope. */
    runId: z.number().int().positive().optional(),
    lang
  })
  .strict()
  .refine((v) => (v.batchId === undefined) !== (v.commune === undefined), {
    message: 'give exactly one of batchId and commune',
    path: ['batchId']
  })

const gridExportBase = z.object({
  format: z.enum(['csv', 'xlsx']),
  /** Column headers and coded values in this language. */
  lang
})

export const reportInputs = {
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
    gridExportBase.extend({ grid: z.literal('records'), ...recordsView }).strict(),
    gridExportBase.extend({ grid: z.literal('queue'), ...queueView }).strict(),
    gridExportBase
      .extend({ grid: z.literal('rejected'), batchId: z.number().int().positive() })
      .strict(),
    gridExportBase
      .extend({ grid: z.literal('corrections'), state: z.enum(CORRECTION_STATES).optional() })
      .strict()
  ])
} as const

export interface ReportOutputs {
  'review/timeline': ReviewTimeline
  'reports/scopes': ReportScopes
  'reports/build': ReconciliationReport
  'reports/export': FileDownload
  'grid/export': FileDownload & { rows: number }
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
