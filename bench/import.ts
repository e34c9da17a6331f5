// Benchmark of the CSV importer: rows per second and peak RSS for 1,000,000 rows (and 250,000, to show memory is flat).
// Into an encrypted database, as the app and the CLI write; `-- --plain` for the unencrypted baseline.
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { allowPlainDatabases, setDatabaseKey } from '../src/backend/db/open'
import { importFile } from '../src/backend/import/import-file'
import { writeSample } from '../src/backend/sample/write-sample'
import { median } from './args'

interface RunResult {
  rows: number
  seconds: number
  rowsPerSecond: number
  maxRssMb: number
}

const plain = process.argv.includes('--plain')

/** One import in this process into a fresh database. */
async function child(file: string): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'doisoat-bench-db-'))
  try {
    const dbPath = join(dir, 'bench.db')
    // The key's derivation (scrypt) is paid once per unlock, not per row: not part of the figure.
    if (plain) allowPlainDatabases()
    else setDatabaseKey(dbPath, randomBytes(32))
    const t0 = performance.now()
    const s = await importFile(
      { dbPath, kind: 'population', file },
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

function spawnRun(file: string, clear: boolean): RunResult {
  const args = [...process.execArgv, process.argv[1]!, '--child', file]
  if (clear) args.push('--plain')
  const r = spawnSync(process.execPath, args, {
    encoding: 'utf8'
  })
  if (r.status !== 0) throw new Error(`benchmark run failed:\n${r.stderr}`)
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as RunResult
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
      // --compare: unencrypted and encrypted runs alternate, so both see the same machine load.
      const modes = process.argv.includes('--compare') ? [true, false] : [plain]
      const results = new Map<boolean, RunResult[]>(modes.map((m) => [m, []]))
      const label = (clear: boolean): string => (clear ? 'unencrypted' : 'encrypted')
      for (let i = 0; i < runs; i++) {
        for (const clear of modes) {
          const r = spawnRun(files.population, clear)
          results.get(clear)!.push(r)
          console.log(
            `run ${i + 1} ${label(clear)}: ${r.rows} rows in ${r.seconds.toFixed(2)} s = ${Math.round(r.rowsPerSecond)} rows/s, peak RSS ${Math.round(r.maxRssMb)} MB`
          )
        }
      }
      for (const clear of modes) {
        const rs = results.get(clear)!
        console.log(
          `import ${population} rows, ${label(clear)} (${cpus().length} cores), median of ${runs}: ` +
            `${Math.round(median(rs.map((r) => r.rowsPerSecond)))} rows/s, ` +
            `${median(rs.map((r) => r.seconds)).toFixed(2)} s, peak RSS ${Math.round(median(rs.map((r) => r.maxRssMb)))} MB`
        )
      }
      if (modes.length === 2) {
        const t = (clear: boolean): number => median(results.get(clear)!.map((r) => r.seconds))
        console.log(
          `import ${population} rows: encrypted / unencrypted time = ${(t(false) / t(true)).toFixed(3)}`
        )
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()
