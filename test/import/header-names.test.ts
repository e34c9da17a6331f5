// Repeated and odd header names ("Ghi chú" twice, "__proto__", "constructor", an empty header):
// every cell is kept, for population and register rows, from CSV and from .xlsx.
import ExcelJS from 'exceljs'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDb } from '../../src/backend/db/open'
import { importFile, previewImport } from '../../src/backend/import/import-file'
import { columnKeys } from '../../src/core/import/column-ref'
import type { SourceKind } from '../../src/shared/fields'
import { jobCtx, tempDir } from '../helpers/tmp'

const dir = tempDir('doisoat-headers-')
let n = 0

const HEADERS = [
  'Mã hồ sơ',
  'Họ và tên',
  'Ghi chú',
  'Ghi chú',
  '__proto__',
  'constructor',
  'prototype',
  '',
  'Ghi chú (2)',
  'toString'
]
const ROW = ['DC-1', 'Nguyễn Văn An', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám']

async function file(format: 'csv' | 'xlsx'): Promise<string> {
  const path = join(dir, `headers-${n++}.${format}`)
  if (format === 'csv') {
    writeFileSync(path, [HEADERS, ROW].map((r) => r.join(',')).join('\n') + '\n')
  } else {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('Danh sách')
    ws.addRow(HEADERS)
    ws.addRow(ROW)
    await wb.xlsx.writeFile(path)
  }
  return path
}

function read(db: string, sql: string): { raw_json: string; headers_json: string } {
  const conn = openDb(db)
  try {
    return conn.prepare(sql).get() as { raw_json: string; headers_json: string }
  } finally {
    conn.close()
  }
}

async function imported(kind: SourceKind, format: 'csv' | 'xlsx') {
  const dbPath = join(dir, `headers-${n++}.db`)
  await importFile({ dbPath, kind, file: await file(format) }, jobCtx())
  const table = kind === 'population' ? 'population_record' : 'source_record'
  return read(
    dbPath,
    `SELECT r.raw_json, b.headers_json FROM ${table} r JOIN import_batch b ON b.id = r.batch_id`
  )
}

describe('column keys', () => {
  it('one distinct key per column, the first keeps its text, none is lost', () => {
    expect(columnKeys(HEADERS)).toEqual([
      'Mã hồ sơ',
      'Họ và tên',
      'Ghi chú',
      'Ghi chú (3)',
      '__proto__',
      'constructor',
      'prototype',
      '#8',
      'Ghi chú (2)',
      'toString'
    ])
  })
})

describe.each(['csv', 'xlsx'] as const)('a %s file with repeated and odd headers', (format) => {
  it('population: every unmapped cell is kept under its own key, __proto__ included', async () => {
    const { raw_json } = await imported('population', format)
    const cells = JSON.parse(raw_json) as Record<string, string>
    expect(Object.keys(cells)).toEqual([
      'Ghi chú',
      'Ghi chú (3)',
      '__proto__',
      'constructor',
      'prototype',
      '#8',
      'Ghi chú (2)',
      'toString'
    ])
    expect(Object.values(cells)).toEqual(ROW.slice(2))
    expect(Object.getOwnPropertyDescriptor(cells, '__proto__')?.value).toBe('ba')
  })

  it('register: the row keeps every cell in column order beside the full header', async () => {
    const { raw_json, headers_json } = await imported('registry', format)
    expect(JSON.parse(raw_json)).toEqual(ROW)
    expect(JSON.parse(headers_json)).toEqual(HEADERS)
  })

  it.runIf(format === 'xlsx')(
    'population: cells beyond the header (a wider spreadsheet row) are kept by position',
    async () => {
      const path = join(dir, `wide-${n++}.xlsx`)
      const wb = new ExcelJS.Workbook()
      const ws = wb.addWorksheet('Danh sách')
      ws.addRow(HEADERS)
      ws.addRow([...ROW, '', 'ngoài tiêu đề'])
      await wb.xlsx.writeFile(path)
      const dbPath = join(dir, `wide-${n++}.db`)
      await importFile({ dbPath, kind: 'population', file: path }, jobCtx())
      const { raw_json } = read(dbPath, 'SELECT raw_json FROM population_record')
      expect(JSON.parse(raw_json)).toMatchObject({ '#12': 'ngoài tiêu đề', 'Ghi chú': 'một' })
    }
  )

  it('a mapping saved from the preview names a repeated column by its position', async () => {
    const p = await previewImport(
      {
        dbPath: join(dir, `headers-${n++}.db`),
        kind: 'registry',
        file: await file(format),
        mapping: { fields: { father_name: '#4' } }
      },
      jobCtx()
    )
    expect(p.mapping.fields.father_name).toBe('#4')
    expect(p.rows[0]!.record!.father_name).toBe('hai')
  })
})
