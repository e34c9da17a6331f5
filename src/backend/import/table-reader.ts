// Any table file clerks are given (CSV/TSV/semicolon in any encoding, .xlsx) as rows of text cells.
import { createReadStream, openSync, readSync, closeSync } from 'node:fs'
import { basename, extname } from 'node:path'
import { createCsvParser, detectDelimiter } from '../../core/import/csv'
import type { EncodingInfo } from '../../shared/api'
import { AppError } from '../../shared/errors'
import { createDecoder, detectEncoding, isEncoding } from './decode'
import { openXlsxSheet } from './xlsx-reader'

export interface TableRow {
  /** 1-based row number as a spreadsheet shows it. */
  n: number
  values: string[]
  /**
   * A row that cannot be imported whatever its cells say: a spreadsheet row too wide or with a
   * broken cell (xlsx-reader.ts), a CSV line whose quote never closes.
   */
  problem?: 'too_wide' | 'bad_cell' | 'unbalanced_quotes'
  /** The row's text as in the file, when it could not be split into cells. */
  raw?: string
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
      yield { rows: [...rest, ...brokenRows(parser.broken, delimiter, () => ++n)], bytes }
    }
  }
}

/**
 * A quote opened and never closed swallows the rest of the file into one cell. The line it opened
 * on is rejected alone (its text kept) and the lines after it are read again, as often as that
 * happens: one stray quote costs one row, not the file.
 */
function brokenRows(broken: string | null, delimiter: string, next: () => number): TableRow[] {
  const out: TableRow[] = []
  while (broken !== null) {
    const end = /\r\n|\n|\r/.exec(broken)
    const line = end ? broken.slice(0, end.index) : broken
    out.push({ n: next(), values: [line], problem: 'unbalanced_quotes', raw: line })
    if (!end) break
    const again = createCsvParser(delimiter)
    const rows = [...again.push(broken.slice(end.index + end[0].length)), ...again.end()]
    for (const values of rows) out.push({ n: next(), values })
    broken = again.broken
  }
  return out
}

/** Rows per chunk, and cells: a chunk of wide rows is handed on sooner. */
const XLSX_CHUNK_ROWS = 5000
const XLSX_CHUNK_CELLS = 250_000

async function openXlsx(file: string, size: number, o: ReadOptions): Promise<Table> {
  const sheet = await openXlsxSheet(file, o.sheet)
  return {
    info: {
      format: 'xlsx',
      encoding: null,
      delimiter: null,
      sheets: sheet.sheets,
      sheet: sheet.sheet
    },
    size,
    async *rows() {
      let fraction = 0
      let batch: TableRow[] = []
      let cells = 0
      for await (const row of sheet.rows((f) => (fraction = f))) {
        batch.push(row)
        cells += row.values.length
        if (batch.length >= XLSX_CHUNK_ROWS || cells >= XLSX_CHUNK_CELLS) {
          yield { rows: batch, bytes: Math.round(size * Math.min(1, fraction)) }
          batch = []
          cells = 0
        }
      }
      yield { rows: batch, bytes: size }
    }
  }
}

/** A zip file by its first bytes (an .xlsx whatever its name). */
export function isZipFile(file: string): boolean {
  try {
    const magic = readHead(file, 2)
    return magic[0] === 0x50 && magic[1] === 0x4b
  } catch {
    return false
  }
}

/** Open a table file: the format from its first bytes (not only its name), then its reader. */
export async function openTable(file: string, size: number, o: ReadOptions = {}): Promise<Table> {
  const magic = readHead(file, 8)
  const ext = extname(file).toLowerCase()
  if (magic.length === 0) throw new AppError('file_empty', { path: basename(file) })
  // OLE2 compound file: Excel 97–2003 .xls. No parser without known vulnerabilities exists for it.
  if ((magic.length >= 4 && magic.readUInt32BE(0) === 0xd0cf11e0) || ext === '.xls')
    throw new AppError('xls_unsupported', { path: basename(file) })
  if (magic[0] === 0x50 && magic[1] === 0x4b) return openXlsx(file, size, o)
  if (ext === '.xlsx') throw new AppError('xlsx_invalid', { file: basename(file) })
  return openCsv(file, size, o)
}
