// Backups under the faults of real machines, each in a real child process: killed with SIGKILL in
// the middle of the copy, a disk that fills up (a file-size limit makes every write past it fail),
// a folder that cannot be written. Each time the previous backup stays whole and restorable, the
// command says what happened and exits non-zero, and nothing half-written keeps a backup's name.
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmodSync, chownSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runBackup } from '../../src/backend/backup/backup'
import { backupKey, inspectBackup } from '../../src/backend/backup/restore'
import { openDb } from '../../src/backend/db/open'
import { tempDir } from '../helpers/tmp'
import { encryptedSampleDb, PASSPHRASE, type SampleDb } from './fixture'

const root = resolve(__dirname, '../..')
const cli = join(root, 'bin/doisoat.cjs')
const dir = tempDir('doisoat-backup-faults-')
const env = { ...process.env, DOISOAT_PASSPHRASE: PASSPHRASE }
const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex')

/** A first backup that must survive what follows; its hash. */
async function goodBackup(s: SampleDb, folder: string): Promise<{ file: string; sha: string }> {
  mkdirSync(folder, { recursive: true })
  const db = openDb(s.dbPath)
  try {
    const r = await runBackup(db, { dbPath: s.dbPath, reason: 'manual', actor: 'a', folder })
    return { file: r.made.file, sha: sha(r.made.file) }
  } finally {
    db.close()
  }
}

/** The backup opens with the recovery key alone, whole, with the sample's rows. */
function usable(file: string, s: SampleDb): void {
  const key = backupKey(file, { recoveryKey: s.recoveryKey })
  const c = inspectBackup(file, key)
  expect(c.snapshot.counts.population_record).toBe(2000)
}

const backups = (folder: string): string[] => readdirSync(folder).filter((f) => /\.bak$/.test(f))

describe('a backup that cannot finish', () => {
  it('killed with SIGKILL mid-copy leaves the previous backup intact and usable; the next backup clears what it left', async () => {
    const s = await encryptedSampleDb(dir, 'killed')
    const folder = join(dir, 'killed-out')
    const good = await goodBackup(s, folder)
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'backup-child.ts'), s.dbPath, folder],
      { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] }
    )
    let steps = 0
    await new Promise<void>((res, rej) => {
      child.stdout.on('data', (d: Buffer) => {
        steps += d
          .toString()
          .split('\n')
          .filter((l) => l === 'step').length
        if (steps >= 3) res()
        if (d.toString().includes('done')) rej(new Error('the backup finished before the kill'))
      })
      child.once('exit', () => rej(new Error('the child exited before the kill')))
    })
    child.kill('SIGKILL')
    await new Promise((r) => child.once('exit', r))
    // What the killed copy left is a temporary file, never a backup's name.
    const left = readdirSync(folder)
    expect(left.some((f) => f.includes('.tmp-'))).toBe(true)
    expect(backups(folder)).toEqual([good.file.slice(folder.length + 1)])
    expect(sha(good.file)).toBe(good.sha)
    usable(good.file, s)

    const next = await goodBackup(s, folder)
    usable(next.file, s)
    expect(readdirSync(folder).filter((f) => f.includes('.tmp-'))).toEqual([])
  }, 120_000)

  it('a disk that fills up: the command says so and exits 1, the previous backup stays, nothing half-written remains', async () => {
    const s = await encryptedSampleDb(dir, 'full')
    const folder = join(dir, 'full-out')
    const good = await goodBackup(s, folder)
    const limitKb = Math.floor(readFileSync(good.file).length / 1024 / 2)
    // Writes past the limit fail with EFBIG, as on a full disk; the signal that would kill the
    // process instead is ignored, so the program sees the error.
    const r = spawnSync(
      'bash',
      [
        '-c',
        `trap '' XFSZ; ulimit -f ${limitKb}; exec "${process.execPath}" "${cli}" db backup --db "${s.dbPath}" --out "${folder}"`
      ],
      { cwd: root, env, encoding: 'utf8' }
    )
    expect(r.status, r.stdout + r.stderr).toBe(1)
    expect(r.stderr).toContain('Không ghi xong bản sao lưu')
    expect(r.stderr).toContain(good.file.slice(folder.length + 1))
    expect(r.stderr).not.toMatch(/SqliteError|EFBIG|at .*\.ts:/)
    expect(readdirSync(folder).sort()).toEqual(
      [good.file, `${good.file}.keys.json`].map((f) => f.slice(folder.length + 1)).sort()
    )
    expect(sha(good.file)).toBe(good.sha)
    usable(good.file, s)
    // The failure is in the log, and the last good backup is still the first one.
    const db = openDb(s.dbPath)
    expect(db.prepare('SELECT ok, error_code FROM backup_log ORDER BY id').all()).toEqual([
      { ok: 1, error_code: null },
      { ok: 0, error_code: 'backup_write_failed' }
    ])
    db.close()
  }, 120_000)

  it('a folder that cannot be written: refused clearly at once, the previous backup kept', async () => {
    const s = await encryptedSampleDb(dir, 'readonly')
    const folder = join(dir, 'readonly-out')
    const good = await goodBackup(s, folder)
    // As root, permissions do not stop a write: the command then runs as an unprivileged user.
    const asRoot = process.getuid?.() === 0
    const uid = asRoot ? 65534 : undefined
    if (asRoot) {
      for (const f of [dir, folder, ...readdirSync(folder).map((n) => join(folder, n))])
        chownSync(f, 65534, 65534)
      for (const f of readdirSync(dir).filter((n) => n.startsWith('readonly.db')))
        chownSync(join(dir, f), 65534, 65534)
    }
    chmodSync(folder, 0o555)
    try {
      const r = spawnSync(
        process.execPath,
        [cli, 'db', 'backup', '--db', s.dbPath, '--out', folder, '--lang', 'en'],
        { cwd: root, env: { ...env, HOME: dir }, encoding: 'utf8', uid, gid: uid }
      )
      expect(r.status, r.stdout + r.stderr).toBe(1)
      expect(r.stderr).toContain(`The backup folder "${folder}" cannot be written`)
    } finally {
      chmodSync(folder, 0o755)
    }
    expect(backups(folder)).toEqual([good.file.slice(folder.length + 1)])
    expect(sha(good.file)).toBe(good.sha)
    usable(good.file, s)
  }, 120_000)
})
