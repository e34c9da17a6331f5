// What a handler receives: the database, the job runner, and who is calling.
import type { ApiName, ApiOutput, ApiParsedInput } from '../../shared/api'
import type { Principal, SessionStore } from '../auth/sessions'
import type { BackupScheduler } from '../backup/scheduler'
import type { KeyStore } from '../crypto/key-store'
import type { FileSource } from '../files'
import type { Db } from '../db/open'
import type { JobRunner } from '../jobs/jobs'
import type { SyncMonitor } from '../sync/monitor'

export interface HandlerContext {
  db: Db
  dbPath: string
  jobs: JobRunner
  /** The signed-in user's name (decisions, corrections and audit events carry it). */
  actor: string
  /** The caller; null only for public handlers called without a session. */
  user: Principal | null
  /** The caller's session id, when there is one. */
  session: string | null
  sessions: SessionStore
  /** Milliseconds since the epoch; injectable so tests move time without waiting. */
  now: () => number
  /** Gateway reachability and the one sync job at a time. */
  sync: SyncMonitor
  /** The one backup job at a time, the schedule, and the dashboard's backup status. */
  backups: BackupScheduler
  /** Where this host keeps a key that a restore or a recovery brought. */
  keyStore: KeyStore
  /**
   * Close the database, run `swap` on its files, and open it again (a restore). Refused while a
   * job runs. Every session ends: the accounts are those of the restored database.
   */
  replaceDatabase<T>(swap: () => T): T
  /** The files a call may name: local paths, or in web mode only this session's uploads. */
  files: FileSource
}

export type Handler<N extends ApiName> = (
  args: ApiParsedInput<N>,
  ctx: HandlerContext
) => ApiOutput<N> | Promise<ApiOutput<N>>

export type Handlers<N extends ApiName> = { [K in N]: Handler<K> }
