// Contract of 'match/*': start a match run, list runs, page through candidate pairs, explain one pair.
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
