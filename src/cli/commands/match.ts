// `doisoat match`: run a match in a database (all sources, or one new batch against the population).
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { MatchSummary } from '../../shared/api'
import { AppError } from '../../shared/errors'
import { tr } from '../../shared/i18n'
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../core/match/model'
import { runMatch } from '../../backend/match/run-match'
import { UsageError, type CliContext, type Command, type ParsedOptions } from '../command'
import { unlockCli } from '../unlock'
import { operatorName } from '../session'

/** --certain / --probable / --possible as numbers between 0 and 1, in order. */
export function thresholdOptions(opts: ParsedOptions, ctx: CliContext): Thresholds {
  const read = (name: keyof Thresholds): number => {
    const v = opts[name]
    return v === undefined ? DEFAULT_THRESHOLDS[name] : Number(v)
  }
  const t = { certain: read('certain'), probable: read('probable'), possible: read('possible') }
  if (
    ![t.certain, t.probable, t.possible].every((x) => Number.isFinite(x) && x >= 0 && x <= 1) ||
    t.possible > t.probable ||
    t.probable > t.certain
  )
    throw new UsageError(tr('cli.badThresholds', t, ctx.lang))
  return t
}

export const THRESHOLD_OPTIONS = [
  { name: 'certain', type: 'string', arg: 'P' },
  { name: 'probable', type: 'string', arg: 'P' },
  { name: 'possible', type: 'string', arg: 'P' }
] as const

export function printSummary(s: MatchSummary, ctx: CliContext): void {
  ctx.out(
    tr(
      'cli.matched',
      {
        sources: s.sourceCount,
        population: s.populationCount,
        runId: s.runId,
        certain: s.grades.certain,
        probable: s.grades.probable,
        possible: s.grades.possible,
        none: s.grades.none
      },
      ctx.lang
    )
  )
}

export const matchCommand: Command = {
  name: 'match',
  options: [
    { name: 'db', type: 'string', required: true, arg: 'D' },
    { name: 'source', type: 'string', default: 'all', arg: 'BATCH|all' },
    ...THRESHOLD_OPTIONS,
    { name: 'json', type: 'boolean' }
  ],
  async run(opts, ctx) {
    const source = String(opts.source)
    if (source !== 'all' && !/^\d+$/.test(source))
      throw new UsageError(tr('cli.badNumber', { name: '--source', value: source }, ctx.lang))
    const dbPath = resolve(String(opts.db))
    if (!existsSync(dbPath)) throw new AppError('file_not_found', { path: dbPath })
    await unlockCli(dbPath, ctx)
    const summary = await runMatch(
      {
        dbPath,
        source: source === 'all' ? 'all' : Number(source),
        thresholds: thresholdOptions(opts, ctx),
        actor: operatorName()
      },
      { signal: ctx.signal, progress: () => undefined }
    )
    if (opts.json === true) ctx.out(JSON.stringify(summary))
    else printSummary(summary, ctx)
    return 0
  }
}
