// Encryption at rest: a generated set imported through the CLI leaves no name or ID in the clear in
// the database or its WAL; without the key nothing opens; the recovery key opens it; plain
// databases are encrypted atomically; rekey and a passphrase change keep the data.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { keyFilePath, readKeyFile } from '../../src/backend/crypto/key-file'
import { unlockDatabase } from '../../src/backend/crypto/unlock'
import { importFile } from '../../src/backend/import/import-file'
import { isPlainDatabaseFile, openDb, type Db } from '../../src/backend/db/open'
import { writeSample } from '../../src/backend/sample/write-sample'
import { errorText } from '../../src/shared/i18n'
import { main } from '../../src/cli/main'
import { found, knownValues } from '../helpers/plaintext'
import { jobCtx, tempDir } from '../helpers/tmp'

const dir = tempDir()
const passphrase = 'mật khẩu thử nghiệm 2026'
const saved = process.env.DOISOAT_PASSPHRASE
process.env.DOISOAT_PASSPHRASE = passphrase
afterAll(() => {
  if (saved === undefined) delete process.env.DOISOAT_PASSPHRASE
  else process.env.DOISOAT_PASSPHRASE = saved
})

async function cli(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

const recoveryOf = (text: string): string => {
  const m = /\n {4}((?:[A-Z2-7]{4}-){7}[A-Z2-7]{4})\n/.exec(text)
  if (!m) throw new Error(`no recovery key printed:\n${text}`)
  return m[1]!
}

let sample: Awaited<ReturnType<typeof writeSample>>

describe('encryption at rest', () => {
  const db = join(dir, 'enc.db')
  let recovery = ''

  it('imports a generated set into an encrypted database: no known name or ID in the file or its WAL', async () => {
    sample = await writeSample({
      outDir: join(dir, 'sample'),
      population: 4000,
      registry: 800,
      seed: 5,
      legacy: false
    })
    const known = knownValues(sample.population)
    expect(known.names).toHaveLength(100)
    expect(known.ids).toHaveLength(100)

    const first = await cli('db', 'migrate', '--db', db)
    expect(first.code, first.err).toBe(0)
    recovery = recoveryOf(`\n${first.out}\n`)
    // A connection held open keeps the WAL: the imports' pages are still in it when we read it.
    const holder = openDb(db)
    holder.pragma('wal_autocheckpoint = 0')
    for (const [kind, file] of [
      ['population', sample.population],
      ['registry', sample.registry]
    ] as const) {
      const r = await cli('import', '--db', db, '--kind', kind, '--file', file)
      expect(r.code, r.err).toBe(0)
    }
    expect(holder.prepare('SELECT count(*) FROM population_record').pluck().get()).toBe(4000)
    const wal = readFileSync(`${db}-wal`)
    const main_ = readFileSync(db)
    expect(wal.length).toBeGreaterThan(100_000)
    expect(isPlainDatabaseFile(db)).toBe(false)
    expect(found(main_, known.names)).toEqual([])
    expect(found(main_, known.ids)).toEqual([])
    expect(found(wal, known.names)).toEqual([])
    expect(found(wal, known.ids)).toEqual([])
    holder.close()

    // The same scan finds them in a clear database: it would catch a leak.
    const plain = join(dir, 'plain.db')
    await importFile({ dbPath: plain, kind: 'population', file: sample.population }, jobCtx())
    const clear = Buffer.concat([
      readFileSync(plain),
      existsSync(`${plain}-wal`) ? readFileSync(`${plain}-wal`) : Buffer.alloc(0)
    ])
    expect(found(clear, known.names).length).toBe(100)
    expect(found(clear, known.ids).length).toBe(100)
  })

  it('does not open without the key, nor with a wrong passphrase, and says so clearly', () => {
    const raw = new Database(db)
    expect(() => raw.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/)
    raw.close()
    expect(() => openDb(db, { key: null })).toThrow(expect.objectContaining({ code: 'db_locked' }))
    let error: unknown
    try {
      unlockDatabase(db, { passphrase: 'sai mật khẩu' })
    } catch (e) {
      error = e
    }
    expect(error).toMatchObject({ code: 'db_wrong_key' })
    const shape = { code: 'db_wrong_key' as const, message: '', params: { path: db } }
    expect(errorText(shape, 'vi')).toContain('cụm mật khẩu hoặc khóa khôi phục không đúng')
    expect(errorText(shape, 'en')).toContain('passphrase or recovery key is wrong')
  })

  it('opens with the recovery key alone, even when the key file is lost', () => {
    const keys = readFileSync(keyFilePath(db), 'utf8')
    expect(keys).not.toContain(recovery.replace(/-/g, ''))
    rmSync(keyFilePath(db))
    expect(() => unlockDatabase(db, { passphrase })).toThrow(
      expect.objectContaining({ code: 'key_file_missing' })
    )
    const { key } = unlockDatabase(db, { recoveryKey: recovery.toLowerCase() })
    const conn: Db = openDb(db, { key, readonly: true })
    expect(conn.prepare('SELECT count(*) FROM source_record').pluck().get()).toBe(800)
    conn.close()
  })

  it('re-wraps the key with a passphrase after a recovery, then changes the data key', async () => {
    // After the recovery above, give the database a passphrase again.
    const r = await cli(
      'db',
      'rekey',
      '--db',
      db,
      '--passphrase-only',
      '--new-passphrase-file',
      writeSecret('new.txt', passphrase),
      '--recovery-key-file',
      writeSecret('rk.txt', recovery)
    )
    expect(r.code, r.err).toBe(0)
    expect(unlockDatabase(db, { passphrase }).key).toHaveLength(32)

    const before = readFileSync(db).subarray(0, 16)
    const re = await cli('db', 'rekey', '--db', db)
    expect(re.code, re.err).toBe(0)
    const fresh = recoveryOf(`\n${re.out}\n`)
    expect(fresh).not.toBe(recovery)
    expect(readFileSync(db).subarray(0, 16).equals(before)).toBe(false)
    expect(() => unlockDatabase(db, { recoveryKey: recovery })).toThrow(
      expect.objectContaining({ code: 'db_wrong_key' })
    )
    expect(readKeyFile(db)!.keys).toHaveLength(1)
    unlockDatabase(db, { recoveryKey: fresh })
    const conn = openDb(db)
    expect(conn.prepare('SELECT count(*) FROM population_record').pluck().get()).toBe(4000)
    expect(
      conn
        .prepare("SELECT action FROM audit_event WHERE action LIKE 'db/%' ORDER BY id")
        .pluck()
        .all()
    ).toEqual(['db/passphrase', 'db/rekey'])
    conn.close()
    expect((await cli('audit', 'verify', '--db', db)).code).toBe(0)
  })
})

function writeSecret(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, `${text}\n`)
  return path
}

describe('encrypting an existing clear database', () => {
  it('encrypts in place atomically, keeps every row, and refuses while another connection has it open', async () => {
    const path = join(dir, 'old.db')
    await importFile({ dbPath: path, kind: 'registry', file: sample.registry }, jobCtx())
    expect(isPlainDatabaseFile(path)).toBe(true)
    const size = statSync(path).size

    // Open elsewhere (the app or `serve`): refused, and the original is untouched.
    const other = openDb(path, { key: null })
    const busy = await cli('db', 'encrypt', '--db', path)
    expect(busy.code).toBe(1)
    expect(busy.err).toContain('đang được một chương trình khác mở')
    other.close()
    expect(isPlainDatabaseFile(path)).toBe(true)
    const still = openDb(path, { key: null })
    expect(still.prepare('SELECT count(*) FROM source_record').pluck().get()).toBe(800)
    still.close()

    // Without encryption the CLI refuses to work on it, and says how to fix that.
    const refused = await cli('db', 'info', '--db', path)
    expect(refused).toMatchObject({ code: 1, err: expect.stringContaining('doisoat db encrypt') })

    const r = await cli('db', 'encrypt', '--db', path)
    expect(r.code, r.err).toBe(0)
    expect(isPlainDatabaseFile(path)).toBe(false)
    expect(statSync(path).size).toBeGreaterThanOrEqual(size * 0.9)
    expect(readdirSync(dir).filter((f) => f.includes('.rekey-'))).toEqual([])
    const info = await cli('db', 'info', '--db', path, '--json')
    expect(JSON.parse(info.out)).toMatchObject({ counts: { source: 800, batches: 1 } })
    expect(await cli('db', 'encrypt', '--db', path)).toMatchObject({
      code: 1,
      err: expect.stringContaining('đã được mã hóa')
    })
  })
})
