// Whether the work on this laptop is safe: the last good backup and its age, a failure since and
// why, approvals no backup holds yet; and "Sao lưu ngay" with its progress. On the dashboard and
// at the top of the backup screen.
import { useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupStatus, BackupSummary } from '../../../shared/api'
import { ErrorAlert } from '../../components/error-alert'
import { JobProgress } from '../../components/job-progress'
import { useLanguage } from '../../i18n'
import { invalidate } from '../../lib/use-api'
import { useJob, type JobDone } from '../../lib/use-job'
import { ageText, failureText, formatDateTime, formatSize } from './format'

/** A backup job, started here or already running (the status names it), with its outcome. */
export function BackupNow({ running }: { running: string | null }): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  const [done, setDone] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const job = useJob('backup/run', (end: JobDone) => {
    invalidate(['backup/status', 'backup/list'])
    if (end.state === 'done' && end.result) {
      const r = end.result as BackupSummary
      setDone(
        t('backup.now.done', {
          file: r.file.split(/[\\/]/).pop(),
          size: formatSize(r.bytes, lng)
        })
      )
    } else if (end.state === 'cancelled') setDone(t('jobs.cancelled'))
    else setError(end.error ?? null)
  })
  const start = (): void => {
    setDone(null)
    setError(null)
    // A backup already running (the schedule's) is followed rather than started again.
    job.start({}).catch(setError)
  }
  return (
    <div className="backup-now">
      {job.running ? (
        <JobProgress progress={job.progress} unit="bytes" onCancel={() => void job.cancel()} />
      ) : (
        <button type="button" className="button button-primary" onClick={start}>
          {running ? t('backup.now.follow') : t('backup.now.run')}
        </button>
      )}
      {done !== null && (
        <p className="alert alert-ok" role="status">
          {done}
        </p>
      )}
      <ErrorAlert error={error} />
    </div>
  )
}

/** The last good backup, its age and the warnings: what the dashboard shows. */
export function BackupSafety({ status }: { status: BackupStatus }): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  const last = status.last
  const failure = status.lastFailure
  return (
    <div className="backup-safety">
      {last?.snapshot && status.ageHours !== null ? (
        <p className="backup-last" data-testid="backup-last">
          {t('backup.status.last', {
            at: formatDateTime(last.snapshot.takenAt),
            age: ageText(status.ageHours, t)
          })}{' '}
          <span className="muted">
            {t('backup.status.lastFile', {
              file: last.file ?? '',
              size: last.bytes === null ? '' : formatSize(last.bytes, lng)
            })}
          </span>
        </p>
      ) : (
        <p className="backup-last" data-testid="backup-last">
          {t('backup.status.never')}
        </p>
      )}
      {status.unbackedApprovals > 0 && (
        <p className="alert alert-warn" role="alert" data-testid="backup-unbacked">
          {t('backup.status.unbacked', { count: status.unbackedApprovals })}
        </p>
      )}
      {last && !status.lastPresent && (
        <p className="alert alert-warn" data-testid="backup-missing">
          {t('backup.status.missing', { folder: last.folder })}
        </p>
      )}
      {failure && (
        <p className="alert alert-error" data-testid="backup-failure">
          {t('backup.status.failed', { at: formatDateTime(failure.finishedAt) })}{' '}
          {failureText(failure, status, t, lng)}
        </p>
      )}
      {status.due && status.unbackedApprovals === 0 && (
        <p className="muted" data-testid="backup-due">
          {last ? t('backup.status.due') : t('backup.status.dueFirst')}
        </p>
      )}
    </div>
  )
}
