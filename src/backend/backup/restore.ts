// Restoring a backup: find the key that opens it, check it whole (integrity, audit chain, exactly
// the app's schema), copy it beside the database, keep the current database aside (never deleted),
// and swap the copy in with its key in the key file. Each step leaves, after a crash, a database
// file whose key the key file holds.
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync
} from 'node:fs'
import { basename, dirname, resolve } from 'node:path'
import { checkRecoveryKey } from '../../core/recovery-key'
import { AppError } from '../../shared/errors'
import { appendAudit } from '../audit/audit'
import { keyOpens } from '../crypto/db-file'
import { fsyncDir, writeFileAtomicSync } from '../files/write-atomic'
import {
  dataKeyFromRecovery,
  keyCheck,
  keyFilePath,
  readKeyFile,
  unwrapKeys,
  writeKeyFile,
  newKeyFile,
  type KeyEntry,
  type KeyFile
} from '../crypto/key-file'
import {
  isPlainDatabaseFile,
  openDb,
  plainDatabasesAllowed,
  setDatabaseKey,
  type Db
} from '../db/open'
import { LATEST_VERSION } from '../db/migrations'
import { backupBeforeChange } from './backup'
import { checkDatabase, type BackupSnapshot, type DatabaseCheck } from './check'

/** What opens a backup besides the database's own key: its recovery key, or its passphrase. */
export interface BackupSecret {
  recoveryKey?: string
  /** Unwraps the key in the key file that went along with the backup. */
  passphrase?: string
}

/** SQLite page sizes are multiples of 512: a file of another size was cut short. */
const SECTOR = 512

/** The size of a file that may be a database: refused when it is cut short or not a file. */
export function precheckBackupFile(file: string): number {
  let size: number
  try {
    const st = statSync(file)
    if (!st.isFile()) throw new AppError('backup_invalid', { file })
    size = st.size
  } catch (e) {
    if (e instanceof AppError) throw e
    throw new AppError('file_not_found', { path: file })
  }
  if (size < SECTOR || size % SECTOR !== 0) throw new AppError('backup_invalid', { file })
  return size
}

/** The recovery key's data key, or a clear refusal when its groups are not well formed. */
export function recoveryDataKey(text: string): Buffer {
  const check = checkRecoveryKey(text)
  if (!check.complete) {
    const bad = check.groups.findIndex((g) => g.state !== 'complete')
    throw new AppError('recovery_key_format', { group: bad < 0 ? 8 : bad + 1 })
  }
  return dataKeyFromRecovery(check.canonical!)!
}

/**
 * The data key that opens `file`: the database's own (`current`), the recovery key's, or the one
 * the backup's key file gives for the passphrase. null: an unencrypted backup (tests only).
 */
export function backupKey(
  file: string,
  secret: BackupSecret,
  current?: Buffer | null
): Buffer | null {
  precheckBackupFile(file)
  if (isPlainDatabaseFile(file)) {
    // The app never makes a clear database: a clear file is not one of its backups.
    if (!plainDatabasesAllowed()) throw new AppError('backup_invalid', { file })
    return null
  }
  const candidates: Buffer[] = []
  if (secret.recoveryKey !== undefined) candidates.push(recoveryDataKey(secret.recoveryKey))
  if (current) candidates.push(current)
  if (secret.passphrase !== undefined) {
    let sidecar: KeyFile | null = null
    try {
      sidecar = readKeyFile(file)
    } catch {
      sidecar = null
    }
    for (const c of unwrapKeys(sidecar, { passphrase: secret.passphrase })) candidates.push(c.key)
  }
  for (const k of candidates) {
    try {
      if (keyOpens(file, k)) return k
    } catch {
      // The first page decrypted with this key but the file is damaged.
      throw new AppError('backup_invalid', { file })
    }
  }
  throw new AppError('backup_wrong_key', { file })
}

export interface PendingCorrection {
  uuid: string
  state: string
  populationKey: string
  /** Outbox state: pending, sent (answer not yet recorded), parked or conflict. */
  outbox: string
}

export interface BackupContents {
  file: string
  bytes: number
  modifiedAt: string
  snapshot: BackupSnapshot
  /** Corrections approved in the backup that the national side had not accepted then. */
  pending: PendingCorrection[]
  /** The backup opens with the database's current key (no new key to keep). */
  sameKey: boolean
}

const PENDING_LIMIT = 500

function pendingCorrections(db: Db): PendingCorrection[] {
  const has = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'outbox'")
    .get()
  if (!has) return []
  return db
    .prepare(
      `SELECT c.uuid, c.state, c.population_key AS populationKey, o.state AS outbox
       FROM outbox o JOIN correction c ON c.uuid = o.correction_uuid
       WHERE o.state <> 'done' ORDER BY o.hlc LIMIT ?`
    )
    .all(PENDING_LIMIT) as PendingCorrection[]
}

function problemOf(c: DatabaseCheck, file: string): AppError | null {
  if (c.schema === 'too_new')
    return new AppError('db_too_new', {
      found: c.snapshot.schemaVersion,
      supported: LATEST_VERSION
    })
  if (!c.ok) return new AppError('backup_invalid', { file })
  return null
}

/** Open the backup read-only and check it whole; its contents for the clerk to confirm. */
export function inspectBackup(
  file: string,
  key: Buffer | null,
  current?: Buffer | null
): BackupContents {
  const bytes = precheckBackupFile(file)
  let db: Db
  try {
    db = openDb(file, { key, readonly: true, migrate: false })
  } catch (e) {
    if (e instanceof AppError && e.code === 'db_too_new') throw e
    throw new AppError('backup_invalid', { file })
  }
  try {
    let check: DatabaseCheck
    try {
      check = checkDatabase(db)
    } catch {
      throw new AppError('backup_invalid', { file })
    }
    const problem = problemOf(check, file)
    if (problem) throw problem
    return {
      file,
      bytes,
      modifiedAt: statSync(file).mtime.toISOString(),
      snapshot: check.snapshot,
      pending: pendingCorrections(db),
      sameKey: key !== null && !!current && keyCheck(key) === keyCheck(current)
    }
  } finally {
    db.close()
  }
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** A second name for a file (a hard link), or a copy where the file system has no links. */
function keepAs(from: string, to: string): void {
  try {
    linkSync(from, to)
  } catch {
    copyFileSync(from, to)
  }
}

/**
 * Fold the WAL into the file and leave WAL mode, which only the sole connection can do: another
 * program holding the database is refused (`db_busy`). A database that does not open is left as it
 * is (WAL and all): it is kept aside whole.
 */
function settleOrRefuse(dbPath: string, key: Buffer | null): void {
  let db: Db
  try {
    db = openDb(dbPath, { key, migrate: false })
  } catch {
    return
  }
  try {
    db.pragma('busy_timeout = 200')
    let mode: unknown
    try {
      db.pragma('wal_checkpoint(TRUNCATE)')
      mode = db.pragma('journal_mode = DELETE', { simple: true })
    } catch (e) {
      if ((e as { code?: string }).code !== 'SQLITE_BUSY') return
      mode = 'busy'
    }
    if (mode !== 'delete') throw new AppError('db_busy', { path: dbPath })
  } finally {
    db.close()
  }
}

const stamp = (ms: number): string =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')

export interface RestoreOptions {
  /** The backup file. */
  file: string
  dbPath: string
  /** The key that opens the backup (backupKey). */
  key: Buffer | null
  /** The current database's key, when it could be unlocked (undefined: unknown or none). */
  currentKey?: Buffer | null
  actor: string
  now?: () => number
}

export interface RestoreResult {
  restored: BackupContents
  /** Where the database that was replaced is kept (null: there was none). */
  aside: string | null
  /** The backup of the replaced database made first (null: it could not be opened or written). */
  preBackup: string | null
  /** The data key changed: the recovery key of the backup's time is now the one to keep. */
  keyChanged: boolean
}

/**
 * Restore `file` over `dbPath`. The caller must hold no connection to `dbPath`. The current
 * database and its key file stay beside it as `<db>.before-restore-<time>` (they are never
 * deleted); the restored database is checked before it takes their place.
 */
export function restoreBackup(o: RestoreOptions): RestoreResult {
  const now = o.now ?? Date.now
  const dbPath = resolve(o.dbPath)
  const tmp = `${dbPath}.restore-${process.pid}`
  for (const f of [tmp, `${tmp}-journal`]) rmSync(f, { force: true })
  try {
    // Checked on the local copy, the one that will be used: a stick pulled out mid-copy shows here.
    copyFileSync(o.file, tmp)
    fsyncFile(tmp)
    const restored = { ...inspectBackup(tmp, o.key, o.currentKey), file: resolve(o.file) }

    // Nobody else may have the current database open (the app, `doisoat serve`): its file is about
    // to be replaced under them. Its WAL is folded in, so the copy kept aside is one file.
    if (existsSync(dbPath) && o.currentKey !== undefined) settleOrRefuse(dbPath, o.currentKey)

    // The current database, backed up first when it can be read (it may be the broken thing).
    let preBackup: string | null = null
    if (existsSync(dbPath) && o.currentKey !== undefined) {
      try {
        const before = backupBeforeChange(dbPath, 'restore', {
          key: o.currentKey,
          actor: o.actor,
          now
        })
        const db = openDb(dbPath, { key: o.currentKey, migrate: false })
        try {
          before.record(db)
        } finally {
          db.close()
        }
        preBackup = before.made.file
      } catch {
        preBackup = null
      }
    }

    // The key file holds both keys until the swap is done: whichever file is at dbPath after a
    // crash, its key is there. The new key comes with the wraps of the backup's key file, if it
    // went along; the caller then keeps it (keychain or a new passphrase, KeyStore.keep).
    const keyChanged =
      o.key !== null && !(o.currentKey && keyCheck(o.currentKey) === keyCheck(o.key))
    const keyPath = keyFilePath(dbPath)
    const keyBytes = existsSync(keyPath) ? readFileSync(keyPath) : null
    let current: KeyFile | null = null
    try {
      current = readKeyFile(dbPath)
    } catch {
      current = null // damaged: kept aside as it was, replaced below
    }
    let entry: KeyEntry | null = null
    if (o.key && keyChanged) {
      const check = keyCheck(o.key)
      let sidecar: KeyFile | null = null
      try {
        sidecar = readKeyFile(o.file)
      } catch {
        sidecar = null
      }
      const found = sidecar?.keys.find((k) => k.check === check)
      entry = found
        ? { ...found, pending: undefined, wraps: { ...found.wraps } }
        : { id: check.slice(0, 16), check, created: new Date(now()).toISOString(), wraps: {} }
      const keep = (current?.keys ?? []).filter((k) => k.check !== check)
      writeKeyFile(dbPath, { ...newKeyFile(entry), keys: [...keep, { ...entry, pending: true }] })
    }

    // The current database stays, under another name, with its WAL and its key file.
    let aside: string | null = null
    try {
      if (existsSync(dbPath)) {
        aside = `${dbPath}.before-restore-${stamp(now())}`
        keepAs(dbPath, aside)
        const wal = `${dbPath}-wal`
        if (existsSync(wal) && statSync(wal).size > 0) keepAs(wal, `${aside}-wal`)
        if (keyBytes) writeFileAtomicSync(keyFilePath(aside), keyBytes)
        fsyncDir(dirname(dbPath))
      }

      // No WAL of the old database may be read as the new one's.
      for (const f of [`${dbPath}-wal`, `${dbPath}-shm`]) rmSync(f, { force: true })
      renameSync(tmp, dbPath)
      fsyncDir(dirname(dbPath))
    } catch (e) {
      // The swap did not happen: the key file goes back to what it was.
      if (entry && keyBytes) writeFileAtomicSync(keyPath, keyBytes)
      throw e
    }
    if (entry) writeKeyFile(dbPath, newKeyFile(entry))
    if (o.key) setDatabaseKey(dbPath, o.key)

    const db = openDb(dbPath, { key: o.key, backupBeforeMigration: false })
    try {
      db.transaction(() =>
        appendAudit(db, {
          actor: o.actor,
          action: 'db/restore',
          at: new Date(now()).toISOString(),
          detail: {
            file: basename(o.file),
            snapshotAt: restored.snapshot.takenAt,
            lastAuditId: restored.snapshot.lastAudit?.id ?? null,
            aside: aside ? basename(aside) : null,
            preBackup: preBackup ? basename(preBackup) : null,
            keyChanged
          }
        })
      ).immediate()
    } finally {
      db.close()
    }
    return { restored, aside, preBackup, keyChanged }
  } finally {
    for (const f of [tmp, `${tmp}-journal`]) rmSync(f, { force: true })
  }
}
