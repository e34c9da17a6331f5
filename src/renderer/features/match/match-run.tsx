// Running matching from the screen: the model's summary and explanation, the run with its progress
// and cancel, the batches not matched yet, and the batch an import just asked to match.
import { useEffect, useRef } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { MatchModelInfo, MatchSummary } from '../../../shared/api'
import { MATCH_GRADES } from '../../../shared/match'
import { JobProgress } from '../../components/job-progress'
import type { Language } from '../../../shared/i18n'
import { formatNumber, useLanguage } from '../../i18n'
import { invalidate, useApiQuery } from '../../lib/use-api'
import { useJob, type JobControl, type JobDone } from '../../lib/use-job'
import { useNavigation } from '../../lib/navigation'
import { formatDateTime } from '../../lib/format'
import { Dialog } from './dialogs'
import { formatBits, formatProbability } from './queue-model'

export interface MatchRun {
  info: MatchModelInfo | null
  job: JobControl<'match/run'>
  /** Which run is asked for while it starts: a batch, or every register row. */
  start(source: number | 'all'): void
}

/**
 * The model, the run and its end. `onEnd` hears how the run ended (a sentence for the status
 * line, or an error); every screen's data is reloaded after a run, which may change anything.
 */
export function useMatchRun(
  mayRun: boolean,
  onEnd: (end: { message?: string; error?: unknown }) => void
): MatchRun {
  const { t } = useTranslation()
  const lng = useLanguage()
  const model = useApiQuery('match/model', {})
  const jobs = useApiQuery('jobs/list', {})
  const endRef = useRef(onEnd)
  useEffect(() => {
    endRef.current = onEnd
  })
  const job = useJob('match/run', (done: JobDone) => {
    invalidate()
    if (done.state === 'done' && done.result && 'grades' in done.result)
      endRef.current({ message: runSummary(done.result, t, lng) })
    else if (done.state === 'cancelled') endRef.current({ message: t('matchRun.cancelled') })
    else endRef.current({ error: done.error ?? null })
  })

  // A run started before this screen opened (or in another window) is followed, not restarted.
  const { follow, running } = job
  const runningId = jobs.data?.find((j) => j.kind === 'match' && j.state === 'running')?.jobId
  useEffect(() => {
    if (runningId && !running) follow(runningId)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a newly seen job is followed
  }, [runningId])

  const start = (source: number | 'all'): void => {
    job
      .start(source === 'all' ? {} : { source })
      .catch((error: unknown) => endRef.current({ error }))
  }

  // "Đối soát lô này" on the import screen: the batch is matched as the screen opens.
  const navigation = useNavigation()
  const asked = navigation?.request?.matchBatch
  useEffect(() => {
    if (asked === undefined) return
    navigation?.handled()
    if (mayRun) start(asked)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per request
  }, [asked])

  return { info: model.data ?? null, job, start }
}

function runSummary(
  r: MatchSummary,
  t: ReturnType<typeof useTranslation>['t'],
  lng: Language
): string {
  const grades = MATCH_GRADES.map((g) =>
    t('matchRun.gradeCount', {
      count: formatNumber(r.grades[g], lng),
      grade: t(`queue.grades.${g}`)
    })
  ).join(', ')
  return t('matchRun.done', { count: formatNumber(r.sourceCount, lng), grades })
}

const percent = (p: number, lng: string): string => formatProbability(p, lng)

/** One line: what the model is, with the buttons to read it and to run matching. */
export function MatchRunBar({
  run,
  mayRun,
  onExplain,
  onRunAll
}: {
  run: MatchRun
  mayRun: boolean
  onExplain: () => void
  onRunAll: () => void
}): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  const { info, job } = run
  const model = info?.model ?? null
  const last = info?.lastRun ?? null
  return (
    <div className="match-run-bar" data-testid="model-summary">
      <span className="model-line">
        {model && last
          ? t('matchRun.modelLine', {
              at: formatDateTime(model.fittedAt),
              batches: formatNumber(model.batches.length, lng),
              certain: percent(last.thresholds.certain, lng),
              probable: percent(last.thresholds.probable, lng),
              possible: percent(last.thresholds.possible, lng)
            })
          : info
            ? t('matchRun.noModel')
            : ''}
      </span>
      {model && (
        <button type="button" className="button" onClick={onExplain}>
          {t('matchRun.explain')}
        </button>
      )}
      {mayRun && (
        <button
          type="button"
          className={model ? 'button' : 'button button-primary'}
          disabled={job.running || !info}
          onClick={onRunAll}
        >
          {model ? t('matchRun.runAll') : t('matchRun.runFirst')}
        </button>
      )}
    </div>
  )
}

/** Under the heading: the run going on, or the batches still waiting for one. */
export function MatchRunBanner({
  run,
  mayRun
}: {
  run: MatchRun
  mayRun: boolean
}): ReactElement | null {
  const { t } = useTranslation()
  const lng = useLanguage()
  const { info, job } = run
  if (job.running)
    return (
      <div className="match-run-banner" data-testid="match-progress">
        <JobProgress progress={job.progress} unit="records" onCancel={() => void job.cancel()} />
      </div>
    )
  const waiting = info?.unmatched ?? []
  const changed = info?.model ? info.populationChangedSince : 0
  if (!info?.model || (waiting.length === 0 && changed === 0)) return null
  if (waiting.length === 0)
    return (
      <div className="match-run-banner alert alert-info" data-testid="population-changed-since">
        {t('matchRun.populationChanged', { count: changed, n: formatNumber(changed, lng) })}
      </div>
    )
  return (
    <div className="match-run-banner alert alert-info" data-testid="unmatched-batches">
      <span>{t('matchRun.waiting', { count: waiting.length })}</span>
      <ul className="waiting-batches">
        {waiting.map((b) => (
          <li key={b.id}>
            {t('matchRun.batch', {
              id: b.id,
              name: b.fileName,
              rows: formatNumber(b.rows, lng),
              at: formatDateTime(b.createdAt)
            })}
            {mayRun && (
              <button type="button" className="button" onClick={() => run.start(b.id)}>
                {t('matchRun.runBatch')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}

/** Before a full run again: what it redoes, and what it keeps. */
export function RunAllDialog({
  info,
  onConfirm,
  onClose
}: {
  info: MatchModelInfo
  onConfirm: () => void
  onClose: () => void
}): ReactElement {
  const { t } = useTranslation()
  return (
    <Dialog title={t('matchRun.runAllTitle')} onClose={onClose} testId="run-all-dialog">
      <p>{t('matchRun.runAllText', { batches: info.model?.batches.length ?? 0 })}</p>
      <div className="actions">
        <button type="button" className="button button-primary" onClick={onConfirm}>
          {t('matchRun.runAllConfirm')}
        </button>
        <button type="button" className="button" data-autofocus onClick={onClose}>
          {t('queue.pair.cancel')}
        </button>
      </div>
    </Dialog>
  )
}

/** The model in words: when and on what it was estimated, its thresholds, each level's weight. */
export function ModelDialog({
  info,
  onClose
}: {
  info: MatchModelInfo
  onClose: () => void
}): ReactElement | null {
  const { t } = useTranslation()
  const lng = useLanguage()
  const [model, last] = [info.model, info.lastRun]
  if (!model || !last) return null
  const field = (f: string): string => t(`queue.waterfall.fields.${f}`, { defaultValue: f })
  const level = (l: string): string => t(`queue.waterfall.levels.${l}`, { defaultValue: l })
  return (
    <Dialog title={t('matchRun.modelTitle')} onClose={onClose} testId="model-dialog">
      <p>
        {t('matchRun.fitted', {
          at: formatDateTime(model.fittedAt),
          by: model.fittedBy,
          count: formatNumber(model.sourceCount, lng),
          population: formatNumber(model.populationCount, lng)
        })}
      </p>
      <ul className="model-batches">
        {model.batches.map((b) => (
          <li key={b.id}>{t('queue.batchOption', { id: b.id, name: b.fileName })}</li>
        ))}
      </ul>
      <p>
        {t('matchRun.thresholds', {
          certain: percent(last.thresholds.certain, lng),
          probable: percent(last.thresholds.probable, lng),
          possible: percent(last.thresholds.possible, lng)
        })}
      </p>
      <p className="muted small">
        {t('matchRun.weightsHelp', { prior: formatBits(model.prior, lng) })}
      </p>
      <table className="data-table model-weights" data-testid="model-weights">
        <thead>
          <tr>
            <th scope="col">{t('queue.pair.field')}</th>
            <th scope="col">{t('matchRun.levels')}</th>
          </tr>
        </thead>
        <tbody>
          {model.comparisons.map((c) => (
            <tr key={c.field} data-field={c.field}>
              <th scope="row">{field(c.field)}</th>
              <td>
                <ul className="weight-list">
                  {c.levels.map((l) => (
                    <li
                      key={l.level}
                      data-level={l.level}
                      className={l.weight >= 0 ? 'weight-up' : 'weight-down'}
                    >
                      {level(l.level)} <strong>{formatBits(l.weight, lng)}</strong>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" className="button" onClick={onClose}>
          {t('queue.shortcuts.close')}
        </button>
      </div>
    </Dialog>
  )
}
