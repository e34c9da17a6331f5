// Comparison levels per field (data the UI can show) and the flags that say how two records differ.
import { PAIR_FLAGS, type PairFlag } from '../../shared/match'
import { editDistance, regionalVariant } from '../normalize/vi-name'
import { ADDR_ABBREV, ADDR_OLD, type Lexicon, type RecordStore } from './store'

/** Fields compared, each with its levels from strongest agreement to disagreement. */
export const COMPARISONS = [
  {
    field: 'name',
    levels: [
      'exact',
      'tone',
      'folded',
      'reordered',
      'middle',
      'regional',
      'typo',
      'partial',
      'similar',
      'different_given',
      'different'
    ]
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
  { field: 'hometown', levels: ['exact', 'same_province', 'different'] },
  // Any other identifier (health card, passport, another register's number, a foreign ID).
  { field: 'other_id', levels: ['exact', 'one_edit', 'different'] }
] as const

/** Positions of the fields in COMPARISONS (and in every levels array). */
export const F = {
  name: 0,
  dob: 1,
  sex: 2,
  id: 3,
  residence: 4,
  father: 5,
  mother: 6,
  hometown: 7,
  otherId: 8
} as const

export type ComparedField = (typeof COMPARISONS)[number]['field']
export const FIELD_COUNT = COMPARISONS.length
/** Level of a field when either side did not carry it: it adds no weight. */
export const MISSING = -1

/** Bit of each flag in a 32-bit mask (the last one is the sign bit of an Int32). */
const BIT = Object.fromEntries(PAIR_FLAGS.map((f, i) => [f, (1 << i) | 0])) as Record<
  PairFlag,
  number
>

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
    for (let i = 0; i < PAIR_FLAGS.length; i++) if ((mask >>> i) & 1) out.push(PAIR_FLAGS[i]!)
    if (flagLists.size >= 65_536) flagLists.clear()
    flagLists.set(mask, out)
    known = out
  }
  return known.slice()
}

/** Name level "similar": the given names agree, the rest does not. */
export const NAME_SIMILAR = 8

const NAME = {
  exact: 0,
  tone: 1,
  folded: 2,
  reordered: 3,
  middle: 4,
  regional: 5,
  typo: 6,
  partial: 7,
  similar: NAME_SIMILAR,
  diffGiven: 9,
  diff: 10
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

/** What one alignment of two names found: its level and flags (no allocation per comparison). */
interface Acc {
  level: number
  flags: number
}

/** Scratch state of one comparison; `alt` holds a second alignment tried against the first. */
const st: Acc = { level: 0, flags: 0 }
const alt: Acc = { level: 0, flags: 0 }

/** Whether the family names of the last comparison agreed (the same, a regional form, a slip). */
let familyMet = false

function raise(a: Acc, l: number): void {
  if (l > a.level) a.level = l
}

/**
 * Compare syllable x (source) with syllable y (population) at aligned positions. A different
 * given name is another person (a sibling); a different family or middle name is weaker evidence.
 */
function token(
  a: Acc,
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
    if (family) familyMet = true
    if (stripped) raise(a, NAME.folded)
    else if (x !== y) {
      if (lex.sylTone[x] === lex.sylTone[y]) {
        a.flags |= BIT.name_tone
        raise(a, NAME.tone)
      } else {
        // Marks typed differently (Hùng / Hưng): a different name or a slip; weaker evidence.
        a.flags |= BIT.name_typo
        raise(a, NAME.folded)
      }
    }
    return
  }
  if (family && regionalVariant(lex.folds.list[fx]!, lex.folds.list[fy]!)) {
    familyMet = true
    a.flags |= BIT.name_regional
    raise(a, NAME.regional)
  } else if (typoFold(lex, fx, fy, x, y)) {
    if (family) familyMet = true
    a.flags |= BIT.name_typo
    raise(a, NAME.typo)
  } else {
    a.flags |= BIT.name_different
    raise(a, last ? NAME.diff : NAME.similar)
  }
}

function includesFold(lex: Lexicon, list: Int32Array, len: number, fold: number): boolean {
  for (let k = 0; k < len; k++) if (lex.sylFold[list[k]!] === fold) return true
  return false
}

/** Scratch copies of the two names' syllables: copying a few ints beats a view per comparison. */
const TA = new Int32Array(64)
const TB = new Int32Array(64)
/** Which word of the longer name each word of the shorter one was paired with. */
const PAIRED = new Int32Array(64)
const USED = new Uint8Array(64)

function load(s: RecordStore, i: number, into: Int32Array): number {
  const from = s.tokStart[i]!
  const n = Math.min(64, s.tokStart[i + 1]! - from)
  for (let k = 0; k < n; k++) into[k] = s.toks[from + k]!
  return n
}

/**
 * Pair every word of the shorter name (`ts`, n words) with a word of the longer one (`tl`, m
 * words), anywhere: the same word first, then a slip. Fills `a` and PAIRED; false when some
 * word has no partner. This is what finds names in the wrong place: given and family name
 * swapped (columns swapped, or a name written given-first), a middle name moved, a part missing.
 */
function pairWords(
  a: Acc,
  lex: Lexicon,
  ts: Int32Array,
  n: number,
  tl: Int32Array,
  m: number,
  stripped: boolean
): boolean {
  USED.fill(0, 0, m)
  let open = 0
  for (let k = 0; k < n; k++) {
    PAIRED[k] = -1
    const f = lex.sylFold[ts[k]!]!
    // The word at the same place first: "An Văn An" pairs in order.
    for (let r = 0; r < m; r++) {
      const q = (k + r) % m
      if (!USED[q] && lex.sylFold[tl[q]!] === f) {
        PAIRED[k] = q
        USED[q] = 1
        break
      }
    }
    if (PAIRED[k]! < 0) open++
  }
  if (open > 0)
    for (let k = 0; k < n; k++) {
      if (PAIRED[k]! >= 0) continue
      const fx = lex.sylFold[ts[k]!]!
      for (let q = 0; q < m; q++) {
        // A slip may turn a given name into another, never into a middle name ("Khánh" is not
        // "Thanh" misspelt): the last word pairs by a slip only at either end of the other name.
        if (k === n - 1 && q !== m - 1 && q !== 0) continue
        if (!USED[q] && typoFold(lex, fx, lex.sylFold[tl[q]!]!, ts[k], tl[q])) {
          PAIRED[k] = q
          USED[q] = 1
          break
        }
      }
      if (PAIRED[k]! < 0) return false
    }
  for (let k = 0; k < n; k++) token(a, lex, ts[k]!, tl[PAIRED[k]!]!, stripped, false, false)
  return true
}

/**
 * How many words of `ts` have the same word (folded) anywhere in `tl`: pairing the words in other
 * places is only tried when all of them but one do (a slip is then allowed on that one).
 */
function foldedInCommon(
  lex: Lexicon,
  ts: Int32Array,
  n: number,
  tl: Int32Array,
  m: number
): number {
  let found = 0
  for (let k = 0; k < n; k++) if (includesFold(lex, tl, m, lex.sylFold[ts[k]!]!)) found++
  return found
}

/** One word, or a slip apart. */
function sameWord(lex: Lexicon, x: number, y: number): boolean {
  const fx = lex.sylFold[x]!
  const fy = lex.sylFold[y]!
  return fx === fy || typoFold(lex, fx, fy, x, y)
}

/** Letters of the words, folded. */
function foldedLength(lex: Lexicon, t: Int32Array, n: number): number {
  let len = 0
  for (let k = 0; k < n; k++) len += lex.folds.list[lex.sylFold[t[k]!]!]!.length
  return len
}

/**
 * Whether two neighbouring words of the longer name (`tl`, m words), joined, make the shorter
 * name's words (`ts`, m − 1 of them) in any order, each the same or a slip apart: a space typed
 * inside a word of a name written in another order.
 */
function splitWord(lex: Lexicon, tl: Int32Array, m: number, ts: Int32Array, n: number): boolean {
  // The joined word is tried first: for most pairs no neighbours make a word of the other name.
  // (A name of more than 30 words is no one's: the words used are bits of one number.)
  if (n > 30) return false
  for (let k = 0; k + 1 < m; k++) {
    let used = shortWord(lex, ts, n, lex.foldOf(tl[k]!) + lex.foldOf(tl[k + 1]!), 0)
    for (let q = 0; q < m && used >= 0; q++)
      if (q !== k && q !== k + 1) used = shortWord(lex, ts, n, lex.foldOf(tl[q]!), used)
    if (used >= 0) return true
  }
  return false
}

/**
 * Mark the first word of the short name (`ts`) not yet used (bit set in `used`) that is `w` or a
 * slip from it; the new mask, or −1 when none is.
 */
function shortWord(lex: Lexicon, ts: Int32Array, n: number, w: string, used: number): number {
  let slip = -1
  for (let k = 0; k < n; k++) {
    if (used & (1 << k)) continue
    const v = lex.folds.list[lex.sylFold[ts[k]!]!]!
    if (v === w) return used | (1 << k)
    if (slip < 0 && w.length >= 4 && v.length >= 4 && typoDistance(w, v)) slip = k
  }
  return slip < 0 ? -1 : used | (1 << slip)
}

/** The words joined without spaces, folded: "Jord An" and "Jordan" are one name with a slip. */
function joinedFold(lex: Lexicon, t: Int32Array, n: number): string {
  let s = ''
  for (let k = 0; k < n; k++) s += lex.folds.list[lex.sylFold[t[k]!]!]!
  return s
}

function compareName(A: RecordStore, i: number, B: RecordStore, j: number): number {
  const lex = A.lex
  const ta = TA
  const tb = TB
  const la = load(A, i, ta)
  const lb = load(B, j, tb)
  st.level = NAME.exact
  st.flags = 0
  familyMet = false
  // A name not written at all (kept for its identifier): nothing to compare.
  if (la === 0 || lb === 0) return MISSING
  // Typed without marks: only if some marked word of the other side is there, bare.
  let stripped = false
  if (A.marked[i] === 0 && B.marked[j] === 1)
    for (let k = 0; k < lb && !stripped; k++)
      if (lex.sylMarked[tb[k]!] === 1 && includesFold(lex, ta, la, lex.sylFold[tb[k]!]!))
        stripped = true
  if (stripped) st.flags |= BIT.name_diacritics
  const famA = A.famLen[i]!
  const famB = B.famLen[j]!
  const givA = A.givLen[i]!
  const givB = B.givLen[j]!
  if (givA !== givB || (famA === 0) !== (famB === 0)) {
    // One side lacks its given or its family name: the parts it has, found on the other side.
    const aShort = givA < givB || (givA === givB && famA < famB)
    st.flags |= BIT.name_missing_part
    if (
      aShort
        ? pairWords(st, lex, ta, la, tb, lb, stripped)
        : pairWords(st, lex, tb, lb, ta, la, stripped)
    ) {
      raise(st, NAME.partial)
    } else {
      st.flags |= BIT.name_different
      raise(st, NAME.diff)
    }
  } else if (la === lb) {
    const fam = Math.min(famA, famB)
    let apart = 0
    for (let k = 0; k < la; k++) {
      token(st, lex, ta[k]!, tb[k]!, stripped, k < fam, k === la - 1 && givA === 1)
      if (lex.sylFold[ta[k]!] !== lex.sylFold[tb[k]!]) apart++
    }
    // Words in other places: only where two or more places differ can another order pair them
    // all (one word out of place is another name, a sibling's: the commonest pair by far).
    if (apart > 1 && st.level >= NAME.typo) reorder(lex, ta, tb, la, stripped)
  } else {
    // A middle name dropped or added: align the family and given names, then the middles in order.
    st.flags |= BIT.name_dropped_middle
    raise(st, NAME.middle)
    for (let k = 0; k < Math.min(famA, famB); k++)
      token(st, lex, ta[k]!, tb[k]!, stripped, true, false)
    token(st, lex, ta[la - 1]!, tb[lb - 1]!, stripped, false, givA === 1)
    let q = famB
    for (let k = famA; k < la - 1; k++) {
      let r = q
      while (r < lb - 1 && lex.sylFold[tb[r]!] !== lex.sylFold[ta[k]!]) r++
      if (r < lb - 1) {
        token(st, lex, ta[k]!, tb[r]!, stripped, false, false)
        q = r + 1
      }
    }
    if (st.level >= NAME.typo) {
      // The words in other places ("Văn Nguyễn Hùng" against "Nguyễn Hùng")...
      alt.level = NAME.middle
      alt.flags = BIT.name_dropped_middle | BIT.name_order | (st.flags & BIT.name_diacritics)
      const short = Math.min(la, lb)
      if (
        (la < lb ? foldedInCommon(lex, ta, la, tb, lb) : foldedInCommon(lex, tb, lb, ta, la)) >=
          short - 1 &&
        (la < lb
          ? pairWords(alt, lex, ta, la, tb, lb, stripped)
          : pairWords(alt, lex, tb, lb, ta, la, stripped)) &&
        alt.level < st.level
      ) {
        st.level = alt.level
        st.flags = alt.flags
      }
      // ... or a space typed inside a word ("Jord An" for "Jordan").
      if (
        st.level > NAME.typo &&
        Math.abs(la - lb) === 1 &&
        Math.abs(foldedLength(lex, ta, la) - foldedLength(lex, tb, lb)) <= 2
      ) {
        const x = joinedFold(lex, ta, la)
        const y = joinedFold(lex, tb, lb)
        if (x.length >= 6 && typoDistance(x, y)) {
          st.level = NAME.typo
          st.flags = BIT.name_typo | (st.flags & BIT.name_diacritics)
        } else if (la < lb ? splitWord(lex, tb, lb, ta, la) : splitWord(lex, ta, la, tb, lb)) {
          // The same with the names in another order ("L Iam Musolino" for "Musolino Liam").
          st.level = NAME.typo
          st.flags = BIT.name_typo | BIT.name_order | (st.flags & BIT.name_diacritics)
        }
      }
    }
  }
  // Another given name in the same family ("Nguyễn Văn An", "Nguyễn Văn Bình": a sibling; in a
  // register of strangers, a given name written in place of another) is not "nothing agrees".
  // The same with the parts swapped ("Cassandra Pulfrd" for "Pulford Victoria").
  if (st.level === NAME.diff && famA > 0 && famB > 0) {
    if (givA === 1 && familyMet) st.level = NAME.diffGiven
    else if (
      la === 2 &&
      lb === 2 &&
      givA === 1 &&
      givB === 1 &&
      (sameWord(lex, ta[0]!, tb[1]!) || sameWord(lex, ta[1]!, tb[0]!))
    ) {
      st.level = NAME.diffGiven
      st.flags |= BIT.name_swapped
    }
  }
  if (st.level === NAME.exact && stripped) st.level = NAME.folded
  // Read back from Telex or VNI: the marks were meant, but typed as letters.
  if (st.level <= NAME.tone && (A.typed[i]! | B.typed[j]!) === 1) {
    st.flags = (st.flags & ~BIT.name_tone) | BIT.name_diacritics
    st.level = NAME.tone
  }
  return st.level
}

/**
 * The same words in other places: the given and family names swapped (columns swapped, or a
 * name written given-first), a middle name moved, any other order. Kept when it explains the
 * two names better than reading them in order.
 */
function reorder(lex: Lexicon, ta: Int32Array, tb: Int32Array, n: number, stripped: boolean): void {
  if (foldedInCommon(lex, ta, n, tb, n) < n - 1) return
  alt.level = NAME.reordered
  alt.flags = st.flags & BIT.name_diacritics
  if (!pairWords(alt, lex, ta, n, tb, n, stripped)) return
  // Given and family name trading places is the commonest case, and has its own flag.
  alt.flags |= PAIRED[0] === n - 1 && PAIRED[n - 1] === 0 ? BIT.name_swapped : BIT.name_order
  if (alt.level < st.level) {
    st.level = alt.level
    st.flags = alt.flags
  }
}

const DOB = { exact: 0, swap: 1, oneDigit: 2, lunar: 3, partial: 4, yearNear: 5, diff: 6 }
/** Days a lunar date may lag the solar one (Tết falls between 21 January and 20 February). */
const LUNAR_LAG_MIN = 10
const LUNAR_LAG_MAX = 60

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
    // One digit mistyped, or two neighbouring digits of the day, month or year typed in the
    // wrong order (1939 for 1993): one slip of the hand.
    if (
      digitDiff(ad, am, ay, bd, bm, by) === 1 ||
      (ay === by && am === bm && swappedDigits(ad, bd)) ||
      (ay === by && ad === bd && swappedDigits(am, bm)) ||
      (am === bm && ad === bd && oneDigit(ay, by))
    ) {
      st.flags |= BIT.dob_one_digit
      return DOB.oneDigit
    }
    // A lunar date written as a solar one lags the solar date by three to seven weeks: the
    // register's date comes that much before the population's, never after.
    const lag = dayNumber(by, bm, bd) - dayNumber(ay, am, ad)
    if (lag >= LUNAR_LAG_MIN && lag <= LUNAR_LAG_MAX) {
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

/** Are two days (or months) the same two digits in the other order (03 and 30)? */
function swappedDigits(x: number, y: number): boolean {
  return x !== y && x === (y % 10) * 10 + ((y / 10) | 0)
}

/** Do two numbers of up to 12 digits differ in one digit, or by two neighbours swapped? */
function oneDigit(x: number, y: number): boolean {
  let diff = 0
  let at = -1
  let x0 = 0
  let y0 = 0
  let x1 = 0
  let y1 = 0
  for (let k = 0; k < 12 && diff < 3; k++) {
    const dx = x % 10
    const dy = y % 10
    if (dx !== dy) {
      if (diff === 1) {
        x1 = dx
        y1 = dy
        if (k !== at + 1) diff = 3
      } else {
        at = k
        x0 = dx
        y0 = dy
      }
      diff++
    }
    x = Math.floor(x / 10)
    y = Math.floor(y / 10)
  }
  return diff === 1 || (diff === 2 && x0 === y1 && x1 === y0)
}

/** Two identifiers of any format: the same, one edit or two neighbours swapped apart, or not. */
function compareOtherId(A: RecordStore, i: number, B: RecordStore, j: number): number {
  const a = A.oid[i]!
  const b = B.oid[j]!
  if (a === 0 || b === 0) return MISSING
  const x = A.oidText[i]!
  const y = B.oidText[j]!
  if (a === b && x === y) return 0
  if (Math.abs(x.length - y.length) <= 1 && editDistance(x, y, 1) <= 1) {
    st.flags |= BIT.id_one_digit
    return 1
  }
  st.flags |= BIT.id_different
  return 2
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
    if (oneDigit(ac, bc)) {
      st.flags |= BIT.id_one_digit
      return 2
    }
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

/**
 * Two addresses no commune was found for (foreign ones: street, suburb, postcode, state), by
 * their words: the share of the words' weight the other address also has, a rare word (a street
 * name, a postcode) weighing more than a common one ("street", the state), and a word written
 * with a slip, or split in two ("noble park" / "nobl ee park"), still counted. Mapped onto the
 * residence levels: the same address, most of it, some of it, none.
 */
function compareAddressWords(A: RecordStore, i: number, B: RecordStore, j: number): number {
  const a = addressShare(A, i, B, j)
  const b = addressShare(B, j, A, i)
  const share = (a + b) / 2
  if (share >= 0.95) return 0
  if (share >= 0.6) return 1
  if (share >= 0.3) {
    st.flags |= BIT.address_other_commune
    return 2
  }
  st.flags |= BIT.address_other_province
  return 3
}

/** Share of address i's word weight found in address j (exactly, by a slip, or joined). */
function addressShare(A: RecordStore, i: number, B: RecordStore, j: number): number {
  const lex = A.lex
  const counts = lex.addrWordCount
  const words = lex.addrWords.list
  const a0 = A.atokAt[i]!
  const an = A.atokLen[i]!
  const b0 = B.atokAt[j]!
  const bn = B.atokLen[j]!
  let total = 0
  let found = 0
  for (let k = 0; k < an; k++) {
    const t = A.atoks[a0 + k]!
    const w = 1 / Math.sqrt(counts[t]!)
    total += w
    let hit = false
    for (let q = 0; q < bn && !hit; q++) hit = B.atoks[b0 + q] === t
    const x = words[t]!
    if (!hit && x.length >= 3)
      for (let q = 0; q < bn && !hit; q++) {
        const y = words[B.atoks[b0 + q]!]!
        hit =
          (y.length >= 3 && typoDistance(x, y)) ||
          (q + 1 < bn && x === y + words[B.atoks[b0 + q + 1]!]!) ||
          (k + 1 < an && x + words[A.atoks[a0 + k + 1]!]! === y)
      }
    if (hit) found += w
  }
  return total > 0 ? found / total : 0
}

function compareResidence(A: RecordStore, i: number, B: RecordStore, j: number): number {
  if (A.atokLen[i]! > 0 && B.atokLen[j]! > 0) return compareAddressWords(A, i, B, j)
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
  levels[F.name] = compareName(A, i, B, j)
  levels[F.dob] = compareDob(A, i, B, j)
  const as = A.sex[i]!
  const bs = B.sex[j]!
  if (!as || !bs) levels[F.sex] = MISSING
  else if (as === bs) levels[F.sex] = 0
  else {
    levels[F.sex] = 1
    st.flags |= BIT.sex_different
  }
  levels[F.id] = compareId(A, i, B, j)
  levels[F.residence] = compareResidence(A, i, B, j)
  levels[F.father] = compareParent(
    A,
    A.fatherAt[i]!,
    A.fatherLen[i]!,
    A.father[i]!,
    B,
    B.fatherAt[j]!,
    B.fatherLen[j]!,
    B.father[j]!
  )
  levels[F.mother] = compareParent(
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
  levels[F.hometown] = compareHometown(A, i, B, j)
  levels[F.otherId] = compareOtherId(A, i, B, j)
  const av = A.vital[i]!
  const bv = B.vital[j]!
  if (av && bv && av !== bv) st.flags |= BIT.vital_mismatch
  return st.flags
}
