// Sex, ID numbers and vital status as they appear in extracts.
import type { Sex, VitalStatus } from '../../shared/fields'
import { foldKey } from './text'

const MALE = new Set(['nam', 'm', 'male', '1', 'trai', 'nam gioi', 'con trai'])
const FEMALE = new Set(['nu', 'f', 'female', '0', '2', 'gai', 'nu gioi', 'con gai'])

/** A column of a file holds a handful of distinct values: read each once. */
function memo<T>(read: (raw: string) => T): (raw: string) => T {
  const seen = new Map<string, T>()
  return (raw) => {
    let v = seen.get(raw)
    if (v === undefined && !seen.has(raw)) {
      v = read(raw)
      if (seen.size >= 1000) seen.clear()
      seen.set(raw, v)
    }
    return v as T
  }
}

export const parseSex = memo((raw: string): Sex | null => {
  const k = foldKey(raw)
  if (MALE.has(k)) return 'M'
  if (FEMALE.has(k)) return 'F'
  return null
})

export const parseVitalStatus = memo((raw: string): VitalStatus | null => {
  const k = foldKey(raw)
  if (k === '') return null
  if (['da mat', 'chet', 'tu vong', 'deceased', 'dead', 'da chet', 'mat'].includes(k))
    return 'deceased'
  if (['con song', 'song', 'alive', 'living'].includes(k)) return 'alive'
  return null
})

export interface IdNumbers {
  id_number: string | null
  legacy_id: string | null
  /** Digits that were neither 12 (personal ID) nor 9 (CMND) long. */
  unreadable: string | null
}

/** Split an "ID" cell into the 12-digit personal ID or the old 9-digit CMND. */
export function parseIdNumber(raw: string): IdNumbers {
  // Spaces, dots and dashes group the digits; a leading apostrophe is Excel's "keep as text".
  let digits = raw.replace(/[\s.'-]/g, '')
  if (digits === '') return { id_number: null, legacy_id: null, unreadable: null }
  if (!/^\d+$/.test(digits)) return { id_number: null, legacy_id: null, unreadable: raw.trim() }
  // A number cell drops leading zeros, and every province code (001–096) starts with one, as
  // do many CMND numbers: put them back when the result is well-formed.
  if (digits.length === 10 || digits.length === 11) {
    const padded = digits.padStart(12, '0')
    if (idSexAndCentury(padded)) digits = padded
  } else if (digits.length === 8) digits = '0' + digits
  if (digits.length === 12) return { id_number: digits, legacy_id: null, unreadable: null }
  if (digits.length === 9) return { id_number: null, legacy_id: digits, unreadable: null }
  return { id_number: null, legacy_id: null, unreadable: raw.trim() }
}

/** An identifier as compared: letters and digits only, upper case (B-123.456 = b123456). */
export function identifierKey(raw: string): string {
  return raw.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase()
}

/** Century/sex digit of a 12-digit ID (DESIGN §4): 0/1 1900s, 2/3 2000s, 4/5 2100s; even = male. */
export function idSexAndCentury(id: string): { sex: Sex; century: number } | null {
  const d = Number(id[3])
  if (!/^\d{12}$/.test(id) || d > 5) return null
  return { sex: d % 2 === 0 ? 'M' : 'F', century: 1900 + Math.floor(d / 2) * 100 }
}

/** Is the ID consistent with the sex and birth year? Inconsistency is a flag, never a rejection. */
export function idConsistent(id: string, sex: Sex | null, birthYear: number | null): boolean {
  const sc = idSexAndCentury(id)
  if (!sc) return false
  if (sex && sc.sex !== sex) return false
  if (birthYear != null) {
    const year = sc.century + Number(id.slice(4, 6))
    if (year !== birthYear) return false
  }
  return true
}
