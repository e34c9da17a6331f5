// The audit chain: append-only events, each holding the hash of the one before (DESIGN §7).
import { createHash } from 'node:crypto'
import { canonicalJson, type Json } from '../../core/canonical-json'
import type { Db } from '../db/open'

export const GENESIS_HASH = '0'.repeat(64)

export interface AuditInput {
  actor: string
  action: string
  entity?: string
  entityId?: string | number
  detail?: { [key: string]: Json | undefined }
  at?: string
}

interface AuditRow {
  id: number
  at: string
  actor: string
  action: string
  entity: string | null
  entity_id: string | null
  detail_json: string
  prev_hash: string
  hash: string
}

function hashOf(row: Omit<AuditRow, 'id' | 'hash'>): string {
  const body = canonicalJson({
    at: row.at,
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    entity_id: row.entity_id,
    detail_json: row.detail_json,
    prev_hash: row.prev_hash
  })
  return createHash('sha256').update(body).digest('hex')
}

/** Append one event. Call inside the transaction of the change it records. */
export function appendAudit(db: Db, e: AuditInput): string {
  const prev = db.prepare('SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1').pluck().get() as
    string | undefined
  const row = {
    at: e.at ?? new Date().toISOString(),
    actor: e.actor,
    action: e.action,
    entity: e.entity ?? null,
    entity_id: e.entityId == null ? null : String(e.entityId),
    detail_json: canonicalJson(e.detail ?? {}),
    prev_hash: prev ?? GENESIS_HASH
  }
  const hash = hashOf(row)
  db.prepare(
    `INSERT INTO audit_event (at, actor, action, entity, entity_id, detail_json, prev_hash, hash)
     VALUES (@at, @actor, @action, @entity, @entity_id, @detail_json, @prev_hash, @hash)`
  ).run({ ...row, hash })
  return hash
}

/** What is wrong at the first broken link. */
export type AuditProblem =
  /** The row's content no longer gives its hash: it was edited. */
  | 'hash_mismatch'
  /** The row names a predecessor no row has: the row before it was deleted. */
  | 'missing_row'
  /** The row's predecessor sits after it: rows were swapped or moved. */
  | 'order'
  /** The row names an earlier row, not the one just before it: a row was inserted. */
  | 'bad_link'

export interface AuditVerdict {
  ok: boolean
  /** Rows found intact before the first broken one (all of them when ok). */
  checked: number
  lastId: number | null
  brokenAt: number | null
  problem: AuditProblem | null
  /** For 'order': the id of the row this one should follow. */
  after: number | null
  /** For 'missing_row': the ids absent just before the broken row, when the numbering shows them. */
  missingIds: [number, number] | null
}

/**
 * Walk the chain in id order and name the first broken link. The chain proves every row up to the
 * last one; deleting rows at the very end leaves no trace in it (only an anchor kept elsewhere
 * would show that).
 */
export function verifyAudit(db: Db): AuditVerdict {
  const owner = new Map<string, number>()
  for (const r of db.prepare('SELECT id, hash FROM audit_event').raw().iterate() as Iterable<
    [number, string]
  >)
    owner.set(r[1], r[0])
  let prev = GENESIS_HASH
  let prevId = 0
  let checked = 0
  const verdict = (
    id: number,
    problem: AuditProblem,
    extra: Partial<AuditVerdict> = {}
  ): AuditVerdict => ({
    ok: false,
    checked,
    lastId: prevId || null,
    brokenAt: id,
    problem,
    after: null,
    missingIds: null,
    ...extra
  })
  for (const row of db
    .prepare('SELECT * FROM audit_event ORDER BY id')
    .iterate() as Iterable<AuditRow>) {
    if (hashOf(row) !== row.hash) return verdict(row.id, 'hash_mismatch')
    if (row.prev_hash !== prev) {
      const predecessor = owner.get(row.prev_hash)
      if (predecessor !== undefined && predecessor > row.id)
        return verdict(row.id, 'order', { after: predecessor })
      if (predecessor === undefined && row.prev_hash !== GENESIS_HASH)
        return verdict(row.id, 'missing_row', {
          missingIds: row.id - prevId > 1 ? [prevId + 1, row.id - 1] : null
        })
      return verdict(row.id, 'bad_link')
    }
    prev = row.hash
    prevId = row.id
    checked++
  }
  return {
    ok: true,
    checked,
    lastId: prevId || null,
    brokenAt: null,
    problem: null,
    after: null,
    missingIds: null
  }
}
