// From a secret (passphrase, keychain, recovery key) to the data key of a database, for every host:
// creates the key on first use, finishes an interrupted rekey, and says clearly what is wrong.
import { existsSync } from 'node:fs'
import { AppError } from '../../shared/errors'
import { backupBeforeChange } from '../backup/backup'
import { isPlainDatabaseFile, openDb, setDatabaseKey } from '../db/open'
import { checkNotInMaintenance, withMaintenanceLock } from '../db/maintenance-lock'
import { encryptPlainDatabase, keyOpens, rekeyDatabase } from './db-file'
import {
  keyCheck,
  newKeyEntry,
  newKeyFile,
  readKeyFile,
  unwrapKeys,
  writeKeyFile,
  type KeyFile,
  type NewEntryOptions,
  type Secret
} from './key-file'

export interface UnlockOptions {
  /** When neither the database nor its key file exists: make a key wrapped by these. */
  create?: NewEntryOptions
}

export interface Unlocked {
  key: Buffer
  /** Only when a key was just made: show it once, never store it. */
  recoveryKey?: string
  /** A rekey's backup of the database under the old key. */
  backup?: string
}

export const hasSecret = (s: Secret): boolean =>
  s.passphrase !== undefined || s.recoveryKey !== undefined || s.keychain !== undefined

/**
 * The data key of the database at `path`, registered for openDb in this process. An unencrypted
 * database is refused (`db_not_encrypted`): encrypting it is a deliberate step (encryptPlainDatabase).
 */
export function unlockDatabase(path: string, secret: Secret, o: UnlockOptions = {}): Unlocked {
  // Mid-rekey the key file holds two keys: finishing the rekey here would drop the new one.
  checkNotInMaintenance(path)
  const dbExists = existsSync(path)
  if (dbExists && isPlainDatabaseFile(path)) throw new AppError('db_not_encrypted', { path })
  const file = readKeyFile(path)
  if (!dbExists && !file) {
    if (!o.create || (o.create.passphrase === undefined && !o.create.keychainEncrypt))
      throw new AppError('passphrase_required', { path })
    const made = newKeyEntry(o.create)
    writeKeyFile(path, newKeyFile(made.entry))
    setDatabaseKey(path, made.key)
    return { key: made.key, recoveryKey: made.recoveryKey }
  }
  if (!hasSecret(secret)) throw new AppError(file ? 'db_locked' : 'key_file_missing', { path })
  const candidates = unwrapKeys(file, secret)
  if (candidates.length === 0)
    throw new AppError(file || secret.recoveryKey ? 'db_wrong_key' : 'key_file_missing', { path })
  let chosen = candidates.find((c) => !c.entry?.pending) ?? candidates[0]!
  if (dbExists) {
    const working = candidates.find((c) => keyOpens(path, c.key))
    if (!working) throw new AppError('db_wrong_key', { path })
    chosen = working
    if (file) finishRekey(path, file, chosen.key)
  }
  setDatabaseKey(path, chosen.key)
  return { key: chosen.key }
}

/** A rekey stopped half-way: keep only the entry of the key that opens the database. */
export function finishRekey(path: string, file: KeyFile, key: Buffer): void {
  if (file.keys.length < 2) return
  const check = keyCheck(key)
  const keep = file.keys.filter((e) => e.check === check)
  if (keep.length === 0) return
  writeKeyFile(path, { ...file, keys: keep.map((e) => ({ ...e, pending: undefined })) })
}

/**
 * Encrypt an unencrypted database with a new key: the key file first, then the database file
 * (copy, encrypt, fsync, rename). Stopped half-way, the database is still the clear original.
 * Other processes cannot open it meanwhile (the maintenance lock).
 */
export function encryptDatabase(path: string, o: NewEntryOptions): Unlocked {
  if (!isPlainDatabaseFile(path))
    throw new AppError(existsSync(path) ? 'db_already_encrypted' : 'file_not_found', { path })
  return withMaintenanceLock(path, () => {
    const made = newKeyEntry(o)
    writeKeyFile(path, newKeyFile(made.entry))
    encryptPlainDatabase(path, made.key)
    setDatabaseKey(path, made.key)
    return { key: made.key, recoveryKey: made.recoveryKey }
  })
}

/**
 * A new data key and recovery key for an encrypted database. A backup under the old key comes
 * first (the rekey rewrites every page; that backup opens with the old recovery key). The key
 * file holds both keys while the file is rewritten, so whichever file is on disk after a crash,
 * its key is still there; other processes cannot open or unlock it until both are done (the
 * maintenance lock).
 */
export function changeDataKey(
  path: string,
  oldKey: Buffer,
  o: NewEntryOptions,
  actor = 'cli'
): Unlocked {
  return withMaintenanceLock(path, () => swapDataKey(path, oldKey, o, actor))
}

function swapDataKey(path: string, oldKey: Buffer, o: NewEntryOptions, actor: string): Unlocked {
  const before = backupBeforeChange(path, 'rekey', { key: oldKey, actor })
  const file = readKeyFile(path)
  const made = newKeyEntry(o)
  const current = file ? file.keys.filter((e) => e.check === keyCheck(oldKey)) : []
  // Opened with the recovery key and no key file: the old key needs no entry, its recovery key
  // still opens the old file.
  writeKeyFile(path, {
    ...newKeyFile(made.entry),
    keys: [...current, { ...made.entry, pending: true }]
  })
  try {
    rekeyDatabase(path, oldKey, made.key)
  } catch (e) {
    if (file) writeKeyFile(path, file)
    throw e
  }
  writeKeyFile(path, newKeyFile(made.entry))
  setDatabaseKey(path, made.key)
  const db = openDb(path, { key: made.key, migrate: false })
  try {
    before.record(db)
  } finally {
    db.close()
  }
  return { key: made.key, recoveryKey: made.recoveryKey, backup: before.made.file }
}
