// The backend: one handler registry, validated at the boundary, run by every host (Electron, CLI, web).
import type { ApiName, EventName, Events } from '../shared/api'
import { inputs } from '../shared/api'
import { AppError, type Result } from '../shared/errors'
import { openDb } from './db/open'
import { toErrorShape } from './errors'
import { appHandlers } from './handlers/app'
import { importHandlers } from './handlers/imports'
import { jobHandlers } from './handlers/jobs'
import { matchHandlers } from './handlers/match'
import { recordHandlers } from './handlers/records'
import { reportHandlers } from './handlers/reports'
import { reviewHandlers } from './handlers/review'
import type { HandlerContext, Handlers } from './handlers/types'
import { JobRunner } from './jobs/jobs'

/** Every name in the contract must have exactly one handler: the type checks it. */
const handlers: Handlers<ApiName> = {
  ...appHandlers,
  ...recordHandlers,
  ...importHandlers,
  ...jobHandlers,
  ...matchHandlers,
  ...reviewHandlers,
  ...reportHandlers
}

export type EventListener = (event: EventName, payload: unknown) => void

export interface Backend {
  call(name: string, args: unknown): Promise<Result<unknown>>
  onEvent(listener: EventListener): () => void
  readonly jobs: JobRunner
  close(): Promise<void>
}

export interface BackendOptions {
  dbPath: string
  actor?: string
}

function isApiName(name: string): name is ApiName {
  return Object.prototype.hasOwnProperty.call(handlers, name)
}

export function createBackend(opts: BackendOptions): Backend {
  const db = openDb(opts.dbPath)
  const listeners = new Set<EventListener>()
  const emit = <E extends EventName>(event: E, payload: Events[E]): void => {
    for (const l of listeners) l(event, payload)
  }
  const jobs = new JobRunner(emit)
  const ctx: HandlerContext = { db, dbPath: opts.dbPath, jobs, actor: opts.actor ?? 'local' }

  return {
    jobs,
    async call(name, args) {
      try {
        if (!isApiName(name)) throw new AppError('unknown_handler', { name })
        const parsed = inputs[name].safeParse(args ?? {})
        if (!parsed.success) {
          const issues = parsed.error.issues.map((i) => ({
            path: i.path.join('.'),
            message: i.message
          }))
          throw new AppError(
            'validation',
            { detail: issues.map((i) => `${i.path || '(args)'}: ${i.message}`).join('; ') },
            issues
          )
        }
        const handler = handlers[name] as (a: unknown, c: HandlerContext) => unknown
        const value: unknown = await handler(parsed.data, ctx)
        return { ok: true, value }
      } catch (e) {
        return { ok: false, error: toErrorShape(e) }
      }
    },
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async close() {
      await jobs.cancelAll()
      db.close()
    }
  }
}
