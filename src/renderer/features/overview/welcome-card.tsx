// First run on an empty database: offer a synthetic sample commune, show its progress, allow cancel.
import { useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/error-alert'
import { JobProgress } from '../../components/job-progress'
import { useJob, type JobDone } from '../../lib/use-job'

export function WelcomeCard({
  onCreated,
  onSkip
}: {
  onCreated: () => void
  onSkip: () => void
}): ReactElement {
  const { t } = useTranslation()
  const [error, setError] = useState<unknown>(null)
  const [notice, setNotice] = useState<string | null>(null)

  const job = useJob('sample/create', (done: JobDone) => {
    if (done.state === 'done') onCreated()
    else if (done.state === 'cancelled') setNotice(t('jobs.cancelled'))
    else setError(done.error ?? `a ${done.kind} job failed without an error`)
  })

  function create(): void {
    setError(null)
    setNotice(null)
    job.start({}).catch((err: unknown) => setError(err))
  }

  function cancel(): void {
    job.cancel().catch((err: unknown) => setError(err))
  }

  return (
    <section className="panel welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title" className="panel-title">
        {t('welcome.title')}
      </h2>
      <p className="welcome-body">{t('welcome.body')}</p>
      {job.running ? (
        <JobProgress progress={job.progress} onCancel={cancel} />
      ) : (
        <div className="actions">
          <button type="button" className="button button-primary" onClick={create}>
            {t('welcome.create')}
          </button>
          <button type="button" className="button" onClick={onSkip}>
            {t('welcome.skip')}
          </button>
        </div>
      )}
      {notice !== null && (
        <p className="alert alert-info" role="status">
          {notice}
        </p>
      )}
      <ErrorAlert error={error} />
    </section>
  )
}
