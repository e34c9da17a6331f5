// Fitting and applying the model to scanned pairs: u, EM, scores, one-to-one links and grades.
import type { ModelWeights } from '../../shared/api'
import { COMPARISONS, F, FIELD_COUNT, MISSING } from './compare'
import type { PairBatch } from './engine'
import { levelBits, patternBits } from './learn'
import {
  DEFAULT_THRESHOLDS,
  estimateM,
  estimateU,
  FAMILY_FIELDS,
  floorOf,
  monotone,
  patternScorer,
  PRIOR_M,
  probabilityOf,
  decodePattern,
  type ModelParams,
  type Thresholds
} from './model'

/** Name levels up to "partial": the given name, or what is written of the name, is recognisably the same. */
const NAME_TRAIN_MAX = 7

/** Pairs an anchor needs before its counts are trusted over the prior. */
const ANCHOR_MIN = 100
/** Pairs whose ID agrees needed before the name's own m is read from them alone. */
const NAME_ANCHOR_MIN = 200
/**
 * Share of population records whose identifier another record also carries, above which the
 * identifier is not a person's (a household book, a family's card): agreeing on it is then
 * household evidence, capped with the address and parents, and never a starting point.
 */
const SHARED_ID_MAX = 0.05

export interface FitOptions {
  thresholds?: Thresholds
  tfClip?: number
  familyCap?: number
  iterations?: number
}

/** How often the population's identifiers repeat: records carrying each, and those sharing it. */
export interface IdentifierStats {
  id: { carried: number; shared: number }
  other_id: { carried: number; shared: number }
}

const personal = (s: { carried: number; shared: number } | undefined): boolean =>
  s === undefined || s.carried === 0 || s.shared / s.carried <= SHARED_ID_MAX

/** Level counts per field over the patterns `pick` accepts, and how many pairs they are. */
function countLevels(patterns: Map<number, number>, pick: (levels: number[]) => boolean): Anchor {
  const counts = COMPARISONS.map((c) => new Array<number>(c.levels.length).fill(0))
  const totals = new Array<number>(FIELD_COUNT).fill(0)
  for (const [code, n] of patterns) {
    const l = decodePattern(code)
    if (!pick(l)) continue
    for (let f = 0; f < FIELD_COUNT; f++) {
      if (l[f] === MISSING) continue
      counts[f]![l[f]!]! += n
      totals[f]! += n
    }
  }
  return { counts, totals }
}

type Anchor = { counts: number[][]; totals: number[] }

/** Name levels of another given name, or another family or middle name. */
const NAME_SIMILAR = COMPARISONS[F.name].levels.indexOf('similar')
/** Date levels of another birth date (a year or more apart). */
const DOB_NEAR = COMPARISONS[F.dob].levels.indexOf('year_near')

/**
 * Whether the file holds households: pairs at the same address whose names differ are mostly
 * born on other dates (siblings, parents and children). Among strangers such pairs are rare,
 * and mostly one person with a name written otherwise, on the same date.
 */
function householdsShow(blocked: Map<number, number>): boolean {
  let kin = 0
  let same = 0
  for (const [code, n] of blocked) {
    const l = decodePattern(code)
    if (l[F.name]! < NAME_SIMILAR || (l[F.residence] !== 0 && l[F.residence] !== 1)) continue
    if (l[F.dob] === 0) same += n
    else if (l[F.dob]! >= DOB_NEAR) kin += n
  }
  return kin > Math.max(10, same / 2)
}

/** Counts made a distribution, a pinch of the prior and the floors keeping any level possible. */
function fromCounts(counts: number[], total: number, prior: number[], f: number): number[] {
  const k = 2
  return counts.map((x, l) =>
    Math.max(floorOf(f, l, counts.length), (x + k * prior[l]!) / (total + k))
  )
}

/**
 * Estimate the model from the blocked pairs' patterns and the random pairs' patterns.
 *
 * m of each field is counted, where the file allows it, on pairs that other, strong evidence
 * says are one person: pairs agreeing on a person's identifier (and roughly on the name or the
 * birth date) show how names, dates, sex and addresses differ in the same person; pairs with the
 * same name and birth date show how identifiers do. Such counts cannot learn "same household"
 * (siblings share neither an identifier nor a name and birth date) and cannot collapse. EM, started
 * from those counts, supplies the rest: the share of pairs that are one person, and m of a field
 * no anchor covers (a file without identifiers: the name's and the birth date's).
 */
export function fitModel(
  blocked: Map<number, number>,
  random: Map<number, number>,
  /** Chance that two random population records share a full name, and a given name. */
  names: { full: number; given: number },
  sizes: { source: number; population: number },
  o: FitOptions = {},
  ids?: IdentifierStats
): ModelParams {
  const u = estimateU(random)
  const idPersonal = personal(ids?.id)
  const otherPersonal = personal(ids?.other_id)
  const idAgrees = (l: number[]): boolean =>
    ((l[F.id] === 0 || l[F.id] === 1) && idPersonal) || (l[F.otherId] === 0 && otherPersonal)
  const nameAgrees = (l: number[], max: number): boolean => l[F.name]! >= 0 && l[F.name]! <= max
  const dobAgrees = (l: number[]): boolean => l[F.dob]! >= 0 && l[F.dob]! <= 4
  // The identifier alone for most fields; with the birth date for the name, with the name for
  // the date, so that an identifier two people happen to share teaches nothing.
  const byId = countLevels(blocked, idAgrees)
  const byIdDob = countLevels(blocked, (l) => idAgrees(l) && dobAgrees(l))
  const byIdName = countLevels(blocked, (l) => idAgrees(l) && nameAgrees(l, NAME_TRAIN_MAX))
  const byNameDob = countLevels(blocked, (l) => nameAgrees(l, 2) && l[F.dob] === 0)
  // Without an identifier, the name's and the date's m can be read on pairs sharing the other
  // one and the address, but only in a register of strangers: where households show, the same
  // birth date at the same address may be a twin, the same name a namesake next door.
  const home = (l: number[]): boolean => l[F.residence] === 0 || l[F.residence] === 1
  const strangers = !householdsShow(blocked)
  const byDobHome = countLevels(blocked, (l) => l[F.dob] === 0 && home(l))
  const byNameHome = countLevels(blocked, (l) => nameAgrees(l, 2) && home(l))
  const enough = (a: Anchor, f: number): boolean =>
    a.totals[f]! >= (f === F.name ? NAME_ANCHOR_MIN : ANCHOR_MIN)
  const anchorOf = (f: number): Anchor | null => {
    const a =
      f === F.id || f === F.otherId
        ? byNameDob
        : f === F.name
          ? enough(byIdDob, f) || !strangers
            ? byIdDob
            : byDobHome
          : f === F.dob
            ? enough(byIdName, f) || !strangers
              ? byIdName
              : byNameHome
            : byId.totals[f]! >= ANCHOR_MIN
              ? byId
              : byNameDob
    return enough(a, f) ? a : null
  }
  const anchored = PRIOR_M.map((row, f) => {
    const a = anchorOf(f)
    return a ? monotone(fromCounts(a.counts[f]!, a.totals[f]!, row, f), u[f]!, f) : null
  })
  // EM learns "same family" as readily as "same person": siblings share parents, address and
  // hometown. So it is trained where the names agree (no sibling or twin there).
  const named = new Map<number, number>()
  for (const [code, n] of blocked) {
    const l = decodePattern(code)
    if (l[F.name]! >= 0 && l[F.name]! <= NAME_TRAIN_MAX) named.set(code, n)
  }
  const start = anchored.map((row, f) => row ?? PRIOR_M[f]!.slice())
  const em = estimateM(named, u, o.iterations ?? 40, start)
  const m = anchored.map((row, f) => row ?? em.m[f]!)
  const { matches, iterations } = em
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
    uName: names.full,
    uGiven: names.given,
    thresholds: o.thresholds ?? DEFAULT_THRESHOLDS,
    emIterations: iterations,
    fieldsUsed: COMPARISONS.filter((_, f) => present[f]! > 0).map((c) => c.field),
    familyFields: familyFieldsOf(idPersonal, otherPersonal)
  }
}

/** The household fields, with any identifier households share. */
function familyFieldsOf(idPersonal: boolean, otherPersonal: boolean): number[] {
  const out = [...FAMILY_FIELDS]
  if (!idPersonal) out.push(F.id)
  if (!otherPersonal) out.push(F.otherId)
  return out
}

/** Does a saved model fit this engine's fields and levels (an older one does not)? */
export function modelFits(params: ModelParams): boolean {
  return (
    Array.isArray(params.m) &&
    params.m.length === FIELD_COUNT &&
    COMPARISONS.every(
      (c, f) => params.m[f]?.length === c.levels.length && params.u[f]?.length === c.levels.length
    )
  )
}

/** The fitted weight of every level of every field (bits): what the model learnt from the file. */
export function levelWeights(params: ModelParams): ModelWeights {
  return {
    prior: Math.log2(params.lambda / (1 - params.lambda)),
    fields: COMPARISONS.map((c, f) => ({
      field: c.field,
      used: params.fieldsUsed.includes(c.field),
      levels: c.levels.map((level, l) => ({
        level,
        m: params.m[f]![l]!,
        u: params.u[f]![l]!,
        weight: Math.log2(params.m[f]![l]! / params.u[f]![l]!)
      }))
    }))
  }
}

export interface Scores {
  probability: Float64Array
  /** FIELD_COUNT weights per pair. */
  weights: Float32Array
  /** Bits the learnt pattern corrections added per pair (absent when the model learnt nothing). */
  learnt?: Float32Array
}

/** The profile of each pair's source record, for a model that learnt per profile. */
export interface PairProfiles {
  /** Index into `keys` per source record (by its position in the run). */
  ofSource: Int32Array
  keys: string[]
}

/**
 * Score pairs; nameFreq[i] is the population share of pair i's folded name. A model that learnt
 * from decisions (params.layers) adds each level's learnt change to its field's weight and each
 * pattern's correction beside them; that needs the pairs' profiles.
 */
export function scorePairs(
  params: ModelParams,
  pairs: PairBatch,
  nameFreq: Float64Array,
  profiles?: PairProfiles
): Scores {
  const probability = new Float64Array(pairs.length)
  const weights = new Float32Array(pairs.length * FIELD_COUNT)
  const scorer = patternScorer(params)
  const w = new Float64Array(FIELD_COUNT)
  const layers = params.layers
  if (!layers || layers.length === 0) {
    for (let i = 0; i < pairs.length; i++) {
      probability[i] = probabilityOf(scorer.score(pairs.levels, i * FIELD_COUNT, nameFreq[i]!, w))
      weights.set(w, i * FIELD_COUNT)
    }
    return { probability, weights }
  }
  const learnt = new Float32Array(pairs.length)
  for (let i = 0; i < pairs.length; i++) {
    const at = i * FIELD_COUNT
    let total = scorer.score(pairs.levels, at, nameFreq[i]!, w)
    const profile = profiles ? profiles.keys[profiles.ofSource[pairs.src[i]!]!]! : ''
    for (let f = 0; f < FIELD_COUNT; f++) {
      const d = levelBits(layers, profile, f, pairs.levels[at + f]!)
      w[f] = w[f]! + d
      total += d
    }
    const extra = patternBits(layers, profile, pairs.levels, at)
    learnt[i] = extra
    probability[i] = probabilityOf(total + extra)
    weights.set(w, at)
  }
  return { probability, weights, learnt }
}
