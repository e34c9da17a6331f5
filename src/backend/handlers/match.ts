// 'match/*': start a match run, list runs, page through candidate pairs, explain one pair.
import type {
  MatchExplanation,
  MatchGrade,
  MatchPairRow,
  MatchRunInfo,
  matchInputs
} from '../../shared/api'
import { AppError } from '../../shared/errors'
import type { ModelParams } from '../../core/match/model'
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
