// The backups of a running backend: one backup job at a time, on demand or when the scheduled one
// is due (daily by default), and what the dashboard shows (the last good backup and its age, and
// approvals no backup holds yet).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { BackupEntry, BackupStatus, BackupSummary } from '../../shared/api'
import type { Db } from '../db/open'
import type { JobRunner } from '../jobs/jobs'
import {
  BACKUP_ACTOR,
  backupSettings,
  lastFailedBackup,
  lastGoodBackup,
  runBackup,
  type BackupLogEntry,
  type BackupReason
} from './backup'
import { snapshotInfo } from './check'

/** How often the backend looks whether the scheduled backup is due. */
export const DEFAULT_BACKUP_CHECK_MS = 10 * 60_000

const HOUR_MS = 3_600_000

/** The log entry as the API gives it (no hashes, nothing but what the screens show). */
export function backupEntryInfo(e: BackupLogEntry): BackupEntry {
  return {
    id: e.id,
    reason: e.reason,
    startedAt: e.startedAt,
    finishedAt: e.finishedAt,
    actor: e.actor,
    folder: e.folder,
    file: e.file,
    ok: e.ok,
    errorCode: e.errorCode,
    bytes: e.bytes,
    snapshot: e.snapshot && snapshotInfo(e.snapshot)
  }
}

/** Approved corrections not yet accepted nationally whose approval came after `approvalMaxId`. */
function unbackedApprovals(db: Db, approvalMaxId: number): number {
  return db
    .prepare(
      `SELECT count(DISTINCT a.correction_uuid) FROM approval a
       JOIN outbox o ON o.correction_uuid = a.correction_uuid
       WHERE a.decision = 'approve' AND a.id > ? AND o.state IN ('pending', 'sent', 'parked')`
    )
    .pluck()
    .get(approvalMaxId) as number
}

export class BackupScheduler {
  private jobId: string | null = null
  private timer: ReturnType<typeof setInterval> | null = null

  constructor(
    private readonly db: () => Db,
    private readonly jobs: JobRunner,
    private readonly o: { dbPath: string; now: () => number }
  ) {}

  /** Look every `ms` whether the scheduled backup is due (0: never); never keeps the process up. */
  start(ms: number): void {
    if (ms <= 0 || this.timer) return
    this.timer = setInterval(() => this.tick(), ms)
    this.timer.unref()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  running(): string | null {
    if (!this.jobId) return null
    const j = this.jobs.list().find((x) => x.jobId === this.jobId)
    return j?.state === 'running' ? this.jobId : null
  }

  /** Start a backup job, or return the one already running. */
  run(reason: Extract<BackupReason, 'manual' | 'scheduled'>, actor: string, folder?: string) {
    const current = this.running()
    if (current) return current
    this.jobId = this.jobs.start('backup', async (ctx): Promise<BackupSummary> => {
      const r = await runBackup(this.db(), {
        dbPath: this.o.dbPath,
        reason,
        actor,
        folder,
        now: this.o.now,
        signal: ctx.signal,
        progress: (done, total) => ctx.progress('backup', done, total)
      })
      return {
        file: r.made.file,
        bytes: r.made.bytes,
        snapshot: snapshotInfo(r.made.snapshot),
        removed: r.removed
      }
    })
    return this.jobId
  }

  tick(): void {
    if (this.running()) return
    if (this.status().due) this.run('scheduled', BACKUP_ACTOR)
  }

  status(): BackupStatus {
    const db = this.db()
    const s = backupSettings(db, this.o.dbPath)
    const last = lastGoodBackup(db)
    const failure = lastFailedBackup(db)
    const age = last?.snapshot ? (this.o.now() - Date.parse(last.snapshot.takenAt)) / HOUR_MS : null
    return {
      folder: s.folder,
      folderChosen: s.chosen,
      keepLast: s.keepLast,
      intervalHours: s.intervalHours,
      enabled: s.enabled,
      last: last && backupEntryInfo(last),
      ageHours: age === null ? null : Math.max(0, Math.round(age * 10) / 10),
      lastPresent: !!last?.file && existsSync(join(last.folder, last.file)),
      lastFailure: failure && backupEntryInfo(failure),
      due: s.enabled && (age === null || age >= s.intervalHours),
      unbackedApprovals: unbackedApprovals(db, last?.snapshot?.approvalMaxId ?? 0),
      jobId: this.running()
    }
  }
}
