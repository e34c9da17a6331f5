// Review progress over time: reviewer decisions per UTC day, and their running total.
import type { ReviewTimeline } from '../../shared/api'
import type { Db } from '../db/open'

/** Notes change no state, so they are not progress; reopening is a decision and counts. */
export function reviewTimeline(db: Db, batchId: number | undefined, days: number): ReviewTimeline {
  const rows = (
    batchId === undefined
      ? db
          .prepare(
            `SELECT substr(at, 1, 10) AS date, count(*) AS n FROM review_decision
             WHERE action <> 'note' GROUP BY 1 ORDER BY 1`
          )
          .all()
      : db
          .prepare(
            `SELECT substr(d.at, 1, 10) AS date, count(*) AS n FROM review_decision d
             JOIN source_record s ON s.id = d.source_record_id
             WHERE s.batch_id = ? AND d.action <> 'note' GROUP BY 1 ORDER BY 1`
          )
          .all(batchId)
  ) as { date: string; n: number }[]
  let cumulative = 0
  const all = rows.map((r) => ({ date: r.date, decisions: r.n, cumulative: (cumulative += r.n) }))
  const shown = all.slice(-days)
  const before = all.length > shown.length ? all[all.length - shown.length - 1]!.cumulative : 0
  return { days: shown, before, total: cumulative }
}
