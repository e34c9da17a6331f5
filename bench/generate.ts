// Benchmark of the sample generator: population rows per second and peak memory, each run in its own process.
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeSample } from '../src/backend/sample/write-sample'
import { median } from './args'

interface RunResult {
  population: number
  registry: number
  seconds: number
  rowsPerSecond: number
  maxRssMb: number
}

/** One run, in this process: write the sample to a temporary folder, time it, delete it. */
async function child(population: number, registry: number, seed: number): Promise<RunResult> {
  const dir = await mkdtemp(join(tmpdir(), 'doisoat-bench-'))
  try {
    const t0 = performance.now()
    await writeSample({ outDir: dir, population, registry, seed })
    const seconds = (performance.now() - t0) / 1000
    return {
      population,
      registry,
      seconds,
      rowsPerSecond: population / seconds,
      maxRssMb: process.resourceUsage().maxRSS / 1024
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Each run in a fresh process, so its peak RSS is its own. */
function spawnRun(population: number, registry: number, seed: number): RunResult {
  const r = spawnSync(
    process.execPath,
    [
      ...process.execArgv,
      process.argv[1]!,
      '--child',
      String(population),
      String(registry),
      String(seed)
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20 }
  )
  if (r.status !== 0) throw new Error(`benchmark run failed:\n${r.stderr}`)
  const line = r.stdout.trim().split('\n').pop() ?? ''
  return JSON.parse(line) as RunResult
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  if (args[0] === '--child') {
    const [population, registry, seed] = args.slice(1).map(Number) as [number, number, number]
    console.log(JSON.stringify(await child(population, registry, seed)))
    return
  }
  const population = Number(args[0] ?? 1_000_000)
  const registry = Number(args[1] ?? 200_000)
  const runs = Number(args[2] ?? 3)
  console.log(`sample generator: ${population} population rows, ${registry} registry rows`)
  console.log(
    `machine: ${cpus().length} cores, ${cpus()[0]?.model ?? '?'}, node ${process.version}`
  )
  // Memory must stay flat in the row count: a run ten times smaller gives the baseline.
  const small = spawnRun(Math.round(population / 10), Math.round(registry / 10), 1)
  console.log(
    `baseline ${small.population} rows: ${Math.round(small.rowsPerSecond)} rows/s, ` +
      `peak RSS ${small.maxRssMb.toFixed(0)} MB`
  )
  const results: RunResult[] = []
  for (let i = 0; i < runs; i++) {
    const r = spawnRun(population, registry, i + 1)
    results.push(r)
    console.log(
      `run ${i + 1}: ${r.seconds.toFixed(2)} s, ${Math.round(r.rowsPerSecond)} rows/s, ` +
        `peak RSS ${r.maxRssMb.toFixed(0)} MB`
    )
  }
  console.log(
    `median: ${Math.round(median(results.map((r) => r.rowsPerSecond)))} rows/s; ` +
      `peak RSS ${Math.max(...results.map((r) => r.maxRssMb)).toFixed(0)} MB ` +
      `(${small.population} rows: ${small.maxRssMb.toFixed(0)} MB)`
  )
}

main().catch((e: unknown) => {
  console.error(e)
  process.exitCode = 1
})
