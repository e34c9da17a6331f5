// Migration 008 (other_id) on a database from version 7.
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../src/backend/db/open'

describe('migration 008-other-id', () => {
  it('adds an identifier of any format to source and population records, keeping their rows', () => {
    const db = new Database(':memory:')
    migrate(db, 7)
    db.prepare(
      `INSERT INTO population_record (record_key, full_name, name_key, version, snapshot_at)
       VALUES ('DC1', 'Lê Thị Hoa', 'le thi hoa', 1, 'now')`
    ).run()
    expect(migrate(db, 8)).toBe(8)
    expect(
      db.prepare("SELECT full_name, other_id FROM population_record WHERE record_key = 'DC1'").get()
    ).toEqual({ full_name: 'Lê Thị Hoa', other_id: null })
    // Any length and alphabet: a 7-digit number, a passport, a health-insurance card.
    const set = db.prepare("UPDATE population_record SET other_id = ? WHERE record_key = 'DC1'")
    for (const v of ['9004242', 'B1234567', 'HC4010123456789']) {
      set.run(v)
      expect(db.prepare('SELECT other_id FROM population_record').pluck().get()).toBe(v)
    }
    const cols = (t: string): string[] =>
      (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name)
    expect(cols('source_record')).toContain('other_id')
    db.close()
  })
})
