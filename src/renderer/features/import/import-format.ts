// How the import screen words things: reason and warning codes, percentages, sizes, errors.
import type { TFunction } from 'i18next'
import type { Language } from '../../../shared/i18n'
import { describeError } from '../../lib/error-text'
import { FileTooLargeError } from '../../lib/pick-file'
import { MAX_UPLOAD_BYTES } from '../../../shared/api'

/** A rejection reason in words; one the catalog does not know yet is said generally, never as its code. */
export function reasonText(code: string, t: TFunction): string {
  return t(`rejected.${code}`, { defaultValue: t('rejected.other') })
}

export function warningText(code: string, t: TFunction): string {
  return t(`warnings.${code}`, { defaultValue: t('warnings.other') })
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

/** File sizes for people: KB and MB with one decimal. */
export function formatSize(bytes: number, lng: Language): string {
  const format = (n: number): string =>
    new Intl.NumberFormat(locale(lng), { maximumFractionDigits: 1 }).format(n)
  if (bytes < 1024 * 1024) return `${format(Math.max(0.1, bytes / 1024))} KB`
  return `${format(bytes / (1024 * 1024))} MB`
}

/**
 * describeError, plus the one error the screen raises itself (a file too large to upload); a file
 * the error names is called by the name the clerk chose it by.
 */
export function importErrorText(
  err: unknown,
  t: TFunction,
  lng: Language,
  fileName?: string
): string {
  if (err instanceof FileTooLargeError) {
    return t('import.tooLarge', { name: err.fileName, max: MAX_UPLOAD_BYTES / (1024 * 1024) })
  }
  return describeError(err, t, lng, fileName)
}
