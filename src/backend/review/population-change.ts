// What a change of a population record does to the work done on its old content: the old content
// kept as a version, the review items that relied on it flagged and reopened, the corrections not
// yet sent taken back. Called by every path that changes a record (import, sync pull), in its
// transaction.
import type { FieldChange } from '../../core/import/population-version'
import { PERSON_FIELDS } from '../../shared/fields'
import type { CorrectionState } from '../../shared/review'
import { appendAudit } from '../audit/audit'
import type { Db } from '../db/open'
import { transition } from './approve'
import { applyDecision, reviewStateOf } from './decide'
import { flagMask } from './queue'

/** What changed the record: an import of a newer extract (its batch), or a sync pull. */
export type ChangeCause = { cause: 'import'; batchId: number } | { cause: 'sync' }

/** A population record as held before the change (its row). */
export interface HeldRecord {
  id: number
  record_key: string
  version: number
  batch_id: number | null
  row_number: number | null
  snapshot_at: string
  raw_json: string | null
  [field: string]: string | number | null
}

export interface RecordChange {
  populationRecordId: number
  recordKey: string
  fromVersion: number
  toVersion: number
  fields: FieldChange[]
}

export interface ChangeOutcome {
  /** Source records flagged as relying on the old content. */
  flagged: number[]
  /** Those among them a clerk had decided on, now open again. */
  reopened: number[]
  /** Corrections not yet sent, taken back. */
  takenBack: string[]
}

/** The flag's bit in review_item.flag_mask. */
const CHANGED_BIT = flagMask(['population_changed'])

/** Corrections the change takes back: everything before the send. */
const UNSENT: readonly CorrectionState[] = ['proposed', 'approved', 'queued']

function statements(db: Db) {
  return {
    keep: db.prepare(
      `INSERT INTO population_record_version (population_record_id, record_key, version,
         fields_json, raw_json, batch_id, row_number, snapshot_at, replaced_at, replaced_by_version,
         cause, cause_batch_id)
       VALUES (@id, @key, @version, @fields, @raw, @batch, @row, @snapshot, @at, @to, @cause,
         @causeBatch)`
    ),
    links: db.prepare(
      `SELECT source_record_id AS src, population_version AS version FROM link
       WHERE population_record_id = ? ORDER BY source_record_id`
    ),
    decided: db
      .prepare(
        `SELECT source_record_id FROM review_state
         WHERE population_record_id = ? AND state <> 'open' ORDER BY source_record_id`
      )
      .pluck(),
    corrections: db.prepare(
      `SELECT c.uuid, c.state, c.source_record_id AS src, c.population_version AS version,
         o.state AS outbox
       FROM correction c LEFT JOIN outbox o ON o.correction_uuid = c.uuid
       WHERE c.population_record_id = ? AND c.state IN (${UNSENT.map(() => '?').join(', ')})
       ORDER BY c.proposed_at, c.uuid`
    ),
    closeOutbox: db.prepare(
      `UPDATE outbox SET state = 'closed', updated_at = ? WHERE correction_uuid = ? AND state = 'pending'`
    ),
    flag: db.prepare(
      `INSERT INTO review_population_change (source_record_id, population_record_id, from_version,
         to_version, cause, changed_at) VALUES (@src, @pop, @from, @to, @cause, @at)
       ON CONFLICT (source_record_id) DO UPDATE SET to_version = excluded.to_version,
         cause = excluded.cause, changed_at = excluded.changed_at,
         from_version = CASE WHEN review_population_change.population_record_id = excluded.population_record_id
           THEN min(review_population_change.from_version, excluded.from_version)
           ELSE excluded.from_version END,
         population_record_id = excluded.population_record_id`
    ),
    flagItems: db.prepare(
      'UPDATE review_item SET flag_mask = flag_mask | ? WHERE source_record_id = ?'
    )
  }
}

const cache = new WeakMap<Db, ReturnType<typeof statements>>()
function stmts(db: Db): ReturnType<typeof statements> {
  let s = cache.get(db)
  if (!s) cache.set(db, (s = statements(db)))
  return s
}

/** Keep the content a change is about to replace (before the record's UPDATE, in its transaction). */
export function keepVersion(
  db: Db,
  held: HeldRecord,
  toVersion: number,
  cause: ChangeCause,
  at: string
): void {
  const fields: Record<string, string | number | null> = {}
  for (const f of PERSON_FIELDS) fields[f] = held[f] ?? null
  stmts(db).keep.run({
    id: held.id,
    key: held.record_key,
    version: held.version,
    fields: JSON.stringify(fields),
    raw: held.raw_json,
    batch: held.batch_id,
    row: held.row_number,
    snapshot: held.snapshot_at,
    at,
    to: toVersion,
    cause: cause.cause,
    causeBatch: cause.cause === 'import' ? cause.batchId : null
  })
}

/**
 * The work done on the old content goes back to review; nothing is re-pointed to another record.
 * Links and decisions on the record, and the source records of its unsent corrections, are
 * flagged `population_changed` (with the version the work was done on); a decided one is reopened
 * (a `reopen` decision in its history); a correction not yet sent is taken back (`outdated`: the
 * supervisor's signature covers content that no longer holds). A correction already on its way
 * is left to the national side, which answers it by its base version. One audit event says what
 * the change touched. `ownChange`: the change is what an accepted correction of ours asked for
 * (pulled back from the national side): the links and decisions on the record stand, but the
 * other corrections not yet sent were made on the version before it and are taken back all the same.
 */
export function settleChange(
  db: Db,
  change: RecordChange,
  cause: ChangeCause,
  actor: string,
  at: string,
  o: { ownChange?: boolean } = {}
): ChangeOutcome {
  const s = stmts(db)
  const P = change.populationRecordId
  // Source record → the version its work was done on (the oldest when there are several).
  const affected = new Map<number, number>()
  const touch = (src: number, version: number | null): void => {
    const v = version ?? change.fromVersion
    const before = affected.get(src)
    affected.set(src, before === undefined ? v : Math.min(before, v))
  }
  if (!o.ownChange) {
    for (const l of s.links.all(P) as { src: number; version: number | null }[])
      touch(l.src, l.version)
    for (const src of s.decided.all(P) as number[]) touch(src, null)
  }

  const takenBack: string[] = []
  const corrections = s.corrections.all(P, ...UNSENT) as {
    uuid: string
    state: CorrectionState
    src: number | null
    version: number
    outbox: string | null
  }[]
  for (const c of corrections) {
    // Marked sent by a sync run: the request may be on the wire and the gateway may take it.
    if (c.outbox === 'sent') continue
    transition(db, { uuid: c.uuid, state: c.state }, 'outdate', actor, at, {
      reason: 'population_changed',
      baseVersion: c.version,
      version: change.toVersion
    })
    s.closeOutbox.run(at, c.uuid)
    takenBack.push(c.uuid)
    if (c.src !== null) touch(c.src, c.version)
  }

  const flagged: number[] = []
  const reopened: number[] = []
  for (const [src, from] of affected) {
    s.flag.run({
      src,
      pop: P,
      from: Math.min(from, change.fromVersion),
      to: change.toVersion,
      cause: cause.cause,
      at
    })
    s.flagItems.run(CHANGED_BIT, src)
    flagged.push(src)
    if (reviewStateOf(db, src) !== 'open') {
      applyDecision(db, {
        sourceRecordId: src,
        action: 'reopen',
        runId: null,
        actor,
        bulk: true, // the audit event below lists them
        at
      })
      reopened.push(src)
    }
  }
  if (flagged.length > 0 || takenBack.length > 0)
    appendAudit(db, {
      actor,
      action: 'population/changed',
      entity: 'population_record',
      entityId: change.recordKey,
      at,
      detail: {
        populationRecordId: P,
        cause: cause.cause,
        batchId: cause.cause === 'import' ? cause.batchId : null,
        fromVersion: change.fromVersion,
        toVersion: change.toVersion,
        fields: change.fields.map((f) => f.field),
        flagged,
        reopened,
        takenBack
      }
    })
  return { flagged, reopened, takenBack }
}
