// Import problems as a clerk meets them: one broken row rejected alone (a stray quote, even on the
// last line), a totals line in any column, an empty file or one holding only a byte-order mark,
// a preview that never prints a huge cell; messages in words, with the row, never a folder.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb } from '../../src/backend/db/open'
import { createBackend, type Backend, type Caller } from '../../src/backend/host'
import { importFile } from '../../src/backend/import/import-file'
import { main } from '../../src/cli/main'
import { errorText } from '../../src/shared/i18n'
import { tempDir, jobCtx } from '../helpers/tmp'
import { signInAs } from '../helpers/users'

const dir = tempDir('doisoat-clerk-messages-')
// An upload folder of the server's, which no message may name.
const uploads = join(dir, 'srv-uploads-7f3a')
mkdirSync(uploads)
let n = 0
const dbPath = () => join(dir, `m${n++}.db`)
const write = (name: string, content: string | Buffer): string => {
  const path = join(uploads, name)
  writeFileSync(path, content)
  return path
}

const HEADER = 'STT,Họ và tên,Ngày sinh,Giới tính\n'

function rejected(db: string) {
  const conn = openDb(db)
  const rows = conn
    .prepare('SELECT row_number, raw_text, reasons_json FROM rejected_row ORDER BY row_number')
    .all() as { row_number: number; raw_text: string; reasons_json: string }[]
  conn.close()
  return rows.map((r) => [r.row_number, r.raw_text, JSON.parse(r.reasons_json) as string[]])
}

const names = (db: string): string[] => {
  const conn = openDb(db)
  const out = conn.prepare('SELECT full_name FROM source_record ORDER BY row_number').pluck().all()
  conn.close()
  return out as string[]
}

describe('a quote that never closes', () => {
  it('on the last line: that row alone is rejected, as written, with its row number', async () => {
    const db = dbPath()
    const file = write(
      'cuoi.csv',
      HEADER +
        '1,Nguyễn Văn An,01/02/1990,Nam\n2,Lê Thị Hoa,03/04/1991,Nữ\n3,"Trần Văn Bình,05/06/1992,Nam\n'
    )
    const s = await importFile({ dbPath: db, kind: 'registry', file }, jobCtx())
    expect(s).toMatchObject({
      rowsRead: 3,
      rowsAccepted: 2,
      rowsRejected: 1,
      rejectedReasons: { unbalanced_quotes: 1 }
    })
    expect(names(db)).toEqual(['Nguyễn Văn An', 'Lê Thị Hoa'])
    expect(rejected(db)).toEqual([[4, '3,"Trần Văn Bình,05/06/1992,Nam', ['unbalanced_quotes']]])
  })

  it('in the middle: the lines after it are read again, one row lost, not the file', async () => {
    const db = dbPath()
    const file = write(
      'giua.csv',
      HEADER +
        '1,Nguyễn Văn An,01/02/1990,Nam\r\n2,"Phạm ""Cúc""",07/08/1993,Nữ\r\n' +
        '3,Đỗ "Văn" Dũng,09/10/1994,Nam\r\n4,"Lê Thị Hoa,03/04/1991,Nữ\r\n' +
        '5,Trần Văn Bình,05/06/1992,Nam\r\n6,Vũ Thị Em,11/12/1995,Nữ\r\n'
    )
    const s = await importFile({ dbPath: db, kind: 'registry', file }, jobCtx())
    expect(s).toMatchObject({ rowsRead: 6, rowsAccepted: 5, rowsRejected: 1 })
    expect(names(db)).toEqual([
      'Nguyễn Văn An',
      'Phạm "Cúc"',
      'Đỗ "Văn" Dũng',
      'Trần Văn Bình',
      'Vũ Thị Em'
    ])
    expect(rejected(db)).toEqual([[5, '4,"Lê Thị Hoa,03/04/1991,Nữ', ['unbalanced_quotes']]])
  })
})

describe('a totals line', () => {
  it.each([
    ['in the STT column', 'Tổng cộng: 22 người,,,'],
    ['as one cell', 'Tổng cộng: 22 người'],
    ['in the last column', ',,,Cộng: 22'],
    ['with a count in the next cell', 'Tổng số,22 người,,']
  ])('%s is rejected as a totals row, not as a missing name', async (_what, line) => {
    const db = dbPath()
    const file = write(`tong-${n}.csv`, HEADER + '1,Nguyễn Văn An,01/02/1990,Nam\n' + line + '\n')
    const s = await importFile({ dbPath: db, kind: 'registry', file }, jobCtx())
    expect(s).toMatchObject({ rowsAccepted: 1, rejectedReasons: { totals_row: 1 } })
  })

  it('a person named Tống Công is still a person; a row with no name says so', async () => {
    const db = dbPath()
    const file = write('ten.csv', HEADER + '1,Tống Công Danh,01/02/1990,Nam\n2,,03/04/1991,Nữ\n')
    const s = await importFile({ dbPath: db, kind: 'registry', file }, jobCtx())
    expect(s).toMatchObject({ rowsAccepted: 1, rejectedReasons: { no_name: 1 } })
  })
})

describe('through the API, as web mode uploads', () => {
  let backend: Backend
  let clerk: Caller
  beforeAll(async () => {
    backend = createBackend({ dbPath: dbPath(), syncProbeMs: 0, backupCheckMs: 0 })
    clerk = await signInAs(backend, 'canbo', 'clerk')
  })
  afterAll(() => backend?.close())

  it.each([
    ['an empty file', 'trong.csv', Buffer.alloc(0)],
    ['a byte-order mark alone', 'bom.csv', Buffer.from([0xef, 0xbb, 0xbf])],
    ['a byte-order mark and blank lines', 'bom2.csv', Buffer.from('\ufeff\r\n\r\n', 'utf8')]
  ])('%s: says the file is empty and what to do, naming the file only', async (_w, name, bytes) => {
    const path = write(name, bytes)
    const r = await clerk.call('import/preview', { kind: 'registry', path })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('file_empty')
    for (const lang of ['vi', 'en'] as const) {
      const text = errorText(r.error, lang)
      expect(text).toContain(name)
      expect(text).not.toContain(uploads)
      expect(text).not.toMatch(/file_empty|Error|undefined/)
    }
    expect(errorText(r.error, 'vi')).toMatch(/trống.*Hãy kiểm tra/)
  })
})

describe('the command-line preview', () => {
  it('never prints a huge cell: it is cut, with its length', async () => {
    process.env.DOISOAT_PASSPHRASE = 'clerk messages passphrase'
    const huge = 'Nguyễn Văn ' + 'A'.repeat(10 * 1024 * 1024)
    const file = write(
      'o-lon.csv',
      HEADER + `1,${huge},01/02/1990,Nam\n2,Lê Thị Hoa,03/04/1991,Nữ\n`
    )
    const out: string[] = []
    const code = await main(
      ['import', '--db', dbPath(), '--kind', 'registry', '--file', file, '--dry-run'],
      {
        out: (l) => out.push(l),
        err: (l) => out.push(l)
      }
    )
    expect(code).toBe(0)
    const longest = Math.max(...out.map((l) => l.length))
    expect(longest).toBeLessThan(400)
    const row = out.find((l) => l.startsWith('  2: '))!
    expect(row).toContain(`(ô dài ${huge.length} ký tự, chỉ in phần đầu)`)
    expect(out.join('\n')).toContain('Lê Thị Hoa')
  })
})
