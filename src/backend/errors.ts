// Turning any thrown value into the serialisable {code, message} the API returns: our own errors
// as they are; others as a message for people (a conflict, a busy or full disk, a bad request, or
// an unexpected error with an incident id), their details kept in the error log, never shown.
import { AppError, type ApiErrorShape } from '../shared/errors'
import { tr } from '../shared/i18n'
import { logIncident } from './error-log'

/** What a known kind of failure means to the person who caused it. */
function forPeople(e: unknown, incident: string): AppError | null {
  const code = (e as { code?: unknown } | null)?.code
  if (typeof code === 'string') {
    if (code.startsWith('SQLITE_CONSTRAINT')) return new AppError('conflict', { incident })
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
      return new AppError('db_busy_retry', { incident })
    if (
      code === 'SQLITE_FULL' ||
      code.startsWith('SQLITE_IOERR') ||
      code.startsWith('SQLITE_READONLY') ||
      code === 'ENOSPC' ||
      code === 'EDQUOT'
    )
      return new AppError('storage_failed', { incident })
  }
  if (e instanceof URIError) return new AppError('bad_request', { incident })
  return null
}

/** `context`: what was being done (a handler's name), for the log. */
export function toErrorShape(e: unknown, context?: string): ApiErrorShape {
  let app: AppError
  if (e instanceof AppError) app = e
  else {
    const incident = logIncident(e, context)
    app = forPeople(e, incident) ?? new AppError('internal', { incident })
  }
  const shape: ApiErrorShape = {
    code: app.code,
    message: tr(`errors.${app.code}`, app.params),
    params: app.params
  }
  if (app.issues) shape.issues = app.issues
  return shape
}
