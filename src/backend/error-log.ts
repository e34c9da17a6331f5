// Unexpected errors, kept for support and never shown to users: a log file in the app's data
// folder (beside the database), one line per error under a short incident id the user can quote.
import { appendFileSync, renameSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { newIncidentId } from '../shared/errors'

export const ERROR_LOG_NAME = 'doisoat-errors.log'
/** Past this size the log starts again, the previous one kept as .1. */
const MAX_LOG_BYTES = 1 << 20

let logFile: string | null = null

/** Where this process keeps its error log (null: nowhere, e.g. an in-memory database). */
export function setErrorLogFolder(dir: string | null): void {
  logFile = dir === null ? null : join(dir, ERROR_LOG_NAME)
}

export function errorLogFile(): string | null {
  return logFile
}

/** Record an unexpected error with what was being done; returns the incident id to show. */
export function logIncident(e: unknown, context?: string): string {
  const incident = newIncidentId()
  const err = e instanceof Error ? e : null
  const entry = {
    at: new Date().toISOString(),
    incident,
    context,
    name: err?.name,
    code: (e as { code?: unknown } | null)?.code,
    message: (err ? err.message : String(e)).slice(0, 2000),
    stack: err?.stack?.slice(0, 8000)
  }
  if (process.env.DOISOAT_DEBUG) console.error(`[doisoat] incident ${incident}`, e)
  if (!logFile) return incident
  try {
    if ((statSync(logFile, { throwIfNoEntry: false })?.size ?? 0) > MAX_LOG_BYTES)
      renameSync(logFile, `${logFile}.1`)
    appendFileSync(logFile, `${JSON.stringify(entry)}\n`, { mode: 0o600 })
  } catch {
    // A log that cannot be written must not turn one error into two.
  }
  return incident
}
