// The app's sync job against the reference gateway through the fault proxy: offline first (the
// queue is kept), then online: accepted corrections, stale ones back as conflicts with both
// versions, an unknown record refused (parked) without blocking the rest, deltas pulled (changes, deaths,
// deletions) and marked for re-match; each correction decided exactly once at the gateway.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAudit } from '../../src/backend/audit/audit'
import { openDb, type Db } from '../../src/backend/db/open'
import { createBackend, type Backend, type Caller } from '../../src/backend/host'
import type { Events, SyncSummary } from '../../src/shared/api'
import { startFaultProxy, type FaultProxy } from '../../src/gateway/testing/fault-proxy'
import { apiHelpers } from '../helpers/api'
import { tempDir } from '../helpers/tmp'
import { signInAs } from '../helpers/users'
import { EVERY_FAULT, samplePopulation, startTestGateway, type TestGateway } from './fixture'

const dir = tempDir('doisoat-run-sync-')
const dbPath = join(dir, 'ws.db')
let t: TestGateway
let proxy: FaultProxy
let backend: Backend
let db: Db
let admin: Caller
let clerk: Caller
let sup: Caller
const clock = Date.now()

beforeAll(async () => {
  t = await startTestGateway('pglite', dir, await samplePopulation(dir, 300, 21))
  proxy = await startFaultProxy({
    target: t.gw.url,
    seed: 7,
    rates: EVERY_FAULT,
    maxDelayMs: 20,
    holdMs: 20
  })
  backend = createBackend({
    dbPath,
    syncProbeMs: 0,
    now: () => clock,
    sessionMinutes: 24 * 60,
    sync: { batchSize: 7, client: { backoff: { baseMs: 1, maxMs: 10 }, maxAttempts: 40 } }
  })
  admin = await signInAs(backend, 'quantri', 'admin')
  clerk = await signInAs(backend, 'canbo', 'clerk')
  sup = await signInAs(backend, 'giamsat', 'supervisor')
  db = openDb(dbPath)
  // The national side knows this supervisor's key (registered by the national operator).
  const publicKey = db
    .prepare("SELECT public_key FROM app_user WHERE username = 'giamsat'")
    .pluck()
    .get() as string
  await t.admin('PUT', '/admin/supervisors/giamsat', { publicKey, communes: [t.commune] })
}, 180_000)
afterAll(async () => {
  db?.close()
  await backend?.close()
  await proxy?.close()
  await t?.gw.close()
})

const asAdmin = apiHelpers(() => admin)
const asClerk = apiHelpers(() => clerk)
const asSup = apiHelpers(() => sup)

async function syncNow(): Promise<SyncSummary> {
  let done: Events['job/done'] | undefined
  const off = backend.onEvent((e, p) => {
    if (e === 'job/done') done = p as Events['job/done']
  })
  const { jobId } = await asClerk.call('sync/run', {})
  await backend.jobs.wait(jobId)
  off()
  if (done?.state !== 'done') throw new Error(`sync ${done?.state}: ${done?.error?.message}`)
  return done.result as SyncSummary
}

const credentials = () => ({
  workstationId: t.client.credential.id,
  secret: t.client.credential.secret,
  commune: t.commune
})

describe('sync job', () => {
  it('refuses to run before an admin configures it; only an admin configures', async () => {
    expect((await asClerk.fail('sync/run', {})).code).toBe('sync_not_configured')
    const denied = await asClerk.fail('sync/configure', { url: proxy.url, ...credentials() })
    expect(denied.code).toBe('forbidden')
  })

  it('first run pulls the commune into population_record', async () => {
    await asAdmin.call('sync/configure', { url: proxy.url, ...credentials() })
    const s = await syncNow()
    const national = (await t.all()).filter((r) => !r.deleted)
    expect(s.online).toBe(true)
    expect(s.pushed).toBe(0)
    expect(db.prepare('SELECT count(*) FROM population_record').pluck().get()).toBe(national.length)
    // Every record came in new: all wait for a match run.
    expect((await asClerk.call('sync/status', {})).rematch).toBe(national.length)
    db.prepare('DELETE FROM sync_rematch').run() // as a full match run does (tested below)
  })

  it('offline: approved corrections stay queued; online: accepted, conflicts, parked, deltas', async () => {
    const pop = db
      .prepare(
        "SELECT id, record_key AS key, version, ethnicity FROM population_record WHERE coalesce(ethnicity, '') <> 'Thái' ORDER BY id LIMIT 30"
      )
      .all() as { id: number; key: string; version: number; ethnicity: string | null }[]
    // A record only this workstation has: the gateway will refuse it (unknown_record) → parked.
    db.prepare(
      `INSERT INTO population_record (record_key, full_name, name_key, version, snapshot_at)
       VALUES ('KHONG-CO-9999', 'Hà Văn Ảo', 'ha van ao', 1, 'then')`
    ).run()
    const ghost = db
      .prepare(
        "SELECT id, record_key AS key, version FROM population_record WHERE record_key = 'KHONG-CO-9999'"
      )
      .get() as { id: number; key: string; version: number }
    const targets = [...pop, { ...ghost, ethnicity: null }]
    db.prepare(
      `INSERT INTO import_batch (id, kind, file_name, file_sha256, file_size, rows_read, rows_accepted,
         rows_rejected, created_at) VALUES (1, 'registry', 'so.csv', 'abc', 1, 31, 31, 0, 'then')`
    ).run()
    const src = db.prepare(
      `INSERT INTO source_record (id, batch_id, row_number, record_key, raw_json, full_name, name_key, ethnicity)
       VALUES (?, 1, ?, ?, '{}', 'Người Thử', 'nguoi thu', 'Thái')`
    )
    targets.forEach((r, i) => src.run(i + 1, i + 2, `HT-${i + 1}`))
    const uuids: string[] = []
    for (const [i, r] of targets.entries()) {
      const c = await asClerk.call('corrections/propose', {
        sourceRecordId: i + 1,
        populationRecordId: r.id,
        side: 'population',
        fields: [{ field: 'ethnicity' }],
        reason: 'typo',
        evidence: `KS ${i}/2020`
      })
      uuids.push(c.uuid)
      expect(
        (await asSup.call('approvals/decide', { uuid: c.uuid, decision: 'approve' })).state
      ).toBe('queued')
    }
    expect((await asClerk.call('sync/status', {})).counts.pending).toBe(31)

    // Offline: nothing reachable. Nothing is parked or lost; the items wait with a backoff.
    await asAdmin.call('sync/configure', { url: 'http://127.0.0.1:9', ...credentials() })
    const off = await syncNow()
    expect(off.online).toBe(false)
    const offStatus = await asClerk.call('sync/status', {})
    expect(offStatus.counts).toMatchObject({ pending: 31, parked: 0, done: 0 })
    expect(offStatus.lastError).not.toBeNull()
    // Each waits out a backoff before the timer's runs take it again ("Đồng bộ ngay" does not wait).
    expect(
      db.prepare('SELECT max(next_attempt_at) FROM outbox WHERE state = ?').pluck().get('pending')
    ).toBeGreaterThan(clock)
    expect(db.prepare("SELECT count(*) FROM correction WHERE state = 'queued'").pluck().get()).toBe(
      31
    )

    // Meanwhile the national side changes 6 records (stale corrections), records a death and
    // deletes one record nobody corrects.
    const stale = pop.filter((_, i) => i % 5 === 0)
    const national = new Map((await t.all()).map((r) => [r.key, r]))
    for (const r of stale)
      await t.admin('PUT', `/admin/records/${r.key}`, {
        record: { ...national.get(r.key)!.record!, hometown: 'Đổi ở trung ương' }
      })
    const others = [...national.values()].filter(
      (r) => !r.deleted && !targets.some((x) => x.key === r.key)
    )
    const dead = others[0]!
    const gone = others[1]!
    await t.admin('PUT', `/admin/records/${dead.key}`, {
      record: { ...dead.record!, vital_status: 'deceased', death_date: '2026-11-01' }
    })
    await t.admin('DELETE', `/admin/records/${gone.key}`)

    // Online again.
    await asAdmin.call('sync/configure', { url: proxy.url, ...credentials() })
    const s = await syncNow()
    expect(s).toMatchObject({ online: true, pushed: 31, accepted: 24, conflicts: 6, parked: 1 })
    const st = await asClerk.call('sync/status', {})
    expect(st.counts).toMatchObject({ pending: 0, sent: 0, done: 24, conflict: 6, parked: 1 })
    expect(st.parked.map((p) => p.populationKey)).toEqual(['KHONG-CO-9999'])
    expect(st.parked[0]!.lastError).toBe('unknown_record')
    // A conflict shows both versions: ours (base version, old and new value) and theirs.
    expect(st.conflicts.map((c) => c.populationKey).sort()).toEqual(stale.map((r) => r.key).sort())
    for (const c of st.conflicts) {
      const r = stale.find((x) => x.key === c.populationKey)!
      expect(c.baseVersion).toBe(r.version)
      expect(c.fields[0]).toMatchObject({ field: 'ethnicity', newValue: 'Thái' })
      expect(c.current?.version).toBe(r.version + 1)
      expect(c.current?.record?.hometown).toBe('Đổi ở trung ương')
    }
    const state = (u: string) =>
      db.prepare('SELECT state FROM correction WHERE uuid = ?').pluck().get(u)
    for (const [i, r] of targets.entries()) {
      // A refusal is final for its UUID and shown; it no longer sits 'queued' for ever.
      const expected = r.key === ghost.key ? 'refused' : stale.includes(r) ? 'conflict' : 'accepted'
      expect(state(uuids[i]!), r.key).toBe(expected)
    }
    // The pull brought the corrected records back with their new version, the death and the deletion.
    const local = (key: string) =>
      db
        .prepare(
          'SELECT version, ethnicity, hometown, vital_status AS vital FROM population_record WHERE record_key = ?'
        )
        .get(key) as
        { version: number; ethnicity: string; hometown: string; vital: string } | undefined
    for (const r of pop) {
      const l = local(r.key)!
      expect(l.version).toBe(r.version + 1)
      if (stale.includes(r)) expect(l.hometown).toBe('Đổi ở trung ương')
      else expect(l.ethnicity).toBe('Thái')
    }
    expect(local(dead.key)?.vital).toBe('deceased')
    expect(local(gone.key)).toBeUndefined()
    expect(s.deleted).toBe(1)
    const rematch = db.prepare('SELECT record_key FROM sync_rematch ORDER BY 1').pluck().all()
    expect(rematch).toEqual([...pop.map((r) => r.key), dead.key].sort())
    expect(st.rematch).toBe(pop.length + 1)

    // The gateway's ledger: every pushed correction decided exactly once.
    const decided = await t.gw.db.query<{ uuid: string; n: number }>(
      `SELECT uuid::text AS uuid, count(*)::int AS n FROM ledger
       WHERE event IN ('applied', 'recorded', 'conflict', 'rejected') GROUP BY uuid`
    )
    const mine = decided.filter((d) => uuids.includes(d.uuid))
    expect(mine).toHaveLength(31)
    expect(mine.every((d) => d.n === 1)).toBe(true)

    // A second run sends nothing again; the audit chain holds.
    const again = await syncNow()
    expect(again).toMatchObject({ pushed: 0, online: true })
    expect(verifyAudit(db).ok).toBe(true)

    // A full match run sees the changed records and clears the marks.
    const { jobId } = await asClerk.call('match/run', { source: 'all' })
    await backend.jobs.wait(jobId)
    expect((await asClerk.call('sync/status', {})).rematch).toBe(0)

    // Once a match run exists, the records a pull changes are matched again by the sync itself.
    const runs = (): number => db.prepare('SELECT count(*) FROM match_run').pluck().get() as number
    const before = runs()
    const one = (await t.all()).find((r) => !r.deleted && r.key !== dead.key)!
    await t.admin('PUT', `/admin/records/${one.key}`, {
      record: { ...one.record!, hometown: 'Đổi lần nữa ở trung ương' }
    })
    const later = await syncNow()
    expect(later).toMatchObject({ online: true, changed: 1, rematched: 1 })
    expect(runs()).toBe(before + 1)
    expect((await asClerk.call('sync/status', {})).rematch).toBe(0)
  })
})
