// Benchmark of the reference gateway as a separate process on loopback: corrections pushed per
// second (10,000 signed corrections in batches) and population records pulled per second
// (1,000,000 records by cursor, every commune of the sample). Medians of runs.
// Arguments: --population N --corrections N --batch N --page N --runs N --seed S
// Environment: DATABASE_URL to run the gateway on PostgreSQL instead of embedded PGlite.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { writeSample } from '../src/backend/sample/write-sample'
import type { SignedApproval } from '../src/core/review/signed-correction'
import { adminRequest, GatewayClient } from '../src/gateway/client'
import { startGatewayProcess } from '../src/gateway/testing/gateway-process'
import { newSupervisor, signApproval } from '../test/gateway/fixture'
import { arg, median } from './args'

async function main(): Promise<void> {
  const population = arg('population', 1_000_000)
  const corrections = arg('corrections', 10_000)
  const batch = arg('batch', 100)
  const pageSize = arg('page', 10_000)
  const runs = arg('runs', 3)
  const seed = arg('seed', 21)
  const admin = 'bench-admin'

  // The sample is generated once and kept: generating is not what is measured.
  const sampleDir = join(tmpdir(), `doisoat-bench-gateway-${population}-${seed}`)
  if (!existsSync(join(sampleDir, 'population.csv'))) {
    console.log(`generating ${population} population rows (seed ${seed}) into ${sampleDir}`)
    await writeSample({ outDir: sampleDir, population, registry: 10, seed, legacy: false })
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'doisoat-bench-gateway-data-'))
  const t0 = performance.now()
  const gp = await startGatewayProcess({
    dataDir,
    adminToken: admin,
    seedFrom: join(sampleDir, 'population.csv'),
    databaseUrl: process.env.DATABASE_URL || undefined,
    startupMs: 30 * 60_000
  })
  const seedSeconds = (performance.now() - t0) / 1000
  console.log(
    `gateway up (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}), seeded in ${seedSeconds.toFixed(1)} s`
  )
  try {
    const call = <T>(method: string, path: string, body?: unknown) =>
      adminRequest<T>(gp.url, admin, method, path, body)
    const areas = (
      await call<{ areas: { area: string; records: number }[] }>('GET', '/admin/areas')
    ).body.areas
    const sup = newSupervisor('giamsat-bench')
    await call('PUT', `/admin/supervisors/${sup.username}`, {
      publicKey: sup.publicKey,
      communes: areas.map((a) => a.area)
    })
    const clients = new Map<string, GatewayClient>()
    for (const a of areas) {
      const ws = await call<{ id: string; secret: string; commune: string }>(
        'POST',
        '/admin/workstations',
        {
          commune: a.area,
          name: `bench ${a.area}`
        }
      )
      clients.set(a.area, new GatewayClient(gp.url, ws.body, 600_000))
    }
    console.log(`${areas.length} communes, ${areas.reduce((s, a) => s + a.records, 0)} records`)

    const pullRates: number[] = []
    const pushRates: number[] = []
    for (let run = 1; run <= runs; run++) {
      // Pull: every commune from the start, page by page, as a fresh workstation would.
      const targets: { area: string; key: string; version: number }[] = []
      let pulledCount = 0
      const p0 = performance.now()
      for (const a of areas) {
        const client = clients.get(a.area)!
        let cursor = ''
        for (;;) {
          const page = await client.pull(cursor, pageSize)
          if (page.status !== 200) throw new Error(`pull ${page.status}`)
          pulledCount += page.body.records.length
          for (const r of page.body.records)
            if (targets.length < corrections && !r.deleted)
              targets.push({ area: a.area, key: r.key, version: r.version })
          cursor = page.body.cursor
          if (!page.body.more) break
        }
      }
      const pullSeconds = (performance.now() - p0) / 1000
      pullRates.push(pulledCount / pullSeconds)

      // Push: signed beforehand (signing is the supervisor's app's work), one batch per request.
      const items: { area: string; a: SignedApproval }[] = targets.map((t) => ({
        area: t.area,
        a: signApproval(sup, {
          uuid: randomUUID(),
          populationKey: t.key,
          baseVersion: t.version,
          side: 'population',
          fields: [{ field: 'hometown', oldValue: null, newValue: `Xã Thử Nghiệm ${run}` }],
          reason: 'registry_evidence',
          evidence: `bench run ${run}`,
          proposedBy: 'canbo-bench',
          proposedAt: new Date().toISOString(),
          approvedBy: sup.username,
          approvedAt: new Date().toISOString()
        })
      }))
      let applied = 0
      let requests = 0
      const s0 = performance.now()
      for (let i = 0; i < items.length;) {
        const area = items[i]!.area
        const chunk: SignedApproval[] = []
        while (i < items.length && items[i]!.area === area && chunk.length < batch)
          chunk.push(items[i++]!.a)
        const res = await clients.get(area)!.pushBatch(chunk)
        requests++
        if (res.status !== 200) throw new Error(`batch ${res.status}`)
        applied += res.body.results.filter((r) => r.status === 201).length
      }
      const pushSeconds = (performance.now() - s0) / 1000
      if (applied !== items.length) throw new Error(`only ${applied} of ${items.length} applied`)
      pushRates.push(applied / pushSeconds)
      console.log(
        `run ${run}: pull ${pulledCount} records in ${pullSeconds.toFixed(1)} s = ${Math.round(pulledCount / pullSeconds)} records/s; ` +
          `push ${applied} corrections in ${requests} batches in ${pushSeconds.toFixed(1)} s = ${Math.round(applied / pushSeconds)} corrections/s; ` +
          `load ${loadavg()[0]!.toFixed(2)}`
      )
    }
    console.log(
      JSON.stringify({
        database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
        population,
        corrections,
        batch,
        pageSize,
        seedSeconds: Math.round(seedSeconds * 10) / 10,
        pullRecordsPerSecond: Math.round(median(pullRates)),
        pullRuns: pullRates.map(Math.round),
        pushCorrectionsPerSecond: Math.round(median(pushRates)),
        pushRuns: pushRates.map(Math.round),
        cores: cpus().length
      })
    )
  } finally {
    await gp.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e)
  process.exitCode = 1
})
