// Labels from review: each register row a person decided on, read by its final state, as the learner needs it.
import { profileKey } from '../../core/match/learn'
import type { Db } from '../db/open'
import { all, sql } from '../db/sql'
import type { SourceLabel } from '../match/run-match'

/** One decided register row: what was decided, by whom and when, in which profile. */
export interface LabelRow {
  sourceRecordId: number
  state: string
  /** The population record it is (accepted, relinked, a duplicate of a known person), or null. */
  match: number | null
  /** A rejected candidate. */
  not: number | null
  batchId: number
  kind: string
  commune: string | null
  actor: string
  at: string
}

/**
 * Every register row whose final state a person set. A decision later reopened counts no more,
 * one changed counts as it stands now. States the matcher sets by itself are no labels.
 */
export function labelRows(db: Db): LabelRow[] {
  return all(
    db,
    sql<LabelRow>`SELECT rs.source_record_id AS sourceRecordId, rs.state,
        CASE WHEN rs.state IN ('accepted', 'relinked', 'duplicate') THEN rs.population_record_id END
          AS "match",
        CASE WHEN rs.state = 'rejected' THEN cp.population_record_id END AS "not",
        s.batch_id AS batchId, b.kind, s.residence_commune_code AS commune,
        rs.decided_by AS actor, rs.decided_at AS at
      FROM review_state rs
      JOIN source_record s ON s.id = rs.source_record_id
      JOIN import_batch b ON b.id = s.batch_id
      LEFT JOIN candidate_pair cp ON cp.id = rs.pair_id
      WHERE rs.state IN ('accepted', 'relinked', 'rejected', 'not_in_population', 'duplicate')
      ORDER BY rs.source_record_id`
  )
}

/**
 * The labels as the learner reads them: a decided link is the person and no other candidate is;
 * a rejected candidate is not the person (the others stay unknown); a row not in the population
 * has no true candidate; a duplicate names its person only when the clerk gave one.
 */
export function sourceLabels(rows: readonly LabelRow[]): Map<number, SourceLabel> {
  const out = new Map<number, SourceLabel>()
  for (const r of rows) {
    if (r.state === 'not_in_population')
      out.set(r.sourceRecordId, { match: null, not: [], othersNot: true })
    else if (r.state === 'rejected') {
      if (r.not !== null) out.set(r.sourceRecordId, { match: null, not: [r.not], othersNot: false })
    } else if (r.match !== null)
      out.set(r.sourceRecordId, { match: r.match, not: [], othersNot: true })
  }
  return out
}

/** Decisions per profile (register kind and commune), for the screen and a version's summary. */
export function labelCounts(
  rows: readonly LabelRow[]
): Record<string, { match: number; not: number }> {
  const out: Record<string, { match: number; not: number }> = {}
  for (const r of rows) {
    const key = profileKey(r.kind, r.commune)
    const c = (out[key] ??= { match: 0, not: 0 })
    if (r.match !== null) c.match++
    else c.not++
  }
  return out
}
