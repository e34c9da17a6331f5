// Migration 012 (what each review decision replaced) on a database from version 11.
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../src/backend/db/open'

describe('migration 012-review-undo', () => {
  it('adds a STRICT review_undo table tied to review_decision; decisions already made are kept', () => {
    const db = new Database(':memory:')
    migrate(db, 11)
    db.exec(
      `INSERT INTO import_batch (id, kind, file_name, file_sha256, file_size, rows_read, rows_accepted,
         rows_rejected, created_at) VALUES (1, 'registry', 'r.csv', 'x', 1, 1, 1, 0, 'then');
       INSERT INTO source_record (id, batch_id, row_number, raw_json, full_name, name_key)
         VALUES (1, 1, 1, '{}', 'An', 'an');
       INSERT INTO review_decision (id, source_record_id, action, state_before, state_after, actor, at)
         VALUES (1, 1, 'accept', 'open', 'accepted', 'canbo', 'then')`
    )
    expect(migrate(db, 12)).toBe(12)
    expect(
      db.prepare("SELECT sql FROM sqlite_master WHERE name = 'review_undo'").pluck().get()
    ).toMatch(/STRICT/)
    expect(db.prepare('SELECT count(*) FROM review_decision').pluck().get()).toBe(1)

    db.pragma('foreign_keys = ON')
    db.exec(
      `INSERT INTO review_decision (id, source_record_id, action, state_before, state_after, actor, at)
       VALUES (2, 1, 'reopen', 'accepted', 'open', 'canbo', 'now')`
    )
    const put = db.prepare(
      'INSERT INTO review_undo (decision_id, before_json, undoes) VALUES (?, ?, ?)'
    )
    put.run(1, '{"state":null,"link":null}', null)
    put.run(2, '{"state":null,"link":null}', 1)
    // A decision is undone once; an unknown decision is refused.
    expect(() => put.run(3, '{}', 1)).toThrow(/UNIQUE|FOREIGN KEY/)
    expect(() => put.run(9, '{}', null)).toThrow(/FOREIGN KEY/)
    expect(() => put.run(1, null, null)).toThrow(/NOT NULL|UNIQUE/)
    // Removing a register batch removes its history, and what it replaced with it.
    db.exec('DELETE FROM import_batch WHERE id = 1')
    expect(db.prepare('SELECT count(*) FROM review_undo').pluck().get()).toBe(0)
    db.close()
  })
})
