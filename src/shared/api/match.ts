// Contract of 'match/*': start a match run, what a run would start from, list runs, page through
// candidate pairs, explain one pair.
import { z } from 'zod'
import type { MatchGrade } from '../match'
import { MATCH_GRADES } from '../match'
import { empty, type JobStarted, type Page } from './common'

export const matchInputs = {
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
  'match/model': empty,
  'match/pairs': z
    .object({
      runId: z.number().int().positive(),
      grade: z.enum(MATCH_GRADES).optional(),
      flag: z.string().max(64).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(100)
    })
    .strict(),
  'match/explain': z.object({ pairId: z.number().int().positive() }).strict()
} as const

export interface MatchOutputs {
  'match/run': JobStarted
  'match/runs': MatchRunInfo[]
  'match/model': MatchModelInfo
  'match/pairs': Page<MatchPairRow>
  'match/explain': MatchExplanation
}

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

/**
 * What the Đối soát screen shows before a run: what would be compared, the model a new batch is
 * scored with, what is not matched yet, and the run under way. A run's progress comes as
 * 'job/progress' events counted in source records (phases 'scan' and 'write'; 'fit' between them
 * has no count); 'jobs/cancel' stops it and nothing of it is written.
 */
export interface MatchRunInfo {
  id: number
  /** null: a full run (every register row). */
  sourceBatchId: number | null
  sourceCount: number
  populationCount: number
  startedAt: string
  stats: Record<string, unknown>
}

/** The grade thresholds a run used (probabilities 0..1). */
export interface GradeThresholds {
  certain: number
  probable: number
  possible: number
}

/** What the review screen says about matching: the model, the last run, the batches still waiting. */
export interface MatchModelInfo {
  /** The model new batches are scored with, and the run that estimated it; null before any run. */
  model: {
    runId: number
    fittedAt: string
    /** Display name of who started that run. */
    fittedBy: string
    /** The register batches it was estimated on. */
    batches: { id: number; fileName: string }[]
    sourceCount: number
    populationCount: number
    /** Bits of the prior (before any field is compared). */
    prior: number
    /** The weight (bits) each comparison level adds, per compared field (COMPARISONS order). */
    comparisons: { field: string; levels: { level: string; weight: number }[] }[]
  } | null
  /** The latest finished run: the one the queue shows, and the thresholds it graded with. */
  lastRun: {
    runId: number
    at: string
    by: string
    /** The one batch it matched; null when it matched every register row. */
    batchId: number | null
    sourceCount: number
    thresholds: GradeThresholds
  } | null
  /** Register batches with rows that no run has matched yet, oldest first. */
  unmatched: { id: number; fileName: string; rows: number; createdAt: string }[]
  /** Records a full run would compare now. */
  counts: { population: number; source: number }
  /**
   * Population records added or changed since the model's full run (imports, sync pulls): only a
   * full run compares them with every register row. Before any run: every population record.
   */
  populationChangedSince: number
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

/** One field's part of a score: the level it compared at and the weight (bits) it added. */
export interface WeightStep {
  field: string
  level: string | null
  weight: number
}

/** Why a pair scored as it did: the waterfall the review screen draws. */
export interface MatchExplanation {
  pairId: number
  prior: number
  steps: WeightStep[]
  total: number
  probability: number
  grade: MatchGrade
  flags: string[]
}
