// The outbox row is written in the approval's transaction: both commit, or neither.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAudit } from '../../src/backend/audit/audit'
import { newKeyPair } from '../../src/backend/auth/crypto'
import { openDb, type Db } from '../../src/backend/db/open'
import { approveCorrection, signedApprovalOf, type Decider } from '../../src/backend/review/approve'
import { tickHlc } from '../../src/backend/sync/outbox'
import { compareHlc, parseHlc } from '../../src/core/sync/hlc'
import { tempDir } from '../helpers/tmp'

const dir = tempDir('doisoat-outbox-')
let db: Db
const key = newKeyPair()
const sup: Decider = {
  username: 'giamsat',
  role: 'supervisor',
  privateKey: key.privateKey,
  publicKey: key.publicKey
}

function proposed(uuid: string): void {
  db.prepare(
    `INSERT INTO correction (uuid, population_key, population_version, side, reason, state,
       proposed_by, proposed_at, updated_at)
     VALUES (?, 'DC1', 2, 'population', 'typo', 'proposed', 'canbo', '2026-11-27T01:00:00.000Z', 'then')`
  ).run(uuid)
  db.prepare(
    `INSERT INTO correction_field (correction_uuid, field, old_value, new_value)
     VALUES (?, 'full_name', 'Nguyen Van An', 'Nguyễn Văn An')`
  ).run(uuid)
}

const count = (sql: string, ...p: unknown[]): number =>
  db
    .prepare(sql)
    .pluck()
    .get(...p) as number

beforeAll(() => {
  db = openDb(join(dir, 'o.db'))
})
afterAll(() => db.close())

describe('outbox', () => {
  it('an approval queues the signed approval with an HLC time, in the same transaction', () => {
    const uuid = '00000000-0000-4000-8000-000000000001'
    proposed(uuid)
    expect(approveCorrection(db, uuid, sup, '2026-11-27T02:00:00.000Z')).toBe('queued')
    const row = db.prepare('SELECT * FROM outbox WHERE correction_uuid = ?').get(uuid) as {
      payload_json: string
      state: string
      hlc: string
      attempts: number
    }
    expect(row.state).toBe('pending')
    expect(row.attempts).toBe(0)
    // Exactly the wire form of the stored approval.
    expect(JSON.parse(row.payload_json)).toEqual(signedApprovalOf(db, uuid))
    expect(parseHlc(row.hlc)?.wall).toBe(Date.parse('2026-11-27T02:00:00.000Z'))
  })

  it('device times never go back, even when the wall clock does', () => {
    const a = parseHlc(tickHlc(db, 5_000_000))!
    const b = parseHlc(tickHlc(db, 1_000))!
    expect(compareHlc(a, b)).toBeLessThan(0)
  })

  it('when the outbox insert fails, the approval, state change and audit events roll back', () => {
    const uuid = '00000000-0000-4000-8000-000000000002'
    proposed(uuid)
    const audit = count('SELECT count(*) FROM audit_event')
    // A write failure on the outbox only (as a full disk would), on this connection.
    db.exec(
      "CREATE TEMP TRIGGER outbox_fails BEFORE INSERT ON main.outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    try {
      expect(() => approveCorrection(db, uuid, sup, '2026-11-27T03:00:00.000Z')).toThrow(
        /disk full/
      )
    } finally {
      db.exec('DROP TRIGGER temp.outbox_fails')
    }
    expect(db.prepare('SELECT state FROM correction WHERE uuid = ?').pluck().get(uuid)).toBe(
      'proposed'
    )
    expect(count('SELECT count(*) FROM approval WHERE correction_uuid = ?', uuid)).toBe(0)
    expect(count('SELECT count(*) FROM outbox WHERE correction_uuid = ?', uuid)).toBe(0)
    expect(count('SELECT count(*) FROM audit_event')).toBe(audit)
    // And the same approval goes through once the disk is fine again.
    expect(approveCorrection(db, uuid, sup, '2026-11-27T03:00:00.000Z')).toBe('queued')
    expect(count('SELECT count(*) FROM outbox WHERE correction_uuid = ?', uuid)).toBe(1)
    expect(verifyAudit(db).ok).toBe(true)
  })
})
