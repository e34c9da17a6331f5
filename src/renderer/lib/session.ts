// Noticing a lost session anywhere in the app: the API client reports it, the sign-in gate listens.
import type { ErrorCode } from '../../shared/errors'

const LOST: readonly ErrorCode[] = ['session_expired', 'not_signed_in']
const listeners = new Set<(code: ErrorCode) => void>()

export function onSessionLost(cb: (code: ErrorCode) => void): () => void {
  listeners.add(cb)
  return () => listeners.delete(cb)
}

/** Called with every failed call's error; sign-in calls themselves never count as a loss. */
export function noticeError(name: string, err: unknown): void {
  if (name.startsWith('auth/')) return
  const code = (err as { code?: unknown } | null)?.code
  if (typeof code === 'string' && (LOST as readonly string[]).includes(code))
    for (const cb of listeners) cb(code as ErrorCode)
}
