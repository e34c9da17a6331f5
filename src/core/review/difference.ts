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
 * A clerk's abbreviation of an administrative level, and the words it stands for. "T." is read
 * apart (see T_LEVELS): it means tỉnh, thôn or tổ depending on the clerk.
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
 * Level words and the level they name. The hamlet words are one level: clerks write the same
 * hamlet as "Thôn 3", "Xóm 3" or "Tổ 3", and the national database spells it its own way. The
 * commune, district and province words stay apart: "Phường 3" and "Quận 3" are other places.
 */
const LEVEL_OF: [string[], string][] = (
  [
    [['tổ', 'dân', 'phố'], 'hamlet'],
    [['khu', 'phố'], 'hamlet'],
    [['tiểu', 'khu'], 'hamlet'],
    [['thị', 'trấn'], 'thị trấn'],
    [['thị', 'xã'], 'thị xã'],
    [['thành', 'phố'], 'thành phố'],
    ...[
      'thôn',
      'xóm',
      'ấp',
      'bản',
      'khóm',
      'khối',
      'buôn',
      'bon',
      'plei',
      'sóc',
      'làng',
      'cụm',
      'đội',
      'tổ',
      'khu'
    ].map((w): [string[], string] => [[w], 'hamlet']),
    ...['xã', 'phường', 'quận', 'huyện', 'tỉnh'].map((w): [string[], string] => [[w], w])
  ] satisfies [string[], string][]
)
  .map(([words, level]): [string[], string] => [words.map(canonicalSyllable), level])
  // The longest level word first, so "thị xã" is not read as a name "thị" under "xã".
  .sort((a, b) => b[0].length - a[0].length)

/** "T." stands for tỉnh, thôn or tổ depending on the clerk: it agrees with any of them. */
const T_LEVELS: ReadonlySet<string> = new Set(['tỉnh', 'hamlet'])

interface PlacePart {
  /** The level the part names, 't' for the ambiguous "T.", null when no level word is written. */
  level: string | null
  name: string
}

/**
 * An address as comparable parts: each comma-separated part with its level abbreviation spelt
 * out ("P.3" → "phường 3", "TP." → "thành phố", "TPHCM" → "thành phố hồ chí minh"), then its
 * leading level word set apart from the name. An abbreviation counts only where a level word can
 * stand: at the start of a part, before a dot or a number.
 */
function placeParts(text: string): PlacePart[] {
  return cleanText(text)
    .split(',')
    .map((part) => {
      // "P.3", "F3", "TDP.2": the letters, a mark that they are short, then the number.
      const spaced = part
        .toLowerCase()
        .replace(/^\s*t\.\s?p\b\.?/u, 'tp.')
        .replace(/([\p{L}])\.(?=\S)/gu, '$1. ')
        .replace(/^\s*(tp|tx|tt|ph|p|f|q|h|x|kp|tdp|t)(\d)/u, '$1. $2')
      const words = spaced.split(/\s+/).filter((w) => w !== '')
      const out: string[] = []
      let ambiguousT = false
      words.forEach((word, i) => {
        const dotted = word.endsWith('.')
        const bare = word.replace(/\.+$/, '')
        const next = words[i + 1] ?? ''
        const levelPlace = i === 0 || dotted || /^\d/.test(next)
        const level = LEVEL_WORDS[bare]
        const city = CITY_NAMES[bare]
        if (city) out.push(...city.split(' '))
        else if (level && levelPlace) out.push(...level.split(' '))
        else if (bare === 't' && i === 0 && (dotted || /^\d/.test(next))) ambiguousT = true
        else if (bare !== '') out.push(...canonicalWords(bare))
      })
      if (ambiguousT) return { level: 't', name: out.join(' ') }
      const found = LEVEL_OF.find(
        ([lw]) => lw.length < out.length && lw.every((w, k) => out[k] === w)
      )
      return found
        ? { level: found[1], name: out.slice(found[0].length).join(' ') }
        : { level: null, name: out.join(' ') }
    })
    .filter((p) => p.name !== '' || p.level !== null)
}

/**
 * Two parts name the same place when their names agree and their levels do. A level word left
 * out ("Hà Nội" for "Thành phố Hà Nội") is only writing when a name follows it; a bare number
 * without its level ("3") could be a hamlet or a ward, so it agrees with nothing but itself.
 */
function samePart(a: PlacePart, b: PlacePart): boolean {
  if (a.name !== b.name) return false
  if (a.level === b.level) return true
  if (a.level === null || b.level === null) return !/^\d/.test(a.name)
  if (a.level === 't') return T_LEVELS.has(b.level)
  if (b.level === 't') return T_LEVELS.has(a.level)
  return false
}

function samePlace(a: string, b: string): boolean {
  const x = placeParts(a)
  const y = placeParts(b)
  return x.length === y.length && x.every((p, i) => samePart(p, y[i]!))
}

/** A stored date (yyyy, yyyy-mm or yyyy-mm-dd) agrees with another when one is the other, less precise. */
function sameDate(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a)
}

/**
 * True when the values differ in what they say, so a correction is worth proposing. Case, spacing,
 * Unicode form, tone placement (Hòa/Hoà, Thủy/Thuỷ), i/y (Lý/Lí), address abbreviations (P. /
 * Phường, TP. / Thành phố) and level words left out before a name (Hà Nội / Thành phố Hà Nội),
 * an ID's separators, and a date known to the year against the same
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
  if (PLACE_FIELDS.has(field)) return !samePlace(x, y)
  return canonicalWords(x).join(' ') !== canonicalWords(y).join(' ')
}
