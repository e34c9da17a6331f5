// The national-gateway protocol as data: request/response shapes (zod) and the request-signing
// string. api/national-gateway.openapi.yaml documents the same contract for other implementers.
import { z } from 'zod'
import type { PersonRecord } from '../../shared/fields'
import { CORRECTABLE_FIELDS, CORRECTION_SIDES } from '../../shared/review'

/** Headers of a signed request (HMAC-SHA256 with the workstation's secret). */
export const AUTH_HEADERS = {
  workstation: 'x-doisoat-workstation',
  timestamp: 'x-doisoat-timestamp',
  nonce: 'x-doisoat-nonce',
  signature: 'x-doisoat-signature'
} as const

/** A signed request older or newer than this (by the gateway's clock) is refused. */
export const REPLAY_WINDOW_MS = 5 * 60_000

/** Most items one batch push may carry. */
export const MAX_BATCH = 500

/** Most records one pull page may carry. */
export const MAX_PULL_LIMIT = 10_000

/**
 * The text a workstation signs: method, path with query, SHA-256 (hex) of the exact body bytes
 * (of the empty string when there is none), timestamp (ms since epoch) and nonce, one a line.
 */
export function signingString(
  method: string,
  pathWithQuery: string,
  bodySha256Hex: string,
  timestamp: string,
  nonce: string
): string {
  return [method.toUpperCase(), pathWithQuery, bodySha256Hex, timestamp, nonce].join('\n')
}

const uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'lower-case UUID')
const isoTime = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/, 'ISO 8601 UTC')

export const approvalPayloadSchema = z.strictObject({
  uuid,
  populationKey: z.string().min(1).max(64),
  baseVersion: z.number().int().min(0),
  side: z.enum(CORRECTION_SIDES),
  fields: z
    .array(
      z.strictObject({
        field: z.string().min(1).max(64),
        oldValue: z.string().max(1000).nullable(),
        newValue: z.string().max(1000)
      })
    )
    .min(1)
    .max(CORRECTABLE_FIELDS.length),
  reason: z.string().min(1).max(64),
  evidence: z.string().max(1000).nullable(),
  proposedBy: z.string().min(1).max(64),
  proposedAt: isoTime,
  approvedBy: z.string().min(1).max(64),
  approvedAt: isoTime
})

export const signedApprovalSchema = z.strictObject({
  payload: approvalPayloadSchema,
  signature: z.string().min(1).max(200),
  publicKey: z.string().min(1).max(200)
})

export const batchRequestSchema = z.strictObject({
  items: z.array(z.unknown()).min(1).max(MAX_BATCH)
})

export const supervisorRegistrationSchema = z.strictObject({
  publicKey: z.string().min(1).max(200),
  communes: z.array(z.string().min(1).max(16)).min(1).max(1000)
})

export const workstationRegistrationSchema = z.strictObject({
  commune: z.string().min(1).max(16),
  name: z.string().min(1).max(200)
})

/** A population record as the national side holds it: canonical person fields (others ignored). */
export const personRecordSchema = z
  .object({ full_name: z.string().min(1) })
  .catchall(z.string().nullable())

/** What a correction came to. Stored with the first request and returned to every replay. */
export type CorrectionOutcome =
  | 'applied' // side 'population': the national record changed, version bumped
  | 'recorded' // side 'local': recorded, nothing national changed
  | 'conflict' // base version stale: 412, the current record returned, nothing applied
  | 'rejected' // the request can never succeed as sent: 422 with a reason

export const REJECT_REASONS = [
  'bad_signature',
  'unknown_supervisor',
  'self_approval',
  'unknown_record',
  'other_commune',
  'invalid_value'
] as const
export type RejectReason = (typeof REJECT_REASONS)[number]

export interface PulledRecord {
  key: string
  version: number
  deleted: boolean
  /** Null for a deletion (tombstone). */
  record: PersonRecord | null
}

export interface CorrectionResult {
  uuid: string
  outcome: CorrectionOutcome
  /** HTTP status of the first answer (201, 412, 422); replays return the same. */
  status: number
  populationKey: string
  /** The record's version after the correction (applied), or as it stands (others). */
  version: number | null
  receivedAt: string
  reason?: RejectReason
  detail?: string
  /** On a conflict: the record as it stands now. */
  current?: PulledRecord
}

export interface PullPage {
  area: string
  records: PulledRecord[]
  /** Pass back to get what changed after this page. */
  cursor: string
  more: boolean
}

export interface BatchItemResult {
  uuid: string | null
  status: number
  body: CorrectionResult | GatewayErrorBody
}

export interface GatewayErrorBody {
  code: string
  message: string
  current?: PulledRecord
}
