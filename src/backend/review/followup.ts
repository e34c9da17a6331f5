// What a person does with a correction the national side refused or found in conflict: propose
// it again on the record as it stands now, re-sign it (a supervisor), or withdraw it. The old
// UUID is never sent again (the gateway answers it with its first result): a resubmission is a
// new correction that names the one it supersedes. Each step is one transaction with its audit.
import { randomUUID } from 'node:crypto'
import { nextState, type CorrectionEvent } from '../../core/review/lifecycle'
import type { PulledRecord } from '../../core/sync/protocol'
import type { CorrectionRow } from '../../shared/api'
import { AppError } from '../../shared/errors'
import type { Db } from '../db/open'
import { approveCorrection, getCorrection, transition, type Decider } from './approve'
import { insertCorrection } from './corrections'

type Fields = Record<string, string | number | null>

const text = (r: Fields | null | undefined, field: string): string | null => {
  const v = r?.[field]
  return v == null ? null : String(v)
}

function open(db: Db, uuid: string, event: CorrectionEvent) {
  const c = getCorrection(db, uuid)
  if (!nextState(c.state, event))
    throw new AppError('illegal_transition', { uuid, state: c.state, event })
  return c
}

/** The item leaves the work list: a person has dealt with the gateway's answer. */
function closeOutbox(db: Db, uuid: string, at: string): void {
  db.prepare(
    `UPDATE outbox SET state = 'closed', updated_at = ?
     WHERE correction_uuid = ? AND state IN ('parked', 'conflict')`
  ).run(at, uuid)
}

const rowOf = (db: Db, uuid: string): CorrectionRow => {
  const { originPackage: _o, ...row } = getCorrection(db, uuid)
  return row
}

/**
 * The population record as it stands now: this database's copy, or the record the gateway sent
 * with its conflict when that is newer (a pull may not have run since). Null when deleted.
 */
function currentRecord(
  db: Db,
  c: { uuid: string; populationKey: string }
): { id: number | null; version: number; fields: Fields } | null {
  const local = db
    .prepare('SELECT * FROM population_record WHERE record_key = ?')
    .get(c.populationKey) as (Fields & { id: number; version: number }) | undefined
  const sent = db
    .prepare('SELECT current_json FROM outbox WHERE correction_uuid = ?')
    .pluck()
    .get(c.uuid) as string | null | undefined
  const theirs = sent ? (JSON.parse(sent) as PulledRecord) : null
  if (theirs && (!local || theirs.version > local.version))
    return theirs.deleted || !theirs.record
      ? null
      : {
          id: local?.id ?? null,
          version: theirs.version,
          fields: theirs.record as unknown as Fields
        }
  return local ? { id: local.id, version: local.version, fields: local } : null
}

/**
 * Propose again: a new correction with the same fields and values, based on the record's current
 * version (each old value read anew), waiting for a supervisor's approval like any proposal.
 * Fields the record already holds are left out; if none is left there is nothing to send.
 */
export function proposeAgain(db: Db, uuid: string, actor: string, at: string): CorrectionRow {
  return db
    .transaction(() => {
      const old = open(db, uuid, 'supersede')
      const current = currentRecord(db, old)
      if (!current) throw new AppError('record_gone', { key: old.populationKey })
      const source =
        old.side === 'local' && old.sourceRecordId !== null
          ? (db.prepare('SELECT * FROM source_record WHERE id = ?').get(old.sourceRecordId) as
              Fields | undefined)
          : undefined
      const fields = old.fields.flatMap((f) => {
        const now =
          old.side === 'population'
            ? text(current.fields, f.field)
            : source
              ? text(source, f.field)
              : f.oldValue
        return now === f.newValue ? [] : [{ field: f.field, oldValue: now, newValue: f.newValue }]
      })
      if (fields.length === 0) throw new AppError('correction_unneeded', { key: old.populationKey })
      const row: CorrectionRow = {
        uuid: randomUUID(),
        sourceRecordId: old.sourceRecordId,
        populationRecordId: current.id,
        populationKey: old.populationKey,
        populationVersion: current.version,
        side: old.side,
        reason: old.reason,
        reasonText: old.reasonText,
        evidence: old.evidence,
        state: 'proposed',
        proposedBy: actor,
        proposedAt: at,
        fields
      }
      insertCorrection(db, row, actor, at, old.uuid)
      transition(db, old, 'supersede', actor, at, { by: row.uuid })
      closeOutbox(db, old.uuid, at)
      return row
    })
    .immediate()
}

/**
 * Re-sign a refused correction (e.g. the gateway did not yet know the supervisor's key): the
 * same proposal under a new UUID, approved and queued by this supervisor, four eyes as always.
 */
export function resignCorrection(db: Db, uuid: string, d: Decider, at: string): CorrectionRow {
  return db
    .transaction(() => {
      const old = getCorrection(db, uuid)
      // A conflict is stale content: it needs a new proposal on the current version, not a new
      // signature on the old one.
      if (old.state !== 'refused')
        throw new AppError('illegal_transition', { uuid, state: old.state, event: 'supersede' })
      const { originPackage: _o, ...copy } = old
      const row: CorrectionRow = { ...copy, uuid: randomUUID(), state: 'proposed' }
      insertCorrection(db, row, d.username, at, old.uuid)
      approveCorrection(db, row.uuid, d, at)
      transition(db, old, 'supersede', d.username, at, { by: row.uuid })
      closeOutbox(db, old.uuid, at)
      return rowOf(db, row.uuid)
    })
    .immediate()
}

/** Withdraw: the correction ends here, nothing more is sent for it. */
export function withdrawCorrection(
  db: Db,
  uuid: string,
  actor: string,
  at: string,
  reason: string | null
): CorrectionRow {
  return db
    .transaction(() => {
      transition(db, open(db, uuid, 'withdraw'), 'withdraw', actor, at, { reason })
      closeOutbox(db, uuid, at)
      return rowOf(db, uuid)
    })
    .immediate()
}
