// Forgotten passwords: an admin resets a supervisor's or clerk's password, which gives a new signing
// key; approvals signed with the new key verify, and those signed before still verify against the
// old one; the app says where the new key must be trusted again. An admin who forgot their own
// password proves control of the database with the recovery key. All audited.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAudit } from '../../src/backend/audit/audit'
import { trustedKey } from '../../src/backend/auth/users'
import { unlockDatabase } from '../../src/backend/crypto/unlock'
import { openDb } from '../../src/backend/db/open'
import { createBackend, type Backend, type Caller } from '../../src/backend/host'
import { tr } from '../../src/shared/i18n'
import { apiHelpers } from '../helpers/api'
import { tempDir } from '../helpers/tmp'
import { signIn, signInAs, TEST_ADMIN, TEST_PASSWORD } from '../helpers/users'
import { seedPairs } from '../auth/fixture'
import { FAST_SCRYPT } from './fixture'

const dir = tempDir('doisoat-reset-')
const dbPath = join(dir, 'reset.db')
let recoveryKey = ''
let backend: Backend
let admin: Caller
let clerk: Caller
let sup: Caller

beforeAll(async () => {
  recoveryKey = unlockDatabase(
    dbPath,
    {},
    { create: { passphrase: 'cụm từ của xã', scrypt: FAST_SCRYPT } }
  ).recoveryKey!
  seedPairs(dbPath)
  backend = createBackend({ dbPath, syncProbeMs: 0, backupCheckMs: 0 })
  admin = await signInAs(backend, TEST_ADMIN, 'admin')
  clerk = await signInAs(backend, 'canbo', 'clerk')
  sup = await signInAs(backend, 'giamsat', 'supervisor')
})
afterAll(async () => {
  await backend.close()
})

const asAdmin = apiHelpers(() => admin)
const asClerk = apiHelpers(() => clerk)

const propose = (id: number) =>
  asClerk.call('corrections/propose', {
    sourceRecordId: id,
    populationRecordId: id,
    side: 'population',
    fields: [{ field: 'dob' }],
    reason: 'dob_day_month_swap',
    evidence: `KS ${id}/1990`
  })

describe('an admin resets a supervisor s password', () => {
  it('gives a new signing key whose approvals verify, while the old approvals still verify against the old key', async () => {
    const before = await propose(1)
    await apiHelpers(() => sup).call('approvals/decide', { uuid: before.uuid, decision: 'approve' })
    const oldCheck = await asClerk.call('corrections/verify', { uuid: before.uuid })
    expect(oldCheck.valid).toBe(true)

    const r = await asAdmin.call('users/resetPassword', {
      username: 'giamsat',
      newPassword: 'mật-khẩu-mới-giám-sát'
    })
    expect(r.oldFingerprint).toBe(oldCheck.fingerprint)
    expect(r.user.fingerprint).not.toBe(r.oldFingerprint)
    // Where the new key must be trusted again, in words.
    expect(r.retrust).toEqual(['gateway', 'clerk_machines'])
    expect(tr(`backup.retrust.${r.retrust[0]}`)).toContain('Cổng quốc gia')
    // Signed out; the old password no longer signs in, the new one does.
    const stale = await sup.call('approvals/list', { startRow: 0, endRow: 10 })
    expect(!stale.ok && stale.error.code).toBe('not_signed_in')
    const old = await backend.call('auth/login', { username: 'giamsat', password: TEST_PASSWORD })
    expect(!old.ok && old.error.code).toBe('login_failed')
    sup = backend.as(await signIn(backend, 'giamsat', 'mật-khẩu-mới-giám-sát'))

    const after = await propose(2)
    await apiHelpers(() => sup).call('approvals/decide', { uuid: after.uuid, decision: 'approve' })
    const newCheck = await asClerk.call('corrections/verify', { uuid: after.uuid })
    expect(newCheck).toMatchObject({ valid: true, fingerprint: r.user.fingerprint })
    expect(await asClerk.call('corrections/verify', { uuid: before.uuid })).toMatchObject({
      valid: true,
      fingerprint: r.oldFingerprint
    })

    // The old key counts only for what it signed before it was retired.
    const db = openDb(dbPath)
    const retiredAt = db
      .prepare('SELECT retired_at FROM retired_user_key WHERE fingerprint = ?')
      .pluck()
      .get(r.oldFingerprint) as string
    const earlier = new Date(Date.parse(retiredAt) - 1000).toISOString()
    const later = new Date(Date.parse(retiredAt) + 1000).toISOString()
    expect(trustedKey(db, r.oldFingerprint, earlier)).toMatchObject({
      username: 'giamsat',
      role: 'supervisor'
    })
    expect(trustedKey(db, r.oldFingerprint, later)).toBeNull()
    expect(trustedKey(db, r.oldFingerprint)).toBeNull()
    const event = db
      .prepare(
        "SELECT actor, entity_id AS who, detail_json AS detail FROM audit_event WHERE action = 'user/reset_password'"
      )
      .get() as { actor: string; who: string; detail: string }
    expect(event).toMatchObject({ actor: TEST_ADMIN, who: 'giamsat' })
    expect(JSON.parse(event.detail)).toMatchObject({
      oldFingerprint: r.oldFingerprint,
      newFingerprint: r.user.fingerprint
    })
    expect(verifyAudit(db).ok).toBe(true)
    db.close()
  })

  it('a clerk s key is trusted again on the supervisors machines; only admins reset, never an admin this way', async () => {
    const r = await asAdmin.call('users/resetPassword', {
      username: 'canbo',
      newPassword: 'mật-khẩu-mới-cán-bộ'
    })
    expect(r.retrust).toEqual(['supervisor_machines'])
    clerk = backend.as(await signIn(backend, 'canbo', 'mật-khẩu-mới-cán-bộ'))
    expect(
      (
        await asClerk.fail('users/resetPassword', {
          username: 'giamsat',
          newPassword: 'x'.repeat(9)
        })
      ).code
    ).toBe('forbidden')
    expect(
      (
        await asAdmin.fail('users/resetPassword', {
          username: TEST_ADMIN,
          newPassword: 'x'.repeat(9)
        })
      ).code
    ).toBe('reset_not_allowed')
    expect(
      (
        await asAdmin.fail('users/resetPassword', {
          username: 'khong-co',
          newPassword: 'x'.repeat(9)
        })
      ).code
    ).toBe('not_found')
    expect(
      (await asAdmin.fail('users/resetPassword', { username: 'canbo', newPassword: 'ngắn' })).code
    ).toBe('weak_password')
  })
})

describe('an admin who forgot their password', () => {
  it('sets a new one with the recovery key; audited; the recovery key does not open other accounts', async () => {
    const anyone = apiHelpers(() => backend)
    expect(
      (
        await anyone.fail('auth/recoverAdmin', {
          username: 'giamsat',
          recoveryKey,
          newPassword: 'mật-khẩu-quản-trị-mới'
        })
      ).code
    ).toBe('reset_not_allowed')
    const r = await anyone.call('auth/recoverAdmin', {
      username: TEST_ADMIN,
      recoveryKey: recoveryKey.toLowerCase().replace(/-/g, ' '),
      newPassword: 'mật-khẩu-quản-trị-mới'
    })
    expect(r.retrust).toEqual([])
    const old = await backend.call('auth/login', { username: TEST_ADMIN, password: TEST_PASSWORD })
    expect(!old.ok && old.error.code).toBe('login_failed')
    admin = backend.as(await signIn(backend, TEST_ADMIN, 'mật-khẩu-quản-trị-mới'))
    expect((await asAdmin.call('users/list', {})).length).toBe(3)
    const db = openDb(dbPath)
    expect(
      db.prepare("SELECT actor FROM audit_event WHERE action = 'auth/recover_admin'").pluck().all()
    ).toEqual([TEST_ADMIN])
    expect(verifyAudit(db).ok).toBe(true)
    db.close()
  })
})
