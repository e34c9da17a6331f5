// Errors reach people as sentences: a database error, a constraint or a malformed address becomes a
// message in Vietnamese or English, never the system's own text or a path; the details go to the
// error log beside the database, under the incident id the message shows.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ERROR_CODES } from '../../src/shared/errors'
import { en } from '../../src/shared/i18n/en'
import { vi } from '../../src/shared/i18n/vi'
import { tr } from '../../src/shared/i18n'
import { toErrorShape } from '../../src/backend/errors'
import { ERROR_LOG_NAME } from '../../src/backend/error-log'
import { createBackend } from '../../src/backend/host'
import { openDb } from '../../src/backend/db/open'
import { main } from '../../src/cli/main'
import { encryptedDatabase } from '../helpers/encrypted'
import { tempDir } from '../helpers/tmp'
import { signInAs } from '../helpers/users'

const dir = tempDir('doisoat-errors-')
const dbPath = join(dir, 'errors.db')
const backend = createBackend({ dbPath, syncProbeMs: 0 })
afterAll(() => backend.close())

const log = (): string => readFileSync(join(dir, ERROR_LOG_NAME), 'utf8')

describe('errors at the handler boundary', () => {
  it('an unexpected database error: a plain message with an incident id, the details in the log', async () => {
    const admin = await signInAs(backend, 'quantri', 'admin')
    const db = openDb(dbPath)
    db.exec('DROP TABLE trusted_key')
    db.close()
    const r = await admin.call('trust/list', {})
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('internal')
    const incident = String(r.error.params?.incident)
    expect(incident).toMatch(/^[0-9A-F]{8}$/)
    expect(r.error.message).toContain(incident)
    expect(r.error.message).not.toMatch(/no such table|trusted_key|SQLITE/)
    expect(r.error.message).not.toContain(dir)
    const entry = log()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { incident: string; context: string; message: string })
      .find((e) => e.incident === incident)
    expect(entry).toMatchObject({
      context: 'trust/list',
      message: expect.stringContaining('no such table')
    })
  })

  it('a constraint the database enforces: "this clashes with data already there", not UNIQUE constraint failed', async () => {
    const admin = await signInAs(backend, 'quantri', 'admin')
    const db = openDb(dbPath)
    db.exec(`CREATE TABLE trusted_key (fingerprint TEXT PRIMARY KEY, username TEXT, role TEXT,
      added_by TEXT, added_at TEXT)`)
    db.exec(`CREATE TRIGGER clash BEFORE INSERT ON trusted_key
      BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: trusted_key.fingerprint'); END`)
    db.close()
    const r = await admin.call('trust/add', {
      fingerprint: 'a'.repeat(64),
      username: 'giamsat',
      role: 'supervisor'
    })
    expect(!r.ok && r.error.code).toBe('conflict')
    expect(!r.ok && r.error.message).not.toContain('UNIQUE')
    expect(log()).toContain('UNIQUE constraint failed: trusted_key.fingerprint')
  })

  it('a malformed address (URIError) is a bad request, said in words', () => {
    const shape = toErrorShape(new URIError('URI malformed'), 'web')
    expect(shape.code).toBe('bad_request')
    expect(tr('errors.bad_request', shape.params, 'en')).not.toContain('URI malformed')
  })

  it('every error code has its own Vietnamese and English message, with no raw detail slot', () => {
    const vie = vi.errors as Record<string, string>
    const eng = en.errors as Record<string, string>
    for (const code of ERROR_CODES) {
      expect(vie[code], code).toBeTruthy()
      expect(eng[code], code).toBeTruthy()
    }
    expect(eng.internal).not.toContain('{{detail}}')
  })
})

describe('the CLI', () => {
  it('an unexpected error: the plain message, the incident, where the log is; exit 1', async () => {
    const db = join(dir, 'cli.db')
    const restore = encryptedDatabase(db)
    try {
      const conn = openDb(db)
      conn.exec('DROP TABLE audit_event')
      conn.close()
      const err: string[] = []
      const code = await main(['audit', 'verify', '--db', db, '--lang', 'en'], {
        out: () => undefined,
        err: (l) => err.push(l)
      })
      expect(code).toBe(1)
      const text = err.join('\n')
      expect(text).toContain('An unexpected error stopped this')
      expect(text).not.toMatch(/no such table|SqliteError/)
      expect(text).toContain(join(dir, ERROR_LOG_NAME))
    } finally {
      restore()
    }
  })
})
