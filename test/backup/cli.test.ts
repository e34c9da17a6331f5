// The bad days from the command line: `db backup`, `db verify`, `db restore` and
// `user reset-password` print what they did, and exit non-zero on any failure with a message
// that says what to do.
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  truncateSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyKey, forgetDatabaseKeys, openDb } from '../../src/backend/db/open'
import { main } from '../../src/cli/main'
import { tempDir } from '../helpers/tmp'
import { TEST_PASSWORD } from '../helpers/users'
import { editAuditEvent, encryptedSampleDb, PASSPHRASE, type SampleDb } from './fixture'

const dir = tempDir('doisoat-backup-cli-')
const out = join(dir, 'out')
let s: SampleDb

async function run(...argv: string[]) {
  const o: string[] = []
  const e: string[] = []
  const code = await main(argv, { out: (l) => o.push(l), err: (l) => e.push(l) })
  return { code, out: o.join('\n'), err: e.join('\n') }
}

const saved = { ...process.env }
beforeAll(async () => {
  mkdirSync(out)
  s = await encryptedSampleDb(dir, 'xa')
  process.env.DOISOAT_PASSPHRASE = PASSPHRASE
  process.env.DOISOAT_PASSWORD = TEST_PASSWORD
  process.env.DOISOAT_NEW_PASSWORD = TEST_PASSWORD
}, 60_000)
afterAll(() => {
  for (const k of ['DOISOAT_PASSPHRASE', 'DOISOAT_PASSWORD', 'DOISOAT_NEW_PASSWORD'] as const)
    if (saved[k] === undefined) delete process.env[k]
    else process.env[k] = saved[k]
})

let backup = ''

describe('doisoat db backup / verify / restore', () => {
  it('has help for every new command', async () => {
    for (const c of [
      ['db', 'backup'],
      ['db', 'restore'],
      ['db', 'verify'],
      ['user', 'reset-password']
    ]) {
      const r = await run(...c, '--help')
      expect(r.code, c.join(' ')).toBe(0)
      expect(r.out).not.toMatch(/cli\.help\./)
    }
  })

  it('db backup writes a checked backup and says where, with what', async () => {
    const r = await run('db', 'backup', '--db', s.dbPath, '--out', out)
    expect(r.code, r.err).toBe(0)
    expect(r.out).toMatch(/Đã sao lưu .* vào .*doisoat-xa-\d{4}-\d{2}-\d{2}-\d{6}\.bak/)
    expect(r.out).toContain('Dân cư 2000, bản ghi nguồn 400')
    expect(r.out).toContain('Tệp khóa đi kèm')
    backup = join(
      out,
      readdirSync(out).find((f) => f.endsWith('.bak'))!
    )
    // A folder that is not there (a stick not plugged in) is not made up on the local disk.
    const missing = await run('db', 'backup', '--db', s.dbPath, '--out', join(dir, 'usb'))
    expect(missing.code).toBe(1)
    expect(missing.err).toContain('Không có thư mục sao lưu')
  })

  it('db verify checks a database and a backup; a damaged audit chain or a cut file fail with exit 1', async () => {
    const live = await run('db', 'verify', '--db', s.dbPath)
    expect(live.code, live.err).toBe(0)
    expect(live.out).toContain('nguyên vẹn')
    expect(live.out).toContain('population_record: 2000')
    // A backup opens with the passphrase of the key file that went with it.
    const bak = await run('db', 'verify', '--db', backup, '--lang', 'en')
    expect(bak.code, bak.err).toBe(0)
    expect(bak.out).toContain('is whole')

    const tampered = join(dir, 'tampered.bak')
    copyFileSync(backup, tampered)
    copyFileSync(`${backup}.keys.json`, `${tampered}.keys.json`)
    const raw = new Database(tampered)
    applyKey(raw, s.key)
    editAuditEvent(raw, 2)
    raw.close()
    const bad = await run('db', 'verify', '--db', tampered)
    expect(bad.code).toBe(1)
    expect(bad.err).toContain('CÓ LỖI')
    expect(bad.err).toContain('sự kiện số 2')

    const cut = join(dir, 'cut.bak')
    copyFileSync(backup, cut)
    truncateSync(cut, 10_000)
    const short = await run('db', 'verify', '--db', cut, '--recovery-key-file', keyFile())
    expect(short.code).toBe(1)
    expect(short.err).toContain('bị cắt cụt')
  })

  it('db restore onto a new machine: the recovery key opens the backup, a new passphrase keeps the key', async () => {
    forgetDatabaseKeys()
    const target = join(dir, 'may-moi', 'xa.db')
    mkdirSync(join(dir, 'may-moi'))
    const lone = join(dir, 'lone.bak')
    copyFileSync(backup, lone) // without its key file: the recovery key alone
    process.env.DOISOAT_NEW_PASSPHRASE = 'cụm của máy mới'
    try {
      const r = await run(
        'db',
        'restore',
        '--from',
        lone,
        '--db',
        target,
        '--recovery-key-file',
        keyFile()
      )
      expect(r.code, r.err).toBe(0)
      expect(r.out).toContain('Đã khôi phục')
      expect(r.out).toContain('Khóa dữ liệu bây giờ là khóa của lúc sao lưu')
    } finally {
      delete process.env.DOISOAT_NEW_PASSPHRASE
    }
    forgetDatabaseKeys()
    const info = await run(
      'db',
      'info',
      '--db',
      target,
      '--passphrase-file',
      secretFile('cụm của máy mới')
    )
    expect(info.code, info.err).toBe(0)
    expect(info.out).toMatch(/2000/)
  })

  it('db restore over a database in use keeps it aside and backs it up first; a cut backup changes nothing', async () => {
    forgetDatabaseKeys()
    const r = await run('db', 'restore', '--from', backup, '--db', s.dbPath)
    expect(r.code, r.err).toBe(0)
    expect(r.out).toMatch(/được giữ nguyên ở .*xa\.db\.before-restore-/)
    expect(r.out).toContain('Bản sao lưu của cơ sở dữ liệu trước đó')
    const cut = join(dir, 'cut2.bak')
    copyFileSync(backup, cut)
    truncateSync(cut, 12_345)
    // Opening a database leaves its WAL and shared-memory files; nothing else may change.
    const files = () =>
      readdirSync(dir)
        .filter((f) => !/-(wal|shm)$/.test(f))
        .sort()
    const before = files()
    const hash = sha(s.dbPath)
    const bad = await run('db', 'restore', '--from', cut, '--db', s.dbPath)
    expect(bad.code).toBe(1)
    expect(bad.err).toContain('không phải một bản sao lưu dùng được')
    expect(files()).toEqual(before)
    expect(sha(s.dbPath)).toBe(hash)
  })
})

describe('doisoat user reset-password', () => {
  it('an admin resets a supervisor; an admin resets their own with the recovery key', async () => {
    forgetDatabaseKeys()
    const db = join(dir, 'users.db')
    const first = await run('user', 'add', '--db', db, '--name', 'quantri', '--role', 'admin')
    expect(first.code, first.err).toBe(0)
    expect(
      (
        await run(
          'user',
          'add',
          '--db',
          db,
          '--name',
          'giamsat',
          '--role',
          'supervisor',
          '--user',
          'quantri'
        )
      ).code
    ).toBe(0)
    process.env.DOISOAT_NEW_PASSWORD = 'mật-khẩu-mới-1'
    const r = await run(
      'user',
      'reset-password',
      '--db',
      db,
      '--name',
      'giamsat',
      '--user',
      'quantri'
    )
    expect(r.code, r.err).toBe(0)
    expect(r.out).toContain('Đã đặt mật khẩu mới cho giamsat')
    expect(r.out).toContain('Cổng quốc gia')
    const none = await run('user', 'reset-password', '--db', db, '--name', 'quantri')
    expect(none.code).toBe(1)
    expect(none.err).toContain('--recovery-key-file')
    // The admin's own: the recovery key printed when the database was made.
    const recovery = /\n {4}((?:[A-Z2-7]{4}-){7}[A-Z2-7]{4})\n/.exec(`\n${first.out}\n`)
    expect(recovery).not.toBeNull()
    const own = await run(
      'user',
      'reset-password',
      '--db',
      db,
      '--name',
      'quantri',
      '--recovery-key-file',
      secretFile(recovery![1]!)
    )
    expect(own.code, own.err).toBe(0)
    expect(own.out).toContain('không cần đăng ký lại')
    delete process.env.DOISOAT_NEW_PASSWORD
    const db2 = openDb(db, { readonly: true })
    expect(
      db2
        .prepare(
          "SELECT action FROM audit_event WHERE action IN ('user/reset_password', 'auth/recover_admin') ORDER BY id"
        )
        .pluck()
        .all()
    ).toEqual(['user/reset_password', 'auth/recover_admin'])
    db2.close()
  })
})

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex')

let secrets = 0
function secretFile(text: string): string {
  const f = join(dir, `secret-${secrets++}.txt`)
  writeFileSync(f, `${text}\n`)
  return f
}
function keyFile(): string {
  return secretFile(s.recoveryKey)
}
