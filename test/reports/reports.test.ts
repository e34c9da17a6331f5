// Reports and exports on a generated commune: the report's figures, its XLSX, grid exports (the
// PDF, printed by the system's Chromium, is tested with the end-to-end tests: test/e2e/report-pdf.test.ts).
import ExcelJS from 'exceljs'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb } from '../../src/backend/db/open'
import type { QueueRow } from '../../src/shared/api'
import type { Backend, Caller } from '../../src/backend/host'
import { encryptedDatabase } from '../helpers/encrypted'
import { importFile } from '../../src/backend/import/import-file'
import { writeCsv, writeXlsx } from '../../src/backend/reports/grid-export'
import { main } from '../../src/cli/main'
import { apiHelpers } from '../helpers/api'
import { generatedCommune } from '../helpers/commune'
import { jobCtx, tempDir } from '../helpers/tmp'

const dir = tempDir('doisoat-reports-')
const dbPath = join(dir, 'r.db')
let backend: Backend
let registryBatch = 0
let corrected: QueueRow
let clerk: Caller
const { call, fail } = apiHelpers(() => clerk)

function fromBase64(b64: string): Buffer {
  return Buffer.from(b64, 'base64')
}

async function readXlsx(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  return wb
}

/** RFC 4180 rows of a small CSV (quoted fields with commas, quotes, newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += c
  }
  return rows
}

let restorePassphrase = (): void => undefined

beforeAll(async () => {
  const c = await generatedCommune({
    dbPath,
    population: 3000,
    registry: 600,
    seed: 11,
    // Encrypted, as the app's databases are: the CLI test below opens it with the passphrase.
    create: (path) => (restorePassphrase = encryptedDatabase(path)),
    clerk: 'tranvanbinh',
    clerkName: 'Trần Văn Bình'
  })
  ;({ registryBatch, backend, clerk } = c)

  // A clerk's day: five links accepted, two rejected, one date of birth corrected.
  const certain = await call('review/queue', {
    startRow: 0,
    endRow: 7,
    filter: { grade: ['certain'], flagMode: 'any', state: ['auto_accepted'] }
  })
  for (const [i, row] of certain.rows.entries())
    await call('review/decide', {
      sourceRecordId: row.sourceRecordId,
      action: i < 5 ? 'accept' : 'reject'
    })
  const dob = await call('review/queue', {
    startRow: 0,
    endRow: 50,
    filter: {
      flag: ['dob_one_digit', 'dob_swap'],
      flagMode: 'any',
      state: ['open', 'auto_accepted']
    }
  })
  corrected = dob.rows.find(
    (r) => r.populationRecordId !== null && /[À-ỹ]/.test(r.populationName ?? '')
  )!
  await call('corrections/propose', {
    sourceRecordId: corrected.sourceRecordId,
    populationRecordId: corrected.populationRecordId!,
    side: 'population',
    fields: [{ field: 'dob' }],
    reason: 'dob_wrong',
    evidence: 'GKS số 15/2001'
  })
}, 180_000)

afterAll(async () => {
  await backend?.close()
  restorePassphrase()
})

describe('the report model from the database', () => {
  it('agrees with the dashboard for a batch: grades, flags, progress, corrections', async () => {
    const dash = await call('review/dashboard', {})
    const r = await call('reports/build', { batchId: registryBatch })
    expect(r.scope).toEqual({ kind: 'batch', batchId: registryBatch })
    expect(r.batches.map((b) => b.fileName)).toEqual(['registry.csv'])
    expect(r.run?.id).toBe(dash.runId)
    expect(r.summary.total).toBe(600)
    expect(r.summary.byGrade).toEqual(dash.byGrade)
    expect(r.summary.byState).toEqual(dash.byState)
    expect(r.summary.decided).toBe(7)
    expect(r.summary.byState).toMatchObject({ accepted: 5, rejected: 2 })
    expect(Object.fromEntries(r.mismatches.map((m) => [m.flag, m.count]))).toEqual(
      Object.fromEntries(Object.entries(dash.byFlag).filter(([, n]) => n > 0))
    )
    expect(r.generatedBy).toBe('Trần Văn Bình')
    expect(r.period).not.toBeNull()
    expect(r.summary.correctionsProposed).toBe(1)
    expect(r.corrections).toHaveLength(1)
    expect(r.corrections[0]).toMatchObject({
      no: 1,
      field: 'dob',
      name: corrected.populationName,
      newValue: corrected.dob,
      state: 'proposed',
      // The proposer as the report is signed: by display name, not by user name.
      proposedBy: 'Trần Văn Bình'
    })
    // The batch's commune: where most of its records live, named from the address tables.
    expect(r.commune.code).toMatch(/^\d{5}$/)
    expect(r.commune.name).toMatch(/^(Xã|Phường|Đặc khu) /)
  })

  it('splits a batch by commune: the communes add up to the records that have one', async () => {
    const scopes = await call('reports/scopes', {})
    expect(scopes.batches.map((b) => b.batchId)).toEqual([registryBatch])
    expect(scopes.communes.length).toBeGreaterThan(0)
    let sum = 0
    for (const c of scopes.communes) {
      const r = await call('reports/build', { commune: c.code })
      expect(r.summary.total).toBe(c.records)
      expect(r.commune).toEqual({ code: c.code, name: c.name })
      sum += r.summary.total
    }
    const db = openDb(dbPath, { readonly: true })
    const withCode = db
      .prepare('SELECT count(*) FROM source_record WHERE residence_commune_code IS NOT NULL')
      .pluck()
      .get()
    db.close()
    expect(sum).toBe(withCode)
  })

  it('counts an approved correction as approved', async () => {
    const db = openDb(dbPath)
    db.prepare("UPDATE correction SET state = 'approved'").run()
    db.close()
    try {
      const r = await call('reports/build', { batchId: registryBatch })
      expect(r.summary.correctionsApproved).toBe(1)
      expect(r.summary.correctionsProposed).toBe(0)
    } finally {
      const w = openDb(dbPath)
      w.prepare("UPDATE correction SET state = 'proposed'").run()
      w.close()
    }
  })

  it('refuses a scope that is both, neither, or not a local batch', async () => {
    expect((await fail('reports/build', { batchId: registryBatch, commune: '21109' })).code).toBe(
      'validation'
    )
    expect((await fail('reports/build', {})).code).toBe('validation')
    expect((await fail('reports/build', { batchId: 1 })).code).toBe('not_found')
    expect((await fail('reports/build', { commune: '99999' })).code).toBe('not_found')
  })
})

describe('review timeline', () => {
  it('counts decisions per day (notes left out) with a running total', async () => {
    const before = await call('review/timeline', {})
    expect(before.total).toBe(7)
    expect(before.days.at(-1)).toMatchObject({ cumulative: 7 })
    const some = (await call('review/queue', { startRow: 10, endRow: 11 })).rows[0]!
    await call('review/decide', {
      sourceRecordId: some.sourceRecordId,
      action: 'note',
      note: 'xem lại'
    })
    expect((await call('review/timeline', {})).total).toBe(7)
    expect((await call('review/timeline', { batchId: registryBatch })).total).toBe(7)
  })
})

describe('report files', () => {
  it('XLSX: four sheets with the same figures, read back with exceljs', async () => {
    const file = await call('reports/export', { batchId: registryBatch, format: 'xlsx' })
    expect(file.fileName).toMatch(
      new RegExp(`^bien-ban-doi-soat-lo-${registryBatch}-\\d{4}-\\d\\d-\\d\\d\\.xlsx$`)
    )
    const wb = await readXlsx(fromBase64(file.base64))
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Tổng hợp',
      'Sai lệch',
      'Đính chính',
      'Ký xác nhận'
    ])
    const summary = wb.getWorksheet('Tổng hợp')!
    expect(summary.getCell('A1').value).toBe('Biên bản đối soát dữ liệu')
    const values = new Map<string, unknown>()
    summary.eachRow((row) => values.set(row.getCell(1).text, row.getCell(2).value))
    expect(values.get('Tổng số bản ghi đối soát')).toBe(600)
    expect(values.get('Đã xem xét')).toBe(7)
    const corrections = wb.getWorksheet('Đính chính')!
    expect(corrections.getRow(4).getCell(3).value).toBe(corrected.populationName)
    expect(corrections.getRow(4).getCell(4).value).toBe('Ngày sinh')
  })

  it('CLI: wrong usage exits 2 with a message, an unknown batch exits 1', async () => {
    const err: string[] = []
    const io = { out: () => undefined, err: (l: string) => err.push(l) }
    expect(await main(['report', '--db', dbPath, '--out', join(dir, 'x.pdf')], io)).toBe(2)
    expect(err.pop()).toBe('Cần đúng một trong hai tùy chọn --batch hoặc --commune.')
    expect(
      await main(['report', '--db', dbPath, '--batch', '2', '--out', join(dir, 'x.doc')], io)
    ).toBe(2)
    expect(err.pop()).toContain('.pdf, .xlsx hoặc .html')
    expect(
      await main(['report', '--db', dbPath, '--batch', '77', '--out', join(dir, 'x.xlsx')], io)
    ).toBe(1)
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false)
  })
})

describe('grid exports', () => {
  it('queue: every row of the filter, in the grid order, CSV with a BOM', async () => {
    const filter = { grade: ['certain' as const, 'probable' as const], flagMode: 'any' as const }
    const sort = { field: 'name' as const, dir: 'asc' as const }
    const file = await call('grid/export', { grid: 'queue', filter, sort, format: 'csv' })
    const bytes = fromBase64(file.base64)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parseCsv(bytes.subarray(3).toString('utf8'))
    const page = await call('review/queue', { startRow: 0, endRow: 1000, filter, sort })
    expect(file.rows).toBe(page.total)
    expect(rows).toHaveLength(page.total + 1)
    expect(rows[0]![1]).toBe('Họ và tên (địa phương)')
    expect(rows.slice(1).map((r) => r[1])).toEqual(page.rows.map((r) => r.name))
  })

  it('records: all pages of a search as XLSX, sorted as the grid asked', async () => {
    const args = {
      table: 'population' as const,
      search: 'nguyen',
      sort: { field: 'dob' as const, dir: 'desc' as const }
    }
    const file = await call('grid/export', { grid: 'records', ...args, format: 'xlsx' })
    const list = await call('records/list', { ...args, startRow: 0, endRow: 1000 })
    expect(list.total).toBeGreaterThan(100)
    expect(file.rows).toBe(list.total)
    const ws = (await readXlsx(fromBase64(file.base64))).worksheets[0]!
    expect(ws.name).toBe('Dân cư (CSDLQG)')
    expect(ws.getRow(1).getCell(2).value).toBe('Họ và tên')
    expect(ws.rowCount).toBe(list.total + 1)
    expect(ws.getRow(2).getCell(1).value).toBe(list.rows[0]!.record_key)
    expect(ws.getRow(list.rows.length + 1).getCell(1).value).toBe(list.rows.at(-1)!.record_key)
  })

  it('corrections: one line per field, in English when asked', async () => {
    const file = await call('grid/export', { grid: 'corrections', format: 'csv', lang: 'en' })
    const rows = parseCsv(fromBase64(file.base64).subarray(3).toString('utf8'))
    expect(rows[0]![2]).toBe('Full name')
    expect(rows).toHaveLength(2)
    expect(rows[1]![2]).toBe(corrected.populationName)
    expect(rows[1]![3]).toBe('Date of birth')
  })
  it('rejected rows: every row of the batch with its reasons in words, as XLSX', async () => {
    const file = join(dir, 'so-loi.csv')
    writeFileSync(
      file,
      'Họ và tên,Ngày sinh\r\nNguyễn Văn Ân,01/02/1990\r\n,03/04/1991\r\n=1+1,\r\n'
    )
    const batch = await importFile({ dbPath, kind: 'birth', file }, jobCtx())
    expect(batch.rowsRejected).toBe(2)
    const out = await call('grid/export', {
      grid: 'rejected',
      batchId: batch.batchId,
      format: 'xlsx'
    })
    expect(out.rows).toBe(2)
    const ws = (await readXlsx(fromBase64(out.base64))).worksheets[0]!
    expect(ws.name).toBe('Dòng bị từ chối')
    expect(ws.getRow(2).values).toEqual([undefined, 3, 'thiếu họ tên', ',03/04/1991'])
    // A raw line that Excel would run as a formula stays text.
    expect(ws.getRow(3).getCell(3).value).toBe("'=1+1,")
  })
})

describe('export writers', () => {
  const src = () => ({
    name: 'Thử/nghiệm?',
    header: ['Họ và tên', 'Ghi chú'],
    rows: [
      ['Nguyễn Văn Ân', '=HYPERLINK("x")'],
      ['Lê "Bé" Thị, Hoa', null],
      ['Đỗ Minh', 3]
    ] as (string | number | null)[][]
  })

  it('CSV: BOM, CRLF, quoting, and formulas kept as text', () => {
    const { bytes, rows } = writeCsv(src())
    expect(rows).toBe(3)
    expect(bytes.toString('utf8')).toBe(
      '\ufeffHọ và tên,Ghi chú\r\n' +
        'Nguyễn Văn Ân,"\'=HYPERLINK(""x"")"\r\n' +
        '"Lê ""Bé"" Thị, Hoa",\r\n' +
        'Đỗ Minh,3\r\n'
    )
  })

  it('XLSX: the streamed workbook reads back cell for cell', async () => {
    const { bytes, rows } = await writeXlsx(src())
    expect(rows).toBe(3)
    const ws = (await readXlsx(bytes)).worksheets[0]!
    expect(ws.name).toBe('Thử nghiệm ')
    expect(ws.getRow(2).values).toEqual([undefined, 'Nguyễn Văn Ân', '\'=HYPERLINK("x")'])
    expect(ws.getRow(4).getCell(2).value).toBe(3)
  })
})
