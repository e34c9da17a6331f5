// Import: read any table file, map its columns, validate each row; preview writes nothing, commit writes all or nothing.
import { createHash } from 'node:crypto'
import { createReadStream, statSync } from 'node:fs'
import { basename } from 'node:path'
import type { ImportPreview, ImportSummary } from '../../shared/api'
import { AppError } from '../../shared/errors'
import { tr } from '../../shared/i18n'
import type { SourceKind } from '../../shared/fields'
import type { Mapping } from '../../shared/mapping'
import { planToMapping } from '../../core/import/headers'
import { compareHeld, type PersonValues } from '../../core/import/population-version'
import { formatDate } from '../../core/normalize/date'
import { appendAudit } from '../audit/audit'
import { databaseKey, isMemoryDatabase, openDb, type Db } from '../db/open'
import { checkpoint, type JobContext } from '../jobs/jobs'
import {
  keepVersion,
  settleChange,
  type HeldRecord,
  type RecordChange
} from '../review/population-change'
import { markSearchIndexPending, refreshSearchIndex } from '../review/search'
import {
  ACCEPTED,
  counter,
  kindValues,
  PERSON_COLUMNS,
  previewRows,
  rawText,
  type Header,
  type ReadSpec
} from './produce'
import { openReadChannel, previewOnWorker, readsOnThread, type ReadChannel } from './read-channel'

export interface ImportOptions {
  dbPath: string
  kind: SourceKind
  file: string
  allowDuplicate?: boolean
  actor?: string
  mapping?: Mapping
  encoding?: string
  sheet?: string | number
  /** Read and validate on a worker thread; default: for files of a few megabytes and more. */
  readerThread?: boolean
  /**
   * Refill the quick-search index after the commit when the import left it pending (default
   * true). `doisoat link` does not search: it leaves the refill to the first search.
   */
  searchIndex?: boolean
}

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
    // The name the clerk knows the file by, never a folder of this machine (web mode's uploads).
    throw new AppError('file_not_found', { path: basename(file) })
  }
}

/** The day of an import as a clerk writes it (dd/mm/yyyy), for the duplicate-file message. */
const importDay = (createdAt: string): string => formatDate(createdAt.slice(0, 10))

function previousBatch(db: Db, sha256: string): { batchId: number; createdAt: string } | null {
  const row = db
    .prepare('SELECT id, created_at FROM import_batch WHERE file_sha256 = ? ORDER BY id LIMIT 1')
    .get(sha256) as { id: number; created_at: string } | undefined
  return row ? { batchId: row.id, createdAt: row.created_at } : null
}

/**
 * What an import would do, from the whole file, without writing anything. The file is read where
 * an import would read it: on a worker thread for spreadsheets and large files, so a slow or
 * hostile file never holds up the thread that answers everyone else (web mode).
 */
export async function previewImport(o: ImportOptions, ctx: JobContext): Promise<ImportPreview> {
  const size = fileSize(o.file)
  const sha256 = await sha256File(o.file)
  let duplicateOf: ImportPreview['duplicateOf'] = null
  let held = false
  const db = openDb(o.dbPath)
  try {
    duplicateOf = previousBatch(db, sha256)
    held =
      o.kind === 'population' &&
      db.prepare('SELECT EXISTS (SELECT 1 FROM population_record)').pluck().get() === 1
  } finally {
    db.close()
  }
  const spec: ReadSpec = {
    kind: o.kind,
    file: o.file,
    mapping: o.mapping,
    encoding: o.encoding,
    sheet: o.sheet,
    // Each row is compared with the record of its key where the rows are read.
    held: held ? { dbPath: o.dbPath, keyHex: databaseKey(o.dbPath)?.toString('hex') ?? null } : null
  }
  const onBytes = (bytes: number) => ctx.progress('read', bytes, size)
  // A database in this process's memory has no file a worker thread could open read-only.
  const thread = held && isMemoryDatabase(o.dbPath) ? false : o.readerThread
  const scanned = readsOnThread(spec, size, thread)
    ? await previewOnWorker(spec, size, onBytes, ctx.signal)
    : await previewRows(spec, size, async (bytes) => {
        onBytes(bytes)
        await checkpoint(ctx.signal)
      })
  return { ...scanned, fileName: basename(o.file), sha256, size, duplicateOf }
}

/** Rows per INSERT statement: one call for sixteen rows costs far less than sixteen calls. */
export const INSERT_GROUP = 16

/**
 * Values per row, in the order the reader packs them (produce.ts): positional parameters, since
 * binding thirty named ones per row costs more than the insert itself. Population rows: batch,
 * row number, snapshot time, then the unmapped cells, key, version and person columns; other
 * kinds: batch, row number, raw cells, warnings, then key, registration, event and person columns.
 */
function insertSql(kind: SourceKind, rows: number): string {
  const cols = PERSON_COLUMNS.join(', ')
  const marks = Array.from({ length: fixedValues(kind) + kindValues(kind) }, () => '?')
  // A record new to the database starts at version 1 when the file names none.
  if (kind === 'population') marks[VERSION_AT] = 'coalesce(?, 1)'
  const one = `(${marks.join(', ')})`
  const values = Array.from({ length: rows }, () => one).join(', ')
  if (kind !== 'population') {
    return `INSERT INTO source_record (batch_id, row_number, raw_json, warnings_json, record_key,
         registration_number, event_date, event_place, ${cols}) VALUES ${values}`
  }
  // Only keys the database does not hold come here (see rowWriter); a key given twice in one
  // file keeps its first row.
  return `INSERT INTO population_record (batch_id, row_number, snapshot_at, raw_json, record_key, version, ${cols})
       VALUES ${values}
       ON CONFLICT (record_key) DO NOTHING`
}

/** A population row's values: batch, row number, snapshot time, unmapped cells, key, version, person columns. */
const KEY_AT = 4
const VERSION_AT = 5
const PERSON_AT = 6

/** Values before the reader's: batch and row number, then snapshot time or raw cells and warnings. */
const fixedValues = (kind: SourceKind): number => (kind === 'population' ? 3 : 4)

/** ["a","b"] from "a|b": warning and reason codes are plain identifiers. */
const codesJson = (joined: string): string => `["${joined.split('|').join('","')}"]`

/**
 * Import one file. Writes through its own connection inside one IMMEDIATE transaction, so a
 * cancel, a crash or a kill leaves no partial batch and readers never see half a file. Large
 * files are read and validated on a worker thread while this thread writes.
 */
export async function importFile(o: ImportOptions, ctx: JobContext): Promise<ImportSummary> {
  const size = fileSize(o.file)
  ctx.progress('read', 0, size)
  const sha256 = await sha256File(o.file)
  const fileName = basename(o.file)
  const spec: ReadSpec = {
    kind: o.kind,
    file: o.file,
    mapping: o.mapping,
    encoding: o.encoding,
    sheet: o.sheet
  }

  const db = openDb(o.dbPath)
  let reader: ReadChannel | null = null
  try {
    const previous = previousBatch(db, sha256)
    if (previous && !o.allowDuplicate) {
      throw new AppError('duplicate_file', {
        batchId: previous.batchId,
        date: importDay(previous.createdAt)
      })
    }
    // A bigger page cache keeps the indexes' hot pages in memory during a large import.
    db.pragma('cache_size = -131072')
    const now = new Date().toISOString()
    const insertRejected = db.prepare(
      'INSERT INTO rejected_row (batch_id, row_number, raw_text, reasons_json) VALUES (?, ?, ?, ?)'
    )
    const rejectedReasons = counter()
    const warnings = counter()
    let accepted = 0
    let rejected = 0
    const population = { new: 0, changed: 0, unchanged: 0, older: 0, flagged: 0, takenBack: 0 }
    const actor = o.actor ?? 'system'

    reader = openReadChannel(spec, size, o.readerThread)
    const first = await reader.next()
    if (first?.type !== 'info') throw new Error('import reader: no table information')
    const info = first.info

    // Every row written refers to the batch inserted just below, in the same transaction: the
    // per-row foreign-key lookup proves nothing (this connection is the import's own).
    db.pragma('foreign_keys = OFF')
    db.exec('BEGIN IMMEDIATE')
    try {
      // Records held before this file: each row is compared with the record of its key.
      const held =
        o.kind === 'population' &&
        db.prepare('SELECT EXISTS (SELECT 1 FROM population_record)').pluck().get() === 1
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
      const reject = (rowNumber: number, text: string, reasons: string): void => {
        rejected++
        for (const r of reasons.split('|')) rejectedReasons.add(r)
        insertRejected.run(batchId, rowNumber, text, codesJson(reasons))
      }
      const cause = { cause: 'import', batchId } as const
      const rows = rowWriter(db, o.kind, batchId, now, {
        inserted(codes, as) {
          accepted++
          population[as]++
          if (codes !== '') for (const w of codes.split('|')) warnings.add(w)
        },
        changed: held
          ? (record, change) => {
              keepVersion(db, record, change.toVersion, cause, now)
              const out = settleChange(db, change, cause, actor, now)
              population.flagged += out.flagged.length
              population.takenBack += out.takenBack.length
            }
          : undefined,
        repeated(rowNumber, text) {
          // The same national key twice in one file: the second row is rejected, as read (the
          // reader sends the cells of every row whose key it may have seen: see KeyFilter).
          if (text === null) throw new Error('import reader: a repeated key came without its cells')
          reject(rowNumber, rawText(JSON.parse(text) as string[], info.delimiter), 'duplicate_key')
        },
        rejected: reject
      })
      let header: Header | null = null
      for (let e = await reader.next(); e; e = await reader.next()) {
        if (e.type === 'header') {
          header = e.header
          if (header.missing.length) {
            const names = header.missing.map((m) => tr(`fields.${m}`))
            throw new AppError('missing_columns', { columns: names.join(', ') })
          }
          continue
        }
        if (e.type !== 'batch') continue
        rows.write(e.batch.cells)
        reader.done()
        ctx.progress('write', e.batch.bytes, size)
        await checkpoint(ctx.signal)
      }
      if (!header) throw new Error('import reader: no header')
      if (accepted + rejected === 0) throw new AppError('file_empty', { path: fileName })
      ctx.progress('index', size, size)
      restoreIndexes()
      const isPopulation = o.kind === 'population'
      db.prepare(
        `UPDATE import_batch SET rows_read = ?, rows_accepted = ?, rows_rejected = ?, header_row = ?,
           headers_json = ?, mapping_json = ?, warnings_json = ?, records_new = ?,
           records_changed = ?, records_unchanged = ? WHERE id = ?`
      ).run(
        accepted + rejected,
        accepted,
        rejected,
        header.headerRow,
        JSON.stringify(header.headers),
        JSON.stringify(planToMapping(header.headers, header.plan, o.mapping)),
        JSON.stringify(warnings.value),
        isPopulation ? population.new : null,
        isPopulation ? population.changed : null,
        isPopulation ? population.unchanged : null,
        batchId
      )
      appendAudit(db, {
        actor,
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
          rejected,
          ...(isPopulation ? { records: population } : {})
        }
      })
      await checkpoint(ctx.signal)
      db.exec('COMMIT')
      ctx.progress('write', size, size)
      // The batch is in. The quick-search refill runs after the commit: a cancel or a crash here
      // loses nothing, the pending mark stays and the next refill (or search) does it.
      if (o.searchIndex !== false) {
        ctx.progress('search', 0, 1)
        try {
          refreshSearchIndex(db)
        } catch {
          // Not the import's failure (its rows are committed): the mark stays for the next try.
        }
        ctx.progress('search', 1, 1)
      }
      return {
        batchId,
        kind: o.kind,
        fileName,
        rowsRead: accepted + rejected,
        rowsAccepted: accepted,
        rowsRejected: rejected,
        rejectedReasons: rejectedReasons.value,
        warnings: warnings.value,
        population: isPopulation ? population : null
      }
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK')
      throw e
    }
  } finally {
    await reader?.close()
    db.close()
  }
}

export interface RowOutcome {
  /**
   * The row was taken (warning codes joined by '|'): a new record; one held before, changed or
   * not; or an older copy of one held, left as held.
   */
  inserted(codes: string, as: 'new' | 'changed' | 'unchanged' | 'older'): void
  /** The row's national key was already written by this file: the row did not go in. */
  repeated(rowNumber: number, text: string | null): void
  /** The reader rejected the row (reasons joined by '|'). */
  rejected(rowNumber: number, text: string, reasons: string): void
  /**
   * Population rows, when the database held records before this file: a row changed the record
   * of its key (its content before is `held`). Called after the record's update, in its transaction.
   */
  changed?(held: HeldRecord, change: RecordChange): void
}

/**
 * Writes the reader's batches (produce.ts RowBatch): accepted rows into their table,
 * INSERT_GROUP rows per statement (the short group a batch ends with, row by row). Population
 * rows whose key the database already holds (`out.changed` given) are compared with that record
 * one by one: a changed record is updated to its next version, an unchanged one only notes the
 * batch that carried it again, an older copy (by the file's version) is left as held; nothing is
 * replaced silently.
 */
export function rowWriter(db: Db, kind: SourceKind, batchId: number, now: string, out: RowOutcome) {
  const population = kind === 'population'
  const fixed = fixedValues(kind)
  const width = kindValues(kind)
  const per = fixed + width
  const group = db.prepare(insertSql(kind, INSERT_GROUP))
  const single = db.prepare(insertSql(kind, 1))
  // Whether a row's key holds this row now (else an earlier row of this file had the key).
  // Only population rows can be turned away (by their key); the other kinds' inserts all go in.
  const holds = population
    ? db
        .prepare(
          'SELECT 1 FROM population_record WHERE record_key = ? AND batch_id = ? AND row_number = ?'
        )
        .pluck()
    : null
  const compare = population && out.changed ? heldRecords(db) : null
  const args = new Array<unknown>(per * INSERT_GROUP).fill(null)
  const one = new Array<unknown>(per).fill(null)
  const texts: (string | null)[] = []
  const codes: string[] = []
  let n = 0

  const settle = (i: number, went: boolean): void => {
    if (went) out.inserted(codes[i]!, 'new')
    else out.repeated(args[i * per + 1] as number, texts[i]!)
  }
  /** Row i of the group against the record its key holds, if any. */
  const writeHeld = (i: number): void => {
    const base = i * per
    const held = compare!.record(args[base + KEY_AT] as string)
    if (!held) {
      for (let c = 0; c < per; c++) one[c] = args[base + c]
      settle(i, single.run(one).changes === 1)
    } else if (held.batch_id === batchId) out.repeated(args[base + 1] as number, texts[i]!)
    else {
      const incoming: PersonValues = {}
      for (let c = 0; c < PERSON_COLUMNS.length; c++)
        incoming[PERSON_COLUMNS[c]!] = args[base + PERSON_AT + c] as string | null
      const version = args[base + VERSION_AT] as number | null
      const cmp = compareHeld(held, incoming, version)
      if (cmp.kind === 'changed') {
        compare!.update(held.id, args, base, cmp.version)
        out.changed!(held, {
          populationRecordId: held.id,
          recordKey: held.record_key,
          fromVersion: held.version,
          toVersion: cmp.version,
          fields: cmp.fields
        })
      } else if (cmp.kind === 'unchanged') compare!.seen(held.id, args, base)
      // An older copy is left as held, its batch not noted: the record did not come from it.
      out.inserted(codes[i]!, cmp.kind)
    }
  }
  const flush = (): void => {
    if (n === INSERT_GROUP && (!compare || !compare.anyHeld(args, per))) {
      const changed = group.run(args).changes
      for (let i = 0; i < n; i++) {
        // Fewer changes than rows: some key came twice in this file; find which rows went in.
        const base = i * per
        settle(i, changed === n || holds?.get(args[base + KEY_AT], batchId, args[base + 1]) === 1)
      }
    } else if (compare) {
      for (let i = 0; i < n; i++) writeHeld(i)
    } else {
      for (let i = 0; i < n; i++) {
        for (let c = 0; c < per; c++) one[c] = args[i * per + c]
        settle(i, single.run(one).changes === 1)
      }
    }
    n = 0
  }
  const add = (
    rowNumber: number,
    text: string | null,
    warnings: string,
    cells: unknown[],
    at: number
  ): void => {
    const base = n * per
    args[base] = batchId
    args[base + 1] = rowNumber
    if (population) args[base + 2] = now
    else {
      args[base + 2] = text
      args[base + 3] = warnings === '' ? null : codesJson(warnings)
    }
    for (let c = 0; c < width; c++) args[base + fixed + c] = cells[at + c]
    texts[n] = text
    codes[n] = warnings
    if (++n === INSERT_GROUP) flush()
  }
  return {
    /** Write one batch, every row of it, before returning. */
    write(cells: unknown[]): void {
      let k = 0
      while (k < cells.length) {
        const rowNumber = cells[k + 1] as number
        const text = cells[k + 2] as string | null
        const codes = cells[k + 3] as string
        if (cells[k] !== ACCEPTED) out.rejected(rowNumber, text!, codes)
        else {
          add(rowNumber, text, codes, cells, k + 4)
          k += width
        }
        k += 4
      }
      flush()
    }
  }
}

/** The statements that compare a population row with the record its key holds, and write it. */
function heldRecords(db: Db) {
  const anyOf = db
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM population_record WHERE record_key IN
         (${Array.from({ length: INSERT_GROUP }, () => '?').join(', ')}))`
    )
    .pluck()
  const keys = new Array<unknown>(INSERT_GROUP)
  const lookup = db.prepare('SELECT * FROM population_record WHERE record_key = ?')
  const seen = db.prepare(
    'UPDATE population_record SET batch_id = ?, row_number = ?, snapshot_at = ?, raw_json = ? WHERE id = ?'
  )
  const update = db.prepare(
    `UPDATE population_record SET batch_id = ?, row_number = ?, snapshot_at = ?, raw_json = ?,
       version = ?, ${PERSON_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`
  )
  const values = new Array<unknown>(5 + PERSON_COLUMNS.length + 1)
  return {
    /** Whether the database holds a key of this full group (one look for sixteen rows). */
    anyHeld(args: unknown[], per: number): boolean {
      for (let i = 0; i < INSERT_GROUP; i++) keys[i] = args[i * per + KEY_AT]
      return anyOf.get(keys) === 1
    },
    record: (key: string) => lookup.get(key) as HeldRecord | undefined,
    /** The same content again: the record notes the batch that carried it, nothing else. */
    seen(id: number, args: unknown[], base: number): void {
      seen.run(args[base], args[base + 1], args[base + 2], args[base + 3], id)
    },
    update(id: number, args: unknown[], base: number, version: number): void {
      for (let c = 0; c < 4; c++) values[c] = args[base + c]
      values[4] = version
      for (let c = 0; c < PERSON_COLUMNS.length; c++) values[5 + c] = args[base + PERSON_AT + c]
      values[5 + PERSON_COLUMNS.length] = id
      update.run(values)
    }
  }
}

/** Bytes per row of a typical extract: enough to guess whether a file is large next to a table. */
const BYTES_PER_ROW = 150

/**
 * Building an index once after a bulk load is several times faster than updating it row by row.
 * When the file is large next to the table, drop the table's secondary indexes inside the
 * import's transaction and rebuild them before the commit: still all or nothing.
 */
export function deferIndexes(db: Db, table: string, fileBytes: number): () => void {
  const existing = db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
  if (fileBytes / BYTES_PER_ROW < Math.max(existing, 20_000)) return () => undefined
  const indexes = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL"
    )
    .all(table) as { name: string; sql: string }[]
  for (const i of indexes) db.exec(`DROP INDEX "${i.name}"`)
  // The quick-search index is kept by triggers row by row; refilling it once (after the
  // commit, see importFile) is far cheaper.
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
    if (ftsTriggers.length) markSearchIndexPending(db)
  }
}
