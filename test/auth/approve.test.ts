// Four eyes and signatures: who may approve, what an approval signs, and forged approvals refused.
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBackend, type Backend, type Caller } from '../../src/backend/host'
import { verifyAudit } from '../../src/backend/audit/audit'
import { openDb } from '../../src/backend/db/open'
import { signedApprovalOf } from '../../src/backend/review/approve'
import { approvalBytes } from '../../src/core/review/signed-correction'
import { createPublicKey, verify } from 'node:crypto'
import { apiHelpers } from '../helpers/api'
import { tempDir } from '../helpers/tmp'
import { signInAs } from '../helpers/users'
import { seedPairs } from './fixture'

const dir = tempDir('doisoat-approve-')
const dbPath = join(dir, 'a.db')
let backend: Backend
let clerk: Caller
let sup: Caller
let sup2: Caller

beforeAll(async () => {
  seedPairs(dbPath)
  backend = createBackend({ dbPath })
  clerk = await signInAs(backend, 'canbo', 'clerk')
  sup = await signInAs(backend, 'giamsat', 'supervisor')
  sup2 = await signInAs(backend, 'giamsat2', 'supervisor')
})
afterAll(async () => {
  await backend.close()
})

const asClerk = apiHelpers(() => clerk)
const asSup = apiHelpers(() => sup)
const asSup2 = apiHelpers(() => sup2)

const propose = (who: typeof asClerk, id: number, field: 'dob' | 'full_name' = 'dob') =>
  who.call('corrections/propose', {
    sourceRecordId: id,
    populationRecordId: id,
    side: 'population',
    fields: [field === 'dob' ? { field } : { field, value: 'Nguyễn Văn Ấn' }],
    reason: field === 'dob' ? 'dob_day_month_swap' : 'typo',
    evidence: `KS ${id}/1990`
  })

describe('four eyes', () => {
  it('refuses a clerk who tries to approve, and a supervisor approving their own proposal', async () => {
    const c = await propose(asClerk, 1)
    expect(c.state).toBe('proposed')
    const byClerk = await asClerk.fail('approvals/decide', { uuid: c.uuid, decision: 'approve' })
    expect(byClerk.code).toBe('forbidden')

    const own = await propose(asSup, 2)
    const selfApproval = await asSup.fail('approvals/decide', {
      uuid: own.uuid,
      decision: 'approve'
    })
    expect(selfApproval.code).toBe('own_proposal')
    expect(selfApproval.message).toMatch(/chính mình/)
    // Neither left a trace in the state.
    const list = await asSup.call('approvals/list', { startRow: 0, endRow: 10, state: 'proposed' })
    expect(list.total).toBe(2)
    // Another supervisor may.
    const ok = await asSup2.call('approvals/decide', { uuid: own.uuid, decision: 'approve' })
    expect(ok.state).toBe('queued')
  })

  it('signs approvalBytes with the supervisor key, moves approved → queued, audits both', async () => {
    const { rows } = await asSup.call('approvals/list', {
      startRow: 0,
      endRow: 10,
      state: 'proposed'
    })
    const target = rows.find((r) => r.proposedBy === 'canbo')!
    const item = await asSup.call('approvals/decide', { uuid: target.uuid, decision: 'approve' })
    expect(item.state).toBe('queued')
    expect(item.approval).toMatchObject({ decision: 'approve', decidedBy: 'giamsat' })
    expect(item.source?.dob).toBe('1990-05-03')
    expect(item.population?.dob).toBe('1990-03-05')

    const db = openDb(dbPath, { readonly: true })
    const signed = signedApprovalOf(db, target.uuid)!
    const events = db
      .prepare('SELECT action, detail_json FROM audit_event WHERE entity_id = ? ORDER BY id')
      .all(target.uuid) as { action: string; detail_json: string }[]
    expect(verifyAudit(db).ok).toBe(true)
    db.close()
    // The gateway's check, with nothing but the shared function and the public key.
    const key = createPublicKey({
      key: Buffer.from(signed.publicKey, 'base64'),
      format: 'der',
      type: 'spki'
    })
    expect(
      verify(null, approvalBytes(signed.payload), key, Buffer.from(signed.signature, 'base64'))
    ).toBe(true)
    expect(signed.payload).toMatchObject({
      uuid: target.uuid,
      populationKey: 'DC1',
      baseVersion: 3,
      proposedBy: 'canbo',
      approvedBy: 'giamsat',
      fields: [{ field: 'dob', oldValue: '1990-03-05', newValue: '1990-05-03' }]
    })
    expect(events.map((e) => e.action)).toEqual([
      'correction/propose',
      'correction/approve',
      'correction/queue'
    ])
    expect(JSON.parse(events[1]!.detail_json)).toMatchObject({ from: 'proposed', to: 'approved' })

    expect(await asClerk.call('corrections/verify', { uuid: target.uuid })).toMatchObject({
      valid: true,
      decidedBy: 'giamsat'
    })
    // Illegal transitions are refused: a second approval, a resubmit of a queued correction.
    expect(
      (await asSup2.fail('approvals/decide', { uuid: target.uuid, decision: 'approve' })).code
    ).toBe('illegal_transition')
    expect((await asClerk.fail('corrections/resubmit', { uuid: target.uuid })).code).toBe(
      'illegal_transition'
    )
  })

  it('detects an altered approval: a changed value or a swapped signature no longer verifies', async () => {
    const { rows } = await asSup.call('approvals/list', {
      startRow: 0,
      endRow: 10,
      state: 'queued'
    })
    const [a, b] = rows
    // Someone edits the stored value behind the app's back.
    const raw = new Database(dbPath)
    raw
      .prepare("UPDATE correction_field SET new_value = '1990-05-04' WHERE correction_uuid = ?")
      .run(a!.uuid)
    // ...or copies one approval's signature onto another (rows are append-only: insert a newer one).
    const other = raw
      .prepare('SELECT * FROM approval WHERE correction_uuid = ? ORDER BY id DESC')
      .get(a!.uuid) as Record<string, unknown>
    const bRow = raw
      .prepare('SELECT * FROM approval WHERE correction_uuid = ? ORDER BY id DESC')
      .get(b!.uuid) as Record<string, unknown>
    raw
      .prepare(
        `INSERT INTO approval (correction_uuid, decision, reason, decided_by, decided_at, payload_json, signature, public_key)
       VALUES (?, 'approve', NULL, ?, ?, ?, ?, ?)`
      )
      .run(
        b!.uuid,
        bRow.decided_by,
        bRow.decided_at,
        bRow.payload_json,
        other.signature,
        bRow.public_key
      )
    raw.close()
    expect(await asClerk.call('corrections/verify', { uuid: a!.uuid })).toMatchObject({
      valid: false,
      problem: 'payload_mismatch'
    })
    expect(await asClerk.call('corrections/verify', { uuid: b!.uuid })).toMatchObject({
      valid: false,
      problem: 'bad_signature'
    })
  })
})

describe('bulk by class', () => {
  it('counts first, leaves out own proposals, refuses a stale count, then approves the class', async () => {
    const b2 = createBackend({ dbPath: join(dir, 'bulk.db') })
    seedPairs(join(dir, 'bulk.db'))
    const c = apiHelpers(await signInAs(b2, 'canbo', 'clerk').then((x) => () => x))
    const s = apiHelpers(await signInAs(b2, 'giamsat', 'supervisor').then((x) => () => x))
    for (const id of [1, 2, 3]) await propose(c, id)
    await propose(c, 1, 'full_name')
    await propose(s, 2, 'full_name')
    const dry = await s.call('approvals/bulk', {
      filter: { field: 'dob', batchId: 1 },
      decision: 'approve',
      dryRun: true
    })
    expect(dry).toEqual({ count: 3, ownExcluded: 0, applied: false })
    const stale = await s.fail('approvals/bulk', {
      filter: { field: 'dob' },
      decision: 'approve',
      dryRun: false,
      expectedCount: 2
    })
    expect(stale).toMatchObject({ code: 'count_changed', params: { expected: 2, actual: 3 } })
    const done = await s.call('approvals/bulk', {
      filter: { field: 'dob' },
      decision: 'approve',
      dryRun: false,
      expectedCount: 3
    })
    expect(done).toEqual({ count: 3, ownExcluded: 0, applied: true })
    const left = await s.call('approvals/bulk', {
      filter: {},
      decision: 'reject',
      reason: 'Thiếu giấy tờ',
      dryRun: true
    })
    // The supervisor's own name correction is not theirs to decide.
    expect(left.ownExcluded).toBe(1)
    expect(
      (await s.fail('approvals/bulk', { filter: {}, decision: 'reject', dryRun: true })).code
    ).toBe('validation')
    const queued = await s.call('approvals/list', { startRow: 0, endRow: 10, state: 'queued' })
    expect(queued.total).toBe(3)
    await b2.close()
  })
})

describe('people by name', () => {
  it('names the proposer and the approver by their display names, as the Duyệt screen shows them', async () => {
    const b3 = createBackend({ dbPath: join(dir, 'names.db') })
    seedPairs(join(dir, 'names.db'))
    const c = apiHelpers(
      await signInAs(b3, 'canbo', 'clerk', undefined, 'Lò Văn Đề').then((x) => () => x)
    )
    const s = apiHelpers(
      await signInAs(b3, 'giamsat', 'supervisor', undefined, 'Phạm Thị Duyệt').then((x) => () => x)
    )
    const p = await propose(c, 1)
    const listed = await s.call('approvals/list', { startRow: 0, endRow: 10, state: 'proposed' })
    expect(listed.rows[0]).toMatchObject({ proposedBy: 'canbo', proposedByName: 'Lò Văn Đề' })
    const decided = await s.call('approvals/decide', { uuid: p.uuid, decision: 'approve' })
    expect(decided.approval).toMatchObject({
      decidedBy: 'giamsat',
      decidedByName: 'Phạm Thị Duyệt'
    })
    await b3.close()
  })
})
