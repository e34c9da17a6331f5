// The gateway as a process: killed with SIGKILL and restarted on the same data, it keeps every
// committed correction, answers replays with the first result, and serves the same pulls.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCsvParser } from '../../src/core/import/csv'
import type { PulledRecord } from '../../src/core/sync/protocol'
import { adminRequest, GatewayClient } from '../../src/gateway/client'
import { startFaultProxy } from '../../src/gateway/testing/fault-proxy'
import { startGatewayProcess, type GatewayProcess } from '../../src/gateway/testing/gateway-process'
import { tempDir } from '../helpers/tmp'
import {
  ADMIN,
  correction,
  freshPostgresUrl,
  newSupervisor,
  samplePopulation,
  BACKENDS
} from './fixture'

const dir = tempDir('doisoat-gateway-restart-')

describe.each(BACKENDS)('gateway process restarts (%s)', (backend) => {
  let gp: GatewayProcess
  let population = ''
  beforeAll(async () => {
    population = await samplePopulation(dir, 120, 9)
    gp = await startGatewayProcess({
      dataDir: `${dir}/data-${backend}`,
      adminToken: ADMIN,
      seedFrom: population,
      databaseUrl: backend === 'postgres' ? await freshPostgresUrl() : undefined
    })
  }, 180_000)
  afterAll(async () => {
    await gp?.stop()
  })

  it('keeps committed corrections across SIGKILL and a clean restart, behind the fault proxy', async () => {
    const admin = <T>(method: string, path: string, body?: unknown) =>
      adminRequest<T>(gp.url, ADMIN, method, path, body)
    const commune = firstCommune(population)
    const ws = await admin<{ id: string; secret: string; commune: string }>(
      'POST',
      '/admin/workstations',
      { commune, name: 'm1' }
    )
    expect(ws.status).toBe(201)
    const sup = newSupervisor('giamsat2')
    await admin('PUT', '/admin/supervisors/giamsat2', {
      publicKey: sup.publicKey,
      communes: [commune]
    })
    const proxy = await startFaultProxy({ target: gp.url, seed: 3, rates: {} })
    const client = new GatewayClient(proxy.url, ws.body)
    const page = await client.pull('', 1000)
    const rec = page.body.records[0]!
    const c = correction(sup, rec, [
      { field: 'ethnicity', oldValue: rec.record!.ethnicity, newValue: 'Mường' }
    ])
    // The answer is lost after the gateway committed; then the gateway dies.
    proxy.setRates({ drop_response: 1 })
    await expect(client.putCorrection(c)).rejects.toThrow()
    expect(proxy.log.at(-1)).toMatchObject({ fault: 'drop_response', upstreamStatus: 201 })
    const pid = gp.pid
    await gp.restart({ hard: true })
    expect(gp.pid).not.toBe(pid)
    proxy.setRates({})
    // The retry finds the first result: applied once, version bumped once.
    const retry = await client.putCorrection(c)
    expect(retry.status).toBe(201)
    expect(retry.headers.get('idempotent-replayed')).toBe('true')
    expect(retry.body).toMatchObject({ outcome: 'applied', version: rec.version + 1 })
    await gp.restart()
    const now = await client.request<PulledRecord>('GET', `/v1/records/${rec.key}`)
    expect(now.body).toMatchObject({ version: rec.version + 1, record: { ethnicity: 'Mường' } })
    const again = await client.pull('', 1000)
    expect(again.body.records.length).toBe(page.body.records.length)
    await proxy.close()
  })
})

/** The commune code (ma_xa) of the file's first person. */
function firstCommune(file: string): string {
  const rows = createCsvParser().push(readFileSync(file, 'utf8'))
  return rows[1]![rows[0]!.indexOf('ma_xa')]!
}
