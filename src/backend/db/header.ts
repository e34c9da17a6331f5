// The first bytes of a database file: clear SQLite or not (fs only, so Electron's main can ask too).
import { closeSync, openSync, readSync } from 'node:fs'

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

/** True when the file starts with SQLite's clear-text header (an unencrypted database). */
export function isPlainDatabaseFile(path: string): boolean {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    return false
  }
  try {
    const head = Buffer.alloc(16)
    return readSync(fd, head, 0, 16, 0) === 16 && head.equals(SQLITE_HEADER)
  } finally {
    closeSync(fd)
  }
}
