// The sync client against the real gateway through the fault proxy (every fault on, seeded):
// each correction is decided exactly once, none lost, every stale one comes back as a conflict
// and is never applied. Also: 4xx items are parked with their reason, 401 is not an item's fault.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SignedApproval } from '../../src/core/review/signed-correction'
import type { PulledRecord } from '../../src/core/sync/protocol'
import {
  createSyncClient,
  SyncAuthError,
  SyncUnavailableError,
  type PushOutcome
} from '../../src/backend/sync/client'
import { startFaultProxy, type FaultProxy } from '../../src/gateway/testing/fault-proxy'
import { tempDir } from '../helpers/tmp'
import {
  correction,
  EVERY_FAULT,
  samplePopulation,
  startTestGateway,
  type TestGateway
} from './fixture'

const dir = tempDir('doisoat-sync-client-')
let t: TestGateway
let proxy: FaultProxy
let records: PulledRecord[] = []

beforeAll(async () => {
  t = await startTestGateway('pglite', dir, await samplePopulation(dir, 400, 12))
  records = (await t.all()).filter((r) => !r.deleted)
  proxy = await startFaultProxy({
    target: t.gw.url,
    seed: 2026,
    rates: EVERY_FAULT,
    maxDelayMs: 30,
    holdMs: 30
  })
}, 180_000)
afterAll(async () => {
  await proxy?.close()
  await t?.gw.close()
})

const fast = { backoff: { baseMs: 1, maxMs: 20 }, maxAttempts: 40, timeoutMs: 10_000 }

describe('sync client through the fault proxy', () => {
  it('pushes 120 corrections, 20 of them stale: 100 applied once, 20 conflicts, 0 lost', async () => {
    const client = createSyncClient(
      {
        url: proxy.url,
        workstationId: t.client.credential.id,
        secret: t.client.credential.secret,
        commune: t.commune
      },
      fast
    )
    const targets = records.slice(0, 120)
    // The national side changes 20 records after the clerk saw them: those corrections are stale.
    const stale = new Set(targets.filter((_, i) => i % 6 === 0).map((r) => r.key))
    for (const key of stale) {
      const r = targets.find((x) => x.key === key)!
      await t.admin('PUT', `/admin/records/${key}`, {
        record: { ...r.record!, hometown: 'Đổi ở trung ương' }
      })
    }
    const items = targets.map((r) =>
      correction(t.supervisor, r, [
        { field: 'ethnicity', oldValue: r.record!.ethnicity, newValue: 'Thái' }
      ])
    )
    // Pushed in batches; a batch that fails for good stays queued and goes again, as the outbox would.
    const outcomes = new Map<string, PushOutcome>()
    let queue: SignedApproval[] = [...items]
    for (let round = 0; queue.length > 0 && round < 20; round++) {
      const next: SignedApproval[] = []
      for (let i = 0; i < queue.length; i += 5) {
        const batch = queue.slice(i, i + 5)
        try {
          for (const o of await client.pushBatch(batch)) {
            if (o.kind === 'retry_later') next.push(batch.find((a) => a.payload.uuid === o.uuid)!)
            else outcomes.set(o.uuid, o)
          }
        } catch (e) {
          if (!(e instanceof SyncUnavailableError)) throw e
          next.push(...batch)
        }
      }
      queue = next
    }
    expect(queue).toEqual([])
    const kinds = [...outcomes.values()].map((o) => o.kind)
    expect(kinds.filter((k) => k === 'accepted')).toHaveLength(100)
    expect(kinds.filter((k) => k === 'conflict')).toHaveLength(20)
    for (const a of items) {
      const o = outcomes.get(a.payload.uuid)!
      expect(o.kind).toBe(stale.has(a.payload.populationKey) ? 'conflict' : 'accepted')
    }
    // The gateway's own books: each UUID decided exactly once; stale ones never applied.
    const decided = await t.gw.db.query<{ uuid: string; n: number; outcome: string }>(
      `SELECT uuid::text AS uuid, count(*)::int AS n, min(event) AS outcome FROM ledger
       WHERE event IN ('applied', 'recorded', 'conflict', 'rejected') GROUP BY uuid`
    )
    const mine = decided.filter((d) => items.some((a) => a.payload.uuid === d.uuid))
    expect(mine).toHaveLength(120)
    expect(mine.every((d) => d.n === 1)).toBe(true)
    expect(mine.filter((d) => d.outcome === 'applied')).toHaveLength(100)
    const after = new Map((await t.all()).map((r) => [r.key, r]))
    for (const r of targets) {
      const now = after.get(r.key)!
      if (stale.has(r.key)) {
        expect(now.version).toBe(r.version + 1) // the national change only
        expect(now.record!.ethnicity).toBe(r.record!.ethnicity)
      } else {
        expect(now.version).toBe(r.version + 1) // the correction, once
        expect(now.record!.ethnicity).toBe('Thái')
      }
    }
    // The proxy really did its worst (seeded, so these counts are the same on every run).
    const c = proxy.counts()
    expect(c.drop_response + c.truncate + c.error_500, 'answers lost after commit').toBeGreaterThan(
      3
    )
    expect(c.drop_request + c.error_503, 'requests that never arrived').toBeGreaterThan(0)
    expect(c.duplicate + c.reorder).toBeGreaterThan(0)
  })

  it('parks items the gateway refuses for good, with the reason, without blocking the others', async () => {
    proxy.setRates({})
    const client = createSyncClient(
      {
        url: proxy.url,
        workstationId: t.client.credential.id,
        secret: t.client.credential.secret,
        commune: t.commune
      },
      fast
    )
    const [r1, r2] = records.slice(200, 202)
    const good = correction(t.supervisor, r1!, [
      { field: 'ethnicity', oldValue: null, newValue: 'Tày' }
    ])
    const bad = correction(t.supervisor, r2!, [
      { field: 'dob', oldValue: null, newValue: 'không rõ' }
    ])
    const out = await client.pushBatch([bad, good])
    expect(out).toEqual([
      {
        kind: 'parked',
        uuid: bad.payload.uuid,
        status: 422,
        reason: 'invalid_value',
        detail: expect.stringMatching(/^dob: /)
      },
      expect.objectContaining({ kind: 'accepted', uuid: good.payload.uuid })
    ])
    const page = await client.pull('', 10)
    expect(page.records).toHaveLength(10)
  })

  it('reports a refused workstation as an auth error and an unreachable gateway as unavailable', async () => {
    const wrong = createSyncClient(
      {
        url: proxy.url,
        workstationId: t.client.credential.id,
        secret: 'wrong-secret',
        commune: t.commune
      },
      fast
    )
    await expect(wrong.pull('')).rejects.toBeInstanceOf(SyncAuthError)
    proxy.setRates({ error_503: 1 })
    const client = createSyncClient(
      {
        url: proxy.url,
        workstationId: t.client.credential.id,
        secret: t.client.credential.secret,
        commune: t.commune
      },
      { ...fast, maxAttempts: 3 }
    )
    await expect(client.pull('')).rejects.toBeInstanceOf(SyncUnavailableError)
    proxy.setRates({})
  })
})
