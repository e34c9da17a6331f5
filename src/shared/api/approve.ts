// Contract of 'approvals/*', 'packages/*' and 'corrections/resubmit|resign|withdraw|verify': four-eyes decisions and review packages.
import { z } from 'zod'
import type { ApprovalDecision, CorrectionState } from '../review'
import {
  APPROVAL_DECISIONS,
  CORRECTABLE_FIELDS,
  CORRECTION_REASONS,
  CORRECTION_STATES
} from '../review'
import { empty, rangeMessage, rowRange, validRange, type Page } from './common'
import type { CorrectionRow } from './review'

/** The class filter of the approval list and of bulk approval. */
export const approvalFilterSchema = z
  .object({
    field: z.enum(CORRECTABLE_FIELDS).optional(),
    reason: z.enum(CORRECTION_REASONS).optional(),
    batchId: z.number().int().positive().optional(),
    packageId: z.uuid().optional(),
    proposedBy: z.string().max(32).optional()
  })
  .strict()
export type ApprovalFilter = z.output<typeof approvalFilterSchema>

const needsReason = (v: { decision: string; reason?: string }): boolean =>
  v.decision !== 'reject' || (v.reason ?? '') !== ''
const reasonMessage = { message: 'a rejection needs a reason', path: ['reason'] }

export const approveInputs = {
  // What follows a refusal or a conflict: a new correction on the current version (resubmit), the
  // same one re-signed by a supervisor (resign), or none (withdraw).
  'corrections/resubmit': z.object({ uuid: z.uuid() }).strict(),
  'corrections/resign': z.object({ uuid: z.uuid() }).strict(),
  'corrections/withdraw': z
    .object({ uuid: z.uuid(), reason: z.string().trim().max(2000).optional() })
    .strict(),
  'corrections/verify': z.object({ uuid: z.uuid() }).strict(),
  'approvals/list': z
    .object({
      ...rowRange,
      state: z.enum(CORRECTION_STATES).optional(),
      filter: approvalFilterSchema.default({})
    })
    .strict()
    .refine(validRange, rangeMessage),
  'approvals/decide': z
    .object({
      uuid: z.uuid(),
      decision: z.enum(APPROVAL_DECISIONS),
      reason: z.string().trim().max(2000).optional()
    })
    .strict()
    .refine(needsReason, reasonMessage),
  'approvals/bulk': z
    .object({
      filter: approvalFilterSchema,
      decision: z.enum(APPROVAL_DECISIONS),
      reason: z.string().trim().max(2000).optional(),
      dryRun: z.boolean(),
      /** The count the supervisor confirmed; the real run refuses when it no longer holds. */
      expectedCount: z.number().int().min(0).optional()
    })
    .strict()
    .refine(needsReason, reasonMessage),
  'packages/list': empty,
  'packages/exportProposals': empty,
  'packages/importProposals': z.object({ path: z.string().min(1).max(4096) }).strict(),
  'packages/exportDecisions': z.object({ packageId: z.uuid() }).strict(),
  'packages/importDecisions': z.object({ path: z.string().min(1).max(4096) }).strict()
} as const

export interface ApproveOutputs {
  'corrections/resubmit': CorrectionRow
  'corrections/resign': CorrectionRow
  'corrections/withdraw': CorrectionRow
  'corrections/verify': ApprovalCheck
  'approvals/list': Page<ApprovalItem>
  'approvals/decide': ApprovalItem
  'approvals/bulk': { count: number; ownExcluded: number; applied: boolean }
  'packages/list': PackageInfo[]
  'packages/exportProposals': PackageFile
  'packages/importProposals': PackageImport
  'packages/exportDecisions': PackageFile
  'packages/importDecisions': PackageImport
}

export interface ApprovalCheck {
  uuid: string
  state: CorrectionState
  /** null when the correction has no approval yet. */
  decision: ApprovalDecision | null
  decidedBy: string | null
  decidedAt: string | null
  /** The signature verifies over approvalBytes(payload) with the supervisor's key, and the key is trusted. */
  valid: boolean
  /** Why not, when not valid: 'no_approval', 'bad_signature', 'payload_mismatch', 'untrusted_key'. */
  problem: string | null
  fingerprint: string | null
}

/** A proposal as the Duyệt screen shows it: the correction, both records' fields, the decision. */
export interface ApprovalItem extends CorrectionRow {
  /** The proposer's display name when this machine has the account, else the user name. */
  proposedByName: string
  batchId: number | null
  packageId: string | null
  source: Record<string, string | number | null> | null
  population: Record<string, string | number | null> | null
  approval: {
    decision: ApprovalDecision
    reason: string | null
    decidedBy: string
    decidedByName: string
    decidedAt: string
    fingerprint: string
  } | null
}

export interface PackageInfo {
  id: string
  kind: 'proposals' | 'decisions'
  direction: 'export' | 'import'
  signer: string
  items: number
  at: string
  /** Proposals imported here: how many are decided and could go back in a decisions file. */
  decided: number | null
}

export interface PackageFile {
  packageId: string
  fileName: string
  /** The whole signed file (JSON text). */
  content: string
  count: number
}

export interface PackageImport {
  packageId: string
  /** True when this package was imported before: nothing changed. */
  alreadyImported: boolean
  applied: number
  skipped: number
}
