// Turns anything a call can throw into one sentence for the user, in the current language: never a
// server path, a program's own words, a system code or an ISO timestamp.
import type { TFunction } from 'i18next'
import { ERROR_CODES, unexpectedError, type ApiErrorShape } from '../../shared/errors'
import { errorText, type Language } from '../../shared/i18n'
import { NetworkError } from './api'
import { formatDateTime } from './format'

function isErrorShape(err: unknown): err is ApiErrorShape {
  if (typeof err !== 'object' || err === null) return false
  const code = (err as { code?: unknown }).code
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code)
}

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d/

/**
 * The parameters as a person reads them: a file by its name (the one the user chose, when the
 * screen knows it), never its folder on the server; a time as dd/mm/yyyy HH:mm.
 */
function forScreen(
  params: Record<string, string | number> | undefined,
  fileName: string | undefined
): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params }
  for (const key of ['path', 'file'] as const) {
    const v = out[key]
    if (v === undefined) continue
    out[key] = fileName ?? String(v).split(/[\\/]/).pop() ?? ''
  }
  for (const [k, v] of Object.entries(out))
    if (typeof v === 'string' && ISO_TIME.test(v)) out[k] = formatDateTime(v)
  return out
}

export function describeError(
  err: unknown,
  t: TFunction,
  lng: Language,
  /** The name of the file the user chose, when the error is about it. */
  fileName?: string
): string {
  if (err instanceof NetworkError) {
    return err.status === undefined
      ? t('network.offline')
      : t('network.badResponse', { status: err.status })
  }
  // A renderer-side failure is said plainly; its text goes to the console, not the screen.
  const shape = isErrorShape(err) ? err : unexpectedError('renderer', err)
  const params = forScreen(shape.params, fileName)
  // A field the server refused that a person can fix: say which rule it breaks, not "reload".
  if (shape.code === 'validation')
    for (const issue of shape.issues ?? []) {
      const field = t(`fieldErrors.${issue.path}`, { lng, defaultValue: '' })
      if (field !== '') return field
    }
  // A message whose catalog text carries a technical detail has a plainer sentence for screens.
  const plain = t(`screenErrors.${shape.code}`, { ...params, lng, defaultValue: '' })
  if (plain !== '') return plain
  return errorText({ code: shape.code, params, message: shape.message }, lng)
}
