// The scan: candidate pairs from blocking, level patterns for EM, and the best candidates kept.
import { BlockIndex, blockingKeys } from './blocking'
import { compare, F, FIELD_COUNT, MISSING, NAME_SIMILAR } from './compare'
import { encodePattern, PATTERN_SPACE } from './model'
import type { IdentifierStats } from './fit'
import type { RecordStore } from './store'

/**
 * Keys of term frequencies, all counted in one map: the low two bits say what was counted
 * (NAME_KEY: a folded full name; GIVEN_KEY: a folded given name).
 */
export const NAME_KEY = 0
export const GIVEN_KEY = 1

/** Hash of record i's folded full name: the key of its term frequency. */
export function nameHash(s: RecordStore, i: number): number {
  const lex = s.lex
  let h = 0x2545f491
  for (const t of s.tokens(i))
    h = Math.imul(h ^ lex.foldHash[lex.sylFold[t]!]!, 0x5bd1e995) ^ (h >>> 13)
  return (h & ~3) | NAME_KEY
}

/** The term-frequency key of a folded given name. */
function givenHash(s: RecordStore, fold: number): number {
  return (Math.imul(s.lex.foldHash[fold]! ^ 0x7f4a7c15, 0x5bd1e995) & ~3) | GIVEN_KEY
}

/** The population side of a scan: its records, their blocks and name counts. */
export class PopulationIndex {
  readonly blocks: BlockIndex
  /** Folded-name hash → count in this part of the population. */
  readonly nameCount = new Map<number, number>()
  readonly nameKey: Int32Array
  /** The given name's key: a pair whose given names alone agree is judged by its frequency. */
  readonly givenKey: Int32Array

  /** How many records carry each kind of identifier, and how many share theirs with another. */
  readonly ids: IdentifierStats

  constructor(readonly store: RecordStore) {
    this.blocks = BlockIndex.build(store)
    this.nameKey = new Int32Array(store.size)
    this.givenKey = new Int32Array(store.size)
    // Given names are few: counted by their fold first, then put in the map once each.
    const givenCount = new Int32Array(store.lex.folds.list.length)
    for (let i = 0; i < store.size; i++) {
      const h = nameHash(store, i)
      this.nameKey[i] = h
      this.nameCount.set(h, (this.nameCount.get(h) ?? 0) + 1)
      const g = store.givenFold(i)
      // A record without a given name is judged by its full name.
      if (g < 0) this.givenKey[i] = h
      else {
        this.givenKey[i] = givenHash(store, g)
        givenCount[g] = givenCount[g]! + 1
      }
    }
    for (let g = 0; g < givenCount.length; g++) {
      if (givenCount[g] === 0) continue
      const k = givenHash(store, g)
      this.nameCount.set(k, (this.nameCount.get(k) ?? 0) + givenCount[g]!)
    }
    const n = store.size
    this.ids = {
      id: sharing(n, (i) => store.id12[i]!),
      other_id: sharing(n, (i) => (store.oid[i] === 0 ? NaN : store.oid[i]!))
    }
  }
}

/** Records with a value (NaN: none) and records whose value another record has too. */
function sharing(n: number, value: (i: number) => number): { carried: number; shared: number } {
  const v = new Float64Array(n)
  let carried = 0
  for (let i = 0; i < n; i++) {
    const x = value(i)
    if (x === x) v[carried++] = x
  }
  const sorted = v.subarray(0, carried).sort()
  let shared = 0
  for (let i = 0; i < carried; i++)
    if ((i > 0 && sorted[i] === sorted[i - 1]) || (i + 1 < carried && sorted[i] === sorted[i + 1]))
      shared++
  return { carried, shared }
}

/** Rough weights to rank candidates before the model is estimated: only their order matters. */
const RANK_WEIGHTS: number[][] = [
  [12, 11, 9, 8, 8, 7, 6, 4, -2, -6, -8],
  [10, 7, 6, 5, 4, -4, -8],
  [1, -5],
  [20, 16, 10, -10],
  [3, 2, 0, -2],
  [6, 4, -4],
  [6, 4, -4],
  [1, 0, -1],
  [16, 10, -6]
]

function rankScore(levels: Int8Array): number {
  let s = 0
  for (let f = 0; f < FIELD_COUNT; f++)
    if (levels[f]! !== MISSING) s += RANK_WEIGHTS[f]![levels[f]!]!
  return s
}

/** Candidate pairs kept for scoring, as flat arrays (cheap to move between threads). */
export interface PairBatch {
  /** Position of the source record in its store. */
  src: Int32Array
  /** Table id (population_record.id) of the population record. */
  popId: Int32Array
  /** FIELD_COUNT levels per pair. */
  levels: Int8Array
  flags: Int32Array
  /**
   * Term-frequency key of the population record's name: its folded full name, or its given name
   * when only the given names agree.
   */
  nameKey: Int32Array
  length: number
}

export interface ScanResult {
  pairs: PairBatch
  /** Level pattern → number of blocked pairs with it (EM's input). */
  patterns: Map<number, number>
  /** Blocked (compared) pairs, before keeping the best few per record. */
  compared: number
}

export interface ScanOptions {
  /** Candidates kept per source record for the final scoring. */
  keep?: number
  /** Called every 1024 records with how many are done; may throw to cancel. */
  onProgress?: (done: number) => void
}

class IntList {
  a = new Int32Array(1024)
  n = 0
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2)
      b.set(this.a)
      this.a = b
    }
    this.a[this.n++] = v
  }
  done(): Int32Array {
    return this.a.slice(0, this.n)
  }
}

/** Compare source records [from, to) with the population records sharing a blocking key. */
export function scan(
  pop: PopulationIndex,
  src: RecordStore,
  from: number,
  to: number,
  o: ScanOptions = {}
): ScanResult {
  const keep = o.keep ?? 6
  const P = pop.store
  const stamp = new Int32Array(P.size).fill(-1)
  const counts = new Float64Array(PATTERN_SPACE)
  const outSrc = new IntList()
  const outPop = new IntList()
  const outFlags = new IntList()
  const outName = new IntList()
  const outLevels: number[] = []
  const levels = new Int8Array(FIELD_COUNT)
  const keys: number[] = []
  const members = pop.blocks.list
  let compared = 0
  const bestPos = new Int32Array(keep)
  const bestScore = new Float64Array(keep)
  const bestFlags = new Int32Array(keep)
  const bestLevels = new Int8Array(keep * FIELD_COUNT)
  for (let s = from; s < to; s++) {
    let nBest = 0
    blockingKeys(src, s, keys)
    for (const k of keys) {
      const a = pop.blocks.find(k)
      const b = pop.blocks.end
      for (let q = a; q < b; q++) {
        const p = members[q]!
        if (stamp[p] === s) continue
        stamp[p] = s
        const flags = compare(src, s, P, p, levels)
        compared++
        counts[encodePattern(levels)]!++
        const score = rankScore(levels)
        if (nBest === keep && score <= bestScore[nBest - 1]!) continue
        let at = nBest < keep ? nBest++ : nBest - 1
        while (at > 0 && bestScore[at - 1]! < score) {
          bestPos[at] = bestPos[at - 1]!
          bestScore[at] = bestScore[at - 1]!
          bestFlags[at] = bestFlags[at - 1]!
          bestLevels.copyWithin(at * FIELD_COUNT, (at - 1) * FIELD_COUNT, at * FIELD_COUNT)
          at--
        }
        bestPos[at] = p
        bestScore[at] = score
        bestFlags[at] = flags
        bestLevels.set(levels, at * FIELD_COUNT)
      }
    }
    for (let k = 0; k < nBest; k++) {
      const p = bestPos[k]!
      outSrc.push(s)
      outPop.push(P.dbId[p]!)
      outFlags.push(bestFlags[k]!)
      outName.push(
        bestLevels[k * FIELD_COUNT + F.name] === NAME_SIMILAR ? pop.givenKey[p]! : pop.nameKey[p]!
      )
      for (let f = 0; f < FIELD_COUNT; f++) outLevels.push(bestLevels[k * FIELD_COUNT + f]!)
    }
    if (o.onProgress && ((s - from) & 1023) === 1023) o.onProgress(s - from + 1)
  }
  o.onProgress?.(to - from)
  const patterns = new Map<number, number>()
  for (let c = 0; c < counts.length; c++) if (counts[c]! > 0) patterns.set(c, counts[c]!)
  return {
    pairs: {
      src: outSrc.done(),
      popId: outPop.done(),
      levels: Int8Array.from(outLevels),
      flags: outFlags.done(),
      nameKey: outName.done(),
      length: outSrc.n
    },
    patterns,
    compared
  }
}

/** Level patterns of random source × population pairs: what disagreement looks like (u). */
export function randomPatterns(
  pop: RecordStore,
  src: RecordStore,
  count: number,
  seed = 1
): Map<number, number> {
  const patterns = new Map<number, number>()
  if (pop.size === 0 || src.size === 0) return patterns
  let x = seed >>> 0 || 1
  const next = (n: number): number => {
    // xorshift32: deterministic, so a rerun estimates the same u.
    x ^= x << 13
    x >>>= 0
    x ^= x >>> 17
    x ^= x << 5
    x >>>= 0
    return x % n
  }
  const levels = new Int8Array(FIELD_COUNT)
  for (let i = 0; i < count; i++) {
    compare(src, next(src.size), pop, next(pop.size), levels)
    // In a small file a random pair is often the person itself (one in 500 of a 500-record
    // file): no evidence of what strangers look like. Left in, it makes a shared birth date or
    // identifier look dozens of times commoner among strangers than it is.
    if (surelySame(levels)) continue
    const code = encodePattern(levels)
    patterns.set(code, (patterns.get(code) ?? 0) + 1)
  }
  return patterns
}

/**
 * Two of name, birth date, identifier and the whole address agree outright: strangers almost
 * never do that (a household shares its address, but not a name or a birth date with it).
 */
function surelySame(l: Int8Array): boolean {
  let strong = 0
  if (l[F.name]! >= 0 && l[F.name]! <= 6) strong++
  if (l[F.dob] === 0) strong++
  if (l[F.id] === 0 || l[F.id] === 1 || l[F.otherId] === 0) strong++
  if (l[F.residence] === 0) strong++
  return strong >= 2
}

export function mergeCounts(into: Map<number, number>, from: Map<number, number>): void {
  for (const [k, v] of from) into.set(k, (into.get(k) ?? 0) + v)
}

/**
 * Chance that two random population records share a folded full name (kind NAME_KEY) or a given
 * name (GIVEN_KEY): Σ share².
 */
export function nameCoincidence(
  nameCount: Map<number, number>,
  total: number,
  kind = NAME_KEY
): number {
  let s = 0
  const n = Math.max(1, total)
  for (const [k, c] of nameCount) if ((k & 3) === kind) s += (c / n) * (c / n)
  return Math.max(s, 1 / n)
}
