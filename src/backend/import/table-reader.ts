// Any table file clerks are given (CSV/TSV/semicolon in any encoding, .xlsx) as rows of text cells.
import type ExcelJS from 'exceljs'
import { createReadStream, openSync, readSync, closeSync } from 'node:fs'
import { extname } from 'node:path'
import { createCsvParser, detectDelimiter } from '../../core/import/csv'
import type { EncodingInfo } from '../../shared/api'
import { AppError } from '../../shared/errors'
import { createDecoder, detectEncoding, isEncoding } from './decode'

export interface TableRow {
  /** 1-based row number as a spreadsheet shows it. */
  n: number
  values: string[]
}

export interface TableChunk {
  rows: TableRow[]
  /** Bytes read so far (progress). */
  bytes: number
}

export interface TableInfo {
  format: 'csv' | 'xlsx'
  encoding: EncodingInfo | null
  delimiter: string | null
  sheets: string[] | null
  sheet: string | null
}

export interface Table {
  info: TableInfo
  size: number
  rows(): AsyncGenerator<TableChunk>
}

export interface ReadOptions {
  encoding?: string
  sheet?: string | number
  delimiter?: string
}

const SAMPLE_BYTES = 256 * 1024

function readHead(file: string, n: number): Buffer {
  const fd = openSync(file, 'r')
  try {
    const buf = Buffer.alloc(n)
    const got = readSync(fd, buf, 0, n, 0)
    return buf.subarray(0, got)
  } finally {
    closeSync(fd)
  }
}

function openCsv(file: string, size: number, o: ReadOptions): Table {
  const head = readHead(file, SAMPLE_BYTES)
  let encoding: EncodingInfo
  if (!o.encoding || o.encoding === 'auto') encoding = detectEncoding(head, file)
  else if (isEncoding(o.encoding)) {
    const detected = detectEncoding(head, file)
    encoding = { ...detected, used: o.encoding }
  } else throw new AppError('validation', { detail: `encoding ${o.encoding}` })
  const used = encoding.used as Parameters<typeof createDecoder>[0]
  const headText = createDecoder(used)
    .write(head)
    .replace(/^\ufeff/, '')
  const delimiter = o.delimiter ?? detectDelimiter(headText)
  return {
    info: { format: 'csv', encoding, delimiter, sheets: null, sheet: null },
    size,
    async *rows() {
      const decoder = createDecoder(used)
      const parser = createCsvParser(delimiter)
      let n = 0
      let bytes = 0
      let first = true
      const number = (rows: string[][]): TableRow[] => rows.map((values) => ({ n: ++n, values }))
      for await (const buf of createReadStream(file, { highWaterMark: 1 << 20 })) {
        bytes += (buf as Buffer).length
        let text = decoder.write(buf as Buffer)
        if (first && text.length > 0) {
          if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
          first = false
        }
        yield { rows: number(parser.push(text)), bytes }
      }
      const rest = number([...parser.push(decoder.end()), ...parser.end()])
      if (parser.unbalanced)
        throw new AppError('file_unreadable', { path: file, detail: 'unbalanced_quotes' })
      yield { rows: rest, bytes }
    }
  }
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10)
}

/** One spreadsheet cell as the text a clerk sees; formulas are never evaluated. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return ''
  if (value instanceof Date) return isoDate(value)
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result
      if (result instanceof Date) return isoDate(result)
      if (result != null && typeof result !== 'object') return String(result)
      return `=${(value as ExcelJS.CellFormulaValue).formula ?? ''}`
    }
    if ('text' in value) return String(value.text)
    if ('error' in value) return ''
    return ''
  }
  return String(value)
}

async function openXlsx(file: string, size: number, o: ReadOptions): Promise<Table> {
  // Loaded only for spreadsheets: the package takes most of a second to load, which every CSV
  // import (and its reader thread) would otherwise pay.
  const { default: Excel } = await import('exceljs')
  const wb = new Excel.Workbook()
  try {
    await wb.xlsx.readFile(file)
  } catch (e) {
    throw new AppError('file_unreadable', { path: file, detail: (e as Error).message })
  }
  const sheets = wb.worksheets.map((w) => w.name)
  const ws =
    o.sheet === undefined
      ? wb.worksheets[0]
      : typeof o.sheet === 'number'
        ? wb.worksheets[o.sheet - 1]
        : wb.worksheets.find((w) => w.name === o.sheet)
  if (!ws) {
    throw new AppError(sheets.length ? 'sheet_not_found' : 'file_empty', {
      path: file,
      sheet: String(o.sheet ?? 1),
      sheets: sheets.join(', ')
    })
  }
  return {
    info: { format: 'xlsx', encoding: null, delimiter: null, sheets, sheet: ws.name },
    size,
    // eslint-disable-next-line @typescript-eslint/require-await
    async *rows() {
      const width = ws.columnCount
      let batch: TableRow[] = []
      for (let r = 1; r <= ws.rowCount; r++) {
        const row = ws.getRow(r)
        const values: string[] = []
        for (let c = 1; c <= width; c++) {
          const cell = row.getCell(c)
          // A merged header cell holds its text in the top-left cell: every cell it covers shows it.
          values.push(cellText(cell.isMerged ? cell.master.value : cell.value).trim())
        }
        while (values.length > 0 && values[values.length - 1] === '') values.pop()
        batch.push({ n: r, values: values.length ? values : [''] })
        if (batch.length >= 5000) {
          yield { rows: batch, bytes: Math.round((size * r) / ws.rowCount) }
          batch = []
        }
      }
      yield { rows: batch, bytes: size }
    }
  }
}

/** Open a table file: the format from its first bytes (not only its name), then its reader. */
export async function openTable(file: string, size: number, o: ReadOptions = {}): Promise<Table> {
  const magic = readHead(file, 8)
  const ext = extname(file).toLowerCase()
  if (magic.length === 0) throw new AppError('file_empty', { path: file })
  // OLE2 compound file: Excel 97–2003 .xls. No parser without known vulnerabilities exists for it.
  if (magic.readUInt32BE(0) === 0xd0cf11e0 || ext === '.xls')
    throw new AppError('xls_unsupported', { path: file })
  if (magic[0] === 0x50 && magic[1] === 0x4b) return openXlsx(file, size, o)
  if (ext === '.xlsx')
    throw new AppError('file_unreadable', { path: file, detail: 'not an xlsx file' })
  return openCsv(file, size, o)
}
