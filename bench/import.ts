// Benchmark of the CSV importer: rows per second and peak RSS for 1,000,000 rows (and 250,000, to show memory is flat).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { importFile } from '../src/backend/import/import-file'
import { writeSample } from '../src/backend/sample/write-sample'

interface RunResult {
  rows: number
  seconds: number
  rowsPerSecond: number
  maxRssMb: number
}

/** One import in this process into a fresh database. */
async function child(file: string): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'doisoat-bench-db-'))
  try {
    const t0 = performance.now()
    const s = await importFile(
      { dbPath: join(dir, 'bench.db'), kind: 'population', file },
      { signal: new AbortController().signal, progress: () => undefined }
    )
    const seconds = (performance.now() - t0) / 1000
    return {
      rows: s.rowsRead,
      seconds,
      rowsPerSecond: s.rowsRead / seconds,
      maxRssMb: process.resourceUsage().maxRSS / 1024
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function spawnRun(file: string): RunResult {
  const r = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, '--child', file], {
    encoding: 'utf8'
  })
  if (r.status !== 0) throw new Error(`benchmark run failed:\n${r.stderr}`)
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as RunResult
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') {
    console.log(JSON.stringify(await child(process.argv[3]!)))
    return
  }
  const runs = Number(process.env.RUNS ?? 3)
  const dir = mkdtempSync(join(tmpdir(), 'doisoat-bench-'))
  try {
    for (const population of [250_000, 1_000_000]) {
      const out = join(dir, String(population))
      const files = await writeSample({
        outDir: out,
        population,
        registry: 1000,
        seed: 42,
        legacy: false
      })
      const results: RunResult[] = []
      for (let i = 0; i < runs; i++) {
        const r = spawnRun(files.population)
        results.push(r)
        console.log(
          `run ${i + 1}: ${r.rows} rows in ${r.seconds.toFixed(2)} s = ${Math.round(r.rowsPerSecond)} rows/s, peak RSS ${Math.round(r.maxRssMb)} MB`
        )
      }
      console.log(
        `import ${population} rows (${cpus().length} cores), median of ${runs}: ` +
          `${Math.round(median(results.map((r) => r.rowsPerSecond)))} rows/s, ` +
          `${median(results.map((r) => r.seconds)).toFixed(2)} s, peak RSS ${Math.round(median(results.map((r) => r.maxRssMb)))} MB`
      )
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()
