// Benchmark of a backup: an encrypted database of 1,000,000 population records and 200,000 matched
// register rows (built by the app's own importer and match run, then kept for later runs) backed
// up and verified (integrity, audit chain, counts): time, peak RSS, and how long the event loop
// was held (the app answering meanwhile). `-- --population N --registry M --runs R`.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { makeBackup } from '../src/backend/backup/backup'
import { checkDatabase } from '../src/backend/backup/check'
import { dataKeyFromRecovery } from '../src/backend/crypto/key-file'
import { openDb, setDatabaseKey } from '../src/backend/db/open'
import { importFile } from '../src/backend/import/import-file'
import { runMatch } from '../src/backend/match/run-match'
import { writeSample } from '../src/backend/sample/write-sample'
import { arg, median } from './args'

/** Synthetic data only: the benchmark's key comes from a fixed recovery key. */
const KEY = dataKeyFromRecovery('BENC-HBAC-KUPD-OISO-ATBE-NCHB-ACKU-PDOI')!
const ctx = { signal: new AbortController().signal, progress: () => undefined }

interface RunResult {
  /** Snapshot, copy, check of the copy, rename: what a clerk waits for. */
  seconds: number
  /** The check alone, timed again on the finished backup. */
  verifySeconds: number
  bytes: number
  maxRssMb: number
  /** Longest and 99th-percentile event-loop delay during the backup. */
  loopMaxMs: number
  loopP99Ms: number
}

/** The database, built once per size and kept in the temporary folder for later runs. */
async function build(population: number, registry: number): Promise<string> {
  const dbPath = join(tmpdir(), `doisoat-bench-backup-${population}-${registry}.db`)
  setDatabaseKey(dbPath, KEY)
  if (existsSync(dbPath) && !process.argv.includes('--rebuild')) return dbPath
  for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(f, { force: true })
  const dir = mkdtempSync(join(tmpdir(), 'doisoat-bench-backup-sample-'))
  try {
    const t0 = performance.now()
    const files = await writeSample({ outDir: dir, population, registry, seed: 42, legacy: false })
    await importFile({ dbPath, kind: 'population', file: files.population }, ctx)
    await importFile({ dbPath, kind: 'registry', file: files.registry }, ctx)
    const m = await runMatch({ dbPath, source: 'all', actor: 'bench' }, ctx)
    console.log(
      `built ${dbPath}: ${population} population, ${registry} register rows, ` +
        `${m.sourceCount - m.unmatched} matched (${m.candidatePairs} pairs), ${statSync(dbPath).size} bytes ` +
        `(${((performance.now() - t0) / 1000).toFixed(1)} s)`
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return dbPath
}

/** One backup in this process, to a fresh folder. */
async function child(dbPath: string): Promise<RunResult> {
  setDatabaseKey(dbPath, KEY)
  const folder = mkdtempSync(join(tmpdir(), 'doisoat-bench-backup-out-'))
  try {
    const loop = monitorEventLoopDelay({ resolution: 5 })
    loop.enable()
    const t0 = performance.now()
    const made = await makeBackup({ dbPath, folder })
    const seconds = (performance.now() - t0) / 1000
    // A last turn, so a delay at the very end is measured too.
    await new Promise((r) => setTimeout(r, 20))
    loop.disable()
    const t1 = performance.now()
    const db = openDb(made.file, { key: KEY, readonly: true, migrate: false })
    const check = checkDatabase(db)
    db.close()
    if (!check.ok) throw new Error('the backup did not pass its check')
    return {
      seconds,
      verifySeconds: (performance.now() - t1) / 1000,
      bytes: made.bytes,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      loopMaxMs: loop.max / 1e6,
      loopP99Ms: loop.percentile(99) / 1e6
    }
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

function spawnRun(dbPath: string): RunResult {
  const r = spawnSync(
    process.execPath,
    [...process.execArgv, process.argv[1]!, '--child', dbPath],
    { encoding: 'utf8' }
  )
  if (r.status !== 0) throw new Error(`benchmark run failed:\n${r.stderr}`)
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as RunResult
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') {
    console.log(JSON.stringify(await child(process.argv[3]!)))
    return
  }
  const population = arg('population', 1_000_000)
  const registry = arg('registry', 200_000)
  const runs = arg('runs', 3)
  const dbPath = await build(population, registry)
  const results: RunResult[] = []
  for (let i = 0; i < runs; i++) {
    const r = spawnRun(dbPath)
    results.push(r)
    console.log(
      `run ${i + 1}: ${r.seconds.toFixed(2)} s (check alone ${r.verifySeconds.toFixed(2)} s), ` +
        `${(r.bytes / 1e6).toFixed(0)} MB, peak RSS ${r.maxRssMb.toFixed(0)} MB, ` +
        `event loop held at most ${r.loopMaxMs.toFixed(0)} ms (p99 ${r.loopP99Ms.toFixed(1)} ms), ` +
        `load ${loadavg()[0]!.toFixed(2)}`
    )
  }
  const med = (f: (r: RunResult) => number): number => median(results.map(f))
  console.log(
    JSON.stringify({
      population,
      registry,
      runs,
      seconds: med((r) => r.seconds),
      verifySeconds: med((r) => r.verifySeconds),
      megabytes: med((r) => r.bytes) / 1e6,
      maxRssMb: med((r) => r.maxRssMb),
      loopMaxMs: med((r) => r.loopMaxMs)
    })
  )
}

void main().catch((e: unknown) => {
  console.error(e)
  process.exitCode = 1
})
