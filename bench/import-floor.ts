// The writing half of an import alone: how fast SQLite takes 1,000,000 canonical population rows
// on this machine when reading, parsing and validating cost nothing. The rows are read and
// validated first (not timed), then written exactly as importFile writes them: one transaction,
// indexes dropped and rebuilt, 16 rows per INSERT; then the commit, the close (WAL checkpoint)
// and the quick-search refill, each timed. No importer on this schema can beat this figure here.
// Arguments: `--population N` (default 1,000,000), `--runs N` (default 3); `-- --encrypted`.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { allowPlainDatabases, openDb, setDatabaseKey } from '../src/backend/db/open'
import { deferIndexes, rowWriter } from '../src/backend/import/import-file'
import { readRows } from '../src/backend/import/produce'
import { rebuildPopulationFts } from '../src/backend/review/search'
import { writeSample } from '../src/backend/sample/write-sample'
import { arg, median } from './args'

const encrypted = process.argv.includes('--encrypted')

interface Phases {
  insert: number
  index: number
  commit: number
  close: number
  search: number
}

function seconds(since: number): number {
  return (performance.now() - since) / 1000
}

function writeOnce(dir: string, batches: unknown[][], size: number, run: number): Phases {
  const dbPath = join(dir, `floor-${run}.db`)
  if (encrypted) setDatabaseKey(dbPath, randomBytes(32))
  const db = openDb(dbPath)
  db.pragma('cache_size = -131072')
  db.pragma('foreign_keys = OFF')
  let t = performance.now()
  db.exec('BEGIN IMMEDIATE')
  const restore = deferIndexes(db, 'population_record', size)
  const batchId = Number(
    db
      .prepare(
        `INSERT INTO import_batch (kind, file_name, file_sha256, file_size, format, rows_read,
           rows_accepted, rows_rejected, created_at) VALUES ('population', 'floor', ?, ?, 'csv', 0, 0, 0, ?)`
      )
      .run(String(run), size, new Date().toISOString()).lastInsertRowid
  )
  let written = 0
  const rows = rowWriter(db, 'population', batchId, new Date().toISOString(), {
    inserted: () => written++,
    repeated: () => {
      throw new Error('a repeated key in the benchmark file')
    },
    rejected: () => {
      throw new Error('a rejected row in the benchmark file')
    }
  })
  for (const cells of batches) rows.write(cells)
  const insert = seconds(t)
  t = performance.now()
  restore()
  db.prepare('UPDATE import_batch SET rows_read = ?, rows_accepted = ? WHERE id = ?').run(
    written,
    written,
    batchId
  )
  const index = seconds(t)
  t = performance.now()
  db.exec('COMMIT')
  const commit = seconds(t)
  t = performance.now()
  db.close()
  const close = seconds(t)
  t = performance.now()
  const again = openDb(dbPath)
  rebuildPopulationFts(again)
  again.close()
  const search = seconds(t)
  return { insert, index, commit, close, search }
}

async function main(): Promise<void> {
  const population = arg('population', 1_000_000)
  const runs = arg('runs', 3)
  const dir = mkdtempSync(join(tmpdir(), 'doisoat-bench-floor-'))
  try {
    if (!encrypted) allowPlainDatabases()
    const files = await writeSample({
      outDir: join(dir, 'sample'),
      population,
      registry: 1000,
      seed: 42,
      legacy: false
    })
    const batches: unknown[][] = []
    let size = 0
    await readRows({ kind: 'population', file: files.population }, 0, (e) => {
      if (e.type === 'batch') {
        batches.push(e.batch.cells)
        size = Math.max(size, e.batch.bytes)
      }
    })
    const results: Phases[] = []
    for (let run = 1; run <= runs; run++) {
      const p = writeOnce(dir, batches, size, run)
      results.push(p)
      const total = p.insert + p.index + p.commit + p.close
      console.log(
        `run ${run}: inserts ${p.insert.toFixed(2)} s, indexes ${p.index.toFixed(2)} s, commit ${p.commit.toFixed(2)} s, ` +
          `close ${p.close.toFixed(2)} s = ${total.toFixed(2)} s (${Math.round(population / total)} rows/s); ` +
          `quick-search refill ${p.search.toFixed(2)} s`
      )
      rmSync(join(dir, `floor-${run}.db`), { force: true })
    }
    const m = (f: (p: Phases) => number): number => median(results.map(f))
    const total = m((p) => p.insert + p.index + p.commit + p.close)
    const withSearch = m((p) => p.insert + p.index + p.commit + p.close + p.search)
    console.log(
      `writing alone, ${population} rows, ${encrypted ? 'encrypted' : 'unencrypted'} (${cpus().length} cores), median of ${runs}: ` +
        `${total.toFixed(2)} s = ${Math.round(population / total)} rows/s (inserts ${m((p) => p.insert).toFixed(2)} s, ` +
        `indexes ${m((p) => p.index).toFixed(2)} s, commit + close ${m((p) => p.commit + p.close).toFixed(2)} s); ` +
        `with the quick-search refill ${withSearch.toFixed(2)} s = ${Math.round(population / withSearch)} rows/s`
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()
