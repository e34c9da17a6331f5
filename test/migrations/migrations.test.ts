// Each migration: tables, constraints, triggers, and the query plans the app relies on.
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LATEST_VERSION, MIGRATIONS } from '../../src/backend/db/migrations'
import { migrate, openDb, schemaVersion } from '../../src/backend/db/open'
import { tempDir } from '../helpers/tmp'

const dir = tempDir()
let n = 0
const fresh = () => openDb(join(dir, `m${n++}.db`))

describe('migrations', () => {
  it('are numbered in increasing order from 1 and apply to a fresh database', () => {
    // A number may be missing while a parallel branch holds it; none may repeat or go back.
    const versions = MIGRATIONS.map((m) => m.version)
    expect(versions[0]).toBe(1)
    versions.slice(1).forEach((v, i) => expect(v).toBeGreaterThan(versions[i]!))
    const db = fresh()
    expect(schemaVersion(db)).toBe(LATEST_VERSION)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    db.close()
  })

  it('re-opening a migrated database changes nothing', () => {
    const path = join(dir, 'again.db')
    openDb(path).close()
    const db = openDb(path)
    expect(migrate(db)).toBe(LATEST_VERSION)
    db.close()
  })

  it('refuses a database written by a newer version, and leaves it untouched', () => {
    const path = join(dir, 'newer.db')
    const raw = new Database(path)
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`)
    raw.exec('CREATE TABLE future (x INTEGER)')
    raw.close()
    expect(() => openDb(path)).toThrow(expect.objectContaining({ code: 'db_too_new' }))
    const check = new Database(path)
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1)
    check.close()
  })

  it('a failing migration rolls back as a whole', () => {
    const db = new Database(':memory:')
    db.exec('CREATE TABLE app_user (x INTEGER)') // collides with migration 1
    expect(() => migrate(db)).toThrow()
    expect(schemaVersion(db)).toBe(0)
    expect(
      db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'import_batch'").pluck().get()
    ).toBe(0)
    db.close()
  })
})

describe('migration 001-initial', () => {
  const db = fresh()
  const batch = (over: Record<string, unknown> = {}) =>
    db
      .prepare(
        `INSERT INTO import_batch (kind, file_name, file_sha256, file_size, rows_read, rows_accepted,
           rows_rejected, created_at) VALUES (@kind, 'f.csv', 'abc', 1, @read, @acc, @rej, 'now')`
      )
      .run({ kind: 'registry', read: 2, acc: 1, rej: 1, ...over })

  it('creates the core tables as STRICT tables', () => {
    for (const t of [
      'app_user',
      'import_batch',
      'source_record',
      'rejected_row',
      'population_record',
      'audit_event'
    ]) {
      const sql = db
        .prepare('SELECT sql FROM sqlite_master WHERE name = ?')
        .pluck()
        .get(t) as string
      expect(sql, t).toMatch(/STRICT$/)
    }
  })

  it('keeps read = accepted + rejected', () => {
    expect(() => batch({ read: 3 })).toThrow(/CHECK/)
    expect(batch().changes).toBe(1)
  })

  it('rejects wrong types and impossible values', () => {
    const insert = db.prepare(
      `INSERT INTO population_record (record_key, full_name, name_key, sex, id_number, version, snapshot_at)
       VALUES (?, 'Nguyễn Văn An', 'nguyen van an', ?, ?, ?, 'now')`
    )
    expect(() => insert.run('k1', 'X', null, 1)).toThrow(/CHECK/)
    expect(() => insert.run('k2', 'M', '123', 1)).toThrow(/CHECK/)
    expect(() => insert.run('k3', 'M', null, 'one')).toThrow(/cannot store TEXT/)
    expect(insert.run('k4', 'M', '001090012345', 2).changes).toBe(1)
    expect(() => insert.run('k4', 'F', null, 1)).toThrow(/UNIQUE/)
  })

  it('enforces foreign keys from records to their batch', () => {
    expect(() =>
      db
        .prepare(
          `INSERT INTO source_record (batch_id, row_number, raw_json, full_name, name_key)
           VALUES (999, 2, '{}', 'A', 'a')`
        )
        .run()
    ).toThrow(/FOREIGN KEY/)
  })

  it('makes audit_event append-only', () => {
    db.prepare(
      `INSERT INTO audit_event (at, actor, action, detail_json, prev_hash, hash)
       VALUES ('now', 'x', 'test', '{}', '0', 'h1')`
    ).run()
    expect(() => db.prepare("UPDATE audit_event SET actor = 'y'").run()).toThrow(/append-only/)
    expect(() => db.prepare('DELETE FROM audit_event').run()).toThrow(/append-only/)
  })

  it('answers name and ID look-ups from indexes', () => {
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join(' ')
    expect(plan("SELECT * FROM population_record WHERE name_key = 'a'")).toMatch(
      /USING INDEX population_record_name/
    )
    expect(plan("SELECT * FROM population_record WHERE id_number = '1'")).toMatch(
      /population_record_id_number/
    )
    expect(plan("SELECT * FROM source_record WHERE name_key = 'a'")).toMatch(
      /USING INDEX source_record_name/
    )
    expect(plan('SELECT * FROM import_batch WHERE file_sha256 = 1')).toMatch(/import_batch_sha/)
  })
})

describe('migration 002-import-profiles', () => {
  it('keeps existing batches and adds profiles and detection columns', () => {
    const db = new Database(':memory:')
    migrate(db, 1)
    db.prepare(
      `INSERT INTO import_batch (kind, file_name, file_sha256, file_size, rows_read, rows_accepted,
         rows_rejected, created_at) VALUES ('registry', 'old.csv', 'abc', 1, 0, 0, 0, 'then')`
    ).run()
    expect(migrate(db, 2)).toBe(2)
    expect(db.prepare('SELECT file_name, format, sheet FROM import_batch').get()).toEqual({
      file_name: 'old.csv',
      format: 'csv',
      sheet: null
    })
    const insert = db.prepare(
      `INSERT INTO import_profile (name, kind, mapping_json, created_by, created_at, updated_at)
       VALUES (?, 'registry', '{}', 'clerk', 'now', 'now')`
    )
    insert.run('Phần mềm hộ tịch 2015')
    expect(() => insert.run('Phần mềm hộ tịch 2015')).toThrow(/UNIQUE/)
    db.close()
  })
})

describe('migration 003-match', () => {
  it('adds runs, pairs, flags, results and links; filter by flag and grade use indexes', () => {
    const db = new Database(':memory:')
    migrate(db, 2)
    db.prepare(
      `INSERT INTO import_batch (id, kind, file_name, file_sha256, file_size, rows_read, rows_accepted,
         rows_rejected, created_at) VALUES (1, 'registry', 'so.csv', 'abc', 1, 1, 1, 0, 'then')`
    ).run()
    db.prepare(
      `INSERT INTO source_record (id, batch_id, row_number, record_key, raw_json, full_name, name_key)
       VALUES (1, 1, 2, 'HT-1', '{}', 'Nguyễn Văn An', 'nguyen van an')`
    ).run()
    db.prepare(
      `INSERT INTO population_record (id, record_key, full_name, name_key, snapshot_at)
       VALUES (1, 'DC1', 'Nguyễn Văn An', 'nguyen van an', 'then')`
    ).run()
    expect(migrate(db, 3)).toBe(3)
    for (const t of ['match_run', 'candidate_pair', 'pair_flag', 'match_result', 'link']) {
      const sql = db
        .prepare('SELECT sql FROM sqlite_master WHERE name = ?')
        .pluck()
        .get(t) as string
      expect(sql, t).toMatch(/STRICT/)
    }
    db.prepare(
      `INSERT INTO match_run (id, scope, state, params_json, stats_json, source_count, population_count,
         started_by, started_at) VALUES (1, 'all', 'done', '{}', '{}', 1, 1, 'cli', 'now')`
    ).run()
    const pair = db.prepare(
      `INSERT INTO candidate_pair (run_id, source_record_id, population_record_id, rank, probability,
         total_weight, grade, levels_json, weights_json, flags_json) VALUES (1, 1, 1, 1, ?, 30, ?, '{}', '{}', '[]')`
    )
    expect(() => pair.run(1.5, 'certain')).toThrow(/CHECK/)
    expect(() => pair.run(0.99, 'sure')).toThrow(/CHECK/)
    const pairId = Number(pair.run(0.999, 'certain').lastInsertRowid)
    db.prepare("INSERT INTO pair_flag (flag, pair_id) VALUES ('dob_swap', ?)").run(pairId)
    const link = db.prepare(
      `INSERT INTO link (source_record_id, population_record_id, run_id, pair_id, method, grade,
         decided_by, decided_at) VALUES (1, 1, 1, ?, ?, 'certain', 'cli', 'now')`
    )
    link.run(pairId, 'auto')
    // One accepted link per source record: a second one is refused, not silently added.
    expect(() => link.run(pairId, 'user')).toThrow(/UNIQUE/)
    const plan = (sql: string): string =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join('\n')
    expect(plan("SELECT pair_id FROM pair_flag WHERE flag = 'dob_swap'")).toMatch(/PRIMARY KEY/)
    expect(
      plan(
        "SELECT id FROM candidate_pair WHERE run_id = 1 AND grade = 'probable' ORDER BY probability DESC"
      )
    ).toMatch(/candidate_pair_run_grade/)
    // Deleting a run takes its pairs and flags with it.
    db.pragma('foreign_keys = ON')
    db.prepare('DELETE FROM match_run WHERE id = 1').run()
    expect(db.prepare('SELECT count(*) FROM pair_flag').pluck().get()).toBe(0)
    db.close()
  })
})

describe('migration 004-review', () => {
  it('indexes existing population records for quick search and keeps the queue on indexes', () => {
    const db = new Database(':memory:')
    migrate(db, 3)
    db.prepare(
      `INSERT INTO population_record (id, record_key, full_name, name_key, dob, id_number, snapshot_at)
       VALUES (1, 'DC1', 'Nguyễn Văn An', 'nguyen van an', '1990-03-05', '001090012345', 'then')`
    ).run()
    expect(migrate(db, 4)).toBe(4)
    const fts = (q: string): number[] =>
      db
        .prepare('SELECT rowid FROM population_fts WHERE population_fts MATCH ?')
        .pluck()
        .all(q) as number[]
    // Rows that were there before the migration are searchable: by name words, date parts, ID prefix.
    expect(fts('name : an AND name : nguyen')).toEqual([1])
    expect(fts('dob : "1990 03 05"')).toEqual([1])
    expect(fts('ids : "0010" *')).toEqual([1])
    // New and changed rows follow through the triggers.
    db.prepare(
      `INSERT INTO population_record (id, record_key, full_name, name_key, snapshot_at)
       VALUES (2, 'DC2', 'Trần Thị Bình', 'tran thi binh', 'now')`
    ).run()
    expect(fts('name : "bi" *')).toEqual([2])
    db.prepare("UPDATE population_record SET name_key = 'tran thi binh an' WHERE id = 2").run()
    expect(fts('name : an')).toEqual([1, 2])
    db.prepare('DELETE FROM population_record WHERE id = 1').run()
    expect(fts('name : an')).toEqual([2])

    for (const t of [
      'review_state',
      'review_decision',
      'review_item',
      'correction',
      'saved_view'
    ]) {
      const sql = db
        .prepare('SELECT sql FROM sqlite_master WHERE name = ?')
        .pluck()
        .get(t) as string
      expect(sql, t).toMatch(/STRICT/)
    }
    expect(() =>
      db
        .prepare(
          `INSERT INTO correction (uuid, population_key, population_version, side, reason, state,
             proposed_by, proposed_at, updated_at) VALUES ('u1', 'DC2', 1, 'population', 'typo', 'done', 'x', 'now', 'now')`
        )
        .run()
    ).toThrow(/CHECK/)
    const plan = (sql: string): string =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join('\n')
    // The in-memory queue reads a run back as one id range.
    expect(plan('SELECT * FROM review_item WHERE id BETWEEN 1 AND 9')).toMatch(
      /USING INTEGER PRIMARY KEY/
    )
    expect(plan('SELECT * FROM review_item WHERE source_record_id = 1')).toMatch(
      /review_item_source/
    )
    expect(plan("SELECT count(*) FROM correction WHERE state = 'proposed'")).toMatch(
      /correction_state/
    )
    db.close()
  })
})
