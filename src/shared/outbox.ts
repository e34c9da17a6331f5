// The outbox's vocabulary: where a correction stands on its way to the national side.

/**
 * pending → sent → done; a refusal parks it, a stale base version puts it in conflict; 'closed':
 * refused or in conflict, and a person has resubmitted, re-signed or withdrawn it.
 */
export const OUTBOX_STATES = ['pending', 'sent', 'parked', 'conflict', 'done', 'closed'] as const
export type OutboxState = (typeof OUTBOX_STATES)[number]
