// .xlsx as a stream of rows: the sheet's XML is inflated and parsed as it is read, and each row is
// built from the cells it holds (a stray cell at XFD1048576 costs one cell, not a billion). Caps
// on size, expansion, rows, columns, merged ranges and shared strings turn a hostile file into a
// clear refusal; a damaged cell rejects its row, never the whole import.
import { basename } from 'node:path'
import { StringDecoder } from 'node:string_decoder'
import { SaxesParser, type SaxesTagPlain } from 'saxes'
import { AppError } from '../../shared/errors'
import { MAX_COLUMNS } from '../../core/import/headers'
import type { TableRow } from './table-reader'
import { ZipParts, type ZipEntry, type ZipLimits } from './zip-parts'

export interface XlsxLimits extends ZipLimits {
  /** Decompressed bytes of the sheet's XML (streamed, never held). */
  sheetBytes: number
  /** Decompressed bytes of a part held in memory: shared strings, styles, workbook. */
  partBytes: number
  /** Rows a sheet may have (Excel's own maximum). */
  rows: number
  /** Columns a row may fill; the cells of a row beyond them reject that row. */
  columns: number
  /** Merged ranges in the sheet. */
  merges: number
  /** Entries in the shared-strings table. */
  sharedStrings: number
  /** Characters in one cell (Excel allows 32,767). */
  cellChars: number
}

export const XLSX_LIMITS: XlsxLimits = {
  entries: 10_000,
  ratio: 200,
  ratioGrace: 16 << 20,
  sheetBytes: 1 << 30,
  partBytes: 256 << 20,
  rows: 1_048_576,
  columns: MAX_COLUMNS,
  merges: 100_000,
  sharedStrings: 2_000_000,
  cellChars: 32_767
}

/** Excel's last column (XFD) and row: a reference beyond them is no spreadsheet. */
const SHEET_COLUMNS = 16_384
const SHEET_ROWS = 1_048_576
/** Elements nested deeper than any part of a workbook needs. */
const MAX_DEPTH = 64
/** Characters between two tags: more than any cell (with its entities) can take. */
const MAX_TEXT_RUN = 1 << 20
/** Cells beyond the column cap kept (by address) in a rejected row's text. */
const FAR_CELLS_KEPT = 20

export interface XlsxSheet {
  sheets: string[]
  sheet: string
  rows(onCompressed: (fraction: number) => void): AsyncGenerator<TableRow>
}

type Refusal =
  | 'xlsx_invalid'
  | 'xlsx_too_large'
  | 'xlsx_zip_bomb'
  | 'xlsx_too_many_rows'
  | 'xlsx_too_many_merges'
  | 'xlsx_too_many_strings'

/** "AB12" → [row 12, column 28]; null when it is no cell reference within Excel's grid. */
export function cellAddress(ref: string): [number, number] | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref)
  if (!m) return null
  let col = 0
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64)
  const row = Number(m[2])
  if (col > SHEET_COLUMNS || row < 1 || row > SHEET_ROWS) return null
  return [row, col]
}

export function columnName(col: number): string {
  let s = ''
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26))
    s = String.fromCharCode(65 + ((c - 1) % 26)) + s
  return s
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1)

/** `_x000D_` and the like: how OOXML writes characters XML cannot carry. */
const unescapeOoxml = (s: string): string =>
  s.includes('_x')
    ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : s

/** Built-in number formats that show a date or a time. */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58
])

/** A custom format shows a date when, quoted text and [colour] tags aside, it has date letters. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '')
  return /[ymdhMsb]/.test(bare)
}

const EPOCH_1900 = Date.UTC(1899, 11, 30)
const EPOCH_1904 = Date.UTC(1904, 0, 1)
const DAY_MS = 86_400_000
/** 9999-12-31 in Excel's 1900 system: the last date it can show. */
const LAST_SERIAL = 2_958_465

/**
 * A date cell's serial number as yyyy-mm-dd, or null when it is no real date: 0, 60 (Excel's
 * 29 February 1900, a day that never was), negative numbers, beyond year 9999. The cell then
 * keeps its number as text, and the row is checked like any other text.
 */
export function serialDate(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial)) return null
  const day = Math.floor(serial)
  if (date1904) {
    if (day < 0 || day > LAST_SERIAL - 1462) return null
    return new Date(EPOCH_1904 + day * DAY_MS).toISOString().slice(0, 10)
  }
  if (day < 1 || day === 60 || day > LAST_SERIAL) return null
  // Serials before 60 count from 31 December 1899 (Excel's leap-year slip for 1900).
  return new Date(EPOCH_1900 + (day < 60 ? day + 1 : day) * DAY_MS).toISOString().slice(0, 10)
}

/** Events of one XML part, fed in chunks; stops at a tag nested too deep or text too long. */
class XmlStream {
  private readonly parser = new SaxesParser({ position: false, xmlns: false })
  private readonly decoder = new StringDecoder('utf8')
  private error: Error | null = null
  private depth = 0
  private run = 0
  private first = true

  constructor(
    private readonly refuse: (code: Refusal) => AppError,
    h: {
      open(name: string, attrs: Record<string, string>): void
      close(name: string): void
      text?: (text: string) => void
    }
  ) {
    // A self-closing tag gets its closetag too.
    // Malformed XML is refused before any handler acts on what follows it.
    this.parser.on('opentag', (t: SaxesTagPlain) => {
      if (this.error || ++this.depth > MAX_DEPTH) throw refuse('xlsx_invalid')
      h.open(localName(t.name), t.attributes)
    })
    this.parser.on('closetag', (t: SaxesTagPlain) => {
      if (this.error) throw refuse('xlsx_invalid')
      this.depth--
      h.close(localName(t.name))
    })
    const onText = h.text
    if (onText) {
      this.parser.on('text', (s) => onText(s))
      this.parser.on('cdata', (s) => onText(s))
    }
    this.parser.on('error', (e) => {
      this.error ??= e
    })
  }

  write(chunk: Buffer): void {
    let s = this.decoder.write(chunk)
    if (this.first && s.length > 0) {
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1)
      this.first = false
    }
    const lt = s.lastIndexOf('<')
    this.run = lt < 0 ? this.run + s.length : s.length - lt - 1
    if (this.run > MAX_TEXT_RUN) throw this.refuse('xlsx_invalid')
    // Malformed XML goes to the error handler; what is thrown here comes from our handlers
    // (a refusal, or Enough).
    this.parser.write(s)
    if (this.error) throw this.refuse('xlsx_invalid')
  }

  end(): void {
    this.parser.write(this.decoder.end())
    this.parser.close()
    if (this.error) throw this.refuse('xlsx_invalid')
  }
}

/** Stop a part's parse early once what is needed has been read. */
class Enough extends Error {}

async function parsePart(
  zip: ZipParts,
  entry: ZipEntry | undefined,
  maxBytes: number,
  refuse: (code: Refusal) => AppError,
  h: ConstructorParameters<typeof XmlStream>[1]
): Promise<void> {
  if (!entry) return
  const xml = new XmlStream(refuse, h)
  try {
    for await (const chunk of zip.read(entry, maxBytes)) xml.write(chunk)
    xml.end()
  } catch (e) {
    if (!(e instanceof Enough)) throw e
  }
}

/** Where a relationship points, from the folder of the part that owns it. */
function resolveTarget(base: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `${base}/${target}`).split('/')
  const out: string[] = []
  for (const p of parts) {
    if (p === '..') out.pop()
    else if (p !== '.' && p !== '') out.push(p)
  }
  return out.join('/')
}

interface Relationship {
  type: string
  target: string
}

async function relationships(
  zip: ZipParts,
  rels: string,
  base: string,
  limits: XlsxLimits,
  refuse: (code: Refusal) => AppError
): Promise<Map<string, Relationship>> {
  const out = new Map<string, Relationship>()
  await parsePart(zip, zip.entry(rels), limits.partBytes, refuse, {
    open(name, a) {
      if (name !== 'Relationship' || !a.Id || !a.Target || a.TargetMode === 'External') return
      out.set(a.Id, { type: a.Type ?? '', target: resolveTarget(base, a.Target) })
    },
    close() {}
  })
  return out
}

/** Which cell styles show dates (their number format is a date format). */
async function dateStyles(
  zip: ZipParts,
  path: string,
  limits: XlsxLimits,
  refuse: (code: Refusal) => AppError
): Promise<boolean[]> {
  const custom = new Map<number, string>()
  const styles: boolean[] = []
  let inCellXfs = false
  const formats: number[] = []
  await parsePart(zip, zip.entry(path), limits.partBytes, refuse, {
    open(name, a) {
      if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '')
      else if (name === 'cellXfs') inCellXfs = true
      else if (name === 'xf' && inCellXfs) formats.push(Number(a.numFmtId ?? 0))
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false
    }
  })
  for (const id of formats) {
    const code = custom.get(id)
    styles.push(code !== undefined ? isDateFormat(code) : DATE_FORMAT_IDS.has(id))
  }
  return styles
}

/** The shared strings; an entry longer than a cell may be is null (its cells reject their row). */
async function sharedStrings(
  zip: ZipParts,
  path: string | undefined,
  limits: XlsxLimits,
  refuse: (code: Refusal) => AppError
): Promise<(string | null)[]> {
  const out: (string | null)[] = []
  if (!path) return out
  let text: string[] | null = null
  let length = 0
  let inT = false
  let phonetic = 0
  await parsePart(zip, zip.entry(path), limits.partBytes, refuse, {
    open(name) {
      if (name === 'si') {
        if (out.length >= limits.sharedStrings) throw refuse('xlsx_too_many_strings')
        text = []
        length = 0
      } else if (name === 't') inT = true
      else if (name === 'rPh') phonetic++
    },
    text(s) {
      if (!inT || phonetic > 0 || !text) return
      length += s.length
      if (length <= limits.cellChars * 6) text.push(s)
    },
    close(name) {
      if (name === 't') inT = false
      else if (name === 'rPh') phonetic--
      else if (name === 'si' && text) {
        const s = unescapeOoxml(text.join(''))
        out.push(s.length > limits.cellChars ? null : s)
        text = null
      }
    }
  })
  return out
}

interface Merge {
  top: number
  left: number
  bottom: number
  right: number
  text: string
}

/**
 * The sheet's merged ranges. They follow the rows in the XML, so they are found in a first pass
 * that only looks for their tags; the rows are read in a second pass that knows them.
 */
async function mergedRanges(
  zip: ZipParts,
  sheet: ZipEntry,
  limits: XlsxLimits,
  refuse: (code: Refusal) => AppError
): Promise<Merge[]> {
  const merges: Merge[] = []
  const decoder = new StringDecoder('utf8')
  const tag = /<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref\s*=\s*["']([^"']*)["']/g
  let carry = ''
  const scan = (text: string): void => {
    const s = carry + text
    tag.lastIndex = 0
    for (let m = tag.exec(s); m; m = tag.exec(s)) {
      const [a, b] = m[1]!.split(':')
      const from = cellAddress(a ?? '')
      const to = cellAddress(b ?? a ?? '')
      if (!from || !to) throw refuse('xlsx_invalid')
      const top = Math.min(from[0], to[0])
      const bottom = Math.max(from[0], to[0])
      const left = Math.min(from[1], to[1])
      // Columns beyond the cap are never filled: the range stops there.
      const right = Math.min(Math.max(from[1], to[1]), limits.columns)
      if ((top === bottom && left === right) || left > limits.columns) continue
      if (merges.length >= limits.merges) throw refuse('xlsx_too_many_merges')
      merges.push({ top, left, bottom, right, text: '' })
    }
    // A tag cut by the chunk's end is read with the next chunk.
    const open = s.lastIndexOf('<')
    carry = open >= 0 && s.indexOf('>', open) < 0 ? s.slice(open, open + 4096) : ''
  }
  for await (const chunk of zip.read(sheet, limits.sheetBytes)) scan(decoder.write(chunk))
  scan(decoder.end())
  return merges.sort((x, y) => x.top - y.top || x.left - y.left)
}

/**
 * Open a workbook and one of its sheets (by name, by 1-based number, or the first). Throws
 * sheet_not_found / file_empty like the rest of the importer, and the xlsx_* refusals.
 */
export async function openXlsxSheet(
  file: string,
  sheet: string | number | undefined,
  limits: XlsxLimits = XLSX_LIMITS
): Promise<XlsxSheet> {
  const name = basename(file)
  const caps: Partial<Record<Refusal, number>> = {
    xlsx_too_many_rows: limits.rows,
    xlsx_too_many_merges: limits.merges,
    xlsx_too_many_strings: limits.sharedStrings
  }
  const refuse = (code: Refusal, params: Record<string, number> = {}): AppError =>
    new AppError(code, { file: name, max: caps[code] ?? 0, ratio: limits.ratio, ...params })
  let zip: ZipParts
  try {
    zip = ZipParts.open(file, limits, refuse)
  } catch (e) {
    if (e instanceof AppError) throw e
    throw refuse('xlsx_invalid')
  }

  // The workbook part, from the package's relationships (xl/workbook.xml by convention).
  const root = await relationships(zip, '_rels/.rels', '', limits, refuse)
  const office = [...root.values()].find((r) => r.type.endsWith('/officeDocument'))
  const workbookPath = office?.target ?? 'xl/workbook.xml'
  if (!zip.entry(workbookPath)) throw refuse('xlsx_invalid')
  const folder = workbookPath.includes('/')
    ? workbookPath.slice(0, workbookPath.lastIndexOf('/'))
    : ''
  const rels = await relationships(
    zip,
    `${folder ? `${folder}/` : ''}_rels/${workbookPath.slice(folder ? folder.length + 1 : 0)}.rels`,
    folder,
    limits,
    refuse
  )

  const list: { name: string; rid: string }[] = []
  let date1904 = false
  await parsePart(zip, zip.entry(workbookPath), limits.partBytes, refuse, {
    open(tag, a) {
      if (tag === 'sheet') {
        const rid = a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1] ?? ''
        if (list.length < 10_000) list.push({ name: a.name ?? '', rid })
      } else if (tag === 'workbookPr')
        date1904 = a.date1904 === '1' || a.date1904?.toLowerCase() === 'true'
    },
    close(tag) {
      if (tag === 'sheets') throw new Enough()
    }
  })
  const sheets = list.map((s) => s.name)
  const chosen =
    sheet === undefined
      ? list[0]
      : typeof sheet === 'number'
        ? list[sheet - 1]
        : list.find((s) => s.name === sheet)
  if (!chosen)
    throw new AppError(sheets.length ? 'sheet_not_found' : 'file_empty', {
      path: name,
      sheet: String(sheet ?? 1),
      sheets: sheets.join(', ')
    })
  const sheetPath = rels.get(chosen.rid)?.target
  const sheetEntry = sheetPath ? zip.entry(sheetPath) : undefined
  if (!sheetEntry) throw refuse('xlsx_invalid')
  const byType = (suffix: string): string | undefined =>
    [...rels.values()].find((r) => r.type.endsWith(suffix))?.target
  const stylesPath = byType('/styles') ?? `${folder}/styles.xml`
  const stringsPath = byType('/sharedStrings') ?? `${folder}/sharedStrings.xml`

  return {
    sheets,
    sheet: chosen.name,
    async *rows(onCompressed) {
      const isDate = await dateStyles(zip, stylesPath, limits, refuse)
      const strings = await sharedStrings(zip, stringsPath, limits, refuse)
      const merges = await mergedRanges(zip, sheetEntry, limits, refuse)
      yield* sheetRows(
        zip,
        sheetEntry,
        { isDate, strings, merges, date1904 },
        limits,
        refuse,
        (b) => onCompressed(sheetEntry.compressedSize ? b / sheetEntry.compressedSize : 1)
      )
    }
  }
}

interface SheetContext {
  isDate: boolean[]
  strings: (string | null)[]
  merges: Merge[]
  date1904: boolean
}

/** The second pass: rows as they are parsed, merged cells filled from their first cell. */
async function* sheetRows(
  zip: ZipParts,
  entry: ZipEntry,
  ctx: SheetContext,
  limits: XlsxLimits,
  refuse: (code: Refusal) => AppError,
  onCompressed: (bytes: number) => void
): AsyncGenerator<TableRow> {
  const ready: TableRow[] = []
  let rowNo = 0
  let rows = 0
  let values: string[] = []
  let far: string[] = []
  let problem: TableRow['problem']
  let col = 0
  let type = ''
  let style = 0
  let value: string[] | null = null
  let formula: string[] | null = null
  let inline: string[] | null = null
  // Where the text being read goes: a <v>, an <f>, or a <t> of an inline string.
  let target: string[] | null = null
  let phonetic = 0
  let chars = 0
  // Merged ranges whose rows have begun, and the next range to begin.
  let active: Merge[] = []
  let nextMerge = 0

  const cellText = (): string => {
    const v = value?.join('') ?? null
    if (type === 's') {
      if (v === null) return ''
      // An index the table does not have: the file is damaged there; the row says so.
      const s = /^\s*\d+\s*$/.test(v) ? ctx.strings[Number(v)] : undefined
      if (s === undefined || s === null) {
        problem ??= 'bad_cell'
        return ''
      }
      return s
    }
    if (type === 'inlineStr') return unescapeOoxml(inline?.join('') ?? '')
    if (v === null) return formula ? `=${formula.join('')}` : ''
    if (type === 'str') return unescapeOoxml(v)
    if (type === 'b') return v.trim() === '1' ? 'true' : v.trim() === '0' ? 'false' : v
    if (type === 'e') return ''
    if (type === 'd') {
      const d = new Date(v.trim())
      return Number.isNaN(d.getTime()) ? v : d.toISOString().slice(0, 10)
    }
    const num = Number(v)
    if (v.trim() === '' || Number.isNaN(num)) return v
    if (ctx.isDate[style]) return serialDate(num, ctx.date1904) ?? String(num)
    return String(num)
  }

  const endRow = (): void => {
    // Ranges that begin on this row join; those that ended before it leave.
    if (active.length) active = active.filter((m) => m.bottom >= rowNo)
    while (nextMerge < ctx.merges.length && ctx.merges[nextMerge]!.top <= rowNo) {
      const m = ctx.merges[nextMerge++]!
      if (m.bottom >= rowNo) active.push(m)
    }
    let width = 0
    for (const m of active) {
      width += m.right - m.left + 1
      // Ranges of one row overlap when they cover more columns than there are: a broken file.
      if (width > limits.columns) throw refuse('xlsx_invalid')
      if (m.top === rowNo) m.text = values[m.left - 1] ?? ''
      for (let c = m.left; c <= m.right; c++) {
        if (m.top === rowNo && c === m.left) continue
        while (values.length < c) values.push('')
        values[c - 1] = m.text
      }
    }
    while (values.length > 0 && values[values.length - 1] === '') values.pop()
    if (far.length) {
      // Cells beyond the column cap: the row is rejected with them, by address, in its text.
      problem = 'too_wide'
      values.push(...far)
    }
    const row: TableRow = { n: rowNo, values: values.length ? values : [''] }
    if (problem) row.problem = problem
    ready.push(row)
  }

  const xml = new XmlStream(refuse, {
    open(name, a) {
      switch (name) {
        case 'row': {
          const r = a.r === undefined ? rowNo + 1 : Number(a.r)
          if (!Number.isInteger(r) || r < 1 || r > SHEET_ROWS) throw refuse('xlsx_invalid')
          // Rows come in order in every workbook Excel writes; out of order is a forged file.
          if (r <= rowNo) throw refuse('xlsx_invalid')
          if (r > limits.rows || ++rows > limits.rows) throw refuse('xlsx_too_many_rows')
          rowNo = r
          values = []
          far = []
          problem = undefined
          col = 0
          break
        }
        case 'c': {
          // The cell's column; its row is the row it sits in.
          const at = a.r === undefined ? col + 1 : cellAddress(a.r)?.[1]
          if (at === undefined || at > SHEET_COLUMNS) throw refuse('xlsx_invalid')
          col = at
          type = a.t ?? 'n'
          style = Number(a.s ?? 0)
          value = formula = inline = null
          chars = 0
          break
        }
        case 'v':
          target = value = []
          break
        case 'f':
          target = formula = []
          break
        case 'is':
          inline = []
          break
        case 't':
          if (inline && phonetic === 0) target = inline
          break
        case 'rPh':
          phonetic++
          target = null
          break
      }
    },
    text(s) {
      if (!target) return
      chars += s.length
      if (chars > limits.cellChars * 6) {
        problem ??= 'bad_cell'
        return
      }
      target.push(s)
    },
    close(name) {
      switch (name) {
        case 'v':
        case 'f':
        case 't':
          target = null
          break
        case 'rPh':
          phonetic--
          break
        case 'c': {
          let text = cellText().trim()
          if (text.length > limits.cellChars) {
            problem ??= 'bad_cell'
            text = text.slice(0, limits.cellChars)
          }
          value = formula = inline = target = null
          if (text === '') break
          if (col > limits.columns) {
            if (far.length < FAR_CELLS_KEPT) far.push(`${columnName(col)}${rowNo}=${text}`)
            break
          }
          while (values.length < col - 1) values.push('')
          values[col - 1] = text
          break
        }
        case 'row':
          endRow()
          break
        case 'sheetData':
          throw new Enough()
      }
    }
  })
  try {
    for await (const chunk of zip.read(entry, limits.sheetBytes, onCompressed)) {
      xml.write(chunk)
      if (ready.length) yield* ready.splice(0)
    }
    xml.end()
  } catch (e) {
    if (!(e instanceof Enough)) throw e
  }
  if (ready.length) yield* ready.splice(0)
}
