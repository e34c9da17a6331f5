// A gateway for tests: PGlite in a temporary folder, or (PG_TEST_URL) a fresh schema on a real
// PostgreSQL server; seeded from a generated population file; a supervisor with an Ed25519 key.
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto'
import { join } from 'node:path'
import pg from 'pg'
import { writeSample } from '../../src/backend/sample/write-sample'
import {
  approvalBytes,
  type ApprovalPayload,
  type SignedApproval
} from '../../src/core/review/signed-correction'
import type { PulledRecord } from '../../src/core/sync/protocol'
import { adminRequest, GatewayClient } from '../../src/gateway/client'
import type { FaultRates } from '../../src/gateway/testing/fault-proxy'
import { startGateway, type RunningGateway } from '../../src/gateway/server'

export const ADMIN = 'test-admin-token'

/** The databases the gateway tests run on: always PGlite, and PostgreSQL when PG_TEST_URL is set. */
export const BACKENDS: ('pglite' | 'postgres')[] = process.env.PG_TEST_URL
  ? ['pglite', 'postgres']
  : ['pglite']

let schemaNo = 0

/** A URL whose connections use a new, empty schema of the PG_TEST_URL database. */
export async function freshPostgresUrl(): Promise<string> {
  const base = process.env.PG_TEST_URL!
  const schema = `gw_test_${process.pid}_${Date.now()}_${schemaNo++}`
  const c = new pg.Client({ connectionString: base })
  await c.connect()
  await c.query(`CREATE SCHEMA ${schema}`)
  await c.end()
  const u = new URL(base)
  u.searchParams.set('options', `-c search_path=${schema}`)
  return u.toString()
}

/** Every fault of the fault proxy on at once: the rates the sync tests run through. */
export const EVERY_FAULT: FaultRates = {
  drop_request: 0.05,
  drop_response: 0.08,
  duplicate: 0.05,
  reorder: 0.05,
  delay: 0.05,
  truncate: 0.05,
  error_500: 0.05,
  error_503: 0.05
}

export async function samplePopulation(dir: string, n = 300, seed = 5): Promise<string> {
  const files = await writeSample({ outDir: dir, population: n, registry: 10, seed, legacy: false })
  return files.population
}

export interface Supervisor {
  username: string
  publicKey: string
  privateKey: KeyObject
}

export function newSupervisor(username: string): Supervisor {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  return {
    username,
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKey
  }
}

export function signApproval(s: Supervisor, p: ApprovalPayload): SignedApproval {
  return {
    payload: p,
    signature: sign(null, approvalBytes(p), s.privateKey).toString('base64'),
    publicKey: s.publicKey
  }
}

export function correction(
  s: Supervisor,
  rec: Pick<PulledRecord, 'key' | 'version'>,
  fields: ApprovalPayload['fields'],
  o: Partial<ApprovalPayload> = {}
): SignedApproval {
  return signApproval(s, {
    uuid: randomUUID(),
    populationKey: rec.key,
    baseVersion: rec.version,
    side: 'population',
    fields,
    reason: 'registry_evidence',
    evidence: 'KS 12/2020',
    proposedBy: 'canbo1',
    proposedAt: '2026-11-27T01:00:00.000Z',
    approvedBy: s.username,
    approvedAt: '2026-11-27T02:00:00.000Z',
    ...o
  })
}

export interface TestGateway {
  gw: RunningGateway
  client: GatewayClient
  commune: string
  supervisor: Supervisor
  admin<T = unknown>(
    method: string,
    path: string,
    body?: unknown
  ): ReturnType<typeof adminRequest<T>>
  /** Every record of the commune, by a full pull. */
  all(): Promise<PulledRecord[]>
}

export async function startTestGateway(
  backend: 'pglite' | 'postgres',
  dir: string,
  population: string
): Promise<TestGateway> {
  const gw = await startGateway({
    databaseUrl: backend === 'postgres' ? await freshPostgresUrl() : undefined,
    dataDir: join(dir, `pglite-${schemaNo++}`),
    adminToken: ADMIN,
    seedFrom: population
  })
  const admin = <T>(method: string, path: string, body?: unknown) =>
    adminRequest<T>(gw.url, ADMIN, method, path, body)
  const communes = await gw.db.query<{ commune: string }>(
    'SELECT commune FROM person GROUP BY commune ORDER BY count(*) DESC LIMIT 1'
  )
  const commune = communes[0]!.commune
  const ws = await admin<{ id: string; secret: string; commune: string }>(
    'POST',
    '/admin/workstations',
    { commune, name: 'UBND xã (máy 1)' }
  )
  const supervisor = newSupervisor('giamsat1')
  await admin('PUT', `/admin/supervisors/${supervisor.username}`, {
    publicKey: supervisor.publicKey,
    communes: [commune]
  })
  const client = new GatewayClient(gw.url, ws.body)
  const all = async (): Promise<PulledRecord[]> => {
    const out: PulledRecord[] = []
    let cursor = ''
    for (;;) {
      const page = await client.pull(cursor, 5000)
      out.push(...page.body.records)
      cursor = page.body.cursor
      if (!page.body.more) return out
    }
  }
  return { gw, client, commune, supervisor, admin, all }
}
