// Accepting a correction: verify the supervisor's signature, check the base version, apply it,
// and record request and result, all in one transaction. The correction's UUID is the
// idempotency key, held by a primary key: replays get the first result, other content is 409.
import { createHash, createPublicKey, verify } from 'node:crypto'
import { canonicalJson, type Json } from '../core/canonical-json'
import { checkCorrectionValue } from '../core/review/correction'
import { approvalBytes, type SignedApproval } from '../core/review/signed-correction'
import type { CorrectionResult, RejectReason } from '../core/sync/protocol'
import { CORRECTABLE_FIELDS, type CorrectableField } from '../shared/review'
import type { Workstation } from './auth'
import type { GatewayDb, Queryable } from './db'
import { pulled, withFields, writeRecord, type StoredRecord } from './records'

/** Same content, same hash: the normalised signed bytes, the signature and the key. */
export function contentHash(a: SignedApproval): string {
  return createHash('sha256')
    .update(approvalBytes(a.payload))
    .update('\n')
    .update(a.signature)
    .update('\n')
    .update(a.publicKey)
    .digest('hex')
}

export type SignatureCheck = { ok: true } | { ok: false; reason: RejectReason; detail: string }

/** Ed25519 over approvalBytes with the key the approval carries. */
export function signatureVerifies(a: SignedApproval): boolean {
  try {
    const key = createPublicKey({
      key: Buffer.from(a.publicKey, 'base64'),
      format: 'der',
      type: 'spki'
    })
    return (
      key.asymmetricKeyType === 'ed25519' &&
      verify(null, approvalBytes(a.payload), key, Buffer.from(a.signature, 'base64'))
    )
  } catch {
    return false
  }
}

/** The signature verifies, its key is registered for the approver and commune, four eyes. */
function judgeSignature(a: SignedApproval, registered: boolean, commune: string): SignatureCheck {
  if (!signatureVerifies(a))
    return { ok: false, reason: 'bad_signature', detail: 'signature does not verify' }
  if (!registered)
    return {
      ok: false,
      reason: 'unknown_supervisor',
      detail: `${a.payload.approvedBy} has no registered key for commune ${commune}`
    }
  if (a.payload.approvedBy === a.payload.proposedBy)
    return {
      ok: false,
      reason: 'self_approval',
      detail: 'the proposer approved their own proposal'
    }
  return { ok: true }
}

const REGISTERED_SQL = `EXISTS (SELECT 1 FROM supervisor_key s
  WHERE s.username = $1 AND s.commune = $2 AND s.public_key = $3)`

/** Signature check without a correction (POST /v1/signatures/verify). */
export async function checkSignature(
  q: Queryable,
  a: SignedApproval,
  commune: string
): Promise<SignatureCheck> {
  const rows = await q.query<{ registered: boolean }>(`SELECT ${REGISTERED_SQL} AS registered`, [
    a.payload.approvedBy,
    commune,
    a.publicKey
  ])
  return judgeSignature(a, rows[0]?.registered ?? false, commune)
}

export interface Answer {
  status: number
  body: CorrectionResult | { code: string; message: string }
  replayed: boolean
}

const CORRECTABLE = new Set<string>(CORRECTABLE_FIELDS)

/** Thrown inside the transaction when a concurrent duplicate inserted the UUID first. */
class LostRace extends Error {}

async function existing(db: GatewayDb, uuid: string) {
  const rows = await db.query<{
    content_hash: string
    status: number
    result: CorrectionResult
    workstation_id: string
  }>(`SELECT content_hash, status, result, workstation_id FROM correction WHERE uuid = $1`, [uuid])
  return rows[0] ?? null
}

async function appendLedger(
  q: Queryable,
  ws: Workstation,
  uuid: string,
  event: string,
  status: number,
  request: SignedApproval,
  result: unknown
): Promise<void> {
  await q.query(
    `INSERT INTO ledger (workstation_id, uuid, event, status, request, result)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)`,
    [ws.id, uuid, event, status, canonicalJson(request as unknown as Json), JSON.stringify(result)]
  )
}

/** Answer for a UUID already decided: the same result, or 409 when the content differs. */
async function replay(
  db: GatewayDb,
  ws: Workstation,
  a: SignedApproval,
  hash: string,
  prior: NonNullable<Awaited<ReturnType<typeof existing>>>
): Promise<Answer> {
  if (prior.content_hash === hash) {
    await appendLedger(db, ws, a.payload.uuid, 'replayed', prior.status, a, prior.result)
    return { status: prior.status, body: prior.result, replayed: true }
  }
  const body = {
    code: 'idempotency_conflict',
    message: `correction ${a.payload.uuid} was already received with other content`
  }
  await appendLedger(db, ws, a.payload.uuid, 'mismatch', 409, a, body)
  return { status: 409, body, replayed: false }
}

/** Decide and record one correction (PUT /v1/corrections/{uuid} and each batch item). */
export async function submitCorrection(
  db: GatewayDb,
  ws: Workstation,
  a: SignedApproval
): Promise<Answer> {
  const uuid = a.payload.uuid
  const hash = contentHash(a)
  const prior = await existing(db, uuid)
  if (prior) return replay(db, ws, a, hash, prior)
  try {
    const result = await db.tx(async (q) => {
      const r = await decide(q, ws, a)
      // The correction row and its ledger entry in one statement: both or (lost race) neither.
      const inserted = await q.query(
        `WITH c AS (
           INSERT INTO correction (uuid, content_hash, workstation_id, commune, population_key,
                                   status, outcome, result)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)
           ON CONFLICT (uuid) DO NOTHING RETURNING uuid)
         INSERT INTO ledger (workstation_id, uuid, event, status, request, result)
         SELECT $3, uuid, $7, $6, $9::jsonb, $8::jsonb FROM c RETURNING seq`,
        [
          uuid,
          hash,
          ws.id,
          ws.commune,
          a.payload.populationKey,
          r.status,
          r.outcome,
          JSON.stringify(r),
          canonicalJson(a as unknown as Json)
        ]
      )
      // A concurrent duplicate committed first: undo everything done here and answer as a replay.
      if (inserted.length === 0) throw new LostRace()
      return r
    })
    return { status: result.status, body: result, replayed: false }
  } catch (e) {
    if (!(e instanceof LostRace) && !isUniqueViolation(e)) throw e
    const winner = await existing(db, uuid)
    if (!winner) throw e
    return replay(db, ws, a, hash, winner)
  }
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === '23505'
}

async function decide(q: Queryable, ws: Workstation, a: SignedApproval): Promise<CorrectionResult> {
  const p = a.payload
  const receivedAt = new Date().toISOString()
  const base = { uuid: p.uuid, populationKey: p.populationKey, receivedAt }
  const reject = (reason: RejectReason, detail: string, version: number | null = null) => ({
    ...base,
    outcome: 'rejected' as const,
    status: 422,
    version,
    reason,
    detail
  })
  // The record, locked for this transaction, and whether the approver's key is registered.
  const rows = await q.query<StoredRecord & { registered: boolean }>(
    `SELECT key, commune, version, deleted, record,
            EXISTS (SELECT 1 FROM supervisor_key s
                    WHERE s.username = $2 AND s.commune = $3 AND s.public_key = $4) AS registered
     FROM person WHERE key = $1 FOR UPDATE`,
    [p.populationKey, p.approvedBy, ws.commune, a.publicKey]
  )
  const current = rows[0]
  if (!current) return reject('unknown_record', `no population record ${p.populationKey}`)
  if (current.commune !== ws.commune)
    return reject(
      'other_commune',
      `record ${p.populationKey} is not in commune ${ws.commune}`,
      current.version
    )
  const sig = judgeSignature(a, current.registered, ws.commune)
  if (!sig.ok) return reject(sig.reason, sig.detail, current.version)
  const values: { field: string; value: string }[] = []
  for (const f of p.fields) {
    if (!CORRECTABLE.has(f.field))
      return reject('invalid_value', `field ${f.field} cannot be corrected`, current.version)
    const check = checkCorrectionValue(f.field as CorrectableField, f.newValue)
    if (!check.ok) return reject('invalid_value', `${f.field}: ${check.problem}`, current.version)
    values.push({ field: f.field, value: check.value })
  }
  // Never merged: a correction against an older version goes back to review with both versions.
  if (current.deleted || current.version !== p.baseVersion)
    return {
      ...base,
      outcome: 'conflict',
      status: 412,
      version: current.version,
      detail: `base version ${p.baseVersion}, current version ${current.version}${current.deleted ? ' (deleted)' : ''}`,
      current: pulled(current)
    }
  if (p.side === 'local')
    return { ...base, outcome: 'recorded', status: 201, version: current.version }
  const version = await writeRecord(q, current.key, withFields(current.record, values))
  return { ...base, outcome: 'applied', status: 201, version }
}

/** Status lookup: the stored result of a correction sent from this workstation's commune. */
export async function correctionStatus(
  db: GatewayDb,
  ws: Workstation,
  uuid: string
): Promise<CorrectionResult | null> {
  const rows = await db.query<{ result: CorrectionResult }>(
    `SELECT result FROM correction WHERE uuid = $1 AND commune = $2`,
    [uuid, ws.commune]
  )
  return rows[0]?.result ?? null
}
