// The backend: one handler registry, validated at the boundary, run by every host (Electron, CLI, web).
import type { ApiName, EventName, Events } from '../shared/api'
import { inputs } from '../shared/api'
import { AppError, type Result } from '../shared/errors'
import { allowed } from './auth/permissions'
import { DEFAULT_SESSION_MINUTES, SessionStore, type Principal } from './auth/sessions'
import { dirname, resolve } from 'node:path'
import { isMemoryDatabase, openDb } from './db/open'
import { setErrorLogFolder } from './error-log'
import { localFiles, type FileSource } from './files'
import { toErrorShape } from './errors'
import { BackupScheduler, DEFAULT_BACKUP_CHECK_MS } from './backup/scheduler'
import { passphraseStore, type KeyStore } from './crypto/key-store'
import { appHandlers } from './handlers/app'
import { backupHandlers } from './handlers/backup'
import { approveHandlers } from './handlers/approve'
import { authHandlers } from './handlers/auth'
import { importHandlers } from './handlers/imports'
import { jobHandlers } from './handlers/jobs'
import { learnHandlers } from './handlers/learn'
import { matchHandlers } from './handlers/match'
import { recordHandlers } from './handlers/records'
import { reportHandlers } from './handlers/reports'
import { reviewHandlers } from './handlers/review'
import { adminReviews, settingsHandlers } from './handlers/settings'
import { syncHandlers } from './handlers/sync'
import type { HandlerContext, Handlers } from './handlers/types'
import { JobRunner } from './jobs/jobs'
import { DEFAULT_PROBE_MS, SyncMonitor } from './sync/monitor'
import type { SyncOptions } from './sync/run-sync'

/** Every name in the contract must have exactly one handler: the type checks it. */
const handlers: Handlers<ApiName> = {
  ...appHandlers,
  ...recordHandlers,
  ...importHandlers,
  ...jobHandlers,
  ...matchHandlers,
  ...reviewHandlers,
  ...authHandlers,
  ...approveHandlers,
  ...reportHandlers,
  ...syncHandlers,
  ...backupHandlers,
  ...settingsHandlers,
  ...learnHandlers
}

export type EventListener = (event: EventName, payload: unknown) => void

/** Calls made as one session (a signed-in user). */
export interface Caller {
  call(name: string, args: unknown): Promise<Result<unknown>>
}

/**
 * Sessions: 'auth/login' (or 'auth/setup') answers with a session id; the host keeps it and
 * passes it with every later call (see README "Users and sessions"). The id never needs to reach
 * the renderer: the Electron host holds it in the backend process, web mode in an HttpOnly cookie.
 */
export interface Backend {
  /** One call; `files` says what a file named in it may be (local paths unless a host says otherwise). */
  call(
    name: string,
    args: unknown,
    session?: string | null,
    files?: FileSource
  ): Promise<Result<unknown>>
  /** A caller bound to a session id. */
  as(session: string): Caller
  /** The CLI's local operator (no password; may only read, see PERMISSIONS). Never exposed over a wire. */
  operatorSession(name: string): string
  /**
   * Who holds a session, null when it is unknown or expired. `touch` counts the lookup as activity
   * (a request); without it the idle clock is left alone (an open event stream is not activity).
   */
  principal(session: string | null | undefined, touch: boolean): Principal | null
  onEvent(listener: EventListener): () => void
  readonly jobs: JobRunner
  close(): Promise<void>
}

export interface BackendOptions {
  dbPath: string
  /** Minutes without a call before a session ends (default 15, or DOISOAT_SESSION_MINUTES). */
  sessionMinutes?: number
  /** The clock, for tests of lockout and session timeout. */
  now?: () => number
  /** Milliseconds between probes of the national gateway (0: no timer; default 30 s). */
  syncProbeMs?: number
  /** Sync client settings (tests: fast retries). */
  sync?: SyncOptions
  /** Milliseconds between looks at whether the scheduled backup is due (0: no timer; default 10 min). */
  backupCheckMs?: number
  /** Where a key brought by a restore or a recovery is kept (default: a passphrase, as the CLI and web mode). */
  keyStore?: KeyStore
}

function sessionMinutes(opts: BackendOptions): number {
  const env = Number(process.env.DOISOAT_SESSION_MINUTES)
  return opts.sessionMinutes ?? (Number.isFinite(env) && env > 0 ? env : DEFAULT_SESSION_MINUTES)
}

function isApiName(name: string): name is ApiName {
  return Object.prototype.hasOwnProperty.call(handlers, name)
}

export function createBackend(opts: BackendOptions): Backend {
  // Unexpected errors are logged beside the database: the app's data folder.
  if (!isMemoryDatabase(opts.dbPath)) setErrorLogFolder(dirname(resolve(opts.dbPath)))
  let db = openDb(opts.dbPath)
  const listeners = new Set<EventListener>()
  const emit = <E extends EventName>(event: E, payload: Events[E]): void => {
    for (const l of listeners) l(event, payload)
  }
  const jobs = new JobRunner(emit)
  const now = opts.now ?? Date.now
  const sessions = new SessionStore(sessionMinutes(opts), now)
  const newSync = (): SyncMonitor => {
    const m = new SyncMonitor(db, jobs, { now, sync: opts.sync, dbPath: opts.dbPath })
    m.start(opts.syncProbeMs ?? DEFAULT_PROBE_MS)
    return m
  }
  let sync = newSync()
  const backups = new BackupScheduler(() => db, jobs, { dbPath: opts.dbPath, now })
  backups.start(opts.backupCheckMs ?? DEFAULT_BACKUP_CHECK_MS)
  const keyStore = opts.keyStore ?? passphraseStore()

  function replaceDatabase<T>(swap: () => T): T {
    if (jobs.list().some((j) => j.state === 'running')) throw new AppError('restore_busy')
    sync.stop()
    backups.stop()
    db.close()
    let out: T
    try {
      out = swap()
    } finally {
      // Whichever file is in place now: the restored one, or the old one when the swap failed.
      db = openDb(opts.dbPath, { backupBeforeMigration: false })
      sync = newSync()
      backups.start(opts.backupCheckMs ?? DEFAULT_BACKUP_CHECK_MS)
    }
    sessions.closeAll()
    return out
  }

  const backend: Backend = {
    jobs,
    async call(name, args, session = null, files = localFiles) {
      try {
        if (!isApiName(name)) throw new AppError('unknown_handler', { name })
        // Who is calling, then whether they may: before the arguments are even read.
        let user: Principal | null = null
        if (session) {
          try {
            user = sessions.touch(session)
          } catch (e) {
            if (!allowed(name, null)) throw e
          }
        }
        // An admin who took the clerk's role (a setting): read only when it decides the call.
        const asClerk = (): boolean => user?.role === 'admin' && adminReviews(db)
        if (!allowed(name, user?.role ?? null, asClerk)) {
          if (!user) throw new AppError('not_signed_in')
          throw new AppError('forbidden', { username: user.username, action: name })
        }
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
        const ctx: HandlerContext = {
          db,
          dbPath: opts.dbPath,
          jobs,
          sessions,
          now,
          sync,
          backups,
          keyStore,
          replaceDatabase,
          user,
          session: user ? session : null,
          actor: user?.username ?? 'anonymous',
          files
        }
        const value: unknown = await handler(parsed.data, ctx)
        return { ok: true, value }
      } catch (e) {
        return { ok: false, error: toErrorShape(e, name) }
      }
    },
    as(session) {
      return { call: (name, args) => backend.call(name, args, session) }
    },
    operatorSession(name) {
      return sessions.open({
        username: name,
        displayName: name,
        role: 'operator',
        privateKey: null,
        publicKey: null,
        fingerprint: null
      })
    },
    principal(session, touch) {
      if (!session) return null
      if (!touch) return sessions.peek(session)
      try {
        return sessions.touch(session)
      } catch {
        return null
      }
    },
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async close() {
      sync.stop()
      backups.stop()
      await jobs.cancelAll()
      db.close()
    }
  }
  return backend
}
