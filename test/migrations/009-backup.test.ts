// Migration 009 (backup settings, backup log, retired signing keys) on a database from version 8.
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../src/backend/db/open'

describe('migration 009-backup', () => {
  it('adds STRICT tables for backup settings, the backup log and retired keys; data is kept', () => {
    const db = new Database(':memory:')
    migrate(db, 8)
    db.prepare(
      `INSERT INTO app_user (username, display_name, role, password_hash, created_at)
       VALUES ('quantri', 'Quản trị', 'admin', 'x', 'then')`
    ).run()
    expect(migrate(db, 9)).toBe(9)
    for (const t of ['backup_setting', 'backup_log', 'retired_user_key'])
      expect(db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(t), t).toMatch(
        /STRICT/
      )
    expect(db.prepare('SELECT count(*) FROM app_user').pluck().get()).toBe(1)

    const setting = db.prepare('INSERT INTO backup_setting (key, value) VALUES (?, ?)')
    setting.run('folder', '/media/usb')
    expect(() => setting.run('password', 'x')).toThrow(/CHECK/)
    const log = db.prepare(
      `INSERT INTO backup_log (reason, started_at, finished_at, actor, folder, file, ok, snapshot_json)
       VALUES (?, 'a', 'b', 'canbo', '/media/usb', ?, ?, ?)`
    )
    log.run('manual', 'doisoat-x.bak', 1, '{}')
    log.run('scheduled', null, 0, null)
    // A good backup always names its file and what it held.
    expect(() => log.run('manual', null, 1, null)).toThrow(/CHECK/)
    expect(() => log.run('whenever', 'f.bak', 1, '{}')).toThrow(/CHECK/)
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT * FROM backup_log WHERE ok = 1 ORDER BY id DESC LIMIT 1')
      .all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/backup_log_good/)
    db.prepare(
      `INSERT INTO retired_user_key (fingerprint, username, role, public_key, retired_at, retired_by)
       VALUES ('ab', 'giamsat', 'supervisor', 'k', 'now', 'quantri')`
    ).run()
    db.close()
  })
})
