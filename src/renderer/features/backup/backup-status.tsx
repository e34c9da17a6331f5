// Whether the work on this laptop is safe: the last good backup and its age, a failure since and
// why, approvals no backup holds yet; and "Sao lưu ngay" with its progress. On the dashboard card
// and at the top of the backup screen.
import { useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupStatus, BackupSummary } from '../../../shared/api'
import { JobProgress } from '../../components/job-progress'
import { useLanguage } from '../../i18n'
import { describeError } from '../../lib/error-text'
import { invalidate } from '../../lib/use-api'
import { useJob, type JobDone } from '../../lib/use-job'
import { ageText, failureText, formatDateTime, formatSize, keptText } from './format'

/**
 * The top of the dashboard card and of the backup screen: a title with "Sao lưu ngay" (or the
 * running backup's progress, the schedule's too), what the backup did, then the state of safety.
 * A backup that just failed is said once, by its own error, not again as the last failure.
 */
export function BackupState({
  status,
  title,
  titleId
}: {
  status: BackupStatus
  title: string
  titleId: string
}): ReactElement {
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
    <>
      <div className="panel-header">
        <h2 id={titleId} className="panel-title">
          {title}
        </h2>
        {job.running ? (
          <JobProgress
            progress={job.progress}
            unit="bytes"
            onCancel={() => void job.cancel().catch(setError)}
          />
        ) : (
          <button type="button" className="button button-primary" onClick={start}>
            {status.jobId ? t('backup.now.follow') : t('backup.now.run')}
          </button>
        )}
      </div>
      {done !== null && (
        <p className="alert alert-ok" role="status">
          {done}
        </p>
      )}
      {error !== null && (
        <p className="alert alert-error" role="alert">
          {describeError(error, t, lng)} {keptText(codeOf(error), status.last, t)}
        </p>
      )}
      <BackupSafety status={status} hideFailure={error !== null} />
    </>
  )
}

/** The last good backup, its age and the warnings: what the dashboard shows. */
const codeOf = (error: unknown): string => {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : ''
}

function BackupSafety({
  status,
  hideFailure
}: {
  status: BackupStatus
  hideFailure: boolean
}): ReactElement {
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
      {failure && !hideFailure && (
        <p className="alert alert-error" data-testid="backup-failure">
          {t('backup.status.failed', { at: formatDateTime(failure.finishedAt) })}{' '}
          {failureText(failure, status.last, t, lng)}
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
