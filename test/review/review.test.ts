// The review workstation on a generated commune: queue, pair view, decisions, bulk, dashboard, views.
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { QueueRow } from '../../src/shared/api'
import { REVIEW_STATES } from '../../src/shared/review'
import { verifyAudit } from '../../src/backend/audit/audit'
import { createBackend, type Backend, type Caller } from '../../src/backend/host'
import { runMatch } from '../../src/backend/match/run-match'
import { apiHelpers } from '../helpers/api'
import { generatedCommune } from '../helpers/commune'
import { signInAs } from '../helpers/users'
import { jobCtx, tempDir } from '../helpers/tmp'

const dir = tempDir('doisoat-review-')
const dbPath = join(dir, 'r.db')
let backend: Backend
let clerk: Caller
let runId = 0

const { call, fail } = apiHelpers(() => clerk)
/** Every row of the queue, the links the run accepted on its own included. */
const everyState = { state: [...REVIEW_STATES] }

const raw = () => new Database(dbPath, { readonly: true })
const auditCount = (action: string): number => {
  const db = raw()
  const n = db.prepare('SELECT count(*) FROM audit_event WHERE action = ?').pluck().get(action)
  db.close()
  return n as number
}

beforeAll(async () => {
  const c = await generatedCommune({
    dbPath,
    population: 3000,
    registry: 600,
    seed: 5,
    clerk: 'clerk.lan'
  })
  ;({ runId, backend, clerk } = c)
}, 120_000)
afterAll(async () => {
  await backend?.close()
})

describe('review queue', () => {
  it('lists every source record of the latest run, pages without gaps or repeats', async () => {
    const first = await call('review/queue', { startRow: 0, endRow: 250, filter: everyState })
    expect(first.runId).toBe(runId)
    expect(first.total).toBe(600)
    expect(first.hiddenAutoAccepted).toBe(0)
    const second = await call('review/queue', { startRow: 250, endRow: 600, filter: everyState })
    const ids = [...first.rows, ...second.rows].map((r) => r.sourceRecordId)
    expect(new Set(ids).size).toBe(600)
    // Default order: most probable first.
    const p = [...first.rows, ...second.rows].map((r) => r.probability)
    expect(p).toEqual([...p].sort((a, b) => b - a))
    const linked = first.rows.find((r) => r.populationRecordId !== null)!
    expect(linked.populationName).toBeTruthy()
    // Certain links the run accepted on its own are a state of their own; the rest wait.
    for (const r of [...first.rows, ...second.rows])
      expect(r.state).toBe(r.grade === 'certain' ? 'auto_accepted' : 'open')
  })

  it('hides the links the run accepted on its own by default, and says how many', async () => {
    const all = await call('review/queue', { startRow: 0, endRow: 1000, filter: everyState })
    const auto = all.rows.filter((r) => r.state === 'auto_accepted')
    expect(auto.length).toBeGreaterThan(0)
    const byDefault = await call('review/queue', { startRow: 0, endRow: 1000 })
    expect(byDefault.rows.some((r) => r.state === 'auto_accepted')).toBe(false)
    expect(byDefault.total).toBe(600 - auto.length)
    expect(byDefault.hiddenAutoAccepted).toBe(auto.length)
    // A filter on the state shows them, and then nothing is hidden.
    const shown = await call('review/queue', {
      startRow: 0,
      endRow: 1000,
      filter: { state: ['auto_accepted'] }
    })
    expect(shown.rows.map((r) => r.sourceRecordId).sort()).toEqual(
      auto.map((r) => r.sourceRecordId).sort()
    )
    expect(shown.hiddenAutoAccepted).toBe(0)
    // The hidden count follows the rest of the filter.
    const probable = await call('review/queue', {
      startRow: 0,
      endRow: 10,
      filter: { grade: ['probable'] }
    })
    expect(probable.hiddenAutoAccepted).toBe(0)
  })

  it('filters by grade, flag, batch and state, and the total matches the rows', async () => {
    const all = await call('review/queue', { startRow: 0, endRow: 1000, filter: everyState })
    const byGrade = (g: string) => all.rows.filter((r) => r.grade === g).length
    const probable = await call('review/queue', {
      startRow: 0,
      endRow: 1000,
      filter: { grade: ['probable', 'possible'], ...everyState }
    })
    expect(probable.total).toBe(byGrade('probable') + byGrade('possible'))
    expect(probable.rows.every((r) => r.grade === 'probable' || r.grade === 'possible')).toBe(true)

    const unmatched = await call('review/queue', {
      startRow: 0,
      endRow: 1000,
      filter: { flag: ['unmatched'], ...everyState }
    })
    expect(unmatched.total).toBeGreaterThan(0)
    expect(unmatched.rows.every((r) => r.flags.includes('unmatched') && r.pairId === null)).toBe(
      true
    )

    const dia = all.rows.filter((r) => r.flags.includes('name_diacritics'))
    const onlyDia = all.rows.filter(
      (r) => r.flags.length > 0 && r.flags.every((f) => f === 'name_diacritics')
    )
    const any = await call('review/queue', {
      startRow: 0,
      endRow: 1000,
      filter: { flag: ['name_diacritics'], ...everyState }
    })
    const only = await call('review/queue', {
      startRow: 0,
      endRow: 1000,
      filter: { flag: ['name_diacritics'], flagMode: 'only', ...everyState }
    })
    expect(any.total).toBe(dia.length)
    expect(only.total).toBe(onlyDia.length)

    const batchId = all.rows[0]!.batchId
    const batch = await call('review/queue', {
      startRow: 0,
      endRow: 10,
      filter: { batchId, ...everyState }
    })
    expect(batch.total).toBe(600)
    const none = await call('review/queue', { startRow: 0, endRow: 10, filter: { batchId: 999 } })
    expect(none.total).toBe(0)
  })

  it('sorts by name and by grade', async () => {
    const byName = await call('review/queue', {
      startRow: 0,
      endRow: 600,
      sort: { field: 'name', dir: 'asc' },
      filter: everyState
    })
    const db = raw()
    const keys = byName.rows.map(
      (r) =>
        db
          .prepare('SELECT name_key FROM source_record WHERE id = ?')
          .pluck()
          .get(r.sourceRecordId) as string
    )
    db.close()
    expect(keys).toEqual([...keys].sort())
    const byGrade = await call('review/queue', {
      startRow: 0,
      endRow: 600,
      sort: { field: 'grade', dir: 'asc' },
      filter: everyState
    })
    const order = { certain: 0, probable: 1, possible: 2, none: 3 }
    const ranks = byGrade.rows.map((r) => order[r.grade])
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
  })

  it('reads a page by primary keys and a run back as one id range, never scanning a table', () => {
    const db = raw()
    const plan = (sql: string): string =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('[1,2]') as { detail: string }[])
        .map((r) => r.detail)
        .join('\n')
    const page = plan(
      `SELECT ri.id FROM json_each(?) j JOIN review_item ri ON ri.id = j.value
       JOIN source_record s ON s.id = ri.source_record_id
       LEFT JOIN population_record p ON p.id = ri.population_record_id ORDER BY j.key`
    )
    expect(page).toMatch(/SEARCH ri USING INTEGER PRIMARY KEY/)
    expect(page).toMatch(/SEARCH s USING INTEGER PRIMARY KEY/)
    expect(page).not.toMatch(/SCAN (ri|s|p)\b/)
    db.close()
  })

  it('refuses an unknown flag and a page larger than 1000 rows', async () => {
    expect(
      (await fail('review/queue', { startRow: 0, endRow: 10, filter: { flag: ['nope'] } })).code
    ).toBe('validation')
    expect((await fail('review/queue', { startRow: 0, endRow: 5000 })).code).toBe('validation')
  })
})

describe('pair view and decisions', () => {
  let row: QueueRow

  beforeAll(async () => {
    // The least certain record that still has a candidate: the kind a clerk opens.
    const q = await call('review/queue', {
      startRow: 0,
      endRow: 1,
      sort: { field: 'probability', dir: 'asc' },
      filter: { grade: ['certain', 'probable', 'possible'], ...everyState }
    })
    row = q.rows[0]!
  })

  it('shows both records field by field, the weights, the candidates', async () => {
    const v = await call('review/pair', { sourceRecordId: row.sourceRecordId })
    expect(v.source.id).toBe(row.sourceRecordId)
    expect(v.population?.id).toBe(row.populationRecordId)
    const name = v.fields.find((f) => f.field === 'full_name')!
    expect(name.source).toBe(v.source.full_name)
    expect(name.population).toBe(v.population?.full_name)
    expect(v.explanation.map((e) => e.field)).toContain('name')
    expect(v.explanation.find((e) => e.field === 'name')!.weight).toBe(v.weights.name)
    expect(v.candidates[0]!.populationRecordId).toBe(row.populationRecordId)
    expect(v.state).toBe(row.state)
    expect(v.decisions).toEqual([])
  })

  it('accepting links the record, records history and an audit event with before/after', async () => {
    const out = await call('review/decide', {
      sourceRecordId: row.sourceRecordId,
      action: 'accept'
    })
    expect(out.state).toBe('accepted')
    expect(out.link?.populationRecordId).toBe(row.populationRecordId)
    const v = await call('review/pair', { sourceRecordId: row.sourceRecordId })
    expect(v.state).toBe('accepted')
    expect(v.link).toMatchObject({ method: 'user', decidedBy: 'clerk.lan' })
    expect(v.decisions).toMatchObject([
      { action: 'accept', stateBefore: row.state, actor: 'clerk.lan' }
    ])
    const db = raw()
    const ev = db
      .prepare("SELECT * FROM audit_event WHERE action = 'review/accept' ORDER BY id DESC")
      .get() as { actor: string; entity_id: string; detail_json: string }
    db.close()
    expect(ev.actor).toBe('clerk.lan')
    expect(ev.entity_id).toBe(String(row.sourceRecordId))
    expect(JSON.parse(ev.detail_json)).toMatchObject({
      before: { state: row.state },
      after: { state: 'accepted', link: row.populationRecordId }
    })
    // The queue shows the new state, and the state filter sees it.
    const accepted = await call('review/queue', {
      startRow: 0,
      endRow: 10,
      filter: { state: ['accepted'] }
    })
    expect(accepted.rows.map((r) => r.sourceRecordId)).toEqual([row.sourceRecordId])
  })

  it('rejects, relinks by hand, marks duplicate and not-in-population, and keeps notes', async () => {
    const id = row.sourceRecordId
    await call('review/decide', { sourceRecordId: id, action: 'reject', note: 'khác cha mẹ' })
    expect((await call('review/pair', { sourceRecordId: id })).link).toBeNull()

    const hits = await call('search/population', { q: 'nguyen', limit: 5 })
    const other = hits.find((h) => h.id !== row.populationRecordId)!
    const relinked = await call('review/decide', {
      sourceRecordId: id,
      action: 'relink',
      populationRecordId: other.id
    })
    expect(relinked).toMatchObject({ state: 'relinked', link: { populationRecordId: other.id } })
    expect((await fail('review/decide', { sourceRecordId: id, action: 'relink' })).code).toBe(
      'validation'
    )

    await call('review/decide', { sourceRecordId: id, action: 'note', note: 'hỏi lại UBND xã' })
    expect((await call('review/pair', { sourceRecordId: id })).state).toBe('relinked')
    await call('review/decide', { sourceRecordId: id, action: 'not_in_population' })
    await call('review/decide', { sourceRecordId: id, action: 'duplicate' })
    const v = await call('review/pair', { sourceRecordId: id })
    expect(v.state).toBe('duplicate')
    expect(v.decisions.map((d) => d.action)).toEqual([
      'accept',
      'reject',
      'relink',
      'note',
      'not_in_population',
      'duplicate'
    ])
    expect(v.decisions.find((d) => d.action === 'note')!.note).toBe('hỏi lại UBND xã')
    expect(auditCount('review/note')).toBe(1)
    expect(auditCount('review/relink')).toBe(1)
  })

  it('refuses to accept a record with no candidate, and an unknown record', async () => {
    const q = await call('review/queue', {
      startRow: 0,
      endRow: 1,
      filter: { flag: ['unmatched'] }
    })
    const e = await fail('review/decide', {
      sourceRecordId: q.rows[0]!.sourceRecordId,
      action: 'accept'
    })
    expect(e.code).toBe('validation')
    expect((await fail('review/decide', { sourceRecordId: 999_999, action: 'reject' })).code).toBe(
      'not_found'
    )
  })
})

describe('a new match run', () => {
  it("keeps a clerk's rejection: the record is not linked again automatically", async () => {
    const q = await call('review/queue', {
      startRow: 0,
      endRow: 1000,
      filter: { grade: ['certain'], state: ['auto_accepted'] }
    })
    const target = q.rows[0]!
    await call('review/decide', {
      sourceRecordId: target.sourceRecordId,
      action: 'reject',
      note: 'không phải người này'
    })
    await runMatch({ dbPath, workers: 1 }, jobCtx())
    const db = raw()
    const links = db
      .prepare('SELECT count(*) FROM link WHERE source_record_id = ?')
      .pluck()
      .get(target.sourceRecordId)
    db.close()
    expect(links).toBe(0)
  })
})

describe('bulk accept', () => {
  it('counts first, then accepts exactly that many open rows in one audit event', async () => {
    const filter = {
      grade: ['certain' as const],
      flag: ['name_diacritics'],
      flagMode: 'only' as const
    }
    const dry = await call('review/bulk', { filter, action: 'accept', dryRun: true })
    expect(dry.applied).toBe(false)
    // Rows no clerk has decided: open, or accepted by the run on its own.
    const open = await call('review/queue', {
      startRow: 0,
      endRow: 1000,
      filter: { ...filter, state: ['open', 'auto_accepted'] }
    })
    expect(dry.count).toBe(open.total)
    expect(dry.count).toBeGreaterThan(0)

    // A count that no longer holds is refused and nothing changes.
    const stale = await fail('review/bulk', {
      filter,
      action: 'accept',
      dryRun: false,
      expectedCount: dry.count + 1
    })
    expect(stale.code).toBe('validation')

    const before = auditCount('review/bulk_accept')
    const done = await call('review/bulk', {
      filter,
      action: 'accept',
      dryRun: false,
      expectedCount: dry.count
    })
    expect(done).toEqual({ count: dry.count, applied: true })
    expect(auditCount('review/bulk_accept')).toBe(before + 1)
    const db = raw()
    const ev = db
      .prepare("SELECT detail_json FROM audit_event WHERE action = 'review/bulk_accept'")
      .pluck()
      .get() as string
    const decisions = db
      .prepare("SELECT count(*) FROM review_decision WHERE bulk = 1 AND action = 'accept'")
      .pluck()
      .get()
    expect(verifyAudit(db as never).ok).toBe(true)
    db.close()
    expect(JSON.parse(ev).sourceRecordIds).toHaveLength(dry.count)
    expect(decisions).toBe(dry.count)
    const again = await call('review/bulk', { filter, action: 'accept', dryRun: true })
    expect(again.count).toBe(0)
  })
})

describe('two windows on one database', () => {
  it("shows a decision made in the other window in this window's queue", async () => {
    const open = await call('review/queue', { startRow: 0, endRow: 1, filter: { state: ['open'] } })
    const id = open.rows[0]!.sourceRecordId
    const window2 = createBackend({ dbPath })
    const other = await signInAs(window2, 'clerk.two', 'clerk')
    const r = await other.call('review/decide', { sourceRecordId: id, action: 'not_in_population' })
    await window2.close()
    expect(r.ok).toBe(true)
    const mine = await call('review/queue', {
      startRow: 0,
      endRow: 1000,
      filter: { state: ['not_in_population'] },
      sort: { field: 'state', dir: 'asc' }
    })
    expect(mine.rows.map((x) => x.sourceRecordId)).toContain(id)
    expect(mine.rows.every((x) => x.state === 'not_in_population')).toBe(true)
  })
})

describe('dashboard and saved views', () => {
  it('counts by grade and flag, and review progress per batch', async () => {
    const d = await call('review/dashboard', {})
    expect(d.total).toBe(600)
    expect(Object.values(d.byGrade).reduce((a, b) => a + b, 0)).toBe(600)
    expect(d.byFlag.unmatched).toBe(d.byGrade.none)
    expect(d.batches).toHaveLength(1)
    const b = d.batches[0]!
    expect(b.decided + b.remaining + d.byState.auto_accepted).toBe(600)
    expect(b.remaining).toBe(d.byState.open)
    expect(b.decided).toBeGreaterThan(1)
  })

  it("keeps each user's views apart", async () => {
    await call('views/save', {
      name: 'Cần xem',
      view: {
        filter: { grade: ['probable'], state: ['open'] },
        sort: { field: 'name', dir: 'asc' }
      }
    })
    await call('views/save', { name: 'Cần xem', view: { filter: { grade: ['possible'] } } })
    const views = await call('views/list', {})
    expect(views).toHaveLength(1)
    expect(views[0]!.view.filter.grade).toEqual(['possible'])
    const window2 = createBackend({ dbPath })
    const other = await signInAs(window2, 'someone.else', 'supervisor')
    const theirs = await other.call('views/list', {})
    await window2.close()
    expect(theirs).toEqual({ ok: true, value: [] })
  })
})
