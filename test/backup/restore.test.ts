// Restore through the API: an admin (or a new laptop's first screen) looks into a backup and
// restores it; the replaced database is kept aside; a new laptop keeps the key in its keychain
// (desktop) or under a new passphrase (web mode); a wrong recovery key changes nothing.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { verifyAudit } from '../../src/backend/audit/audit'
import { useKeyFromEnv } from '../../src/backend/crypto/host-key'
import { keyFilePath, newRecoveryKey } from '../../src/backend/crypto/key-file'
import { keychainStore, passphraseStore } from '../../src/backend/crypto/key-store'
import { unlockDatabase } from '../../src/backend/crypto/unlock'
import { forgetDatabaseKeys, openDb } from '../../src/backend/db/open'
import { createBackend, type Backend } from '../../src/backend/host'
import { createLockedBackend } from '../../src/backend/locked'
import { keepKeyInKeychain, keyEnv, prepareDatabaseKey } from '../../src/main/db-key'
import type { BackupSummary } from '../../src/shared/api'
import type { Events } from '../../src/shared/api'
import { errorText } from '../../src/shared/i18n'
import { apiHelpers } from '../helpers/api'
import { tempDir } from '../helpers/tmp'
import { signIn, signInAs, TEST_ADMIN } from '../helpers/users'
import { encryptedSampleDb, FAST_SCRYPT, PASSPHRASE } from './fixture'

const dir = tempDir('doisoat-restore-')
const sha = (path: string): string =>
  existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : '-'

function backendOn(dbPath: string, keyStore = passphraseStore(FAST_SCRYPT)): Backend {
  return createBackend({ dbPath, syncProbeMs: 0, backupCheckMs: 0, keyStore })
}

/** A backup job through the API, its result. */
async function backupNow(backend: Backend, session: string, folder: string) {
  let done: Events['job/done'] | undefined
  const off = backend.onEvent((e, p) => {
    if (e === 'job/done') done = p as Events['job/done']
  })
  const r = await backend.call('backup/run', { folder }, session)
  if (!r.ok) throw new Error(r.error.message)
  await backend.jobs.wait((r.value as { jobId: string }).jobId)
  off()
  if (done?.state !== 'done') throw new Error(`backup ${done?.state}: ${done?.error?.message}`)
  return done.result as BackupSummary
}

function keychain(machine: string) {
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString: (plain: string) => Buffer.from(`${machine}:${plain}`),
    decryptString: (blob: Buffer) => {
      const text = blob.toString()
      if (!text.startsWith(`${machine}:`)) throw new Error('Error while decrypting')
      return text.slice(machine.length + 1)
    }
  }
}

const noDialogs = {
  confirmEncrypt: () => Promise.resolve(true),
  showRecoveryKey: () => Promise.resolve()
}

describe('restore', () => {
  it('an admin looks into a backup, restores it; the replaced database stays beside it; everyone signs in again', async () => {
    const s = await encryptedSampleDb(dir, 'office')
    const folder = join(dir, 'office-out')
    mkdirSync(folder)
    const backend = backendOn(s.dbPath)
    const admin = await signInAs(backend, TEST_ADMIN, 'admin')
    const clerk = await signInAs(backend, 'canbo', 'clerk')
    const b = await backupNow(backend, clerk.session, folder)
    const status = await apiHelpers(() => clerk).call('backup/status', {})
    expect(status.last?.file).toBe(b.file.slice(folder.length + 1))
    expect(status.ageHours).toBeLessThan(0.1)
    expect(status.lastPresent).toBe(true)

    // After the backup: an account that the backup does not hold.
    await apiHelpers(() => admin).call('users/create', {
      username: 'moi',
      displayName: 'Mới',
      role: 'clerk',
      password: 'mật-khẩu-mới-1'
    })
    expect((await clerk.call('restore/inspect', { path: b.file })).ok).toBe(false)
    const seen = await apiHelpers(() => admin).call('restore/inspect', { path: b.file })
    expect(seen.snapshot.counts.population_record).toBe(2000)
    expect(seen.snapshot.counts.app_user).toBe(2)
    expect(seen.sameKey).toBe(true)
    expect(seen.snapshot.lastAudit?.action).toBe('auth/login')

    const forbidden = await clerk.call('restore/run', { path: b.file, confirm: true })
    expect(!forbidden.ok && forbidden.error.code).toBe('forbidden')
    const r = await apiHelpers(() => admin).call('restore/run', { path: b.file, confirm: true })
    expect(r.keyChanged).toBe(false)
    expect(r.aside).toMatch(/office\.db\.before-restore-\d{8}T\d{6}Z$/)
    expect(existsSync(r.preBackup!)).toBe(true)
    // Every session ended: the accounts are now the backup's.
    const after = await admin.call('users/list', {})
    expect(!after.ok && after.error.code).toBe('not_signed_in')
    const again = backend.as(await signIn(backend, TEST_ADMIN))
    const users = await apiHelpers(() => again).call('users/list', {})
    expect(users.map((u) => u.username).sort()).toEqual(['canbo', 'quantri'])
    const info = await apiHelpers(() => again).call('app/info', {})
    expect(info.counts.population).toBe(2000)
    await backend.close()

    // The restored database: its audit chain holds; the restore, then the new sign-in, end it.
    const db = openDb(s.dbPath)
    expect(verifyAudit(db).ok).toBe(true)
    expect(
      db.prepare('SELECT action FROM audit_event ORDER BY id DESC LIMIT 2').pluck().all()
    ).toEqual(['auth/login', 'db/restore'])
    db.close()
    // The replaced one is whole beside it, with its own key file, and still has the new account.
    forgetDatabaseKeys()
    unlockDatabase(r.aside!, { passphrase: PASSPHRASE })
    const aside = openDb(r.aside!, { readonly: true })
    expect(
      aside.prepare("SELECT count(*) FROM app_user WHERE username = 'moi'").pluck().get()
    ).toBe(1)
    aside.close()
  }, 120_000)

  it('a wrong recovery key is refused with a clear message, five times in a row, and nothing changes', async () => {
    const s = await encryptedSampleDb(dir, 'wrong', { seed: 13 })
    const folder = join(dir, 'wrong-out')
    mkdirSync(folder)
    const backend = backendOn(s.dbPath)
    const admin = await signInAs(backend, TEST_ADMIN, 'admin')
    const b = await backupNow(backend, admin.session, folder)
    await backend.close()

    // A new laptop: a database of its own key, no account yet; the backup's key file left behind.
    rmSync(keyFilePath(b.file))
    forgetDatabaseKeys()
    const fresh = join(dir, 'wrong-new.db')
    unlockDatabase(fresh, {}, { create: { passphrase: 'cụm từ máy mới', scrypt: FAST_SCRYPT } })
    const laptop = backendOn(fresh)
    const files = [fresh, `${fresh}-wal`, keyFilePath(fresh), b.file]
    const before = files.map(sha)
    const audit = (): unknown => {
      const db = openDb(fresh, { readonly: true })
      try {
        return db.prepare('SELECT count(*), max(id) FROM audit_event').raw().get()
      } finally {
        db.close()
      }
    }
    const auditBefore = audit()
    for (let i = 0; i < 5; i++) {
      const wrong = newRecoveryKey()
      const r = await laptop.call('restore/run', {
        path: b.file,
        recoveryKey: wrong,
        newPassphrase: 'mới',
        confirm: true
      })
      expect(r.ok).toBe(false)
      if (r.ok) return
      expect(r.error.code).toBe('backup_wrong_key')
      expect(errorText(r.error, 'vi')).toContain('khóa khôi phục của thời điểm đó')
      expect(errorText(r.error, 'vi')).toContain('Không có gì bị thay đổi')
      expect(files.map(sha)).toEqual(before)
      expect(audit()).toEqual(auditBefore)
    }
    // A key mistyped (a group too short) says which group.
    const typo = await laptop.call('restore/inspect', {
      path: b.file,
      recoveryKey: s.recoveryKey.slice(0, 12) + s.recoveryKey.slice(13)
    })
    expect(!typo.ok && typo.error.code).toBe('recovery_key_format')
    expect(!typo.ok && errorText(typo.error, 'en')).toContain('Group 3')
    await laptop.close()

    // The locked start (keychain lost) and the admin's own recovery refuse a wrong key the same way.
    forgetDatabaseKeys()
    const locked = createLockedBackend({ dbPath: s.dbPath, syncProbeMs: 0, backupCheckMs: 0 })
    const lockedFiles = [s.dbPath, `${s.dbPath}-wal`, keyFilePath(s.dbPath)]
    const lockedBefore = lockedFiles.map(sha)
    for (let i = 0; i < 5; i++) {
      const r = await locked.call('keys/unlock', {
        recoveryKey: newRecoveryKey(),
        newPassphrase: 'x'
      })
      expect(!r.ok && r.error.code).toBe('recovery_key_wrong')
      expect(!r.ok && errorText(r.error, 'vi')).toContain('Không có gì bị thay đổi')
      expect(lockedFiles.map(sha)).toEqual(lockedBefore)
    }
    expect((await locked.call('keys/unlock', { recoveryKey: s.recoveryKey })).ok).toBe(true)
    const recovering = apiHelpers(() => locked)
    for (let i = 0; i < 5; i++) {
      const e = await recovering.fail('auth/recoverAdmin', {
        username: TEST_ADMIN,
        recoveryKey: newRecoveryKey(),
        newPassword: 'mật-khẩu-mới-2'
      })
      expect(e.code).toBe('recovery_key_wrong')
    }
    // The old password still works: nothing was reset.
    expect(await signIn(locked, TEST_ADMIN)).toBeTruthy()
    await locked.close()
  }, 120_000)

  it('a new laptop in web mode: the recovery key alone opens the backup, a new passphrase keeps the key', async () => {
    const s = await encryptedSampleDb(dir, 'web', { seed: 17 })
    const folder = join(dir, 'web-out')
    mkdirSync(folder)
    const office = backendOn(s.dbPath)
    const admin = await signInAs(office, TEST_ADMIN, 'admin')
    const b = await backupNow(office, admin.session, folder)
    await office.close()
    rmSync(keyFilePath(b.file))

    forgetDatabaseKeys()
    const fresh = join(dir, 'web-new.db')
    unlockDatabase(fresh, {}, { create: { passphrase: 'cụm từ tạm thời', scrypt: FAST_SCRYPT } })
    const laptop = backendOn(fresh)
    const anyone = apiHelpers(() => laptop)
    // The key is new here and no passphrase would keep it: refused before anything changes.
    const e = await anyone.fail('restore/run', {
      path: b.file,
      recoveryKey: s.recoveryKey,
      confirm: true
    })
    expect(e.code).toBe('passphrase_required')
    // A new passphrase too short to keep the key is refused before the swap, not after it.
    const short = await anyone.fail('restore/run', {
      path: b.file,
      recoveryKey: s.recoveryKey,
      newPassphrase: 'ngắn quá',
      confirm: true
    })
    expect(short.code).toBe('passphrase_too_short')
    expect(readdirSync(dir).filter((f) => f.startsWith('web-new.db.before-restore'))).toEqual([])
    const seen = await anyone.call('restore/inspect', { path: b.file, recoveryKey: s.recoveryKey })
    expect(seen.sameKey).toBe(false)
    const r = await anyone.call('restore/run', {
      path: b.file,
      recoveryKey: s.recoveryKey,
      newPassphrase: 'cụm mới của máy mới',
      confirm: true
    })
    expect(r.keyChanged).toBe(true)
    // Now that the accounts are the backup's, restoring again needs an admin.
    const again = await anyone.fail('restore/run', { path: b.file, confirm: true })
    expect(again.code).toBe('not_signed_in')
    await laptop.close()

    // The next start: the new passphrase opens it, and the office's data is there.
    forgetDatabaseKeys()
    unlockDatabase(fresh, { passphrase: 'cụm mới của máy mới' })
    const db = openDb(fresh)
    expect(db.prepare('SELECT count(*) FROM population_record').pluck().get()).toBe(2000)
    expect(verifyAudit(db).ok).toBe(true)
    db.close()
  }, 120_000)

  it('a new laptop with the desktop app: restored with the recovery key alone, its new keychain keeps the key', async () => {
    const s = await encryptedSampleDb(dir, 'desk', { seed: 19 })
    const folder = join(dir, 'desk-out')
    mkdirSync(folder)
    const office = backendOn(s.dbPath)
    const admin = await signInAs(office, TEST_ADMIN, 'admin')
    const b = await backupNow(office, admin.session, folder)
    await office.close()
    rmSync(keyFilePath(b.file))

    // The new laptop's first start: main makes a key for an empty database in its keychain.
    forgetDatabaseKeys()
    const data = join(dir, 'desk-new')
    mkdirSync(data)
    const path = join(data, 'doisoat.db')
    const machine = keychain('laptop-2')
    const first = await prepareDatabaseKey(path, { safeStorage: machine, ...noDialogs })
    if ('quit' in first) throw new Error('quit')
    useKeyFromEnv(path, { ...keyEnv(first) })
    const laptop = backendOn(
      path,
      keychainStore((p, key) => keepKeyInKeychain(p, key, machine))
    )
    // "Khôi phục từ bản sao lưu": no account yet, the backup and the recovery key.
    const r = await apiHelpers(() => laptop).call('restore/run', {
      path: b.file,
      recoveryKey: s.recoveryKey,
      confirm: true
    })
    expect(r.keyChanged).toBe(true)
    await laptop.close()

    // The next start: the keychain alone opens it.
    forgetDatabaseKeys()
    const next = await prepareDatabaseKey(path, { safeStorage: machine, ...noDialogs })
    if ('quit' in next) throw new Error('quit')
    useKeyFromEnv(path, { ...keyEnv(next) })
    const db = openDb(path)
    expect(db.prepare('SELECT count(*) FROM population_record').pluck().get()).toBe(2000)
    expect(db.prepare('SELECT count(*) FROM app_user').pluck().get()).toBe(1)
    expect(verifyAudit(db).ok).toBe(true)
    db.close()
  }, 120_000)
})
