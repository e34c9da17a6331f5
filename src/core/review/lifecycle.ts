// The correction lifecycle as a state machine: which event moves which state where, and who may approve.
import type { CorrectionState } from '../../shared/review'
import type { UserRole } from '../../shared/roles'

/** Events that move a correction; each is allowed from a few states only. */
export const CORRECTION_EVENTS = [
  'propose',
  'approve',
  'reject',
  'queue',
  'send',
  'accept',
  'refuse',
  'conflict',
  'supersede',
  'withdraw',
  'outdate'
] as const
export type CorrectionEvent = (typeof CORRECTION_EVENTS)[number]

/**
 * The whole machine. draft → proposed → approved / rejected; approved → queued → sent →
 * accepted / refused / conflict. A refused or conflicting correction is never sent again under
 * its UUID (the gateway keeps its first answer): a person either replaces it with a new
 * correction (superseded: proposed again on the record's current version, or re-signed) or
 * withdraws it. rejected, accepted, superseded and withdrawn are final. A correction whose
 * population record changed before it was sent is taken back (outdated): what was proposed and
 * signed was about content that no longer holds, so it is proposed again on the new version, or
 * withdrawn, like a conflict. Once sent, only the national side's answer moves it.
 */
export const TRANSITIONS: Readonly<
  Record<CorrectionState, Partial<Record<CorrectionEvent, CorrectionState>>>
> = {
  draft: { propose: 'proposed' },
  proposed: { approve: 'approved', reject: 'rejected', outdate: 'outdated' },
  approved: { queue: 'queued', outdate: 'outdated' },
  rejected: {},
  queued: { send: 'sent', outdate: 'outdated' },
  sent: { accept: 'accepted', refuse: 'refused', conflict: 'conflict' },
  accepted: {},
  refused: { supersede: 'superseded', withdraw: 'withdrawn' },
  conflict: { supersede: 'superseded', withdraw: 'withdrawn' },
  superseded: {},
  withdrawn: {},
  outdated: { supersede: 'superseded', withdraw: 'withdrawn' }
}

/** The state after `event`, or null when the event is not allowed from `state`. */
export function nextState(state: CorrectionState, event: CorrectionEvent): CorrectionState | null {
  return TRANSITIONS[state][event] ?? null
}

export type ApprovalRefusal = 'not_supervisor' | 'own_proposal'

/**
 * Four eyes: only a supervisor decides, and never on their own proposal. The key check covers
 * the same person under two user names on two machines (a review package).
 */
export function approvalRefusal(p: {
  role: UserRole
  decider: string
  proposer: string
  deciderKey?: string
  proposerKey?: string | null
}): ApprovalRefusal | null {
  if (p.role !== 'supervisor') return 'not_supervisor'
  if (p.decider === p.proposer) return 'own_proposal'
  if (p.deciderKey && p.proposerKey && p.deciderKey === p.proposerKey) return 'own_proposal'
  return null
}
