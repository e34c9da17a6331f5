// The reconciliation at a glance: progress tiles, grades and mismatches as bars, decisions over time, per batch.
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { MATCH_GRADES } from '../../../shared/match'
import { formatDate } from '../../../core/normalize/date'
import { formatNumber, useLanguage } from '../../i18n'
import { ErrorAlert } from '../../components/error-alert'
import { useApiQuery } from '../../lib/use-api'
import { BarChart, ProgressLine } from './charts'
import './dashboard.css'

export function DashboardPanel(): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  const dashboard = useApiQuery('review/dashboard', {})
  const timelineQuery = useApiQuery('review/timeline', {})
  const num = (n: number): string => formatNumber(n, lng)

  const error = dashboard.error ?? timelineQuery.error
  if (error !== null) return <ErrorAlert error={error} />
  const { data: d } = dashboard
  const { data: timeline } = timelineQuery
  if (!d || !timeline) return <p className="muted">{t('dashboard.loading')}</p>
  if (d.runId === null)
    return (
      <p className="alert alert-info" role="status" data-testid="dashboard-no-run">
        {t('dashboard.noRun')}
      </p>
    )
  // Decided by a person: the run's own links (auto-accepted) are neither decided nor remaining.
  const auto = d.byState.auto_accepted ?? 0
  const decided = d.total - d.byState.open - auto
  const flags = Object.entries(d.byFlag)
    .filter(([, n]) => n > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([key, value]) => ({ key, value, label: t(`matchFlags.${key}`, { defaultValue: key }) }))

  return (
    <section className="panel dashboard" aria-labelledby="dashboard-title" data-testid="dashboard">
      <div className="panel-header">
        <h2 id="dashboard-title" className="panel-title">
          {t('dashboard.progress')}
        </h2>
        <span className="muted">{t('dashboard.runLabel', { id: d.runId })}</span>
      </div>
      <dl className="tiles">
        <div className="tile">
          <dt>{t('dashboard.total')}</dt>
          <dd data-testid="dash-total">{num(d.total)}</dd>
        </div>
        <div className="tile">
          <dt>{t('dashboard.decided')}</dt>
          <dd data-testid="dash-decided">{num(decided)}</dd>
        </div>
        <div className="tile">
          <dt>{t('dashboard.remaining')}</dt>
          <dd data-testid="dash-remaining">{num(d.byState.open)}</dd>
        </div>
        {auto > 0 && (
          <div className="tile">
            <dt>{t('dashboard.auto')}</dt>
            <dd data-testid="dash-auto">{num(auto)}</dd>
          </div>
        )}
      </dl>

      <div className="dashboard-charts">
        <figure className="chart-box">
          <figcaption>{t('dashboard.byGrade')}</figcaption>
          <BarChart
            testId="chart-grades"
            tone="grades"
            width={520}
            labelWidth={150}
            title={t('dashboard.byGrade')}
            format={num}
            items={MATCH_GRADES.map((g) => ({
              key: g,
              label: t(`dashboard.grades.${g}`),
              value: d.byGrade[g]
            }))}
          />
        </figure>
        <figure className="chart-box">
          <figcaption>
            {t('dashboard.progress')} <span className="muted">({t('dashboard.progressHint')})</span>
          </figcaption>
          {timeline.days.length === 0 ? (
            <p className="muted">{t('dashboard.progressNone')}</p>
          ) : (
            <ProgressLine
              testId="chart-progress"
              title={t('dashboard.progressHint')}
              points={timeline.days.map((p) => ({
                date: p.date,
                value: p.decisions,
                cumulative: p.cumulative
              }))}
              format={num}
              formatDate={(iso) => formatDate(iso)}
              pointLabel={(p) =>
                t('dashboard.perDay', {
                  count: num(p.value),
                  date: formatDate(p.date),
                  total: num(p.cumulative)
                })
              }
            />
          )}
        </figure>
      </div>

      <figure className="chart-box chart-wide">
        <figcaption>
          {t('dashboard.byFlag')} <span className="muted">({t('dashboard.byFlagHint')})</span>
        </figcaption>
        {flags.length === 0 ? (
          <p className="muted">{t('dashboard.noFlags')}</p>
        ) : (
          <BarChart testId="chart-flags" title={t('dashboard.byFlag')} format={num} items={flags} />
        )}
      </figure>

      <h3 className="subhead">{t('dashboard.byBatch')}</h3>
      <table className="batch-progress" data-testid="batch-progress">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.batch')}</th>
            <th scope="col">{t('dashboard.file')}</th>
            <th scope="col">{t('dashboard.done')}</th>
            <th scope="col">{t('dashboard.left')}</th>
            <th scope="col">{t('dashboard.share')}</th>
          </tr>
        </thead>
        <tbody>
          {d.batches.map((b) => {
            const percent = b.total > 0 ? Math.round((b.decided / b.total) * 100) : 0
            return (
              <tr key={b.batchId} data-testid={`batch-${b.batchId}`}>
                <td>{b.batchId}</td>
                <td>{b.fileName}</td>
                <td className="num" data-testid={`batch-${b.batchId}-decided`}>
                  {num(b.decided)}
                </td>
                <td className="num" data-testid={`batch-${b.batchId}-remaining`}>
                  {num(b.remaining)}
                </td>
                <td>
                  <div
                    className="progress"
                    role="progressbar"
                    aria-label={`${b.fileName}: ${percent}%`}
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuenow={percent}
                  >
                    <div className="progress-fill" style={{ width: `${percent}%` }} />
                  </div>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}
