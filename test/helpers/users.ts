// Acting as a user in tests: creates the user through the real API (first admin, then others) and signs in.
import type { Backend, Caller } from '../../src/backend/host'
import type { UserRole } from '../../src/shared/api'
import { apiHelpers } from './api'

/** Every test user's password; synthetic, like everything else here. */
export const TEST_PASSWORD = 'mật-khẩu-thử-1'
export const TEST_ADMIN = 'quantri'

/** The session id of a sign-in (the in-process backend hands it back; hosts would keep it). */
export async function signIn(
  backend: Backend,
  username: string,
  password = TEST_PASSWORD
): Promise<string> {
  const v = await apiHelpers(() => backend).call('auth/login', { username, password })
  if (!v.session) throw new Error(`auth/login: no session for ${username}`)
  return v.session
}

/** Creates `username` with `role` when missing (making the first admin if needed), then signs in. */
export async function signInAs(
  backend: Backend,
  username: string,
  role: UserRole,
  password = TEST_PASSWORD,
  displayName = username
): Promise<Caller & { session: string }> {
  const { call } = apiHelpers(() => backend)
  const status = await call('auth/status', {})
  if (status.setupNeeded)
    await call('auth/setup', {
      username: TEST_ADMIN,
      displayName: 'Quản trị',
      password: TEST_PASSWORD
    })
  if (username !== TEST_ADMIN) {
    const admin = backend.as(await signIn(backend, TEST_ADMIN))
    const r = await admin.call('users/create', { username, displayName, role, password })
    if (!r.ok && r.error.code !== 'user_exists')
      throw new Error(`${r.error.code}: ${r.error.message}`)
    await admin.call('auth/logout', {})
  }
  const session = await signIn(backend, username, password)
  return { ...backend.as(session), session }
}
