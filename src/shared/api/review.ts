// Contract of 'review/*', 'search/population', 'corrections/propose|list' and 'views/*': the clerk's review workstation.
import { z } from 'zod'
import type { MatchGrade } from '../match'
import { MATCH_GRADES } from '../match'
import type {
  CorrectableField,
  CorrectionReason,
  CorrectionSide,
  CorrectionState,
  ReviewAction,
  ReviewState
} from '../review'
import {
  CORRECTABLE_FIELDS,
  CORRECTION_REASONS,
  CORRECTION_SIDES,
  CORRECTION_STATES,
  QUEUE_SORT_FIELDS,
  REVIEW_ACTIONS,
  REVIEW_STATES
} from '../review'
import { empty, rangeMessage, rowRange, validRange, type Page } from './common'
import type { ModelWeights, WeightStep } from './match'
import type { RecordRow } from './records'

/** What the review queue shows: every part optional, all parts must hold (flags: any / only). */
export const queueFilterSchema = z
  .object({
    grade: z.array(z.enum(MATCH_GRADES)).max(MATCH_GRADES.length).optional(),
    /** Flag names (MATCH_FLAGS in src/shared/match.ts); unknown names are refused. */
    flag: z.array(z.string().min(1).max(64)).max(40).optional(),
    /** 'any': at least one of the flags; 'only': flagged, and with no flag outside the list. */
    flagMode: z.enum(['any', 'only']).default('any'),
    batchId: z.number().int().positive().optional(),
    commune: z.string().min(1).max(20).optional(),
    /** Left out: every state but 'auto_accepted' (links the run accepted on its own). */
    state: z.array(z.enum(REVIEW_STATES)).max(REVIEW_STATES.length).optional()
  })
  .strict()
export type QueueFilter = z.output<typeof queueFilterSchema>

export const queueSortSchema = z
  .object({ field: z.enum(QUEUE_SORT_FIELDS), dir: z.enum(['asc', 'desc']) })
  .strict()

/** Which queue rows a view or an export covers: a run (the latest by default), a filter, an order. */
export const queueView = {
  runId: z.number().int().positive().optional(),
  sort: queueSortSchema.optional(),
  filter: queueFilterSchema.default({ flagMode: 'any' })
}

export const reviewInputs = {
  'review/queue': z
    .object({ ...rowRange, ...queueView })
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
      note: z.string().trim().max(2000).optional(),
      /** The state the clerk saw; refused (review_stale) when the record has moved on since. */
      expectedState: z.enum(REVIEW_STATES).optional()
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
  /** Take back one's own latest single decision on a record: state and link as they were. */
  'review/undo': z
    .object({
      sourceRecordId: z.number().int().positive(),
      decisionId: z.number().int().positive()
    })
    .strict(),
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
  'views/list': empty
} as const

export interface ReviewOutputs {
  /** hiddenAutoAccepted: rows of the filter left out because no state was asked for (see queueFilterSchema). */
  'review/queue': Page<QueueRow> & { runId: number | null; hiddenAutoAccepted: number }
  'review/pair': PairView
  'review/decide': DecideResult
  'review/undo': DecideResult
  'review/bulk': { count: number; applied: boolean }
  'review/dashboard': ReviewDashboard
  'search/population': SearchHit[]
  'corrections/propose': CorrectionRow
  'corrections/list': Page<CorrectionRow>
  'views/save': SavedView
  'views/list': SavedView[]
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
  /** The version of the population record decided on (null: no record, or decided before versions). */
  populationVersion: number | null
  /** Set when this decision took back an earlier one (review/undo): that decision's id. */
  undoes: number | null
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
  explanation: WeightStep[]
  /** What the run's model learnt: the weight of every level of every field. */
  model: ModelWeights | null
  /** Other register rows of the run linked to the same population record (one person written again). */
  sameRecord: SameRecordRow[]
  candidates: PairCandidate[]
  state: ReviewState
  link: {
    populationRecordId: number
    method: 'auto' | 'user'
    decidedBy: string
    /** The version of the population record the link was made on. */
    populationVersion: number | null
  } | null
  decisions: ReviewDecisionRow[]
  /** This record's correction proposals, in the order they were made. */
  corrections: CorrectionRow[]
  /**
   * The population record changed under this record's link, decision or correction, and no one
   * has decided since: both versions side by side (flag 'population_changed'). Null (or absent,
   * in a view a screen builds itself) otherwise.
   */
  populationChange?: PopulationChange | null
  /** Display names of the users named in decisions and proposals (by user name). */
  userNames: Record<string, string>
}

/** A population record's content on the version the work was done on, and as it is now. */
export interface PopulationChange {
  populationRecordId: number
  recordKey: string
  fromVersion: number
  toVersion: number
  cause: 'import' | 'sync'
  changedAt: string
  fields: {
    field: string
    before: string | number | null
    after: string | number | null
    changed: boolean
  }[]
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
    /** Decided by a person. */
    decided: number
    /** Waiting for a person ('open'). */
    remaining: number
    /** Accepted by the run on its own, and no one has decided since: neither of the above. */
    autoAccepted?: number
  }[]
}

export interface SavedView {
  name: string
  view: { filter: QueueFilter; sort?: z.output<typeof queueSortSchema>; columns?: string[] }
  updatedAt: string
}
