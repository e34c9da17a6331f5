// Review and correction vocabulary: states, actions, sort fields, reasons, decisions; one list each.

/**
 * Where a clerk stands on a source record; 'open' until someone decides. 'auto_accepted': the run
 * accepted its link on its own ("certain" grade) and no one has decided since; never stored as a
 * clerk's state, it is what an undecided record with an automatic link is.
 */
export const REVIEW_STATES = [
  'open',
  'accepted',
  'rejected',
  'relinked',
  'duplicate',
  'not_in_population',
  'auto_accepted'
] as const
export type ReviewState = (typeof REVIEW_STATES)[number]

/** What a clerk can do to a source record from the pair view; 'note' changes no state. */
export const REVIEW_ACTIONS = [
  'accept',
  'reject',
  'relink',
  'duplicate',
  'not_in_population',
  'note',
  'reopen'
] as const
export type ReviewAction = (typeof REVIEW_ACTIONS)[number]

/** Queue columns the grid may sort on (whitelisted: each maps to a fixed SQL expression). */
export const QUEUE_SORT_FIELDS = ['probability', 'grade', 'name', 'dob', 'state'] as const
export type QueueSortField = (typeof QUEUE_SORT_FIELDS)[number]

/**
 * The lifecycle of a correction request: proposed by a clerk, decided by a supervisor, then sent
 * to the national side, which accepts, refuses or finds a conflict (src/core/review/lifecycle.ts).
 */
export const CORRECTION_STATES = [
  'draft',
  'proposed',
  'approved',
  'rejected',
  'queued',
  'sent',
  'accepted',
  'refused',
  'conflict',
  'superseded',
  'withdrawn',
  'outdated'
] as const
export type CorrectionState = (typeof CORRECTION_STATES)[number]

/** Which side holds the wrong value: the national record or the local register. */
export const CORRECTION_SIDES = ['population', 'local'] as const
export type CorrectionSide = (typeof CORRECTION_SIDES)[number]

/** Why a value is wrong; the clerk adds free text when none fits exactly. */
export const CORRECTION_REASONS = [
  'typo',
  'diacritics',
  'name_order',
  'dob_wrong',
  'dob_day_month_swap',
  'dob_lunar',
  'sex_wrong',
  'id_wrong',
  'deceased_not_recorded',
  'address_outdated',
  'legal_change',
  'other'
] as const
export type CorrectionReason = (typeof CORRECTION_REASONS)[number]

/** Person fields a correction may change; each value is parsed before it is stored. */
export const CORRECTABLE_FIELDS = [
  'full_name',
  'dob',
  'sex',
  'id_number',
  'legacy_id',
  'residence',
  'hometown',
  'ethnicity',
  'father_name',
  'mother_name',
  'spouse_name',
  'vital_status',
  'death_date'
] as const
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number]

/** A supervisor's answer to a proposed correction. */
export const APPROVAL_DECISIONS = ['approve', 'reject'] as const
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number]
