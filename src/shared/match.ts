// Match vocabulary: the grades of a link and the flags on a pair or a record; one list each.

/** Grades as FHIR $match has them, strongest first: the order queues, charts and reports use. */
export const MATCH_GRADES = ['certain', 'probable', 'possible', 'none'] as const
export type MatchGrade = (typeof MATCH_GRADES)[number]

/** Flags on a compared pair: what the clerk works on. Bit i of a pair's mask is PAIR_FLAGS[i]. */
export const PAIR_FLAGS = [
  'name_diacritics',
  'name_tone',
  'name_typo',
  'name_order',
  'name_dropped_middle',
  'name_regional',
  'name_different',
  'dob_swap',
  'dob_year_only',
  'dob_month_year',
  'dob_one_digit',
  'dob_lunar',
  'dob_different',
  'sex_different',
  'id_missing',
  'id_cmnd_vs_id',
  'id_one_digit',
  'id_different',
  'id_inconsistent',
  'address_old_naming',
  'address_abbrev',
  'address_ambiguous',
  'address_unresolved',
  'address_other_commune',
  'address_other_province',
  'parents_missing',
  'parent_spelling',
  'parent_mismatch',
  'hometown_different',
  'vital_mismatch',
  'name_swapped',
  'name_missing_part'
] as const
export type PairFlag = (typeof PAIR_FLAGS)[number]

/** Flags on a record rather than a pair. */
export const RECORD_FLAGS = ['unmatched', 'duplicate_in_source', 'close_second'] as const
export type RecordFlag = (typeof RECORD_FLAGS)[number]

/**
 * Flags set by what happened after the run: the population record changed under a link, a
 * decision or a correction (an import of a newer extract, a sync pull). Cleared by a new decision.
 */
export const REVIEW_FLAGS = ['population_changed'] as const
export type ReviewFlag = (typeof REVIEW_FLAGS)[number]
export type Flag = PairFlag | RecordFlag | ReviewFlag

/** Every flag the review queue filters on: pair, record, then review flags (its bit order). */
export const MATCH_FLAGS: readonly Flag[] = [...PAIR_FLAGS, ...RECORD_FLAGS, ...REVIEW_FLAGS]
