// The app's key in main (safeStorage, first run, recovery, an old clear database) and in the
// backend process (the key from the environment, the confirmed encryption), with a fake keychain.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { appendAudit, verifyAudit } from '../../src/backend/audit/audit'
import { useKeyFromEnv } from '../../src/backend/crypto/host-key'
import { keyFilePath, readKeyFile } from '../../src/backend/crypto/key-file'
import { forgetDatabaseKeys, isPlainDatabaseFile, openDb } from '../../src/backend/db/open'
import { keychainStore } from '../../src/backend/crypto/key-store'
import { createLockedBackend } from '../../src/backend/locked'
import { keepKeyInKeychain, keyEnv, prepareDatabaseKey, type KeyDeps } from '../../src/main/db-key'
import { tempDir } from '../helpers/tmp'

const dir = tempDir()

function keychain(machine: string, backend = 'gnome_libsecret') {
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString: (plain: string) => Buffer.from(`${machine}:${plain}`),
    decryptString: (blob: Buffer) => {
      const text = blob.toString()
      if (!text.startsWith(`${machine}:`)) throw new Error('Error while decrypting')
      return text.slice(machine.length + 1)
    }
  }
}

function deps(machine = 'laptop-1', o: Partial<KeyDeps> = {}) {
  const shown: string[] = []
  const d: KeyDeps = {
    safeStorage: keychain(machine),
    confirmEncrypt: vi.fn(() => Promise.resolve(true)),
    showRecoveryKey: (key) => {
      shown.push(key)
      return Promise.resolve()
    },
    ...o
  }
  return { d, shown }
}

/** What the backend process does with main's plan, as electron-entry runs it. */
function startBackend(path: string, plan: { keys: Buffer[]; encryptPlain: boolean }) {
  forgetDatabaseKeys()
  const env: NodeJS.ProcessEnv = { ...keyEnv(plan) }
  useKeyFromEnv(path, env)
  expect(env.DOISOAT_DB_KEYS).toBeUndefined()
  return openDb(path)
}

describe('the app key', () => {
  it('first run: a new key in the keychain, the recovery key shown once; later runs reuse it', async () => {
    const path = join(dir, 'first.db')
    const { d, shown } = deps()
    const plan = await prepareDatabaseKey(path, d)
    if ('quit' in plan) throw new Error('quit')
    expect(shown).toHaveLength(1)
    const keys = readFileSync(keyFilePath(path), 'utf8')
    expect(keys).not.toContain(plan.keys[0]!.toString('hex'))
    const db = startBackend(path, plan)
    appendAudit(db, { actor: 'clerk', action: 'note' })
    db.close()
    expect(isPlainDatabaseFile(path)).toBe(false)

    const again = await prepareDatabaseKey(path, d)
    if ('quit' in again) throw new Error('quit')
    expect(shown).toHaveLength(1)
    expect(again.keys[0]!.equals(plan.keys[0]!)).toBe(true)
    startBackend(path, again).close()
  })

  it('keychain lost: the backend starts locked, the recovery key given through the API opens it and the new keychain keeps it', async () => {
    const path = join(dir, 'lost.db')
    const { d, shown } = deps('old-laptop')
    const plan = await prepareDatabaseKey(path, d)
    if ('quit' in plan) throw new Error('quit')
    const first = startBackend(path, plan)
    appendAudit(first, { actor: 'clerk', action: 'note' })
    first.close()

    // Another machine's keychain: no key, no environment variable asked for.
    const lost = await prepareDatabaseKey(path, deps('new-laptop').d)
    expect(lost).toEqual({ keys: [], encryptPlain: false, passphraseOnly: false })
    forgetDatabaseKeys()
    const env: NodeJS.ProcessEnv = { ...keyEnv(lost as { keys: Buffer[]; encryptPlain: boolean }) }
    expect(() => useKeyFromEnv(path, env)).toThrow(expect.objectContaining({ code: 'db_locked' }))
    const newLaptop = keychain('new-laptop')
    const locked = createLockedBackend({
      dbPath: path,
      syncProbeMs: 0,
      backupCheckMs: 0,
      keyStore: keychainStore((p, key) => keepKeyInKeychain(p, key, newLaptop))
    })
    expect(await locked.call('keys/status', {})).toEqual({
      ok: true,
      value: { locked: true, store: 'keychain' }
    })
    const refused = await locked.call('auth/status', {})
    expect(refused.ok || refused.error.code).toBe('recovery_needed')
    const r = await locked.call('keys/unlock', { recoveryKey: shown[0]!.toLowerCase() })
    expect(r).toEqual({ ok: true, value: { unlocked: true } })
    expect((await locked.call('auth/status', {})).ok).toBe(true)
    await locked.close()

    // From now on the new machine's keychain alone opens it.
    const again = await prepareDatabaseKey(path, deps('new-laptop').d)
    if ('quit' in again) throw new Error('quit')
    expect(again.keys).toHaveLength(1)
    const db = startBackend(path, again)
    expect(db.prepare('SELECT action FROM audit_event ORDER BY id').pluck().all()).toEqual([
      'note',
      'db/unlock'
    ])
    expect(verifyAudit(db).ok).toBe(true)
    db.close()
  })

  it('a damaged key file: the backend starts locked; the recovery key writes a new one and the damaged one is kept beside', async () => {
    const path = join(dir, 'damaged.db')
    const { d, shown } = deps('laptop-1')
    const plan = await prepareDatabaseKey(path, d)
    if ('quit' in plan) throw new Error('quit')
    startBackend(path, plan).close()
    writeFileSync(keyFilePath(path), '{"format": "doisoat-keys", "version": 1, "ke')

    const broken = await prepareDatabaseKey(path, deps('laptop-1').d)
    expect(broken).toEqual({ keys: [], encryptPlain: false, passphraseOnly: false })
    forgetDatabaseKeys()
    const machine = keychain('laptop-1')
    const locked = createLockedBackend({
      dbPath: path,
      syncProbeMs: 0,
      backupCheckMs: 0,
      keyStore: keychainStore((p, key) => keepKeyInKeychain(p, key, machine))
    })
    expect((await locked.call('keys/unlock', { recoveryKey: shown[0]! })).ok).toBe(true)
    await locked.close()
    expect(
      readdirSync(dir).filter((f) => f.startsWith('damaged.db.keys.json.damaged-'))
    ).toHaveLength(1)
    const again = await prepareDatabaseKey(path, deps('laptop-1').d)
    if ('quit' in again) throw new Error('quit')
    startBackend(path, again).close()
  })

  it('an old clear database: encrypted after the confirmation, not before; nothing lost', async () => {
    const path = join(dir, 'clear.db')
    const clear = openDb(path, { key: null })
    appendAudit(clear, { actor: 'clerk', action: 'note', detail: { kept: 'yes' } })
    clear.close()

    const no = deps('laptop-1', { confirmEncrypt: () => Promise.resolve(false) })
    expect(await prepareDatabaseKey(path, no.d)).toEqual({ quit: true })
    expect(isPlainDatabaseFile(path)).toBe(true)
    expect(existsSync(keyFilePath(path))).toBe(false)

    const yes = deps()
    const plan = await prepareDatabaseKey(path, yes.d)
    if ('quit' in plan) throw new Error('quit')
    expect(plan.encryptPlain).toBe(true)
    expect(yes.shown).toHaveLength(1)
    const db = startBackend(path, plan)
    expect(isPlainDatabaseFile(path)).toBe(false)
    expect(db.prepare('SELECT action FROM audit_event ORDER BY id').pluck().all()).toEqual([
      'note',
      'db/encrypt'
    ])
    expect(verifyAudit(db).ok).toBe(true)
    db.close()
  })

  it('Linux without a secret store (basic_text, unknown): refuses to keep the key there, says how to start', async () => {
    for (const backend of ['basic_text', 'unknown']) {
      const path = join(dir, `weak-${backend}.db`)
      const weak = keychain('laptop-1', backend)
      const encrypt = vi.spyOn(weak, 'encryptString')
      const { d, shown } = deps('laptop-1', { safeStorage: weak, platform: 'linux' })
      await expect(prepareDatabaseKey(path, d)).rejects.toMatchObject({
        code: 'keychain_weak',
        params: { backend }
      })
      expect(encrypt).not.toHaveBeenCalled()
      expect(shown).toEqual([])
      expect(existsSync(keyFilePath(path))).toBe(false)
    }
  })

  it('Linux without a secret store: falls back to the passphrase it was started with, never the keychain', async () => {
    const path = join(dir, 'weak-passphrase.db')
    const weak = keychain('laptop-1', 'basic_text')
    const encrypt = vi.spyOn(weak, 'encryptString')
    const decrypt = vi.spyOn(weak, 'decryptString')
    const short = deps('laptop-1', {
      safeStorage: weak,
      platform: 'linux',
      env: { DOISOAT_PASSPHRASE: 'ngắn' }
    })
    await expect(prepareDatabaseKey(path, short.d)).rejects.toMatchObject({
      code: 'passphrase_too_short'
    })
    const env = { DOISOAT_PASSPHRASE: 'một câu đủ dài để làm cụm mật khẩu' }
    const { d, shown } = deps('laptop-1', { safeStorage: weak, platform: 'linux', env })
    const plan = await prepareDatabaseKey(path, d)
    if ('quit' in plan) throw new Error('quit')
    expect(shown).toHaveLength(1)
    const entry = readKeyFile(path)!.keys[0]!
    expect(entry.wraps.keychain).toBeUndefined()
    expect(entry.wraps.passphrase).toBeDefined()
    startBackend(path, plan).close()

    // Next start: the passphrase opens it; without it, a locked start (the window asks for the
    // passphrase or the recovery key), and still nothing goes to the weak keychain.
    const again = await prepareDatabaseKey(path, d)
    if ('quit' in again) throw new Error('quit')
    expect(again.keys[0]!.equals(plan.keys[0]!)).toBe(true)
    const locked = await prepareDatabaseKey(
      path,
      deps('laptop-1', { safeStorage: weak, platform: 'linux' }).d
    )
    expect(locked).toEqual({ keys: [], encryptPlain: false, passphraseOnly: true })
    // The backend is told: a key the recovery key brings back is kept under a new passphrase,
    // since nothing would keep it in this keychain.
    if ('quit' in locked) throw new Error('quit')
    expect(keyEnv(locked).DOISOAT_KEY_STORE).toBe('passphrase')
    expect(keyEnv(plan).DOISOAT_KEY_STORE).toBe('passphrase')
    keepKeyInKeychain(path, plan.keys[0]!, weak, 'linux')
    expect(encrypt).not.toHaveBeenCalled()
    expect(decrypt).not.toHaveBeenCalled()
    expect(readKeyFile(path)!.keys[0]!.wraps.keychain).toBeUndefined()
  })

  it('the same store on Windows or macOS (no Linux backend to ask) keeps the keychain', async () => {
    const path = join(dir, 'win.db')
    const { d } = deps('laptop-1', { platform: 'win32' })
    const plan = await prepareDatabaseKey(path, d)
    if ('quit' in plan) throw new Error('quit')
    expect(readKeyFile(path)!.keys[0]!.wraps.keychain).toBeDefined()
    expect(keyEnv(plan).DOISOAT_KEY_STORE).toBeUndefined()
  })
})
