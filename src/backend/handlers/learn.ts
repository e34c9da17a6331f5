// 'learn/*': the teach view's questions, re-fits and rollbacks as jobs, model versions, model files, and the same decision for similar pairs.
import type { LearnStatus, learnInputs } from '../../shared/api'
import { AppError } from '../../shared/errors'
import type { Principal } from '../auth/sessions'
import { labelRows } from '../learn/labels'
import { exportModel, importModel } from '../learn/model-file'
import { gradeWithVersion, refitModel } from '../learn/refit'
import { similarDecision } from '../learn/similar'
import { expectedError, openPairs, teachList } from '../learn/teach'
import { getVersion, latestRun, levelChanges, listVersions } from '../learn/versions'
import { COMPARISONS, MISSING } from '../../core/match/compare'
import { decodePattern } from '../../core/match/model'
import type { HandlerContext, Handlers } from './types'

function caller(ctx: HandlerContext): Principal {
  if (!ctx.user || ctx.user.role === 'operator') throw new AppError('not_signed_in')
  return ctx.user
}

/** A pattern's levels by field name (null: the field is missing on one side). */
function namedLevels(levels: number[]): Record<string, string | null> {
  return Object.fromEntries(
    COMPARISONS.map((c, f) => [c.field, levels[f] === MISSING ? null : c.levels[levels[f]!]!])
  )
}

const iso = (ctx: HandlerContext): string => new Date(ctx.now()).toISOString()

export const learnHandlers: Handlers<keyof typeof learnInputs> = {
  'learn/status': (_args, { db }): LearnStatus => {
    const run = latestRun(db)
    const rows = labelRows(db)
    const versions = listVersions(db)
    const active = versions.find((v) => v.active) ?? null
    const since = active?.createdAt ?? ''
    const open = run ? openPairs(db, run.id) : []
    const match = rows.filter((r) => r.match !== null).length
    return {
      runId: run?.id ?? null,
      activeVersionId: active?.id ?? null,
      versions,
      labels: { total: rows.length, match, not: rows.length - match },
      newLabels: rows.filter((r) => r.at > since).length,
      expectedError: expectedError(open),
      openPairs: open.length
    }
  },
  'learn/teach': (args, { db }) => teachList(db, args.limit),
  'learn/refit': (_args, { jobs, dbPath, actor }) => ({
    jobId: jobs.start('learn', (ctx) => refitModel({ dbPath, actor }, ctx))
  }),
  'learn/rollback': (args, { jobs, dbPath, actor, db }) => {
    getVersion(db, args.versionId)
    return {
      jobId: jobs.start('learn', (ctx) =>
        gradeWithVersion({ dbPath, actor, versionId: args.versionId, action: 'rollback' }, ctx)
      )
    }
  },
  'learn/apply': (args, { jobs, dbPath, actor, db }) => {
    if (getVersion(db, args.versionId).origin !== 'imported')
      throw new AppError('validation', { detail: 'only an imported model is applied' })
    return {
      jobId: jobs.start('learn', (ctx) =>
        gradeWithVersion({ dbPath, actor, versionId: args.versionId, action: 'apply' }, ctx)
      )
    }
  },
  'learn/version': (args, { db }) => {
    const v = getVersion(db, args.versionId)
    const parent = v.parentId === null ? null : getVersion(db, v.parentId)
    const all = listVersions(db)
    const info = (id: number) => all.find((x) => x.id === id)!
    const profiles = [...new Set((v.params.layers ?? []).flatMap((l) => Object.keys(l.profiles)))]
    const profile = args.profile && profiles.includes(args.profile) ? args.profile : null
    const local = v.params.layers?.find((l) => l.origin === 'local')
    const part = local ? ((profile ? local.profiles[profile] : undefined) ?? local.global) : null
    const patterns = part
      ? Object.entries(part.patterns)
          .sort(([, a], [, b]) => Math.abs(b) - Math.abs(a))
          .slice(0, 10)
          .map(([code, bits]) => ({ levels: namedLevels(decodePattern(Number(code))), bits }))
      : []
    return {
      version: info(v.id),
      parent: parent ? info(parent.id) : null,
      profiles,
      profile,
      changes: levelChanges(parent?.params ?? null, v.params, profile ?? ''),
      patterns
    }
  },
  'learn/similar': (args, { db, actor }) => similarDecision(db, { ...args, actor }),
  'learn/export': (args, ctx) => exportModel(ctx.db, caller(ctx), args.versionId, iso(ctx)),
  'learn/import': (args, ctx) => {
    const ref = args.path
    try {
      return importModel(ctx.db, caller(ctx), ctx.files.path(ref), iso(ctx))
    } finally {
      ctx.files.release(ref)
    }
  }
}
