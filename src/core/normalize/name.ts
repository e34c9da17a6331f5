// Person names: display form (casing kept, spacing fixed) and parts (family, middle, given).
import { cleanText, foldWords } from './text'

export interface NameParts {
  full: string
  family: string | null
  middle: string | null
  given: string | null
  key: string
}

/** Vietnamese order: family name first, given name last, everything between is middle. */
export function parseName(raw: string): NameParts | null {
  const full = cleanText(raw)
  if (full === '' || !hasLetter(full)) return null
  const tokens = full.split(' ')
  const family = tokens.length > 1 ? tokens[0]! : null
  const given = tokens[tokens.length - 1]!
  const middle = tokens.length > 2 ? tokens.slice(1, -1).join(' ') : null
  return { full, family, middle, given, key: foldWords(tokens) }
}

/** A letter anywhere; most names start with an ASCII one, so the Unicode test is rarely run. */
function hasLetter(s: string): boolean {
  const c = s.charCodeAt(0) | 0x20
  return (c >= 0x61 && c <= 0x7a) || /\p{L}/u.test(s)
}
