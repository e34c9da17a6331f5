// Learn jobs: a re-fit from every decision, a rollback to an earlier version, an imported version applied.
import type { LearnSummary, VersionSummary } from '../../shared/api'
import { AppError } from '../../shared/errors'
import type { ModelParams } from '../../core/match/model'
import { appendAudit } from '../audit/audit'
import { openDb, type Db } from '../db/open'
import type { JobContext } from '../jobs/jobs'
import { runMatch } from '../match/run-match'
import { labelCounts, labelRows, sourceLabels } from './labels'
import { expectedError, openPairs, regradedCount } from './teach'
import {
  ensureActiveVersion,
  getVersion,
  importedLayers,
  insertVersion,
  latestRun,
  updateSummary
} from './versions'

export interface LearnJobOptions {
  dbPath: string
  actor: string
}

/** What a version did once its run is written: expected error before and after, rows re-graded. */
function graded(
  db: Db,
  runId: number,
  previousRunId: number,
  before: number | null
): Partial<VersionSummary> {
  const open = openPairs(db, runId)
  return {
    runId,
    expectedError: { before, after: expectedError(open) },
    openPairs: open.length,
    regraded: regradedCount(db, runId, previousRunId)
  }
}

/** The state a learn job starts from: the run grading the queue now and its version. */
function start(db: Db, actor: string): { runId: number; versionId: number; error: number } {
  const run = latestRun(db)
  if (!run) throw new AppError('learn_no_run')
  const at = new Date().toISOString()
  const versionId = db.transaction(() => ensureActiveVersion(db, actor, at)).immediate()
  return { runId: run.id, versionId, error: expectedError(openPairs(db, run.id)) }
}

/**
 * Learn again from every decision, on top of a fresh fit and of any imported layers, and grade
 * every register row with the result: a new match run with a new version. Decided rows keep their
 * state and link (a run never touches them); open rows get the new grades.
 */
export async function refitModel(o: LearnJobOptions, ctx: JobContext): Promise<LearnSummary> {
  const db = openDb(o.dbPath)
  let from: ReturnType<typeof start>
  let parent: ModelParams
  let rows: ReturnType<typeof labelRows>
  try {
    from = start(db, o.actor)
    parent = getVersion(db, from.versionId).params
    rows = labelRows(db)
  } finally {
    db.close()
  }
  if (rows.length === 0) throw new AppError('learn_no_labels')
  let versionId = 0
  const summary = await runMatch(
    {
      dbPath: o.dbPath,
      source: 'all',
      thresholds: parent.thresholds,
      actor: o.actor,
      learn: { labels: sourceLabels(rows), keep: importedLayers(parent) },
      onCommit: (db, runId, params) => {
        const at = new Date().toISOString()
        const local = params.layers?.find((l) => l.origin === 'local')
        const byProfile = labelCounts(rows)
        const match = rows.filter((r) => r.match !== null).length
        versionId = insertVersion(db, {
          parentId: from.versionId,
          origin: 'learnt',
          params,
          summary: {
            labels: rows.length,
            match,
            not: rows.length - match,
            byProfile,
            profiles: Object.keys(local?.profiles ?? {}),
            patterns: Object.keys(local?.global.patterns ?? {}).length,
            ...graded(db, runId, from.runId, from.error)
          } as VersionSummary,
          actor: o.actor,
          at
        })
        db.prepare('UPDATE match_run SET model_version_id = ? WHERE id = ?').run(versionId, runId)
        appendAudit(db, {
          actor: o.actor,
          action: 'model/refit',
          entity: 'model_version',
          entityId: versionId,
          at,
          detail: { parent: from.versionId, runId, labels: rows.length, match }
        })
      }
    },
    ctx
  )
  return { ...summary, versionId }
}

/**
 * Grade every register row with a stored version as it is (nothing fitted or learnt): a rollback
 * to an earlier version, or an imported version applied. On the same records the version's grades
 * come back exactly; decided rows keep their state and link.
 */
export async function gradeWithVersion(
  o: LearnJobOptions & { versionId: number; action: 'rollback' | 'apply' },
  ctx: JobContext
): Promise<LearnSummary> {
  const db = openDb(o.dbPath)
  let from: ReturnType<typeof start>
  let params: ModelParams
  try {
    params = getVersion(db, o.versionId).params
    from = start(db, o.actor)
  } finally {
    db.close()
  }
  const summary = await runMatch(
    {
      dbPath: o.dbPath,
      source: 'all',
      thresholds: params.thresholds,
      actor: o.actor,
      model: params,
      onCommit: (db, runId) => {
        const at = new Date().toISOString()
        db.prepare('UPDATE match_run SET model_version_id = ? WHERE id = ?').run(o.versionId, runId)
        const v = getVersion(db, o.versionId)
        // An imported version's first run says what it did here.
        if (v.summary.runId === null)
          updateSummary(db, o.versionId, {
            ...v.summary,
            ...graded(db, runId, from.runId, from.error)
          })
        appendAudit(db, {
          actor: o.actor,
          action: `model/${o.action}`,
          entity: 'model_version',
          entityId: o.versionId,
          at,
          detail: { from: from.versionId, runId }
        })
      }
    },
    ctx
  )
  return { ...summary, versionId: o.versionId }
}
