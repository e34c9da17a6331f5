// Writing output files all or nothing: a temporary file in the same folder, fsync, rename over the
// target; on any failure the temporary file is removed and the target is left as it was.
import { randomBytes } from 'node:crypto'
import {
  closeSync,
  createWriteStream,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats
} from 'node:fs'
import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { AppError } from '../../shared/errors'

/** What can be streamed to a file: a readable stream, or chunks produced one at a time. */
export type Chunks = Readable | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>

/** Outputs hold personal data or keys: readable by their owner only. */
const MODE = 0o600

/** A hidden name beside the target: same folder (so rename is atomic), never one in use. */
export function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path)
  } catch {
    return null
  }
}

/**
 * A failed write as a message for people: where it went wrong and what to do, never the system's
 * own text. `path` is the file the user asked for, not the temporary one.
 */
export function writeError(e: unknown, path: string): AppError {
  if (e instanceof AppError) return e
  const code = (e as NodeJS.ErrnoException).code
  const folder = dirname(path)
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new AppError('out_folder_missing', { path, folder })
    case 'EISDIR':
      return new AppError('out_is_folder', { path })
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new AppError('out_not_writable', { path, folder })
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return new AppError('disk_full', { path })
    default:
      return new AppError('write_failed', { path, code: code ?? 'EIO' })
  }
}

/** Refuse a target that is a folder before anything is written. */
function checkTarget(path: string): Stats | null {
  const st = statOrNull(path)
  if (st?.isDirectory()) throw new AppError('out_is_folder', { path })
  return st
}

/**
 * Whether `path` can be written at all (its folder exists, it is no folder itself): checked
 * before long work whose result goes there, so a typo costs a second, not the whole run.
 */
export function checkOutputPath(path: string): void {
  const target = checkTarget(path)
  if (target) return
  const folder = statOrNull(dirname(path))
  if (!folder?.isDirectory())
    throw new AppError('out_folder_missing', { path, folder: dirname(path) })
}

/** Flush a file written through a stream to the disk. */
export async function fsyncFile(path: string): Promise<void> {
  const h = await open(path, 'r+')
  try {
    await h.sync()
  } finally {
    await h.close()
  }
}

async function fsyncDirAsync(dir: string): Promise<void> {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return
  const h = await open(dir, 'r')
  try {
    await h.sync()
  } finally {
    await h.close()
  }
}

const asReadable = (source: Chunks): Readable =>
  source instanceof Readable ? source : Readable.from(source, { objectMode: false })

/**
 * Stream `source` into `path`. The file appears complete or not at all: a missing folder, a full
 * disk or an error of the source leaves no file (and an older file at `path` untouched). A target
 * that is a device or a pipe (/dev/stdout) is written directly, with the same errors.
 */
export async function writeStreamAtomic(path: string, source: Chunks): Promise<void> {
  const target = checkTarget(path)
  if (target && !target.isFile()) {
    try {
      await pipeline(asReadable(source), createWriteStream(path, { flags: 'w' }))
      return
    } catch (e) {
      throw writeError(e, path)
    }
  }
  const tmp = tempPath(path)
  try {
    await pipeline(asReadable(source), createWriteStream(tmp, { flags: 'wx', mode: MODE }))
    await fsyncFile(tmp)
    await rename(tmp, path)
    await fsyncDirAsync(dirname(path))
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined)
    throw writeError(e, path)
  }
}

/** `writeStreamAtomic` for data already in memory. */
export function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  return writeStreamAtomic(path, [typeof data === 'string' ? Buffer.from(data, 'utf8') : data])
}

export function fsyncDir(dir: string): void {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return
  const fd = openSync(dir, 'r')
  try {
    fsyncSync(fd)
  } catch (e) {
    // Some network shares and FUSE file systems cannot sync a folder: the file itself was synced.
    if (!['EINVAL', 'ENOTSUP', 'EOPNOTSUPP'].includes((e as { code?: string }).code ?? '')) throw e
  } finally {
    closeSync(fd)
  }
}

/** The synchronous form, for small files written between two synchronous steps (key files). */
export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  checkTarget(path)
  const tmp = tempPath(path)
  try {
    const fd = openSync(tmp, 'wx', MODE)
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
      let off = 0
      while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(tmp, path)
    fsyncDir(dirname(path))
  } catch (e) {
    rmSync(tmp, { force: true })
    throw writeError(e, path)
  }
}
