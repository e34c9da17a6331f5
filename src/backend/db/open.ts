// Opening SQLite: pragmas, migrations in one transaction, and the native binding for each host.
import Database from 'better-sqlite3'
import { AppError } from '../../shared/errors'
import { LATEST_VERSION, MIGRATIONS } from './migrations'

export type Db = Database.Database

export interface OpenOptions {
  /** Open without migrating (read-only tools such as `db info`). */
  readonly?: boolean
  /** Apply migrations (default true unless readonly). */
  migrate?: boolean
}

/**
 * Electron's main process sets DOISOAT_NATIVE_BINDING to the better-sqlite3 build made for
 * Electron's ABI; tests and the CLI run on Node and use the package's own build.
 */
function nativeBinding(): string | undefined {
  return process.env.DOISOAT_NATIVE_BINDING || undefined
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

export function openDb(path: string, options: OpenOptions = {}): Db {
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
    if (!options.readonly && options.migrate !== false) migrate(db)
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
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql)
      db.pragma(`user_version = ${m.version}`)
    }
  }).immediate()
  return schemaVersion(db)
}
