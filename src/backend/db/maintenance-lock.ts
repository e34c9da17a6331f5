// The lock a database holds while its file is rewritten (encrypt, rekey): a lock file beside it,
// created exclusively, naming the process; other processes refuse to open or unlock the database
// while that process lives, so none writes to a file about to be replaced.
import { closeSync, fsyncSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { resolve } from 'node:path'
import { AppError } from '../../shared/errors'

export const maintenanceLockPath = (dbPath: string): string => `${dbPath}.lock`

/** Databases this process holds the lock of: its own opens go through. */
const held = new Set<string>()

interface Holder {
  pid: number
  host: string
}

function readHolder(path: string): Holder | null {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return null
  }
  try {
    const h = JSON.parse(text) as Partial<Holder>
    return typeof h.pid === 'number' && typeof h.host === 'string'
      ? { pid: h.pid, host: h.host }
      : null
  } catch {
    return null
  }
}

/** Whether the lock's process still runs (another machine's lock, on a shared folder, is kept). */
function alive(h: Holder): boolean {
  if (h.host !== hostname()) return true
  try {
    process.kill(h.pid, 0)
    return true
  } catch (e) {
    // EPERM: it runs, under another account.
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Refuse when another live process is rewriting the database's file. */
export function checkNotInMaintenance(dbPath: string): void {
  if (held.has(resolve(dbPath))) return
  const h = readHolder(maintenanceLockPath(dbPath))
  if (!h || (h.pid === process.pid && h.host === hostname()) || !alive(h)) return
  throw new AppError('db_maintenance', { path: dbPath, pid: h.pid })
}

function take(dbPath: string): boolean {
  const path = maintenanceLockPath(dbPath)
  let fd: number
  try {
    fd = openSync(path, 'wx', 0o600)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw e
  }
  try {
    writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), at: new Date() }))
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  return true
}

/**
 * Run `work` holding the database's maintenance lock. A lock left by a process that has died (a
 * crash mid-rekey) is taken over; a live one is a clear refusal.
 */
export function withMaintenanceLock<T>(dbPath: string, work: () => T): T {
  const path = maintenanceLockPath(dbPath)
  if (!take(dbPath)) {
    const h = readHolder(path)
    if (h && alive(h)) throw new AppError('db_maintenance', { path: dbPath, pid: h.pid })
    rmSync(path, { force: true })
    if (!take(dbPath)) throw new AppError('db_maintenance', { path: dbPath, pid: h?.pid ?? 0 })
  }
  const key = resolve(dbPath)
  held.add(key)
  try {
    return work()
  } finally {
    held.delete(key)
    rmSync(path, { force: true })
  }
}
