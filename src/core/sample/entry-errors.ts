// Realistic data-entry errors planted in synthetic registry rows, one function per named error type.
import type { Rng } from './prng'

/** The fixed vocabulary of planted errors (truth.csv lists them in this order). */
export const ERROR_TYPES = [
  'strip_diacritics',
  'tone_placement',
  'typo',
  'drop_middle',
  'regional_variant',
  'swap_day_month',
  'year_only',
  'month_year',
  'dob_one_digit',
  'lunar_offset',
  'old_address',
  'abbrev_address',
  'missing_id',
  'cmnd_only',
  'id_one_digit',
  'missing_parents',
  'case_noise',
  'extra_spaces',
  'deceased_mismatch'
] as const
export type ErrorType = (typeof ERROR_TYPES)[number]

/** "Today" for the sample: fixed, so the output never depends on the clock. */
export const REF_ISO = '2025-09-30'
const REF_YEAR = Number(REF_ISO.slice(0, 4))

const COMBINING = /[\u0300-\u036f]/g

/** "Nguyễn Văn Đức" → "Nguyen Van Duc". */
export function stripDiacritics(s: string): string {
  return s.normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
}

export function hasDiacritics(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return true
  return false
}

const TONE_MARKS = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323']
/** Syllable endings whose tone two conventions place differently: "òa" (new) / "oà" (old). */
const FLIP = new Map<string, string>()
for (const t of TONE_MARKS) {
  for (const [v1, v2] of [
    ['o', 'a'],
    ['o', 'e'],
    ['u', 'y']
  ] as const) {
    const modern = (v1 + t).normalize('NFC') + v2
    const old = v1 + (v2 + t).normalize('NFC')
    FLIP.set(modern, old)
    FLIP.set(old, modern)
  }
}

/** Hòa ↔ Hoà, Thủy ↔ Thuỷ, Khỏe ↔ Khoẻ; null when the word has no such open syllable. */
export function flipTonePlacement(word: string): string | null {
  if (word.length < 2) return null
  const end = word.slice(-2)
  const flipped = FLIP.get(end)
  if (!flipped) return null
  const before = word.length > 2 ? word[word.length - 3]! : ''
  // "Quý", "Quỳnh": qu is a consonant, the tone is on the only vowel.
  if (stripDiacritics(end[0]!) === 'u' && (before === 'q' || before === 'Q')) return null
  return word.slice(0, -2) + flipped
}

const KEY_NEIGHBOURS: Record<string, string> = {
  a: 'sq',
  b: 'vn',
  c: 'xv',
  d: 'sf',
  e: 'wr',
  g: 'fh',
  h: 'gj',
  i: 'uo',
  k: 'jl',
  l: 'k',
  m: 'n',
  n: 'bm',
  o: 'ip',
  p: 'o',
  q: 'w',
  r: 'et',
  s: 'ad',
  t: 'ry',
  u: 'yi',
  v: 'cb',
  x: 'zc',
  y: 'tu'
}

/** One slip of the keyboard in a word: a letter dropped, doubled, swapped or replaced. */
export function typo(word: string, rng: Rng, keepDiacriticsAlone: boolean): string {
  const chars = [...word]
  for (let attempt = 0; attempt < 12; attempt++) {
    const op = rng.int(4)
    const out = chars.slice()
    const i = 1 + rng.int(Math.max(1, chars.length - 1))
    if (i >= chars.length) continue
    if (op === 0 && chars.length >= 3) out.splice(i, 1)
    else if (op === 1 && i + 1 < chars.length && chars[i] !== chars[i + 1]) {
      out[i] = chars[i + 1]!
      out[i + 1] = chars[i]!
    } else if (op === 2) out.splice(i, 0, chars[i]!)
    else {
      const c = chars[i]!
      const base = stripDiacritics(c).toLowerCase()
      if (c !== base && !keepDiacriticsAlone) {
        // A wrong tone: ễ → ế, or the tone left out.
        const nfd = c.normalize('NFD')
        const tone = TONE_MARKS.find((t) => nfd.includes(t))
        const bare = tone ? nfd.replace(tone, '') : nfd
        const others = TONE_MARKS.filter((t) => t !== tone)
        const next = rng.chance(0.3) ? '' : rng.pick(others)
        out[i] = (bare + next).normalize('NFC')
      } else {
        const n = KEY_NEIGHBOURS[base]
        if (!n) continue
        out[i] = rng.pick([...n])
      }
    }
    const result = out.join('')
    if (result !== word && result.length > 0) return result
  }
  return word
}

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Is dd/mm/yyyy a real date? */
export function validDate(d: number, m: number, y: number): boolean {
  return y >= 1900 && y <= REF_YEAR && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)
}

/** "dd/mm/yyyy" with one digit changed, still a real date; null when none was found. */
export function dobOneDigit(dmy: string, rng: Rng): string | null {
  const positions = [0, 1, 3, 4, 6, 7, 8, 9]
  for (let attempt = 0; attempt < 24; attempt++) {
    const p = rng.pick(positions)
    const digit = String(rng.int(10))
    if (dmy[p] === digit) continue
    const s = dmy.slice(0, p) + digit + dmy.slice(p + 1)
    const d = Number(s.slice(0, 2))
    const m = Number(s.slice(3, 5))
    const y = Number(s.slice(6))
    // A changed digit that merely swaps day and month is another error type.
    if (s.slice(0, 2) === dmy.slice(3, 5) && s.slice(3, 5) === dmy.slice(0, 2)) continue
    if (validDate(d, m, y)) return s
  }
  return null
}

/** ISO date shifted back by `days` (a lunar date written as a solar one lags by 3–7 weeks). */
export function shiftIso(iso: string, days: number): string {
  const t = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)))
  const d = new Date(t - days * 86_400_000)
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`
}

/** "yyyy-mm-dd" → "dd/mm/yyyy"; "yyyy" stays. */
export function isoToDmy(iso: string): string {
  if (iso.length === 4) return iso
  if (iso.length === 7) return `${iso.slice(5, 7)}/${iso.slice(0, 4)}`
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
}

/** A 12-digit ID with one digit changed. */
export function idOneDigit(id: string, rng: Rng): string {
  const p = rng.int(id.length)
  const old = id.charCodeAt(p) - 48
  const digit = (old + 1 + rng.int(9)) % 10
  return id.slice(0, p) + digit + id.slice(p + 1)
}

/** Clerk abbreviations of a two-level address: "Thôn 3, X. Hòa Vang, TP. Đà Nẵng". */
export function abbreviateAddress(
  hamlet: string,
  ward: string,
  province: string,
  rng: Rng
): string {
  let h = hamlet
  if (h.startsWith('Tổ dân phố ')) h = rng.pick(['TDP ', 'Tổ ', 'TDP.']) + h.slice(11)
  else if (h.startsWith('Khu phố ')) h = rng.pick(['KP ', 'KP', 'KP.']) + h.slice(8)
  else if (h.startsWith('Thôn ') && rng.chance(0.3)) h = 'T.' + h.slice(5)
  let w = ward
  if (w.startsWith('Phường ')) {
    const rest = w.slice(7)
    w =
      (/^\d/.test(rest) ? rng.pick(['P.', 'F.', 'P', 'F']) : rng.pick(['P. ', 'P.', 'Ph. '])) + rest
  } else if (w.startsWith('Xã ')) w = rng.pick(['X. ', 'X.', 'xã ']) + w.slice(3)
  let p = province
  if (p === 'Thành phố Hồ Chí Minh')
    p = rng.pick(['TP HCM', 'TP.HCM', 'TPHCM', 'TP. Hồ Chí Minh', 'HCM'])
  else if (p.startsWith('Thành phố ')) p = rng.pick(['TP. ', 'TP ', 'T.P ', '']) + p.slice(10)
  else if (p.startsWith('Tỉnh ')) p = rng.pick(['T. ', '', 't. ', 'tỉnh ']) + p.slice(5)
  return (h ? h + ', ' : '') + w + ', ' + p
}
