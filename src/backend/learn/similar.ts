// "The same for K similar pairs": one decision carried to every open pair of the same kind, counted first, audited once.
import { AppError } from '../../shared/errors'
import type { SimilarAction } from '../../shared/api'
import { encodePattern } from '../../core/match/model'
import { appendAudit } from '../audit/audit'
import type { Db } from '../db/open'
import { applyDecision } from '../review/decide'
import { ensureQueue, noteState } from '../review/queue'
import { levelsOf, openPairs } from './teach'
import { latestRun } from './versions'

/**
 * Open rows whose best candidate has the same level pattern and the same flags as this record's
 * (the record itself excluded, open or decided). Accepting needs a candidate the grade linked,
 * as a one-by-one accept does.
 */
export function similarTargets(
  db: Db,
  runId: number,
  sourceRecordId: number,
  action: SimilarAction
): number[] {
  ensureQueue(db, runId)
  const mine = db
    .prepare(
      `SELECT cp.levels_json, coalesce(ri.flag_mask, 0) AS flagMask FROM candidate_pair cp
       LEFT JOIN review_item ri ON ri.run_id = cp.run_id AND ri.source_record_id = cp.source_record_id
       WHERE cp.run_id = ? AND cp.source_record_id = ? AND cp.rank = 1`
    )
    .get(runId, sourceRecordId) as { levels_json: string; flagMask: number } | undefined
  if (!mine) return []
  const open = openPairs(db, runId)
  const code = encodePattern(levelsOf(mine.levels_json))
  const linked = db
    .prepare('SELECT pair_id FROM match_result WHERE run_id = ? AND source_record_id = ?')
    .pluck()
  return open
    .filter(
      (p) =>
        p.sourceRecordId !== sourceRecordId &&
        p.flagMask === mine.flagMask &&
        encodePattern(p.levels) === code &&
        (action !== 'accept' || linked.get(runId, p.sourceRecordId) === p.pairId)
    )
    .map((p) => p.sourceRecordId)
}

/**
 * Count (dry run) or apply the decision to every similar open pair. Applied only while the count
 * the clerk confirmed still holds; one audit event lists every record it touched.
 */
export function similarDecision(
  db: Db,
  o: {
    sourceRecordId: number
    action: SimilarAction
    dryRun: boolean
    expectedCount?: number
    actor: string
  }
): { count: number; applied: boolean } {
  const run = latestRun(db)
  if (!run) return { count: 0, applied: false }
  if (o.dryRun)
    return { count: similarTargets(db, run.id, o.sourceRecordId, o.action).length, applied: false }
  const expected = o.expectedCount
  if (expected === undefined)
    throw new AppError('validation', { detail: 'confirm the count first (dry run)' })
  const ids = db
    .transaction(() => {
      const ids = similarTargets(db, run.id, o.sourceRecordId, o.action)
      if (ids.length !== expected)
        throw new AppError('count_changed', { expected, actual: ids.length })
      const at = new Date().toISOString()
      for (const id of ids)
        applyDecision(db, {
          sourceRecordId: id,
          action: o.action,
          runId: run.id,
          actor: o.actor,
          bulk: true,
          at
        })
      appendAudit(db, {
        actor: o.actor,
        action: `review/similar_${o.action}`,
        entity: 'match_run',
        entityId: run.id,
        at,
        detail: {
          like: o.sourceRecordId,
          count: ids.length,
          sourceRecordIds: ids,
          before: { state: 'open' },
          after: { state: o.action === 'accept' ? 'accepted' : 'rejected' }
        }
      })
      return ids
    })
    .immediate()
  // After the commit: the in-memory queue never shows a state that was rolled back.
  for (const id of ids) noteState(db, id, o.action === 'accept' ? 'accepted' : 'rejected')
  return { count: ids.length, applied: true }
}
