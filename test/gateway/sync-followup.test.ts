// What follows the gateway's answer, through the real API against the real gateway: a conflict
// proposed again on the current version (a new UUID), approved and applied exactly once; a
// refusal shown with its reason, re-signed or withdrawn; a pulled deletion audited with the
// links it removed and the clerk's decisions reopened; plain http only to this machine; and
// problems said in words, never as internal error text.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAudit } from '../../src/backend/audit/audit'
import { openDb, type Db } from '../../src/backend/db/open'
import { createBackend, type Backend, type Caller } from '../../src/backend/host'
import type { Events, SyncSummary } from '../../src/shared/api'
import { errorText } from '../../src/shared/i18n'
import type { PulledRecord } from '../../src/core/sync/protocol'
import { apiHelpers } from '../helpers/api'
import { tempDir } from '../helpers/tmp'
import { signInAs } from '../helpers/users'
import { samplePopulation, startTestGateway, type TestGateway } from './fixture'

const dir = tempDir('doisoat-sync-followup-')
const dbPath = join(dir, 'ws.db')
let t: TestGateway
let backend: Backend
let db: Db
let admin: Caller
let clerk: Caller
let sup: Caller
let sup2: Caller
let national: PulledRecord[] = []

const asAdmin = apiHelpers(() => admin)
const asClerk = apiHelpers(() => clerk)
const asSup = apiHelpers(() => sup)
const asSup2 = apiHelpers(() => sup2)

const publicKey = (username: string): string =>
  db.prepare('SELECT public_key FROM app_user WHERE username = ?').pluck().get(username) as string

beforeAll(async () => {
  t = await startTestGateway('pglite', dir, await samplePopulation(dir, 200, 31))
  backend = createBackend({
    dbPath,
    syncProbeMs: 0,
    sessionMinutes: 24 * 60,
    sync: { batchSize: 10, client: { backoff: { baseMs: 1, maxMs: 5 }, maxAttempts: 3 } }
  })
  admin = await signInAs(backend, 'quantri', 'admin')
  clerk = await signInAs(backend, 'canbo', 'clerk')
  sup = await signInAs(backend, 'giamsat', 'supervisor')
  sup2 = await signInAs(backend, 'giamsat2', 'supervisor')
  db = openDb(dbPath)
  // The national operator knows giamsat's key; giamsat2's is not registered yet.
  await t.admin('PUT', '/admin/supervisors/giamsat', {
    publicKey: publicKey('giamsat'),
    communes: [t.commune]
  })
  await asAdmin.call('sync/configure', { url: t.gw.url, ...credentials() })
  await syncNow()
  // Records whose ethnicity differs from every value the tests propose.
  national = (await t.all()).filter(
    (r) => r.record && !['Thái', 'Tày', 'Dao', 'Mường'].includes(r.record.ethnicity ?? '')
  )
  db.prepare(
    `INSERT INTO import_batch (id, kind, file_name, file_sha256, file_size, rows_read, rows_accepted,
       rows_rejected, created_at) VALUES (1, 'registry', 'so.csv', 'abc', 1, 1, 1, 0, 'then')`
  ).run()
}, 180_000)
afterAll(async () => {
  db?.close()
  await backend?.close()
  await t?.gw.close()
})

function credentials() {
  return {
    workstationId: t.client.credential.id,
    secret: t.client.credential.secret,
    commune: t.commune
  }
}

async function runJob(): Promise<Events['job/done']> {
  let done: Events['job/done'] | undefined
  const off = backend.onEvent((e, p) => {
    if (e === 'job/done') done = p as Events['job/done']
  })
  const { jobId } = await asClerk.call('sync/run', {})
  await backend.jobs.wait(jobId)
  off()
  return done!
}

async function syncNow(): Promise<SyncSummary> {
  const done = await runJob()
  if (done.state !== 'done') throw new Error(`sync ${done.state}: ${done.error?.message}`)
  return done.result as SyncSummary
}

let nextRecord = 0
let nextSource = 1
/** A national record no other test touches, its local id, and a source record beside it. */
function take() {
  const r = national[nextRecord++]!
  const id = db
    .prepare('SELECT id FROM population_record WHERE record_key = ?')
    .pluck()
    .get(r.key) as number
  const src = nextSource++
  db.prepare(
    `INSERT INTO source_record (id, batch_id, row_number, record_key, raw_json, full_name, name_key)
     VALUES (?, 1, ?, ?, '{}', 'Người Thử', 'nguoi thu')`
  ).run(src, src + 1, `HT-${src}`)
  return { ...r, id, src }
}

async function proposeApproved(
  r: ReturnType<typeof take>,
  value: string,
  approver = asSup
): Promise<string> {
  const c = await asClerk.call('corrections/propose', {
    sourceRecordId: r.src,
    populationRecordId: r.id,
    side: 'population',
    fields: [{ field: 'ethnicity', value }],
    reason: 'typo',
    evidence: 'KS 7/2020'
  })
  const decided = await approver.call('approvals/decide', { uuid: c.uuid, decision: 'approve' })
  expect(decided.state).toBe('queued')
  return c.uuid
}

const stateOf = (uuid: string) =>
  db.prepare('SELECT state FROM correction WHERE uuid = ?').pluck().get(uuid)
const outboxOf = (uuid: string) =>
  db.prepare('SELECT state FROM outbox WHERE correction_uuid = ?').pluck().get(uuid)
const ledger = async (uuid: string) =>
  (
    await t.gw.db.query<{ event: string }>(
      `SELECT event FROM ledger WHERE uuid = $1 AND event <> 'replayed' ORDER BY seq`,
      [uuid]
    )
  ).map((l) => l.event)
const auditOf = (entityId: string) =>
  db
    .prepare(
      'SELECT action, actor, detail_json AS detail FROM audit_event WHERE entity_id = ? ORDER BY id'
    )
    .all(entityId) as { action: string; actor: string; detail: string }[]

/** The national side changes a record meanwhile (someone else's update). */
async function changeNationally(key: string, change: Record<string, string>) {
  const now = (await t.all()).find((x) => x.key === key)!
  await t.admin('PUT', `/admin/records/${key}`, { record: { ...now.record!, ...change } })
}

describe('after a conflict', () => {
  it('proposes again as a new correction on the current version, approved and applied once', async () => {
    const r = take()
    const first = await proposeApproved(r, 'Thái')
    await changeNationally(r.key, { hometown: 'Đổi ở trung ương', ethnicity: 'Mường' })
    expect(await syncNow()).toMatchObject({ conflicts: 1, accepted: 0 })
    expect(stateOf(first)).toBe('conflict')
    const before = await asClerk.call('sync/status', {})
    expect(before.conflicts.map((c) => c.uuid)).toEqual([first])

    // A conflict is stale content: re-signing it would only be refused again.
    expect((await asSup.fail('corrections/resign', { uuid: first })).code).toBe(
      'illegal_transition'
    )
    const again = await asClerk.call('corrections/resubmit', { uuid: first })
    expect(again.uuid).not.toBe(first)
    expect(again).toMatchObject({
      state: 'proposed',
      populationKey: r.key,
      populationVersion: r.version + 1,
      proposedBy: 'canbo',
      fields: [{ field: 'ethnicity', oldValue: 'Mường', newValue: 'Thái' }]
    })
    expect(stateOf(first)).toBe('superseded')
    expect(
      db.prepare('SELECT supersedes_uuid FROM correction WHERE uuid = ?').pluck().get(again.uuid)
    ).toBe(first)
    // Once only: the old one is final now.
    expect((await asClerk.fail('corrections/resubmit', { uuid: first })).code).toBe(
      'illegal_transition'
    )
    const after = await asClerk.call('sync/status', {})
    expect(after.conflicts).toEqual([])
    expect(after.counts.closed).toBe(before.counts.closed + 1)
    expect(outboxOf(first)).toBe('closed')

    // Four eyes again, then it goes out and is applied exactly once.
    expect(
      (await asSup.call('approvals/decide', { uuid: again.uuid, decision: 'approve' })).state
    ).toBe('queued')
    expect(await syncNow()).toMatchObject({ pushed: 1, accepted: 1, conflicts: 0 })
    expect(stateOf(again.uuid)).toBe('accepted')
    expect(await ledger(first)).toEqual(['conflict'])
    expect(await ledger(again.uuid)).toEqual(['applied'])
    const now = (await t.all()).find((x) => x.key === r.key)!
    expect(now.version).toBe(r.version + 2)
    expect(now.record!.ethnicity).toBe('Thái')
    expect(auditOf(first).map((a) => a.action)).toEqual([
      'correction/propose',
      'correction/approve',
      'correction/queue',
      'correction/send',
      'correction/conflict',
      'correction/supersede'
    ])
    expect(JSON.parse(auditOf(first).at(-1)!.detail)).toMatchObject({ by: again.uuid })
    expect(verifyAudit(db).ok).toBe(true)
  })

  it('says so when the record is gone or already holds the values, and lets the clerk withdraw', async () => {
    const gone = take()
    const fixed = take()
    const a = await proposeApproved(gone, 'Thái')
    const b = await proposeApproved(fixed, 'Thái')
    await t.admin('DELETE', `/admin/records/${gone.key}`)
    await changeNationally(fixed.key, { ethnicity: 'Thái' })
    expect(await syncNow()).toMatchObject({ conflicts: 2 })
    const e1 = await asClerk.fail('corrections/resubmit', { uuid: a })
    expect(e1).toMatchObject({ code: 'record_gone', params: { key: gone.key } })
    expect(errorText(e1, 'vi')).toMatch(/đã bị xóa ở phía quốc gia.*Hãy rút đề nghị này/)
    const e2 = await asClerk.fail('corrections/resubmit', { uuid: b })
    expect(e2.code).toBe('correction_unneeded')
    expect(errorText(e2, 'en')).toMatch(/already holds the proposed values/)
    for (const uuid of [a, b])
      expect(await asClerk.call('corrections/withdraw', { uuid })).toMatchObject({
        state: 'withdrawn'
      })
    expect((await asClerk.call('sync/status', {})).conflicts).toEqual([])
  })
})

describe('after a refusal', () => {
  it('keeps back an approval of a supervisor the gateway holds no key for, and sends it once registered', async () => {
    const r = take()
    // Set-up half done: giamsat2 has no key at the national side yet. Sent now, it would be
    // refused for good under its UUID; it waits instead, and the run says so.
    const waiting = await proposeApproved(r, 'Mường', asSup2)
    expect(await syncNow()).toMatchObject({ pushed: 0, parked: 0, waitingForKey: 1 })
    expect(stateOf(waiting)).toBe('queued')
    expect(await ledger(waiting)).toEqual([])
    await t.admin('PUT', '/admin/supervisors/giamsat2', {
      publicKey: publicKey('giamsat2'),
      communes: [t.commune]
    })
    expect(await syncNow()).toMatchObject({ pushed: 1, accepted: 1, waitingForKey: 0 })
    expect(stateOf(waiting)).toBe('accepted')
    await t.gw.db.query('DELETE FROM supervisor_key WHERE username = $1', ['giamsat2'])
  })

  it('shows the refused correction with its reason; a supervisor re-signs it and it is applied', async () => {
    const r = take()
    // The national side holds another key for giamsat2 (say, from before a password reset):
    // 422 unknown_supervisor.
    await t.admin('PUT', '/admin/supervisors/giamsat2', {
      publicKey: publicKey('giamsat'),
      communes: [t.commune]
    })
    const first = await proposeApproved(r, 'Tày', asSup2)
    expect(await syncNow()).toMatchObject({ parked: 1, accepted: 0 })
    expect(stateOf(first)).toBe('refused')
    const st = await asClerk.call('sync/status', {})
    expect(st.parked).toEqual([
      expect.objectContaining({
        uuid: first,
        lastError: 'unknown_supervisor',
        proposedBy: 'canbo',
        approvedBy: 'giamsat2'
      })
    ])
    expect(JSON.parse(auditOf(first).at(-1)!.detail)).toMatchObject({
      from: 'sent',
      to: 'refused',
      status: 422,
      reason: 'unknown_supervisor'
    })
    // Sending the same UUID again would get the stored refusal: nothing is re-sent by itself.
    expect(await syncNow()).toMatchObject({ pushed: 0 })

    expect((await asClerk.fail('corrections/resign', { uuid: first })).code).toBe('forbidden')
    await t.admin('PUT', '/admin/supervisors/giamsat2', {
      publicKey: publicKey('giamsat2'),
      communes: [t.commune]
    })
    const again = await asSup2.call('corrections/resign', { uuid: first })
    expect(again).toMatchObject({
      state: 'queued',
      proposedBy: 'canbo',
      populationVersion: r.version
    })
    expect(again.uuid).not.toBe(first)
    expect(stateOf(first)).toBe('superseded')
    expect(outboxOf(first)).toBe('closed')
    expect(await syncNow()).toMatchObject({ pushed: 1, accepted: 1 })
    expect(stateOf(again.uuid)).toBe('accepted')
    expect(await ledger(first)).toEqual(['rejected'])
    expect(await ledger(again.uuid)).toEqual(['applied'])
    expect((await asClerk.call('sync/status', {})).parked).toEqual([])
  })

  it('keeps four eyes on a re-signature', async () => {
    const r = take()
    const c = await asSup.call('corrections/propose', {
      sourceRecordId: r.src,
      populationRecordId: r.id,
      side: 'population',
      fields: [{ field: 'ethnicity', value: 'Dao' }],
      reason: 'typo'
    })
    await asSup2.call('approvals/decide', { uuid: c.uuid, decision: 'approve' })
    // Its key replaced at the national side by another: the approval is refused.
    await t.gw.db.query('DELETE FROM supervisor_key WHERE username = $1', ['giamsat2'])
    await t.admin('PUT', '/admin/supervisors/giamsat2', {
      publicKey: publicKey('giamsat'),
      communes: [t.commune]
    })
    expect(await syncNow()).toMatchObject({ parked: 1 })
    // giamsat proposed it: giamsat may not sign it now.
    expect((await asSup.fail('corrections/resign', { uuid: c.uuid })).code).toBe('own_proposal')
    expect(stateOf(c.uuid)).toBe('refused')
    expect(await asSup.call('corrections/withdraw', { uuid: c.uuid })).toMatchObject({
      state: 'withdrawn'
    })
    expect(outboxOf(c.uuid)).toBe('closed')
    expect(await syncNow()).toMatchObject({ pushed: 0 })
    expect((await asClerk.fail('corrections/withdraw', { uuid: c.uuid })).code).toBe(
      'illegal_transition'
    )
    expect(verifyAudit(db).ok).toBe(true)
  })
})

describe('a pulled deletion', () => {
  it('is audited with the links it removed, and reopens the decisions made on the record', async () => {
    const r = take()
    await asClerk.call('review/decide', {
      sourceRecordId: r.src,
      action: 'relink',
      populationRecordId: r.id
    })
    await t.admin('DELETE', `/admin/records/${r.key}`)
    expect(await syncNow()).toMatchObject({ deleted: 1 })
    expect(
      db.prepare('SELECT count(*) FROM link WHERE source_record_id = ?').pluck().get(r.src)
    ).toBe(0)
    const [event] = auditOf(r.key).filter((a) => a.action === 'sync/record_deleted')
    expect(event!.actor).toBe('dong-bo')
    expect(JSON.parse(event!.detail)).toMatchObject({
      populationRecordId: r.id,
      version: r.version + 1,
      links: [{ sourceRecordId: r.src, method: 'user', decidedBy: 'canbo' }],
      reopened: [r.src]
    })
    const pair = await asClerk.call('review/pair', { sourceRecordId: r.src })
    expect(pair.state).toBe('open')
    expect(pair.link).toBeNull()
    // The history says what was decided and that the sync reopened it.
    expect(pair.decisions.map((d) => [d.action, d.actor, d.populationRecordId])).toEqual([
      ['relink', 'canbo', r.id],
      ['reopen', 'dong-bo', null]
    ])
    expect(verifyAudit(db).ok).toBe(true)
  })
})

describe('the gateway address', () => {
  it('takes plain http only on this machine, and a run refuses an address saved by hand', async () => {
    for (const url of [
      'http://cong.example.vn',
      'http://10.1.2.3:4790',
      'http://127.0.0.1.evil.example',
      'http://127.0.0.1@evil.example',
      'http://[::ffff:127.0.0.1]:4790',
      'https://user:pass@cong.example.vn'
    ]) {
      const e = await asAdmin.fail('sync/configure', { url, ...credentials() })
      expect(e.code, url).toBe('sync_url_insecure')
    }
    expect((await asClerk.call('sync/status', {})).url).toBe(t.gw.url)
    db.prepare("UPDATE sync_state SET value = 'http://10.1.2.3:4790' WHERE key = 'url'").run()
    const done = await runJob()
    expect(done.error?.code).toBe('sync_url_insecure')
    db.prepare("UPDATE sync_state SET value = ? WHERE key = 'url'").run(t.gw.url)
  })
})

describe('problems in words', () => {
  it("stores what kind of problem stopped a run, never the network layer's text", async () => {
    // Nothing listens on port 1 of this machine.
    await asAdmin.call('sync/configure', { url: 'http://127.0.0.1:1', ...credentials() })
    const s = await syncNow()
    expect(s).toMatchObject({ online: false, error: 'unreachable' })
    expect((await asClerk.call('sync/status', {})).lastError).toBe('unreachable')
    await asAdmin.call('sync/configure', { url: t.gw.url, ...credentials() })
  })

  it('turns an unexpected failure into a message for people, and keeps the queue', async () => {
    db.exec(`CREATE TRIGGER boom BEFORE INSERT ON sync_state
             BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: sync_state.key'); END`)
    try {
      const done = await runJob()
      expect(done.state).toBe('failed')
      expect(done.error?.code).toBe('sync_failed')
      expect(JSON.stringify(done.error)).not.toMatch(/UNIQUE|constraint|sync_state/)
      expect(errorText(done.error!, 'vi')).toMatch(/Hàng đợi được giữ nguyên/)
    } finally {
      db.exec('DROP TRIGGER boom')
    }
    expect(await syncNow()).toMatchObject({ online: true })
  })
})
