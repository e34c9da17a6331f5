// The gateway's own reader of a seed file: a population export as UTF-8 CSV (what `doisoat sample`
// writes), read in chunks into rows of cells. The national side sends neither spreadsheets nor
// legacy encodings, so the importer's readers for those stay in the app.
import { closeSync, createReadStream, openSync, readSync } from 'node:fs'
import { nfcStream, utf8Stream } from '../core/encoding/utf8'
import { createCsvParser, detectDelimiter, type CsvParser } from '../core/import/csv'
import { AppError } from '../shared/errors'

export interface SeedRow {
  /** 1-based line number of the record. */
  n: number
  values: string[]
}

function head(file: string, n: number): Buffer {
  const fd = openSync(file, 'r')
  try {
    const buf = Buffer.alloc(n)
    return buf.subarray(0, readSync(fd, buf, 0, n, 0))
  } finally {
    closeSync(fd)
  }
}

/** The rows of a UTF-8 CSV file, a chunk at a time; anything else is refused, not misread. */
export async function* readSeedFile(file: string): AsyncGenerator<SeedRow[]> {
  const magic = head(file, 4)
  if (magic.length === 0) throw new AppError('file_empty', { path: file })
  // A zip (.xlsx) or an OLE2 compound file (.xls): a spreadsheet, not CSV text.
  if ((magic[0] === 0x50 && magic[1] === 0x4b) || magic.readUInt32BE(0) === 0xd0cf11e0)
    throw new AppError('file_unreadable', { path: file, detail: 'not a CSV file' })
  const decoder = nfcStream(utf8Stream(true))
  let parser: CsvParser | null = null
  let n = 0
  const number = (rows: string[][]): SeedRow[] => rows.map((values) => ({ n: ++n, values }))
  const decode = (step: () => string): string => {
    try {
      return step()
    } catch {
      throw new AppError('file_unreadable', { path: file, detail: 'not UTF-8 text' })
    }
  }
  for await (const buf of createReadStream(file, { highWaterMark: 1 << 20 })) {
    let text = decode(() => decoder.write(buf as Buffer))
    if (!parser) {
      if (text === '') continue
      text = text.replace(/^\ufeff/, '')
      parser = createCsvParser(detectDelimiter(text))
    }
    yield number(parser.push(text))
  }
  let last = decode(() => decoder.end())
  if (!parser) {
    last = last.replace(/^\ufeff/, '')
    parser = createCsvParser(detectDelimiter(last))
  }
  const rest = number([...parser.push(last), ...parser.end()])
  if (parser.unbalanced)
    throw new AppError('file_unreadable', { path: file, detail: 'unbalanced_quotes' })
  yield rest
}
