// Matching keys of Vietnamese names: tone-placement canonical form, i/y, folded and phonetic keys, name parts.
import { cleanText } from './text'

const TONES = '\u0300\u0301\u0309\u0303\u0323'
const VOWELS = 'aăâeêioôơuưy'
/** Vowels that carry a quality mark: the tone sits on them whatever the convention. */
const MARKED = 'ăâêôơư'

/** Remove the tone of one NFD letter sequence; returns the base (NFC) and the tone mark. */
function splitTone(nfd: string): { base: string; tone: string } {
  let tone = ''
  let base = ''
  for (const ch of nfd) {
    if (TONES.includes(ch)) tone = ch
    else base += ch
  }
  return { base: base.normalize('NFC'), tone }
}

/**
 * One lower-case syllable with its tone mark where the modern convention puts it (hòa, thủy,
 * khỏe), and a lone final y after a consonant written i (Lý = Lí, Kỳ = Kì): both spellings are
 * legal, so neither may count as a difference.
 */
export function canonicalSyllable(word: string): string {
  const { base, tone } = splitTone(word.normalize('NFD'))
  const chars = [...base]
  // The vowel cluster; "qu" and "gi" before another vowel are consonants.
  let start = chars.findIndex((c) => VOWELS.includes(c))
  if (start < 0) return (base + tone).normalize('NFC')
  let end = start
  while (end + 1 < chars.length && VOWELS.includes(chars[end + 1]!)) end++
  if (start > 0 && end > start) {
    const prev = chars[start - 1]
    if ((prev === 'q' && chars[start] === 'u') || (prev === 'g' && chars[start] === 'i')) start++
  }
  // i/y: a lone final y after a consonant is the same letter as i.
  if (start === end && end === chars.length - 1 && chars[end] === 'y' && start > 0) chars[end] = 'i'
  if (!tone) return chars.join('')
  let at = -1
  for (let i = end; i >= start; i--) if (MARKED.includes(chars[i]!)) at = at < 0 ? i : at
  if (at < 0) {
    const len = end - start + 1
    const final = end < chars.length - 1
    if (len === 1) at = start
    else if (len === 3) at = start + 1
    else at = final ? end : start
  }
  chars[at] = (chars[at]! + tone).normalize('NFC')
  return chars.join('').normalize('NFC')
}

const COMBINING = /[\u0300-\u036f]/g

/** A folded token: no marks, đ→d, lower case, i/y merged as in canonicalSyllable. */
export function foldToken(token: string): string {
  return canonicalSyllable(token.toLowerCase())
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/đ/g, 'd')
    .replace(/[^a-z0-9]/g, '')
}

/**
 * The sound of a folded syllable as the regions confuse it: initial d/gi/r → z, s/x → s,
 * ch/tr → ch, c/k/q → k, final ng/nh → n and c/ch → t. Tones are already gone, so hỏi/ngã merge.
 */
export function phoneticToken(folded: string): string {
  let s = folded
  s = s.replace(/^ngh/, 'ng').replace(/^gh/, 'g')
  if (/^gi[aeiouy]/.test(s)) s = 'z' + s.slice(2)
  else if (s === 'gi') s = 'zi'
  else s = s.replace(/^[dr]/, 'z')
  s = s
    .replace(/^x/, 's')
    .replace(/^tr/, 'ch')
    .replace(/^qu/, 'kw')
    .replace(/^c(?!h)/, 'k')
  s = s.replace(/(ng|nh)$/, 'n').replace(/(ch|c)$/, 't')
  return s
}

/** Family names written as two words: the second word is not a middle name. */
export const COMPOUND_FAMILY: ReadonlySet<string> = new Set([
  'ton that',
  'ton nu',
  'au duong',
  'nguyen phuc',
  'cong ton',
  'ha phuong',
  'hoang phu',
  'truong tan'
])

/** Family names that are one regional form of another (DESIGN §4): close, never equal. */
const REGIONAL: Record<string, string> = { hoang: 'huynh', huynh: 'hoang', vu: 'vo', vo: 'vu' }

export function regionalVariant(a: string, b: string): boolean {
  return REGIONAL[a] === b
}

export interface NameKey {
  /** Lower-case NFC tokens as written. */
  lower: string[]
  /** Lower-case NFC tokens with canonical tone placement. */
  tone: string[]
  /** Folded tokens. */
  fold: string[]
  /** Folded family name (compound names joined by a space), middle tokens, given name. */
  family: string
  middle: string[]
  given: string
  /** Did the text carry any Vietnamese mark at all? A name typed without them did not. */
  marked: boolean
}

/** Per-syllable keys: a district has a few thousand distinct syllables and millions of names. */
const syllables = new Map<string, { tone: string; fold: string }>()

function syllable(word: string): { tone: string; fold: string } {
  let v = syllables.get(word)
  if (!v) {
    v = { tone: canonicalSyllable(word), fold: foldToken(word) }
    if (syllables.size > 200_000) syllables.clear()
    syllables.set(word, v)
  }
  return v
}

/** The keys of a full name; null when it has no letter. */
export function nameKey(raw: string): NameKey | null {
  const clean = cleanText(raw).toLowerCase()
  if (!/\p{L}/u.test(clean)) return null
  const words = clean.split(' ').filter((w) => w !== '')
  const tone: string[] = []
  const fold: string[] = []
  for (const w of words) {
    const k = syllable(w)
    tone.push(k.tone)
    fold.push(k.fold)
  }
  let famLen = 1
  if (fold.length >= 3 && COMPOUND_FAMILY.has(fold[0] + ' ' + fold[1])) famLen = 2
  if (fold.length === 1) famLen = 0
  return {
    lower: words,
    tone,
    fold,
    family: fold.slice(0, famLen).join(' '),
    middle: fold.slice(famLen, -1),
    given: fold[fold.length - 1]!,
    marked: /[\u0080-\uffff]/.test(clean)
  }
}

/** Jaro-Winkler similarity of two strings (0..1). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1
  const la = a.length
  const lb = b.length
  if (la === 0 || lb === 0) return 0
  const range = Math.max(0, (Math.max(la, lb) >> 1) - 1)
  const ma = new Uint8Array(la)
  const mb = new Uint8Array(lb)
  let matches = 0
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - range)
    const hi = Math.min(lb - 1, i + range)
    for (let j = lo; j <= hi; j++) {
      if (mb[j] || a.charCodeAt(i) !== b.charCodeAt(j)) continue
      ma[i] = 1
      mb[j] = 1
      matches++
      break
    }
  }
  if (matches === 0) return 0
  let t = 0
  let k = 0
  for (let i = 0; i < la; i++) {
    if (!ma[i]) continue
    while (!mb[k]) k++
    if (a.charCodeAt(i) !== b.charCodeAt(k)) t++
    k++
  }
  const jaro = (matches / la + matches / lb + (matches - t / 2) / matches) / 3
  let prefix = 0
  while (prefix < 4 && prefix < la && prefix < lb && a[prefix] === b[prefix]) prefix++
  return jaro + prefix * 0.1 * (1 - jaro)
}

const ROWS = [new Int32Array(65), new Int32Array(65), new Int32Array(65)]

/** Optimal-string-alignment distance (a transposition costs 1), stopping early past `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (a === b) return 0
  if (Math.abs(a.length - b.length) > max) return max + 1
  const n = b.length
  if (a.length > 64 || n > 64) return max + 1
  // Three reused rows: this runs for millions of candidate pairs.
  let prev2 = ROWS[0]!
  let prev = ROWS[1]!
  let cur = ROWS[2]!
  for (let j = 0; j <= n; j++) prev[j] = j
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i
    let rowMin = i
    const ai = a.charCodeAt(i - 1)
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1)
      let v = prev[j - 1]! + (ai === bj ? 0 : 1)
      if (prev[j]! + 1 < v) v = prev[j]! + 1
      if (cur[j - 1]! + 1 < v) v = cur[j - 1]! + 1
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        if (prev2[j - 2]! + 1 < v) v = prev2[j - 2]! + 1
      }
      cur[j] = v
      if (v < rowMin) rowMin = v
    }
    if (rowMin > max) return max + 1
    const t = prev2
    prev2 = prev
    prev = cur
    cur = t
  }
  return prev[n]!
}
