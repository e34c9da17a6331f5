// Contract of 'backup/*', 'restore/*', 'keys/*', 'users/resetPassword', 'auth/recoverAdmin' and the
// backup dialogs, the API of the bad days: backups, restore, unlocking with the recovery key,
// password resets.
import { z } from 'zod'
import type { UserInfo } from './auth'

const path = z.string().min(1).max(4096)
const password = z.string().min(1).max(200)
/** As typed: the backend reads it forgivingly (core/recovery-key) and says which group is wrong. */
const recoveryKey = z.string().min(1).max(200)
const username = z.string().trim().toLowerCase().min(1).max(32)

/** Characters a new passphrase needs at least: it alone stands between a stolen file and its data. */
export const MIN_PASSPHRASE_LENGTH = 10

/** Who the scheduled backups are audited as (the screens say "the app"). */
export const BACKUP_ACTOR = 'sao-luu'

export const BACKUP_REASON_NAMES = ['manual', 'scheduled', 'rekey', 'migration', 'restore'] as const
export type BackupReasonName = (typeof BACKUP_REASON_NAMES)[number]

/** What opens a backup made under another key: its recovery key, or the passphrase of its key file. */
const backupSecret = {
  recoveryKey: recoveryKey.optional(),
  passphrase: password.optional()
}

export const backupInputs = {
  'backup/status': z.object({}).strict(),
  'backup/configure': z
    .object({
      /** An absolute folder path (a USB stick, a network share). */
      folder: path.optional(),
      keepLast: z.number().int().min(1).max(365).optional(),
      intervalHours: z
        .number()
        .int()
        .min(1)
        .max(24 * 30)
        .optional(),
      enabled: z.boolean().optional()
    })
    .strict(),
  /** A backup now, to the configured folder or the one given. */
  'backup/run': z.object({ folder: path.optional() }).strict(),
  /** The backups in a folder (the configured one by default), newest first. */
  'backup/list': z.object({ folder: path.optional() }).strict(),
  /** Open a backup and show what it holds, checked whole. Nothing changes. */
  'restore/inspect': z.object({ path, ...backupSecret }).strict(),
  /**
   * Restore a backup over the database (kept aside, never deleted). `newPassphrase` wraps the
   * backup's key when it is new here and the host keeps keys under a passphrase (web mode, CLI).
   */
  'restore/run': z
    .object({
      path,
      ...backupSecret,
      newPassphrase: password.optional(),
      confirm: z.literal(true)
    })
    .strict(),
  /** Whether the database waits for its recovery key (keychain lost, key file damaged). */
  'keys/status': z.object({}).strict(),
  /** Unlock with the recovery key (or the passphrase), then keep the key again. */
  'keys/unlock': z
    .object({
      recoveryKey: recoveryKey.optional(),
      passphrase: password.optional(),
      newPassphrase: password.optional()
    })
    .strict()
    .refine((v) => v.recoveryKey !== undefined || v.passphrase !== undefined, {
      message: 'give the recovery key or the passphrase',
      path: ['recoveryKey']
    }),
  /** An admin gives a clerk or supervisor a new password (and so a new signing key). */
  'users/resetPassword': z.object({ username, newPassword: password }).strict(),
  /** An admin who forgot their password proves control of the database with the recovery key. */
  'auth/recoverAdmin': z.object({ username, recoveryKey, newPassword: password }).strict(),
  /** Desktop only (main answers it): the system's folder dialog, for the backup folder. */
  'dialog/openFolder': z.object({}).strict(),
  /** Desktop only (main answers it): the system's open-file dialog, for a backup to restore. */
  'dialog/openBackup': z.object({}).strict()
} as const

/** What a snapshot of the database held (a backup's contents, or the database now). */
export interface SnapshotInfo {
  takenAt: string
  schemaVersion: number
  /** Rows per table. */
  counts: Record<string, number>
  lastAudit: { id: number; at: string; actor: string; action: string } | null
  unsynced: { pending: number; sent: number; parked: number; conflict: number }
  commune: string | null
}

export interface BackupEntry {
  id: number
  reason: BackupReasonName
  startedAt: string
  finishedAt: string
  actor: string
  folder: string
  file: string | null
  ok: boolean
  errorCode: string | null
  bytes: number | null
  snapshot: SnapshotInfo | null
}

export interface BackupStatus {
  folder: string
  /** False while backups go to the default folder beside the database. */
  folderChosen: boolean
  keepLast: number
  intervalHours: number
  enabled: boolean
  /** The last backup that was written and verified. */
  last: BackupEntry | null
  /** Hours since the last good backup's snapshot (null: never). */
  ageHours: number | null
  /** Its file is still in its folder (false: removed, or the stick is not plugged in). */
  lastPresent: boolean
  /** A backup that failed after the last good one. */
  lastFailure: BackupEntry | null
  /** A scheduled backup is due (enabled and older than the interval). */
  due: boolean
  /** Approved corrections not yet accepted nationally that no backup holds (made since the last). */
  unbackedApprovals: number
  /** The running backup job. */
  jobId: string | null
}

export interface BackupFileInfo {
  name: string
  path: string
  bytes: number
  modifiedAt: string
  /** Its key file is beside it. */
  keyFile: boolean
  /** What this database's log says of it (null: made elsewhere, or by a restored copy). */
  logged: BackupEntry | null
}

export interface PendingCorrectionInfo {
  uuid: string
  state: string
  populationKey: string
  outbox: string
}

export interface BackupContentsInfo {
  file: string
  bytes: number
  modifiedAt: string
  snapshot: SnapshotInfo
  /** Approved corrections the national side had not accepted at the time of the backup. */
  pending: PendingCorrectionInfo[]
  /** The backup opens with the database's current key. */
  sameKey: boolean
}

export interface RestoreResultInfo {
  restored: BackupContentsInfo
  /** Where the replaced database is kept (never deleted). */
  aside: string | null
  /** The backup made of the replaced database before restoring (null: it was not readable). */
  preBackup: string | null
  keyChanged: boolean
}

/** What a backup job did (its job/done result). */
export interface BackupSummary {
  file: string
  bytes: number
  snapshot: SnapshotInfo
  /** Old backups the rotation removed. */
  removed: string[]
}

/** Where a user's new public key must be registered again after a reset. */
export const RETRUST_PLACES = ['gateway', 'clerk_machines', 'supervisor_machines'] as const
export type RetrustPlace = (typeof RETRUST_PLACES)[number]

export interface PasswordResetResult {
  user: UserInfo
  oldFingerprint: string
  /** Places that trusted the old key; each needs the new fingerprint (user.fingerprint). */
  retrust: RetrustPlace[]
}

export interface KeysStatus {
  locked: boolean
  /** How this host keeps the key: the OS keychain (desktop) or a passphrase (web mode, CLI). */
  store: 'keychain' | 'passphrase'
}

export interface BackupOutputs {
  'backup/status': BackupStatus
  'backup/configure': BackupStatus
  'backup/run': { jobId: string }
  'backup/list': BackupFileInfo[]
  'restore/inspect': BackupContentsInfo
  'restore/run': RestoreResultInfo
  'keys/status': KeysStatus
  'keys/unlock': { unlocked: true }
  'users/resetPassword': PasswordResetResult
  'auth/recoverAdmin': PasswordResetResult
  'dialog/openFolder': { path: string | null }
  'dialog/openBackup': { path: string | null }
}
