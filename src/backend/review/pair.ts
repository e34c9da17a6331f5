// The pair view: a source record beside its best population record, its weights and its history.
import type {
  MatchGrade,
  ModelWeights,
  PairCandidate,
  PairView,
  PopulationChange,
  RecordRow,
  ReviewDecisionRow,
  SameRecordRow
} from '../../shared/api'
import { AppError } from '../../shared/errors'
import { PERSON_FIELDS } from '../../shared/fields'
import { levelWeights, modelFits } from '../../core/match/fit'
import type { ModelParams } from '../../core/match/model'
import { CONTENT_FIELDS } from '../../core/import/population-version'
import type { Db } from '../db/open'
import { correctionsOfSource } from './corrections'
import { reviewStateOf } from './decide'

const COLUMNS = `id, record_key, batch_id, row_number, ${PERSON_FIELDS.join(', ')}`

export function pairView(db: Db, sourceRecordId: number, runId: number | null): PairView {
  const source = db
    .prepare(`SELECT ${COLUMNS}, NULL AS version FROM source_record WHERE id = ?`)
    .get(sourceRecordId) as RecordRow | undefined
  if (!source) throw new AppError('not_found', { what: 'source_record', id: sourceRecordId })

  const best =
    runId == null
      ? undefined
      : (db
          .prepare(
            `SELECT m.pair_id AS pairId, m.grade, m.probability, m.flags_json,
               cp.population_record_id AS populationRecordId, cp.levels_json, cp.weights_json,
               r.params_json
             FROM match_result m JOIN match_run r ON r.id = m.run_id
             LEFT JOIN candidate_pair cp ON cp.id = m.pair_id
             WHERE m.run_id = ? AND m.source_record_id = ?`
          )
          .get(runId, sourceRecordId) as
          | {
              pairId: number | null
              grade: MatchGrade
              probability: number
              flags_json: string
              populationRecordId: number | null
              levels_json: string | null
              weights_json: string | null
              params_json: string
            }
          | undefined)

  const linkRow = db
    .prepare(
      `SELECT population_record_id AS populationRecordId, method, decided_by AS decidedBy,
         population_version AS populationVersion
       FROM link WHERE source_record_id = ?`
    )
    .get(sourceRecordId) as PairView['link'] | undefined

  // The record to show beside the source: the best candidate, or what a clerk linked by hand.
  const shownId = best?.populationRecordId ?? linkRow?.populationRecordId ?? null
  const population =
    shownId == null
      ? null
      : ((db
          .prepare(`SELECT ${COLUMNS}, version FROM population_record WHERE id = ?`)
          .get(shownId) as RecordRow | undefined) ?? null)

  const levels = best?.levels_json
    ? (JSON.parse(best.levels_json) as Record<string, string | null>)
    : {}
  const weights = best?.weights_json
    ? (JSON.parse(best.weights_json) as Record<string, number>)
    : {}
  let prior: number | null = null
  let model: ModelWeights | null = null
  if (best) {
    const params = JSON.parse(best.params_json) as ModelParams
    if (typeof params.lambda === 'number' && params.lambda > 0 && params.lambda < 1)
      prior = Math.log2(params.lambda / (1 - params.lambda))
    if (modelFits(params)) model = levelWeights(params)
  }
  // The same person written more than once in the register: the clerk sees the rows together.
  const sameRecord =
    runId == null || best?.populationRecordId == null
      ? []
      : (db
          .prepare(
            `SELECT s.id AS sourceRecordId, s.record_key AS sourceKey, s.row_number AS rowNumber,
               s.full_name AS name, s.dob, m.grade, m.probability
             FROM candidate_pair cp JOIN match_result m ON m.pair_id = cp.id
             JOIN source_record s ON s.id = m.source_record_id
             WHERE cp.run_id = ? AND cp.population_record_id = ? AND m.source_record_id <> ?
               AND m.grade <> 'none'
             ORDER BY s.id`
          )
          .all(runId, best.populationRecordId, sourceRecordId) as SameRecordRow[])

  const candidates =
    runId == null
      ? []
      : (
          db
            .prepare(
              `SELECT cp.id AS pairId, cp.rank, cp.population_record_id AS populationRecordId,
                 p.record_key AS populationKey, p.full_name AS name, p.dob, p.id_number AS idNumber,
                 cp.probability, cp.grade, cp.flags_json
               FROM candidate_pair cp JOIN population_record p ON p.id = cp.population_record_id
               WHERE cp.source_record_id = ? AND cp.run_id = ? ORDER BY cp.rank, cp.id`
            )
            .all(sourceRecordId, runId) as (Omit<PairCandidate, 'flags'> & { flags_json: string })[]
        ).map(({ flags_json, ...c }) => ({ ...c, flags: JSON.parse(flags_json) as string[] }))

  const decisions = (
    db
      .prepare(
        `SELECT d.id, d.action, d.pair_id AS pairId, d.population_record_id AS populationRecordId,
           d.state_before AS stateBefore, d.state_after AS stateAfter, d.note, d.bulk, d.actor, d.at,
           d.population_version AS populationVersion, u.undoes
         FROM review_decision d LEFT JOIN review_undo u ON u.decision_id = d.id
         WHERE d.source_record_id = ? ORDER BY d.id`
      )
      .all(sourceRecordId) as (Omit<ReviewDecisionRow, 'bulk'> & { bulk: number })[]
  ).map((d) => ({ ...d, bulk: d.bulk === 1 }))

  const corrections = correctionsOfSource(db, sourceRecordId)
  const users = [
    ...new Set([...decisions.map((d) => d.actor), ...corrections.map((c) => c.proposedBy)])
  ]
  const named = db.prepare('SELECT display_name FROM app_user WHERE username = ?').pluck()
  const userNames = Object.fromEntries(
    users.map((u) => [u, (named.get(u) as string | undefined) ?? u])
  )

  const src = source as unknown as Record<string, string | number | null>
  const pop = population as unknown as Record<string, string | number | null> | null
  const change = populationChange(db, sourceRecordId)
  const flags = best ? (JSON.parse(best.flags_json) as string[]) : []
  if (change) flags.push('population_changed')
  return {
    runId,
    source,
    population,
    fields: PERSON_FIELDS.map((field) => ({
      field,
      source: src[field] ?? null,
      population: pop?.[field] ?? null,
      same: (src[field] ?? null) === (pop?.[field] ?? null)
    })),
    pairId: best?.pairId ?? null,
    grade: best?.grade ?? 'none',
    probability: best?.probability ?? 0,
    levels,
    weights,
    flags,
    prior,
    explanation: Object.keys(levels).map((field) => ({
      field,
      level: levels[field] ?? null,
      weight: weights[field] ?? 0
    })),
    model,
    sameRecord,
    candidates,
    state: reviewStateOf(db, sourceRecordId),
    link: linkRow ?? null,
    decisions,
    corrections,
    userNames,
    populationChange: change
  }
}

/**
 * The change a clerk has not yet answered: the record's content on the version the work was done
 * on (kept in population_record_version) beside its content now. Never another record: the one
 * the work was done on.
 */
function populationChange(db: Db, sourceRecordId: number): PopulationChange | null {
  const flag = db
    .prepare(
      `SELECT c.population_record_id AS populationRecordId, p.record_key AS recordKey,
         c.from_version AS fromVersion, p.version AS toVersion, c.cause, c.changed_at AS changedAt
       FROM review_population_change c JOIN population_record p ON p.id = c.population_record_id
       WHERE c.source_record_id = ?`
    )
    .get(sourceRecordId) as Omit<PopulationChange, 'fields'> | undefined
  if (!flag) return null
  const now = db
    .prepare('SELECT * FROM population_record WHERE id = ?')
    .get(flag.populationRecordId) as Record<string, string | number | null>
  // The content as it was on that version: the oldest kept copy from it onwards (a version the
  // record skipped, e.g. a pull from 2 to 5, was never held here).
  const kept = db
    .prepare(
      `SELECT fields_json FROM population_record_version
       WHERE population_record_id = ? AND version >= ? ORDER BY version, id LIMIT 1`
    )
    .pluck()
    .get(flag.populationRecordId, flag.fromVersion) as string | undefined
  const before = kept ? (JSON.parse(kept) as Record<string, string | number | null>) : {}
  return {
    ...flag,
    fields: CONTENT_FIELDS.map((field) => {
      const b = before[field] ?? null
      const a = now[field] ?? null
      return { field, before: b, after: a, changed: String(b ?? '') !== String(a ?? '') }
    })
  }
}
