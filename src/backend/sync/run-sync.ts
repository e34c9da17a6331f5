// The sync job: push the outbox's due items in batches, commit each answer with the
// correction's state change in one transaction, then pull the commune's changes by cursor.
import type { SignedApproval } from '../../core/review/signed-correction'
import { backoffDelay, type BackoffOptions } from '../../core/sync/backoff'
import type { CorrectionResult, PulledRecord } from '../../core/sync/protocol'
import { foldKey } from '../../core/normalize/text'
import { changedFields } from '../../core/import/population-version'
import { gatewayUrlProblem } from '../../core/sync/gateway-url'
import type { SyncSummary } from '../../shared/api'
import { AppError } from '../../shared/errors'
import { PERSON_FIELDS } from '../../shared/fields'
import type { CorrectionState } from '../../shared/review'
import { appendAudit } from '../audit/audit'
import type { Db } from '../db/open'
import { checkpoint, type JobContext } from '../jobs/jobs'
import { transition } from '../review/approve'
import { applyDecision } from '../review/decide'
import { keepVersion, settleChange, type HeldRecord } from '../review/population-change'
import { forgetQueues } from '../review/queue'
import {
  createSyncClient,
  SyncAuthError,
  SyncUnavailableError,
  type ClientOptions,
  type PushOutcome,
  type SyncClient
} from './client'
import { setSyncValue, getSyncValue, syncConfig, tickHlc } from './outbox'

/** The actor of the state changes the national side's answers cause. */
export const SYNC_ACTOR = 'dong-bo'

/** Backoff between sync runs for an item the gateway could not take (5xx, timeouts). */
const ITEM_BACKOFF = { baseMs: 30_000, maxMs: 6 * 3_600_000 }

export interface SyncOptions {
  now?: () => number
  batchSize?: number
  pullLimit?: number
  client?: ClientOptions
  /** Injected for tests (e.g. a client through the fault proxy). */
  makeClient?: (c: NonNullable<ReturnType<typeof syncConfig>>) => SyncClient
  random?: () => number
  /** Backoff between runs for items the gateway could not take (default 30 s doubling to 6 h). */
  itemBackoff?: BackoffOptions
  /** Push every waiting item, even those whose backoff has not passed (the clerk's "Đồng bộ ngay"). */
  ignoreBackoff?: boolean
}

interface DueItem {
  uuid: string
  payload: string
  attempts: number
}

const iso = (ms: number): string => new Date(ms).toISOString()

function correctionState(db: Db, uuid: string): CorrectionState {
  return db
    .prepare('SELECT state FROM correction WHERE uuid = ?')
    .pluck()
    .get(uuid) as CorrectionState
}

/** Moves the correction to `final` through 'sent', unless an earlier run already did. */
function settle(
  db: Db,
  uuid: string,
  event: 'accept' | 'conflict' | 'refuse',
  at: string,
  detail: Record<string, string | number | null>
): void {
  const c = { uuid, state: correctionState(db, uuid) }
  if (c.state === 'queued') transition(db, c, 'send', SYNC_ACTOR, at)
  if (c.state === 'sent') transition(db, c, event, SYNC_ACTOR, at, detail)
}

/** One gateway answer: the outbox row and the correction's state, in the caller's transaction. */
function applyOutcome(db: Db, o: PushOutcome, item: DueItem, now: number, retry: Retry) {
  const at = iso(now)
  const done = db.prepare(
    `UPDATE outbox SET state = ?, result_json = ?, current_json = ?, last_error = ?, updated_at = ?
     WHERE correction_uuid = ?`
  )
  switch (o.kind) {
    case 'accepted':
      settle(db, o.uuid, 'accept', at, { outcome: o.result.outcome, version: o.result.version })
      done.run('done', JSON.stringify(o.result), null, null, at, o.uuid)
      mergeGatewayTime(db, o.result, now)
      return
    case 'conflict':
      // Both versions stay: ours in payload_json, the national record as it stands now here.
      settle(db, o.uuid, 'conflict', at, { version: o.result.version })
      done.run(
        'conflict',
        JSON.stringify(o.result),
        o.result.current ? JSON.stringify(o.result.current) : null,
        null,
        at,
        o.uuid
      )
      mergeGatewayTime(db, o.result, now)
      return
    case 'parked': {
      // A dead letter: the gateway will never take it as sent. The correction is refused (final
      // for this UUID); the clerk sees why and resubmits, re-signs or withdraws it.
      const refusal = { status: o.status, reason: o.reason, detail: o.detail ?? null }
      settle(db, o.uuid, 'refuse', at, refusal)
      done.run('parked', JSON.stringify(refusal), null, o.reason, at, o.uuid)
      return
    }
    case 'retry_later':
      reschedule(db, [item], o.reason, now, retry)
  }
}

function mergeGatewayTime(db: Db, r: CorrectionResult, now: number): void {
  const wall = Date.parse(r.receivedAt)
  if (Number.isFinite(wall)) tickHlc(db, now, { wall, counter: 0, node: 'gateway' })
}

interface Retry {
  backoff: BackoffOptions
  random: () => number
}

/** Why an item waits without being sent: the gateway holds no key for its supervisor yet. */
export const KEY_NOT_REGISTERED = 'supervisor_key_not_registered'

/**
 * The due items of supervisors the gateway holds no key for yet (set-up half done). One question
 * per supervisor; a gateway that cannot say leaves every item to be sent.
 */
async function keyNotRegistered(
  client: Partial<Pick<SyncClient, 'supervisorKeys'>>,
  due: DueItem[]
): Promise<Set<string>> {
  const out = new Set<string>()
  if (!client.supervisorKeys || due.length === 0) return out
  const keysOf = new Map<string, Promise<string[] | null>>()
  for (const it of due) {
    const a = JSON.parse(it.payload) as SignedApproval
    const user = a.payload.approvedBy
    if (!keysOf.has(user)) keysOf.set(user, client.supervisorKeys(user))
    const keys = await keysOf.get(user)!
    // Only a supervisor with no key there at all: one whose key was replaced (a reset password)
    // is refused as before, and the approval re-signed with the key the gateway holds.
    if (keys !== null && keys.length === 0) out.add(it.uuid)
  }
  return out
}

function reschedule(db: Db, items: DueItem[], why: string, now: number, retry: Retry) {
  const u = db.prepare(
    `UPDATE outbox SET state = 'pending', next_attempt_at = ?, last_error = ?, updated_at = ?
     WHERE correction_uuid = ? AND state IN ('pending', 'sent')`
  )
  for (const it of items)
    u.run(now + backoffDelay(it.attempts, retry.backoff, retry.random), why, iso(now), it.uuid)
}

const UPSERT_COLUMNS = [...PERSON_FIELDS, 'name_key', 'version', 'snapshot_at'] as const

/**
 * The national side deleted a record (a duplicate merged away, a record withdrawn). Its links go
 * with it (foreign keys), so what they were is written to the audit trail first, and each source
 * record a clerk had decided on it is reopened through a review decision: the decision history
 * keeps what was decided and why it no longer holds. Returns the reopened source records.
 */
function deletePulled(
  db: Db,
  local: { id: number; version: number },
  r: PulledRecord,
  at: string
): number[] {
  const links = db
    .prepare(
      `SELECT source_record_id AS sourceRecordId, method, grade, decided_by AS decidedBy,
         decided_at AS decidedAt FROM link WHERE population_record_id = ? ORDER BY source_record_id`
    )
    .all(local.id) as Record<string, string | number>[]
  const decided = db
    .prepare(
      `SELECT source_record_id FROM review_state
       WHERE population_record_id = ? AND state <> 'open' ORDER BY source_record_id`
    )
    .pluck()
    .all(local.id) as number[]
  db.prepare('DELETE FROM population_record WHERE id = ?').run(local.id)
  db.prepare('DELETE FROM sync_rematch WHERE record_key = ?').run(r.key)
  for (const sourceRecordId of decided)
    applyDecision(db, {
      sourceRecordId,
      action: 'reopen',
      runId: null,
      actor: SYNC_ACTOR,
      bulk: true, // the one audit event below lists them
      at
    })
  appendAudit(db, {
    actor: SYNC_ACTOR,
    action: 'sync/record_deleted',
    entity: 'population_record',
    entityId: r.key,
    at,
    detail: {
      populationRecordId: local.id,
      localVersion: local.version,
      version: r.version,
      links,
      reopened: decided
    }
  })
  return decided
}

/**
 * The version a correction of ours made when the national side applied it: pulling it back is no
 * change under the work done here (it is that work), unless the national side changed it again.
 */
function ownChange(db: Db, key: string, version: number): boolean {
  return (
    db
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM outbox o JOIN correction c ON c.uuid = o.correction_uuid
           WHERE c.population_key = ? AND c.state = 'accepted'
             AND json_extract(o.result_json, '$.version') = ?)`
      )
      .pluck()
      .get(key, version) === 1
  )
}

/** One pulled record into population_record; returns whether anything changed. */
function applyPulled(
  db: Db,
  r: PulledRecord,
  at: string,
  reopened: number[]
): 'changed' | 'deleted' | 'same' {
  const local = db.prepare('SELECT * FROM population_record WHERE record_key = ?').get(r.key) as
    HeldRecord | undefined
  if (r.deleted || !r.record) {
    if (!local) return 'same'
    reopened.push(...deletePulled(db, local, r, at))
    return 'deleted'
  }
  if (local && local.version >= r.version) return 'same'
  const rec = r.record as unknown as Record<string, string | null>
  const values: Record<string, string | number | null> = {}
  for (const f of PERSON_FIELDS) values[f] = rec[f] ?? null
  values.name_key = foldKey(r.record.full_name)
  values.version = r.version
  values.snapshot_at = at
  if (local) {
    // The content it replaces is kept, and the work done on it goes back to review, as for an
    // import of a newer extract.
    keepVersion(db, local, r.version, { cause: 'sync' }, at)
    db.prepare(
      `UPDATE population_record SET ${UPSERT_COLUMNS.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`
    ).run({ ...values, id: local.id })
    reopened.push(
      ...settleChange(
        db,
        {
          populationRecordId: local.id,
          recordKey: r.key,
          fromVersion: local.version,
          toVersion: r.version,
          fields: changedFields(local, values)
        },
        { cause: 'sync' },
        SYNC_ACTOR,
        at,
        { ownChange: ownChange(db, r.key, r.version) }
      ).flagged
    )
  } else
    db.prepare(
      `INSERT INTO population_record (record_key, ${UPSERT_COLUMNS.join(', ')})
       VALUES (@record_key, ${UPSERT_COLUMNS.map((c) => `@${c}`).join(', ')})`
    ).run({ ...values, record_key: r.key })
  db.prepare(
    'INSERT INTO sync_rematch (record_key, changed_at) VALUES (?, ?) ON CONFLICT (record_key) DO UPDATE SET changed_at = excluded.changed_at'
  ).run(r.key, at)
  return 'changed'
}

/**
 * Push, then pull. Safe to stop anywhere (kill, cancel): an item marked 'sent' whose answer
 * was never committed goes again, and the gateway answers a repeated UUID with its first
 * result, so nothing is applied twice.
 */
export async function runSync(db: Db, job: JobContext, o: SyncOptions = {}): Promise<SyncSummary> {
  const now = o.now ?? Date.now
  const retry: Retry = { backoff: o.itemBackoff ?? ITEM_BACKOFF, random: o.random ?? Math.random }
  const config = syncConfig(db)
  if (!config) throw new AppError('sync_not_configured')
  // An address saved before the rule (or written by hand): credentials never go over plain http.
  if (gatewayUrlProblem(config.url)) throw new AppError('sync_url_insecure')
  const client = o.makeClient ? o.makeClient(config) : createSyncClient(config, o.client)
  const batchSize = o.batchSize ?? 100
  const s: SyncSummary = {
    online: true,
    pushed: 0,
    accepted: 0,
    conflicts: 0,
    parked: 0,
    retryLater: 0,
    pulled: 0,
    changed: 0,
    deleted: 0,
    waitingForKey: 0,
    error: null
  }

  let due = db
    .prepare(
      `SELECT correction_uuid AS uuid, payload_json AS payload, attempts FROM outbox
       WHERE state IN ('pending', 'sent') AND next_attempt_at <= ? ORDER BY hlc`
    )
    .all(o.ignoreBackoff ? Number.MAX_SAFE_INTEGER : now()) as DueItem[]
  // A refusal is final for its UUID: an approval of a supervisor whose key the gateway does not
  // hold yet (set-up half done, the key registered later) waits here instead of being refused.
  const unregistered = await keyNotRegistered(client, due)
  if (unregistered.size > 0) {
    const held = due.filter((it) => unregistered.has(it.uuid))
    db.transaction(() => reschedule(db, held, KEY_NOT_REGISTERED, now(), retry)).immediate()
    s.waitingForKey = held.length
    due = due.filter((it) => !unregistered.has(it.uuid))
  }
  // Only an item still waiting: one taken back meanwhile (its record changed) is never sent.
  const markSent = db.prepare(
    `UPDATE outbox SET state = 'sent', attempts = attempts + 1, updated_at = ?
     WHERE correction_uuid = ? AND state IN ('pending', 'sent')`
  )
  try {
    for (let i = 0; i < due.length; i += batchSize) {
      await checkpoint(job.signal)
      job.progress('push', i, due.length)
      const batch = db
        .transaction(() =>
          due
            .slice(i, i + batchSize)
            .filter((it) => markSent.run(iso(now()), it.uuid).changes === 1)
        )
        .immediate()
      if (batch.length === 0) continue
      let outcomes: PushOutcome[]
      try {
        outcomes = await client.pushBatch(
          batch.map((it) => JSON.parse(it.payload) as SignedApproval)
        )
      } catch (e) {
        if (!(e instanceof SyncUnavailableError)) throw e
        // Offline or failing: these and the rest wait for a later run, nothing is parked.
        db.transaction(() => reschedule(db, due.slice(i), e.lastProblem, now(), retry)).immediate()
        s.online = false
        s.retryLater += due.length - i
        s.error = e.lastProblem
        break
      }
      const byUuid = new Map(batch.map((it) => [it.uuid, it]))
      db.transaction(() => {
        for (const out of outcomes) applyOutcome(db, out, byUuid.get(out.uuid)!, now(), retry)
      }).immediate()
      for (const out of outcomes) {
        s.pushed++
        if (out.kind === 'accepted') s.accepted++
        else if (out.kind === 'conflict') s.conflicts++
        else if (out.kind === 'parked') s.parked++
        else s.retryLater++
      }
    }
    job.progress('push', due.length, due.length)

    if (s.online) {
      let cursor = getSyncValue(db, 'cursor') ?? ''
      for (;;) {
        await checkpoint(job.signal)
        let page
        try {
          page = await client.pull(cursor, o.pullLimit ?? 1000)
        } catch (e) {
          if (!(e instanceof SyncUnavailableError)) throw e
          s.online = false
          s.error = e.lastProblem
          break
        }
        const at = iso(now())
        const next = page.cursor
        const reopened: number[] = []
        db.transaction(() => {
          for (const r of page.records) {
            const what = applyPulled(db, r, at, reopened)
            if (what === 'changed') s.changed++
            else if (what === 'deleted') s.deleted++
          }
          setSyncValue(db, 'cursor', next)
        }).immediate()
        // After the commit: the review queue in memory shows those records open (and flagged).
        if (reopened.length > 0) forgetQueues(db)
        s.pulled += page.records.length
        cursor = next
        job.progress('pull', s.pulled, null)
        if (!page.more) break
      }
    }
  } catch (e) {
    if (e instanceof SyncAuthError) {
      setSyncValue(db, 'last_error', e.code)
      throw new AppError(e.code === 'clock_skew' ? 'sync_clock_skew' : 'sync_refused', {
        code: e.code
      })
    }
    if (e instanceof AppError) throw e
    // Whatever else stopped the run (a database error, a gateway answering nonsense): the queue
    // is as the last commit left it; the clerk gets words, the log gets the details.
    console.error('[sync] run stopped:', e)
    throw new AppError('sync_failed')
  }

  db.transaction(() => {
    const at = iso(now())
    if (s.online) setSyncValue(db, 'last_sync_at', at)
    setSyncValue(db, 'last_error', s.error)
    appendAudit(db, {
      actor: SYNC_ACTOR,
      action: 'sync/run',
      at,
      detail: { ...s }
    })
  }).immediate()
  return s
}
