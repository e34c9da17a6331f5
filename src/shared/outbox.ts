// The outbox's vocabulary: where a correction stands on its way to the national side.

/** pending → sent → done; a refusal parks it, a stale base version puts it in conflict. */
export const OUTBOX_STATES = ['pending', 'sent', 'parked', 'conflict', 'done'] as const
export type OutboxState = (typeof OUTBOX_STATES)[number]
