// Background jobs running now (any screen or window started them): a progress bar and a cancel button each.
import { useEffect, useRef, useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { JobInfo } from '../../../shared/api'
import { ErrorAlert } from '../../components/error-alert'
import { JobProgress } from '../../components/job-progress'
import { api } from '../../lib/api'
import { useApiMutation, useApiQuery } from '../../lib/use-api'
import type { JobProgress as Progress } from '../../lib/use-job'

interface Running {
  kind: JobInfo['kind']
  progress: Progress | null
}

export function JobsPanel({ onJobDone }: { onJobDone: () => void }): ReactElement | null {
  const { t } = useTranslation()
  // What the events said of each job since the panel opened; null: it finished.
  const [seen, setSeen] = useState<ReadonlyMap<string, Running | null>>(new Map())
  const listed = useApiQuery('jobs/list', {})
  const stop = useApiMutation('jobs/cancel')
  const onDone = useRef(onJobDone)
  useEffect(() => {
    onDone.current = onJobDone
  })

  useEffect(() => {
    const offProgress = api.on('job/progress', (progress) =>
      setSeen((m) => new Map(m).set(progress.jobId, { kind: progress.kind, progress }))
    )
    const offDone = api.on('job/done', (done) => {
      setSeen((m) => new Map(m).set(done.jobId, null))
      onDone.current()
    })
    return () => {
      offProgress()
      offDone()
    }
  }, [])

  // Jobs already running when the panel opened, then what their events said since.
  const jobs = new Map<string, Running>()
  for (const j of listed.data ?? [])
    if (j.state === 'running') jobs.set(j.jobId, { kind: j.kind, progress: null })
  for (const [jobId, job] of seen) {
    if (job) jobs.set(jobId, job)
    else jobs.delete(jobId)
  }

  const shown = stop.error ?? listed.error
  if (jobs.size === 0 && shown === null) return null
  return (
    <section className="panel jobs-panel" aria-labelledby="jobs-title" data-testid="jobs-panel">
      <h2 id="jobs-title" className="panel-title">
        {t('dashboard.jobs')}
      </h2>
      {[...jobs].map(([jobId, job]) => (
        <div key={jobId} className="job-row">
          <div className="job-kind">{t(`dashboard.jobKind.${job.kind}`)}</div>
          <JobProgress progress={job.progress} onCancel={() => stop.mutate({ jobId })} />
        </div>
      ))}
      <ErrorAlert error={shown} />
    </section>
  )
}
