// A backup before every change that rewrites the whole database: a migration and a rekey. The
// backup holds the database as it was (older schema, old key); when none can be written, the
// change does not happen and the message says why.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appendAudit } from '../../src/backend/audit/audit'
import { defaultBackupFolder, lastGoodBackup } from '../../src/backend/backup/backup'
import { backupKey, inspectBackup } from '../../src/backend/backup/restore'
import { changeDataKey, unlockDatabase } from '../../src/backend/crypto/unlock'
import { migrate, openDb, schemaVersion } from '../../src/backend/db/open'
import { LATEST_VERSION } from '../../src/backend/db/migrations'
import { tempDir } from '../helpers/tmp'
import { FAST_SCRYPT } from './fixture'

const dir = tempDir('doisoat-before-change-')

/** An encrypted database left at schema 7 (an older app), with an event in its audit chain. */
function olderDatabase(name: string): { path: string; recoveryKey: string } {
  const sub = join(dir, name)
  mkdirSync(sub)
  const path = join(sub, 'xa.db')
  const made = unlockDatabase(
    path,
    {},
    { create: { passphrase: 'cụm từ cũ của xã', scrypt: FAST_SCRYPT } }
  )
  const db = openDb(path, { migrate: false })
  migrate(db, 7)
  appendAudit(db, { actor: 'canbo', action: 'note' })
  db.close()
  return { path, recoveryKey: made.recoveryKey! }
}

describe('before a migration', () => {
  it('the database is backed up as it was, then migrated, and the log lists the backup', () => {
    const { path, recoveryKey } = olderDatabase('migrates')
    const db = openDb(path)
    expect(schemaVersion(db)).toBe(LATEST_VERSION)
    const last = lastGoodBackup(db)
    expect(last).toMatchObject({ reason: 'migration', ok: true })
    db.close()
    const folder = defaultBackupFolder(path)
    const files = readdirSync(folder).filter((f) => f.endsWith('.bak'))
    expect(files).toEqual([last!.file])
    const file = join(folder, files[0]!)
    const contents = inspectBackup(file, backupKey(file, { recoveryKey }))
    expect(contents.snapshot.schemaVersion).toBe(7)
  })

  it('when no backup can be written, the migration does not run and the message says why', () => {
    const { path } = olderDatabase('blocked')
    // Where the backups would go, a file: no folder can be made there.
    writeFileSync(defaultBackupFolder(path), 'not a folder')
    expect(() => openDb(path)).toThrow(expect.objectContaining({ code: 'backup_required' }))
    const db = openDb(path, { migrate: false, readonly: true })
    expect(schemaVersion(db)).toBe(7)
    db.close()
  })
})

describe('before a rekey', () => {
  it('a backup under the old key is made first; it opens with the old recovery key', () => {
    const sub = join(dir, 'rekey')
    mkdirSync(sub)
    const path = join(sub, 'xa.db')
    const made = unlockDatabase(
      path,
      {},
      { create: { passphrase: 'cụm từ cũ của xã', scrypt: FAST_SCRYPT } }
    )
    openDb(path).close()
    const r = changeDataKey(path, made.key, {
      passphrase: 'cụm từ mới của xã',
      scrypt: FAST_SCRYPT
    })
    expect(r.backup).toBeDefined()
    const key = backupKey(r.backup!, { recoveryKey: made.recoveryKey })
    expect(key!.equals(made.key)).toBe(true)
    expect(() => backupKey(r.backup!, { recoveryKey: r.recoveryKey })).toThrow(
      expect.objectContaining({ code: 'backup_wrong_key' })
    )
    const db = openDb(path, { key: r.key })
    expect(lastGoodBackup(db)).toMatchObject({ reason: 'rekey' })
    db.close()
  })
})
