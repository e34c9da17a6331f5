// A restore from before a sync, then a sync, through the fault proxy (drops, duplicates, cut
// bodies, 5xx): the corrections the restored database still has queued were accepted since the
// backup; the gateway recognises them by their UUID and answers with its first result, so nothing
// is applied twice; the pull resumes from the backup's cursor and brings every record up to date.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAudit } from '../../src/backend/audit/audit'
import { openDb } from '../../src/backend/db/open'
import { createBackend, type Backend, type Caller } from '../../src/backend/host'
import type { Events, SyncSummary } from '../../src/shared/api'
import type { BackupSummary } from '../../src/shared/api'
import { startFaultProxy, type FaultProxy } from '../../src/gateway/testing/fault-proxy'
import { apiHelpers } from '../helpers/api'
import { tempDir } from '../helpers/tmp'
import { signIn, signInAs } from '../helpers/users'
import {
  EVERY_FAULT,
  samplePopulation,
  startTestGateway,
  type TestGateway
} from '../gateway/fixture'

const dir = tempDir('doisoat-sync-restore-')
const dbPath = join(dir, 'ws.db')
const folder = join(dir, 'backups')
let t: TestGateway
let proxy: FaultProxy
let backend: Backend
let admin: Caller
let clerk: Caller
let sup: Caller

beforeAll(async () => {
  mkdirSync(folder)
  t = await startTestGateway('pglite', dir, await samplePopulation(dir, 300, 23))
  proxy = await startFaultProxy({
    target: t.gw.url,
    seed: 11,
    rates: EVERY_FAULT,
    maxDelayMs: 20,
    holdMs: 20
  })
  backend = createBackend({
    dbPath,
    syncProbeMs: 0,
    backupCheckMs: 0,
    sessionMinutes: 24 * 60,
    sync: { batchSize: 6, client: { backoff: { baseMs: 1, maxMs: 10 }, maxAttempts: 60 } }
  })
  admin = await signInAs(backend, 'quantri', 'admin')
  clerk = await signInAs(backend, 'canbo', 'clerk')
  sup = await signInAs(backend, 'giamsat', 'supervisor')
}, 180_000)
afterAll(async () => {
  await backend?.close()
  await proxy?.close()
  await t?.gw.close()
})

async function job<R>(start: () => Promise<{ jobId: string }>): Promise<R> {
  let done: Events['job/done'] | undefined
  const off = backend.onEvent((e, p) => {
    if (e === 'job/done') done = p as Events['job/done']
  })
  const { jobId } = await start()
  await backend.jobs.wait(jobId)
  off()
  if (done?.state !== 'done')
    throw new Error(`${done?.kind} ${done?.state}: ${done?.error?.message}`)
  return done.result as R
}

const syncNow = () => job<SyncSummary>(() => apiHelpers(() => clerk).call('sync/run', {}))

describe('sync after a restore', () => {
  it('applies nothing twice and resumes the pull from the backup s cursor', async () => {
    const db = openDb(dbPath)
    const publicKey = db
      .prepare("SELECT public_key FROM app_user WHERE username = 'giamsat'")
      .pluck()
      .get() as string
    await t.admin('PUT', '/admin/supervisors/giamsat', { publicKey, communes: [t.commune] })
    await apiHelpers(() => admin).call('sync/configure', {
      url: proxy.url,
      workstationId: t.client.credential.id,
      secret: t.client.credential.secret,
      commune: t.commune
    })
    expect((await syncNow()).online).toBe(true)

    // Twenty approved corrections, queued for the national side.
    const pop = db
      .prepare(
        "SELECT id, record_key AS key, version FROM population_record WHERE coalesce(ethnicity, '') <> 'Thái' ORDER BY id LIMIT 20"
      )
      .all() as { id: number; key: string; version: number }[]
    db.prepare(
      `INSERT INTO import_batch (id, kind, file_name, file_sha256, file_size, rows_read, rows_accepted,
         rows_rejected, created_at) VALUES (1, 'registry', 'so.csv', 'abc', 1, 20, 20, 0, 'then')`
    ).run()
    const src = db.prepare(
      `INSERT INTO source_record (id, batch_id, row_number, record_key, raw_json, full_name, name_key, ethnicity)
       VALUES (?, 1, ?, ?, '{}', 'Người Thử', 'nguoi thu', 'Thái')`
    )
    pop.forEach((_, i) => src.run(i + 1, i + 2, `HT-${i + 1}`))
    db.close()
    const uuids: string[] = []
    for (const [i, r] of pop.entries()) {
      const c = await apiHelpers(() => clerk).call('corrections/propose', {
        sourceRecordId: i + 1,
        populationRecordId: r.id,
        side: 'population',
        fields: [{ field: 'ethnicity' }],
        reason: 'typo',
        evidence: `KS ${i}/2020`
      })
      uuids.push(c.uuid)
      await apiHelpers(() => sup).call('approvals/decide', { uuid: c.uuid, decision: 'approve' })
    }
    const status = await apiHelpers(() => clerk).call('backup/status', {})
    expect(status.unbackedApprovals).toBe(20)

    // The backup holds them queued, and the pull cursor of that moment.
    const backup = await job<BackupSummary>(() =>
      apiHelpers(() => clerk).call('backup/run', { folder })
    )
    expect(backup.snapshot.unsynced.pending).toBe(20)
    expect((await apiHelpers(() => clerk).call('backup/status', {})).unbackedApprovals).toBe(0)

    // Synced: all accepted nationally. Then the national side changes a record nobody corrects.
    const first = await syncNow()
    expect(first).toMatchObject({ online: true, pushed: 20, accepted: 20 })
    const other = (await t.all()).find((r) => !r.deleted && !pop.some((p) => p.key === r.key))!
    await t.admin('PUT', `/admin/records/${other.key}`, {
      record: { ...other.record!, hometown: 'Đổi sau bản sao lưu' }
    })

    // The laptop goes back to the backup.
    const restored = await apiHelpers(() => admin).call('restore/run', {
      path: backup.file,
      confirm: true
    })
    expect(restored.restored.pending.map((p) => p.uuid).sort()).toEqual([...uuids].sort())
    clerk = backend.as(await signIn(backend, 'canbo'))
    const again = await syncNow()
    // Sent again, answered with the first results: accepted, once.
    expect(again).toMatchObject({ online: true, pushed: 20, accepted: 20, conflicts: 0, parked: 0 })

    const check = openDb(dbPath)
    const states = check
      .prepare(`SELECT state, count(*) AS n FROM correction GROUP BY state`)
      .all() as { state: string; n: number }[]
    expect(states).toEqual([{ state: 'accepted', n: 20 }])
    expect(check.prepare("SELECT count(*) FROM outbox WHERE state <> 'done'").pluck().get()).toBe(0)
    // Every correction decided exactly once at the gateway; the second sending only replayed.
    const ledger = await t.gw.db.query<{ uuid: string; event: string; n: number }>(
      `SELECT uuid::text AS uuid, event, count(*)::int AS n FROM ledger GROUP BY uuid, event`
    )
    for (const u of uuids) {
      const decided = ledger.filter(
        (l) => l.uuid === u && ['applied', 'recorded', 'conflict', 'rejected'].includes(l.event)
      )
      expect(decided, u).toEqual([{ uuid: u, event: 'applied', n: 1 }])
      expect(ledger.some((l) => l.uuid === u && l.event === 'replayed')).toBe(true)
    }
    // Applied once: each corrected record is one version past the one the correction was based
    // on, nationally and here (the pull from the backup's cursor brought it back).
    const national = new Map((await t.all()).map((r) => [r.key, r]))
    for (const r of pop) {
      expect(national.get(r.key)!.version).toBe(r.version + 1)
      expect(national.get(r.key)!.record!.ethnicity).toBe('Thái')
    }
    const local = check
      .prepare('SELECT record_key AS key, version, hometown FROM population_record')
      .all() as { key: string; version: number; hometown: string | null }[]
    for (const l of local) expect(l.version, l.key).toBe(national.get(l.key)!.version)
    expect(local.find((l) => l.key === other.key)?.hometown).toBe('Đổi sau bản sao lưu')
    expect(verifyAudit(check).ok).toBe(true)
    check.close()
  }, 240_000)
})
