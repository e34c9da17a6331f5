// How every screen writes values: one date-and-time format for both languages (dd/mm/yyyy HH:mm,
// 24 h, the machine's time zone), dates of birth as dd/mm/yyyy, coded values (sex, vital status)
// in words, and people by their display names.
import type { TFunction } from 'i18next'
import { formatDate } from '../../core/normalize/date'

const DATES = new Set(['dob', 'death_date', 'event_date'])
const CODED = new Set(['sex', 'vital_status', 'dob_precision', 'residence_scheme'])

/** A field whose stored value is a code shown as a word (a letter-by-letter diff means nothing there). */
export const isCoded = (field: string): boolean => CODED.has(field)

/** A stored field value as a clerk reads it: dates dd/mm/yyyy, codes in words, empty as ''. */
export function formatValue(
  field: string,
  value: string | number | null | undefined,
  t: TFunction
): string {
  if (value === null || value === undefined || value === '') return ''
  const text = String(value)
  if (DATES.has(field)) return formatDate(text)
  if (CODED.has(field)) return t(`values.${field}.${text}`, { defaultValue: text })
  return text
}

const two = (n: number): string => String(n).padStart(2, '0')

/**
 * An ISO timestamp as dd/mm/yyyy HH:mm in the machine's time zone. Both languages write it so,
 * never the browser's locale default (which mixes "12/7/2026, 4:33:03 PM" into an English page).
 */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const day = `${two(date.getDate())}/${two(date.getMonth() + 1)}/${date.getFullYear()}`
  return `${day} ${two(date.getHours())}:${two(date.getMinutes())}`
}
