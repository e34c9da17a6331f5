// Hostile and odd .xlsx files: a stray cell far away costs little memory, bombs and oversized
// parts are refused with a message naming only the file, a damaged cell or an impossible date
// rejects or flags its row and never the whole import, and previews read on a worker thread.
import { spawnSync } from 'node:child_process'
import ExcelJS from 'exceljs'
import type * as WorkerThreads from 'node:worker_threads'
import type { WorkerOptions } from 'node:worker_threads'
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { errorText } from '../../src/shared/i18n'
import type { ApiErrorShape } from '../../src/shared/errors'
import { openDb } from '../../src/backend/db/open'
import { importFile, previewImport } from '../../src/backend/import/import-file'
import { openXlsxSheet, serialDate, XLSX_LIMITS } from '../../src/backend/import/xlsx-reader'
import { jobCtx, tempDir } from '../helpers/tmp'
import { row, workbook, x } from '../helpers/xlsx-parts'

// Every Worker the importer starts, by script: previews must read on one.
const workers = vi.hoisted(() => [] as string[])
vi.mock('node:worker_threads', async (original) => {
  const m = await original<typeof WorkerThreads>()
  class Recorded extends m.Worker {
    constructor(file: string | URL, options?: WorkerOptions) {
      super(file, options)
      workers.push(String(file))
    }
  }
  return { ...m, Worker: Recorded }
})

const dir = tempDir('doisoat-xlsx-')
let n = 0
const write = (name: string, data: Buffer): string => {
  const p = join(dir, `${n++}-${name}`)
  writeFileSync(p, data)
  return p
}
const dbPath = () => join(dir, `x${n++}.db`)
const preview = (file: string, kind: 'registry' | 'population' = 'registry') =>
  previewImport({ dbPath: dbPath(), kind, file }, jobCtx())
const run = (file: string, db = dbPath()) =>
  importFile({ dbPath: db, kind: 'registry', file }, jobCtx())

async function excel(build: (ws: ExcelJS.Worksheet) => void, name = 'f.xlsx'): Promise<string> {
  const wb = new ExcelJS.Workbook()
  build(wb.addWorksheet('Danh sách'))
  const p = join(dir, `${n++}-${name}`)
  await wb.xlsx.writeFile(p)
  return p
}

const HEADER = row(1, ['Mã hồ sơ', 'Họ và tên', 'Ngày sinh'])
const PEOPLE = [
  row(2, ['HS-1', 'Nguyễn Văn An', '05/03/1990']),
  row(3, ['HS-2', 'Lê Thị Bình', '1991'])
]

/** The message a user sees for an error, in English. */
const seen = (e: unknown): string => errorText(e as ApiErrorShape, 'en')

describe('memory: a far-away cell costs one cell, not rows × columns', () => {
  it('the (2000, 2000) and XFD1048576 files preview and import in a small, flat amount of memory', async () => {
    const warm = await excel((ws) => {
      ws.addRow(['Họ và tên', 'Ngày sinh'])
      ws.addRow(['Nguyễn Văn An', '1990'])
    }, 'warm.xlsx')
    const at2000 = await excel((ws) => (ws.getCell(2000, 2000).value = 'x'), 'at-2000.xlsx')
    const xfd = await excel((ws) => (ws.getCell('XFD1048576').value = 'x'), 'xfd.xlsx')
    // A real list with one stray cell at the sheet's last corner.
    const stray = await excel((ws) => {
      ws.addRow(['Mã hồ sơ', 'Họ và tên', 'Ngày sinh'])
      ws.addRow(['HS-1', 'Nguyễn Văn An', '05/03/1990'])
      ws.addRow(['HS-2', 'Lê Thị Bình', '1991'])
      ws.getCell('XFD1048576').value = 'x'
    }, 'stray.xlsx')
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        resolve(__dirname, 'xlsx-memory-child.ts'),
        dir,
        warm,
        at2000,
        xfd,
        stray
      ],
      { encoding: 'utf8', timeout: 120_000 }
    )
    expect(child.status, child.stderr).toBe(0)
    const { outcomes, growthMb } = JSON.parse(child.stdout) as {
      outcomes: { preview: Record<string, unknown>; import: Record<string, unknown> }[]
      growthMb: number
    }
    // Two files with nothing but one far cell: no header, said clearly; the list imports, and
    // its stray cell is a rejected row that keeps the cell by address.
    expect(outcomes[0]).toEqual({ preview: { code: 'file_empty' }, import: { code: 'file_empty' } })
    expect(outcomes[1]).toEqual({ preview: { code: 'file_empty' }, import: { code: 'file_empty' } })
    expect(outcomes[2]!.import).toEqual({ accepted: 2, rejected: 1 })
    expect(outcomes[2]!.preview).toMatchObject({ read: 3, reasons: { too_wide: 1 } })
    expect(growthMb).toBeLessThan(100)
  }, 120_000)

  it('keeps the stray cell of a rejected row by its address', async () => {
    const file = write(
      'stray.xlsx',
      workbook({
        sheets: [
          {
            rows:
              HEADER +
              PEOPLE.join('') +
              '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
          }
        ]
      })
    )
    const db = dbPath()
    expect(await run(file, db)).toMatchObject({ rowsAccepted: 2, rowsRejected: 1 })
    const conn = openDb(db)
    const rejected = conn
      .prepare('SELECT row_number, raw_text, reasons_json FROM rejected_row')
      .get()
    conn.close()
    expect(rejected).toEqual({
      row_number: 1048576,
      raw_text: 'XFD1048576=x',
      reasons_json: '["too_wide"]'
    })
  })
})

describe('caps: a clear refusal naming the file, never its folder', () => {
  const refused = async (file: string, code: string) => {
    const e = await preview(file).then(
      () => null,
      (err: unknown) => err
    )
    expect(e).toMatchObject({ code })
    const text = seen(e)
    expect(text).toContain(file.split('/').pop())
    expect(text).not.toContain(dir)
    return text
  }

  it('a zip bomb: a sheet that expands a thousandfold is refused early', async () => {
    const bomb = workbook({
      sheets: [{ rows: HEADER + '<x/>'.repeat(16 << 20) }]
    })
    expect(bomb.length).toBeLessThan(200_000)
    const file = write('bomb.xlsx', bomb)
    const t = performance.now()
    expect(await refused(file, 'xlsx_zip_bomb')).toContain('expands more than 200 times')
    expect(performance.now() - t).toBeLessThan(20_000)
  }, 60_000)

  it('a shared-strings bomb is refused the same way', async () => {
    const file = write(
      'strings-bomb.xlsx',
      workbook({ sheets: [{ rows: HEADER }], strings: { raw: '<x/>'.repeat(16 << 20) } })
    )
    await refused(file, 'xlsx_zip_bomb')
  }, 60_000)

  it('invalid workbooks: not a zip, entity tricks, deep nesting, endless text', async () => {
    await refused(write('not-zip.xlsx', Buffer.from('PK\u0003\u0004 broken')), 'xlsx_invalid')
    await refused(
      write(
        'entity.xlsx',
        workbook({
          sheets: [{ rows: HEADER }],
          extra: {
            'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]><worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>&a;&a;</t></is></c></row></sheetData></worksheet>`
          }
        })
      ),
      'xlsx_invalid'
    )
    await refused(
      write('deep.xlsx', workbook({ sheets: [{ rows: '<a>'.repeat(100) + '</a>'.repeat(100) }] })),
      'xlsx_invalid'
    )
    await refused(
      write(
        'endless.xlsx',
        workbook({
          sheets: [
            { rows: `<row r="1"><c t="inlineStr"><is><t>${'a'.repeat(3 << 20)}</t></is></c></row>` }
          ]
        })
      ),
      'xlsx_invalid'
    )
  }, 60_000)

  it('each cap has its own message: rows, merged ranges, shared strings, unpacked size', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => row(i + 1, [`Tên ${i}`, `${1980 + i}`])).join(
      ''
    )
    const file = write(
      'caps.xlsx',
      workbook({
        sheets: [
          {
            rows,
            merges: '<mergeCell ref="A20:B20"/><mergeCell ref="A21:B21"/><mergeCell ref="A22:B22"/>'
          }
        ],
        strings: ['một', 'hai', 'ba']
      })
    )
    const attempt = async (limits: Partial<typeof XLSX_LIMITS>) => {
      const sheet = await openXlsxSheet(file, undefined, { ...XLSX_LIMITS, ...limits })
      for await (const _r of sheet.rows(() => undefined)) void _r
    }
    await expect(attempt({})).resolves.toBeUndefined()
    const codes: [Partial<typeof XLSX_LIMITS>, string, string][] = [
      [{ rows: 10 }, 'xlsx_too_many_rows', 'more than 10 rows'],
      [{ merges: 2 }, 'xlsx_too_many_merges', 'more than 2 merged ranges'],
      [{ sharedStrings: 2 }, 'xlsx_too_many_strings', 'more than 2 different texts'],
      [{ sheetBytes: 400 }, 'xlsx_too_large', 'unpacks to more than']
    ]
    for (const [limits, code, words] of codes) {
      const e = await attempt(limits).then(
        () => null,
        (err: unknown) => err
      )
      expect(e, code).toMatchObject({ code })
      expect(seen(e)).toContain(words)
    }
  })

  it('merged ranges that overlap are a broken file', async () => {
    const file = write(
      'overlap.xlsx',
      workbook({
        sheets: [{ rows: HEADER + PEOPLE.join(''), merges: '<mergeCell ref="A2:C3"/>'.repeat(600) }]
      })
    )
    await refused(file, 'xlsx_invalid')
  })
})

describe('a damaged cell or an impossible date flags its row, never the whole import', () => {
  it('a shared-string index out of range rejects that row only, with its number', async () => {
    const file = write(
      'bad-index.xlsx',
      workbook({
        sheets: [
          {
            rows:
              '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
              '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>' +
              '<row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3" t="s"><v>99999</v></c></row>' +
              '<row r="4"><c r="A4" t="s"><v>2</v></c><c r="B4" t="s"><v>-1</v></c></row>'
          }
        ],
        strings: ['Họ và tên', 'Ngày sinh', 'Nguyễn Văn An', '1990']
      })
    )
    const p = await preview(file)
    expect(p.counts).toEqual({ read: 3, accepted: 1, rejected: 2 })
    expect(p.rows.map((r) => [r.rowNumber, r.rejected])).toEqual([
      [2, null],
      [3, ['bad_cell']],
      [4, ['bad_cell']]
    ])
    expect(await run(file)).toMatchObject({ rowsAccepted: 1, rowsRejected: 2 })
  })

  it('date serials 0, 60, negative, beyond 9999 stay text (a warning on their row); real ones are dates', async () => {
    const values = [0, 60, -5, 3_000_000, 1e300, 59, 61, 33239, 33239.75]
    const file = await excel((ws) => {
      ws.addRow(['Họ và tên', 'Ngày sinh'])
      values.forEach((v, i) => ws.addRow([`Người ${i}`, v]))
      ws.getColumn(2).numFmt = 'dd/mm/yyyy'
    })
    const p = await preview(file)
    expect(
      p.rows.map((r) => [r.rowNumber, r.values[1], r.record?.dob ?? null, r.warnings])
    ).toEqual([
      [2, '0', null, ['bad_dob']],
      [3, '60', null, ['bad_dob']],
      [4, '-5', null, ['bad_dob']],
      [5, '3000000', null, ['bad_dob']],
      [6, '1e+300', null, ['bad_dob']],
      [7, '1900-02-28', '1900-02-28', []],
      [8, '1900-03-01', '1900-03-01', []],
      [9, '1991-01-01', '1991-01-01', []],
      [10, '1991-01-01', '1991-01-01', []]
    ])
    expect(await run(file)).toMatchObject({ rowsAccepted: 9, rowsRejected: 0 })
  })

  it('serial dates: the 1900 leap-year slip and the 1904 system', () => {
    expect(serialDate(1, false)).toBe('1900-01-01')
    expect(serialDate(60, false)).toBeNull()
    expect(serialDate(2_958_465, false)).toBe('9999-12-31')
    expect(serialDate(2_958_466, false)).toBeNull()
    expect(serialDate(0, true)).toBe('1904-01-01')
    expect(serialDate(Number.NaN, false)).toBeNull()
  })
})

describe('what the reader understands', () => {
  it('prefixed tags, cells without addresses, inline and rich text, phonetic runs, _x000D_, 1904 dates, booleans, formulas', async () => {
    const sheet =
      '<x:row r="1"><x:c t="inlineStr"><x:is><x:t>Họ và tên</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>Ngày sinh</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>Ghi chú</x:t></x:is></x:c></x:row>' +
      '<x:row r="2"><x:c t="s"><x:v>0</x:v></x:c><x:c s="1"><x:v>0</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c></x:row>' +
      `<x:row r="3"><x:c t="inlineStr"><x:is><x:r><x:t>Lê </x:t></x:r><x:r><x:t>Thị_x000D_Bé</x:t></x:r><x:rPh><x:t>ignored</x:t></x:rPh></x:is></x:c><x:c s="1"><x:f>DATE(1990,1,1)</x:f><x:v>31777</x:v></x:c><x:c><x:f>${x('A1&"!"')}</x:f></x:c></x:row>`
    const file = write(
      'odd.xlsx',
      workbook({
        sheets: [{ rows: '' }],
        strings: {
          raw: '<si><r><t>Trần </t></r><r><t>Văn Ba</t></r><rPh><t>phonetic</t></rPh></si>'
        },
        styles: [0, 14],
        date1904: true,
        extra: {
          'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${sheet}</x:sheetData></x:worksheet>`
        }
      })
    )
    const p = await preview(file)
    expect(p.rows.map((r) => r.values)).toEqual([
      ['Trần Văn Ba', '1904-01-01', 'true'],
      ['Lê Thị\rBé', '1991-01-01', '=A1&"!"']
    ])
  })
})

describe('previews off the main thread', () => {
  it('a spreadsheet preview reads on a worker thread, whatever its size', async () => {
    const file = write('small.xlsx', workbook({ sheets: [{ rows: HEADER + PEOPLE.join('') }] }))
    workers.length = 0
    const p = await preview(file)
    expect(p.counts.accepted).toBe(2)
    expect(workers).toHaveLength(1)
    expect(workers[0]).toMatch(/import-worker\.(cjs|js)$/)
  })
})
