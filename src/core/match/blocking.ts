// Blocking: several keys per record, unioned, so that only plausible pairs are ever compared.
import type { RecordStore } from './store'

/**
 * The blocking rules, each with why it exists. Together they survive an error in any one field:
 * each field (family name, given name, date of birth, identifier, address) has keys without it.
 * Names are keyed without their order (given and family name swapped find each other).
 */
export const BLOCKING_RULES = [
  // The usual case: both names (the given name is the most telling part), year of birth and sex.
  'name_year',
  // A slip in one name: the other name and the full birth date.
  'name_word_dob',
  // A wrong year: both names and the day and month of birth.
  'name_daymonth',
  // The ID survives any spelling of the name.
  'id12',
  'cmnd',
  // A wrong date: how the names sound, in the same commune and decade of birth.
  'phonetic_commune',
  // A slip in the name and a wrong date: both parents named the same, and the given initial.
  'parents',
  // The same without parents (sparse extracts): family name, given initial, commune, and the
  // year or the day and month of birth.
  'initial_commune_year',
  'initial_commune_daymonth',
  // A slip in the family name and a partial date: given name, commune and year.
  'given_commune_year',
  // An identifier of any other format.
  'other_id',
  // Keys on one field alone, used only where few people share them (a rare name, a birth date in
  // a small file, a street or postcode): a wrong or missing date, both names wrong, an address.
  'name_only',
  'name_word_only',
  'dob_only',
  'address_word',
  // Every word of the name in any order (given name first, family name last), year and sex: a
  // name written in another order with a wrong day and month (a lunar date) still meets itself.
  'name_set_year'
] as const

/** Population records sharing a key, above which the key is skipped. */
export const BLOCK_CAP = 1000
/** The same for keys on one field alone: they only pay where they are rare. */
export const SMALL_BLOCK_CAP = 8

function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x5bd1e995)
  return (h ^ (h >>> 15)) | 0
}

/** A key; its lowest bit says which cap applies (1: a key on one field alone). */
function key(rule: number, a: number, b: number, c: number, d = 0): number {
  return mix(mix(mix(mix(mix(0x3c6ef372, rule), a), b), c), d) & ~1
}

function small(rule: number, a: number, b = 0, c = 0): number {
  return key(rule, a, b, c) | 1
}

const capOf = (k: number): number => (k & 1 ? SMALL_BLOCK_CAP : BLOCK_CAP)

/** The blocking keys of record i (hashed); a record with an ambiguous commune gets each. */
export function blockingKeys(s: RecordStore, i: number, out: number[] = []): number[] {
  out.length = 0
  const lex = s.lex
  const given = s.givenFold(i)
  // A compound family name counts by its first word: "Tôn" of "Tôn Nữ".
  const family = s.familyFold(i)
  const lo = Math.min(family, given)
  const hi = Math.max(family, given)
  const y = s.y[i]!
  const m = s.m[i]!
  const d = s.d[i]!
  // Sex splits the big "Nguyễn ... Anh, 1995" blocks in two; a wrong sex is rare and the
  // date keys below still find it.
  const named = hi >= 0
  if (y && named) out.push(key(1, lo, hi, y, s.sex[i]))
  if (d) {
    if (family >= 0) out.push(key(2, family, y, m, d))
    if (given >= 0 && given !== family) out.push(key(2, given, y, m, d))
    if (named) out.push(key(4, lo, hi, m, d))
    out.push(small(14, y, m, d))
  }
  const id12 = s.id12[i]!
  if (id12 === id12) out.push(key(5, id12 % 1_000_000, Math.floor(id12 / 1_000_000), 0))
  const cmnd = s.cmnd[i]!
  if (cmnd === cmnd) out.push(key(6, cmnd % 1_000_000, Math.floor(cmnd / 1_000_000), 0))
  if (s.oid[i] !== 0) out.push(key(12, s.oid[i]!, 0, 0))
  if (family >= 0 && given >= 0) out.push(small(13, lo, hi))
  if (family >= 0) out.push(small(15, family))
  if (given >= 0 && given !== family) out.push(small(15, given))
  const famPhon = family < 0 ? -1 : lex.foldPhon[family]!
  const givenPhon = given < 0 ? -1 : lex.foldPhon[given]!
  // The decade keeps a big commune's "Nguyễn Anh" block small; year-only dates keep it.
  const decade = y ? Math.floor(y / 10) : 0
  const initial = given < 0 ? 0 : lex.folds.list[given]!.charCodeAt(0)
  for (const c of named ? s.communes(i).slice(0, 4) : []) {
    out.push(key(7, Math.min(famPhon, givenPhon), Math.max(famPhon, givenPhon), c, decade))
    if (y) out.push(key(9, family, initial, c, y))
    if (d) out.push(key(10, family, initial, c, m * 32 + d))
    // A slip in the family name and a partial date: given name, commune, year.
    if (y && given >= 0) out.push(key(11, given, c, y))
  }
  if (s.fatherLen[i]! > 0 && s.motherLen[i]! > 0)
    out.push(key(8, s.father[i]!, s.mother[i]!, initial))
  if (y && named) out.push(key(17, nameSet(s, i), y, s.sex[i]!))
  // An address no commune was found for: each of its words (the rare ones pay).
  const at = s.atokAt[i]!
  for (let k = 0; k < s.atokLen[i]!; k++) out.push(small(16, s.atoks[at + k]!))
  return out
}

/** The name's folded words as a set (order-free): a sum of their hashes, mixed. */
function nameSet(s: RecordStore, i: number): number {
  const lex = s.lex
  let h = 0
  for (let t = s.tokStart[i]!; t < s.tokStart[i + 1]!; t++)
    h = (h + mix(0x2545f491, lex.foldHash[lex.sylFold[s.toks[t]!]!]!)) | 0
  return h
}

/**
 * Key → population positions as sorted arrays (CSR): compact for a million records, and
 * built by a radix sort rather than a map of lists.
 */
export class BlockIndex {
  private keys = new Int32Array(0)
  private starts = new Int32Array(1)
  /**
   * Where the keys whose top 16 bits are p begin (keys are sorted): a lookup searches about
   * keys/65,536 entries instead of all of them. A record opens a dozen and a half blocks.
   */
  private buckets = new Int32Array(65_537)
  private members = new Int32Array(0)

  static build(s: RecordStore, from = 0, to = s.size): BlockIndex {
    const ks: number[] = []
    let n = 0
    let cap = (to - from) * 12 + 16
    let allKeys = new Int32Array(cap)
    let allPos = new Int32Array(cap)
    for (let i = from; i < to; i++) {
      blockingKeys(s, i, ks)
      if (n + ks.length > cap) {
        cap = (n + ks.length) * 2
        const k2 = new Int32Array(cap)
        k2.set(allKeys.subarray(0, n))
        allKeys = k2
        const p2 = new Int32Array(cap)
        p2.set(allPos.subarray(0, n))
        allPos = p2
      }
      for (const k of ks) {
        allKeys[n] = k
        allPos[n++] = i
      }
    }
    const { keys, pos } = radixSort(allKeys.subarray(0, n), allPos.subarray(0, n))
    const idx = new BlockIndex()
    let u = 0
    const uniq = new Int32Array(n)
    const starts = new Int32Array(n + 1)
    const members = new Int32Array(n)
    let m = 0
    for (let k = 0; k < n; k++) {
      if (k === 0 || keys[k] !== keys[k - 1]) {
        // A block too big to be worth comparing is dropped here: it costs memory and no pair.
        if (u > 0 && m - starts[u - 1]! > capOf(uniq[u - 1]!)) m = starts[--u]!
        uniq[u] = keys[k]!
        starts[u++] = m
      } else if (pos[k] === members[m - 1]) continue
      members[m++] = pos[k]!
    }
    if (u > 0 && m - starts[u - 1]! > capOf(uniq[u - 1]!)) m = starts[--u]!
    starts[u] = m
    idx.keys = uniq.slice(0, u)
    let b = 0
    for (let k = 0; k < u; k++) {
      const p = (idx.keys[k]! ^ 0x80000000) >>> 16
      while (b <= p) idx.buckets[b++] = k
    }
    while (b <= 65_536) idx.buckets[b++] = u
    idx.starts = starts.slice(0, u + 1)
    idx.members = members.slice(0, m)
    return idx
  }

  /** End of the range the last `find` returned. */
  end = 0

  /** Positions sharing `key`: members from the returned start to `end` (empty when none). */
  find(key: number): number {
    const p = (key ^ 0x80000000) >>> 16
    let lo = this.buckets[p]!
    let hi = this.buckets[p + 1]! - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const v = this.keys[mid]!
      if (v < key) lo = mid + 1
      else if (v > key) hi = mid - 1
      else {
        this.end = this.starts[mid + 1]!
        return this.starts[mid]!
      }
    }
    this.end = 0
    return 0
  }

  get list(): Int32Array {
    return this.members
  }

  get size(): number {
    return this.keys.length
  }
}

/** Stable LSD radix sort of signed 32-bit keys carrying a payload, 16 bits per pass. */
function radixSort(keys: Int32Array, pos: Int32Array): { keys: Int32Array; pos: Int32Array } {
  const n = keys.length
  let k1 = new Uint32Array(n)
  for (let i = 0; i < n; i++) k1[i] = (keys[i]! ^ 0x80000000) >>> 0
  let p1 = Int32Array.from(pos)
  let k2 = new Uint32Array(n)
  let p2 = new Int32Array(n)
  for (const shift of [0, 16]) {
    const count = new Int32Array(65537)
    for (let i = 0; i < n; i++) count[((k1[i]! >>> shift) & 0xffff) + 1]!++
    for (let b = 0; b < 65536; b++) count[b + 1]! += count[b]!
    for (let i = 0; i < n; i++) {
      const b = (k1[i]! >>> shift) & 0xffff
      const at = count[b]!++
      k2[at] = k1[i]!
      p2[at] = p1[i]!
    }
    ;[k1, k2] = [k2, k1]
    ;[p1, p2] = [p2, p1]
  }
  const out = new Int32Array(n)
  for (let i = 0; i < n; i++) out[i] = (k1[i]! ^ 0x80000000) | 0
  return { keys: out, pos: p1 }
}
