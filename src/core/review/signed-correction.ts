// The one byte form of an approved correction: what a supervisor signs (Ed25519) and what the
// national gateway verifies. Both sides build it with `approvalPayload` and sign or verify
// `approvalBytes`, so the contract cannot drift between the app and the gateway.
import type { CorrectionSide } from '../../shared/review'
import { canonicalJson, type Json } from '../canonical-json'

export interface SignedField {
  field: string
  oldValue: string | null
  newValue: string
}

/** Everything an approval vouches for. Times are ISO 8601 UTC strings. */
export interface ApprovalPayload {
  /** Correction UUID (also the idempotency key of `PUT /corrections/{uuid}`). */
  uuid: string
  populationKey: string
  /** Version of the population record the correction was proposed against. */
  baseVersion: number
  /** Which record is wrong: the national one or the local register. */
  side: CorrectionSide
  fields: SignedField[]
  reason: string
  evidence: string | null
  proposedBy: string
  proposedAt: string
  approvedBy: string
  approvedAt: string
}

/** A payload with fields in a fixed order (by field name), so equal content gives equal bytes. */
export function approvalPayload(p: ApprovalPayload): ApprovalPayload {
  const fields = [...p.fields]
    .map((f) => ({ field: f.field, oldValue: f.oldValue, newValue: f.newValue }))
    .sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0))
  return { ...p, fields }
}

/** The exact bytes that are signed: UTF-8 of the canonical JSON of the normalised payload. */
export function approvalBytes(p: ApprovalPayload): Uint8Array {
  const normal = approvalPayload(p)
  return new TextEncoder().encode(canonicalJson(normal as unknown as Json))
}

/**
 * Wire form of an approval: the payload, the signature (base64) and the signer's public key
 * (Ed25519, SPKI DER, base64), e.g. `createPublicKey(k).export({ type: 'spki', format: 'der' })`.
 */
export interface SignedApproval {
  payload: ApprovalPayload
  signature: string
  publicKey: string
}
