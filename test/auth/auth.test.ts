// Users and sessions: first run, roles enforced by the backend, lockout, session timeout, password change.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBackend, type Backend } from '../../src/backend/host'
import { openDb } from '../../src/backend/db/open'
import { verifyAudit } from '../../src/backend/audit/audit'
import { apiHelpers, valueOf } from '../helpers/api'
import { tempDir } from '../helpers/tmp'
import { signIn, signInAs, TEST_ADMIN, TEST_PASSWORD } from '../helpers/users'

const dir = tempDir('doisoat-auth-')
const dbPath = join(dir, 'auth.db')
let clock = Date.parse('2026-11-27T01:00:00Z')
let backend: Backend

beforeAll(() => {
  backend = createBackend({ dbPath, now: () => clock, sessionMinutes: 15 })
})
afterAll(async () => {
  await backend.close()
})

const pub = apiHelpers(() => backend)
const minutes = (n: number): void => {
  clock += n * 60_000
}

describe('first run', () => {
  it('asks for an admin once, signs them in, and refuses a second setup', async () => {
    expect(await pub.call('auth/status', {})).toMatchObject({ setupNeeded: true, user: null })
    const r = await backend.call('auth/setup', {
      username: 'QuanTri',
      displayName: 'Quản trị xã',
      password: TEST_PASSWORD
    })
    expect(r.ok).toBe(true)
    const { user, session = '' } = valueOf('auth/setup', r)
    expect(user).toMatchObject({ username: TEST_ADMIN, role: 'admin' })
    const admin = apiHelpers(() => backend.as(session))
    expect(await admin.call('auth/status', {})).toMatchObject({
      setupNeeded: false,
      user: { username: TEST_ADMIN }
    })
    expect(
      (await pub.fail('auth/setup', { username: 'x2', displayName: 'X', password: TEST_PASSWORD }))
        .code
    ).toBe('setup_done')
  })

  it('stores a scrypt hash with a salt per user and a sealed private key, never the password', async () => {
    await signInAs(backend, 'canbo', 'clerk')
    await signInAs(backend, 'canbo2', 'clerk')
    const db = openDb(dbPath, { readonly: true })
    const rows = db
      .prepare(
        "SELECT password_hash, private_key_enc, public_key FROM app_user WHERE username IN ('canbo', 'canbo2')"
      )
      .all() as { password_hash: string; private_key_enc: Buffer; public_key: string }[]
    db.close()
    expect(rows).toHaveLength(2)
    for (const r of rows) {
      expect(r.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/)
      expect(r.password_hash).not.toContain(TEST_PASSWORD)
      expect(r.private_key_enc.toString('latin1')).not.toContain('PRIVATE KEY')
    }
    // Same password, different salts: different hashes.
    expect(rows[0]!.password_hash).not.toBe(rows[1]!.password_hash)
    expect(rows[0]!.public_key).not.toBe(rows[1]!.public_key)
  })
})

describe('roles, checked by the backend', () => {
  it('refuses every non-public call without a session', async () => {
    for (const name of ['app/info', 'records/list', 'approvals/decide', 'users/create'] as const) {
      const r = await backend.call(name, {})
      expect(r.ok ? null : r.error.code, name).toBe('not_signed_in')
    }
  })

  it('lets only an admin manage users, and the clerk and supervisor only their own work', async () => {
    const c = await signInAs(backend, 'canbo', 'clerk')
    const clerkApi = apiHelpers(() => c)
    const refused = await clerkApi.fail('users/create', {
      username: 'hacker',
      displayName: 'H',
      role: 'admin',
      password: TEST_PASSWORD
    })
    expect(refused.code).toBe('forbidden')
    expect(refused.message).toContain('canbo')
    expect((await clerkApi.fail('users/list', {})).code).toBe('forbidden')
    expect(
      (await clerkApi.fail('approvals/bulk', { filter: {}, decision: 'approve', dryRun: true }))
        .code
    ).toBe('forbidden')
    const s = await signInAs(backend, 'giamsat', 'supervisor')
    const supApi = apiHelpers(() => s)
    expect((await supApi.fail('import/file', { kind: 'registry', path: '/x.csv' })).code).toBe(
      'forbidden'
    )
    expect((await supApi.fail('match/run', {})).code).toBe('forbidden')
    const a = await signInAs(backend, TEST_ADMIN, 'admin')
    const adminApi = apiHelpers(() => a)
    expect(
      (
        await adminApi.fail('approvals/decide', {
          uuid: '0b7c6f0e-1d2a-4c3b-9e8f-7a6b5c4d3e2f',
          decision: 'approve'
        })
      ).code
    ).toBe('forbidden')
    const users = await adminApi.call('users/list', {})
    expect(users.map((u) => [u.username, u.role])).toEqual(
      expect.arrayContaining([
        ['quantri', 'admin'],
        ['canbo', 'clerk'],
        ['giamsat', 'supervisor']
      ])
    )
    expect(JSON.stringify(users)).not.toMatch(/scrypt|private/i)
  })

  it('refuses a weak password and a taken name', async () => {
    const adminSession = await signIn(backend, TEST_ADMIN)
    const admin = apiHelpers(() => backend.as(adminSession))
    expect(
      (
        await admin.fail('users/create', {
          username: 'ngan',
          displayName: 'N',
          role: 'clerk',
          password: 'short'
        })
      ).code
    ).toBe('weak_password')
    expect(
      (
        await admin.fail('users/create', {
          username: 'canbo',
          displayName: 'N',
          role: 'clerk',
          password: TEST_PASSWORD
        })
      ).code
    ).toBe('user_exists')
  })
})

describe('lockout', () => {
  it('locks after five wrong passwords for 15 minutes, says how long is left, then lets the right one in', async () => {
    await signInAs(backend, 'khoa', 'clerk')
    for (let i = 0; i < 4; i++)
      expect(
        (await pub.fail('auth/login', { username: 'khoa', password: 'sai-mat-khau' })).code
      ).toBe('login_failed')
    const locked = await pub.fail('auth/login', { username: 'khoa', password: 'sai-mat-khau' })
    expect(locked).toMatchObject({ code: 'account_locked', params: { minutes: 15 } })
    expect(locked.message).toMatch(/khóa.*15 phút/)
    minutes(6)
    // Even the right password waits; the message counts down.
    const still = await pub.fail('auth/login', { username: 'khoa', password: TEST_PASSWORD })
    expect(still).toMatchObject({ code: 'account_locked', params: { minutes: 9 } })
    minutes(10)
    expect(
      (await pub.call('auth/login', { username: 'khoa', password: TEST_PASSWORD })).user.username
    ).toBe('khoa')
    // An unknown name fails the same way as a wrong password.
    expect((await pub.fail('auth/login', { username: 'khong.co', password: 'x' })).code).toBe(
      'login_failed'
    )
    const db = openDb(dbPath, { readonly: true })
    const actions = db
      .prepare(
        "SELECT action FROM audit_event WHERE actor = 'khoa' AND action LIKE 'auth/%' ORDER BY id"
      )
      .pluck()
      .all()
    expect(verifyAudit(db).ok).toBe(true)
    db.close()
    expect(actions).toEqual([
      'auth/login',
      ...Array<string>(5).fill('auth/login_failed'),
      'auth/login_refused',
      'auth/login'
    ])
  })
})

describe('sessions', () => {
  it('end after the inactivity timeout, and a new sign-in continues', async () => {
    const c = await signInAs(backend, 'canbo', 'clerk')
    minutes(14)
    expect((await c.call('app/info', {})).ok).toBe(true)
    minutes(14)
    // Each call resets the clock: 28 minutes in, but only 14 idle.
    expect((await c.call('app/info', {})).ok).toBe(true)
    minutes(16)
    const r = await c.call('app/info', {})
    expect(r.ok ? null : r.error).toMatchObject({
      code: 'session_expired',
      params: { minutes: 15 }
    })
    const again = await c.call('app/info', {})
    expect(again.ok ? null : again.error.code).toBe('not_signed_in')
    const status = await backend.call('auth/status', {}, c.session)
    expect(status).toMatchObject({ ok: true, value: { user: null } })
    const c2 = await signInAs(backend, 'canbo', 'clerk')
    expect((await c2.call('app/info', {})).ok).toBe(true)
  })

  it('sign out ends the session', async () => {
    const c = await signInAs(backend, 'canbo', 'clerk')
    expect((await c.call('auth/logout', {})).ok).toBe(true)
    const r = await c.call('app/info', {})
    expect(r.ok ? null : r.error.code).toBe('not_signed_in')
  })
})

describe('password change', () => {
  it('needs the current password, then only the new one works, and the key still signs', async () => {
    const c = await signInAs(backend, 'doimk', 'supervisor')
    const api = apiHelpers(() => c)
    const before = (await api.call('auth/status', {})).user!.publicKey
    expect(
      (
        await api.fail('auth/changePassword', {
          oldPassword: 'sai-mat-khau',
          newPassword: 'mật-khẩu-mới-2'
        })
      ).code
    ).toBe('wrong_password')
    expect(
      (await api.fail('auth/changePassword', { oldPassword: TEST_PASSWORD, newPassword: 'ngan' }))
        .code
    ).toBe('weak_password')
    expect(
      await api.call('auth/changePassword', {
        oldPassword: TEST_PASSWORD,
        newPassword: 'mật-khẩu-mới-2'
      })
    ).toEqual({ changed: true })
    expect(
      (await pub.fail('auth/login', { username: 'doimk', password: TEST_PASSWORD })).code
    ).toBe('login_failed')
    const again = await pub.call('auth/login', { username: 'doimk', password: 'mật-khẩu-mới-2' })
    // The same key pair, now sealed under the new password: old signatures stay verifiable.
    expect(again.user.publicKey).toBe(before)
  })
})

describe('admin account controls', () => {
  it('disabling a user signs them out and refuses sign-in; enabling lifts a lockout; the last admin stays', async () => {
    const admin = apiHelpers(await signInAs(backend, TEST_ADMIN, 'admin').then((x) => () => x))
    const c = await signInAs(backend, 'tamnghi', 'clerk')
    await admin.call('users/setActive', { username: 'tamnghi', active: false })
    const r = await c.call('app/info', {})
    expect(r.ok ? null : r.error.code).toBe('not_signed_in')
    expect(
      (await pub.fail('auth/login', { username: 'tamnghi', password: TEST_PASSWORD })).code
    ).toBe('account_disabled')
    for (let i = 0; i < 5; i++)
      await pub.fail('auth/login', { username: 'tamnghi', password: 'sai-mat-khau' })
    expect(
      (await admin.call('users/list', {})).find((u) => u.username === 'tamnghi')
    ).toMatchObject({
      locked: true,
      active: false
    })
    await admin.call('users/setActive', { username: 'tamnghi', active: true })
    expect(
      (await pub.call('auth/login', { username: 'tamnghi', password: TEST_PASSWORD })).user.username
    ).toBe('tamnghi')
    expect(
      (await admin.fail('users/setActive', { username: TEST_ADMIN, active: false })).code
    ).toBe('last_admin')
  })
})
