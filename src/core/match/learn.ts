// Learning from clerks' decisions: labelled pairs re-estimate the weights, per profile, with the unlabelled model as the prior.
import { COMPARISONS, FIELD_COUNT, MISSING } from './compare'
import { encodePattern, type Thresholds } from './model'

/**
 * A correction the labels taught, in bits added to a pair's score: to each level of each field
 * (read as a change of that level's weight, log2 m/u), and to whole level patterns (the
 * combinations of levels that the fields' weights, added up as if independent, misjudge: a twin
 * and the same person with a slip in the given name look alike field by field).
 */
export interface AdjustPart {
  /** Bits added to each level of each field (COMPARISONS order). */
  levels: number[][]
  /** Bits added to a whole level pattern, by its code (encodePattern). */
  patterns: Record<string, number>
  /** How many labelled pairs it was learnt from. */
  labels: { match: number; nonMatch: number }
}

/**
 * What one body of decisions taught: the whole register's part, and the part of each profile
 * (a kind of register in one commune) with enough decisions of its own. A profile's part is
 * whole (the global part and its own on top), so a pair is corrected by exactly one part.
 */
export interface AdjustLayer {
  /** 'local': learnt from this database's decisions; 'imported': from a model file. */
  origin: 'local' | 'imported'
  global: AdjustPart
  profiles: Record<string, AdjustPart>
}

/** A labelled pair, as the learner sees it. */
export interface LabelledPair {
  levels: ArrayLike<number>
  /** Bits the model gives the pair before the layer being learnt (the fitted model, imports). */
  offset: number
  match: boolean
  /** Profile key (profileKey): which register kind and commune the decision was made in. */
  profile: string
}

export interface LearnOptions {
  /** Prior spread (bits) of a level's weight change: how far one decision may move a level. */
  levelSpread?: number
  /** Prior spread (bits) of a pattern's own correction. */
  patternSpread?: number
  /** Decisions a profile needs before it gets a part of its own. */
  profileMin?: number
}

/** Decisions a profile needs before it is learnt on its own; fewer fall back to the global part. */
export const PROFILE_MIN = 30
const LEVEL_SPREAD = 1.5
const PATTERN_SPREAD = 3
/** Largest change (bits) of one Newton step: the logistic loss is not the quadratic it solves. */
const MAX_STEP = 1

/** The profile of a register row: the kind of register and the commune its row lives in. */
export function profileKey(kind: string, commune: string | null): string {
  return `${kind}|${commune ?? ''}`
}

export function emptyPart(): AdjustPart {
  return {
    levels: COMPARISONS.map((c) => new Array<number>(c.levels.length).fill(0)),
    patterns: {},
    labels: { match: 0, nonMatch: 0 }
  }
}

/** The part of a layer that corrects a pair of this profile. */
export function partFor(layer: AdjustLayer, profile: string): AdjustPart {
  return layer.profiles[profile] ?? layer.global
}

/** Bits one part adds to a pair with these levels (and this pattern code). */
export function partBits(
  part: AdjustPart,
  levels: ArrayLike<number>,
  at = 0,
  code?: number
): number {
  let bits = 0
  for (let f = 0; f < FIELD_COUNT; f++) {
    const l = levels[at + f]!
    if (l !== MISSING) bits += part.levels[f]![l] ?? 0
  }
  const p = part.patterns[String(code ?? encodeAt(levels, at))]
  return p === undefined ? bits : bits + p
}

function encodeAt(levels: ArrayLike<number>, at: number): number {
  if (at === 0) return encodePattern(levels)
  const row = new Array<number>(FIELD_COUNT)
  for (let f = 0; f < FIELD_COUNT; f++) row[f] = levels[at + f]!
  return encodePattern(row)
}

/** Bits all layers add to a pair of this profile. */
export function layersBits(
  layers: readonly AdjustLayer[] | undefined,
  profile: string,
  levels: ArrayLike<number>,
  at = 0
): number {
  if (!layers || layers.length === 0) return 0
  const code = encodeAt(levels, at)
  let bits = 0
  for (const layer of layers) bits += partBits(partFor(layer, profile), levels, at, code)
  return bits
}

/**
 * Bits the pattern part (not the field levels) of all layers adds: what the explanation shows as
 * learnt beside the fields' own weights.
 */
export function patternBits(
  layers: readonly AdjustLayer[] | undefined,
  profile: string,
  levels: ArrayLike<number>,
  at = 0
): number {
  if (!layers || layers.length === 0) return 0
  const code = String(encodeAt(levels, at))
  let bits = 0
  for (const layer of layers) bits += partFor(layer, profile).patterns[code] ?? 0
  return bits
}

/** Bits the layers add to one field's level: what the field's weight becomes once learnt. */
export function levelBits(
  layers: readonly AdjustLayer[] | undefined,
  profile: string,
  f: number,
  l: number
): number {
  if (!layers || l === MISSING) return 0
  let bits = 0
  for (const layer of layers) bits += partFor(layer, profile).levels[f]![l] ?? 0
  return bits
}

const sigmoid2 = (bits: number): number => 1 / (1 + 2 ** -bits)

/**
 * Learn one layer from labelled pairs: each level's change and each pattern's correction are the
 * most probable values given the labels, with the model as it stood (the offset) as the prior:
 * the maximum a posteriori logistic fit, a Gaussian prior on every change. With few labels a
 * change stays small; where many decisions agree, it becomes what they say. Then each profile
 * with enough decisions of its own is learnt the same way, on top of the global part.
 */
export function learnLayer(pairs: readonly LabelledPair[], o: LearnOptions = {}): AdjustLayer {
  const global = fitPart(pairs, (p) => p.offset, o)
  const byProfile = new Map<string, LabelledPair[]>()
  for (const p of pairs) {
    const list = byProfile.get(p.profile) ?? []
    list.push(p)
    byProfile.set(p.profile, list)
  }
  const profiles: Record<string, AdjustPart> = {}
  const min = o.profileMin ?? PROFILE_MIN
  const codes = new Map<LabelledPair, number>()
  for (const p of pairs) codes.set(p, encodePattern(p.levels))
  for (const [profile, list] of [...byProfile].sort(([a], [b]) => a.localeCompare(b))) {
    if (list.length < min || byProfile.size < 2) continue
    const own = fitPart(list, (p) => p.offset + partBits(global, p.levels, 0, codes.get(p)), o)
    profiles[profile] = addParts(global, own)
  }
  return { origin: 'local', global, profiles }
}

/** Two parts added: what a profile's decisions add on top of the global part. */
export function addParts(a: AdjustPart, b: AdjustPart): AdjustPart {
  const patterns: Record<string, number> = { ...a.patterns }
  for (const [k, v] of Object.entries(b.patterns)) patterns[k] = (patterns[k] ?? 0) + v
  return {
    levels: a.levels.map((row, f) => row.map((x, l) => x + (b.levels[f]![l] ?? 0))),
    patterns,
    labels: b.labels
  }
}

/**
 * One part by maximum a posteriori: alternately a Newton step on the level changes (a few dozen
 * unknowns, solved together) and on each pattern's correction (one unknown each, independent
 * given the levels). Steps are bounded, so a label far from the model (a true pair the model
 * gives 2^-30) moves the weights by the prior's pull, never by a jump.
 */
function fitPart(
  pairs: readonly LabelledPair[],
  offsetOf: (p: LabelledPair) => number,
  o: LearnOptions
): AdjustPart {
  const part = emptyPart()
  const lamL = 1 / (o.levelSpread ?? LEVEL_SPREAD) ** 2
  const lamP = 1 / (o.patternSpread ?? PATTERN_SPREAD) ** 2
  // Unknowns: one per (field, level) seen in the labels.
  const index = new Map<number, number>()
  const feats: number[][] = []
  const codes: string[] = []
  const slots: [number, number][] = []
  for (const p of pairs) {
    const row: number[] = []
    for (let f = 0; f < FIELD_COUNT; f++) {
      const l = p.levels[f]!
      if (l === MISSING) continue
      const key = f * 64 + l
      let j = index.get(key)
      if (j === undefined) {
        j = slots.length
        index.set(key, j)
        slots.push([f, l])
      }
      row.push(j)
    }
    feats.push(row)
    codes.push(String(encodePattern(p.levels)))
    if (p.match) part.labels.match++
    else part.labels.nonMatch++
  }
  const n = slots.length
  const d = new Float64Array(n)
  const theta = new Map<string, number>()
  for (const c of codes) theta.set(c, 0)
  const offsets = pairs.map(offsetOf)
  const ln2 = Math.LN2
  const total = (i: number): number => {
    let t = offsets[i]! + theta.get(codes[i]!)!
    for (const j of feats[i]!) t += d[j]!
    return t
  }
  for (let outer = 0; outer < 30; outer++) {
    let moved = 0
    for (let inner = 0; inner < 3; inner++) {
      const g = new Float64Array(n)
      const h = Array.from({ length: n }, () => new Float64Array(n))
      for (let j = 0; j < n; j++) {
        g[j] = lamL * d[j]!
        h[j]![j] = lamL
      }
      for (let i = 0; i < pairs.length; i++) {
        const p = sigmoid2(total(i))
        const r = (p - (pairs[i]!.match ? 1 : 0)) * ln2
        const w = p * (1 - p) * ln2 * ln2
        const row = feats[i]!
        for (const j of row) {
          g[j] = g[j]! + r
          const hj = h[j]!
          for (const k of row) hj[k] = hj[k]! + w
        }
      }
      const step = solveSymmetric(h, g)
      let big = 0
      for (let j = 0; j < n; j++) big = Math.max(big, Math.abs(step[j]!))
      const k = big > MAX_STEP ? MAX_STEP / big : 1
      for (let j = 0; j < n; j++) d[j] = d[j]! - k * step[j]!
      moved = Math.max(moved, big * k)
    }
    const g = new Map<string, number>()
    const h = new Map<string, number>()
    for (let i = 0; i < pairs.length; i++) {
      const p = sigmoid2(total(i))
      const c = codes[i]!
      g.set(c, (g.get(c) ?? 0) + (p - (pairs[i]!.match ? 1 : 0)) * ln2)
      h.set(c, (h.get(c) ?? 0) + p * (1 - p) * ln2 * ln2)
    }
    for (const [c, t] of theta) {
      const step = (g.get(c)! + lamP * t) / (h.get(c)! + lamP)
      const bounded = Math.max(-MAX_STEP, Math.min(MAX_STEP, step))
      theta.set(c, t - bounded)
      moved = Math.max(moved, Math.abs(bounded))
    }
    if (moved < 1e-6) break
  }
  for (let j = 0; j < n; j++) part.levels[slots[j]![0]]![slots[j]![1]] = round6(d[j]!)
  for (const [c, t] of theta) if (Math.abs(t) >= 1e-4) part.patterns[c] = round6(t)
  return part
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6

/** Solves H x = g for a symmetric positive definite H (Cholesky); H is small (levels seen). */
function solveSymmetric(h: Float64Array[], g: Float64Array): Float64Array {
  const n = g.length
  const L = h.map((r) => Float64Array.from(r))
  for (let j = 0; j < n; j++) {
    let s = L[j]![j]!
    for (let k = 0; k < j; k++) s -= L[j]![k]! ** 2
    const dj = Math.sqrt(Math.max(s, 1e-12))
    L[j]![j] = dj
    for (let i = j + 1; i < n; i++) {
      let t = L[i]![j]!
      for (let k = 0; k < j; k++) t -= L[i]![k]! * L[j]![k]!
      L[i]![j] = t / dj
    }
  }
  const z = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    let t = g[i]!
    for (let k = 0; k < i; k++) t -= L[i]![k]! * z[k]!
    z[i] = t / L[i]![i]!
  }
  const x = new Float64Array(n)
  for (let i = n - 1; i >= 0; i--) {
    let t = z[i]!
    for (let k = i + 1; k < n; k++) t -= L[k]![i]! * x[k]!
    x[i] = t / L[i]![i]!
  }
  return x
}

// ---- asking the right questions ------------------------------------------------------------

/** Bits of a probability (log2 of its odds), bounded so 0 and 1 stay finite. */
export function bitsOf(p: number): number {
  const q = Math.min(1 - 1e-15, Math.max(1e-15, p))
  return Math.log2(q / (1 - q))
}

/** Chance that the grade's link decision (link or not) on this pair is wrong. */
export function errorChance(p: number): number {
  return Math.min(p, 1 - p)
}

export interface Question {
  /** The pair's probability under the current model. */
  probability: number
  /** The same pair under another model (the one before learning, a profile's against the global). */
  otherProbability: number | null
  /** Open pairs sharing its level pattern (itself included). */
  patternOpen: number
  /** Their summed error chance (errorChance): what answers about this pattern may clear. */
  patternError: number
  /** Decisions already made on pairs of this pattern. */
  patternLabels: number
}

export type QuestionReason = 'threshold' | 'unseen' | 'disagree' | 'pattern'

/** Within this many bits (odds within 4×) of a grade threshold, a pair is "near the threshold". */
const NEAR_THRESHOLD_BITS = 2

/** Whether a probability sits near one of the grade thresholds (where an answer moves a grade). */
export function nearThreshold(p: number, t: Thresholds): boolean {
  const bits = bitsOf(p)
  return [t.possible, t.probable, t.certain].some(
    (th) => Math.abs(bits - bitsOf(th)) <= NEAR_THRESHOLD_BITS
  )
}

/**
 * How much one answer would tell the model, as the expected number of wrong link decisions it may
 * clear: the pair's own chance of being wrong, plus the error the open pairs of its pattern carry
 * shared among the answers their pattern has had (an unseen pattern gets it all), plus how far two
 * models disagree on it (a pair they grade differently is where one of them is wrong).
 */
export function informativeness(
  q: Question,
  t: Thresholds
): { value: number; reason: QuestionReason } {
  const own = errorChance(q.probability)
  // The auto-accept threshold matters too: a pair just below "certain" waits for a clerk.
  const nearCertain =
    q.probability < t.certain && q.probability > t.probable
      ? 0.25 * Math.exp(-Math.abs(bitsOf(q.probability) - bitsOf(t.certain)))
      : 0
  const pattern = q.patternError / (1 + q.patternLabels)
  const disagree =
    q.otherProbability === null
      ? 0
      : Math.abs(q.otherProbability - q.probability) * (1 + Math.log2(q.patternOpen))
  const value = own + nearCertain + pattern + disagree
  // "Near the threshold" only where it is true; otherwise the pattern's open pairs are what count.
  const reason: QuestionReason =
    disagree > own + pattern
      ? 'disagree'
      : q.patternLabels === 0 && pattern > own
        ? 'unseen'
        : nearThreshold(q.probability, t)
          ? 'threshold'
          : q.patternLabels === 0
            ? 'unseen'
            : 'pattern'
  return { value, reason }
}
