// A running job as a progress bar with its phase, counts and a cancel button.
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { formatNumber, useLanguage } from '../i18n'
import type { JobProgress as Progress } from '../lib/use-job'

export function JobProgress({
  progress,
  onCancel
}: {
  progress: Progress | null
  onCancel: () => void
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
      label = t('jobs.progress', { phase, done, total })
      percent = Math.min(100, Math.round((progress.done / progress.total) * 100))
    } else {
      label = t('jobs.progressNoTotal', { phase, done })
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
