// How the import screen words things: stored values, reason and warning codes, dates, percentages, errors.
import type { TFunction } from 'i18next'
import { formatDate } from '../../../core/normalize/date'
import type { Language } from '../../../shared/i18n'
import { describeError } from '../../lib/error-text'
import { FileTooLargeError } from '../../lib/pick-file'
import { MAX_UPLOAD_BYTES } from '../../../shared/api'

const DATES = new Set(['dob', 'death_date', 'event_date'])
const CODED = new Set(['sex', 'vital_status', 'dob_precision', 'residence_scheme'])

/** A stored value the way the record grids show it: dates dd/mm/yyyy, codes in words. */
export function storedValue(
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

export function reasonText(code: string, t: TFunction): string {
  return t(`rejected.${code}`, { defaultValue: code })
}

export function warningText(code: string, t: TFunction): string {
  return t(`warnings.${code}`, { defaultValue: code })
}

export function fieldName(field: string, t: TFunction): string {
  return t(`fields.${field}`, { defaultValue: field })
}

function locale(lng: Language): string {
  return lng === 'vi' ? 'vi-VN' : 'en-GB'
}

/** 0.97 → "97%" (whole percents: a clerk does not need more). */
export function formatPercent(ratio: number, lng: Language): string {
  return new Intl.NumberFormat(locale(lng), { style: 'percent', maximumFractionDigits: 0 }).format(
    ratio
  )
}

/** An ISO timestamp as dd/mm/yyyy hh:mm in the machine's time zone (both languages write it so here). */
export function formatDateTime(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const two = (n: number): string => String(n).padStart(2, '0')
  const day = `${two(date.getDate())}/${two(date.getMonth() + 1)}/${date.getFullYear()}`
  return `${day} ${two(date.getHours())}:${two(date.getMinutes())}`
}

/** File sizes for people: KB and MB with one decimal. */
export function formatSize(bytes: number, lng: Language): string {
  const format = (n: number): string =>
    new Intl.NumberFormat(locale(lng), { maximumFractionDigits: 1 }).format(n)
  if (bytes < 1024 * 1024) return `${format(Math.max(0.1, bytes / 1024))} KB`
  return `${format(bytes / (1024 * 1024))} MB`
}

/** describeError, plus the one error the screen raises itself (a file too large to upload). */
export function importErrorText(err: unknown, t: TFunction, lng: Language): string {
  if (err instanceof FileTooLargeError) {
    return t('import.tooLarge', { name: err.fileName, max: MAX_UPLOAD_BYTES / (1024 * 1024) })
  }
  return describeError(err, t, lng)
}
