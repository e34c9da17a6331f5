// Comparison levels per field (data the UI can show) and the flags that say how two records differ.
import { PAIR_FLAGS, type PairFlag } from '../../shared/match'
import { editDistance, regionalVariant } from '../normalize/vi-name'
import { ADDR_ABBREV, ADDR_OLD, type Lexicon, type RecordStore } from './store'

/** Fields compared, each with its levels from strongest agreement to disagreement. */
export const COMPARISONS = [
  {
    field: 'name',
    levels: ['exact', 'tone', 'folded', 'reordered', 'regional', 'typo', 'similar', 'different']
  },
  {
    field: 'dob',
    levels: ['exact', 'swap', 'one_digit', 'lunar', 'partial', 'year_near', 'different']
  },
  { field: 'sex', levels: ['same', 'different'] },
  { field: 'id', levels: ['exact', 'cmnd_exact', 'one_digit', 'different'] },
  { field: 'residence', levels: ['same_hamlet', 'same_commune', 'same_province', 'different'] },
  { field: 'father', levels: ['exact', 'similar', 'different'] },
  { field: 'mother', levels: ['exact', 'similar', 'different'] },
  { field: 'hometown', levels: ['exact', 'same_province', 'different'] }
] as const

export type ComparedField = (typeof COMPARISONS)[number]['field']
export const FIELD_COUNT = COMPARISONS.length
/** Level of a field when either side did not carry it: it adds no weight. */
export const MISSING = -1

const BIT = Object.fromEntries(PAIR_FLAGS.map((f, i) => [f, 2 ** i])) as Record<PairFlag, number>

export function flagBit(flag: PairFlag): number {
  return BIT[flag]
}

/** Lists of masks already spelt out: a run's million pairs share a few thousand masks. */
const flagLists = new Map<number, readonly PairFlag[]>()

/** The flags of a mask, as a new list the caller may extend. */
export function flagList(mask: number): PairFlag[] {
  let known = flagLists.get(mask)
  if (known === undefined) {
    const out: PairFlag[] = []
    for (let i = 0; i < PAIR_FLAGS.length; i++)
      if (Math.floor(mask / 2 ** i) % 2 === 1) out.push(PAIR_FLAGS[i]!)
    if (flagLists.size >= 65_536) flagLists.clear()
    flagLists.set(mask, out)
    known = out
  }
  return known.slice()
}

const NAME = {
  exact: 0,
  tone: 1,
  folded: 2,
  reordered: 3,
  regional: 4,
  typo: 5,
  similar: 6,
  diff: 7
}

/** One keyboard slip apart (two for longer words): a typo rather than another name. */
function typoDistance(x: string, y: string): boolean {
  const max = Math.min(x.length, y.length) <= 4 ? 1 : 2
  if (Math.abs(x.length - y.length) > max) return false
  return editDistance(x, y, max) <= max
}

/** Folded syllable pairs already judged (ids of one lexicon): names repeat, pairs repeat. */
const typoCache = new Map<number, boolean>()
let typoLex: Lexicon | null = null

function typoFold(lex: Lexicon, fx: number, fy: number, x = -1, y = -1): boolean {
  if (typoLex !== lex) {
    typoCache.clear()
    typoLex = lex
  }
  // Small integer keys (two 15-bit ids) keep the map fast; rarer syllables are measured anew.
  const small = fx < 32768 && fy < 32768
  const k = fx < fy ? (fx << 15) | fy : (fy << 15) | fx
  let v = small ? typoCache.get(k) : undefined
  if (v === undefined) {
    v = typoDistance(lex.folds.list[fx]!, lex.folds.list[fy]!)
    if (typoCache.size > 2_000_000) typoCache.clear()
    if (small) typoCache.set(k, v)
  }
  // "Sy" / "Say": merging i and y can hide a one-letter slip; measure the letters as typed too.
  if (!v && x >= 0) v = typoDistance(lex.sylPlain[x]!, lex.sylPlain[y]!)
  return v
}

/** Scratch state of one comparison (no closures or arrays on the hot path). */
const st = { level: 0, flags: 0 }

function raise(l: number): void {
  if (l > st.level) st.level = l
}

/** Compare syllable x (source) with syllable y (population) at aligned positions. */
function token(
  lex: Lexicon,
  x: number,
  y: number,
  stripped: boolean,
  family: boolean,
  last: boolean
): void {
  const fx = lex.sylFold[x]!
  const fy = lex.sylFold[y]!
  if (fx === fy) {
    if (stripped) raise(NAME.folded)
    else if (x !== y) {
      if (lex.sylTone[x] === lex.sylTone[y]) {
        st.flags |= BIT.name_tone
        raise(NAME.tone)
      } else {
        // Marks typed differently (Hùng / Hưng): a different name or a slip; weaker evidence.
        st.flags |= BIT.name_typo
        raise(NAME.folded)
      }
    }
    return
  }
  if (family && regionalVariant(lex.folds.list[fx]!, lex.folds.list[fy]!)) {
    st.flags |= BIT.name_regional
    raise(NAME.regional)
  } else if (typoFold(lex, fx, fy, x, y)) {
    st.flags |= BIT.name_typo
    raise(NAME.typo)
  } else {
    st.flags |= BIT.name_different
    // A different given name is another person (a sibling); elsewhere it is a weaker sign.
    raise(last ? NAME.diff : NAME.similar)
  }
}

function includesFold(lex: Lexicon, list: Int32Array, len: number, fold: number): boolean {
  for (let k = 0; k < len; k++) if (lex.sylFold[list[k]!] === fold) return true
  return false
}

/** Same words in another order (same count, each word found on the other side). */
function sameTokenSet(
  lex: Lexicon,
  ta: Int32Array,
  la: number,
  tb: Int32Array,
  lb: number
): boolean {
  for (let k = 0; k < la; k++) if (!includesFold(lex, tb, lb, lex.sylFold[ta[k]!]!)) return false
  for (let k = 0; k < lb; k++) if (!includesFold(lex, ta, la, lex.sylFold[tb[k]!]!)) return false
  return true
}

/** Scratch copies of the two names' syllables: copying a few ints beats a view per comparison. */
const TA = new Int32Array(64)
const TB = new Int32Array(64)

function load(s: RecordStore, i: number, into: Int32Array): number {
  const from = s.tokStart[i]!
  const n = Math.min(64, s.tokStart[i + 1]! - from)
  for (let k = 0; k < n; k++) into[k] = s.toks[from + k]!
  return n
}

function compareName(A: RecordStore, i: number, B: RecordStore, j: number): number {
  const lex = A.lex
  const ta = TA
  const tb = TB
  const la = load(A, i, ta)
  const lb = load(B, j, tb)
  st.level = NAME.exact
  st.flags = 0
  // Typed without marks: only if some marked word of the other side is there, bare.
  let stripped = false
  if (A.marked[i] === 0 && B.marked[j] === 1)
    for (let k = 0; k < lb && !stripped; k++)
      if (lex.sylMarked[tb[k]!] === 1 && includesFold(lex, ta, la, lex.sylFold[tb[k]!]!))
        stripped = true
  if (stripped) st.flags |= BIT.name_diacritics
  if (la === lb) {
    let sameOrder = true
    for (let k = 0; k < la && sameOrder; k++)
      if (lex.sylFold[ta[k]!] !== lex.sylFold[tb[k]!]) sameOrder = false
    if (!sameOrder && la > 1 && sameTokenSet(lex, ta, la, tb, lb)) {
      st.flags |= BIT.name_order
      raise(NAME.reordered)
      if (stripped) raise(NAME.folded)
    } else {
      const fam = Math.min(A.famLen[i]!, B.famLen[j]!)
      for (let k = 0; k < la; k++) token(lex, ta[k]!, tb[k]!, stripped, k < fam, k === la - 1)
    }
  } else {
    // A middle name dropped or added: align the family and given names, then the middles in order.
    st.flags |= BIT.name_dropped_middle
    raise(NAME.reordered)
    const famA = A.famLen[i]!
    const famB = B.famLen[j]!
    for (let k = 0; k < Math.min(famA, famB); k++) token(lex, ta[k]!, tb[k]!, stripped, true, false)
    token(lex, ta[la - 1]!, tb[lb - 1]!, stripped, false, true)
    let q = famB
    for (let k = famA; k < la - 1; k++) {
      let r = q
      while (r < lb - 1 && lex.sylFold[tb[r]!] !== lex.sylFold[ta[k]!]) r++
      if (r < lb - 1) {
        token(lex, ta[k]!, tb[r]!, stripped, false, false)
        q = r + 1
      }
    }
  }
  if (st.level === NAME.exact && stripped) st.level = NAME.folded
  return st.level
}

const DOB = { exact: 0, swap: 1, oneDigit: 2, lunar: 3, partial: 4, yearNear: 5, diff: 6 }

function dayNumber(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86_400_000
}

/** How many of the eight digits of dd/mm/yyyy differ (stops counting at 2). */
function digitDiff(ad: number, am: number, ay: number, bd: number, bm: number, by: number): number {
  let x = ad * 1_000_000 + am * 10_000 + ay
  let y = bd * 1_000_000 + bm * 10_000 + by
  let diff = 0
  for (let k = 0; k < 8 && diff < 2; k++) {
    if (x % 10 !== y % 10) diff++
    x = Math.floor(x / 10)
    y = Math.floor(y / 10)
  }
  return diff
}

function compareDob(A: RecordStore, i: number, B: RecordStore, j: number): number {
  const ay = A.y[i]!
  const by = B.y[j]!
  if (!ay || !by) return MISSING
  const am = A.m[i]!
  const ad = A.d[i]!
  const bm = B.m[j]!
  const bd = B.d[j]!
  if (ad && bd) {
    if (ay === by && am === bm && ad === bd) return DOB.exact
    if (ay === by && ad === bm && am === bd) {
      st.flags |= BIT.dob_swap
      return DOB.swap
    }
    if (digitDiff(ad, am, ay, bd, bm, by) === 1) {
      st.flags |= BIT.dob_one_digit
      return DOB.oneDigit
    }
    // A lunar date written as a solar one lags the solar date by three to seven weeks.
    if (Math.abs(ay - by) <= 1 && Math.abs(dayNumber(by, bm, bd) - dayNumber(ay, am, ad)) <= 60) {
      st.flags |= BIT.dob_lunar
      return DOB.lunar
    }
  } else if (ay === by && (!am || !bm || am === bm)) {
    if (!am && bm) st.flags |= BIT.dob_year_only
    else if (am && !ad && bd) st.flags |= BIT.dob_month_year
    return DOB.partial
  }
  st.flags |= BIT.dob_different
  return Math.abs(ay - by) <= 1 ? DOB.yearNear : DOB.diff
}

/** Do two 12-digit numbers differ in exactly one digit? */
function oneDigit(x: number, y: number): boolean {
  let diff = 0
  for (let k = 0; k < 12 && diff < 2; k++) {
    if (x % 10 !== y % 10) diff++
    x = Math.floor(x / 10)
    y = Math.floor(y / 10)
  }
  return diff === 1
}

function compareId(A: RecordStore, i: number, B: RecordStore, j: number): number {
  if (A.idBad[i]) st.flags |= BIT.id_inconsistent
  const a12 = A.id12[i]!
  const b12 = B.id12[j]!
  const ac = A.cmnd[i]!
  const bc = B.cmnd[j]!
  const hasA12 = a12 === a12
  const hasB12 = b12 === b12
  const hasAc = ac === ac
  const hasBc = bc === bc
  if (hasA12 && hasB12) {
    if (a12 === b12) return 0
    if (oneDigit(a12, b12)) {
      st.flags |= BIT.id_one_digit
      return 2
    }
    st.flags |= BIT.id_different
    return 3
  }
  if (hasAc && (hasBc || hasB12)) {
    if (!hasA12 && hasB12) st.flags |= BIT.id_cmnd_vs_id
    if (!hasBc) return MISSING
    if (ac === bc) return 1
    st.flags |= BIT.id_different
    return 3
  }
  if (!hasA12 && !hasAc && (hasB12 || hasBc)) st.flags |= BIT.id_missing
  return MISSING
}

function sameCommune(A: RecordStore, i: number, B: RecordStore, j: number): boolean {
  const b = B.commune[j]!
  if (b < 0) return false
  if (A.commune[i] === b) return true
  const more = A.moreCommunes.get(i)
  return more !== undefined && more.includes(b)
}

function compareResidence(A: RecordStore, i: number, B: RecordStore, j: number): number {
  const addr = A.addr[i]!
  if (addr & ADDR_ABBREV) st.flags |= BIT.address_abbrev
  const ac = A.commune[i]!
  const ap = A.province[i]!
  if ((ap < 0 && ac < 0) || (B.province[j]! < 0 && B.commune[j]! < 0)) {
    if (ap < 0 && ac < 0 && B.province[j]! >= 0 && A.hamlet[i]! >= 0)
      st.flags |= BIT.address_unresolved
    return MISSING
  }
  if (sameCommune(A, i, B, j)) {
    if (addr & ADDR_OLD) st.flags |= BIT.address_old_naming
    if (A.moreCommunes.has(i)) st.flags |= BIT.address_ambiguous
    const h = A.hamlet[i]!
    return h >= 0 && h === B.hamlet[j] ? 0 : 1
  }
  if (ac < 0) st.flags |= BIT.address_unresolved
  if (ap >= 0 && ap === B.province[j]) {
    if (ac >= 0) st.flags |= BIT.address_other_commune
    return 2
  }
  st.flags |= BIT.address_other_province
  return 3
}

/** Parents' names: equal, one word a slip away (same number of words), or different. */
function compareParent(
  A: RecordStore,
  aAt: number,
  aLen: number,
  aHash: number,
  B: RecordStore,
  bAt: number,
  bLen: number,
  bHash: number
): number {
  if (aLen === 0 || bLen === 0) return MISSING
  if (aLen === bLen && aHash === bHash) return 0
  let similar = false
  if (aLen === bLen) {
    let diff = -1
    for (let k = 0; k < aLen; k++) {
      if (A.ptoks[aAt + k] === B.ptoks[bAt + k]) continue
      if (diff >= 0) {
        diff = -2
        break
      }
      diff = k
    }
    similar = diff >= 0 && typoFold(A.lex, A.ptoks[aAt + diff]!, B.ptoks[bAt + diff]!)
  }
  if (similar) {
    st.flags |= BIT.parent_spelling
    return 1
  }
  st.flags |= BIT.parent_mismatch
  return 2
}

function compareHometown(A: RecordStore, i: number, B: RecordStore, j: number): number {
  const a = A.home[i]!
  const b = B.home[j]!
  if (a < 0 || b < 0) return MISSING
  if (a === b) return 0
  const pa = A.lex.placeProvince[a]!
  if (pa >= 0 && pa === A.lex.placeProvince[b]) return 1
  st.flags |= BIT.hometown_different
  return 2
}

/**
 * Compare source record i of A with population record j of B (same lexicon), field by field.
 * Fills `levels` (one per COMPARISONS field, MISSING when not comparable); returns the flags.
 */
export function compare(
  A: RecordStore,
  i: number,
  B: RecordStore,
  j: number,
  levels: Int8Array
): number {
  levels[0] = compareName(A, i, B, j)
  levels[1] = compareDob(A, i, B, j)
  const as = A.sex[i]!
  const bs = B.sex[j]!
  if (!as || !bs) levels[2] = MISSING
  else if (as === bs) levels[2] = 0
  else {
    levels[2] = 1
    st.flags |= BIT.sex_different
  }
  levels[3] = compareId(A, i, B, j)
  levels[4] = compareResidence(A, i, B, j)
  levels[5] = compareParent(
    A,
    A.fatherAt[i]!,
    A.fatherLen[i]!,
    A.father[i]!,
    B,
    B.fatherAt[j]!,
    B.fatherLen[j]!,
    B.father[j]!
  )
  levels[6] = compareParent(
    A,
    A.motherAt[i]!,
    A.motherLen[i]!,
    A.mother[i]!,
    B,
    B.motherAt[j]!,
    B.motherLen[j]!,
    B.mother[j]!
  )
  if (A.fatherLen[i] === 0 && A.motherLen[i] === 0 && (B.fatherLen[j]! > 0 || B.motherLen[j]! > 0))
    st.flags |= BIT.parents_missing
  levels[7] = compareHometown(A, i, B, j)
  const av = A.vital[i]!
  const bv = B.vital[j]!
  if (av && bv && av !== bv) st.flags |= BIT.vital_mismatch
  return st.flags
}
