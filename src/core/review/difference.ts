// Whether two values of a person field differ in a way a correction should fix, or only in writing.
import type { CorrectableField } from '../../shared/review'
import { cleanText } from '../normalize/text'
import { canonicalSyllable } from '../normalize/vi-name'

type Value = string | number | null | undefined

/** Fields written as places: clerks abbreviate their level words. */
const PLACE_FIELDS: ReadonlySet<CorrectableField> = new Set(['residence', 'hometown'])
const DATE_FIELDS: ReadonlySet<CorrectableField> = new Set(['dob', 'death_date'])
const NUMBER_FIELDS: ReadonlySet<CorrectableField> = new Set(['id_number', 'legacy_id'])

/**
 * A clerk's abbreviation of an administrative level, and the words it stands for. "T." is left
 * out: it means tỉnh, thôn or tổ depending on the clerk.
 */
const LEVEL_WORDS: Record<string, string> = {
  tp: 'thành phố',
  tx: 'thị xã',
  tt: 'thị trấn',
  p: 'phường',
  f: 'phường',
  ph: 'phường',
  q: 'quận',
  h: 'huyện',
  x: 'xã',
  kp: 'khu phố',
  tdp: 'tổ dân phố'
}

/** Ho Chi Minh City's many short forms, and Hanoi's. */
const CITY_NAMES: Record<string, string> = {
  hcm: 'hồ chí minh',
  tphcm: 'thành phố hồ chí minh',
  sg: 'hồ chí minh',
  hn: 'hà nội'
}

/** Lower case, NFC, single spaces, each syllable with its tone where the modern rule puts it. */
function canonicalWords(text: string): string[] {
  return cleanText(text)
    .toLowerCase()
    .split(' ')
    .filter((w) => w !== '')
    .map(canonicalSyllable)
}

/**
 * An address as comparable words: each comma-separated part with its level abbreviation spelt out
 * ("P.3" → "phường 3", "TP." → "thành phố", "TPHCM" → "thành phố hồ chí minh"). An abbreviation
 * counts only where a level word can stand: at the start of a part, before a dot or a number.
 */
function canonicalPlace(text: string): string {
  return cleanText(text)
    .split(',')
    .map((part) => {
      // "P.3", "F3", "TDP.2": the letters, a mark that they are short, then the number.
      const spaced = part
        .toLowerCase()
        .replace(/([\p{L}])\.(?=\S)/gu, '$1. ')
        .replace(/^\s*(tp|tx|tt|ph|p|f|q|h|x|kp|tdp)(\d)/u, '$1 $2')
      const words = spaced.split(/\s+/).filter((w) => w !== '')
      const out: string[] = []
      words.forEach((word, i) => {
        const dotted = word.endsWith('.')
        const bare = word.replace(/\.+$/, '')
        const next = words[i + 1] ?? ''
        const levelPlace = i === 0 || dotted || /^\d/.test(next)
        const level = LEVEL_WORDS[bare]
        const city = CITY_NAMES[bare]
        if (city) out.push(...city.split(' '))
        else if (level && levelPlace) out.push(...level.split(' '))
        else if (bare !== '') out.push(...canonicalWords(bare))
      })
      return out.join(' ')
    })
    .filter((p) => p !== '')
    .join(', ')
}

/** A stored date (yyyy, yyyy-mm or yyyy-mm-dd) agrees with another when one is the other, less precise. */
function sameDate(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a)
}

/**
 * True when the values differ in what they say, so a correction is worth proposing. Case, spacing,
 * Unicode form, tone placement (Hòa/Hoà, Thủy/Thuỷ), i/y (Lý/Lí), address abbreviations (P. /
 * Phường, TP. / Thành phố), an ID's separators, and a date known to the year against the same
 * date known to the day, are only ways of writing. A missing value is no difference here: there
 * is nothing to set right on the side that has one. Diacritics that are missing altogether do
 * matter (Hùng and Hưng are different names).
 */
export function differenceMatters(field: CorrectableField, a: Value, b: Value): boolean {
  if (a == null || b == null || a === '' || b === '') return false
  const x = String(a)
  const y = String(b)
  if (x === y) return false
  if (DATE_FIELDS.has(field)) return !sameDate(x, y)
  if (NUMBER_FIELDS.has(field)) return x.replace(/\D/g, '') !== y.replace(/\D/g, '')
  if (PLACE_FIELDS.has(field)) return canonicalPlace(x) !== canonicalPlace(y)
  return canonicalWords(x).join(' ') !== canonicalWords(y).join(' ')
}
