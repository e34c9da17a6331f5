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

/** Walk the chain; returns the id of the first row whose link or content is broken, or null. */
export function verifyAudit(db: Db): { ok: boolean; checked: number; brokenAt: number | null } {
  let prev = GENESIS_HASH
  let checked = 0
  for (const row of db
    .prepare('SELECT * FROM audit_event ORDER BY id')
    .iterate() as Iterable<AuditRow>) {
    if (row.prev_hash !== prev || hashOf(row) !== row.hash)
      return { ok: false, checked, brokenAt: row.id }
    prev = row.hash
    checked++
  }
  return { ok: true, checked, brokenAt: null }
}
