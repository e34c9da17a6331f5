// The audit chain on an encrypted database: every import, match run, decision and proposal writes an
// event; `doisoat audit verify` names the first broken link after an edit, a deletion or a swap
// made the way an attacker would (triggers dropped, or the file's bytes edited).
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appendAudit, verifyAudit } from '../../src/backend/audit/audit'
import { keyFilePath } from '../../src/backend/crypto/key-file'
import { unlockDatabase } from '../../src/backend/crypto/unlock'
import { openDb, type Db } from '../../src/backend/db/open'
import { main } from '../../src/cli/main'
import { valueOf } from '../helpers/api'
import { generatedCommune } from '../helpers/commune'
import { tempDir } from '../helpers/tmp'

const dir = tempDir()
const base = join(dir, 'audit.db')
const passphrase = 'chuỗi kiểm toán'
const saved = process.env.DOISOAT_PASSPHRASE
const fast = { N: 1 << 12, r: 8, p: 1 }

async function verify(path: string, lang = 'vi') {
  const out: string[] = []
  const err: string[] = []
  const code = await main(['audit', 'verify', '--db', path, '--lang', lang], {
    out: (l) => out.push(l),
    err: (l) => err.push(l)
  })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

let n = 0
/** A copy of the database (and its key file), tampered with by `attack` with the triggers gone. */
function tampered(attack: (db: Db) => void): string {
  const path = join(dir, `t${n++}.db`)
  copyFileSync(base, path)
  copyFileSync(keyFilePath(base), keyFilePath(path))
  const { key } = unlockDatabase(path, { passphrase })
  const db = openDb(path, { key })
  db.exec('DROP TRIGGER audit_event_no_update; DROP TRIGGER audit_event_no_delete;')
  attack(db)
  db.close()
  return path
}

beforeAll(async () => {
  process.env.DOISOAT_PASSPHRASE = passphrase
  const { backend, clerk } = await generatedCommune({
    dbPath: base,
    population: 3000,
    registry: 500,
    seed: 9,
    create: (path) => unlockDatabase(path, {}, { create: { passphrase, scrypt: fast } }),
    // Two worker threads: each opens the encrypted database with the key it was handed.
    workers: 2,
    clerk: 'clerk.audit'
  })
  const queue = await clerk.call('review/queue', {
    startRow: 0,
    endRow: 50,
    filter: { state: ['open', 'auto_accepted'] }
  })
  const { rows } = valueOf('review/queue', queue)
  const row = rows.find((r) => r.populationRecordId !== null)!
  const decided = await clerk.call('review/decide', {
    sourceRecordId: row.sourceRecordId,
    action: 'accept'
  })
  expect(decided.ok).toBe(true)
  const proposed = await clerk.call('corrections/propose', {
    sourceRecordId: row.sourceRecordId,
    populationRecordId: row.populationRecordId,
    side: 'population',
    fields: [{ field: 'full_name' }],
    reason: 'typo'
  })
  expect(proposed.ok, JSON.stringify(proposed)).toBe(true)
  await backend.close()
  const db = openDb(base)
  for (let i = 0; i < 3; i++)
    appendAudit(db, { actor: 'test', action: 'note', detail: { text: `Ghi chú số ${i}` } })
  db.close()
}, 120_000)

afterAll(() => {
  if (saved === undefined) delete process.env.DOISOAT_PASSPHRASE
  else process.env.DOISOAT_PASSPHRASE = saved
})

describe('audit chain', () => {
  it('has an event for every import, match run, decision and proposal, and verifies', async () => {
    const db = openDb(base, { readonly: true })
    const all = db.prepare('SELECT action FROM audit_event ORDER BY id').pluck().all() as string[]
    db.close()
    // Sign-ins and account creation are audited too; this test is about the data work.
    const actions = all.filter((a) => !/^(auth|user)\//.test(a))
    expect(all.length - actions.length).toBeGreaterThan(0)
    expect(actions).toEqual([
      'import',
      'import',
      'match',
      'review/accept',
      'correction/propose',
      'note',
      'note',
      'note'
    ])
    const r = await verify(base)
    expect(r).toMatchObject({
      code: 0,
      out: expect.stringContaining(`nguyên vẹn: ${all.length} sự kiện`)
    })
  })

  it('refuses UPDATE and DELETE at the database level, and no code path writes either', () => {
    const db = openDb(base)
    expect(() => db.prepare("UPDATE audit_event SET actor = 'x' WHERE id = 1").run()).toThrow(
      /append-only/
    )
    expect(() => db.prepare('DELETE FROM audit_event WHERE id = 8').run()).toThrow(/append-only/)
    db.close()
    const sources = (d: string): string[] =>
      readdirSync(d, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? sources(join(d, e.name))
          : /\.(ts|tsx|cjs)$/.test(e.name) && !e.name.endsWith('.test.ts')
            ? [join(d, e.name)]
            : []
      )
    const writers = sources(join(__dirname, '../../src')).filter((f) =>
      /(UPDATE\s+audit_event|DELETE\s+FROM\s+audit_event|REPLACE\s+INTO\s+audit_event)/i.test(
        readFileSync(f, 'utf8')
      )
    )
    expect(writers).toEqual([])
  })

  it('names an edited row: one byte of its detail changed', async () => {
    const db = openDb(base, { readonly: true })
    const id = db
      .prepare("SELECT id FROM audit_event WHERE detail_json LIKE '%số 1%'")
      .pluck()
      .get() as number
    db.close()
    const path = tampered((db) =>
      db.exec(
        `UPDATE audit_event SET detail_json = replace(detail_json, 'số 1', 'số 7') WHERE id = ${id}`
      )
    )
    const r = await verify(path)
    expect(r.code).toBe(1)
    expect(r.err).toContain(`BỊ PHÁ tại sự kiện số ${id}`)
    expect(r.err).toContain('đã bị sửa')
    expect(r.err).toContain(`${id - 1} sự kiện trước đó vẫn đúng`)
    expect((await verify(path, 'en')).err).toContain(`BROKEN at event ${id}`)
  })

  it('names the row after a deleted one', async () => {
    const path = tampered((db) => db.exec('DELETE FROM audit_event WHERE id = 4'))
    const r = await verify(path)
    expect(r.code).toBe(1)
    expect(r.err).toContain('tại sự kiện số 5')
    expect(r.err).toContain('bị thiếu (đã bị xóa) — thiếu các số 4–4')
  })

  it('names a swap of two rows', async () => {
    const path = tampered((db) => {
      const cols = 'at, actor, action, entity, entity_id, detail_json, prev_hash, hash'
      const a = db.prepare(`SELECT ${cols} FROM audit_event WHERE id = 3`).get() as object
      const b = db.prepare(`SELECT ${cols} FROM audit_event WHERE id = 4`).get() as object
      const set = db.prepare(
        `UPDATE audit_event SET at = @at, actor = @actor, action = @action, entity = @entity,
         entity_id = @entity_id, detail_json = @detail_json, prev_hash = @prev_hash,
         hash = @hash WHERE id = @id`
      )
      db.transaction(() => {
        set.run({ ...a, id: 3, hash: 'swap' })
        set.run({ ...a, id: 4 })
        set.run({ ...b, id: 3 })
      })()
    })
    const r = await verify(path, 'en')
    expect(r.code).toBe(1)
    expect(r.err).toContain('BROKEN at event 3')
    expect(r.err).toContain('belongs after event 4')
  })

  it('names a row whose bytes were edited in the file itself (an unencrypted copy)', () => {
    const path = join(dir, 'clear.db')
    const db = openDb(path, { key: null })
    for (let i = 0; i < 5; i++)
      appendAudit(db, { actor: 'clerk', action: 'note', detail: { text: `Sự kiện thứ ${i}` } })
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.close()
    const bytes = readFileSync(path)
    const at = bytes.indexOf(Buffer.from('Sự kiện thứ 2'))
    expect(at).toBeGreaterThan(0)
    bytes[at] = bytes[at]! ^ 0x20 // 'S' -> 's'
    writeFileSync(path, bytes)
    const again = openDb(path, { key: null, readonly: true })
    expect(verifyAudit(again)).toMatchObject({
      ok: false,
      brokenAt: 3,
      problem: 'hash_mismatch',
      checked: 2
    })
    again.close()
  })
})
