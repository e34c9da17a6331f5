// Migration 006 (outbox, sync_state, sync_rematch) on a database from version 5.
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../src/backend/db/open'

describe('migration 006-sync', () => {
  it('adds STRICT outbox, sync_state and sync_rematch tables; the outbox checks its states', () => {
    const db = new Database(':memory:')
    migrate(db, 5)
    db.prepare(
      `INSERT INTO correction (uuid, population_key, population_version, side, reason, state,
         proposed_by, proposed_at, updated_at) VALUES ('u1', 'DC1', 1, 'population', 'typo', 'queued', 'x', 'now', 'now')`
    ).run()
    expect(migrate(db, 6)).toBe(6)
    for (const t of ['outbox', 'sync_state', 'sync_rematch']) {
      const sql = db
        .prepare('SELECT sql FROM sqlite_master WHERE name = ?')
        .pluck()
        .get(t) as string
      expect(sql, t).toMatch(/STRICT/)
    }
    const insert = db.prepare(
      `INSERT INTO outbox (correction_uuid, payload_json, state, hlc, updated_at)
       VALUES (?, '{}', ?, '000000000000001-000000-a', 'now')`
    )
    expect(() => insert.run('u1', 'lost')).toThrow(/CHECK/)
    // Only a correction that exists can be queued (foreign keys are on in the app).
    db.pragma('foreign_keys = ON')
    expect(() => insert.run('no-such', 'pending')).toThrow(/FOREIGN KEY/)
    insert.run('u1', 'pending')
    expect(() => insert.run('u1', 'pending')).toThrow(/UNIQUE|PRIMARY/)
    expect(db.prepare('SELECT state, attempts, next_attempt_at FROM outbox').get()).toEqual({
      state: 'pending',
      attempts: 0,
      next_attempt_at: 0
    })
    const plan = (
      db
        .prepare(
          "EXPLAIN QUERY PLAN SELECT * FROM outbox WHERE state IN ('pending', 'sent') AND next_attempt_at <= 5 ORDER BY hlc"
        )
        .all() as { detail: string }[]
    )
      .map((r) => r.detail)
      .join('\n')
    expect(plan).toMatch(/outbox_due/)
    db.close()
  })
})
