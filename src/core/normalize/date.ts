// Dates as clerks write them, with their precision kept: never invent a day that was not written.
import type { DobPrecision } from '../../shared/fields'

export interface PartialDate {
  /** ISO prefix: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'. */
  iso: string
  precision: DobPrecision
}

const pad = (n: number): string => String(n).padStart(2, '0')

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function make(y: number, m?: number, d?: number): PartialDate | null {
  if (!Number.isInteger(y) || y < 1850 || y > 2150) return null
  // Day or month written as 0 ("00/00/1945", "00/03/1990"): not known, so not invented either.
  if (m === 0) return d === undefined || d === 0 ? make(y) : null
  if (d === 0) return make(y, m)
  if (m === undefined) return { iso: String(y), precision: 'year' }
  if (m < 1 || m > 12) return null
  if (d === undefined) return { iso: `${y}-${pad(m)}`, precision: 'month' }
  if (d < 1 || d > daysIn(y, m)) return null
  return { iso: `${y}-${pad(m)}-${pad(d)}`, precision: 'day' }
}

function fullYear(y: string): number {
  const n = Number(y)
  if (y.length === 4) return n
  // Two-digit years: people in a register are born in the past; pivot on 30.
  return n <= 30 ? 2000 + n : 1900 + n
}

/**
 * Parse dd/mm/yyyy, dd-mm-yy, dd.mm.yyyy, yyyy-mm-dd, mm/yyyy, yyyy, yyyyMMdd and
 * "ngày 5 tháng 3 năm 1990". Returns null when the text is not a date.
 */
export function parseDate(raw: string): PartialDate | null {
  const s = raw.normalize('NFC').trim().toLowerCase()
  if (s === '') return null
  let m: RegExpMatchArray | null
  if ((m = s.match(/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ].*)?$/)))
    return make(Number(m[1]), Number(m[2]), Number(m[3]))
  if ((m = s.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/)))
    return make(fullYear(m[3]!), Number(m[2]), Number(m[1]))
  if ((m = s.match(/^(\d{1,2})[/.-](\d{4})$/))) return make(Number(m[2]), Number(m[1]))
  if ((m = s.match(/^(\d{4})-(\d{1,2})$/))) return make(Number(m[1]), Number(m[2]))
  if ((m = s.match(/^(\d{4})$/))) return make(Number(m[1]))
  if ((m = s.match(/^(\d{4})(\d{2})(\d{2})$/)))
    return make(Number(m[1]), Number(m[2]), Number(m[3]))
  m = s.match(/^(?:ngày\s*(\d{1,2})\s*,?\s*)?(?:tháng\s*(\d{1,2})\s*,?\s*)?năm\s*(\d{4})$/)
  if (m) {
    if (m[1] && !m[2]) return null
    return make(Number(m[3]), m[2] ? Number(m[2]) : undefined, m[1] ? Number(m[1]) : undefined)
  }
  return parseSpreadsheetDate(s)
}

const SPACED = /^\d{1,4}(?:\s*[/.-]\s*|\s+)\d{1,4}(?:(?:\s*[/.-]\s*|\s+)\d{1,4})?$/
const UNKNOWN_PARTS = /^(?:[-_x?]{1,2}|\d{1,2})[/.](?:[-_x?]{1,2}|\d{1,2})[/.]\d{4}$/
const YMD = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/
// "5-Mar-1990", "05-Mar-90", "5 March 1990", "Mar-1990": Excel's dates with English month names.
const MONTH_NAME = /^(?:(\d{1,2})[-\s/.]+)?([a-z]{3,9})[-\s/.,]+(\d{4}|\d{2})$/
const MONTHS =
  'january february march april may june july august september october november december'.split(' ')
const WITH_TIME = /^(.*\d)(?:\s+|t)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]m)?$/

/**
 * The shapes spreadsheets leave a date in (only tried when the usual forms failed): unknown
 * parts as dashes, a trailing full stop, spaces around or instead of the separators
 * ("05 / 03 / 1990", "05 03 1990": also split day/month/year columns joined), year first with
 * slashes or dots, English month names, and a time of day after a full date
 * ("05/03/1990 00:00:00", "5/3/1990 12:00:00 AM").
 */
function parseSpreadsheetDate(s: string): PartialDate | null {
  // "--/--/1945", "xx/03/1990": the parts not known, as "00/00/1945" says it.
  if (UNKNOWN_PARTS.test(s) && /[-_x?]/.test(s))
    return parseDate(s.replace(/[-_x?]{1,2}(?=[/.])/g, '00'))
  // A full stop or comma left after the date.
  if (s.endsWith('.') || s.endsWith(',')) return parseDate(s.slice(0, -1))
  if (/\s/.test(s) && SPACED.test(s)) {
    return parseDate(s.replace(/\s*([/.-])\s*|\s+/g, (_, sep?: string) => sep ?? '/'))
  }
  let m = YMD.exec(s)
  if (m) return make(Number(m[1]), Number(m[2]), Number(m[3]))
  m = MONTH_NAME.exec(s)
  if (m) {
    // The full name or its first three letters ("Mar", "March").
    const name = m[2]!
    const month = MONTHS.findIndex((full) => full === name || full.slice(0, 3) === name) + 1
    if (month === 0) return null
    return make(fullYear(m[3]!), month, m[1] ? Number(m[1]) : undefined)
  }
  m = WITH_TIME.exec(s)
  if (m) {
    const d = parseDate(m[1]!)
    return d?.precision === 'day' ? d : null
  }
  return null
}

/** Display a partial date the Vietnamese way: dd/mm/yyyy, mm/yyyy or yyyy. */
export function formatDate(iso: string | null): string {
  if (!iso) return ''
  const [y, m, d] = iso.split('-')
  if (d) return `${d}/${m}/${y}`
  if (m) return `${m}/${y}`
  return y ?? ''
}
