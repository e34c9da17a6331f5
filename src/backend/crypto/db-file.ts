// Whole-file operations on a database: encrypt a clear one, change the key of an encrypted one.
// Both write a new file beside the old one, check it, fsync it and rename it over: a failure at
// any step leaves the original as it was.
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  renameSync,
  rmSync
} from 'node:fs'
import Database from 'better-sqlite3'
import { AppError } from '../../shared/errors'
import { applyKey, isPlainDatabaseFile, nativeBinding, openDb, type Db } from '../db/open'
import { fsyncDir } from '../files/write-atomic'
import { dirname } from 'node:path'

/** True when `key` opens the database at `path`. */
export function keyOpens(path: string, key: Buffer): boolean {
  try {
    openDb(path, { key, readonly: true, migrate: false }).close()
    return true
  } catch (e) {
    if (e instanceof AppError && (e.code === 'db_wrong_key' || e.code === 'db_not_encrypted'))
      return false
    throw e
  }
}

/** Fold the WAL into the file and leave WAL mode, so the file alone holds the whole database. */
function settle(path: string, key: Buffer | null): void {
  const db = openDb(path, { key, migrate: false })
  try {
    db.pragma('busy_timeout = 200')
    db.pragma('wal_checkpoint(TRUNCATE)')
    // WAL mode can be left only by the one connection: another process still has it open.
    if (db.pragma('journal_mode = DELETE', { simple: true }) !== 'delete')
      throw new AppError('db_busy', { path })
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_BUSY') throw new AppError('db_busy', { path })
    throw e
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

/** Copy `path`, run `change` on the copy, check it opens with `newKey`, then swap it in. */
function rewrite(path: string, oldKey: Buffer | null, newKey: Buffer, change: (db: Db) => void) {
  const tmp = `${path}.rekey-${process.pid}`
  for (const f of [tmp, `${tmp}-journal`]) rmSync(f, { force: true })
  try {
    settle(path, oldKey)
    copyFileSync(path, tmp)
    const db = new Database(tmp, { nativeBinding: nativeBinding() })
    try {
      if (oldKey) applyKey(db, oldKey)
      else {
        db.pragma(`cipher = 'sqlcipher'`)
        db.pragma('legacy = 4')
      }
      change(db)
    } finally {
      db.close()
    }
    const check = openDb(tmp, { key: newKey, migrate: false })
    try {
      const ok = check.pragma('quick_check', { simple: true })
      if (ok !== 'ok') throw new AppError('db_open_failed', { path: tmp, detail: String(ok) })
      check.pragma('journal_mode = WAL')
    } finally {
      check.close()
    }
    fsyncFile(tmp)
    // No WAL or shared-memory file of the old database may outlive it next to the new one.
    for (const f of [`${path}-wal`, `${path}-shm`]) rmSync(f, { force: true })
    renameSync(tmp, path)
    fsyncDir(dirname(path))
  } finally {
    for (const f of [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true })
  }
}

/** Encrypt an unencrypted database with `key`, atomically. The caller must hold no connection. */
export function encryptPlainDatabase(path: string, key: Buffer): void {
  if (!existsSync(path)) throw new AppError('file_not_found', { path })
  if (!isPlainDatabaseFile(path)) throw new AppError('db_already_encrypted', { path })
  rewrite(path, null, key, (db) => {
    db.pragma(`rekey = "x'${key.toString('hex')}'"`)
  })
}

/** Re-encrypt a database from `oldKey` to `newKey`, atomically. The caller must hold no connection. */
export function rekeyDatabase(path: string, oldKey: Buffer, newKey: Buffer): void {
  if (!existsSync(path)) throw new AppError('file_not_found', { path })
  rewrite(path, oldKey, newKey, (db) => {
    db.pragma(`rekey = "x'${newKey.toString('hex')}'"`)
  })
}
