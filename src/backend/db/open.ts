// Opening SQLite: the encryption key first, pragmas, migrations in one transaction, and the
// native binding for each host.
import { randomBytes } from 'node:crypto'
import { resolve } from 'node:path'
import Database from 'better-sqlite3'
import { AppError } from '../../shared/errors'
import { isPlainDatabaseFile } from './header'
import { checkNotInMaintenance } from './maintenance-lock'
import { LATEST_VERSION, MIGRATIONS } from './migrations'
import { backupBeforeChange } from '../backup/backup'

export { isPlainDatabaseFile }

export type Db = Database.Database

export interface OpenOptions {
  /** Open without migrating (read-only tools such as `db info`). */
  readonly?: boolean
  /** Apply migrations (default true unless readonly). */
  migrate?: boolean
  /**
   * The 256-bit data key. Left out: the key registered for this path (setDatabaseKey). `null`:
   * explicitly unencrypted, for tests and benchmarks that call allowPlainDatabases().
   */
  key?: Buffer | null
  /**
   * Back up a database that has data (schema 1 and up) before migrating it (default true). Off
   * for a database just restored from a backup: that backup is its copy.
   */
  backupBeforeMigration?: boolean
}

// `file:` names are read as URIs, so that the connections and worker threads of one process can
// share an in-memory database (memoryDatabaseName). better-sqlite3 reads this once, when its
// native module loads, i.e. at the first `new Database` (after this module has run).
process.env.SQLITE_USE_URI ??= '1'

/** SQLite's in-memory VFS refuses to grow a database past 1 GiB. */
export const MEMORY_DATABASE_MAX_BYTES = 1 << 30

/** Data keys of the databases this process has unlocked, by absolute path. Never written anywhere. */
const keys = new Map<string, Buffer>()
let plainAllowed = false

/** Remember the key of a database for every later openDb of it in this process. */
export function setDatabaseKey(path: string, key: Buffer): void {
  keys.set(resolve(path), Buffer.from(key))
}

/** Forget every key (tests that play several processes in one). */
export function forgetDatabaseKeys(): void {
  keys.clear()
}

export function databaseKey(path: string): Buffer | undefined {
  return keys.get(resolve(path))
}

/** Tests and benchmarks only: let openDb open a database without a key. The app never calls it. */
export function allowPlainDatabases(allowed = true): void {
  plainAllowed = allowed
}

/** Whether unencrypted databases may be opened here (tests and benchmarks only). */
export function plainDatabasesAllowed(): boolean {
  return plainAllowed
}

/**
 * SQLCipher 4 through SQLite3MultipleCiphers, keyed with the raw data key (no passphrase KDF
 * here: the key is random; the passphrase's scrypt lives in the key file). Must come before any
 * other statement. Temporary tables and sorts stay in memory: SQLite does not encrypt temp files.
 */
export function applyKey(db: Db, key: Buffer): void {
  if (key.length !== 32) throw new AppError('db_wrong_key', { path: db.name })
  db.pragma(`cipher = 'sqlcipher'`)
  db.pragma('legacy = 4')
  db.pragma(`key = "x'${key.toString('hex')}'"`)
  db.pragma('temp_store = MEMORY')
}

/** Read the schema: the first read that decrypts a page, so a wrong key fails here, clearly. */
function checkReadable(db: Db, path: string, keyed: boolean): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').pluck().get()
  } catch (e) {
    if ((e as { code?: string }).code !== 'SQLITE_NOTADB') throw e
    if (!keyed) throw new AppError('db_locked', { path })
    if (isPlainDatabaseFile(path)) throw new AppError('db_not_encrypted', { path })
    throw new AppError('db_wrong_key', { path })
  }
}

/**
 * Electron's main process sets DOISOAT_NATIVE_BINDING to the better-sqlite3 build made for
 * Electron's ABI; tests and the CLI run on Node and use the package's own build.
 */
export function nativeBinding(): string | undefined {
  return process.env.DOISOAT_NATIVE_BINDING || undefined
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

/**
 * A database that lives only in this process's memory: ':memory:', or a named one shared by the
 * connections (and worker threads) of this process, `file:/NAME?vfs=memdb`. Nothing of it
 * reaches a disk, so it has no key.
 */
export function isMemoryDatabase(path: string): boolean {
  return path === ':memory:' || path === '' || /^file:\/[^?]*\?(.*&)?vfs=memdb(&|$)/.test(path)
}

/** A fresh name for an in-memory database shared by this process's connections and threads. */
export function memoryDatabaseName(label: string): string {
  return `file:/doisoat-${label}-${process.pid}-${randomBytes(6).toString('hex')}?vfs=memdb`
}

export function openDb(path: string, options: OpenOptions = {}): Db {
  const memory = isMemoryDatabase(path)
  const key = options.key !== undefined ? options.key : memory ? null : databaseKey(path)
  if (key === undefined && !plainAllowed) throw new AppError('db_locked', { path })
  if (!memory) checkNotInMaintenance(path)
  let db: Db
  try {
    db = new Database(path, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
      nativeBinding: nativeBinding()
    })
  } catch (e) {
    throw new AppError('db_open_failed', { path, detail: (e as Error).message })
  }
  try {
    if (key) applyKey(db, key)
    checkReadable(db, path, !!key)
    const found = schemaVersion(db)
    if (found > LATEST_VERSION) {
      throw new AppError('db_too_new', { found, supported: LATEST_VERSION })
    }
    if (!options.readonly) {
      db.pragma('journal_mode = WAL')
      db.pragma('synchronous = NORMAL')
    }
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    if (!options.readonly && options.migrate !== false) {
      const before =
        !memory && options.backupBeforeMigration !== false && found > 0 && found < LATEST_VERSION
          ? backupBeforeChange(path, 'migration', { key: key ?? null, actor: 'app' })
          : null
      migrate(db)
      before?.record(db)
    }
    // Checked again once open: a rewrite that began meanwhile either saw this connection (and
    // refused to swap) or left its lock for this check to find.
    if (!memory) checkNotInMaintenance(path)
    return db
  } catch (e) {
    db.close()
    throw e
  }
}

/** Apply every pending migration in one transaction; a failure leaves the database as it was. */
export function migrate(db: Db, target = LATEST_VERSION): number {
  const current = schemaVersion(db)
  if (current > LATEST_VERSION)
    throw new AppError('db_too_new', { found: current, supported: LATEST_VERSION })
  const pending = MIGRATIONS.filter((m) => m.version > current && m.version <= target)
  if (pending.length === 0) return current
  // SQLite changes a CHECK by rebuilding the table; with foreign keys on, dropping the old table
  // would cascade into its children. The pragma cannot change inside a transaction: it is set
  // around it, and the rebuilt tables' references are checked before the commit instead.
  const check = pending.flatMap((m) => m.foreignKeyCheck ?? [])
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1
  if (check.length > 0 && enforced) db.pragma('foreign_keys = OFF')
  try {
    db.transaction(() => {
      for (const m of pending) {
        db.exec(m.sql)
        db.pragma(`user_version = ${m.version}`)
      }
      for (const table of check) {
        const broken = db.pragma(`foreign_key_check(${table})`) as unknown[]
        if (broken.length > 0)
          throw new Error(`migration left ${broken.length} broken references in ${table}`)
      }
    }).immediate()
  } finally {
    if (check.length > 0 && enforced) db.pragma('foreign_keys = ON')
  }
  return schemaVersion(db)
}
