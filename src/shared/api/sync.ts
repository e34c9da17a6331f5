// Contract of 'sync/*': the outbox's state, a sync run (a job), and the gateway settings.
import { z } from 'zod'
import type { OutboxState } from '../outbox'
import { empty, type JobStarted } from './common'

export const syncInputs = {
  'sync/status': empty,
  'sync/run': empty,
  'sync/configure': z
    .object({
      url: z.url({ protocol: /^https?$/ }).max(2000),
      workstationId: z.string().min(1).max(200),
      secret: z.string().min(1).max(500),
      commune: z.string().min(1).max(16)
    })
    .strict()
} as const

export interface SyncOutputs {
  'sync/status': SyncStatus
  'sync/run': JobStarted
  'sync/configure': SyncStatus
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
  /** null until the gateway was probed or a run tried it. */
  online: boolean | null
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
