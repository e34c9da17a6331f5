// Fitting and applying the model to scanned pairs: u, EM, scores, one-to-one links and grades.
import { assignOneToOne, type Assignment } from './assign'
import { COMPARISONS, FIELD_COUNT, MISSING } from './compare'
import type { PairBatch } from './engine'
import {
  DEFAULT_THRESHOLDS,
  estimateM,
  estimateU,
  patternScorer,
  probabilityOf,
  decodePattern,
  type ModelParams,
  type Thresholds
} from './model'

/** Name levels up to "typo": the given name is recognisably the same. */
const NAME_TRAIN_MAX = 5

export interface FitOptions {
  thresholds?: Thresholds
  tfClip?: number
  familyCap?: number
  iterations?: number
}

/** Estimate the model from the blocked pairs' patterns and the random pairs' patterns. */
export function fitModel(
  blocked: Map<number, number>,
  random: Map<number, number>,
  uName: number,
  sizes: { source: number; population: number },
  o: FitOptions = {}
): ModelParams {
  const u = estimateU(random)
  // EM learns "same family" as readily as "same person": siblings share parents, address and
  // hometown. So it is trained where the names agree (no sibling or twin there) ...
  const named = new Map<number, number>()
  const idSure = new Array<number>(COMPARISONS[0].levels.length).fill(0)
  let idSureTotal = 0
  for (const [code, n] of blocked) {
    const l = decodePattern(code)
    if (l[0]! >= 0 && l[0]! <= NAME_TRAIN_MAX) named.set(code, n)
    // ... and the name's own m comes from pairs whose ID and birth date agree: the same person.
    if (l[3] === 0 && l[1]! >= 0 && l[1]! <= 4 && l[0]! >= 0) {
      idSure[l[0]!]! += n
      idSureTotal += n
    }
  }
  const { m, matches, iterations } = estimateM(named, u, o.iterations ?? 40)
  if (idSureTotal >= 200) {
    m[0] = idSure.map((x, l) => Math.max(l === idSure.length - 1 ? 1e-3 : 1e-4, x / idSureTotal))
    const s = m[0].reduce((a, b) => a + b, 0)
    m[0] = m[0].map((x) => x / s)
  }
  const all = Math.max(1, sizes.source * sizes.population)
  const lambda = Math.min(0.5, Math.max(1 / all, matches / all))
  const present = new Array<number>(FIELD_COUNT).fill(0)
  for (const [code, n] of blocked) {
    const l = decodePattern(code)
    for (let f = 0; f < FIELD_COUNT; f++) if (l[f] !== MISSING) present[f]! += n
  }
  return {
    m,
    u,
    lambda,
    tfClip: o.tfClip ?? 4,
    familyCap: o.familyCap ?? 8,
    uName,
    thresholds: o.thresholds ?? DEFAULT_THRESHOLDS,
    emIterations: iterations,
    fieldsUsed: COMPARISONS.filter((_, f) => present[f]! > 0).map((c) => c.field)
  }
}

export interface Scores {
  probability: Float64Array
  /** FIELD_COUNT weights per pair. */
  weights: Float32Array
}

/** Score pairs; nameFreq[i] is the population share of pair i's folded name. */
export function scorePairs(params: ModelParams, pairs: PairBatch, nameFreq: Float64Array): Scores {
  const probability = new Float64Array(pairs.length)
  const weights = new Float32Array(pairs.length * FIELD_COUNT)
  const scorer = patternScorer(params)
  const w = new Float64Array(FIELD_COUNT)
  for (let i = 0; i < pairs.length; i++) {
    probability[i] = probabilityOf(scorer.score(pairs.levels, i * FIELD_COUNT, nameFreq[i]!, w))
    weights.set(w, i * FIELD_COUNT)
  }
  return { probability, weights }
}

export function assignPairs(
  params: ModelParams,
  sourceCount: number,
  pairs: PairBatch,
  scores: Scores
): Assignment {
  return assignOneToOne(
    sourceCount,
    pairs.src,
    pairs.popId,
    scores.probability,
    params.thresholds.possible,
    params.thresholds.probable
  )
}
