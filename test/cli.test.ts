// The command line: help, clear errors with non-zero exits, and a real import through it.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LATEST_VERSION } from '../src/backend/db/migrations'
import { main } from '../src/cli/main'
import { tempDir } from './helpers/tmp'

const dir = tempDir()
// The CLI encrypts every database it creates; this is the passphrase of the ones made here.
process.env.DOISOAT_PASSPHRASE = 'cli test passphrase'

async function run(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('doisoat CLI', () => {
  it('lists its commands in Vietnamese by default and in English on request', async () => {
    const vi = await run('--help')
    expect(vi.code).toBe(0)
    for (const c of ['serve', 'sample', 'import', 'db migrate', 'db info'])
      expect(vi.out).toContain(c)
    expect(vi.out).toContain('Cách dùng')
    const en = await run('--help', '--lang', 'en')
    expect(en.out).toContain('Usage')
  })

  it('every command has --help', async () => {
    for (const c of [
      ['serve'],
      ['sample'],
      ['import'],
      ['db', 'migrate'],
      ['db', 'info'],
      ['db', 'encrypt'],
      ['db', 'rekey'],
      ['audit', 'verify']
    ]) {
      const r = await run(...c, '--help')
      expect(r.code, c.join(' ')).toBe(0)
      expect(r.out).toContain(`doisoat ${c.join(' ')}`)
      expect(r.out).not.toMatch(/cli\.help\./) // every help string is in the catalog
    }
  })

  it('exits non-zero with a clear message on bad input', async () => {
    expect(await run('frobnicate')).toMatchObject({
      code: 2,
      err: expect.stringContaining('Lệnh không tồn tại')
    })
    expect(await run('import', '--db', 'x.db')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--kind')
    })
    expect(await run('import', '--db', 'x.db', '--kind', 'moon', '--file', 'f')).toMatchObject({
      code: 2,
      err: expect.stringContaining('population, registry')
    })
    expect(await run('serve', '--port', 'abc')).toMatchObject({
      code: 2,
      err: expect.stringContaining('số nguyên')
    })
    expect(
      await run(
        'import',
        '--db',
        join(dir, 'a.db'),
        '--kind',
        'registry',
        '--file',
        join(dir, 'missing.csv')
      )
    ).toMatchObject({ code: 1, err: expect.stringContaining('Không tìm thấy tệp') })
    expect(await run('db', 'info', '--db', join(dir, 'none.db'))).toMatchObject({ code: 1 })
  })

  it('imports a file and prints the counts; db info reports them', async () => {
    const f = join(dir, 'r.csv')
    writeFileSync(f, 'Mã hồ sơ,Họ và tên,Ngày sinh\nHT-1,Nguyễn Văn An,01/02/1990\nHT-2,,1990\n')
    const db = join(dir, 'cli.db')
    const r = await run('import', '--db', db, '--kind', 'registry', '--file', f)
    expect(r.code, r.err).toBe(0)
    expect(r.out).toMatch(/KHÓA KHÔI PHỤC[^\n]*\n {4}([A-Z2-7]{4}-){7}[A-Z2-7]{4}\n/)
    expect(r.out).toContain('đọc 2 dòng, nhận 1, từ chối 1')
    expect(r.out).toContain('thiếu họ tên: 1')
    const again = await run('import', '--db', db, '--kind', 'registry', '--file', f, '--lang', 'en')
    expect(again).toMatchObject({ code: 1, err: expect.stringContaining('already imported') })
    const info = await run('db', 'info', '--db', db, '--json')
    expect(JSON.parse(info.out)).toMatchObject({ counts: { source: 1, rejected: 1, batches: 1 } })
    expect((await run('db', 'migrate', '--db', db)).out).toContain(`phiên bản ${LATEST_VERSION}`)
  })
})
