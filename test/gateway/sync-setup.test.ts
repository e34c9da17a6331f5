// Setting sync up from the app against the real gateway: the workstation registers itself with the
// operator's token (a wrong token, an address nobody answers and a foreign server refused in
// words), the supervisors' keys are registered the same way, "Kiểm tra kết nối" reports health,
// credential and each key; the status probed by the screen turns offline within seconds; the
// accepted corrections are listed with their fields and time.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb, type Db } from '../../src/backend/db/open'
import { createBackend, type Backend, type Caller } from '../../src/backend/host'
import type { Events } from '../../src/shared/api'
import { apiHelpers } from '../helpers/api'
import { tempDir } from '../helpers/tmp'
import { signInAs } from '../helpers/users'
import { ADMIN, samplePopulation, startTestGateway, type TestGateway } from './fixture'

const dir = tempDir('doisoat-sync-setup-')
const dbPath = join(dir, 'ws.db')
let t: TestGateway
let backend: Backend
let db: Db
let admin: Caller
let clerk: Caller
let sup: Caller
/** Answers every request with a web page: a wrong address that is not a gateway. */
let notGateway: Server
let notGatewayUrl = ''

const asAdmin = apiHelpers(() => admin)
const asClerk = apiHelpers(() => clerk)
const asSup = apiHelpers(() => sup)

beforeAll(async () => {
  t = await startTestGateway('pglite', dir, await samplePopulation(dir, 120, 41))
  backend = createBackend({
    dbPath,
    syncProbeMs: 0,
    sessionMinutes: 24 * 60,
    sync: { batchSize: 10, client: { backoff: { baseMs: 1, maxMs: 5 }, maxAttempts: 2 } }
  })
  admin = await signInAs(backend, 'quantri', 'admin')
  clerk = await signInAs(backend, 'canbo', 'clerk')
  sup = await signInAs(backend, 'giamsat', 'supervisor', undefined, 'Trần Thị Giám Sát')
  db = openDb(dbPath)
  notGateway = createServer((_req, res) => res.end('<html>Trang chủ</html>'))
  await new Promise<void>((r) => notGateway.listen(0, '127.0.0.1', r))
  notGatewayUrl = `http://127.0.0.1:${(notGateway.address() as AddressInfo).port}`
}, 180_000)
afterAll(async () => {
  db?.close()
  await backend?.close()
  await t?.gw.close()
  await new Promise((r) => notGateway?.close(r))
})

const registration = { operatorToken: ADMIN, commune: '', name: 'UBND xã (máy thử)' }

describe('registering from the app', () => {
  it('refuses a wrong token, an address nobody answers and a server that is not a gateway', async () => {
    const commune = t.commune
    const wrong = await asAdmin.fail('sync/register', {
      ...registration,
      commune,
      url: t.gw.url,
      operatorToken: 'not-the-token'
    })
    expect(wrong.code).toBe('sync_operator_refused')
    const gone = await asAdmin.fail('sync/register', {
      ...registration,
      commune,
      url: 'http://127.0.0.1:1'
    })
    expect(gone.code).toBe('sync_gateway_unreachable')
    const foreign = await asAdmin.fail('sync/register', {
      ...registration,
      commune,
      url: notGatewayUrl
    })
    expect(foreign.code).toBe('sync_gateway_invalid')
    // The token never travels in clear to another machine.
    const insecure = await asAdmin.fail('sync/register', {
      ...registration,
      commune,
      url: 'http://cong.example.vn'
    })
    expect(insecure.code).toBe('sync_url_insecure')
    expect((await asAdmin.call('sync/status', {})).configured).toBe(false)
    // Only an admin sets sync up.
    const denied = await asClerk.fail('sync/register', { ...registration, commune, url: t.gw.url })
    expect(denied.code).toBe('forbidden')
  })

  it('registers the workstation with the operator token and keeps the credential, not the token', async () => {
    const s = await asAdmin.call('sync/register', {
      ...registration,
      commune: t.commune,
      url: `${t.gw.url}/`
    })
    expect(s).toMatchObject({ configured: true, url: t.gw.url, commune: t.commune })
    expect(s.workstationId).toMatch(/^ws_/)
    const stored = db.prepare('SELECT key, value FROM sync_state').all() as {
      key: string
      value: string
    }[]
    expect(stored.some((r) => r.value.includes(ADMIN))).toBe(false)
    const audit = db
      .prepare("SELECT detail_json FROM audit_event WHERE action = 'sync/configure'")
      .pluck()
      .all() as string[]
    expect(audit.join()).not.toContain(ADMIN)
    expect(audit.join()).toContain('registered')
  })

  it('checks the connection: reachable, this workstation known, the supervisor key not yet there', async () => {
    const check = await asClerk.call('sync/test', {})
    expect(check).toMatchObject({
      reachable: true,
      problem: null,
      workstation: { ok: true, refusal: null, name: 'UBND xã (máy thử)' },
      supervisors: [{ username: 'giamsat', displayName: 'Trần Thị Giám Sát', registered: false }]
    })
  })

  it("registers the supervisor's key, and the check then finds it", async () => {
    const keys = await asAdmin.call('sync/supervisors', {})
    expect(keys.map((k) => k.username)).toEqual(['giamsat'])
    expect(keys[0]!.fingerprint).toMatch(/^[0-9a-f]{64}$/)
    const wrong = await asAdmin.fail('sync/registerSupervisors', {
      operatorToken: 'nope',
      usernames: ['giamsat']
    })
    expect(wrong.code).toBe('sync_operator_refused')
    expect(
      await asAdmin.call('sync/registerSupervisors', {
        operatorToken: ADMIN,
        usernames: ['giamsat']
      })
    ).toEqual({ registered: ['giamsat'] })
    const check = await asAdmin.call('sync/test', {})
    expect(check.supervisors).toEqual([
      { username: 'giamsat', displayName: 'Trần Thị Giám Sát', registered: true }
    ])
  })

  it('reports a wrong secret as the gateway refusing this workstation', async () => {
    const good = db.prepare("SELECT value FROM sync_state WHERE key = 'secret'").pluck().get()
    db.prepare("UPDATE sync_state SET value = 'wrong' WHERE key = 'secret'").run()
    try {
      const check = await asAdmin.call('sync/test', {})
      expect(check.reachable).toBe(true)
      expect(check.workstation).toEqual({ ok: false, refusal: 'bad_request_signature', name: null })
      expect(check.supervisors[0]!.registered).toBeNull()
    } finally {
      db.prepare("UPDATE sync_state SET value = ? WHERE key = 'secret'").run(good)
    }
  })
})

describe('the status the Đồng bộ screen polls', () => {
  it('turns offline within seconds of the gateway going away, with the kind of problem', async () => {
    const url = db.prepare("SELECT value FROM sync_state WHERE key = 'url'").pluck().get()
    expect((await asClerk.call('sync/status', { probe: true })).online).toBe(true)
    db.prepare("UPDATE sync_state SET value = 'http://127.0.0.1:1' WHERE key = 'url'").run()
    try {
      const started = performance.now()
      // The screen asks every few seconds; a probe younger than that is not repeated.
      let s = await asClerk.call('sync/status', { probe: true })
      while (s.online !== false && performance.now() - started < 10_000) {
        await new Promise((r) => setTimeout(r, 500))
        s = await asClerk.call('sync/status', { probe: true })
      }
      expect(s.online).toBe(false)
      expect(s.problem).toBe('unreachable')
      expect(performance.now() - started).toBeLessThan(10_000)
      expect(s.checkedAt).not.toBeNull()
    } finally {
      db.prepare("UPDATE sync_state SET value = ? WHERE key = 'url'").run(url)
    }
  })
})

describe('accepted corrections', () => {
  it('lists each accepted correction with its record, fields and when it was accepted', async () => {
    const run = async () => {
      let done: Events['job/done'] | undefined
      const off = backend.onEvent((e, p) => {
        if (e === 'job/done') done = p as Events['job/done']
      })
      const { jobId } = await asClerk.call('sync/run', {})
      await backend.jobs.wait(jobId)
      off()
      expect(done?.state).toBe('done')
    }
    await run() // pulls the commune
    const rec = db
      .prepare('SELECT id, record_key, full_name FROM population_record ORDER BY id LIMIT 1')
      .get() as { id: number; record_key: string; full_name: string }
    db.prepare(
      `INSERT INTO import_batch (id, kind, file_name, file_sha256, file_size, rows_read,
         rows_accepted, rows_rejected, created_at) VALUES (1, 'registry', 's.csv', 'x', 1, 1, 1, 0, 'then')`
    ).run()
    db.prepare(
      `INSERT INTO source_record (id, batch_id, row_number, record_key, raw_json, full_name, name_key)
       VALUES (1, 1, 2, 'HT-1', '{}', 'Người Thử', 'nguoi thu')`
    ).run()
    const c = await asClerk.call('corrections/propose', {
      sourceRecordId: 1,
      populationRecordId: rec.id,
      side: 'population',
      fields: [{ field: 'ethnicity', value: 'Khơ Mú' }],
      reason: 'typo',
      evidence: 'KS 1/2021'
    })
    await asSup.call('approvals/decide', { uuid: c.uuid, decision: 'approve' })
    expect((await asClerk.call('sync/accepted', { startRow: 0, endRow: 50 })).total).toBe(0)
    await run()
    const list = await asClerk.call('sync/accepted', { startRow: 0, endRow: 50 })
    expect(list.total).toBe(1)
    expect(list.rows[0]).toMatchObject({
      uuid: c.uuid,
      populationKey: rec.record_key,
      fullName: rec.full_name,
      fields: [{ field: 'ethnicity', newValue: 'Khơ Mú' }],
      proposedBy: 'canbo',
      approvedBy: 'Trần Thị Giám Sát'
    })
    expect(Date.parse(list.rows[0]!.acceptedAt)).not.toBeNaN()
    expect(list.rows[0]!.version).toBeGreaterThan(1)
  })
})
