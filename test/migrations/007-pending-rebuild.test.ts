// Migration 007 (pending_rebuild) on a database from version 6.
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../src/backend/db/open'

describe('migration 007-pending-rebuild', () => {
  it('adds a STRICT table of derived indexes waiting for a rebuild, one row per index', () => {
    const db = new Database(':memory:')
    migrate(db, 6)
    db.prepare(
      `INSERT INTO population_record (record_key, full_name, name_key, version, snapshot_at)
       VALUES ('DC1', 'Lê Thị Hoa', 'le thi hoa', 1, 'now')`
    ).run()
    expect(migrate(db, 7)).toBe(7)
    const sql = db
      .prepare("SELECT sql FROM sqlite_master WHERE name = 'pending_rebuild'")
      .pluck()
      .get() as string
    expect(sql).toMatch(/STRICT/)
    // Existing records stay indexed for quick search: nothing is pending after the upgrade.
    expect(db.prepare('SELECT count(*) FROM pending_rebuild').pluck().get()).toBe(0)
    expect(
      db.prepare("SELECT rowid FROM population_fts WHERE population_fts MATCH 'hoa'").pluck().all()
    ).toEqual([1])
    const insert = db.prepare('INSERT INTO pending_rebuild (name, since) VALUES (?, ?)')
    expect(() => insert.run('something_else', 'now')).toThrow(/CHECK/)
    insert.run('population_fts', 'now')
    expect(() => insert.run('population_fts', 'later')).toThrow(/UNIQUE|PRIMARY/)
    db.close()
  })
})
