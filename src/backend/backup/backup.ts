// Online backups: a snapshot of the database copied page by page by SQLite's backup API while the
// app keeps working, encrypted under the same data key, written under a temporary name in the
// target folder, checked (integrity, audit chain, counts), fsynced, and only then given its own
// name beside the older ones; then logged, audited and rotated. A killed or failing backup leaves
// at most a temporary file: it never replaces or removes a good backup.
import { cppdb } from 'better-sqlite3/lib/util'
import Database from 'better-sqlite3'
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import { basename, dirname, isAbsolute, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import {
  backupFileName,
  DEFAULT_ROTATION,
  nameLabel,
  planRotation,
  type RotationPolicy
} from '../../core/backup/rotation'
import type { BackupReasonName } from '../../shared/api'
import { AppError, ERROR_CODES, type ErrorCode } from '../../shared/errors'
import { appendAudit } from '../audit/audit'
import { keyCheck, keyFilePath, readKeyFile } from '../crypto/key-file'
import { fsyncDir, writeFileAtomicSync } from '../files/write-atomic'
import { applyKey, databaseKey, nativeBinding, openDb, type Db } from '../db/open'
import { checkDatabase, snapshotDifference, takeSnapshot, type BackupSnapshot } from './check'

export type BackupReason = BackupReasonName

export { BACKUP_ACTOR } from '../../shared/api'

export const DEFAULT_KEEP_LAST = DEFAULT_ROTATION.keepLast
export const DEFAULT_INTERVAL_HOURS = 24
/** Pages copied per step (about 1 MB): between steps the backup thread hears a cancel. */
const PAGES_PER_STEP = 256

/** Until an admin chooses a folder (a USB stick, a network share): beside the database. */
export function defaultBackupFolder(dbPath: string): string {
  return join(dirname(resolve(dbPath)), 'doisoat-backups')
}

export interface BackupSettings {
  folder: string
  /** False while the default folder beside the database is used. */
  chosen: boolean
  keepLast: number
  intervalHours: number
  /** The daily (or other interval) scheduled backup. */
  enabled: boolean
}

const hasTable = (db: Db, name: string): boolean =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(name) !==
  undefined

export function backupSettings(db: Db, dbPath: string): BackupSettings {
  const rows = hasTable(db, 'backup_setting')
    ? (db.prepare('SELECT key, value FROM backup_setting').all() as {
        key: string
        value: string
      }[])
    : []
  const v = Object.fromEntries(rows.map((r) => [r.key, r.value]))
  const int = (s: string | undefined, d: number): number =>
    s !== undefined && /^\d+$/.test(s) ? Number(s) : d
  return {
    folder: v.folder ?? defaultBackupFolder(dbPath),
    chosen: v.folder !== undefined,
    keepLast: int(v.keep_last, DEFAULT_KEEP_LAST),
    intervalHours: int(v.interval_hours, DEFAULT_INTERVAL_HOURS),
    enabled: v.enabled !== '0'
  }
}

export function saveBackupSettings(
  db: Db,
  s: Partial<Pick<BackupSettings, 'folder' | 'keepLast' | 'intervalHours' | 'enabled'>>
): void {
  const set = db.prepare(
    'INSERT INTO backup_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'
  )
  db.transaction(() => {
    if (s.folder !== undefined) set.run('folder', resolve(s.folder))
    if (s.keepLast !== undefined) set.run('keep_last', String(s.keepLast))
    if (s.intervalHours !== undefined) set.run('interval_hours', String(s.intervalHours))
    if (s.enabled !== undefined) set.run('enabled', s.enabled ? '1' : '0')
  }).immediate()
}

/** A folder a backup can be written to: it exists, and a file can be made in it. */
export function checkBackupFolder(folder: string): void {
  if (!isAbsolute(folder)) throw new AppError('backup_folder_missing', { folder })
  let dir = false
  try {
    dir = statSync(folder).isDirectory()
  } catch {
    dir = false
  }
  if (!dir) throw new AppError('backup_folder_missing', { folder })
  // access(W_OK) says yes to root whatever the permissions: only writing tells.
  const probe = join(folder, `.doisoat-probe-${process.pid}-${randomBytes(4).toString('hex')}`)
  try {
    writeFileSync(probe, '', { flag: 'wx' })
  } catch (e) {
    throw writeError(e, folder)
  }
  rmSync(probe, { force: true })
}

/** A file-system or SQLite write error, as the clerk can act on it. */
function writeError(e: unknown, folder: string): AppError {
  if (e instanceof AppError) return e
  const code = String((e as { code?: string }).code ?? '')
  const notWritable = ['EACCES', 'EPERM', 'EROFS', 'SQLITE_CANTOPEN', 'SQLITE_READONLY']
  if (notWritable.some((c) => code.startsWith(c)))
    return new AppError('backup_folder_not_writable', { folder })
  if (code === 'ENOENT') return new AppError('backup_folder_missing', { folder })
  const detail = e instanceof Error ? e.message : String(e)
  return new AppError('backup_write_failed', { folder, detail })
}

// ---- the copy ---------------------------------------------------------------------------------

interface NativeBackup {
  transfer(pages: number): { totalPages: number; remainingPages: number }
  close(): void
}
type NativeDb = { backup(db: Db, attached: string, dest: string, unlink: boolean): NativeBackup }

/**
 * A destination keyed like the source. better-sqlite3's `backup()` opens its destination without
 * a key, which SQLite3MultipleCiphers refuses (it never writes an encrypted database out in the
 * clear); so the destination is a URI carrying the cipher and key, given to the same native
 * backup call that `backup()` makes (its JS wrapper cannot take a URI: it checks the folder as a
 * path). The key stays in this process's memory, as it already does for every connection.
 */
function destinationUri(path: string, key: Buffer | null): string {
  const url = pathToFileURL(path).href
  if (!key) return url
  return `${url}?cipher=sqlcipher&legacy=4&key=${encodeURIComponent(`x'${key.toString('hex')}'`)}`
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

const TMP_TAG = `.tmp-${nameLabel(hostname())}-`

/** Temporary files a killed backup of this machine left behind (its process is gone). */
function removeStaleTemporaries(folder: string): void {
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch {
    return
  }
  for (const n of names) {
    const i = n.indexOf(TMP_TAG)
    if (!n.startsWith('doisoat-') || i < 0) continue
    const pid = Number(/^\d+/.exec(n.slice(i + TMP_TAG.length))?.[0])
    if (!Number.isSafeInteger(pid) || pid === process.pid) continue
    try {
      process.kill(pid, 0)
      continue // still running: another backup in progress
    } catch (e) {
      if ((e as { code?: string }).code === 'EPERM') continue
    }
    rmSync(join(folder, n), { force: true })
  }
}

/** Give `tmp` the name `final` without ever replacing a file of that name. */
function moveNoReplace(tmp: string, final: string): void {
  try {
    linkSync(tmp, final)
    rmSync(tmp, { force: true })
    return
  } catch (e) {
    const code = (e as { code?: string }).code
    // FAT and some network shares have no hard links: check, then rename.
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK'].includes(code ?? ''))
      throw e
  }
  if (existsSync(final)) throw Object.assign(new Error(`${final} exists`), { code: 'EEXIST' })
  renameSync(tmp, final)
}

export interface BackupRequest {
  dbPath: string
  folder: string
  /** The data key; left out: the key registered for dbPath (null: an unencrypted test database). */
  key?: Buffer | null
  now?: () => number
  /** Pages per step (-1: the whole database in one step, as the synchronous backups do). */
  pagesPerStep?: number
}

export interface BackupMade {
  /** Absolute path of the backup. */
  file: string
  /** The key file that went along (the key wrapped as it already was), or null. */
  keyFile: string | null
  bytes: number
  snapshot: BackupSnapshot
  startedAt: string
  finishedAt: string
}

interface Step {
  done: number
  total: number
}

function* copySteps(req: BackupRequest): Generator<Step, BackupMade, void> {
  const now = req.now ?? Date.now
  const folder = resolve(req.folder)
  const dbPath = resolve(req.dbPath)
  const key = req.key !== undefined ? req.key : (databaseKey(dbPath) ?? null)
  checkBackupFolder(folder)
  removeStaleTemporaries(folder)
  const startedAt = new Date(now()).toISOString()

  // A connection of its own, holding one read transaction from the snapshot to the last page:
  // writers carry on (WAL), and the copy is of that one moment, never restarted by their commits.
  const src = openDb(dbPath, { key, migrate: false })
  let tmp: string | null = null
  let backup: NativeBackup | null = null
  try {
    src.exec('BEGIN')
    const snapshot = takeSnapshot(src, new Date(now()).toISOString())
    const label = snapshot.commune ?? basename(dbPath).replace(/\.[^.]*$/, '')
    const at = new Date(Date.parse(snapshot.takenAt))
    let name = backupFileName(label, at)
    for (
      let seq = 2;
      existsSync(join(folder, name)) || existsSync(keyFilePath(join(folder, name)));
      seq++
    )
      name = backupFileName(label, at, seq)
    const final = join(folder, name)
    tmp = `${final}${TMP_TAG}${process.pid}`
    for (const f of [tmp, `${tmp}-journal`]) rmSync(f, { force: true })

    try {
      backup = (src as unknown as Record<symbol, NativeDb>)[cppdb]!.backup(
        src,
        'main',
        destinationUri(tmp, key),
        true
      )
    } catch (e) {
      throw writeError(e, folder)
    }
    const pages = req.pagesPerStep ?? PAGES_PER_STEP
    for (;;) {
      let p: { totalPages: number; remainingPages: number }
      try {
        p = backup.transfer(pages)
      } catch (e) {
        throw writeError(e, folder)
      }
      if (p.remainingPages === 0) break
      yield { done: p.totalPages - p.remainingPages, total: p.totalPages }
    }
    backup.close()
    backup = null
    src.exec('COMMIT')

    // The copy is checked as a restore would find it: a single file (no WAL), whole, its audit
    // chain intact, and the same rows as the snapshot.
    const copy = new Database(tmp, { nativeBinding: nativeBinding() })
    let problem: string | null = null
    try {
      if (key) applyKey(copy, key)
      copy.pragma('journal_mode = DELETE')
      const check = checkDatabase(copy, snapshot.takenAt)
      if (check.integrity.join() !== 'ok') problem = `integrity: ${check.integrity[0]}`
      else if (check.schema !== 'ok') problem = `schema: ${check.unexpected.slice(0, 3).join(', ')}`
      else if (!check.audit.ok) problem = `audit chain: event ${check.audit.brokenAt}`
      else problem = snapshotDifference(snapshot, check.snapshot)
    } catch (e) {
      if (e instanceof AppError) throw e
      const code = String((e as { code?: string }).code ?? '')
      if (/^SQLITE_(FULL|IOERR|CANTOPEN|READONLY)/.test(code)) throw writeError(e, folder)
      problem = e instanceof Error ? e.message : String(e)
    } finally {
      copy.close()
    }
    if (problem !== null) throw new AppError('backup_verify_failed', { folder, detail: problem })

    let keyFile: string | null = null
    let placed = false
    try {
      fsyncFile(tmp)
      moveNoReplace(tmp, final)
      placed = true
      tmp = null
      fsyncDir(folder)
      // The key file goes along, wrapped as it is: the passphrase (or this machine's keychain)
      // opens the backup as it opens the database; the recovery key needs no file at all.
      const keys = key ? readKeyFileQuietly(dbPath) : null
      const entry = key && keys?.keys.find((k) => k.check === keyCheck(key))
      if (keys && entry) {
        keyFile = keyFilePath(final)
        const file = { ...keys, keys: [{ ...entry, pending: undefined }] }
        writeFileAtomicSync(keyFile, `${JSON.stringify(file, null, 2)}\n`)
      }
    } catch (e) {
      // Not whole without its key file: this backup is taken back (never a file it did not make).
      if (placed) rmSync(final, { force: true })
      if (keyFile) rmSync(keyFile, { force: true })
      throw writeError(e, folder)
    }
    return {
      file: final,
      keyFile,
      bytes: statSync(final).size,
      snapshot,
      startedAt,
      finishedAt: new Date(now()).toISOString()
    }
  } finally {
    // Closing an unfinished native backup deletes its destination (it created the file).
    if (backup) backup.close()
    if (src.inTransaction) src.exec('ROLLBACK')
    src.close()
    if (tmp) for (const f of [tmp, `${tmp}-journal`]) rmSync(f, { force: true })
  }
}

function readKeyFileQuietly(dbPath: string): ReturnType<typeof readKeyFile> {
  try {
    return readKeyFile(dbPath)
  } catch {
    return null // a damaged key file is not the backup's business: the recovery key opens it
  }
}

/** A backup in one step, for the moments nothing else runs (before a migration, a rekey). */
export function makeBackupSync(req: BackupRequest): BackupMade {
  const it = copySteps({ ...req, pagesPerStep: req.pagesPerStep ?? -1 })
  for (;;) {
    const r = it.next()
    if (r.done) return r.value
  }
}

export interface AsyncBackupRequest extends BackupRequest {
  signal?: AbortSignal
  progress?: (done: number, total: number) => void
  /**
   * Milliseconds to wait between steps (default none): spreads a backup over time, sparing a
   * slow stick bursts; the kill test uses it to catch a backup in the middle of its copy.
   */
  pauseMs?: number
}

/** What the main thread hands the backup thread (keys cannot cross as registered state). */
export interface BackupJob {
  dbPath: string
  folder: string
  keyHex: string | null
  /** The caller's clock minus the wall clock: a test's clock holds in the thread too. */
  clockOffset: number
  pagesPerStep?: number
  pauseMs: number
}

export type BackupThreadMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; made: BackupMade }
  | {
      type: 'error'
      /** An AppError's code and params, or another error's code (SQLITE_FULL, EIO...) and message. */
      error: { code?: string; params?: Record<string, string | number>; message?: string }
    }

/** In the backup thread: the copy in steps, a 'cancel' message heard between them. */
export async function runBackupJob(
  job: BackupJob,
  post: (m: BackupThreadMessage) => void,
  cancelled: () => boolean
): Promise<void> {
  const it = copySteps({
    dbPath: job.dbPath,
    folder: job.folder,
    key: job.keyHex === null ? null : Buffer.from(job.keyHex, 'hex'),
    now: () => Date.now() + job.clockOffset,
    pagesPerStep: job.pagesPerStep
  })
  try {
    for (;;) {
      const r = it.next()
      if (r.done) return post({ type: 'done', made: r.value })
      post({ type: 'progress', done: r.value.done, total: r.value.total })
      await new Promise((res) =>
        job.pauseMs > 0 ? setTimeout(res, job.pauseMs) : setImmediate(res)
      )
      if (cancelled()) throw new AppError('job_cancelled')
    }
  } catch (e) {
    post({
      type: 'error',
      error:
        e instanceof AppError
          ? { code: e.code, params: e.params }
          : {
              code: (e as { code?: string }).code,
              message: e instanceof Error ? e.message : String(e)
            }
    })
  } finally {
    it.return(undefined as never)
  }
}

const isErrorCode = (code: string | undefined): code is ErrorCode =>
  (ERROR_CODES as readonly string[]).includes(code ?? '')

function workerFile(): string {
  // From sources (CLI, tests) a .cjs bootstrap loads tsx; the app bundle ships a built worker.
  if (__filename.endsWith('.ts')) return join(__dirname, 'backup-worker.cjs')
  return join(__dirname, 'backup-worker.js')
}

/**
 * A backup on a thread of its own: its connection holds the snapshot, copies, then checks the
 * copy (integrity, audit chain, counts: seconds for a large database) while this thread, the
 * app's, goes on answering.
 */
export function makeBackup(req: AsyncBackupRequest): Promise<BackupMade> {
  const key = req.key !== undefined ? req.key : (databaseKey(req.dbPath) ?? null)
  const job: BackupJob = {
    dbPath: resolve(req.dbPath),
    folder: resolve(req.folder),
    keyHex: key ? key.toString('hex') : null,
    clockOffset: (req.now ?? Date.now)() - Date.now(),
    pagesPerStep: req.pagesPerStep,
    pauseMs: req.pauseMs ?? 0
  }
  const worker = new Worker(workerFile(), { workerData: job })
  return new Promise<BackupMade>((resolvePromise, reject) => {
    let settled = false
    const settle = (f: () => void): void => {
      if (settled) return
      settled = true
      req.signal?.removeEventListener('abort', cancel)
      f()
    }
    const cancel = (): void => worker.postMessage('cancel')
    req.signal?.addEventListener('abort', cancel)
    if (req.signal?.aborted) cancel()
    worker.on('message', (m: BackupThreadMessage) => {
      if (m.type === 'progress') req.progress?.(m.done, m.total)
      else if (m.type === 'done') settle(() => resolvePromise(m.made))
      else
        settle(() =>
          reject(
            isErrorCode(m.error.code)
              ? new AppError(m.error.code, m.error.params ?? {})
              : Object.assign(new Error(m.error.message ?? 'backup failed'), {
                  code: m.error.code
                })
          )
        )
    })
    worker.on('error', (e) => settle(() => reject(e)))
    worker.on('exit', (code) =>
      settle(() =>
        reject(
          new AppError('backup_write_failed', { folder: job.folder, detail: `thread exit ${code}` })
        )
      )
    )
  })
}

// ---- log, audit, rotation ---------------------------------------------------------------------

export interface BackupLogEntry {
  id: number
  reason: BackupReason
  startedAt: string
  finishedAt: string
  actor: string
  folder: string
  file: string | null
  ok: boolean
  errorCode: ErrorCode | null
  bytes: number | null
  snapshot: BackupSnapshot | null
  removedAt: string | null
}

interface LogRow {
  id: number
  reason: BackupReason
  started_at: string
  finished_at: string
  actor: string
  folder: string
  file: string | null
  ok: number
  error_code: ErrorCode | null
  bytes: number | null
  snapshot_json: string | null
  removed_at: string | null
}

const entry = (r: LogRow): BackupLogEntry => ({
  id: r.id,
  reason: r.reason,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  actor: r.actor,
  folder: r.folder,
  file: r.file,
  ok: r.ok === 1,
  errorCode: r.error_code,
  bytes: r.bytes,
  snapshot: r.snapshot_json ? (JSON.parse(r.snapshot_json) as BackupSnapshot) : null,
  removedAt: r.removed_at
})

export function lastGoodBackup(db: Db): BackupLogEntry | null {
  if (!hasTable(db, 'backup_log')) return null
  const r = db.prepare('SELECT * FROM backup_log WHERE ok = 1 ORDER BY id DESC LIMIT 1').get() as
    LogRow | undefined
  return r ? entry(r) : null
}

/** The last failed backup, when it came after the last good one. */
export function lastFailedBackup(db: Db): BackupLogEntry | null {
  if (!hasTable(db, 'backup_log')) return null
  const r = db
    .prepare(
      `SELECT * FROM backup_log WHERE ok = 0
         AND id > coalesce((SELECT max(id) FROM backup_log WHERE ok = 1), 0)
       ORDER BY id DESC LIMIT 1`
    )
    .get() as LogRow | undefined
  return r ? entry(r) : null
}

export function backupLog(db: Db, limit = 50): BackupLogEntry[] {
  if (!hasTable(db, 'backup_log')) return []
  return (
    db.prepare('SELECT * FROM backup_log ORDER BY id DESC LIMIT ?').all(limit) as LogRow[]
  ).map(entry)
}

interface Outcome {
  reason: BackupReason
  actor: string
  folder: string
  startedAt: string
  finishedAt: string
  made?: BackupMade
  error?: AppError
}

/** Log a backup (good or not) and audit a good one, in one transaction. */
export function recordBackup(db: Db, o: Outcome): number {
  const folder = resolve(o.folder)
  return db
    .transaction(() => {
      const id = db
        .prepare(
          `INSERT INTO backup_log (reason, started_at, finished_at, actor, folder, file, ok, error_code,
             error_detail, bytes, snapshot_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
        )
        .run(
          o.reason,
          o.startedAt,
          o.finishedAt,
          o.actor,
          folder,
          o.made ? basename(o.made.file) : null,
          o.made ? 1 : 0,
          o.error?.code ?? null,
          o.error?.params.detail === undefined ? null : String(o.error.params.detail),
          o.made?.bytes ?? null,
          o.made ? JSON.stringify(o.made.snapshot) : null
        ).lastInsertRowid as number
      if (o.made)
        appendAudit(db, {
          actor: o.actor,
          action: 'backup/create',
          entity: 'backup_log',
          entityId: id,
          at: o.finishedAt,
          detail: {
            file: basename(o.made.file),
            folder,
            reason: o.reason,
            bytes: o.made.bytes,
            snapshotAt: o.made.snapshot.takenAt,
            lastAuditId: o.made.snapshot.lastAudit?.id ?? null
          }
        })
      return id
    })
    .immediate()
}

/**
 * Remove what the policy no longer keeps, among the good backups this database made in `folder`
 * (right after a backup was written there, so the folder is reachable). A backup whose file is
 * gone (deleted by hand, or by an earlier try of this) is marked removed too, so a retry ends the
 * same. Returns the files removed.
 */
export function rotateBackups(
  db: Db,
  folder: string,
  now: number,
  policy: RotationPolicy = DEFAULT_ROTATION
): string[] {
  const rows = (
    db
      .prepare(
        'SELECT * FROM backup_log WHERE ok = 1 AND removed_at IS NULL AND folder = ? ORDER BY id'
      )
      .all(resolve(folder)) as LogRow[]
  ).map(entry)
  const gone = rows.filter((r) => !r.file || !existsSync(join(folder, r.file)))
  const present = rows.filter((r) => !gone.includes(r))
  const drop = new Set(
    planRotation(
      present.map((r) => ({ name: r.file!, time: Date.parse(r.snapshot!.takenAt) })),
      now,
      policy
    )
  )
  const removed: string[] = []
  for (const r of present) {
    if (!drop.has(r.file!)) continue
    const file = join(folder, r.file!)
    try {
      rmSync(keyFilePath(file), { force: true })
      rmSync(file)
    } catch {
      continue // a read-only stick: kept, tried again next time
    }
    removed.push(r.file!)
    gone.push(r)
  }
  const mark = db.prepare('UPDATE backup_log SET removed_at = ? WHERE id = ?')
  const at = new Date(now).toISOString()
  db.transaction(() => {
    for (const r of gone) mark.run(at, r.id)
  }).immediate()
  return removed
}

export interface BackupRun {
  made: BackupMade
  logId: number
  removed: string[]
}

export interface RunOptions {
  dbPath: string
  reason: BackupReason
  actor: string
  /** Instead of the configured folder. */
  folder?: string
  now?: () => number
  signal?: AbortSignal
  progress?: (done: number, total: number) => void
  pauseMs?: number
}

/** The error a failed backup reports: what went wrong, and which backup is still the last good one. */
function failure(db: Db, e: unknown, folder: string): AppError {
  const err = writeError(e, folder)
  const prev = lastGoodBackup(db)
  return new AppError(err.code, {
    ...err.params,
    previous: prev?.file ? `${prev.file} (${prev.snapshot?.takenAt ?? prev.finishedAt})` : '—'
  })
}

function policyOf(s: BackupSettings): RotationPolicy {
  return { ...DEFAULT_ROTATION, keepLast: s.keepLast }
}

/** Back up the database behind `db` (the caller's connection logs it) to the configured folder. */
export async function runBackup(db: Db, o: RunOptions): Promise<BackupRun> {
  const now = o.now ?? Date.now
  const settings = backupSettings(db, o.dbPath)
  const folder = resolve(o.folder ?? settings.folder)
  const startedAt = new Date(now()).toISOString()
  // Only the default folder is made here; a folder someone chose must exist (a stick not plugged in).
  if (!o.folder && !settings.chosen) ensureFolder(folder)
  let made: BackupMade
  try {
    made = await makeBackup({
      dbPath: o.dbPath,
      folder,
      now,
      signal: o.signal,
      progress: o.progress,
      pauseMs: o.pauseMs
    })
  } catch (e) {
    if (e instanceof AppError && e.code === 'job_cancelled') throw e
    const err = failure(db, e, folder)
    const finishedAt = new Date(now()).toISOString()
    await whenWritable(db, o.signal, () =>
      recordBackup(db, { ...o, folder, startedAt, finishedAt, error: err })
    )
    throw err
  }
  const logId = await whenWritable(db, o.signal, () =>
    recordBackup(db, { ...o, folder, startedAt, finishedAt: made.finishedAt, made })
  )
  const removed = await whenWritable(db, o.signal, () =>
    rotateBackups(db, folder, Date.parse(made.finishedAt), policyOf(settings))
  )
  return { made, logId, removed }
}

/** How long a backup waits between tries to log itself while another connection writes. */
const WRITE_RETRY_MS = 200

/**
 * Run a write on `db` once no other connection holds the write lock. An import writes a whole
 * file in one transaction, on this same thread: waiting inside SQLite (busy_timeout) would stop
 * the very import it waits for, so the wait happens between turns of the event loop.
 */
async function whenWritable<T>(
  db: Db,
  signal: AbortSignal | undefined,
  write: () => T
): Promise<T> {
  const timeout = db.pragma('busy_timeout', { simple: true }) as number
  for (;;) {
    db.pragma('busy_timeout = 0')
    try {
      return write()
    } catch (e) {
      if ((e as { code?: string }).code !== 'SQLITE_BUSY') throw e
    } finally {
      db.pragma(`busy_timeout = ${timeout}`)
    }
    if (signal?.aborted) throw new AppError('job_cancelled')
    await new Promise((r) => setTimeout(r, WRITE_RETRY_MS))
  }
}

function ensureFolder(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 })
  } catch (e) {
    throw writeError(e, folder)
  }
}

/**
 * A backup before a change that rewrites the whole database (a rekey, a migration, a restore),
 * in one step: the configured folder, or the default one beside the database when the chosen
 * folder cannot be written (a stick left at the office). Logged when `db` has the log table.
 */
export function backupBeforeChange(
  dbPath: string,
  reason: Exclude<BackupReason, 'manual' | 'scheduled'>,
  o: { key?: Buffer | null; actor: string; now?: () => number }
): { made: BackupMade; record: (db: Db) => void } {
  const now = o.now ?? Date.now
  const settingsDb = openDb(dbPath, { key: o.key, migrate: false, readonly: true })
  let settings: BackupSettings
  try {
    settings = backupSettings(settingsDb, dbPath)
  } finally {
    settingsDb.close()
  }
  const folders = [settings.folder]
  if (settings.chosen) folders.push(defaultBackupFolder(dbPath))
  const startedAt = new Date(now()).toISOString()
  let last: unknown = null
  for (const folder of folders) {
    try {
      if (folder === defaultBackupFolder(dbPath)) ensureFolder(folder)
      const made = makeBackupSync({ dbPath, folder, key: o.key, now })
      return {
        made,
        record: (db) => {
          if (!hasTable(db, 'backup_log')) return
          recordBackup(db, {
            reason,
            actor: o.actor,
            folder,
            startedAt,
            finishedAt: made.finishedAt,
            made
          })
          rotateBackups(db, folder, Date.parse(made.finishedAt), policyOf(settings))
        }
      }
    } catch (e) {
      last = e
    }
  }
  const err = writeError(last, folders[folders.length - 1]!)
  throw new AppError('backup_required', { folder: String(err.params.folder), detail: err.code })
}
