// Taking a decision back (review/undo) and refusing a decision on a pair that moved on (expectedState).
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { QueueRow } from '../../src/shared/api'
import { verifyAudit } from '../../src/backend/audit/audit'
import type { Backend, Caller } from '../../src/backend/host'
import { apiHelpers } from '../helpers/api'
import { generatedCommune } from '../helpers/commune'
import { signInAs } from '../helpers/users'
import { tempDir } from '../helpers/tmp'

const dir = tempDir('doisoat-undo-')
const dbPath = join(dir, 'u.db')
let backend: Backend
let clerk: Caller
let other: Caller
const { call, fail } = apiHelpers(() => clerk)
const asOther = apiHelpers(() => other)

interface LinkRow {
  population_record_id: number
  run_id: number | null
  pair_id: number | null
  method: string
  grade: string
  decided_by: string
  decided_at: string
}

function read<T>(query: string, ...params: unknown[]): T {
  const db = new Database(dbPath, { readonly: true })
  try {
    return db.prepare(query).get(...params) as T
  } finally {
    db.close()
  }
}
const linkOf = (id: number) =>
  read<LinkRow | undefined>(
    `SELECT population_record_id, run_id, pair_id, method, grade, decided_by, decided_at
     FROM link WHERE source_record_id = ?`,
    id
  ) ?? null
const stateRowOf = (id: number) =>
  read<{ state: string } | undefined>(
    'SELECT * FROM review_state WHERE source_record_id = ?',
    id
  ) ?? null

/** Rows of the queue as matched, each test taking its own: certain (auto-linked) and unmatched. */
let certain: QueueRow[] = []
let unmatched: QueueRow[] = []

beforeAll(async () => {
  const c = await generatedCommune({
    dbPath,
    population: 2000,
    registry: 400,
    seed: 11,
    clerk: 'canbo',
    clerkName: 'Cán bộ Tư pháp'
  })
  ;({ backend, clerk } = c)
  other = await signInAs(backend, 'canbo2', 'clerk')
  const rows = (grade: 'certain' | 'none', state: 'auto_accepted' | 'open') =>
    call('review/queue', { startRow: 0, endRow: 10, filter: { grade: [grade], state: [state] } })
  certain = (await rows('certain', 'auto_accepted')).rows
  unmatched = (await rows('none', 'open')).rows
}, 120_000)
afterAll(async () => {
  await backend?.close()
})

describe('undo', () => {
  it('takes back a link made by hand: open again, and no link where there was none', async () => {
    const row = unmatched[0]!
    expect(linkOf(row.sourceRecordId)).toBeNull()
    const someone = (await call('search/population', { q: 'nguyen', limit: 1 }))[0]!
    const accepted = await call('review/decide', {
      sourceRecordId: row.sourceRecordId,
      action: 'relink',
      populationRecordId: someone.id,
      expectedState: 'open'
    })
    expect(linkOf(row.sourceRecordId)?.method).toBe('user')

    const undone = await call('review/undo', {
      sourceRecordId: row.sourceRecordId,
      decisionId: accepted.decisionId
    })
    expect(undone).toMatchObject({ state: 'open', link: null })
    // Exactly as before: no link, no state row (a reopen would have kept both).
    expect(linkOf(row.sourceRecordId)).toBeNull()
    expect(stateRowOf(row.sourceRecordId)).toBeNull()
    const pair = await call('review/pair', { sourceRecordId: row.sourceRecordId })
    expect(pair.state).toBe('open')
    expect(pair.decisions.map((d) => [d.action, d.stateAfter, d.undoes])).toEqual([
      ['relink', 'relinked', null],
      ['reopen', 'open', accepted.decisionId]
    ])
    expect(pair.userNames).toEqual({ canbo: 'Cán bộ Tư pháp' })
    // The open queue has it again.
    const open = await call('review/queue', {
      startRow: 0,
      endRow: 1000,
      filter: { state: ['open'] }
    })
    expect(open.rows.map((r) => r.sourceRecordId)).toContain(row.sourceRecordId)
  })

  it('takes back a rejection of an automatic link: the automatic link comes back as it was', async () => {
    const row = certain[0]!
    const auto = linkOf(row.sourceRecordId)
    expect(auto?.method).toBe('auto')
    const rejected = await call('review/decide', {
      sourceRecordId: row.sourceRecordId,
      action: 'reject'
    })
    expect(linkOf(row.sourceRecordId)).toBeNull()
    await call('review/undo', {
      sourceRecordId: row.sourceRecordId,
      decisionId: rejected.decisionId
    })
    expect(linkOf(row.sourceRecordId)).toEqual(auto)
    // As the run left it: its own link, a state of its own (hidden from the open queue).
    expect((await call('review/pair', { sourceRecordId: row.sourceRecordId })).state).toBe(
      'auto_accepted'
    )
  })

  it('takes back a changed decision: the earlier one stands again, and undo itself is audited', async () => {
    const row = certain[1]!
    await call('review/decide', { sourceRecordId: row.sourceRecordId, action: 'accept' })
    const acceptedLink = linkOf(row.sourceRecordId)
    const rejected = await call('review/decide', {
      sourceRecordId: row.sourceRecordId,
      action: 'reject',
      expectedState: 'accepted'
    })
    const undone = await call('review/undo', {
      sourceRecordId: row.sourceRecordId,
      decisionId: rejected.decisionId
    })
    expect(undone.state).toBe('accepted')
    expect(linkOf(row.sourceRecordId)).toEqual(acceptedLink)
    const event = read<{ actor: string; detail_json: string }>(
      "SELECT actor, detail_json FROM audit_event WHERE action = 'review/undo' ORDER BY id DESC"
    )
    expect(event.actor).toBe('canbo')
    expect(JSON.parse(event.detail_json)).toMatchObject({
      undoes: rejected.decisionId,
      undoneAction: 'reject',
      before: { state: 'rejected', link: null },
      after: { state: 'accepted', link: row.populationRecordId, linkMethod: 'user' }
    })
    const db = new Database(dbPath, { readonly: true })
    expect(verifyAudit(db as never).ok).toBe(true)
    db.close()
  })

  it('refuses to undo twice, after a later decision, or someone else’s decision', async () => {
    const row = certain[2]!
    const accepted = await call('review/decide', {
      sourceRecordId: row.sourceRecordId,
      action: 'accept'
    })
    // Another clerk's decision is not mine to take back.
    expect(
      (
        await asOther.fail('review/undo', {
          sourceRecordId: row.sourceRecordId,
          decisionId: accepted.decisionId
        })
      ).code
    ).toBe('forbidden')
    await call('review/undo', {
      sourceRecordId: row.sourceRecordId,
      decisionId: accepted.decisionId
    })
    expect(
      (
        await fail('review/undo', {
          sourceRecordId: row.sourceRecordId,
          decisionId: accepted.decisionId
        })
      ).code
    ).toBe('review_stale')

    const again = await call('review/decide', {
      sourceRecordId: row.sourceRecordId,
      action: 'reject'
    })
    await asOther.call('review/decide', {
      sourceRecordId: row.sourceRecordId,
      action: 'accept'
    })
    // A decision made since is never overturned by an undo.
    expect(
      (
        await fail('review/undo', {
          sourceRecordId: row.sourceRecordId,
          decisionId: again.decisionId
        })
      ).code
    ).toBe('review_stale')
    expect((await call('review/pair', { sourceRecordId: row.sourceRecordId })).state).toBe(
      'accepted'
    )
    // A note is not a decision to undo; a decision of another record is not found there.
    const note = await call('review/decide', {
      sourceRecordId: row.sourceRecordId,
      action: 'note',
      note: 'hỏi lại'
    })
    expect(
      (
        await fail('review/undo', {
          sourceRecordId: row.sourceRecordId,
          decisionId: note.decisionId
        })
      ).code
    ).toBe('validation')
    expect(
      (
        await fail('review/undo', {
          sourceRecordId: row.sourceRecordId + 1,
          decisionId: note.decisionId
        })
      ).code
    ).toBe('not_found')
  })

  it('refuses a decision on a pair that moved on since the clerk saw it, writing nothing', async () => {
    const row = certain[3]!
    await asOther.call('review/decide', { sourceRecordId: row.sourceRecordId, action: 'accept' })
    const before = (await call('review/pair', { sourceRecordId: row.sourceRecordId })).decisions
    const e = await fail('review/decide', {
      sourceRecordId: row.sourceRecordId,
      action: 'reject',
      expectedState: 'open'
    })
    expect(e.code).toBe('review_stale')
    const after = await call('review/pair', { sourceRecordId: row.sourceRecordId })
    expect(after.state).toBe('accepted')
    expect(after.decisions).toEqual(before)
  })
})
