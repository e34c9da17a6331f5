// Model versions: the one grading the queue, its ancestors, what each learnt, and their weights side by side.
import type { LevelChange, ModelVersionInfo, VersionSummary } from '../../shared/api'
import { AppError } from '../../shared/errors'
import { COMPARISONS } from '../../core/match/compare'
import { levelWeights, modelFits } from '../../core/match/fit'
import { levelBits, type AdjustLayer } from '../../core/match/learn'
import type { ModelParams } from '../../core/match/model'
import type { Db } from '../db/open'
import { all, get, sql, value } from '../db/sql'

export interface VersionRow {
  id: number
  parentId: number | null
  origin: 'fitted' | 'learnt' | 'imported'
  params: ModelParams
  summary: VersionSummary
  fileId: string | null
  signer: string | null
  signerFingerprint: string | null
  createdBy: string
  createdAt: string
}

interface StoredVersion {
  id: number
  parentId: number | null
  origin: VersionRow['origin']
  params_json: string
  summary_json: string
  fileId: string | null
  signer: string | null
  signerFingerprint: string | null
  createdBy: string
  createdAt: string
}

const versionColumns = sql`id, parent_id AS parentId, origin, params_json, summary_json,
  file_id AS fileId, signer, signer_fingerprint AS signerFingerprint, created_by AS createdBy,
  created_at AS createdAt`

function parse(r: StoredVersion): VersionRow {
  const { params_json, summary_json, ...rest } = r
  return {
    ...rest,
    params: JSON.parse(params_json) as ModelParams,
    summary: JSON.parse(summary_json) as VersionSummary
  }
}

export function getVersion(db: Db, id: number): VersionRow {
  const r = get(
    db,
    sql<StoredVersion>`SELECT ${versionColumns} FROM model_version WHERE id = ${id}`
  )
  if (!r) throw new AppError('not_found', { what: 'model_version', id })
  return parse(r)
}

/** The latest finished run: the one whose grades the queue shows. */
export function latestRun(
  db: Db
): { id: number; params: ModelParams; versionId: number | null; scope: string } | null {
  const r = get(
    db,
    sql<{ id: number; params_json: string; versionId: number | null; scope: string }>`SELECT id,
      params_json, model_version_id AS versionId, scope FROM match_run WHERE state = 'done'
      ORDER BY id DESC LIMIT 1`
  )
  return r
    ? {
        id: r.id,
        params: JSON.parse(r.params_json) as ModelParams,
        versionId: r.versionId,
        scope: r.scope
      }
    : null
}

/** The version grading the queue now (null: the latest run's own fit, never recorded as one). */
export function activeVersionId(db: Db): number | null {
  return latestRun(db)?.versionId ?? null
}

/**
 * The version of the latest run, recorded first when that run fitted its own model: what a
 * re-fit is compared with and what a rollback goes back to.
 */
export function ensureActiveVersion(db: Db, actor: string, at: string): number {
  const run = latestRun(db)
  if (!run) throw new AppError('learn_no_run')
  if (run.versionId !== null) return run.versionId
  if (!modelFits(run.params)) throw new AppError('learn_no_run')
  const id = insertVersion(db, {
    parentId: null,
    origin: 'fitted',
    params: run.params,
    summary: {
      labels: 0,
      match: 0,
      not: 0,
      byProfile: {},
      profiles: [],
      patterns: 0,
      runId: run.id
    },
    actor,
    at
  })
  db.prepare('UPDATE match_run SET model_version_id = ? WHERE id = ?').run(id, run.id)
  return id
}

export function insertVersion(
  db: Db,
  v: {
    parentId: number | null
    origin: VersionRow['origin']
    params: ModelParams
    summary: VersionSummary
    actor: string
    at: string
    file?: { id: string; signer: string; fingerprint: string }
  }
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO model_version (parent_id, origin, params_json, summary_json, file_id, signer,
           signer_fingerprint, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(
        v.parentId,
        v.origin,
        JSON.stringify(v.params),
        JSON.stringify(v.summary),
        v.file?.id ?? null,
        v.file?.signer ?? null,
        v.file?.fingerprint ?? null,
        v.actor,
        v.at
      ).lastInsertRowid
  )
}

export function updateSummary(db: Db, id: number, summary: VersionSummary): void {
  db.prepare('UPDATE model_version SET summary_json = ? WHERE id = ?').run(
    JSON.stringify(summary),
    id
  )
}

/** Every version, newest first, with the one grading the queue marked. */
export function listVersions(db: Db): ModelVersionInfo[] {
  const active = activeVersionId(db)
  return all(
    db,
    sql<StoredVersion>`SELECT ${versionColumns} FROM model_version ORDER BY id DESC`
  ).map((r) => {
    const v = parse(r)
    return {
      id: v.id,
      parentId: v.parentId,
      origin: v.origin,
      active: v.id === active,
      summary: v.summary,
      signer: v.signer,
      createdBy: v.createdBy,
      createdAt: v.createdAt
    }
  })
}

/** The run a version last graded (null: never applied here, e.g. an imported file not yet applied). */
export function runOfVersion(db: Db, id: number): number | null {
  return (
    value(
      db,
      sql<{ id: number | null }>`SELECT max(id) FROM match_run WHERE model_version_id = ${id}`
    ) ?? null
  )
}

/**
 * Every level's weight (bits) in two models, for the whole register and, where one learnt on its
 * own, for a profile: what a version changed.
 */
export function levelChanges(
  before: ModelParams | null,
  after: ModelParams,
  profile = ''
): LevelChange[] {
  const a = levelWeights(after)
  const b = before && modelFits(before) ? levelWeights(before) : null
  const out: LevelChange[] = []
  COMPARISONS.forEach((c, f) => {
    c.levels.forEach((level, l) => {
      const wa = a.fields[f]!.levels[l]!.weight + levelBits(after.layers, profile, f, l)
      const wb = b
        ? b.fields[f]!.levels[l]!.weight + levelBits(before!.layers, profile, f, l)
        : null
      out.push({
        field: c.field,
        level,
        used: a.fields[f]!.used,
        before: wb,
        after: wa
      })
    })
  })
  return out
}

/** The layers of a model that came from files (kept when the local layer is learnt again). */
export function importedLayers(params: ModelParams): AdjustLayer[] {
  return (params.layers ?? []).filter((l) => l.origin === 'imported')
}
