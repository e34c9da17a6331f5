// How the backup screens word things: a backup's age, the audit event it ends on, the tables it
// counts, what a failed backup means, where the replaced database is kept.
import type { TFunction } from 'i18next'
import { BACKUP_ACTOR, type BackupEntry, type SnapshotInfo } from '../../../shared/api'
import { errorText, type Language } from '../../../shared/i18n'
import type { ErrorCode } from '../../../shared/errors'

export { formatSize } from '../import/import-format'
export { formatDateTime } from '../../lib/format'

/** "vừa xong", "25 phút trước", "3 giờ trước", "2 ngày trước". */
export function ageText(hours: number, t: TFunction): string {
  if (hours < 1 / 60) return t('backup.age.now')
  if (hours < 1) return t('backup.age.minutes', { n: Math.round(hours * 60) })
  if (hours < 48) return t('backup.age.hours', { n: Math.floor(hours) })
  return t('backup.age.days', { n: Math.floor(hours / 24) })
}

/** The tables a person recognises, in the order they are shown (rows of a snapshot). */
export const SHOWN_TABLES = [
  'population_record',
  'source_record',
  'import_batch',
  'link',
  'review_decision',
  'correction',
  'approval',
  'app_user',
  'audit_event'
] as const

/** Approved corrections a snapshot holds that the national side had not accepted. */
export const unsentOf = (s: SnapshotInfo): number =>
  s.unsynced.pending + s.unsynced.sent + s.unsynced.parked + s.unsynced.conflict

/** The kind of work an audit event records, in words (its action names are the app's codes). */
export function auditActionText(action: string, t: TFunction): string {
  const group = action.split(/[/.]/)[0] ?? ''
  return t(`backup.audit.${group}`, { defaultValue: t('backup.audit.other') })
}

/** The app's own work: a start, a first-run restore, the scheduled backup (BACKUP_ACTOR). */
const APP_ACTORS: readonly string[] = ['app', 'first-run', 'anonymous', BACKUP_ACTOR]

/** Who did it: a person by display name when known, the app itself for its own work. */
export function actorText(actor: string, names: ReadonlyMap<string, string>, t: TFunction): string {
  if (names.has(actor)) return names.get(actor)!
  if (APP_ACTORS.includes(actor)) return t('backup.actorApp')
  if (actor.startsWith('cli:')) return t('backup.actorCli')
  return actor
}

/** These reasons already say that the previous backup is kept, and which one. */
const SAYS_PREVIOUS: readonly string[] = ['backup_write_failed', 'backup_verify_failed']

/** After a failed backup: that the last good one is untouched (unless the reason said so). */
export function keptText(code: string, last: BackupEntry | null, t: TFunction): string {
  if (!code.startsWith('backup_') || SAYS_PREVIOUS.includes(code)) return ''
  return last?.file ? t('backup.previousKept', { file: last.file }) : t('backup.nothingKept')
}

/** Why a logged backup failed, in a sentence, and that the last good one is untouched. */
export function failureText(
  failure: BackupEntry,
  last: BackupEntry | null,
  t: TFunction,
  lng: Language
): string {
  const code = (failure.errorCode ?? 'internal') as ErrorCode
  const params = { folder: failure.folder, previous: last?.file ?? t('backup.noPrevious') }
  const reason = errorText({ code, params, message: t('backup.failedUnknown') }, lng)
  return [reason, keptText(code, last, t)].filter((x) => x !== '').join(' ')
}

/** Where restoring puts the database it replaces: `<db>.before-restore-<time>` beside it. */
export function asideName(dbPath: string): { folder: string; name: string } {
  const cut = Math.max(dbPath.lastIndexOf('/'), dbPath.lastIndexOf('\\'))
  return { folder: dbPath.slice(0, Math.max(cut, 0)) || dbPath, name: dbPath.slice(cut + 1) }
}
