// A running job as a progress bar with its phase, counts and a cancel button.
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { formatNumber, useLanguage } from '../i18n'
import type { JobProgress as Progress } from '../lib/use-job'

export function JobProgress({
  progress,
  onCancel,
  unit = 'count'
}: {
  progress: Progress | null
  onCancel: () => void
  /**
   * 'bytes': done/total are bytes of a file, shown as a percentage rather than raw numbers;
   * 'records': counts of records, said so.
   */
  unit?: 'count' | 'bytes' | 'records'
}): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  let label = t('jobs.starting')
  let percent: number | undefined
  if (progress) {
    const phase = t(`jobs.phase.${progress.phase}`, { defaultValue: progress.phase })
    const done = formatNumber(progress.done, lng)
    if (progress.total !== null && progress.total > 0) {
      const total = formatNumber(progress.total, lng)
      percent = Math.min(100, Math.round((progress.done / progress.total) * 100))
      label =
        unit === 'bytes'
          ? t('jobs.progressPercent', { phase, percent })
          : t(unit === 'records' ? 'jobs.progressRecords' : 'jobs.progress', { phase, done, total })
    } else {
      label = unit === 'bytes' ? phase : t('jobs.progressNoTotal', { phase, done })
    }
  }
  return (
    <div className="job-progress">
      <div className="job-progress-label" aria-live="polite">
        {label}
      </div>
      <div className="job-progress-row">
        <div
          className="progress"
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
        >
          <div
            className={percent === undefined ? 'progress-fill indeterminate' : 'progress-fill'}
            style={percent === undefined ? undefined : { width: `${percent}%` }}
          />
        </div>
        <button type="button" className="button" onClick={onCancel}>
          {t('jobs.cancel')}
        </button>
      </div>
    </div>
  )
}
