// Background jobs running now (any screen or window started them): a progress bar and a cancel button each.
import { useEffect, useRef, useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { JobInfo } from '../../../shared/api'
import { JobProgress } from '../../components/job-progress'
import { useLanguage } from '../../i18n'
import { api } from '../../lib/api'
import { describeError } from '../../lib/error-text'
import type { JobProgress as Progress } from '../../lib/use-job'

interface Running {
  kind: JobInfo['kind']
  progress: Progress | null
}

export function JobsPanel({ onJobDone }: { onJobDone: () => void }): ReactElement | null {
  const { t } = useTranslation()
  const lng = useLanguage()
  const [jobs, setJobs] = useState<Map<string, Running>>(new Map())
  const [error, setError] = useState<unknown>(null)
  const onDone = useRef(onJobDone)
  useEffect(() => {
    onDone.current = onJobDone
  })

  useEffect(() => {
    let current = true
    const offProgress = api.on('job/progress', (progress) =>
      setJobs((m) => new Map(m).set(progress.jobId, { kind: progress.kind, progress }))
    )
    const offDone = api.on('job/done', (done) => {
      setJobs((m) => {
        const next = new Map(m)
        next.delete(done.jobId)
        return next
      })
      onDone.current()
    })
    api.call('jobs/list', {}).then(
      (list) => {
        if (!current) return
        setJobs((m) => {
          const next = new Map(m)
          for (const j of list)
            if (j.state === 'running' && !next.has(j.jobId))
              next.set(j.jobId, { kind: j.kind, progress: null })
          return next
        })
      },
      (err: unknown) => current && setError(err)
    )
    return () => {
      current = false
      offProgress()
      offDone()
    }
  }, [])

  function cancel(jobId: string): void {
    api.call('jobs/cancel', { jobId }).catch((err: unknown) => setError(err))
  }

  if (jobs.size === 0 && error === null) return null
  return (
    <section className="panel jobs-panel" aria-labelledby="jobs-title" data-testid="jobs-panel">
      <h2 id="jobs-title" className="panel-title">
        {t('dashboard.jobs')}
      </h2>
      {[...jobs].map(([jobId, job]) => (
        <div key={jobId} className="job-row">
          <div className="job-kind">{t(`dashboard.jobKind.${job.kind}`)}</div>
          <JobProgress progress={job.progress} onCancel={() => cancel(jobId)} />
        </div>
      ))}
      {error !== null && (
        <p className="alert alert-error" role="alert">
          {describeError(error, t, lng)}
        </p>
      )}
    </section>
  )
}
