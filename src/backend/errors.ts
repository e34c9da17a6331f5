// Turning any thrown value into the serialisable {code, message} the API returns.
import { AppError, type ApiErrorShape } from '../shared/errors'
import { tr } from '../shared/i18n'

export function toErrorShape(e: unknown): ApiErrorShape {
  if (e instanceof AppError) {
    const shape: ApiErrorShape = {
      code: e.code,
      message: tr(`errors.${e.code}`, e.params),
      params: e.params
    }
    if (e.issues) shape.issues = e.issues
    return shape
  }
  const detail = e instanceof Error ? e.message : String(e)
  return { code: 'internal', message: tr('errors.internal', { detail }), params: { detail } }
}
