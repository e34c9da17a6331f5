// Key handling: recovery keys on paper, passphrase wraps, and a rekey stopped at either step.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { rekeyDatabase } from '../../src/backend/crypto/db-file'
import {
  dataKeyFromRecovery,
  newKeyEntry,
  newKeyFile,
  newRecoveryKey,
  readKeyFile,
  unwrapKeys,
  writeKeyFile
} from '../../src/backend/crypto/key-file'
import { unlockDatabase } from '../../src/backend/crypto/unlock'
import { forgetDatabaseKeys, openDb } from '../../src/backend/db/open'
import { tempDir } from '../helpers/tmp'

const dir = tempDir()
const fast = { N: 1 << 12, r: 8, p: 1 }

describe('recovery keys', () => {
  it('are 8 groups of 4 base32 characters, read back whatever the case, spaces or look-alikes', () => {
    const k = newRecoveryKey()
    expect(k).toMatch(/^([A-Z2-7]{4}-){7}[A-Z2-7]{4}$/)
    const key = dataKeyFromRecovery(k)!
    expect(key).toHaveLength(32)
    const typed = k.toLowerCase().replace(/-/g, ' ').replace(/o/g, '0')
    expect(dataKeyFromRecovery(typed)!.equals(key)).toBe(true)
    expect(dataKeyFromRecovery(k.slice(0, -1))).toBeNull()
    const other = k.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))
    expect(dataKeyFromRecovery(other)!.equals(key)).toBe(false)
  })
})

describe('the key file', () => {
  it('opens with the passphrase only, and holds no secret in clear', () => {
    const made = newKeyEntry({ passphrase: 'đúng rồi, cụm này', scrypt: fast })
    const file = newKeyFile(made.entry)
    const text = JSON.stringify(file)
    expect(text).not.toContain(made.key.toString('hex'))
    expect(text).not.toContain(made.key.toString('base64'))
    expect(text).not.toContain(made.recoveryKey)
    expect(unwrapKeys(file, { passphrase: 'sai rồi, cụm khác' })).toEqual([])
    // The passphrase is compared in NFC: typed with combining marks, it still opens.
    const [found] = unwrapKeys(file, { passphrase: 'đúng rồi, cụm này'.normalize('NFD') })
    expect(found!.key.equals(made.key)).toBe(true)
  })
})

describe('a rekey stopped half-way', () => {
  const passphrase = 'đổi khóa dữ liệu'

  function setup(name: string) {
    const path = join(dir, name)
    forgetDatabaseKeys()
    const first = unlockDatabase(path, {}, { create: { passphrase, scrypt: fast } })
    const db = openDb(path)
    db.prepare(
      `INSERT INTO audit_event (at, actor, action, detail_json, prev_hash, hash)
       VALUES ('t', 'a', 'note', '{}', 'p', 'h')`
    ).run()
    db.close()
    const next = newKeyEntry({ passphrase, scrypt: fast })
    const current = readKeyFile(path)!.keys[0]!
    writeKeyFile(path, {
      ...newKeyFile(current),
      keys: [current, { ...next.entry, pending: true }]
    })
    return { path, oldKey: first.key, next }
  }

  it('before the file was swapped: the old key opens it and the unused new key is dropped', () => {
    const { path, oldKey } = setup('before.db')
    forgetDatabaseKeys()
    expect(unlockDatabase(path, { passphrase }).key.equals(oldKey)).toBe(true)
    expect(readKeyFile(path)!.keys).toHaveLength(1)
    const db = openDb(path, { readonly: true })
    expect(db.prepare('SELECT count(*) FROM audit_event').pluck().get()).toBe(1)
    db.close()
  })

  it('after the file was swapped: the new key opens it and becomes the only one', () => {
    const { path, oldKey, next } = setup('after.db')
    rekeyDatabase(path, oldKey, next.key)
    forgetDatabaseKeys()
    expect(unlockDatabase(path, { passphrase }).key.equals(next.key)).toBe(true)
    const keys = readKeyFile(path)!.keys
    expect(keys).toHaveLength(1)
    expect(keys[0]!.pending).toBeUndefined()
    expect(unlockDatabase(path, { recoveryKey: next.recoveryKey }).key.equals(next.key)).toBe(true)
  })
})
