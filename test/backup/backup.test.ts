// Backups as written: encrypted (no name or ID of the sample in the bytes), consistent while an
// import writes, checked before they get a name (a failed check keeps the previous one and says
// so), rotated among this database's own backups only; a cut-short backup is refused.
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  truncateSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appendAudit, verifyAudit } from '../../src/backend/audit/audit'
import { takeSnapshot } from '../../src/backend/backup/check'
import {
  backupLog,
  lastFailedBackup,
  lastGoodBackup,
  runBackup
} from '../../src/backend/backup/backup'
import { backupKey, inspectBackup, restoreBackup } from '../../src/backend/backup/restore'
import { keyFilePath } from '../../src/backend/crypto/key-file'
import { importFile } from '../../src/backend/import/import-file'
import { applyKey, openDb } from '../../src/backend/db/open'
import Database from 'better-sqlite3'
import { writeSample } from '../../src/backend/sample/write-sample'
import { errorText } from '../../src/shared/i18n'
import { AppError } from '../../src/shared/errors'
import { jobCtx, tempDir } from '../helpers/tmp'
import { found, knownValues } from '../helpers/plaintext'
import { editAuditEvent, encryptedSampleDb } from './fixture'

const dir = tempDir('doisoat-backup-')
/** A folder the clerk chose (a stick): it exists before the backup. */
const outDir = (name: string): string => {
  const d = join(dir, name)
  mkdirSync(d, { recursive: true })
  return d
}
const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex')
const DAY = 86_400_000

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('should have failed')
}

describe('a backup', () => {
  it('holds no plaintext: no name or ID of the sample in its bytes or in the key file beside it', async () => {
    const s = await encryptedSampleDb(dir, 'secret', { population: 3000, registry: 500 })
    const known = knownValues(s.population)
    expect(known.names).toHaveLength(100)
    expect(known.ids).toHaveLength(100)
    const folder = outDir('secret-out')
    const db = openDb(s.dbPath)
    const r = await runBackup(db, { dbPath: s.dbPath, reason: 'manual', actor: 'canbo', folder })
    db.close()
    const bytes = readFileSync(r.made.file)
    expect(bytes.length).toBeGreaterThan(500_000)
    expect(found(bytes, known.names)).toEqual([])
    expect(found(bytes, known.ids)).toEqual([])
    const sidecar = readFileSync(keyFilePath(r.made.file), 'utf8')
    expect(sidecar).not.toContain(s.key.toString('hex'))
    expect(found(Buffer.from(sidecar), [...known.names, ...known.ids])).toEqual([])

    // The same scan finds them in the backup of a clear database: it would catch a leak.
    const plainPath = join(dir, 'clear.db')
    await importFile({ dbPath: plainPath, kind: 'population', file: s.population }, jobCtx())
    const plain = openDb(plainPath, { key: null })
    const p = await runBackup(plain, {
      dbPath: plainPath,
      reason: 'manual',
      actor: 'canbo',
      folder: outDir('clear-out')
    })
    plain.close()
    const clear = readFileSync(p.made.file)
    expect(found(clear, known.names)).toHaveLength(100)
    expect(found(clear, known.ids)).toHaveLength(100)
  })

  it('taken while an import writes, holds the database of one moment and restores to a database whose audit chain verifies', async () => {
    const s = await encryptedSampleDb(dir, 'busy', { population: 1000, registry: 200, seed: 3 })
    const big = await writeSample({
      outDir: join(dir, 'busy-big'),
      population: 60_000,
      registry: 10,
      seed: 4,
      legacy: false
    })
    const db = openDb(s.dbPath)
    const before = db.prepare('SELECT count(*) FROM population_record').pluck().get() as number
    let writing!: () => void
    const started = new Promise<void>((r) => (writing = r))
    const events: string[] = []
    const importing = importFile(
      { dbPath: s.dbPath, kind: 'population', file: big.population, readerThread: false },
      {
        signal: new AbortController().signal,
        progress: (phase, done) => {
          if (phase === 'write' && done > 0) writing()
        }
      }
    ).then((summary) => {
      events.push('import done')
      return summary
    })
    await started
    events.push('backup start')
    const backup = runBackup(db, {
      dbPath: s.dbPath,
      reason: 'manual',
      actor: 'canbo',
      folder: outDir('busy-out')
    }).then((r) => {
      events.push('backup done')
      return r
    })
    const [summary, r] = await Promise.all([importing, backup])
    expect(summary.rowsAccepted).toBe(60_000)
    // The backup began while the import was writing.
    expect(events[0]).toBe('backup start')
    const after = db.prepare('SELECT count(*) FROM population_record').pluck().get() as number
    expect(after).toBeGreaterThan(before)
    // One moment: all of the import or none of it, never part.
    expect(r.made.snapshot.counts.population_record).toBe(before)
    db.close()

    const restoredPath = join(dir, 'busy-restored.db')
    const key = backupKey(r.made.file, { recoveryKey: s.recoveryKey })
    restoreBackup({ file: r.made.file, dbPath: restoredPath, key, actor: 'quantri' })
    const restored = openDb(restoredPath, { key })
    expect(restored.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(verifyAudit(restored).ok).toBe(true)
    const count = (t: string) => restored.prepare(`SELECT count(*) FROM ${t}`).pluck().get()
    expect(count('population_record')).toBe(r.made.snapshot.counts.population_record)
    expect(count('import_batch')).toBe(r.made.snapshot.counts.import_batch)
    // The restore itself is the chain's last event.
    expect(restored.prepare('SELECT action FROM audit_event ORDER BY id DESC').pluck().get()).toBe(
      'db/restore'
    )
    restored.close()
  }, 120_000)

  it('that fails its check is discarded, the previous one is kept, and the error says which', async () => {
    const s = await encryptedSampleDb(dir, 'broken', { population: 500, registry: 50, seed: 6 })
    const folder = outDir('broken-out')
    const db = openDb(s.dbPath)
    const good = await runBackup(db, { dbPath: s.dbPath, reason: 'manual', actor: 'a', folder })
    const goodSha = sha(good.made.file)
    // The database's audit chain is damaged (an event edited behind the app's back): its copy
    // cannot pass the check, and must not become "the last good backup".
    editAuditEvent(db, 1)
    const err = await failure(
      runBackup(db, {
        dbPath: s.dbPath,
        reason: 'manual',
        actor: 'a',
        now: () => Date.now() + 5000,
        folder
      })
    )
    expect(err.code).toBe('backup_verify_failed')
    expect(String(err.params.previous)).toContain(
      readdirSync(folder).find((f) => f.endsWith('.bak'))!
    )
    const text = errorText({ code: err.code, params: err.params, message: '' }, 'vi')
    expect(text).toContain('vẫn nguyên')
    expect(text).toContain(String(err.params.previous))
    expect(readdirSync(folder).sort()).toEqual(
      [good.made.file, keyFilePath(good.made.file)].map((f) => f.slice(folder.length + 1)).sort()
    )
    expect(sha(good.made.file)).toBe(goodSha)
    expect(lastGoodBackup(db)?.id).toBe(good.logId)
    expect(lastFailedBackup(db)).toMatchObject({ ok: false, errorCode: 'backup_verify_failed' })
    db.close()
  })

  it('rotation keeps the last N and one a week for a month, among this database s own backups only', async () => {
    const s = await encryptedSampleDb(dir, 'rot', { population: 200, registry: 20, seed: 8 })
    const folder = outDir('rot-out')
    const db = openDb(s.dbPath)
    db.prepare("INSERT INTO backup_setting (key, value) VALUES ('keep_last', '3')").run()
    // Another laptop's backup in the same network folder: not this database's to remove.
    const start = Date.UTC(2026, 0, 1, 9)
    let made: string[] = []
    for (let d = 0; d < 40; d += 2) {
      const r = await runBackup(db, {
        dbPath: s.dbPath,
        reason: 'scheduled',
        actor: 'sao-luu',
        folder,
        now: () => start + d * DAY
      })
      made.push(r.made.file.slice(folder.length + 1))
      if (d === 0) {
        copyFileSync(r.made.file, join(folder, 'doisoat-24991-2025-12-01-090000.bak'))
      }
    }
    made = made.reverse() // newest first: day 38, 36, ...
    const left = readdirSync(folder).filter((f) => f.endsWith('.bak'))
    // The last three (days 38, 36, 34), and the newest of each calendar week (Thursday to
    // Wednesday; 2026-01-01 is a Thursday) not older than 31 days: days 26, 20 and 12. Day 6, the
    // newest of the first week, is 32 days old.
    const keep = [38, 36, 34, 26, 20, 12].map((d) => made[(38 - d) / 2]!)
    expect(left.sort()).toEqual([...keep, 'doisoat-24991-2025-12-01-090000.bak'].sort())
    // Each removed backup went with its key file; the log says when.
    const keys = readdirSync(folder).filter((f) => f.endsWith('.keys.json'))
    expect(keys.sort()).toEqual(keep.map((f) => `${f}.keys.json`).sort())
    expect(backupLog(db).filter((e) => e.removedAt !== null)).toHaveLength(20 - keep.length)
    db.close()
  }, 120_000)

  it('is not restored under a program that has the database open, and nothing changes', async () => {
    const s = await encryptedSampleDb(dir, 'held', { population: 300, registry: 30, seed: 10 })
    const db = openDb(s.dbPath)
    const r = await runBackup(db, {
      dbPath: s.dbPath,
      reason: 'manual',
      actor: 'a',
      folder: outDir('held-out')
    })
    // `db` stays open, as `doisoat serve` or the app would hold it; it writes on after the backup.
    appendAudit(db, { actor: 'canbo', action: 'note' })
    const state = () => takeSnapshot(db, 'now')
    const before = state()
    expect(() =>
      restoreBackup({
        file: r.made.file,
        dbPath: s.dbPath,
        key: s.key,
        currentKey: s.key,
        actor: 'a'
      })
    ).toThrow(expect.objectContaining({ code: 'db_busy' }))
    expect(state()).toEqual(before)
    expect(readdirSync(dir).filter((f) => f.startsWith('held.db.before-restore'))).toEqual([])
    expect(db.prepare('SELECT count(*) FROM population_record').pluck().get()).toBe(300)
    db.close()
    // Closed, it restores.
    const done = restoreBackup({
      file: r.made.file,
      dbPath: s.dbPath,
      key: s.key,
      currentKey: s.key,
      actor: 'a'
    })
    expect(existsSync(done.aside!)).toBe(true)
  })

  it('cut short, or with a schema the app never makes, is refused clearly, and nothing changes', async () => {
    const s = await encryptedSampleDb(dir, 'cut', { population: 500, registry: 50, seed: 9 })
    const db = openDb(s.dbPath)
    const r = await runBackup(db, {
      dbPath: s.dbPath,
      reason: 'manual',
      actor: 'a',
      folder: outDir('cut-out')
    })
    db.close()
    const before = sha(s.dbPath)
    for (const size of [r.made.bytes - 1000, Math.floor(r.made.bytes / 2 / 4096) * 4096]) {
      const cut = join(dir, `cut-${size}.bak`)
      copyFileSync(r.made.file, cut)
      truncateSync(cut, size)
      const key = s.key
      const attempt = (): void => {
        const k = backupKey(cut, { recoveryKey: s.recoveryKey }, key)
        inspectBackup(cut, k, key)
      }
      expect(attempt, `size ${size}`).toThrow(expect.objectContaining({ code: 'backup_invalid' }))
      expect(() =>
        restoreBackup({ file: cut, dbPath: s.dbPath, key, currentKey: key, actor: 'a' })
      ).toThrow(expect.objectContaining({ code: 'backup_invalid' }))
      expect(sha(s.dbPath)).toBe(before)
      expect(readdirSync(dir).filter((f) => f.startsWith('cut.db.'))).toEqual(['cut.db.keys.json'])
    }
    // A file whose schema the app never makes (a trigger that would run inside the app).
    const hostile = join(dir, 'hostile.bak')
    copyFileSync(r.made.file, hostile)
    const raw = new Database(hostile)
    applyKey(raw, s.key)
    raw.exec(
      "CREATE TRIGGER steal AFTER INSERT ON audit_event BEGIN UPDATE app_user SET role = 'admin'; END"
    )
    raw.close()
    expect(() => inspectBackup(hostile, s.key, s.key)).toThrow(
      expect.objectContaining({ code: 'backup_invalid' })
    )
    expect(() =>
      restoreBackup({ file: hostile, dbPath: s.dbPath, key: s.key, currentKey: s.key, actor: 'a' })
    ).toThrow(expect.objectContaining({ code: 'backup_invalid' }))
    expect(sha(s.dbPath)).toBe(before)
    // Not a backup at all.
    const junk = join(dir, 'junk.bak')
    writeFileSync(junk, Buffer.alloc(8192, 7))
    expect(() => backupKey(junk, { recoveryKey: s.recoveryKey })).toThrow(
      expect.objectContaining({ code: 'backup_wrong_key' })
    )
  })
})
