// Turns anything a call can throw into one sentence for the user, in the current language.
import type { TFunction } from 'i18next'
import { ERROR_CODES, unexpectedError, type ApiErrorShape } from '../../shared/errors'
import { errorText, type Language } from '../../shared/i18n'
import { NetworkError } from './api'

function isErrorShape(err: unknown): err is ApiErrorShape {
  if (typeof err !== 'object' || err === null) return false
  const code = (err as { code?: unknown }).code
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code)
}

export function describeError(err: unknown, t: TFunction, lng: Language): string {
  if (err instanceof NetworkError) {
    return err.status === undefined
      ? t('network.offline')
      : t('network.badResponse', { status: err.status })
  }
  // A renderer-side failure is said plainly; its text goes to the console, not the screen.
  const shape = isErrorShape(err) ? err : unexpectedError('renderer', err)
  return errorText({ code: shape.code, params: shape.params, message: shape.message }, lng)
}
