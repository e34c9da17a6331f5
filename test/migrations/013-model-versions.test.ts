// Migration 013 (model versions) on a database from version 10.
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../src/backend/db/open'

describe('migration 013-model-versions', () => {
  it('adds model versions and the version each run graded with, keeping the runs', () => {
    const db = new Database(':memory:')
    migrate(db, 12)
    db.exec(`INSERT INTO match_run (id, scope, state, params_json, stats_json, source_count,
      population_count, started_by, started_at) VALUES (1, 'all', 'done', '{}', '{}', 1, 0, 'a', 'now')`)
    expect(migrate(db, 13)).toBe(13)
    expect(db.prepare('SELECT id, model_version_id FROM match_run').get()).toEqual({
      id: 1,
      model_version_id: null
    })
    const insert = db.prepare(
      `INSERT INTO model_version (parent_id, origin, params_json, summary_json, file_id, created_by,
         created_at) VALUES (?, ?, '{}', '{}', ?, 'a', 'now')`
    )
    const fitted = Number(insert.run(null, 'fitted', null).lastInsertRowid)
    insert.run(fitted, 'imported', 'file-1')
    // An imported version names its file, and one file is kept once; others name none.
    expect(() => insert.run(fitted, 'imported', 'file-1')).toThrow(/UNIQUE/)
    expect(() => insert.run(fitted, 'imported', null)).toThrow(/CHECK/)
    expect(() => insert.run(fitted, 'learnt', 'file-2')).toThrow(/CHECK/)
    db.prepare('UPDATE match_run SET model_version_id = ? WHERE id = 1').run(fitted)
    // Deleting a version leaves the run, without a version.
    db.pragma('foreign_keys = ON')
    db.prepare("DELETE FROM model_version WHERE origin = 'imported'").run()
    db.prepare('DELETE FROM model_version WHERE id = ?').run(fitted)
    expect(db.prepare('SELECT model_version_id FROM match_run').pluck().get()).toBeNull()
    db.close()
  })
})
