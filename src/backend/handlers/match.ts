// 'match/*': start a match run, list runs, page through candidate pairs, explain one pair.
import type {
  MatchExplanation,
  MatchGrade,
  MatchPairRow,
  MatchRunInfo,
  MatchStatus,
  matchInputs
} from '../../shared/api'
import { AppError } from '../../shared/errors'
import { DEFAULT_THRESHOLDS, type ModelParams } from '../../core/match/model'
import type { Db } from '../db/open'
import { matchModelInfo } from '../match/model-info'
import type { JobRunner } from '../jobs/jobs'
import { runMatch } from '../match/run-match'
import type { Handlers } from './types'

const RUN_COLUMNS = `id, source_batch_id AS sourceBatchId, source_count AS sourceCount,
  population_count AS populationCount, started_at AS startedAt, stats_json`

function runInfo({ stats_json, ...r }: Omit<MatchRunInfo, 'stats'> & { stats_json: string }) {
  return { ...r, stats: JSON.parse(stats_json) as Record<string, unknown> }
}

const runningMatch = (jobs: JobRunner): string | null =>
  jobs.list().find((j) => j.kind === 'match' && j.state === 'running')?.jobId ?? null

function matchStatus(db: Db, jobs: JobRunner): MatchStatus {
  const count = (sql: string): number => db.prepare(sql).pluck().get() as number
  const full = db
    .prepare(
      `SELECT id, started_at, started_by, source_count, population_count, params_json, stats_json
       FROM match_run WHERE state = 'done' AND scope = 'all' ORDER BY id DESC LIMIT 1`
    )
    .get() as
    | {
        id: number
        started_at: string
        started_by: string
        source_count: number
        population_count: number
        params_json: string
        stats_json: string
      }
    | undefined
  const last = db
    .prepare(`SELECT ${RUN_COLUMNS} FROM match_run WHERE state = 'done' ORDER BY id DESC LIMIT 1`)
    .get() as (Omit<MatchRunInfo, 'stats'> & { stats_json: string }) | undefined
  // A batch is matched by a run of its own, or by a full run that saw its rows (ids grow).
  const unmatchedBatches = db
    .prepare(
      `SELECT b.id AS batchId, b.kind, b.file_name AS fileName, b.rows_accepted AS records,
         b.created_at AS createdAt
       FROM import_batch b
       WHERE b.kind <> 'population' AND b.rows_accepted > 0
         AND NOT EXISTS (SELECT 1 FROM match_run r WHERE r.state = 'done' AND r.source_batch_id = b.id)
         AND NOT EXISTS (SELECT 1 FROM match_run r WHERE r.state = 'done' AND r.scope = 'all'
           AND r.last_source_id >= (SELECT max(s.id) FROM source_record s WHERE s.batch_id = b.id))
       ORDER BY b.id`
    )
    .all() as MatchStatus['unmatchedBatches']
  const changedSince = full
    ? (db
        .prepare(
          `SELECT coalesce(sum(coalesce(records_new + records_changed, rows_accepted)), 0)
           FROM import_batch WHERE kind = 'population' AND created_at > ?`
        )
        .pluck()
        .get(full.started_at) as number) + count('SELECT count(*) FROM sync_rematch')
    : count('SELECT count(*) FROM population_record')
  const running = runningMatch(jobs)
  let model: MatchStatus['model'] = null
  if (full) {
    const params = JSON.parse(full.params_json) as Partial<ModelParams>
    const stats = JSON.parse(full.stats_json) as { grades?: Record<MatchGrade, number> }
    model = {
      runId: full.id,
      fittedAt: full.started_at,
      fittedBy: full.started_by,
      sourceCount: full.source_count,
      populationCount: full.population_count,
      thresholds: { ...DEFAULT_THRESHOLDS, ...params.thresholds },
      grades: { certain: 0, probable: 0, possible: 0, none: 0, ...stats.grades }
    }
  }
  return {
    counts: {
      population: count('SELECT count(*) FROM population_record'),
      source: count('SELECT count(*) FROM source_record')
    },
    model,
    lastRun: last ? runInfo(last) : null,
    unmatchedBatches,
    populationChangedSince: changedSince,
    running: running ? { jobId: running } : null
  }
}

export const matchHandlers: Handlers<keyof typeof matchInputs> = {
  'match/run': (args, { jobs, dbPath, actor }) => {
    // One run at a time: two would compete for the same cores and write over each other's links.
    if (runningMatch(jobs)) throw new AppError('match_running')
    return {
      jobId: jobs.start('match', (ctx) =>
        runMatch({ dbPath, source: args.source, thresholds: args.thresholds, actor }, ctx)
      )
    }
  },
  'match/status': (_args, { db, jobs }) => matchStatus(db, jobs),
  'match/model': (_args, { db }) => matchModelInfo(db),
  'match/runs': (_args, { db }) =>
    (
      db.prepare(`SELECT ${RUN_COLUMNS} FROM match_run ORDER BY id DESC`).all() as (Omit<
        MatchRunInfo,
        'stats'
      > & { stats_json: string })[]
    ).map(runInfo),
  'match/pairs': (args, { db }) => {
    const where = ['p.run_id = @runId', 'p.rank = 1']
    const params: Record<string, string | number> = { runId: args.runId }
    if (args.grade) {
      where.push('p.grade = @grade')
      params.grade = args.grade
    }
    // The flag filter goes through pair_flag's primary key (flag, pair_id).
    const from = args.flag
      ? 'pair_flag f JOIN candidate_pair p ON p.id = f.pair_id'
      : 'candidate_pair p'
    if (args.flag) {
      where.push('f.flag = @flag')
      params.flag = args.flag
    }
    const sql = `FROM ${from} JOIN source_record s ON s.id = p.source_record_id
        JOIN population_record r ON r.id = p.population_record_id WHERE ${where.join(' AND ')}`
    const rows = db
      .prepare(
        `SELECT p.id, p.source_record_id AS sourceRecordId, p.population_record_id AS populationRecordId,
             s.record_key AS sourceKey, r.record_key AS populationKey, p.probability, p.grade,
             p.flags_json ${sql} ORDER BY p.probability DESC, p.id LIMIT @limit OFFSET @offset`
      )
      .all({ ...params, limit: args.limit, offset: args.offset }) as (Omit<
      MatchPairRow,
      'flags'
    > & { flags_json: string })[]
    const total = db.prepare(`SELECT count(*) ${sql}`).pluck().get(params) as number
    return {
      rows: rows.map(({ flags_json, ...r }) => ({
        ...r,
        flags: JSON.parse(flags_json) as string[]
      })),
      total
    }
  },
  'match/explain': (args, { db }) => {
    const row = db
      .prepare(
        `SELECT p.id, p.probability, p.grade, p.levels_json, p.weights_json, p.flags_json, m.params_json
           FROM candidate_pair p JOIN match_run m ON m.id = p.run_id WHERE p.id = ?`
      )
      .get(args.pairId) as
      | {
          id: number
          probability: number
          grade: MatchGrade
          levels_json: string
          weights_json: string
          flags_json: string
          params_json: string
        }
      | undefined
    if (!row) throw new AppError('not_found', { what: 'candidate_pair', id: args.pairId })
    const params = JSON.parse(row.params_json) as ModelParams
    const levels = JSON.parse(row.levels_json) as Record<string, string | null>
    const weights = JSON.parse(row.weights_json) as Record<string, number>
    const prior = Math.log2(params.lambda / (1 - params.lambda))
    const steps = Object.keys(levels).map((field) => ({
      field,
      level: levels[field] ?? null,
      weight: weights[field] ?? 0
    }))
    const out: MatchExplanation = {
      pairId: row.id,
      prior,
      steps,
      total: prior + steps.reduce((s, x) => s + x.weight, 0),
      probability: row.probability,
      grade: row.grade,
      flags: JSON.parse(row.flags_json) as string[]
    }
    return out
  }
}
