// Sign-in and first run under parallel calls, as web mode runs them: lockout counts every wrong
// password, and two set-ups at once make one administrator.
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createBackend, type Backend } from '../../src/backend/host'
import { openDb } from '../../src/backend/db/open'
import { tempDir } from '../helpers/tmp'
import { signInAs, TEST_PASSWORD } from '../helpers/users'

const dir = tempDir('doisoat-races-')
let n = 0
let backend: Backend | null = null
let dbPath = ''
afterEach(async () => {
  await backend?.close()
  backend = null
})

function fresh(): Backend {
  dbPath = join(dir, `races-${++n}.db`)
  backend = createBackend({ dbPath, syncProbeMs: 0 })
  return backend
}

describe('parallel sign-ins', () => {
  it('twenty wrong passwords at once lock the account; the right one is then refused', async () => {
    const b = fresh()
    await signInAs(b, 'canbo', 'clerk')
    const attempts = await Promise.all(
      Array.from({ length: 20 }, () =>
        b.call('auth/login', { username: 'canbo', password: 'sai-mat-khau-123' })
      )
    )
    expect(attempts.every((r) => !r.ok)).toBe(true)
    const codes = attempts.map((r) => (r.ok ? 'ok' : r.error.code))
    expect(codes).toContain('account_locked')

    const db = openDb(dbPath, { readonly: true })
    const row = db
      .prepare("SELECT failed_count, locked_until FROM app_user WHERE username = 'canbo'")
      .get() as { failed_count: number; locked_until: string | null }
    const failures = db
      .prepare("SELECT count(*) FROM audit_event WHERE action = 'auth/login_failed'")
      .pluck()
      .get() as number
    db.close()
    expect(row.locked_until).not.toBeNull()
    expect(Date.parse(row.locked_until!)).toBeGreaterThan(Date.now())
    expect(failures).toBe(20)

    const right = await b.call('auth/login', { username: 'canbo', password: TEST_PASSWORD })
    expect(right.ok).toBe(false)
    expect(!right.ok && right.error.code).toBe('account_locked')
  })

  it('the right password sent with a burst of wrong ones is refused once they have locked it', async () => {
    const b = fresh()
    await signInAs(b, 'canbo', 'clerk')
    // Four wrong passwords first (not yet locked), then the fifth wrong ones race the right one.
    for (let i = 0; i < 4; i++)
      await b.call('auth/login', { username: 'canbo', password: 'sai-mat-khau-123' })
    const wrong = () => b.call('auth/login', { username: 'canbo', password: 'sai-mat-khau-123' })
    const [right] = await Promise.all([
      // The right password costs two derivations (hash, then the signing key): a wrong one,
      // started with it, locks the account before it is done.
      b.call('auth/login', { username: 'canbo', password: TEST_PASSWORD }),
      wrong(),
      wrong(),
      wrong()
    ])
    expect(right.ok).toBe(false)
    expect(!right.ok && right.error.code).toBe('account_locked')
  })
})

describe('first run under parallel calls', () => {
  it('two set-ups at once create one administrator; the other is told setup is done', async () => {
    const b = fresh()
    const results = await Promise.all(
      ['quantri1', 'quantri2', 'quantri3'].map((username) =>
        b.call('auth/setup', { username, displayName: username, password: TEST_PASSWORD })
      )
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    for (const r of results.filter((r) => !r.ok)) expect(!r.ok && r.error.code).toBe('setup_done')
    const db = openDb(dbPath, { readonly: true })
    expect(db.prepare("SELECT count(*) FROM app_user WHERE role = 'admin'").pluck().get()).toBe(1)
    db.close()
  })
})
