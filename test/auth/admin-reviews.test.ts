// A commune with one person at the desk: the admin may take the clerk's role too, as a setting
// (admin only, audited, kept in the database); four eyes still holds.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb } from '../../src/backend/db/open'
import { createBackend, type Backend, type Caller } from '../../src/backend/host'
import { apiHelpers } from '../helpers/api'
import { generatedCommune, type Commune } from '../helpers/commune'
import { tempDir } from '../helpers/tmp'
import { signInAs, TEST_ADMIN } from '../helpers/users'

const dir = tempDir('doisoat-admin-reviews-')
const dbPath = join(dir, 'a.db')
let c: Commune
let admin: Caller
let sup: Caller
const asAdmin = apiHelpers(() => admin)
const asClerk = apiHelpers(() => c.clerk)
const asSup = apiHelpers(() => sup)

beforeAll(async () => {
  c = await generatedCommune({ dbPath, population: 200, registry: 40, seed: 17, clerk: 'canbo' })
  admin = await signInAs(c.backend, TEST_ADMIN, 'admin')
  sup = await signInAs(c.backend, 'giamsat', 'supervisor')
}, 120_000)
afterAll(() => c?.backend.close())

/** The calls a clerk's day needs, as the admin makes them. */
async function adminWork() {
  const q = await admin.call('review/queue', {
    startRow: 0,
    endRow: 50,
    filter: { state: ['auto_accepted'] }
  })
  if (!q.ok) throw new Error(q.error.code)
  const row = (q.value as { rows: { sourceRecordId: number; populationRecordId: number }[] })
    .rows[0]!
  return {
    row,
    preview: await admin.call('import/preview', {
      kind: 'population',
      path: join(c.dir, 'population.csv')
    }),
    decide: await admin.call('review/decide', {
      sourceRecordId: row.sourceRecordId,
      action: 'accept'
    }),
    status: await admin.call('match/model', {})
  }
}

describe('an admin who takes the clerk role', () => {
  it('is refused a clerk’s work while the setting is off', async () => {
    expect(await asAdmin.call('settings/get', {})).toEqual({ adminReviews: false })
    const w = await adminWork()
    for (const r of [w.preview, w.decide]) expect(!r.ok && r.error.code).toBe('forbidden')
    expect(w.status.ok).toBe(true)
  })

  it('only an admin changes the setting, and the change is audited', async () => {
    expect((await asClerk.fail('settings/set', { adminReviews: true })).code).toBe('forbidden')
    expect((await asSup.fail('settings/set', { adminReviews: true })).code).toBe('forbidden')
    expect(await asAdmin.call('settings/set', { adminReviews: true })).toEqual({
      adminReviews: true
    })
    // Everyone signed in reads it (the screens show the admin the clerk's menus).
    expect(await asClerk.call('settings/get', {})).toEqual({ adminReviews: true })
    const db = openDb(dbPath)
    const events = db
      .prepare("SELECT actor, detail_json FROM audit_event WHERE action = 'settings/admin_reviews'")
      .all() as { actor: string; detail_json: string }[]
    db.close()
    expect(events.map((e) => [e.actor, JSON.parse(e.detail_json) as unknown])).toEqual([
      [TEST_ADMIN, { before: false, after: true }]
    ])
  })

  it('then imports, matches and reviews; a supervisor approves the admin’s proposal, never the admin', async () => {
    const w = await adminWork()
    expect(w.preview.ok).toBe(true)
    expect(w.decide.ok).toBe(true)
    const proposed = await asAdmin.call('corrections/propose', {
      sourceRecordId: w.row.sourceRecordId,
      populationRecordId: w.row.populationRecordId,
      side: 'population',
      fields: [{ field: 'hometown', value: 'Xã Một Người, Tỉnh Mẫu' }],
      reason: 'typo'
    })
    expect(proposed.proposedBy).toBe(TEST_ADMIN)
    // Approval is a supervisor's, whatever the setting.
    expect(
      (await asAdmin.fail('approvals/decide', { uuid: proposed.uuid, decision: 'approve' })).code
    ).toBe('forbidden')
    expect(
      await asSup.call('approvals/decide', { uuid: proposed.uuid, decision: 'approve' })
    ).toMatchObject({ state: 'queued' })
    // A match run is the admin's to start too.
    const { jobId } = await asAdmin.call('match/run', {})
    await c.backend.jobs.wait(jobId)
    expect(c.backend.jobs.list().find((j) => j.jobId === jobId)?.state).toBe('done')
  })

  it('is kept in the database: another start reads it; turned off, the admin is refused again', async () => {
    const again: Backend = createBackend({ dbPath, syncProbeMs: 0, backupCheckMs: 0 })
    const other = await signInAs(again, TEST_ADMIN, 'admin')
    expect(await apiHelpers(() => other).call('settings/get', {})).toEqual({ adminReviews: true })
    await apiHelpers(() => other).call('settings/set', { adminReviews: false })
    await again.close()
    const r = await admin.call('import/preview', {
      kind: 'population',
      path: join(c.dir, 'population.csv')
    })
    expect(!r.ok && r.error.code).toBe('forbidden')
  })
})
