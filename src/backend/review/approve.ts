// Four-eyes approval: state changes by the lifecycle, signatures over approvalBytes, one transaction each.
import type { KeyObject } from 'node:crypto'
import { canonicalJson, type Json } from '../../core/canonical-json'
import { approvalRefusal, nextState, type CorrectionEvent } from '../../core/review/lifecycle'
import { approvalBytes, type ApprovalPayload } from '../../core/review/signed-correction'
import type { ApprovalCheck, ApprovalFilter, ApprovalItem, CorrectionRow } from '../../shared/api'
import { AppError } from '../../shared/errors'
import { PERSON_FIELDS } from '../../shared/fields'
import type { ApprovalDecision, CorrectionState } from '../../shared/review'
import type { UserRole } from '../../shared/roles'
import { appendAudit } from '../audit/audit'
import { fingerprintOf, signBytes, verifyBytes } from '../auth/crypto'
import { displayNameOf, trustedKey } from '../auth/users'
import type { Db } from '../db/open'
import { enqueueOutbox } from '../sync/outbox'

interface CorrectionDb extends CorrectionRow {
  originPackage: string | null
}

const SELECT = `SELECT uuid, source_record_id AS sourceRecordId,
  population_record_id AS populationRecordId, population_key AS populationKey,
  population_version AS populationVersion, side, reason, reason_text AS reasonText, evidence, state,
  proposed_by AS proposedBy, proposed_at AS proposedAt, origin_package AS originPackage
  FROM correction c`

function withFields<T extends { uuid: string }>(
  db: Db,
  rows: T[]
): (T & Pick<CorrectionRow, 'fields'>)[] {
  const fields = db.prepare(
    `SELECT field, old_value AS oldValue, new_value AS newValue FROM correction_field
     WHERE correction_uuid = ? ORDER BY field`
  )
  return rows.map((r) => ({ ...r, fields: fields.all(r.uuid) as CorrectionRow['fields'] }))
}

export function getCorrection(db: Db, uuid: string): CorrectionDb {
  const row = db.prepare(`${SELECT} WHERE uuid = ?`).get(uuid) as
    Omit<CorrectionDb, 'fields'> | undefined
  if (!row) throw new AppError('not_found', { what: 'correction', id: uuid })
  return withFields(db, [row])[0]!
}

/** The proposer's key fingerprint: from the package it came in, or the local user's key. */
function proposerKey(db: Db, c: CorrectionDb): string | null {
  if (c.originPackage)
    return (
      (db
        .prepare(
          'SELECT proposer_fingerprint FROM package_item WHERE package_id = ? AND correction_uuid = ?'
        )
        .pluck()
        .get(c.originPackage, c.uuid) as string | undefined) ?? null
    )
  return (
    (db.prepare('SELECT fingerprint FROM app_user WHERE username = ?').pluck().get(c.proposedBy) as
      string | undefined) ?? null
  )
}

/** Moves a correction by one lifecycle event, or refuses; writes the state and an audit event. */
export function transition(
  db: Db,
  c: { uuid: string; state: CorrectionState },
  event: CorrectionEvent,
  actor: string,
  at: string,
  detail: Record<string, string | number | null> = {}
): CorrectionState {
  const to = nextState(c.state, event)
  if (!to) throw new AppError('illegal_transition', { uuid: c.uuid, state: c.state, event })
  const changed = db
    .prepare('UPDATE correction SET state = ?, updated_at = ? WHERE uuid = ? AND state = ?')
    .run(to, at, c.uuid, c.state).changes
  // Another writer moved it first: the state we checked no longer holds.
  if (changed !== 1)
    throw new AppError('illegal_transition', { uuid: c.uuid, state: c.state, event })
  appendAudit(db, {
    actor,
    action: `correction/${event}`,
    entity: 'correction',
    entityId: c.uuid,
    at,
    detail: { from: c.state, to, ...detail }
  })
  c.state = to
  return to
}

/** What an approval of this correction by `by` at `at` vouches for (DESIGN §7, gateway contract). */
export function payloadOf(c: CorrectionRow, by: string, at: string): ApprovalPayload {
  return {
    uuid: c.uuid,
    populationKey: c.populationKey,
    baseVersion: c.populationVersion,
    side: c.side,
    fields: c.fields.map((f) => ({ field: f.field, oldValue: f.oldValue, newValue: f.newValue })),
    reason: c.reason,
    evidence: c.evidence,
    proposedBy: c.proposedBy,
    proposedAt: c.proposedAt,
    approvedBy: by,
    approvedAt: at
  }
}

/** A rejection is signed too, so a decisions file cannot turn one into the other. */
export interface RejectionPayload {
  type: 'rejection'
  uuid: string
  populationKey: string
  baseVersion: number
  reason: string
  rejectedBy: string
  rejectedAt: string
}

export function rejectionBytes(p: RejectionPayload): Uint8Array {
  return new TextEncoder().encode(canonicalJson({ ...p }))
}

export interface Decider {
  username: string
  role: UserRole
  /** Present when deciding here; absent when applying a signature made on another machine. */
  privateKey: KeyObject | null
  publicKey: string
}

export interface SignedDecision {
  payload: ApprovalPayload | RejectionPayload
  signature: string
}

function decide(
  db: Db,
  uuid: string,
  d: Decider,
  decision: ApprovalDecision,
  reason: string | null,
  at: string,
  signed: SignedDecision | null,
  packageId: string | null
): CorrectionState {
  const c = getCorrection(db, uuid)
  const fingerprint = fingerprintOf(d.publicKey)
  const refusal = approvalRefusal({
    role: d.role,
    decider: d.username,
    proposer: c.proposedBy,
    deciderKey: fingerprint,
    proposerKey: proposerKey(db, c)
  })
  if (refusal) throw new AppError(refusal, { uuid })
  // Signed over content the record no longer has: never (it was taken back, or, proposed before
  // versions were kept, its record has moved on since).
  const current =
    c.populationRecordId === null
      ? undefined
      : (db
          .prepare('SELECT version FROM population_record WHERE id = ?')
          .pluck()
          .get(c.populationRecordId) as number | undefined)
  const stale = decision === 'approve' && current !== undefined && current > c.populationVersion
  if (c.state === 'outdated' || stale)
    throw new AppError('population_changed', { key: c.populationKey })
  if (!nextState(c.state, decision))
    throw new AppError('illegal_transition', { uuid, state: c.state, event: decision })

  let payload: ApprovalPayload | RejectionPayload
  let bytes: Uint8Array
  if (decision === 'approve') {
    const p = payloadOf(c, d.username, signed ? (signed.payload as ApprovalPayload).approvedAt : at)
    payload = p
    bytes = approvalBytes(p)
  } else {
    const p: RejectionPayload = {
      type: 'rejection',
      uuid,
      populationKey: c.populationKey,
      baseVersion: c.populationVersion,
      reason: reason ?? '',
      rejectedBy: d.username,
      rejectedAt: signed ? (signed.payload as RejectionPayload).rejectedAt : at
    }
    payload = p
    bytes = rejectionBytes(p)
  }
  let signature: string
  if (signed) {
    // A signature made elsewhere must cover exactly what this database holds.
    const theirs =
      decision === 'approve'
        ? approvalBytes(signed.payload as ApprovalPayload)
        : rejectionBytes(signed.payload as RejectionPayload)
    if (Buffer.compare(Buffer.from(theirs), Buffer.from(bytes)) !== 0)
      throw new AppError('signature_invalid', { uuid, problem: 'payload_mismatch' })
    if (!verifyBytes(d.publicKey, bytes, signed.signature))
      throw new AppError('signature_invalid', { uuid, problem: 'bad_signature' })
    signature = signed.signature
  } else {
    if (!d.privateKey) throw new AppError('signature_invalid', { uuid, problem: 'no_key' })
    signature = signBytes(d.privateKey, bytes)
  }
  const decidedAt =
    decision === 'approve'
      ? (payload as ApprovalPayload).approvedAt
      : (payload as RejectionPayload).rejectedAt
  db.prepare(
    `INSERT INTO approval (correction_uuid, decision, reason, decided_by, decided_at, payload_json,
       signature, public_key, package_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(
    uuid,
    decision,
    reason,
    d.username,
    decidedAt,
    canonicalJson(payload as unknown as Json),
    signature,
    d.publicKey,
    packageId
  )
  const detail = { signature, fingerprint, packageId, reason }
  transition(db, c, decision, d.username, at, detail)
  // A local proposal goes straight to the sync queue: its outbox row is written here, in this
  // transaction. One that came in a review package goes back to its clerk in a decisions file.
  if (decision === 'approve' && !c.originPackage) {
    transition(db, c, 'queue', d.username, at)
    enqueueOutbox(
      db,
      { payload: payload as ApprovalPayload, signature, publicKey: d.publicKey },
      at
    )
  }
  return c.state
}

/**
 * Approve: the four-eyes check, the signature over approvalBytes, the state change to approved
 * and then queued, and their audit events, in ONE transaction.
 */
export function approveCorrection(
  db: Db,
  uuid: string,
  d: Decider,
  at: string,
  signed: SignedDecision | null = null,
  packageId: string | null = null
): CorrectionState {
  return db
    .transaction(() => decide(db, uuid, d, 'approve', null, at, signed, packageId))
    .immediate()
}

export function rejectCorrection(
  db: Db,
  uuid: string,
  d: Decider,
  reason: string,
  at: string,
  signed: SignedDecision | null = null,
  packageId: string | null = null
): CorrectionState {
  return db
    .transaction(() => decide(db, uuid, d, 'reject', reason, at, signed, packageId))
    .immediate()
}

interface ApprovalDbRow {
  decision: ApprovalDecision
  reason: string | null
  decided_by: string
  decided_at: string
  payload_json: string
  signature: string
  public_key: string
}

function latestApproval(db: Db, uuid: string): ApprovalDbRow | undefined {
  return db
    .prepare('SELECT * FROM approval WHERE correction_uuid = ? ORDER BY id DESC LIMIT 1')
    .get(uuid) as ApprovalDbRow | undefined
}

/** Checks a stored approval: signature, that it covers the correction as stored, trusted key. */
export function verifyApproval(db: Db, uuid: string): ApprovalCheck {
  const c = getCorrection(db, uuid)
  const a = latestApproval(db, uuid)
  const base = { uuid, state: c.state }
  if (!a)
    return {
      ...base,
      decision: null,
      decidedBy: null,
      decidedAt: null,
      valid: false,
      problem: 'no_approval',
      fingerprint: null
    }
  const fingerprint = fingerprintOf(a.public_key)
  const out = {
    ...base,
    decision: a.decision,
    decidedBy: a.decided_by,
    decidedAt: a.decided_at,
    fingerprint
  }
  const expected =
    a.decision === 'approve'
      ? approvalBytes(payloadOf(c, a.decided_by, a.decided_at))
      : rejectionBytes({
          type: 'rejection',
          uuid,
          populationKey: c.populationKey,
          baseVersion: c.populationVersion,
          reason: a.reason ?? '',
          rejectedBy: a.decided_by,
          rejectedAt: a.decided_at
        })
  // The signature over what was signed, then whether that is still the correction as stored.
  const signedBytes =
    a.decision === 'approve'
      ? approvalBytes(JSON.parse(a.payload_json) as ApprovalPayload)
      : new TextEncoder().encode(a.payload_json)
  if (!verifyBytes(a.public_key, signedBytes, a.signature))
    return { ...out, valid: false, problem: 'bad_signature' }
  if (Buffer.compare(Buffer.from(signedBytes), Buffer.from(expected)) !== 0)
    return { ...out, valid: false, problem: 'payload_mismatch' }
  const trusted = trustedKey(db, fingerprint, a.decided_at)
  if (!trusted || trusted.role !== 'supervisor' || trusted.username !== a.decided_by)
    return { ...out, valid: false, problem: 'untrusted_key' }
  return { ...out, valid: true, problem: null }
}

/** The signed approval as the gateway receives it (`--file` of verify-correction reads this form). */
export function signedApprovalOf(
  db: Db,
  uuid: string
): { payload: ApprovalPayload; signature: string; publicKey: string } | null {
  const a = latestApproval(db, uuid)
  if (!a || a.decision !== 'approve') return null
  return {
    payload: JSON.parse(a.payload_json) as ApprovalPayload,
    signature: a.signature,
    publicKey: a.public_key
  }
}

// ---- The Duyệt list: proposals with both records, filtered by class ----

function filterSql(f: ApprovalFilter): {
  where: string[]
  params: Record<string, string | number>
} {
  const where: string[] = []
  const params: Record<string, string | number> = {}
  if (f.field) {
    where.push(
      'EXISTS (SELECT 1 FROM correction_field cf WHERE cf.correction_uuid = c.uuid AND cf.field = @field)'
    )
    params.field = f.field
  }
  if (f.reason) {
    where.push('c.reason = @reason')
    params.reason = f.reason
  }
  if (f.batchId) {
    where.push('c.source_record_id IN (SELECT id FROM source_record WHERE batch_id = @batchId)')
    params.batchId = f.batchId
  }
  if (f.packageId) {
    where.push('c.origin_package = @packageId')
    params.packageId = f.packageId
  }
  if (f.proposedBy) {
    where.push('c.proposed_by = @proposedBy')
    params.proposedBy = f.proposedBy
  }
  return { where, params }
}

/** uuids of the proposals a bulk decision would touch: matching, still proposed, not the decider's own. */
export function bulkTargets(
  db: Db,
  f: ApprovalFilter,
  decider: string
): { uuids: string[]; own: number } {
  const { where, params } = filterSql(f)
  where.push("c.state = 'proposed'")
  const rows = db
    .prepare(
      `SELECT uuid, proposed_by AS proposedBy FROM correction c WHERE ${where.join(' AND ')} ORDER BY proposed_at, uuid`
    )
    .all(params) as { uuid: string; proposedBy: string }[]
  const mine = rows.filter((r) => r.proposedBy === decider)
  return {
    uuids: rows.filter((r) => r.proposedBy !== decider).map((r) => r.uuid),
    own: mine.length
  }
}

const pick = (
  r: Record<string, unknown> | undefined
): Record<string, string | number | null> | null => {
  if (!r) return null
  const out: Record<string, string | number | null> = {}
  for (const f of PERSON_FIELDS) out[f] = (r[f] as string | number | null | undefined) ?? null
  return out
}

/** Both records' person fields: from this database, or as the clerk's package carried them. */
export function pairOf(
  db: Db,
  c: {
    uuid: string
    sourceRecordId: number | null
    populationRecordId: number | null
    originPackage: string | null
  }
): {
  source: Record<string, string | number | null> | null
  population: Record<string, string | number | null> | null
  batchId: number | null
} {
  if (c.originPackage) {
    const json = db
      .prepare('SELECT pair_json FROM package_item WHERE package_id = ? AND correction_uuid = ?')
      .pluck()
      .get(c.originPackage, c.uuid) as string | undefined
    const pair = json
      ? (JSON.parse(json) as {
          source: Record<string, unknown> | null
          population: Record<string, unknown> | null
        })
      : null
    return {
      source: pick(pair?.source ?? undefined),
      population: pick(pair?.population ?? undefined),
      batchId: null
    }
  }
  const source = c.sourceRecordId
    ? (db.prepare('SELECT * FROM source_record WHERE id = ?').get(c.sourceRecordId) as
        Record<string, unknown> | undefined)
    : undefined
  const population = c.populationRecordId
    ? (db.prepare('SELECT * FROM population_record WHERE id = ?').get(c.populationRecordId) as
        Record<string, unknown> | undefined)
    : undefined
  return {
    source: pick(source),
    population: pick(population),
    batchId: (source?.batch_id as number | undefined) ?? null
  }
}

export function approvalItem(db: Db, c: CorrectionDb): ApprovalItem {
  const a = latestApproval(db, c.uuid)
  const { originPackage, ...row } = c
  const pair = pairOf(db, c)
  return {
    ...row,
    proposedByName: displayNameOf(db, row.proposedBy),
    ...pair,
    packageId: originPackage,
    approval: a
      ? {
          decision: a.decision,
          reason: a.reason,
          decidedBy: a.decided_by,
          decidedByName: displayNameOf(db, a.decided_by),
          decidedAt: a.decided_at,
          fingerprint: fingerprintOf(a.public_key)
        }
      : null
  }
}

export function listApprovals(
  db: Db,
  state: CorrectionState | undefined,
  f: ApprovalFilter,
  startRow: number,
  endRow: number
): { rows: ApprovalItem[]; total: number } {
  const { where, params } = filterSql(f)
  if (state) {
    where.push('c.state = @state')
    params.state = state
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const rows = db
    .prepare(`${SELECT} ${w} ORDER BY c.proposed_at DESC, c.uuid LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: endRow - startRow, offset: startRow }) as Omit<
    CorrectionDb,
    'fields'
  >[]
  const total = db.prepare(`SELECT count(*) FROM correction c ${w}`).pluck().get(params) as number
  return { rows: withFields(db, rows).map((c) => approvalItem(db, c)), total }
}
