// What the review screen says about matching: the model in use, the last run, the batches not matched.
import type { MatchModelInfo } from '../../shared/api'
import { COMPARISONS } from '../../core/match/compare'
import type { ModelParams } from '../../core/match/model'
import type { Db } from '../db/open'
import { all, get, sql, value } from '../db/sql'

interface RunRow {
  id: number
  sourceBatchId: number | null
  params: string
  sourceCount: number
  populationCount: number
  startedBy: string
  startedAt: string
}

function displayName(db: Db, username: string): string {
  return (
    value(
      db,
      sql<{ n: string }>`SELECT display_name AS n FROM app_user WHERE username = ${username}`
    ) ?? username
  )
}

/** Whether any finished run has a result for this source record. */
function matched(db: Db, runIds: readonly number[], sourceRecordId: number): boolean {
  return runIds.some(
    (runId) =>
      get(
        db,
        sql<{ x: number }>`SELECT 1 AS x FROM match_result
          WHERE run_id = ${runId} AND source_record_id = ${sourceRecordId}`
      ) !== undefined
  )
}

export function matchModelInfo(db: Db): MatchModelInfo {
  const runs = all(
    db,
    sql<RunRow>`SELECT id, source_batch_id AS sourceBatchId, params_json AS params,
        source_count AS sourceCount, population_count AS populationCount,
        started_by AS startedBy, started_at AS startedAt
      FROM match_run WHERE state = 'done' ORDER BY id DESC`
  )
  const runIds = runs.map((r) => r.id)
  // A whole run or a whole batch is matched at once: one record tells for its batch.
  const batches = all(
    db,
    sql<{ id: number; fileName: string; rows: number; createdAt: string; first: number | null }>`
      SELECT b.id, b.file_name AS fileName, b.rows_accepted AS rows, b.created_at AS createdAt,
        (SELECT s.id FROM source_record s WHERE s.batch_id = b.id LIMIT 1) AS first
      FROM import_batch b WHERE b.kind <> 'population' ORDER BY b.id`
  )
  const unmatched = batches
    .filter((b) => b.first !== null && !matched(db, runIds, b.first))
    .map(({ id, fileName, rows, createdAt }) => ({ id, fileName, rows, createdAt }))

  const counts = {
    population: value(db, sql<{ n: number }>`SELECT count(*) AS n FROM population_record`) ?? 0,
    source: value(db, sql<{ n: number }>`SELECT count(*) AS n FROM source_record`) ?? 0
  }
  const populationChangedSince = changedSinceFullRun(db, counts.population)
  const latest = runs[0]
  if (!latest) return { model: null, lastRun: null, unmatched, counts, populationChangedSince }
  const latestParams = JSON.parse(latest.params) as ModelParams
  // A batch run scores with the model it was handed (the same m and u): the model was estimated
  // by the oldest run of the unbroken line of runs sharing them.
  const sameModel = (p: ModelParams): boolean =>
    JSON.stringify([p.m, p.u, p.lambda]) ===
    JSON.stringify([latestParams.m, latestParams.u, latestParams.lambda])
  let fitted = latest
  for (const r of runs.slice(1)) {
    if (!sameModel(JSON.parse(r.params) as ModelParams)) break
    fitted = r
  }
  const fittedParams = JSON.parse(fitted.params) as ModelParams
  const used = new Set(fittedParams.fieldsUsed)
  const prior = Math.log2(fittedParams.lambda / (1 - fittedParams.lambda))
  return {
    model: {
      runId: fitted.id,
      fittedAt: fitted.startedAt,
      fittedBy: displayName(db, fitted.startedBy),
      batches: batches
        .filter((b) => b.first !== null && matched(db, [fitted.id], b.first))
        .map(({ id, fileName }) => ({ id, fileName })),
      sourceCount: fitted.sourceCount,
      populationCount: fitted.populationCount,
      prior,
      // A field neither file carried has no weight: it is left out rather than shown as zero.
      comparisons: COMPARISONS.map((c, f) => ({
        field: c.field,
        levels: c.levels.map((level, l) => ({
          level,
          weight: Math.log2(fittedParams.m[f]![l]! / fittedParams.u[f]![l]!)
        }))
      })).filter((c) => used.size === 0 || used.has(c.field))
    },
    lastRun: {
      runId: latest.id,
      at: latest.startedAt,
      by: displayName(db, latest.startedBy),
      batchId: latest.sourceBatchId,
      sourceCount: latest.sourceCount,
      thresholds: latestParams.thresholds
    },
    unmatched,
    counts,
    populationChangedSince
  }
}

/**
 * Population records added or changed since the last full run: by imports (their new and changed
 * counts) and by sync pulls waiting to be matched again. Before any full run, all of them.
 */
function changedSinceFullRun(db: Db, population: number): number {
  const full = value(
    db,
    sql<{ at: string }>`SELECT started_at AS at FROM match_run
      WHERE state = 'done' AND scope = 'all' ORDER BY id DESC LIMIT 1`
  )
  if (full === undefined) return population
  const imported =
    value(
      db,
      sql<{
        n: number
      }>`SELECT coalesce(sum(coalesce(records_new + records_changed, rows_accepted)), 0)
        AS n FROM import_batch WHERE kind = 'population' AND created_at > ${full}`
    ) ?? 0
  return imported + (value(db, sql<{ n: number }>`SELECT count(*) AS n FROM sync_rematch`) ?? 0)
}
