// Benchmark of `doisoat link` end to end (import both files, match, write links.csv): time and peak memory.
// As a district batch job runs it: a temporary database (in memory when the files fit).
// `-- --on-disk` gives link an encrypted database file (`--db`), as when the results are kept.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeSample } from '../src/backend/sample/write-sample'
import { arg, median } from './args'

interface LinkRun {
  compared: number
  candidatePairs: number
  timings: {
    load: number
    loadPopulation: number
    loadRegistry: number
    match: number
    write: number
  }
  database: 'memory' | 'file'
  maxRssMb: number
  seconds: number
}

async function main(): Promise<void> {
  const population = arg('population', 1_000_000)
  const registry = arg('registry', 200_000)
  const seed = arg('seed', 11)
  const runs = arg('runs', 1)
  const onDisk = process.argv.includes('--on-disk')
  // Generated data is kept between runs (it takes a while and is not what is measured).
  const data = join(tmpdir(), `doisoat-bench-match-${seed}-${population}-${registry}`)
  if (!existsSync(join(data, 'truth.csv'))) {
    mkdirSync(data, { recursive: true })
    await writeSample({ outDir: data, population, registry, seed, legacy: false })
  }
  const results: LinkRun[] = []
  for (let k = 0; k < runs; k++) {
    const work = join(tmpdir(), `doisoat-bench-link-${process.pid}-${k}`)
    mkdirSync(work, { recursive: true })
    try {
      const t0 = performance.now()
      const r = spawnSync(
        process.execPath,
        [
          join(__dirname, '..', 'bin', 'doisoat.cjs'),
          'link',
          '--registry',
          join(data, 'registry.csv'),
          '--population',
          join(data, 'population.csv'),
          '--out',
          join(work, 'links.csv'),
          ...(onDisk ? ['--db', join(work, 'bench.db')] : []),
          '--json'
        ],
        // The database is encrypted, as the CLI always does: its passphrase comes from here.
        {
          encoding: 'utf8',
          maxBuffer: 1 << 24,
          env: { ...process.env, DOISOAT_PASSPHRASE: 'bench passphrase' }
        }
      )
      const seconds = (performance.now() - t0) / 1000
      if (r.status !== 0) throw new Error(`doisoat link failed:\n${r.stderr}`)
      const run = JSON.parse(r.stdout.trim().split('\n').pop()!) as LinkRun
      run.seconds = seconds
      results.push(run)
      console.log(
        `run ${k + 1}: ${seconds.toFixed(1)} s end to end, database ${run.database} (load ${run.timings.load.toFixed(1)} s: ` +
          `population ${run.timings.loadPopulation.toFixed(1)} s, register ${run.timings.loadRegistry.toFixed(1)} s; ` +
          `match ${run.timings.match.toFixed(1)} s, write ${run.timings.write.toFixed(1)} s), ` +
          `peak RSS ${run.maxRssMb.toFixed(0)} MB, ${run.compared} pairs compared`
      )
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
  }
  const total = median(results.map((r) => r.seconds))
  const load = median(results.map((r) => r.timings.load))
  const match = median(results.map((r) => r.timings.match + r.timings.write))
  console.log(
    JSON.stringify({
      population,
      registry,
      runs,
      cores: cpus().length,
      database: results[0]?.database,
      seconds: total,
      loadSeconds: load,
      matchSeconds: match,
      matchToLoad: match / load,
      maxRssMb: Math.max(...results.map((r) => r.maxRssMb))
    })
  )
}

main().catch((e: unknown) => {
  console.error(e)
  process.exitCode = 1
})
