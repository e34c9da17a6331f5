// The Fellegi–Sunter model: u from random pairs, m by EM without labels, weights, grades, explanations.
import type { MatchGrade } from '../../shared/match'
import { COMPARISONS, F, FIELD_COUNT, MISSING, NAME_SIMILAR } from './compare'
import type { AdjustLayer } from './learn'

/** Probability thresholds of the grades; the user can move them (saved with the run). */
export interface Thresholds {
  certain: number
  probable: number
  possible: number
}

export const DEFAULT_THRESHOLDS: Thresholds = { certain: 0.99, probable: 0.9, possible: 0.5 }

export interface ModelParams {
  /** m[field][level]: P(level | same person). */
  m: number[][]
  /** u[field][level]: P(level | different people), from random pairs. */
  u: number[][]
  /** Share of all source × population pairs that are the same person (the prior). */
  lambda: number
  /** Most bits that residence, parents and hometown may add together. */
  familyCap: number
  /** Term-frequency adjustment bounds (bits) for exact-looking name levels. */
  tfClip: number
  /** Mean chance that two random people share a folded full name (the u of the name level). */
  uName: number
  /**
   * The same for a given name: when only the given names agree ("similar"), a rare one says more
   * than a common one. Absent in models saved before it was kept.
   */
  uGiven?: number
  thresholds: Thresholds
  emIterations: number
  /** Fields present in both sources: a field absent from the extract carries no weight. */
  fieldsUsed: string[]
  /**
   * Fields a household shares (positions in COMPARISONS), whose weights together are capped.
   * An identifier many population records share (a household book) is one of them.
   */
  familyFields?: number[]
  /**
   * What clerks' decisions taught on top of the fitted weights (learn.ts): absent until a model
   * learns from labels, and then applied to every pair it scores.
   */
  layers?: AdjustLayer[]
}

/** What a household shares: residence, parents, hometown. */
export const FAMILY_FIELDS: readonly number[] = [F.residence, F.father, F.mother, F.hometown]

const LEVELS = COMPARISONS.map((c) => c.levels.length)

/** Base of the pattern code: levels + 1 (for MISSING) per field. */
const RADIX = LEVELS.map((n) => n + 1)

/** How many distinct level patterns there are (codes are 0..PATTERN_SPACE-1). */
export const PATTERN_SPACE = RADIX.reduce((a, b) => a * b, 1)

export function encodePattern(levels: ArrayLike<number>): number {
  let code = 0
  for (let f = FIELD_COUNT - 1; f >= 0; f--) code = code * RADIX[f]! + (levels[f]! + 1)
  return code
}

export function decodePattern(code: number): number[] {
  const out = new Array<number>(FIELD_COUNT)
  for (let f = 0; f < FIELD_COUNT; f++) {
    out[f] = (code % RADIX[f]!) - 1
    code = Math.floor(code / RADIX[f]!)
  }
  return out
}

/**
 * Starting m values: what a careful clerk expects of the same person written twice. EM moves
 * them; these only keep it from settling on "same household" instead of "same person".
 */
export const PRIOR_M: number[][] = [
  [0.6, 0.1, 0.08, 0.02, 0.04, 0.02, 0.08, 0.03, 0.02, 0.005, 0.005],
  [0.78, 0.05, 0.04, 0.03, 0.08, 0.01, 0.01],
  [0.995, 0.005],
  [0.9, 0.06, 0.03, 0.01],
  [0.7, 0.24, 0.04, 0.02],
  [0.93, 0.05, 0.02],
  [0.93, 0.05, 0.02],
  [0.95, 0.03, 0.02],
  [0.9, 0.07, 0.03]
]

/** Floors: no field may ever prove a match impossible, nor a disagreement be free. */
const M_FLOOR = 1e-4
const DIFFERENT_M_FLOOR = 2e-3
/**
 * People move and hometowns are written loosely: a sample where nobody moved must not teach
 * the model that another hamlet or commune rules a person out (residence, hometown).
 */
const SOFT_FIELDS = new Set<number>([F.residence, F.hometown])
const SOFT_M_FLOOR = 0.01

export function floorOf(f: number, l: number, levels: number): number {
  if (SOFT_FIELDS.has(f)) return SOFT_M_FLOOR
  return l === levels - 1 ? DIFFERENT_M_FLOOR : M_FLOOR
}

/**
 * Levels are ordered from agreement to disagreement, so a worse level may never be better
 * evidence than a stronger one: the ratio m/u is made non-increasing, then m sums to 1. Without
 * this, EM can decide that living in another province is a sign of being the same person.
 */
export function monotone(row: number[], u: number[], f: number): number[] {
  const r = row.map((x, l) => x / u[l]!)
  const free = UNORDERED[f] ?? []
  let last = Infinity
  for (let l = 0; l < r.length; l++) {
    if (free.includes(l)) continue
    if (r[l]! > last) r[l] = last
    last = r[l]!
  }
  const end = r.length - 1
  for (let l = 0; l < end; l++) if (r[end]! > r[l]!) r[end] = r[l]!
  const out = r.map((x, l) => x * u[l]!)
  const s = out.reduce((a, b) => a + b, 0)
  return out.map((x) => x / s)
}

/**
 * Levels outside the strength order: a year-only date that agrees says less than an exact date
 * but is no "worse" than a lunar offset; it is another kind of evidence (dob "partial"). So are
 * the ways one name is written differently (tone, marks, order, a middle name, a slip, a part
 * missing): among strangers a slip is rarer than the same common name, and may say more. So
 * are "similar" (the given name agrees) and "different_given" (the family name does). Only the
 * exact name and "different" are ordered, and the last level of any field weighs least.
 */
const UNORDERED: Record<number, number[]> = {
  [F.dob]: [4],
  [F.name]: [1, 2, 3, 4, 5, 6, 7, 8, 9]
}

/** u from the level counts of random pairs (smoothed so an unseen level is rare, not impossible). */
export function estimateU(patterns: Map<number, number>): number[][] {
  const counts = LEVELS.map((n) => new Array<number>(n).fill(0))
  for (const [code, n] of patterns) {
    const levels = decodePattern(code)
    for (let f = 0; f < FIELD_COUNT; f++) if (levels[f]! !== MISSING) counts[f]![levels[f]!]! += n
  }
  return counts.map((c) => {
    const total = c.reduce((s, x) => s + x, 0)
    return c.map((x) => (x + 0.5) / (total + 0.5 * c.length))
  })
}

/**
 * EM over the level patterns of blocked pairs, fastLink-style: m and the blocked pairs' own u
 * are both free (blocked non-matches look nothing like random pairs, so the random u cannot
 * stand in for them here). Only m is kept; scoring uses the u of random pairs. The starting
 * share of matches comes from deterministic rules: same ID, or same name and birth date.
 */
export function estimateM(
  patterns: Map<number, number>,
  uRandom: number[][],
  iterations = 40,
  /** Where EM starts: m counted on pairs strong evidence says are one person (see fitModel). */
  start: number[][] = PRIOR_M
): { m: number[][]; matches: number; iterations: number } {
  const entries = [...patterns].map(([code, n]) => ({ levels: decodePattern(code), n }))
  let total = 0
  let sure = 0
  const freq = LEVELS.map((n) => new Array<number>(n).fill(0.5))
  for (const e of entries) {
    total += e.n
    const l = e.levels
    if (
      l[F.id] === 0 ||
      l[F.otherId] === 0 ||
      (l[F.name]! >= 0 && l[F.name]! <= 2 && l[F.dob] === 0)
    )
      sure += e.n
    for (let f = 0; f < FIELD_COUNT; f++) if (l[f]! !== MISSING) freq[f]![l[f]!]! += e.n
  }
  let lambda = Math.min(0.5, Math.max(1e-4, sure / Math.max(1, total)))
  let m = start.map((r) => r.slice())
  let ub = freq.map(normalise)
  let matchMass = 0
  let it = 0
  for (; it < iterations; it++) {
    const accM = LEVELS.map((n) => new Array<number>(n).fill(0))
    const accU = LEVELS.map((n) => new Array<number>(n).fill(0.5))
    matchMass = 0
    for (const e of entries) {
      let pm = lambda
      let pu = 1 - lambda
      for (let f = 0; f < FIELD_COUNT; f++) {
        const l = e.levels[f]!
        if (l === MISSING) continue
        pm *= m[f]![l]!
        pu *= ub[f]![l]!
      }
      const w = pm / (pm + pu)
      matchMass += w * e.n
      for (let f = 0; f < FIELD_COUNT; f++) {
        const l = e.levels[f]!
        if (l === MISSING) continue
        accM[f]![l]! += w * e.n
        accU[f]![l]! += (1 - w) * e.n
      }
    }
    const next = accM.map((row, f) => {
      const s = row.reduce((a, b) => a + b, 0)
      if (s <= 0) return m[f]!.slice()
      return monotone(
        row.map((x, l) => Math.max(floorOf(f, l, row.length), x / s)),
        uRandom[f]!,
        f
      )
    })
    const newLambda = Math.min(0.5, Math.max(1e-6, matchMass / Math.max(1, total)))
    let delta = Math.abs(newLambda - lambda)
    for (let f = 0; f < FIELD_COUNT; f++)
      for (let l = 0; l < next[f]!.length; l++)
        delta = Math.max(delta, Math.abs(next[f]![l]! - m[f]![l]!))
    m = next
    ub = accU.map(normalise)
    lambda = newLambda
    if (delta < 1e-6) break
  }
  return { m, matches: matchMass, iterations: it }
}

function normalise(row: number[]): number[] {
  const s = row.reduce((a, b) => a + b, 0)
  return row.map((x) => x / s)
}

export interface Scored {
  /** Bits of evidence per field (0 when missing), name including its frequency adjustment. */
  weights: number[]
  prior: number
  total: number
  probability: number
}

/**
 * Scores compared pairs under one model: field weights log2(m/u) looked up, not recomputed, per
 * pair. `score` writes each field's weight into `out` and returns the total bits.
 */
export function patternScorer(params: ModelParams) {
  const table = params.m.map((m, f) => m.map((x, l) => Math.log2(x / params.u[f]![l]!)))
  const prior = Math.log2(params.lambda / (1 - params.lambda))
  const familyFields = params.familyFields ?? FAMILY_FIELDS
  return {
    prior,
    score(levels: ArrayLike<number>, at: number, nameFreq: number, out: Float64Array): number {
      for (let f = 0; f < FIELD_COUNT; f++) {
        const l = levels[at + f]!
        if (l === MISSING) {
          out[f] = 0
          continue
        }
        let w = table[f]![l]!
        if (f === F.name && nameFreq > 0) {
          // Common names (Nguyễn Văn Hùng) say less than rare ones: Splink's term-frequency
          // adjustment, on the full name, or on the given name when only it agrees.
          const u = l <= 2 ? params.uName : l === NAME_SIMILAR ? params.uGiven : undefined
          if (u !== undefined) {
            const adj = Math.log2(u / nameFreq)
            w += Math.max(-params.tfClip, Math.min(params.tfClip, adj))
          }
        }
        out[f] = w
      }
      // A household shares its address, hometown and parents: those agreements are one piece of
      // evidence ("same family"), not four, so together they may add at most familyCap bits.
      // This is what keeps a twin or a sibling from being linked on family evidence alone. One
      // such field alone is no double count: its weight is what the file taught (a street
      // address with its house number, in a register of strangers, says much more than a hamlet).
      let family = 0
      let agreeing = 0
      for (const f of familyFields)
        if (out[f]! > 0) {
          family += out[f]!
          agreeing++
        }
      if (agreeing > 1 && family > params.familyCap) {
        const k = params.familyCap / family
        for (const f of familyFields) if (out[f]! > 0) out[f] = out[f]! * k
      }
      let total = prior
      for (let f = 0; f < FIELD_COUNT; f++) total += out[f]!
      return total
    }
  }
}

export const probabilityOf = (total: number): number => 1 / (1 + 2 ** -total)

/** Weight of each field, the prior, and the final probability of one compared pair. */
export function scorePattern(
  params: ModelParams,
  levels: ArrayLike<number>,
  nameFreq: number
): Scored {
  const scorer = patternScorer(params)
  const out = new Float64Array(FIELD_COUNT)
  const total = scorer.score(levels, 0, nameFreq, out)
  return { weights: [...out], prior: scorer.prior, total, probability: probabilityOf(total) }
}

export function gradeOf(p: number, t: Thresholds): MatchGrade {
  if (p >= t.certain) return 'certain'
  if (p >= t.probable) return 'probable'
  if (p >= t.possible) return 'possible'
  return 'none'
}

/** One field's share of a decision, for the waterfall the UI draws. */
export interface ExplainStep {
  field: string
  level: string | null
  weight: number
}

export function explain(params: ModelParams, levels: ArrayLike<number>, nameFreq: number) {
  const s = scorePattern(params, levels, nameFreq)
  const steps: ExplainStep[] = COMPARISONS.map((c, f) => ({
    field: c.field,
    level: levels[f]! === MISSING ? null : c.levels[levels[f]!]!,
    weight: s.weights[f]!
  }))
  return {
    prior: s.prior,
    steps,
    total: s.total,
    probability: s.probability,
    grade: gradeOf(s.probability, params.thresholds)
  }
}
