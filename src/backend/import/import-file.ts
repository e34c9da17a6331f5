// Import: read any table file, map its columns, validate each row; preview writes nothing, commit writes all or nothing.
import { createHash } from 'node:crypto'
import { createReadStream, statSync } from 'node:fs'
import { basename } from 'node:path'
import type { ImportPreview, ImportSummary, PreviewRow } from '../../shared/api'
import { AppError } from '../../shared/errors'
import { tr } from '../../shared/i18n'
import { PERSON_FIELDS, type SourceKind } from '../../shared/fields'
import type { Mapping } from '../../shared/mapping'
import { csvField } from '../../core/import/csv'
import {
  detectHeaderRow,
  MAX_COLUMNS,
  planColumns,
  planToMapping,
  type ColumnPlan
} from '../../core/import/headers'
import { toCanonical, type CanonicalRow, type RowResult } from '../../core/import/row'
import { appendAudit } from '../audit/audit'
import { openDb, type Db } from '../db/open'
import { checkpoint, type JobContext } from '../jobs/jobs'
import { openTable, type Table, type TableRow } from './table-reader'
import { loadAddressIndex } from '../address-tables'
import { rebuildPopulationFts } from '../review/search'
import { resolveAddress as resolveAddressText } from '../../core/normalize/address'

export interface ImportOptions {
  dbPath: string
  kind: SourceKind
  file: string
  allowDuplicate?: boolean
  actor?: string
  mapping?: Mapping
  encoding?: string
  sheet?: string | number
}

const CHUNK_ROWS = 5000
const PREVIEW_ROWS = 20
const HEADER_SCAN_ROWS = 30

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

function fileSize(file: string): number {
  try {
    const st = statSync(file)
    if (!st.isFile()) throw new Error('not a file')
    return st.size
  } catch {
    throw new AppError('file_not_found', { path: file })
  }
}

const isBlank = (values: string[]): boolean => values.every((v) => v.trim() === '')

interface Header {
  headerRow: number
  headers: string[]
  plan: ColumnPlan
  missing: string[]
}

function analyseHeader(rows: TableRow[], o: ImportOptions): Header {
  const nonBlank = rows.filter((r) => !isBlank(r.values))
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
    throw new AppError('file_unreadable', {
      path: basename(o.file),
      detail: `> ${MAX_COLUMNS} columns`
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

interface ScanHandlers {
  onHeader(h: Header): void
  onRow(row: TableRow, result: RowResult): void
  onChunk(bytes: number): Promise<void>
}

/** Stream every row after the header through validation; the header is found in the first rows. */
async function scan(table: Table, o: ImportOptions, h: ScanHandlers): Promise<Header> {
  let header: Header | null = null
  const index = await loadAddressIndex()
  const resolveAddress = (text: string) => resolveAddressText(text, index)
  const early: TableRow[] = []
  let lastBytes = 0
  const strictWidth = table.info.format === 'csv'
  const process = (row: TableRow): void => {
    if (row.n <= header!.headerRow || isBlank(row.values)) return
    h.onRow(
      row,
      toCanonical(row.values, {
        kind: o.kind,
        plan: header!.plan,
        headerLength: header!.headers.length,
        dateFormat: o.mapping?.dateFormat,
        strictWidth,
        resolveAddress
      })
    )
  }
  const startHeader = (): void => {
    header = analyseHeader(early, o)
    h.onHeader(header)
    for (const r of early) process(r)
  }
  for await (const chunk of table.rows()) {
    lastBytes = chunk.bytes
    for (const row of chunk.rows) {
      if (header) process(row)
      else {
        early.push(row)
        const scanned = early.filter((r) => !isBlank(r.values)).length
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

function rawText(values: string[], delimiter: string | null): string {
  return values.map((v) => csvField(v)).join(delimiter ?? ',')
}

function counter(): { add: (key: string) => void; value: Record<string, number> } {
  const value: Record<string, number> = {}
  return { add: (key) => (value[key] = (value[key] ?? 0) + 1), value }
}

function previousBatch(db: Db, sha256: string): { batchId: number; createdAt: string } | null {
  const row = db
    .prepare('SELECT id, created_at FROM import_batch WHERE file_sha256 = ? ORDER BY id LIMIT 1')
    .get(sha256) as { id: number; created_at: string } | undefined
  return row ? { batchId: row.id, createdAt: row.created_at } : null
}

/** What an import would do, from the whole file, without writing anything. */
export async function previewImport(o: ImportOptions, ctx: JobContext): Promise<ImportPreview> {
  const size = fileSize(o.file)
  const sha256 = await sha256File(o.file)
  const table = await openTable(o.file, size, o)
  const rows: PreviewRow[] = []
  const rejectedReasons = counter()
  const warnings = counter()
  const keys = new Set<string>()
  let accepted = 0
  let rejected = 0
  const header = await scan(table, o, {
    onHeader: () => undefined,
    onRow(row, result) {
      if (result.ok && o.kind === 'population' && result.record.record_key) {
        // The commit rejects a national key seen twice in one file: say so now.
        if (keys.has(result.record.record_key)) result = { ok: false, reasons: ['duplicate_key'] }
        else keys.add(result.record.record_key)
      }
      if (result.ok) {
        accepted++
        result.warnings.forEach(warnings.add)
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
    onChunk: async (bytes) => {
      ctx.progress('read', bytes, size)
      await checkpoint(ctx.signal)
    }
  })
  let duplicateOf: ImportPreview['duplicateOf'] = null
  const db = openDb(o.dbPath)
  try {
    duplicateOf = previousBatch(db, sha256)
  } finally {
    db.close()
  }
  return {
    fileName: basename(o.file),
    sha256,
    size,
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
    duplicateOf
  }
}

/** Stored person columns: the canonical fields and the folded name key the indexes use. */
const PERSON_COLUMNS = [...PERSON_FIELDS, 'name_key'] as const

function insertStatements(db: Db) {
  const cols = PERSON_COLUMNS.join(', ')
  const marks = PERSON_COLUMNS.map(() => '?').join(', ')
  const updates = PERSON_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')
  // Positional parameters: binding thirty named ones per row costs more than the insert itself.
  return {
    source: db.prepare(
      `INSERT INTO source_record (batch_id, row_number, record_key, raw_json, registration_number,
         event_date, event_place, warnings_json, ${cols})
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ${marks})`
    ),
    // A newer extract of the same national record replaces it; the same key twice in one file does not.
    population: db.prepare(
      `INSERT INTO population_record (batch_id, row_number, record_key, raw_json, version, snapshot_at, ${cols})
       VALUES (?, ?, ?, ?, ?, ?, ${marks})
       ON CONFLICT (record_key) DO UPDATE SET batch_id = excluded.batch_id,
         row_number = excluded.row_number, ${updates}, version = excluded.version,
         snapshot_at = excluded.snapshot_at, raw_json = excluded.raw_json
       WHERE population_record.batch_id IS NOT excluded.batch_id`
    ),
    rejected: db.prepare(
      'INSERT INTO rejected_row (batch_id, row_number, raw_text, reasons_json) VALUES (?, ?, ?, ?)'
    )
  }
}

/**
 * Import one file. Writes through its own connection inside one IMMEDIATE transaction, so a
 * cancel, a crash or a kill leaves no partial batch and readers never see half a file.
 */
export async function importFile(o: ImportOptions, ctx: JobContext): Promise<ImportSummary> {
  const size = fileSize(o.file)
  ctx.progress('read', 0, size)
  const sha256 = await sha256File(o.file)
  const fileName = basename(o.file)
  const table = await openTable(o.file, size, o)

  const db = openDb(o.dbPath)
  try {
    const previous = previousBatch(db, sha256)
    if (previous && !o.allowDuplicate) {
      throw new AppError('duplicate_file', { batchId: previous.batchId, date: previous.createdAt })
    }
    // A bigger page cache keeps the indexes' hot pages in memory during a large import.
    db.pragma('cache_size = -131072')
    const now = new Date().toISOString()
    const stmts = insertStatements(db)
    const rejectedReasons = counter()
    const warnings = counter()
    let accepted = 0
    let rejected = 0
    let pending = 0

    db.exec('BEGIN IMMEDIATE')
    try {
      const { info } = table
      const restoreIndexes = deferIndexes(
        db,
        o.kind === 'population' ? 'population_record' : 'source_record',
        size
      )
      const batchId = Number(
        db
          .prepare(
            `INSERT INTO import_batch (kind, file_name, file_sha256, file_size, encoding_detected,
               encoding_used, encoding_confidence, delimiter, format, sheet, rows_read,
               rows_accepted, rows_rejected, created_by, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, NULL, ?)`
          )
          .run(
            o.kind,
            fileName,
            sha256,
            size,
            info.encoding?.detected ?? null,
            info.encoding?.used ?? null,
            info.encoding?.confidence ?? null,
            info.delimiter,
            info.format,
            info.sheet,
            now
          ).lastInsertRowid
      )
      const reject = (row: TableRow, reasons: string[]): void => {
        rejected++
        reasons.forEach(rejectedReasons.add)
        stmts.rejected.run(
          batchId,
          row.n,
          rawText(row.values, info.delimiter),
          JSON.stringify(reasons)
        )
      }
      const header = await scan(table, o, {
        onHeader: (h) => {
          if (h.missing.length) {
            const names = h.missing.map((m) => `${tr(`fields.${m}`)} (${m})`)
            throw new AppError('missing_columns', { columns: names.join(', ') })
          }
        },
        onRow(row, result) {
          pending++
          if (!result.ok) return reject(row, result.reasons)
          // The row's cells as read; the header they belong to is stored once on the batch.
          const raw = JSON.stringify(row.values)
          if (
            !writeRecord(stmts, o.kind, result.record, {
              batchId,
              rowNumber: row.n,
              raw,
              now,
              warnings: result.warnings
            })
          ) {
            return reject(row, ['duplicate_key'])
          }
          accepted++
          result.warnings.forEach(warnings.add)
        },
        onChunk: async (bytes) => {
          if (pending < CHUNK_ROWS) return
          pending = 0
          ctx.progress('write', bytes, size)
          await checkpoint(ctx.signal)
        }
      })
      if (accepted + rejected === 0) throw new AppError('file_empty', { path: fileName })
      ctx.progress('index', size, size)
      restoreIndexes()
      db.prepare(
        `UPDATE import_batch SET rows_read = ?, rows_accepted = ?, rows_rejected = ?, header_row = ?,
           headers_json = ?, mapping_json = ?, warnings_json = ? WHERE id = ?`
      ).run(
        accepted + rejected,
        accepted,
        rejected,
        header.headerRow,
        JSON.stringify(header.headers),
        JSON.stringify(planToMapping(header.headers, header.plan, o.mapping)),
        JSON.stringify(warnings.value),
        batchId
      )
      appendAudit(db, {
        actor: o.actor ?? 'system',
        action: 'import',
        entity: 'import_batch',
        entityId: batchId,
        detail: {
          kind: o.kind,
          file: fileName,
          sha256,
          encoding: info.encoding?.used ?? null,
          read: accepted + rejected,
          accepted,
          rejected
        }
      })
      await checkpoint(ctx.signal)
      db.exec('COMMIT')
      ctx.progress('write', size, size)
      return {
        batchId,
        kind: o.kind,
        fileName,
        rowsRead: accepted + rejected,
        rowsAccepted: accepted,
        rowsRejected: rejected,
        rejectedReasons: rejectedReasons.value,
        warnings: warnings.value
      }
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK')
      throw e
    }
  } finally {
    db.close()
  }
}

/** Bytes per row of a typical extract: enough to guess whether a file is large next to a table. */
const BYTES_PER_ROW = 150

/**
 * Building an index once after a bulk load is several times faster than updating it row by row.
 * When the file is large next to the table, drop the table's secondary indexes inside the
 * import's transaction and rebuild them before the commit: still all or nothing.
 */
function deferIndexes(db: Db, table: string, fileBytes: number): () => void {
  const existing = db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
  if (fileBytes / BYTES_PER_ROW < Math.max(existing, 20_000)) return () => undefined
  const indexes = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL"
    )
    .all(table) as { name: string; sql: string }[]
  for (const i of indexes) db.exec(`DROP INDEX "${i.name}"`)
  // The quick-search index is kept by triggers row by row; refilling it once is far cheaper.
  const ftsTriggers =
    table === 'population_record'
      ? (db
          .prepare(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND name LIKE 'population_fts_%'"
          )
          .all(table) as { name: string; sql: string }[])
      : []
  for (const t of ftsTriggers) db.exec(`DROP TRIGGER "${t.name}"`)
  return () => {
    for (const i of indexes) db.exec(i.sql)
    for (const t of ftsTriggers) db.exec(t.sql)
    if (ftsTriggers.length) rebuildPopulationFts(db)
  }
}

function writeRecord(
  stmts: ReturnType<typeof insertStatements>,
  kind: SourceKind,
  r: CanonicalRow,
  meta: { batchId: number; rowNumber: number; raw: string; now: string; warnings: string[] }
): boolean {
  const person = PERSON_COLUMNS.map((c) => r[c])
  if (kind === 'population') {
    const args = [meta.batchId, meta.rowNumber, r.record_key, meta.raw, r.version ?? 1, meta.now]
    return stmts.population.run(...args, ...person).changes > 0
  }
  const warnings = meta.warnings.length ? JSON.stringify(meta.warnings) : null
  const args = [
    meta.batchId,
    meta.rowNumber,
    r.record_key,
    meta.raw,
    r.registration_number,
    r.event_date,
    r.event_place,
    warnings
  ]
  stmts.source.run(...args, ...person)
  return true
}
