// How hosts carry a session: the id a sign-in returns is kept by the host, never shown to the page.
import type { Result } from '../../shared/errors'

/**
 * For hosts: the session a result starts ('auth/login', 'auth/setup': the id, removed from the
 * value) or ends ('auth/logout', or a session that expired: null); undefined when unchanged.
 */
export function takeSession(
  name: string,
  result: Result<unknown>
): { result: Result<unknown>; session: string | null | undefined } {
  if (result.ok && (name === 'auth/login' || name === 'auth/setup')) {
    const { session, ...value } = result.value as { session?: string }
    return { result: { ok: true, value }, session: session ?? undefined }
  }
  if (name === 'auth/logout') return { result, session: null }
  if (
    !result.ok &&
    (result.error.code === 'session_expired' || result.error.code === 'not_signed_in')
  )
    return { result, session: null }
  return { result, session: undefined }
}
