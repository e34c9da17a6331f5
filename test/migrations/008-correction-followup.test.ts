// Migration 008 (superseded and withdrawn corrections, the resubmission link, the outbox's
// 'closed' state) on a database from version 7 with foreign keys on, as the app opens it.
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../src/backend/db/open'
import { tempDir } from '../helpers/tmp'

const dir = tempDir('doisoat-m008-')

function version7() {
  const db = new Database(join(dir, `m${Math.random().toString(36).slice(2)}.db`))
  db.pragma('foreign_keys = ON')
  migrate(db, 7)
  const correction = db.prepare(
    `INSERT INTO correction (uuid, population_key, population_version, side, reason, state,
       proposed_by, proposed_at, updated_at) VALUES (?, 'DC1', 1, 'population', 'typo', ?, 'canbo', 'then', 'then')`
  )
  const field = db.prepare(
    `INSERT INTO correction_field (correction_uuid, field, old_value, new_value)
     VALUES (?, 'ethnicity', 'Kinh', 'Tày')`
  )
  const approval = db.prepare(
    `INSERT INTO approval (correction_uuid, decision, decided_by, decided_at, payload_json, signature, public_key)
     VALUES (?, 'approve', 'giamsat', 'then', '{}', 'sig', 'key')`
  )
  const outbox = db.prepare(
    `INSERT INTO outbox (correction_uuid, payload_json, state, hlc, last_error, updated_at)
     VALUES (?, '{}', ?, ?, ?, 'then')`
  )
  const rows: [string, string, string | null, string | null][] = [
    ['accepted', 'accepted', 'done', null],
    ['parked', 'queued', 'parked', 'HTTP 422: unknown_record'],
    // Sent back to review under the same UUID before this version: it could never be sent again.
    ['reproposed', 'proposed', 'conflict', null],
    ['fresh', 'proposed', null, null]
  ]
  rows.forEach(([uuid, state, box, error], i) => {
    correction.run(uuid, state)
    field.run(uuid)
    if (state !== 'proposed' || box) approval.run(uuid)
    if (box) outbox.run(uuid, box, `00000000000000${i}-000000-a`, error)
  })
  return db
}

const count = (db: Database.Database, table: string): number =>
  db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number

describe('migration 008-correction-followup', () => {
  it('rebuilds correction and outbox without losing a field, approval or outbox row', () => {
    const db = version7()
    const before = ['correction', 'correction_field', 'approval', 'outbox'].map((t) => count(db, t))
    expect(migrate(db)).toBeGreaterThanOrEqual(8)
    expect(
      ['correction', 'correction_field', 'approval', 'outbox'].map((t) => count(db, t))
    ).toEqual(before)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('foreign_key_check')).toEqual([])
    // What was stuck becomes something a clerk can act on; the rest is as it was.
    const states = db.prepare('SELECT uuid, state FROM correction ORDER BY uuid').all()
    expect(states).toEqual([
      { uuid: 'accepted', state: 'accepted' },
      { uuid: 'fresh', state: 'proposed' },
      { uuid: 'parked', state: 'refused' },
      { uuid: 'reproposed', state: 'conflict' }
    ])
    expect(
      db.prepare("SELECT last_error FROM outbox WHERE correction_uuid = 'parked'").pluck().get()
    ).toBe('HTTP 422: unknown_record')
    db.close()
  })

  it('accepts the new states and the link, refuses a second successor and a dangling link', () => {
    const db = version7()
    migrate(db)
    const sql = (name: string) =>
      db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(name) as string
    expect(sql('correction')).toMatch(/STRICT/)
    expect(sql('outbox')).toMatch(/STRICT/)
    const setState = db.prepare('UPDATE correction SET state = ? WHERE uuid = ?')
    setState.run('superseded', 'reproposed')
    setState.run('withdrawn', 'parked')
    expect(() => setState.run('lost', 'fresh')).toThrow(/CHECK/)
    db.prepare("UPDATE outbox SET state = 'closed' WHERE correction_uuid = 'parked'").run()
    expect(() =>
      db.prepare("UPDATE outbox SET state = 'gone' WHERE correction_uuid = 'parked'").run()
    ).toThrow(/CHECK/)
    const next = db.prepare(
      `INSERT INTO correction (uuid, population_key, population_version, side, reason, state,
         proposed_by, proposed_at, updated_at, supersedes_uuid)
       VALUES (?, 'DC1', 2, 'population', 'typo', 'proposed', 'canbo', 'now', 'now', ?)`
    )
    next.run('again', 'reproposed')
    expect(() => next.run('again-2', 'reproposed')).toThrow(/UNIQUE/)
    expect(() => next.run('again-3', 'no-such')).toThrow(/FOREIGN KEY/)
    const plan = (q: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join('\n')
    expect(plan("SELECT * FROM outbox WHERE state = 'pending' AND next_attempt_at <= 5")).toMatch(
      /outbox_due/
    )
    expect(plan("SELECT * FROM correction WHERE state = 'proposed'")).toMatch(/correction_state/)
    db.close()
  })
})
