// Migration 011 (population record versions, the population-changed flag, the 'outdated' and
// 'auto_accepted' states, app settings) on a database from version 10 with foreign keys on.
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../src/backend/db/open'
import { tempDir } from '../helpers/tmp'

const dir = tempDir('doisoat-m011-')

function version10() {
  const db = new Database(join(dir, `m${Math.random().toString(36).slice(2)}.db`))
  db.pragma('foreign_keys = ON')
  migrate(db, 10)
  db.exec(`
    INSERT INTO import_batch (id, kind, file_name, file_sha256, file_size, rows_read, rows_accepted,
      rows_rejected, created_at) VALUES (1, 'population', 'p.csv', 'aa', 1, 1, 1, 0, 'then'),
      (2, 'birth', 'b.csv', 'bb', 1, 1, 1, 0, 'then');
    INSERT INTO population_record (id, record_key, batch_id, row_number, full_name, name_key, version,
      snapshot_at) VALUES (1, 'DC1', 1, 2, 'Lò Văn An', 'lo van an', 3, 'then');
    INSERT INTO source_record (id, batch_id, row_number, raw_json, full_name, name_key)
      VALUES (1, 2, 2, '[]', 'Lò Văn An', 'lo van an');
    INSERT INTO link (source_record_id, population_record_id, method, grade, decided_by, decided_at)
      VALUES (1, 1, 'user', 'probable', 'canbo', 'then');
    INSERT INTO review_decision (source_record_id, action, population_record_id, state_before,
      state_after, actor, at) VALUES (1, 'accept', 1, 'open', 'accepted', 'canbo', 'then');
    INSERT INTO correction (uuid, source_record_id, population_record_id, population_key,
      population_version, side, reason, state, proposed_by, proposed_at, updated_at)
      VALUES ('c1', 1, 1, 'DC1', 3, 'population', 'typo', 'queued', 'canbo', 'then', 'then');
    INSERT INTO correction_field (correction_uuid, field, old_value, new_value)
      VALUES ('c1', 'ethnicity', 'Kinh', 'Tày');
    INSERT INTO approval (correction_uuid, decision, decided_by, decided_at, payload_json, signature,
      public_key) VALUES ('c1', 'approve', 'giamsat', 'then', '{}', 'sig', 'key');
  `)
  return db
}

const count = (db: Database.Database, table: string): number =>
  db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number

describe('migration 011-population-versions', () => {
  it('rebuilds correction and review_decision without losing a row; links get their version', () => {
    const db = version10()
    const tables = ['correction', 'correction_field', 'approval', 'review_decision', 'link']
    const before = tables.map((t) => count(db, t))
    expect(migrate(db)).toBeGreaterThanOrEqual(11)
    expect(tables.map((t) => count(db, t))).toEqual(before)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('foreign_key_check')).toEqual([])
    expect(db.prepare('SELECT state FROM correction').pluck().get()).toBe('queued')
    // A link made before: the version the record has now, the best that is known.
    expect(db.prepare('SELECT population_version FROM link').pluck().get()).toBe(3)
    db.close()
  })

  it('accepts the new states, keeps the version history append-only, refuses unknown settings', () => {
    const db = version10()
    migrate(db)
    db.prepare("UPDATE correction SET state = 'outdated' WHERE uuid = 'c1'").run()
    expect(() =>
      db.prepare("UPDATE correction SET state = 'lost' WHERE uuid = 'c1'").run()
    ).toThrow(/CHECK/)
    db.prepare(
      `INSERT INTO review_decision (source_record_id, action, state_before, state_after, actor, at)
       VALUES (1, 'reopen', 'accepted', 'auto_accepted', 'system', 'now')`
    ).run()
    db.prepare(
      `INSERT INTO population_record_version (population_record_id, record_key, version,
         fields_json, snapshot_at, replaced_at, replaced_by_version, cause)
       VALUES (1, 'DC1', 3, '{}', 'then', 'now', 4, 'import')`
    ).run()
    expect(() => db.prepare('UPDATE population_record_version SET version = 9').run()).toThrow(
      /append-only/
    )
    expect(() => db.prepare('DELETE FROM population_record_version').run()).toThrow(/append-only/)
    const setting = db.prepare(
      "INSERT INTO app_setting (key, value, updated_by, updated_at) VALUES (?, '1', 'admin', 'now')"
    )
    setting.run('admin_reviews')
    expect(() => setting.run('anything')).toThrow(/CHECK/)
    db.close()
  })
})
