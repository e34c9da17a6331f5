// Migration 005 (users' keys, trusted keys, approvals, review packages) on a database from version 4.
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../src/backend/db/open'
import { listUsers } from '../../src/backend/auth/users'

describe('migration 005-auth', () => {
  it('extends app_user in place, adds STRICT approval and package tables, approvals append-only', () => {
    const db = new Database(':memory:')
    migrate(db, 4)
    // A user row as version 1 allowed it (never written by the app before 005: no hash, no key).
    db.prepare(
      "INSERT INTO app_user (id, username, display_name, role, created_at) VALUES (1, 'cu', 'Cũ', 'clerk', 'then')"
    ).run()
    db.prepare(
      `INSERT INTO correction (uuid, population_key, population_version, side, reason, state,
         proposed_by, proposed_at, updated_at) VALUES ('u1', 'DC1', 1, 'population', 'typo', 'proposed', 'x', 'now', 'now')`
    ).run()
    expect(migrate(db, 5)).toBe(5)
    const cols = (t: string): string[] =>
      (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name)
    expect(cols('app_user')).toEqual(
      expect.arrayContaining([
        'key_salt',
        'private_key_enc',
        'fingerprint',
        'failed_count',
        'locked_until'
      ])
    )
    expect(cols('correction')).toContain('origin_package')
    // The old row survives, but without a key it is not listed and cannot sign in.
    expect(db.prepare('SELECT failed_count FROM app_user WHERE id = 1').pluck().get()).toBe(0)
    expect(listUsers(db, Date.now())).toEqual([])
    for (const t of ['trusted_key', 'approval', 'review_package', 'package_item']) {
      const sql = db
        .prepare('SELECT sql FROM sqlite_master WHERE name = ?')
        .pluck()
        .get(t) as string
      expect(sql, t).toMatch(/STRICT/)
    }
    db.prepare(
      `INSERT INTO approval (correction_uuid, decision, decided_by, decided_at, payload_json, signature, public_key)
       VALUES ('u1', 'approve', 's', 'now', '{}', 'sig', 'key')`
    ).run()
    expect(() => db.prepare("UPDATE approval SET signature = 'x'").run()).toThrow(/append-only/)
    expect(() =>
      db
        .prepare(
          `INSERT INTO approval (correction_uuid, decision, decided_by, decided_at, payload_json, signature, public_key)
           VALUES ('u1', 'maybe', 's', 'now', '{}', 'sig', 'key')`
        )
        .run()
    ).toThrow(/CHECK/)
    const plan = (
      db
        .prepare(
          "EXPLAIN QUERY PLAN SELECT * FROM approval WHERE correction_uuid = 'u1' ORDER BY id DESC"
        )
        .all() as { detail: string }[]
    )
      .map((r) => r.detail)
      .join('\n')
    expect(plan).toMatch(/approval_correction/)
    db.close()
  })
})
