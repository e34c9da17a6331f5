// The outbox and the sync settings: what waits to reach the national side, the hybrid logical
// clock that orders it, and the workstation's gateway credentials and pull cursor.
import { randomBytes } from 'node:crypto'
import type { SignedApproval } from '../../core/review/signed-correction'
import { createHlc, formatHlc, parseHlc, type Hlc } from '../../core/sync/hlc'
import { OUTBOX_STATES, type OutboxState } from '../../shared/outbox'
import type { Db } from '../db/open'

type SyncKey =
  | 'url'
  | 'workstation_id'
  | 'secret'
  | 'commune'
  | 'cursor'
  | 'last_sync_at'
  | 'last_error'
  | 'hlc'
  | 'hlc_node'

export function getSyncValue(db: Db, key: SyncKey): string | null {
  return (
    (db.prepare('SELECT value FROM sync_state WHERE key = ?').pluck().get(key) as
      string | undefined) ?? null
  )
}

export function setSyncValue(db: Db, key: SyncKey, value: string | null): void {
  if (value === null) db.prepare('DELETE FROM sync_state WHERE key = ?').run(key)
  else
    db.prepare(
      'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'
    ).run(key, value)
}

/** This database's clock node id: random, made once (HLC node ids carry no '-'). */
function hlcNode(db: Db): string {
  let node = getSyncValue(db, 'hlc_node')
  if (!node) {
    node = randomBytes(6).toString('hex')
    setSyncValue(db, 'hlc_node', node)
  }
  return node
}

/**
 * The next device time, persisted so a restart (or a wall clock set back) never goes back.
 * `remote`, when given, is merged first (a time the gateway sent). Call inside a transaction.
 */
export function tickHlc(db: Db, physical: number, remote?: Hlc): string {
  const start = parseHlc(getSyncValue(db, 'hlc') ?? '') ?? undefined
  const clock = createHlc(hlcNode(db), () => physical, { start })
  if (remote) {
    try {
      clock.receive(remote)
    } catch {
      // A gateway clock far ahead is not allowed to drag ours into the future: ignore it.
    }
  }
  const t = formatHlc(clock.now())
  setSyncValue(db, 'hlc', t)
  return t
}

/** Queue a signed approval; called in the approval's own transaction. */
export function enqueueOutbox(db: Db, approval: SignedApproval, at: string): void {
  const hlc = tickHlc(db, Date.parse(at) || Date.now())
  db.prepare(
    `INSERT INTO outbox (correction_uuid, payload_json, state, hlc, updated_at)
     VALUES (?, ?, 'pending', ?, ?)`
  ).run(approval.payload.uuid, JSON.stringify(approval), hlc, at)
}

export interface SyncConfig {
  url: string
  workstationId: string
  secret: string
  commune: string
}

export function syncConfig(db: Db): SyncConfig | null {
  const url = getSyncValue(db, 'url')
  const workstationId = getSyncValue(db, 'workstation_id')
  const secret = getSyncValue(db, 'secret')
  const commune = getSyncValue(db, 'commune')
  if (!url || !workstationId || !secret || !commune) return null
  return { url, workstationId, secret, commune }
}

export function saveSyncConfig(db: Db, c: SyncConfig): void {
  db.transaction(() => {
    const old = syncConfig(db)
    setSyncValue(db, 'url', c.url.replace(/\/+$/, ''))
    setSyncValue(db, 'workstation_id', c.workstationId)
    setSyncValue(db, 'secret', c.secret)
    // Another area starts its pull from the beginning.
    if (old?.commune !== c.commune) setSyncValue(db, 'cursor', null)
    setSyncValue(db, 'commune', c.commune)
  }).immediate()
}

export function outboxCounts(db: Db): Record<OutboxState, number> {
  const out = Object.fromEntries(OUTBOX_STATES.map((s) => [s, 0])) as Record<OutboxState, number>
  const rows = db.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all() as {
    state: OutboxState
    n: number
  }[]
  for (const r of rows) out[r.state] = r.n
  return out
}
