// The reference gateway as a real HTTP server: auth, pulls by cursor, idempotent corrections,
// conflicts, signatures, the immutable ledger, reconciliation. On PGlite, and on PostgreSQL
// when PG_TEST_URL is set.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  AUTH_HEADERS,
  type CorrectionResult,
  type PulledRecord
} from '../../src/core/sync/protocol'
import { signRequest } from '../../src/core/sync/request-signing'
import { GatewayClient } from '../../src/gateway/client'
import { tempDir } from '../helpers/tmp'
import {
  BACKENDS,
  correction,
  newSupervisor,
  samplePopulation,
  signApproval,
  startTestGateway,
  type TestGateway
} from './fixture'

const dir = tempDir('doisoat-gateway-')
let population = ''
beforeAll(async () => {
  population = await samplePopulation(dir, 300, 5)
}, 60_000)

describe.each(BACKENDS)('reference gateway on %s', (backend) => {
  let t: TestGateway
  let records: PulledRecord[] = []
  beforeAll(async () => {
    t = await startTestGateway(backend, dir, population)
    records = await t.all()
  }, 120_000)
  afterAll(async () => {
    await t?.gw.close()
  })
  // Each test takes records of its own, so tests do not depend on each other's corrections.
  let nextRecord = 0
  const take = (): PulledRecord => records[nextRecord++]!

  it('seeds from the sample population file and serves it by cursor in pages', async () => {
    expect(t.gw.seeded).toMatchObject({ read: 300, inserted: 300, rejected: 0 })
    expect(records.length).toBeGreaterThan(100)
    const first = await t.client.pull('', 100)
    expect(first.status).toBe(200)
    expect(first.body.records).toHaveLength(100)
    expect(first.body.more).toBe(true)
    const second = await t.client.pull(first.body.cursor, 100)
    expect(second.body.records[0]!.key).not.toBe(first.body.records[99]!.key)
    const r = records.find((x) => x.record?.full_name)!
    expect(r.record!.residence_commune_code).toBe(t.commune)
    expect(r.version).toBeGreaterThanOrEqual(1)
    // Nothing changed since the last page: an empty delta.
    const last = await t.client.pull(records.length ? await lastCursor(t) : '', 100)
    expect(last.body.records).toEqual([])
    expect(last.body.more).toBe(false)
  })

  it('refuses unsigned, tampered, replayed, skewed and other-area requests', async () => {
    const path = `/v1/areas/${t.commune}/records?cursor=&limit=1`
    const plain = await fetch(t.gw.url + path)
    expect(plain.status).toBe(401)
    const headers = await signRequest(t.client.credential, 'GET', path)
    expect((await fetch(t.gw.url + path, { headers })).status).toBe(200)
    const again = await fetch(t.gw.url + path, { headers })
    expect(again.status).toBe(401)
    expect(((await again.json()) as { code: string }).code).toBe('replayed_request')
    const tampered = await signRequest(t.client.credential, 'GET', path)
    const other = await fetch(t.gw.url + path.replace('limit=1', 'limit=2'), { headers: tampered })
    expect(((await other.json()) as { code: string }).code).toBe('bad_request_signature')
    const old = await signRequest(t.client.credential, 'GET', path, '', Date.now() - 3_600_000)
    expect(
      ((await (await fetch(t.gw.url + path, { headers: old })).json()) as { code: string }).code
    ).toBe('clock_skew')
    const wrongSecret = new GatewayClient(t.gw.url, {
      ...t.client.credential,
      secret: 'x'.repeat(43)
    })
    expect((await wrongSecret.pull()).status).toBe(401)
    const elsewhere = await t.client.request('GET', '/v1/areas/99999/records')
    expect(elsewhere.status).toBe(403)
    expect(AUTH_HEADERS.signature in headers).toBe(true)
  })

  it('applies a signed correction once, bumps the version and shows it in the next pull', async () => {
    const before = await lastCursor(t)
    const r = take()
    const c = correction(t.supervisor, r, [
      { field: 'full_name', oldValue: r.record!.full_name, newValue: 'Nguyễn Văn Đính' }
    ])
    const first = await t.client.putCorrection(c)
    expect(first.status).toBe(201)
    expect(first.body).toMatchObject({
      outcome: 'applied',
      version: r.version + 1,
      uuid: c.payload.uuid
    })
    // Same id, same content: the first result, not a second application.
    const again = await t.client.putCorrection(c)
    expect(again.status).toBe(201)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(again.body).toEqual(first.body)
    const delta = await t.client.pull(before, 100)
    expect(delta.body.records).toHaveLength(1)
    expect(delta.body.records[0]).toMatchObject({ key: r.key, version: r.version + 1 })
    expect(delta.body.records[0]!.record).toMatchObject({
      full_name: 'Nguyễn Văn Đính',
      given_name: 'Đính',
      family_name: 'Nguyễn'
    })
    const status = await t.client.status(c.payload.uuid)
    expect(status.body).toEqual(first.body)
    const ledger = await t.gw.db.query<{ event: string }>(
      'SELECT event FROM ledger WHERE uuid = $1 ORDER BY seq',
      [c.payload.uuid]
    )
    expect(ledger.map((l) => l.event)).toEqual(['applied', 'replayed'])
  })

  it('answers 409 to the same id with other content, and changes nothing', async () => {
    const r = take()
    const c = correction(t.supervisor, r, [
      { field: 'dob', oldValue: r.record!.dob, newValue: '1990-01-02' }
    ])
    expect((await t.client.putCorrection(c)).status).toBe(201)
    const other = signApproval(t.supervisor, {
      ...c.payload,
      fields: [{ field: 'dob', oldValue: r.record!.dob, newValue: '1990-01-03' }]
    })
    const res = await t.client.putCorrection(other)
    expect(res.status).toBe(409)
    expect(res.body).toMatchObject({ code: 'idempotency_conflict' })
    const now = await t.client.request<PulledRecord>('GET', `/v1/records/${r.key}`)
    expect(now.body.record!.dob).toBe('1990-01-02')
    expect(now.body.version).toBe(r.version + 1)
  })

  it('answers 412 with the current record to a stale base version and applies nothing', async () => {
    const r = take()
    // The national side changed the record meanwhile (someone else's update).
    const changed = { ...r.record!, residence: 'Thôn 3, Xã Mới' }
    const upd = await t.admin<{ version: number }>('PUT', `/admin/records/${r.key}`, {
      record: changed
    })
    expect(upd.body.version).toBe(r.version + 1)
    const c = correction(t.supervisor, r, [
      { field: 'sex', oldValue: r.record!.sex, newValue: r.record!.sex === 'M' ? 'F' : 'M' }
    ])
    const res = await t.client.putCorrection(c)
    expect(res.status).toBe(412)
    expect(res.body).toMatchObject({ outcome: 'conflict', version: r.version + 1 })
    expect(res.body.current).toMatchObject({
      key: r.key,
      version: r.version + 1,
      record: { residence: 'Thôn 3, Xã Mới', sex: r.record!.sex }
    })
    // A retry gets the same 412, still nothing applied.
    expect((await t.client.putCorrection(c)).status).toBe(412)
    const now = await t.client.request<PulledRecord>('GET', `/v1/records/${r.key}`)
    expect(now.body.version).toBe(r.version + 1)
    expect(now.body.record!.sex).toBe(r.record!.sex)
  })

  it('records a local-side correction without changing the national record', async () => {
    const r = take()
    const c = correction(
      t.supervisor,
      r,
      [{ field: 'full_name', oldValue: 'Nguyen Van A', newValue: r.record!.full_name }],
      { side: 'local' }
    )
    const res = await t.client.putCorrection(c)
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ outcome: 'recorded', version: r.version })
    const now = await t.client.request<PulledRecord>('GET', `/v1/records/${r.key}`)
    expect(now.body.version).toBe(r.version)
  })

  it('rejects bad signatures, unregistered or self-approving supervisors and bad values (422)', async () => {
    const r = take()
    const good = correction(t.supervisor, r, [
      { field: 'ethnicity', oldValue: null, newValue: 'Tày' }
    ])
    const forged = {
      ...good,
      payload: {
        ...good.payload,
        fields: [{ field: 'ethnicity', oldValue: null, newValue: 'Nùng' }]
      }
    }
    const stranger = correction(newSupervisor('giamsat1'), r, [
      { field: 'ethnicity', oldValue: null, newValue: 'Tày' }
    ])
    const self = correction(
      t.supervisor,
      r,
      [{ field: 'ethnicity', oldValue: null, newValue: 'Tày' }],
      { proposedBy: 'giamsat1' }
    )
    const badDate = correction(t.supervisor, r, [
      { field: 'dob', oldValue: null, newValue: '31/02/1990' }
    ])
    const notField = correction(t.supervisor, r, [
      { field: 'version', oldValue: null, newValue: '9' }
    ])
    const missing = correction(t.supervisor, { key: 'NO-SUCH', version: 1 }, [
      { field: 'ethnicity', oldValue: null, newValue: 'Tày' }
    ])
    const expected: [typeof good, string][] = [
      [forged, 'bad_signature'],
      [stranger, 'unknown_supervisor'],
      [self, 'self_approval'],
      [badDate, 'invalid_value'],
      [notField, 'invalid_value'],
      [missing, 'unknown_record']
    ]
    for (const [c, reason] of expected) {
      const res = await t.client.putCorrection(c)
      expect(res.status, reason).toBe(422)
      expect(res.body).toMatchObject({ outcome: 'rejected', reason })
    }
    const verify = await t.client.request<{ valid: boolean; reason?: string }>(
      'POST',
      '/v1/signatures/verify',
      forged
    )
    expect(verify.body).toMatchObject({ valid: false, reason: 'bad_signature' })
    const ok = await t.client.request<{ valid: boolean }>('POST', '/v1/signatures/verify', good)
    expect(ok.body.valid).toBe(true)
    const keys = await t.client.request<{ keys: { publicKey: string }[] }>(
      'GET',
      '/v1/supervisors/giamsat1'
    )
    expect(keys.body.keys.map((k) => k.publicKey)).toEqual([t.supervisor.publicKey])
    const now = await t.client.request<PulledRecord>('GET', `/v1/records/${r.key}`)
    expect(now.body.version).toBe(r.version)
  })

  it('refuses malformed bodies and a path UUID that differs from the payload (400)', async () => {
    const r = take()
    const c = correction(t.supervisor, r, [
      { field: 'ethnicity', oldValue: null, newValue: 'Kinh' }
    ])
    const res = await t.client.request('PUT', `/v1/corrections/${randomUUID()}`, c)
    expect(res.status).toBe(400)
    expect(
      (await t.client.request('PUT', `/v1/corrections/${c.payload.uuid}`, { payload: {} })).status
    ).toBe(400)
    expect((await t.client.status(c.payload.uuid)).status).toBe(404)
  })

  it('pushes a batch with one result per item, a bad item not blocking the rest', async () => {
    const rs = [take(), take(), take()]
    const items = rs.map((r) =>
      correction(t.supervisor, r, [{ field: 'hometown', oldValue: null, newValue: 'Xã Tà Hine' }])
    )
    const stale = correction(t.supervisor, { ...take(), version: 0 }, [
      { field: 'hometown', oldValue: null, newValue: 'X' }
    ])
    const res = await t.client.request<{
      results: { uuid: string | null; status: number; body: CorrectionResult }[]
    }>('POST', '/v1/corrections/batch', {
      items: [items[0], { payload: { uuid: 'nope' } }, items[1], stale, items[2], items[0]]
    })
    expect(res.status).toBe(200)
    expect(res.body.results.map((x) => x.status)).toEqual([201, 400, 201, 412, 201, 201])
    expect(res.body.results[5]!.body).toEqual(res.body.results[0]!.body)
    expect(res.body.results.map((x) => x.uuid)).toEqual([
      items[0]!.payload.uuid,
      'nope',
      items[1]!.payload.uuid,
      stale.payload.uuid,
      items[2]!.payload.uuid,
      items[0]!.payload.uuid
    ])
  })

  it('settles concurrent duplicates by the unique key: applied exactly once', async () => {
    const r = take()
    const c = correction(t.supervisor, r, [
      { field: 'mother_name', oldValue: r.record!.mother_name, newValue: 'Trần Thị Lan' }
    ])
    const answers = await Promise.all(Array.from({ length: 8 }, () => t.client.putCorrection(c)))
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201))
    for (const a of answers) expect(a.body).toEqual(answers[0]!.body)
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') !== 'true')).toHaveLength(1)
    const now = await t.client.request<PulledRecord>('GET', `/v1/records/${r.key}`)
    expect(now.body.version).toBe(r.version + 1)
    const firsts = await t.gw.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ledger WHERE uuid = $1 AND event <> 'replayed'`,
      [c.payload.uuid]
    )
    expect(firsts[0]!.n).toBe(1)
  })

  it('keeps the ledger append-only: UPDATE, DELETE and TRUNCATE are refused', async () => {
    await expect(t.gw.db.query(`UPDATE ledger SET event = 'x'`)).rejects.toThrow(/append-only/)
    await expect(t.gw.db.query(`DELETE FROM ledger`)).rejects.toThrow(/append-only/)
    await expect(t.gw.db.query(`TRUNCATE ledger`)).rejects.toThrow(/append-only/)
    const n = await t.gw.db.query<{ n: number }>('SELECT count(*)::int AS n FROM ledger')
    expect(n[0]!.n).toBeGreaterThan(0)
  })

  it('sends deletions and deaths in the delta', async () => {
    const before = await lastCursor(t)
    const dead = take()
    const gone = take()
    const c = correction(t.supervisor, dead, [
      { field: 'vital_status', oldValue: 'alive', newValue: 'deceased' },
      { field: 'death_date', oldValue: null, newValue: '20/11/2026' }
    ])
    expect((await t.client.putCorrection(c)).status).toBe(201)
    expect((await t.admin('DELETE', `/admin/records/${gone.key}`)).status).toBe(200)
    const delta = await t.client.pull(before, 100)
    expect(delta.body.records).toEqual([
      {
        key: dead.key,
        version: dead.version + 1,
        deleted: false,
        record: expect.objectContaining({ vital_status: 'deceased', death_date: '2026-11-20' })
      },
      { key: gone.key, version: gone.version + 1, deleted: true, record: null }
    ])
  })

  it('answers W3C reconciliation queries with scored candidates and a match', async () => {
    const manifest = await (await fetch(`${t.gw.url}/reconcile`)).json()
    expect(manifest).toMatchObject({ versions: ['0.2'], defaultTypes: [{ id: 'person' }] })
    // From the end: the first records were corrected by the tests above.
    const r = [...records].reverse().find((x) => x.record?.id_number && x.record.dob)!
    const p = r.record!
    const res = await t.client.request<
      Record<string, { result: { id: string; score: number; match: boolean }[] }>
    >('POST', '/v1/reconcile', {
      queries: {
        q0: {
          query: p.full_name,
          type: 'person',
          properties: [
            { pid: 'dob', v: p.dob! },
            { pid: 'id_number', v: p.id_number! }
          ]
        },
        q1: { query: p.full_name.normalize('NFD').replace(/[\u0300-\u036f]/g, '') },
        q2: { query: 'Không Có Người Này' }
      }
    })
    expect(res.status).toBe(200)
    expect(res.body.q0!.result[0]).toMatchObject({ id: r.key, match: true })
    expect(res.body.q0!.result[0]!.score).toBeGreaterThanOrEqual(85)
    expect(res.body.q1!.result.map((c) => c.id)).toContain(r.key)
    expect(res.body.q1!.result.every((c) => !c.match || c.score >= 85)).toBe(true)
    expect(res.body.q2!.result).toEqual([])
  })
})

async function lastCursor(t: TestGateway): Promise<string> {
  let cursor = ''
  for (;;) {
    const page = await t.client.pull(cursor, 5000)
    cursor = page.body.cursor
    if (!page.body.more) return cursor
  }
}
