// Contract of 'sync/*': the outbox's state, a sync run (a job), and the gateway settings.
import { z } from 'zod'
import type { OutboxState } from '../outbox'
import { empty, rangeMessage, rowRange, validRange, type JobStarted, type Page } from './common'

const gatewayUrl = z.url({ protocol: /^https?$/ }).max(2000)
const commune = z.string().trim().min(1).max(16)
/** The gateway operator's token: used for one call, never stored. */
const operatorToken = z.string().trim().min(1).max(500)

export const syncInputs = {
  /** `probe`: check the gateway first when the last check is a few seconds old (the Đồng bộ screen). */
  'sync/status': z.object({ probe: z.boolean().optional() }).strict(),
  'sync/run': empty,
  'sync/configure': z
    .object({
      url: gatewayUrl,
      workstationId: z.string().min(1).max(200),
      secret: z.string().min(1).max(500),
      commune
    })
    .strict(),
  /** Registers this workstation with the gateway's operator API and keeps the credential it gives. */
  'sync/register': z
    .object({ url: gatewayUrl, operatorToken, commune, name: z.string().trim().min(1).max(200) })
    .strict(),
  /** This machine's supervisors and their public keys, for the gateway operator. */
  'sync/supervisors': empty,
  /** Registers supervisors' keys for the configured commune with the gateway's operator API. */
  'sync/registerSupervisors': z
    .object({
      operatorToken,
      usernames: z.array(z.string().min(1).max(32)).min(1).max(100)
    })
    .strict(),
  /** Health, this workstation's credential and each supervisor's key, checked against the gateway. */
  'sync/test': empty,
  /** Corrections the national side accepted, newest first. */
  'sync/accepted': z.object(rowRange).strict().refine(validRange, rangeMessage)
} as const

export interface SyncOutputs {
  'sync/status': SyncStatus
  'sync/run': JobStarted
  'sync/configure': SyncStatus
  'sync/register': SyncStatus
  'sync/supervisors': SupervisorKey[]
  'sync/registerSupervisors': { registered: string[] }
  'sync/test': ConnectionCheck
  'sync/accepted': Page<AcceptedCorrection>
}

/** Why the gateway gave nothing usable: each has words in the UI (sync.problems.*). */
export const SYNC_PROBLEMS = [
  'unreachable',
  'timeout',
  'tls',
  'bad_response',
  'server_error'
] as const
export type SyncProblem = (typeof SYNC_PROBLEMS)[number]

/** What one sync run did (the sync job's result). */
export interface SyncSummary {
  /** False when the gateway could not be reached (the rest waits for a later run). */
  online: boolean
  pushed: number
  accepted: number
  conflicts: number
  parked: number
  retryLater: number
  /** Approvals kept back: the gateway holds no key at all for their supervisor yet (sent once it does). */
  waitingForKey: number
  pulled: number
  changed: number
  deleted: number
  /** Why the gateway could not be reached (offline runs). */
  error: SyncProblem | null
  /** Changed population records matched again right after the pull (0: no match run yet). */
  rematched?: number
}

/**
 * An outbox item the clerk must act on: refused by the gateway (parked, with its reason) or in
 * conflict (both versions). Either is resubmitted, re-signed (refused only) or withdrawn.
 */
export interface OutboxItem {
  uuid: string
  state: OutboxState
  populationKey: string
  baseVersion: number
  fields: { field: string; oldValue: string | null; newValue: string }[]
  proposedBy: string
  approvedBy: string
  /** The approver's display name when this machine knows them, else the user name. */
  approvedByName: string
  attempts: number
  /** Parked: the gateway's reason, a code (REJECT_REASONS or a protocol code) shown in words. */
  lastError: string | null
  updatedAt: string
  /** On a conflict: the national record as it stands (version and fields). */
  current: { version: number; record: Record<string, string | null> | null } | null
}

export interface SyncStatus {
  configured: boolean
  url: string | null
  commune: string | null
  workstationId: string | null
  /** null until the gateway was probed or a run tried it. */
  online: boolean | null
  /** Why the last probe or run could not reach the gateway (null when it could). */
  problem: SyncProblem | null
  /** When the gateway was last probed or tried. */
  checkedAt: string | null
  counts: Record<OutboxState, number>
  lastSyncAt: string | null
  /** Why the last run could not finish: a SyncProblem or the gateway's refusal of this workstation. */
  lastError: string | null
  /** Population records a pull changed since they were last matched. */
  rematch: number
  /** The running sync job, if any. */
  jobId: string | null
  parked: OutboxItem[]
  conflicts: OutboxItem[]
}

/** A supervisor of this machine as the gateway operator registers them. */
export interface SupervisorKey {
  username: string
  displayName: string
  /** Ed25519, SPKI DER, base64: what `PUT /admin/supervisors/{username}` takes. */
  publicKey: string
  fingerprint: string
}

/** What "Kiểm tra kết nối" found. */
export interface ConnectionCheck {
  url: string
  /** The gateway answered its health check. */
  reachable: boolean
  problem: SyncProblem | null
  /**
   * This workstation's credential: null when not reachable; otherwise `ok`, or the gateway's
   * refusal (unknown_workstation, bad_request_signature, clock_skew, other_area, ...).
   */
  workstation: { ok: boolean; refusal: string | null; name: string | null } | null
  /** Each active supervisor here: whether the gateway holds their key for this commune (null: not checked). */
  supervisors: { username: string; displayName: string; registered: boolean | null }[]
}

/** A correction the national side accepted. */
export interface AcceptedCorrection {
  uuid: string
  populationKey: string
  /** The person as this machine holds them (null when the record is gone). */
  fullName: string | null
  fields: { field: string; oldValue: string | null; newValue: string }[]
  /** Display names when this machine knows the users, else their user names. */
  proposedBy: string
  approvedBy: string
  /** When the gateway received it (its own clock). */
  acceptedAt: string
  /** The national record's version after it. */
  version: number | null
}
