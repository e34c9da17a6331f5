// 'sync/*': the outbox's state, a sync run (job), the accepted corrections, and setting sync up
// (the gateway settings, registering the workstation and the supervisors' keys, a connection check).
import type {
  AcceptedCorrection,
  OutboxItem,
  SupervisorKey,
  SyncStatus,
  syncInputs
} from '../../shared/api'
import type { SignedApproval } from '../../core/review/signed-correction'
import type { CorrectionResult, PulledRecord } from '../../core/sync/protocol'
import { gatewayUrlProblem } from '../../core/sync/gateway-url'
import { AppError } from '../../shared/errors'
import type { OutboxState } from '../../shared/outbox'
import { appendAudit } from '../audit/audit'
import { displayNameOf, listUsers } from '../auth/users'
import type { Db } from '../db/open'
import {
  getSyncValue,
  outboxCounts,
  saveSyncConfig,
  syncConfig,
  type SyncConfig
} from '../sync/outbox'
import type { SyncMonitor } from '../sync/monitor'
import { checkConnection, registerSupervisorKeys, registerWorkstation } from '../sync/setup'
import type { HandlerContext, Handlers } from './types'

/** Most parked and conflict items the status lists (the counts say how many in all). */
const LIST_LIMIT = 200
/** A screen polling the status with `probe` checks the gateway at most this often. */
const PROBE_EVERY_MS = 2_500

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
      approvedByName: displayNameOf(db, a.payload.approvedBy),
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
    workstationId: config?.workstationId ?? null,
    online: monitor.online,
    problem: monitor.problem,
    checkedAt: monitor.checkedAt,
    counts: outboxCounts(db),
    lastSyncAt: getSyncValue(db, 'last_sync_at'),
    lastError: getSyncValue(db, 'last_error'),
    rematch: db.prepare('SELECT count(*) FROM sync_rematch').pluck().get() as number,
    jobId: monitor.running(),
    parked: items(db, 'parked'),
    conflicts: items(db, 'conflict')
  }
}

/** The corrections the national side accepted, newest first. */
function accepted(db: Db, limit: number, offset: number): AcceptedCorrection[] {
  const rows = db
    .prepare(
      `SELECT o.correction_uuid AS uuid, o.payload_json AS payload, o.result_json AS result,
         o.updated_at AS updatedAt
       FROM outbox o JOIN correction c ON c.uuid = o.correction_uuid
       WHERE o.state = 'done' AND c.state = 'accepted'
       ORDER BY o.updated_at DESC, o.hlc DESC LIMIT ? OFFSET ?`
    )
    .all(limit, offset) as {
    uuid: string
    payload: string
    result: string | null
    updatedAt: string
  }[]
  const nameOf = db.prepare('SELECT full_name FROM population_record WHERE record_key = ?').pluck()
  return rows.map((r) => {
    const { payload } = JSON.parse(r.payload) as SignedApproval
    const result = r.result ? (JSON.parse(r.result) as Partial<CorrectionResult>) : {}
    return {
      uuid: r.uuid,
      populationKey: payload.populationKey,
      fullName: (nameOf.get(payload.populationKey) as string | undefined) ?? null,
      fields: payload.fields,
      proposedBy: displayNameOf(db, payload.proposedBy),
      approvedBy: displayNameOf(db, payload.approvedBy),
      acceptedAt: result.receivedAt ?? r.updatedAt,
      version: result.version ?? null
    }
  })
}

/** Active supervisors of this machine, with the key the gateway must hold for their approvals. */
function supervisorKeys(db: Db, now: number): SupervisorKey[] {
  return listUsers(db, now)
    .filter((u) => u.role === 'supervisor' && u.active)
    .map((u) => ({
      username: u.username,
      displayName: u.displayName,
      publicKey: u.publicKey,
      fingerprint: u.fingerprint
    }))
}

/** Keep a gateway configuration: audited without its secret, then probed. */
function configure(ctx: HandlerContext, c: SyncConfig, how: 'manual' | 'registered'): SyncStatus {
  const { db, sync, actor, now } = ctx
  // The workstation's secret signs every request: plain http only to this machine.
  if (gatewayUrlProblem(c.url)) throw new AppError('sync_url_insecure')
  saveSyncConfig(db, c)
  appendAudit(db, {
    actor,
    action: 'sync/configure',
    at: new Date(now()).toISOString(),
    detail: { url: c.url, workstationId: c.workstationId, commune: c.commune, how }
  })
  sync.online = null
  sync.problem = null
  void sync.probe()
  return syncStatus(db, sync)
}

function configured(db: Db): SyncConfig {
  const config = syncConfig(db)
  if (!config) throw new AppError('sync_not_configured')
  return config
}

export const syncHandlers: Handlers<keyof typeof syncInputs> = {
  'sync/status': async (args, { db, sync }) => {
    if (args.probe) await sync.probeIfOlder(PROBE_EVERY_MS)
    return syncStatus(db, sync)
  },
  'sync/run': (_args, { db, sync }) => {
    configured(db)
    return { jobId: sync.run(true) }
  },
  'sync/configure': (args, ctx) => configure(ctx, args, 'manual'),
  'sync/register': async (args, ctx) => {
    // The operator token is used for this one call: it is neither stored nor audited.
    const config = await registerWorkstation(args)
    return configure(ctx, config, 'registered')
  },
  'sync/supervisors': (_args, { db, now }) => supervisorKeys(db, now()),
  'sync/registerSupervisors': async (args, { db, actor, now }) => {
    const config = configured(db)
    const wanted = new Set(args.usernames)
    const keys = supervisorKeys(db, now()).filter((k) => wanted.has(k.username))
    if (keys.length === 0) throw new AppError('not_found', { what: args.usernames.join(', ') })
    const registered = await registerSupervisorKeys(config, args.operatorToken, keys)
    appendAudit(db, {
      actor,
      action: 'sync/register_supervisors',
      at: new Date(now()).toISOString(),
      detail: {
        url: config.url,
        commune: config.commune,
        keys: keys.map((k) => ({ username: k.username, fingerprint: k.fingerprint }))
      }
    })
    return { registered }
  },
  'sync/test': async (_args, { db, sync, now }) => {
    const check = await checkConnection(configured(db), supervisorKeys(db, now()))
    sync.seen(check.reachable, check.problem)
    return check
  },
  'sync/accepted': (args, { db }) => ({
    rows: accepted(db, args.endRow - args.startRow, args.startRow),
    total: db
      .prepare(
        `SELECT count(*) FROM outbox o JOIN correction c ON c.uuid = o.correction_uuid
         WHERE o.state = 'done' AND c.state = 'accepted'`
      )
      .pluck()
      .get() as number
  })
}
