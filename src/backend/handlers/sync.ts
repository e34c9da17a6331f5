// 'sync/*': the outbox's state, a sync run (job), and the gateway settings.
import type { OutboxItem, SyncStatus, syncInputs } from '../../shared/api'
import type { SignedApproval } from '../../core/review/signed-correction'
import type { PulledRecord } from '../../core/sync/protocol'
import { gatewayUrlProblem } from '../../core/sync/gateway-url'
import { AppError } from '../../shared/errors'
import type { OutboxState } from '../../shared/outbox'
import { appendAudit } from '../audit/audit'
import type { Db } from '../db/open'
import { getSyncValue, outboxCounts, saveSyncConfig, syncConfig } from '../sync/outbox'
import type { SyncMonitor } from '../sync/monitor'
import type { Handlers } from './types'

/** Most parked and conflict items the status lists (the counts say how many in all). */
const LIST_LIMIT = 200

interface OutboxDbRow {
  uuid: string
  state: OutboxState
  payload: string
  attempts: number
  lastError: string | null
  updatedAt: string
  current: string | null
}

function items(db: Db, state: 'parked' | 'conflict'): OutboxItem[] {
  const rows = db
    .prepare(
      `SELECT correction_uuid AS uuid, state, payload_json AS payload, attempts,
         last_error AS lastError, updated_at AS updatedAt, current_json AS current
       FROM outbox WHERE state = ? ORDER BY hlc LIMIT ?`
    )
    .all(state, LIST_LIMIT) as OutboxDbRow[]
  return rows.map((r) => {
    const a = JSON.parse(r.payload) as SignedApproval
    const cur = r.current ? (JSON.parse(r.current) as PulledRecord) : null
    return {
      uuid: r.uuid,
      state: r.state,
      populationKey: a.payload.populationKey,
      baseVersion: a.payload.baseVersion,
      fields: a.payload.fields,
      proposedBy: a.payload.proposedBy,
      approvedBy: a.payload.approvedBy,
      attempts: r.attempts,
      lastError: r.lastError,
      updatedAt: r.updatedAt,
      current: cur
        ? {
            version: cur.version,
            record: cur.record as unknown as Record<string, string | null> | null
          }
        : null
    }
  })
}

export function syncStatus(db: Db, monitor: SyncMonitor): SyncStatus {
  const config = syncConfig(db)
  return {
    configured: config !== null,
    url: config?.url ?? null,
    commune: config?.commune ?? null,
    online: monitor.online,
    counts: outboxCounts(db),
    lastSyncAt: getSyncValue(db, 'last_sync_at'),
    lastError: getSyncValue(db, 'last_error'),
    rematch: db.prepare('SELECT count(*) FROM sync_rematch').pluck().get() as number,
    jobId: monitor.running(),
    parked: items(db, 'parked'),
    conflicts: items(db, 'conflict')
  }
}

export const syncHandlers: Handlers<keyof typeof syncInputs> = {
  'sync/status': (_args, { db, sync }) => syncStatus(db, sync),
  'sync/run': (_args, { db, sync }) => {
    if (!syncConfig(db)) throw new AppError('sync_not_configured')
    return { jobId: sync.run(true) }
  },
  'sync/configure': (args, { db, sync, actor, now }) => {
    // The workstation's secret signs every request: plain http only to this machine.
    if (gatewayUrlProblem(args.url)) throw new AppError('sync_url_insecure')
    saveSyncConfig(db, args)
    // The secret never goes into the audit trail.
    appendAudit(db, {
      actor,
      action: 'sync/configure',
      at: new Date(now()).toISOString(),
      detail: { url: args.url, workstationId: args.workstationId, commune: args.commune }
    })
    sync.online = null
    void sync.probe()
    return syncStatus(db, sync)
  }
}
