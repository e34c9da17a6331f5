// Streaming CSV import: hash, parse, validate, and write a whole file in one transaction.
import { createHash } from 'node:crypto'
import { createReadStream, statSync } from 'node:fs'
import { basename } from 'node:path'
import { StringDecoder } from 'node:string_decoder'
import type { ImportSummary } from '../../shared/api'
import { AppError } from '../../shared/errors'
import type { SourceKind } from '../../shared/fields'
import { createCsvParser } from '../../core/import/csv'
import { mapHeaders, type HeaderMapping } from '../../core/import/headers'
import { toCanonical, type CanonicalRow } from '../../core/import/row'
import { appendAudit } from '../audit/audit'
import { openDb, type Db } from '../db/open'
import { checkpoint, type JobContext } from '../jobs/jobs'

export interface ImportOptions {
  dbPath: string
  kind: SourceKind
  file: string
  allowDuplicate?: boolean
  actor?: string
}

const CHUNK_ROWS = 5000

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** Pick the delimiter that splits the header line into the most columns. */
export function detectDelimiter(headerLine: string): string {
  let best = ','
  let bestCount = 0
  for (const d of [',', ';', '\t', '|']) {
    const count = headerLine.split(d).length - 1
    if (count > bestCount) {
      best = d
      bestCount = count
    }
  }
  return best
}

/** Rows of a UTF-8 CSV file, in chunks, with the BOM removed and the delimiter detected. */
async function* readCsv(
  file: string
): AsyncGenerator<{ rows: string[][]; bytes: number; delimiter: string }> {
  const decoder = new StringDecoder('utf8')
  let parser: ReturnType<typeof createCsvParser> | null = null
  let delimiter = ','
  let head = ''
  let bytes = 0
  for await (const buf of createReadStream(file, { highWaterMark: 1 << 20 })) {
    bytes += (buf as Buffer).length
    let text = decoder.write(buf as Buffer)
    if (!parser) {
      head += text
      const nl = head.search(/[\r\n]/)
      if (nl < 0 && head.length < 1 << 20) continue
      if (head.charCodeAt(0) === 0xfeff) head = head.slice(1)
      delimiter = detectDelimiter(nl < 0 ? head : head.slice(0, nl))
      parser = createCsvParser(delimiter)
      text = head
    }
    yield { rows: parser.push(text), bytes, delimiter }
  }
  if (!parser) {
    if (head.charCodeAt(0) === 0xfeff) head = head.slice(1)
    delimiter = detectDelimiter(head)
    parser = createCsvParser(delimiter)
    const rows = parser.push(head + decoder.end())
    yield { rows: [...rows, ...parser.end()], bytes, delimiter }
    return
  }
  yield { rows: [...parser.push(decoder.end()), ...parser.end()], bytes, delimiter }
}

const PERSON_COLUMNS = [
  'full_name',
  'family_name',
  'middle_name',
  'given_name',
  'name_key',
  'dob',
  'dob_precision',
  'sex',
  'id_number',
  'legacy_id',
  'residence',
  'residence_province_code',
  'residence_commune_code',
  'residence_scheme',
  'hometown',
  'ethnicity',
  'father_name',
  'mother_name',
  'spouse_name',
  'vital_status',
  'death_date'
] as const

function insertStatements(db: Db) {
  const cols = PERSON_COLUMNS.join(', ')
  const params = PERSON_COLUMNS.map((c) => `@${c}`).join(', ')
  const updates = PERSON_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')
  return {
    source: db.prepare(
      `INSERT INTO source_record (batch_id, row_number, record_key, raw_json, ${cols}, warnings_json)
       VALUES (@batch_id, @row_number, @record_key, @raw_json, ${params}, @warnings_json)`
    ),
    population: db.prepare(
      `INSERT INTO population_record (record_key, batch_id, row_number, ${cols}, version, snapshot_at, raw_json)
       VALUES (@record_key, @batch_id, @row_number, ${params}, @version, @snapshot_at, @raw_json)
       ON CONFLICT (record_key) DO UPDATE SET batch_id = excluded.batch_id,
         row_number = excluded.row_number, ${updates}, version = excluded.version,
         snapshot_at = excluded.snapshot_at, raw_json = excluded.raw_json
       WHERE population_record.batch_id IS NOT excluded.batch_id`
    ),
    rejected: db.prepare(
      `INSERT INTO rejected_row (batch_id, row_number, raw_text, reasons_json)
       VALUES (?, ?, ?, ?)`
    )
  }
}

/**
 * Import one file. Writes through its own connection inside one IMMEDIATE transaction, so a
 * cancel, a crash or a kill leaves no partial batch and readers never see half a file.
 */
export async function importFile(o: ImportOptions, ctx: JobContext): Promise<ImportSummary> {
  let size: number
  try {
    size = statSync(o.file).size
  } catch {
    throw new AppError('file_not_found', { path: o.file })
  }
  ctx.progress('read', 0, size)
  const sha256 = await sha256File(o.file)
  const fileName = basename(o.file)

  const db = openDb(o.dbPath)
  try {
    const previous = db
      .prepare('SELECT id, created_at FROM import_batch WHERE file_sha256 = ? ORDER BY id LIMIT 1')
      .get(sha256) as { id: number; created_at: string } | undefined
    if (previous && !o.allowDuplicate) {
      throw new AppError('duplicate_file', { batchId: previous.id, date: previous.created_at })
    }

    const now = new Date().toISOString()
    const stmts = insertStatements(db)
    let header: string[] | null = null
    let mapping: HeaderMapping = {}
    let rowNumber = 1 // the header is row 1, as a spreadsheet shows it
    let accepted = 0
    let rejected = 0
    let delimiter = ','
    const rejectedReasons: Record<string, number> = {}
    const warnings: Record<string, number> = {}
    let batchId = 0

    db.exec('BEGIN IMMEDIATE')
    try {
      batchId = Number(
        db
          .prepare(
            `INSERT INTO import_batch (kind, file_name, file_sha256, file_size, encoding_detected,
               encoding_used, delimiter, rows_read, rows_accepted, rows_rejected, created_at)
             VALUES (?, ?, ?, ?, 'utf-8', 'utf-8', ',', 0, 0, 0, ?)`
          )
          .run(o.kind, fileName, sha256, size, now).lastInsertRowid
      )
      const writeRow = (values: string[]): void => {
        rowNumber++
        if (values.length === 1 && values[0]!.trim() === '') {
          rowNumber-- // blank lines are not rows
          return
        }
        const result = toCanonical(values, mapping, header!.length, o.kind === 'population')
        if (!result.ok) {
          rejected++
          for (const r of result.reasons) rejectedReasons[r] = (rejectedReasons[r] ?? 0) + 1
          stmts.rejected.run(
            batchId,
            rowNumber,
            values.join(delimiter),
            JSON.stringify(result.reasons)
          )
          return
        }
        const raw = JSON.stringify(Object.fromEntries(header!.map((h, i) => [h, values[i] ?? ''])))
        const meta = { batchId, rowNumber, raw, now, warnings: result.warnings }
        if (!writeRecord(stmts, o.kind, result.record, meta)) {
          // The same national key twice in one extract: keep the first, never drop the second silently.
          rejected++
          rejectedReasons.duplicate_key = (rejectedReasons.duplicate_key ?? 0) + 1
          stmts.rejected.run(batchId, rowNumber, values.join(delimiter), '["duplicate_key"]')
          return
        }
        accepted++
        for (const w of result.warnings) warnings[w] = (warnings[w] ?? 0) + 1
      }

      let pending = 0
      for await (const chunk of readCsv(o.file)) {
        delimiter = chunk.delimiter
        for (const values of chunk.rows) {
          if (!header) {
            header = values.map((h) => h.trim())
            mapping = mapHeaders(header).mapping
            const missing: string[] = []
            if (mapping.full_name === undefined && mapping.given_name === undefined)
              missing.push('Họ và tên')
            if (o.kind === 'population' && mapping.record_key === undefined)
              missing.push('Mã hồ sơ / rec_id')
            if (missing.length)
              throw new AppError('missing_columns', { columns: missing.join(', ') })
            continue
          }
          writeRow(values)
          if (++pending >= CHUNK_ROWS) {
            pending = 0
            ctx.progress('write', chunk.bytes, size)
            await checkpoint(ctx.signal)
          }
        }
      }
      if (!header || accepted + rejected === 0) throw new AppError('file_empty', { path: fileName })

      db.prepare(
        `UPDATE import_batch SET rows_read = ?, rows_accepted = ?, rows_rejected = ?, delimiter = ?,
           mapping_json = ?, warnings_json = ? WHERE id = ?`
      ).run(
        accepted + rejected,
        accepted,
        rejected,
        delimiter,
        JSON.stringify(mapping),
        JSON.stringify(warnings),
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
          read: accepted + rejected,
          accepted,
          rejected
        }
      })
      await checkpoint(ctx.signal)
      db.exec('COMMIT')
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK')
      throw e
    }
    ctx.progress('write', size, size)
    return {
      batchId,
      kind: o.kind,
      fileName,
      rowsRead: accepted + rejected,
      rowsAccepted: accepted,
      rowsRejected: rejected,
      rejectedReasons,
      warnings
    }
  } finally {
    db.close()
  }
}

function writeRecord(
  stmts: ReturnType<typeof insertStatements>,
  kind: SourceKind,
  r: CanonicalRow,
  meta: { batchId: number; rowNumber: number; raw: string; now: string; warnings: string[] }
): boolean {
  const { version, ...person } = r
  const common = {
    ...person,
    batch_id: meta.batchId,
    row_number: meta.rowNumber,
    raw_json: meta.raw
  }
  if (kind === 'population') {
    return (
      stmts.population.run({ ...common, version: version ?? 1, snapshot_at: meta.now }).changes > 0
    )
  }
  stmts.source.run({
    ...common,
    warnings_json: meta.warnings.length ? JSON.stringify(meta.warnings) : null
  })
  return true
}
