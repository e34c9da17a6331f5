// `doisoat link`: file to file in one command (import both, match, write links.csv).
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { tr } from '../../shared/i18n'
import { mappingSchema, type Mapping } from '../../shared/mapping'
import { csvField } from '../../core/import/csv'
import { safeCell } from '../../backend/import/export'
import { importFile } from '../../backend/import/import-file'
import { checkOutputPath, writeStreamAtomic } from '../../backend/files/write-atomic'
import { runMatch } from '../../backend/match/run-match'
import type { MatchSummary } from '../../shared/api'
import {
  MEMORY_DATABASE_MAX_BYTES,
  memoryDatabaseName,
  openDb,
  setDatabaseKey
} from '../../backend/db/open'
import { UsageError, type CliContext, type Command } from '../command'
import { unlockCli } from '../unlock'
import { operatorName } from '../session'
import { printSummary, THRESHOLD_OPTIONS, thresholdOptions } from './match'

export const LINKS_HEADER = 'registry_key,population_key,probability,grade,flags,registry_row'

function readMapping(file: string | undefined, ctx: CliContext): Mapping | undefined {
  if (!file) return undefined
  let json: unknown
  try {
    json = JSON.parse(readFileSync(resolve(file), 'utf8'))
  } catch (e) {
    throw new UsageError(tr('cli.badMapping', { file, detail: (e as Error).message }, ctx.lang))
  }
  const parsed = mappingSchema.safeParse(json)
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new UsageError(tr('cli.badMapping', { file, detail }, ctx.lang))
  }
  return parsed.data
}

interface LinkRow {
  registry_key: string | number
  row_number: number
  population_key: string | null
  probability: number | null
  grade: string | null
  flags_json: string | null
}

/**
 * SQL for a register row's key in links.csv, per batch of the run: the mapped key column
 * (record_key: Mã hồ sơ, rec_id...); else the row's STT when the file has one and its values
 * are unique; else the row's line number.
 */
function registryKeySql(db: ReturnType<typeof openDb>, runId: number): string {
  const batches = db
    .prepare(
      `SELECT DISTINCT s.batch_id AS id, b.headers_json, b.mapping_json,
         EXISTS (SELECT 1 FROM source_record k WHERE k.batch_id = s.batch_id AND k.record_key IS NOT NULL) AS keyed
       FROM match_result m JOIN source_record s ON s.id = m.source_record_id
       JOIN import_batch b ON b.id = s.batch_id WHERE m.run_id = ?`
    )
    .all(runId) as {
    id: number
    headers_json: string | null
    mapping_json: string | null
    keyed: number
  }[]
  const cases: string[] = []
  for (const b of batches) {
    if (b.keyed) continue
    const stt = sttColumn(b.headers_json, b.mapping_json)
    if (stt < 0) continue
    const value = `nullif(trim(json_extract(raw_json, '$[${stt}]')), '')`
    const unique = db
      .prepare(
        `SELECT count(${value}) = count(*) AND count(DISTINCT ${value}) = count(*)
         FROM source_record WHERE batch_id = ?`
      )
      .pluck()
      .get(b.id)
    if (unique === 1) cases.push(`WHEN ${b.id} THEN ${value.replace('raw_json', 's.raw_json')}`)
  }
  const stt = cases.length ? `CASE s.batch_id ${cases.join(' ')} END` : 'NULL'
  return `coalesce(s.record_key, ${stt}, s.row_number)`
}

/** Position of the batch's STT column (field row_no), or −1. */
function sttColumn(headersJson: string | null, mappingJson: string | null): number {
  if (!headersJson || !mappingJson) return -1
  const headers = JSON.parse(headersJson) as string[]
  const col = (JSON.parse(mappingJson) as Mapping).fields.row_no
  const name = Array.isArray(col) ? col[0] : col
  if (name === undefined) return -1
  const pos = /^#(\d+)$/.exec(name)
  return pos ? Number(pos[1]) - 1 : headers.indexOf(name)
}

/**
 * Write links.csv for one source batch of a run: best candidates, or every stored candidate. The
 * file appears whole or not at all (a temporary file renamed at the end); keys are neutralised as
 * in every grid export, so a spreadsheet never runs one as a formula.
 */
export async function writeLinks(
  dbPath: string,
  runId: number,
  out: string,
  allCandidates: boolean
): Promise<number> {
  const db = openDb(dbPath, { readonly: true })
  let rows = 0
  function* lines(): Generator<string> {
    const key = registryKeySql(db, runId)
    const sql = allCandidates
      ? `SELECT ${key} AS registry_key, s.row_number, r.record_key AS population_key,
           p.probability, p.grade, p.flags_json
         FROM match_result m JOIN source_record s ON s.id = m.source_record_id
         LEFT JOIN candidate_pair p ON p.run_id = m.run_id AND p.source_record_id = m.source_record_id
         LEFT JOIN population_record r ON r.id = p.population_record_id
         WHERE m.run_id = ? ORDER BY s.id, p.rank`
      : `SELECT ${key} AS registry_key, s.row_number, r.record_key AS population_key,
           m.probability, m.grade, m.flags_json
         FROM match_result m JOIN source_record s ON s.id = m.source_record_id
         LEFT JOIN candidate_pair p ON p.id = m.pair_id
         LEFT JOIN population_record r ON r.id = p.population_record_id
         WHERE m.run_id = ? ORDER BY s.id`
    let chunk = LINKS_HEADER + '\n'
    for (const r of db.prepare(sql).iterate(runId) as Iterable<LinkRow>) {
      // A record graded "none" has no link: its nearest look-alike is not written as one.
      const linked = r.grade !== 'none' && r.population_key !== null
      const flags = (JSON.parse(r.flags_json ?? '[]') as string[]).join('|')
      const line = [
        csvField(safeCell(String(r.registry_key))),
        csvField(safeCell(linked || allCandidates ? r.population_key : '')),
        r.probability === null ? '' : r.probability.toFixed(6),
        r.grade ?? 'none',
        csvField(flags),
        String(r.row_number)
      ].join(',')
      chunk += line + '\n'
      rows++
      if (chunk.length >= 1 << 16) {
        yield chunk
        chunk = ''
      }
    }
    yield chunk
  }
  try {
    await writeStreamAtomic(out, lines())
  } finally {
    db.close()
  }
  return rows
}

interface LinkFiles {
  population: string
  registry: string
  mappingPopulation?: Mapping
  mappingRegistry?: Mapping
  out: string
  allCandidates: boolean
}

interface LinkReport {
  summary: MatchSummary
  rows: number
  populationRows: number
  registryRows: number
  timings: Record<'load' | 'loadPopulation' | 'loadRegistry' | 'match' | 'write', number>
}

/** Import both files into the database, match them, write links.csv. */
async function linkIn(
  dbPath: string,
  f: LinkFiles,
  thresholds: ReturnType<typeof thresholdOptions>,
  ctx: CliContext
): Promise<LinkReport> {
  const job = { signal: ctx.signal, progress: () => undefined }
  // Link does not search: the quick-search index is left to the first search, if any.
  const load = (kind: 'population' | 'registry', file: string, mapping?: Mapping) =>
    importFile(
      {
        dbPath,
        kind,
        file,
        allowDuplicate: true,
        actor: operatorName(),
        mapping,
        searchIndex: false
      },
      job
    )
  const t0 = performance.now()
  const population = await load('population', f.population, f.mappingPopulation)
  const tPopulation = performance.now()
  const registry = await load('registry', f.registry, f.mappingRegistry)
  const t1 = performance.now()
  const summary = await runMatch(
    { dbPath, source: registry.batchId, thresholds, actor: operatorName(), refit: true },
    job
  )
  const t2 = performance.now()
  const rows = await writeLinks(dbPath, summary.runId, f.out, f.allCandidates)
  const t3 = performance.now()
  return {
    summary,
    rows,
    populationRows: population.rowsAccepted,
    registryRows: registry.rowsAccepted,
    timings: {
      load: (t1 - t0) / 1000,
      loadPopulation: (tPopulation - t0) / 1000,
      loadRegistry: (t1 - tPopulation) / 1000,
      match: (t2 - t1) / 1000,
      write: (t3 - t2) / 1000
    }
  }
}

/** Bytes of database per byte of the two files (measured: about 2.5 for the sample's files). */
const DATABASE_PER_FILE_BYTE = 3

/**
 * Run `work` in a temporary database. It lives in memory when the files are small enough for
 * SQLite's in-memory store (no page of it reaches a disk, and nothing is encrypted or synced
 * twice); otherwise, or if it fills up after all, in a temporary file encrypted with a key that
 * lives only in this process. Either way it is gone afterwards.
 */
export async function withTemporaryDatabase<T>(
  fileBytes: number,
  work: (dbPath: string) => Promise<T>
): Promise<T & { database: 'memory' | 'file' }> {
  if (fileBytes * DATABASE_PER_FILE_BYTE < MEMORY_DATABASE_MAX_BYTES * 0.85) {
    const name = memoryDatabaseName('link')
    // Each step opens its own connection; this one keeps the database alive in between.
    const holder = openDb(name)
    try {
      return { ...(await work(name)), database: 'memory' }
    } catch (e) {
      if ((e as { code?: string }).code !== 'SQLITE_FULL') throw e
    } finally {
      holder.close()
    }
  }
  const temp = mkdtempSync(join(tmpdir(), 'doisoat-link-'))
  try {
    const dbPath = join(temp, 'link.db')
    setDatabaseKey(dbPath, randomBytes(32))
    return { ...(await work(dbPath)), database: 'file' }
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
}

export const linkCommand: Command = {
  name: 'link',
  options: [
    { name: 'registry', type: 'string', required: true, arg: 'R' },
    { name: 'population', type: 'string', required: true, arg: 'P' },
    { name: 'out', type: 'string', required: true, arg: 'links.csv' },
    { name: 'mapping-registry', type: 'string', arg: 'M1.json' },
    { name: 'mapping-population', type: 'string', arg: 'M2.json' },
    { name: 'db', type: 'string', arg: 'D' },
    { name: 'all-candidates', type: 'boolean' },
    ...THRESHOLD_OPTIONS,
    { name: 'json', type: 'boolean' }
  ],
  async run(opts, ctx) {
    const thresholds = thresholdOptions(opts, ctx)
    const f: LinkFiles = {
      population: resolve(String(opts.population)),
      registry: resolve(String(opts.registry)),
      mappingPopulation: readMapping(opts['mapping-population'] as string | undefined, ctx),
      mappingRegistry: readMapping(opts['mapping-registry'] as string | undefined, ctx),
      out: resolve(String(opts.out)),
      allCandidates: opts['all-candidates'] === true
    }
    checkOutputPath(f.out)
    const work = (dbPath: string) => linkIn(dbPath, f, thresholds, ctx)
    let report: LinkReport & { database: 'memory' | 'file' }
    if (opts.db !== undefined) {
      const dbPath = resolve(String(opts.db))
      await unlockCli(dbPath, ctx, { create: true })
      report = { ...(await work(dbPath)), database: 'file' }
    } else {
      report = await withTemporaryDatabase(fileBytes(f.population) + fileBytes(f.registry), work)
    }
    if (opts.json === true)
      ctx.out(
        JSON.stringify({
          ...report.summary,
          rows: report.rows,
          populationRows: report.populationRows,
          registryRows: report.registryRows,
          database: report.database,
          timings: report.timings,
          // Worker threads share the process: this peak covers them too.
          maxRssMb: process.resourceUsage().maxRSS / 1024
        })
      )
    else {
      printSummary(report.summary, ctx)
      ctx.out(tr('cli.linked', { rows: report.rows, file: f.out }, ctx.lang))
    }
    return 0
  }
}

/** A file's size, or 0 when it cannot be read (the import then says why, clearly). */
function fileBytes(file: string): number {
  try {
    return statSync(file).size
  } catch {
    return 0
  }
}
