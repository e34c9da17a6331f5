// Migration 010 (other_id) on a database from version 9.
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../src/backend/db/open'

describe('migration 010-other-id', () => {
  it('adds an identifier of any format to source and population records, keeping their rows', () => {
    const db = new Database(':memory:')
    migrate(db, 9)
    db.prepare(
      `INSERT INTO population_record (record_key, full_name, name_key, version, snapshot_at)
       VALUES ('DC1', 'Lê Thị Hoa', 'le thi hoa', 1, 'now')`
    ).run()
    expect(migrate(db, 10)).toBe(10)
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

  it('drops review queues built with the older flag layout (they are rebuilt on first use)', () => {
    const db = new Database(':memory:')
    migrate(db, 9)
    db.exec(`
      INSERT INTO import_batch (id, kind, file_name, file_sha256, file_size, rows_read, rows_accepted,
        rows_rejected, created_at) VALUES (1, 'registry', 'a.csv', 'x', 1, 1, 1, 0, 'now');
      INSERT INTO source_record (id, batch_id, row_number, raw_json, full_name, name_key)
        VALUES (1, 1, 2, '[]', 'Lê Thị Hoa', 'le thi hoa');
      INSERT INTO match_run (id, scope, state, params_json, stats_json, source_count, population_count,
        started_by, started_at) VALUES (1, 'all', 'done', '{}', '{}', 1, 0, 'a', 'now');
      INSERT INTO review_item (run_id, source_record_id, grade, grade_rank, probability, flag_mask,
        batch_id, name_key) VALUES (1, 1, 'none', 3, 0, ${2 ** 30}, 1, 'le thi hoa');
      INSERT INTO review_run (run_id, items, first_id, last_id, built_at) VALUES (1, 1, 1, 1, 'now');
    `)
    migrate(db, 10)
    expect(db.prepare('SELECT count(*) FROM review_item').pluck().get()).toBe(0)
    expect(db.prepare('SELECT count(*) FROM review_run').pluck().get()).toBe(0)
    // The records and the run stay.
    expect(db.prepare('SELECT count(*) FROM source_record').pluck().get()).toBe(1)
    expect(db.prepare('SELECT count(*) FROM match_run').pluck().get()).toBe(1)
    db.close()
  })
})
