// Follows one background job (sample, import...) from its start call to its job/done event.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ApiInput, ApiName, ApiOutput, Events } from '../../shared/api'
import { api } from './api'
import { useApiMutation } from './use-api'

/** The calls that start a job and answer with its id. */
type JobCall = {
  [N in ApiName]: ApiOutput<N> extends { jobId: string } ? N : never
}[ApiName]

export type JobProgress = Events['job/progress']
export type JobDone = Events['job/done']

export interface JobRun {
  /** True from the start call until the job is finished (or the start call failed). */
  running: boolean
  jobId: string | null
  progress: JobProgress | null
}

const IDLE: JobRun = { running: false, jobId: null, progress: null }
const POLL_MS = 2000
const SEEN_MAX = 50

export interface JobControl<N extends JobCall> extends JobRun {
  /** Calls the handler that launches the job; rejects with its error if it could not start. */
  start(args: ApiInput<N>): Promise<void>
  /** Follow a job already running (started before this screen opened), as if started here. */
  follow: (jobId: string) => void
  cancel(): Promise<void>
}

export function useJob<N extends JobCall>(
  name: N,
  onFinish: (done: JobDone) => void
): JobControl<N> {
  const launch = useApiMutation(name)
  const { run: list } = useApiMutation('jobs/list')
  const { run: stop } = useApiMutation('jobs/cancel')
  const [run, setRun] = useState<JobRun>(IDLE)
  const jobIdRef = useRef<string | null>(null)
  // Events that arrive before the start call returns its jobId are kept, not lost.
  const seen = useRef(new Map<string, { progress?: JobProgress; done?: JobDone }>())
  const onFinishRef = useRef(onFinish)
  useEffect(() => {
    onFinishRef.current = onFinish
  })

  const finish = useCallback((done: JobDone) => {
    seen.current.delete(done.jobId)
    jobIdRef.current = null
    setRun(IDLE)
    onFinishRef.current(done)
  }, [])

  useEffect(() => {
    const remember = (jobId: string, patch: { progress?: JobProgress; done?: JobDone }): void => {
      const map = seen.current
      map.set(jobId, { ...map.get(jobId), ...patch })
      // Other windows' jobs pass by too: keep only the most recent few.
      if (map.size > SEEN_MAX) map.delete(map.keys().next().value!)
    }
    const offProgress = api.on('job/progress', (progress) => {
      remember(progress.jobId, { progress })
      if (progress.jobId === jobIdRef.current) setRun((r) => ({ ...r, progress }))
    })
    const offDone = api.on('job/done', (done) => {
      remember(done.jobId, { done })
      if (done.jobId === jobIdRef.current) finish(done)
    })
    return () => {
      offProgress()
      offDone()
    }
  }, [finish])

  // Safety net for a lost event stream: a job seen finished twice in a row without its
  // job/done event is closed from the job list, so the screen never waits forever.
  useEffect(() => {
    const id = run.jobId
    if (!id) return
    let misses = 0
    const timer = setInterval(() => {
      list({}).then(
        (jobs) => {
          if (jobIdRef.current !== id) return
          const job = jobs.find((j) => j.jobId === id)
          if (job?.state === 'running') {
            misses = 0
            return
          }
          if (++misses < 2) return
          finish({ jobId: id, kind: job?.kind ?? 'sample', state: job?.state ?? 'done' })
        },
        () => undefined
      )
    }, POLL_MS)
    return () => clearInterval(timer)
  }, [run.jobId, finish, list])

  const follow = useCallback(
    (jobId: string) => {
      jobIdRef.current = jobId
      const early = seen.current.get(jobId)
      if (early?.done) finish(early.done)
      else setRun({ running: true, jobId, progress: early?.progress ?? null })
    },
    [finish]
  )

  const { run: begin } = launch
  const start = useCallback(
    async (args: ApiInput<N>) => {
      setRun({ running: true, jobId: null, progress: null })
      let jobId: string
      try {
        jobId = ((await begin(args)) as { jobId: string }).jobId
      } catch (err) {
        setRun(IDLE)
        throw err
      }
      follow(jobId)
    },
    [follow, begin]
  )

  const cancel = useCallback(async () => {
    const jobId = jobIdRef.current
    if (jobId) await stop({ jobId })
  }, [stop])

  return { ...run, start, follow, cancel }
}
