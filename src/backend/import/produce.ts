// The reading half of an import: table → header → validated rows, packed in flat batches that the
// writing half (import-file.ts) inserts. It runs on a worker thread for large files, so that
// decoding, parsing and validation use one core while SQLite writes on the other.
import { basename } from 'node:path'
import type { ImportPreview, PreviewRow } from '../../shared/api'
import { PERSON_FIELDS, type SourceKind } from '../../shared/fields'
import type { Mapping } from '../../shared/mapping'
import { AppError } from '../../shared/errors'
import { csvField } from '../../core/import/csv'
import {
  detectHeaderRow,
  isHeaderContinuation,
  MAX_COLUMNS,
  planColumns,
  planToMapping,
  sexColumns,
  type ColumnPlan
} from '../../core/import/headers'
import { toCanonical, type CanonicalRow, type RowResult } from '../../core/import/row'
import { columnKeys } from '../../core/import/column-ref'
import { resolveAddress as resolveAddressText } from '../../core/normalize/address'
import { strHash } from '../../core/match/store'
import { loadAddressIndex } from '../../core/normalize/address-tables'
import { populationDiffer, type HeldSpec } from './population-diff'
import { openTable, type Table, type TableInfo, type TableRow } from './table-reader'

/** What the reading half needs to know (plain data: it crosses to a worker thread). */
export interface ReadSpec {
  kind: SourceKind
  file: string
  mapping?: Mapping
  encoding?: string
  sheet?: string | number
  /** A population preview: the database whose records the rows are compared with (none: all new). */
  held?: HeldSpec | null
}

export interface Header {
  headerRow: number
  headers: string[]
  plan: ColumnPlan
  missing: string[]
}

const HEADER_SCAN_ROWS = 30

export const isBlank = (values: string[]): boolean => values.every((v) => v.trim() === '')

function analyseHeader(rows: TableRow[], o: ReadSpec): Header {
  // A row the reader flagged (damaged, or filled beyond the column cap) is no header.
  const nonBlank = rows.filter((r) => !r.problem && !isBlank(r.values))
  const at = o.mapping?.headerRow
  const headerRowData =
    at !== undefined
      ? rows.find((r) => r.n === at)
      : nonBlank[
          detectHeaderRow(
            nonBlank.map((r) => r.values),
            o.kind,
            HEADER_SCAN_ROWS
          )
        ]
  if (!headerRowData) throw new AppError('file_empty', { path: basename(o.file) })
  if (headerRowData.values.length > MAX_COLUMNS) {
    throw new AppError('too_many_columns', {
      file: basename(o.file),
      columns: headerRowData.values.length,
      max: MAX_COLUMNS
    })
  }
  const headers = headerRowData.values.map((h) => h.trim())
  const plan = planColumns(headers, o.kind, o.mapping)
  if (plan.unknownColumns.length) {
    throw new AppError('mapping_unknown_columns', { columns: plan.unknownColumns.join(', ') })
  }
  const f = plan.fieldColumns
  const missing: string[] = []
  if (!f.full_name && !f.given_name) missing.push('full_name')
  if (o.kind === 'population' && !f.record_key) missing.push('record_key')
  return { headerRow: headerRowData.n, headers, plan, missing }
}

export interface ScanHandlers {
  onHeader(h: Header): void
  onRow(row: TableRow, result: RowResult): void
  onChunk(bytes: number): Promise<void>
}

/** Stream every row after the header through validation; the header is found in the first rows. */
export async function scan(table: Table, o: ReadSpec, h: ScanHandlers): Promise<Header> {
  let header: Header | null = null
  const index = await loadAddressIndex()
  const resolveAddress = (text: string) => resolveAddressText(text, index)
  const early: TableRow[] = []
  let lastBytes = 0
  const strictWidth = table.info.format === 'csv'
  let rowOptions: Parameters<typeof toCanonical>[1] | null = null
  // The first row under the header may be its second line (merged spreadsheet header cells).
  let firstRow = true
  // The header repeated further down (pages of a report, two exports pasted together) is no
  // person: a row whose name cell is the name header's text is checked in full.
  let nameCol = -1
  const process = (row: TableRow): void => {
    if (row.n <= header!.headerRow) return
    // A spreadsheet row the reader could not take as it stands is rejected with its reason.
    if (row.problem) {
      h.onRow(row, { ok: false, reasons: [row.problem] })
      return
    }
    if (isBlank(row.values)) return
    if (firstRow) {
      firstRow = false
      if (isHeaderContinuation(header!.headers, row.values, header!.plan.columnFields)) {
        rowOptions!.sexByColumn = sexColumns(header!.headers, row.values, header!.plan.columnFields)
        return
      }
    }
    if (
      nameCol >= 0 &&
      row.values[nameCol] === header!.headers[nameCol] &&
      isHeaderContinuation(header!.headers, row.values, header!.plan.columnFields)
    )
      return
    h.onRow(row, toCanonical(row.values, rowOptions!))
  }
  const startHeader = (): void => {
    header = analyseHeader(early, o)
    rowOptions = {
      kind: o.kind,
      plan: header.plan,
      headerLength: header.headers.length,
      dateFormat: o.mapping?.dateFormat,
      strictWidth,
      resolveAddress
    }
    const f = header.plan.fieldColumns
    nameCol = (f.full_name ?? f.given_name ?? [-1])[0]!
    h.onHeader(header)
    for (const r of early) process(r)
  }
  let scanned = 0
  for await (const chunk of table.rows()) {
    lastBytes = chunk.bytes
    for (const row of chunk.rows) {
      if (header) process(row)
      else {
        early.push(row)
        if (!isBlank(row.values)) scanned++
        if (
          scanned >= HEADER_SCAN_ROWS ||
          (o.mapping?.headerRow !== undefined && row.n > o.mapping.headerRow)
        ) {
          startHeader()
        }
      }
    }
    await h.onChunk(chunk.bytes)
  }
  if (!header) {
    if (early.every((r) => isBlank(r.values)))
      throw new AppError('file_empty', { path: basename(o.file) })
    startHeader()
  }
  await h.onChunk(lastBytes)
  return header!
}

export function rawText(values: string[], delimiter: string | null): string {
  return values.map((v) => csvField(v)).join(delimiter ?? ',')
}

/** Stored person columns: the canonical fields and the folded name key the indexes use. */
export const PERSON_COLUMNS = [...PERSON_FIELDS, 'name_key'] as const

/**
 * A batch of rows as one flat array. Each row starts with a tag:
 * - ACCEPTED, row number, raw cells as JSON (for a population row: null when its key is surely
 *   new in this file), warnings joined by '|' ('' when none), then
 *   KIND_VALUES of the kind's statement (population: the cells no field took, record_key,
 *   version, person columns; other kinds: record_key, registration_number, event_date,
 *   event_place, person columns);
 * - REJECTED, row number, raw text, reasons joined by '|'.
 */
export interface RowBatch {
  cells: unknown[]
  /** Bytes of the file read so far (progress). */
  bytes: number
}

export const ACCEPTED = 1
export const REJECTED = 0

export function kindValues(kind: SourceKind): number {
  return kind === 'population' ? 3 + PERSON_COLUMNS.length : 4 + PERSON_COLUMNS.length
}

/**
 * A population record is the national side's record: its canonical fields are the record, and
 * only the cells no field took are kept as read ({"header": "value"}, or null when every column
 * was mapped). Keeping every row's cells twice made the table half as large again, and every
 * pass over it (indexes, encryption, matching) as much slower. Register rows keep all their cells.
 * Each column has its own key (a second "Ghi chú" is "Ghi chú (2)"), in an object without a
 * prototype, so that no cell overwrites another and "__proto__" is a key like any other.
 */
function unmappedCells(header: Header): (values: string[]) => string | null {
  const width = header.headers.length
  const columns = header.plan.columnFields.flatMap((f, i) => (f === null ? [i] : []))
  let keys = columnKeys(header.headers)
  const put = (out: Record<string, string> | null, i: number, v: string | undefined) => {
    if (v === undefined || v.trim() === '') return out
    out ??= Object.create(null) as Record<string, string>
    out[keys[i]!] = v
    return out
  }
  return (values) => {
    let out: Record<string, string> | null = null
    for (const i of columns) out = put(out, i, values[i])
    // Cells beyond the header (a spreadsheet row may be wider): kept under their position.
    if (values.length > width) {
      if (keys.length < values.length)
        keys = columnKeys([...header.headers, ...Array<string>(values.length - width).fill('')])
      for (let i = width; i < values.length; i++) out = put(out, i, values[i])
    }
    return out === null ? null : JSON.stringify(out)
  }
}

function pushRecord(out: unknown[], kind: SourceKind, r: CanonicalRow): void {
  out.push(r.record_key)
  // Null when the file carries no version: the writer tells "new at 1" from "next version".
  if (kind === 'population') out.push(r.version)
  else out.push(r.registration_number, r.event_date, r.event_place)
  for (let c = 0; c < PERSON_COLUMNS.length; c++) out.push(r[PERSON_COLUMNS[c]!])
}

export type ReadEvent =
  | { type: 'info'; info: TableInfo }
  | { type: 'header'; header: Header }
  | { type: 'batch'; batch: RowBatch }

/**
 * Which keys may have been seen: a fixed 2 MB bit set (one bit per hash of a key). Never says
 * "new" for a key seen before; says "maybe seen" wrongly for about one key in sixteen after a
 * million keys, which costs only that row's raw cells being sent. Memory does not grow with the file.
 */
export class KeyFilter {
  private readonly bits = new Uint8Array(1 << 21)
  /** Record the key; true when it (or a key with the same hash) was recorded before. */
  add(key: string): boolean {
    const h = strHash(key) >>> 8
    const byte = h >>> 3
    const bit = 1 << (h & 7)
    const seen = (this.bits[byte]! & bit) !== 0
    this.bits[byte] = this.bits[byte]! | bit
    return seen
  }
}

/** Rows per batch before it is handed over (a table chunk may end a batch early). */
const BATCH_ROWS = 4000

/**
 * Read, validate and pack the whole table; `emit` may wait (the writer's backpressure), so
 * memory stays flat in the file size.
 */
export async function readRows(
  o: ReadSpec,
  size: number,
  emit: (e: ReadEvent) => Promise<void> | void
): Promise<void> {
  const table = await openTable(o.file, size, o)
  const delimiter = table.info.delimiter
  await emit({ type: 'info', info: table.info })
  let cells: unknown[] = []
  let rows = 0
  const population = o.kind === 'population'
  const keysSeen = new KeyFilter()
  let extras: (values: string[]) => string | null = () => null
  await scan(table, o, {
    // The writer takes the header before any batch; a cancelled writer's refusal is seen at the next batch.
    onHeader: (header) => {
      extras = unmappedCells(header)
      void Promise.resolve(emit({ type: 'header', header })).catch(() => undefined)
    },
    onRow(row, result) {
      rows++
      if (!result.ok) {
        cells.push(
          REJECTED,
          row.n,
          row.raw ?? rawText(row.values, delimiter),
          result.reasons.join('|')
        )
        return
      }
      // The row's cells as read (the header they belong to is stored once on the batch). A
      // population row's are needed only if the writer rejects it as a second row with the same
      // key: sent only when its key may have been seen before.
      const raw =
        population && !keysSeen.add(String(result.record.record_key))
          ? null
          : JSON.stringify(row.values)
      cells.push(ACCEPTED, row.n, raw, result.warnings.join('|'))
      if (population) cells.push(extras(row.values))
      pushRecord(cells, o.kind, result.record)
    },
    onChunk: async (bytes) => {
      if (rows < BATCH_ROWS) return
      const batch = { cells, bytes }
      cells = []
      rows = 0
      await emit({ type: 'batch', batch })
    }
  })
  if (cells.length) await emit({ type: 'batch', batch: { cells, bytes: size } })
}

const PREVIEW_ROWS = 20

/** A preview's reading half: everything but the file's hash and what the database knows of it. */
export type PreviewScan = Omit<ImportPreview, 'fileName' | 'sha256' | 'size' | 'duplicateOf'>

/** Occurrences of each code (rejection reasons, warnings). */
export function counter(): { add: (key: string) => void; value: Record<string, number> } {
  const value: Record<string, number> = {}
  return { add: (key) => (value[key] = (value[key] ?? 0) + 1), value }
}

/** Read and check the whole table as an import would, keeping the first rows and the counts. */
export async function previewRows(
  o: ReadSpec,
  size: number,
  onChunk: (bytes: number) => Promise<void> | void
): Promise<PreviewScan> {
  const table = await openTable(o.file, size, o)
  const rows: PreviewRow[] = []
  const rejectedReasons = counter()
  const warnings = counter()
  const keys = new Set<string>()
  const population = o.kind === 'population'
  const differ = population ? populationDiffer(o.held ?? null) : null
  let accepted = 0
  let rejected = 0
  const header = await scan(table, o, {
    onHeader: () => undefined,
    onRow(row, result) {
      if (result.ok && population && result.record.record_key) {
        // The commit rejects a national key seen twice in one file: say so now.
        if (keys.has(result.record.record_key)) result = { ok: false, reasons: ['duplicate_key'] }
        else keys.add(result.record.record_key)
      }
      if (result.ok) {
        accepted++
        result.warnings.forEach(warnings.add)
        differ?.add(row.n, result.record)
      } else {
        rejected++
        result.reasons.forEach(rejectedReasons.add)
      }
      if (rows.length < PREVIEW_ROWS) {
        rows.push({
          rowNumber: row.n,
          values: row.values,
          record: result.ok ? { ...result.record } : null,
          rejected: result.ok ? null : result.reasons,
          warnings: result.ok ? result.warnings : []
        })
      }
    },
    onChunk: async (bytes) => onChunk(bytes)
  }).finally(() => differ?.close())
  return {
    format: table.info.format,
    encoding: table.info.encoding,
    delimiter: table.info.delimiter,
    sheets: table.info.sheets,
    sheet: table.info.sheet,
    headerRow: header.headerRow,
    headers: header.headers,
    columnFields: header.plan.columnFields,
    mapping: planToMapping(header.headers, header.plan, o.mapping),
    missing: header.missing,
    rows,
    counts: { read: accepted + rejected, accepted, rejected },
    rejectedReasons: rejectedReasons.value,
    warnings: warnings.value,
    population: differ?.result() ?? null
  }
}
