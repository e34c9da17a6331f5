// Long work as jobs: an id, progress events (throttled), cancellation through an AbortSignal.
import { randomUUID } from 'node:crypto'
import type { Events, JobInfo, JobKind } from '../../shared/api'
import { AppError, type ApiErrorShape } from '../../shared/errors'
import { toErrorShape } from '../errors'

export interface JobContext {
  signal: AbortSignal
  progress(phase: string, done: number, total: number | null): void
}

type Emit = <E extends keyof Events>(event: E, payload: Events[E]) => void

interface Running {
  info: JobInfo
  controller: AbortController
  promise: Promise<void>
}

const PROGRESS_INTERVAL_MS = 100

export class JobRunner {
  private readonly jobs = new Map<string, Running>()
  constructor(private readonly emit: Emit) {}

  start<T extends Events['job/done']['result']>(
    kind: JobKind,
    work: (ctx: JobContext) => Promise<T>
  ): string {
    const jobId = randomUUID()
    const controller = new AbortController()
    const info: JobInfo = { jobId, kind, state: 'running' }
    let last = 0
    const ctx: JobContext = {
      signal: controller.signal,
      progress: (phase, done, total) => {
        const now = Date.now()
        if (now - last < PROGRESS_INTERVAL_MS && done !== total) return
        last = now
        this.emit('job/progress', { jobId, kind, phase, done, total })
      }
    }
    const promise = (async () => {
      // Let the caller receive the job id before the first event.
      await new Promise((r) => setImmediate(r))
      try {
        const result = await work(ctx)
        info.state = 'done'
        this.emit('job/done', { jobId, kind, state: 'done', result })
      } catch (e) {
        const cancelled = controller.signal.aborted
        info.state = cancelled ? 'cancelled' : 'failed'
        const error: ApiErrorShape = toErrorShape(
          cancelled ? new AppError('job_cancelled') : e,
          `job ${kind}`
        )
        this.emit('job/done', { jobId, kind, state: info.state, error })
      }
    })()
    this.jobs.set(jobId, { info, controller, promise })
    return jobId
  }

  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId)
    if (!job) throw new AppError('job_not_found', { jobId })
    if (job.info.state !== 'running') return false
    job.controller.abort()
    return true
  }

  list(): JobInfo[] {
    return [...this.jobs.values()].map((j) => ({ ...j.info }))
  }

  /** Wait for a job to settle (CLI and tests). */
  async wait(jobId: string): Promise<void> {
    await this.jobs.get(jobId)?.promise
  }

  async cancelAll(): Promise<void> {
    for (const j of this.jobs.values()) j.controller.abort()
    await Promise.all([...this.jobs.values()].map((j) => j.promise))
  }
}

/** Yield to the event loop (other requests, cancellation) and stop if cancelled. */
export async function checkpoint(signal: AbortSignal): Promise<void> {
  await new Promise((r) => setImmediate(r))
  if (signal.aborted) throw new AppError('job_cancelled')
}
