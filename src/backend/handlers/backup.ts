// 'backup/*', 'restore/*', 'keys/*', 'users/resetPassword', 'auth/recoverAdmin': backups and the
// ways back in when a laptop, a keychain or a password is lost.
import { readdirSync, statSync, existsSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import { parseBackupFileName } from '../../core/backup/rotation'
import type { BackupContentsInfo, BackupFileInfo, RestoreResultInfo } from '../../shared/api'
import { AppError } from '../../shared/errors'
import { appendAudit } from '../audit/audit'
import { recoverAdmin, resetPassword, userCount } from '../auth/users'
import { backupLog, backupSettings, checkBackupFolder, saveBackupSettings } from '../backup/backup'
import { snapshotInfo } from '../backup/check'
import {
  backupKey,
  inspectBackup,
  recoveryDataKey,
  restoreBackup,
  type BackupContents
} from '../backup/restore'
import { backupEntryInfo } from '../backup/scheduler'
import { keyCheck, keyFilePath } from '../crypto/key-file'
import { databaseKey, plainDatabasesAllowed } from '../db/open'
import type { HandlerContext, Handlers } from './types'

type BackupApi =
  | 'backup/status'
  | 'backup/configure'
  | 'backup/run'
  | 'backup/list'
  | 'restore/inspect'
  | 'restore/run'
  | 'keys/status'
  | 'keys/unlock'
  | 'users/resetPassword'
  | 'auth/recoverAdmin'
  | 'dialog/openFolder'
  | 'dialog/openBackup'

/** A folder given through the API: absolute, so it never depends on where the backend started. */
function folderArg(folder: string): string {
  if (!isAbsolute(folder)) throw new AppError('backup_folder_missing', { folder })
  return resolve(folder)
}

/**
 * Restoring replaces everything: an admin's act, except on a database with no account yet (a new
 * laptop, the first screen offers "Khôi phục từ bản sao lưu").
 */
function adminOrFirstRun(ctx: HandlerContext): void {
  if (userCount(ctx.db) === 0) return
  if (!ctx.user) throw new AppError('not_signed_in')
  if (ctx.user.role !== 'admin')
    throw new AppError('forbidden', { username: ctx.user.username, action: 'restore' })
}

/** The key of the running database: null for an unencrypted test database, undefined when unknown. */
function currentKey(dbPath: string): Buffer | null | undefined {
  return databaseKey(dbPath) ?? (plainDatabasesAllowed() ? null : undefined)
}

function contentsInfo(c: BackupContents): BackupContentsInfo {
  return { ...c, snapshot: snapshotInfo(c.snapshot) }
}

function listBackups(ctx: HandlerContext, folder: string): BackupFileInfo[] {
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch {
    throw new AppError('backup_folder_missing', { folder })
  }
  const logged = new Map(
    backupLog(ctx.db, 1000)
      .filter((e) => e.ok && e.file && resolve(e.folder) === folder)
      .map((e) => [e.file!, e])
  )
  const out: (BackupFileInfo & { time: number })[] = []
  for (const name of names) {
    const parsed = parseBackupFileName(name)
    if (!parsed) continue
    const path = join(folder, name)
    let st
    try {
      st = statSync(path)
    } catch {
      continue
    }
    if (!st.isFile()) continue
    const log = logged.get(name)
    out.push({
      name,
      path,
      bytes: st.size,
      modifiedAt: st.mtime.toISOString(),
      keyFile: existsSync(keyFilePath(path)),
      logged: log ? backupEntryInfo(log) : null,
      time: log?.snapshot ? Date.parse(log.snapshot.takenAt) : parsed.at.getTime()
    })
  }
  return out.sort((a, b) => b.time - a.time).map(({ time: _t, ...f }) => f)
}

export const backupHandlers: Handlers<BackupApi> = {
  'backup/status': (_args, { backups }) => backups.status(),
  'backup/configure': (args, { db, backups, actor, now }) => {
    const folder = args.folder === undefined ? undefined : folderArg(args.folder)
    if (folder) checkBackupFolder(folder)
    saveBackupSettings(db, { ...args, folder })
    db.transaction(() =>
      appendAudit(db, {
        actor,
        action: 'backup/configure',
        at: new Date(now()).toISOString(),
        detail: {
          folder: folder ?? null,
          keepLast: args.keepLast ?? null,
          intervalHours: args.intervalHours ?? null,
          enabled: args.enabled ?? null
        }
      })
    ).immediate()
    return backups.status()
  },
  'backup/run': (args, { backups, actor }) => {
    const folder = args.folder === undefined ? undefined : folderArg(args.folder)
    if (folder) checkBackupFolder(folder)
    return { jobId: backups.run('manual', actor, folder) }
  },
  'backup/list': (args, ctx) => {
    if (args.folder !== undefined) return listBackups(ctx, folderArg(args.folder))
    const settings = backupSettings(ctx.db, ctx.dbPath)
    // The default folder is made by the first backup: until then there is simply none. A chosen
    // folder that is missing (a stick not plugged in) is said as such.
    if (!settings.chosen && !existsSync(settings.folder)) return []
    return listBackups(ctx, resolve(settings.folder))
  },
  'restore/inspect': (args, ctx) => {
    adminOrFirstRun(ctx)
    const current = currentKey(ctx.dbPath)
    const file = resolve(args.path)
    const key = backupKey(file, args, current)
    return contentsInfo(inspectBackup(file, key, current))
  },
  'restore/run': async (args, ctx): Promise<RestoreResultInfo> => {
    adminOrFirstRun(ctx)
    const current = currentKey(ctx.dbPath)
    const file = resolve(args.path)
    const key = backupKey(file, args, current)
    const newKey = key !== null && !(current && keyCheck(current) === keyCheck(key))
    // Before anything changes: the restored key must be keepable, or the next start is locked.
    if (newKey && !ctx.keyStore.canKeep(file, key, args.newPassphrase))
      throw new AppError('passphrase_required', { path: ctx.dbPath })
    const actor = ctx.user?.username ?? 'first-run'
    const r = ctx.replaceDatabase(() =>
      restoreBackup({ file, dbPath: ctx.dbPath, key, currentKey: current, actor, now: ctx.now })
    )
    if (r.keyChanged && key) await ctx.keyStore.keep(ctx.dbPath, key, args.newPassphrase)
    return { ...r, restored: contentsInfo(r.restored) }
  },
  'keys/status': (_args, { keyStore }) => ({ locked: false, store: keyStore.kind }),
  // Already unlocked: nothing to do (a locked backend answers this itself, see locked.ts).
  'keys/unlock': () => ({ unlocked: true }),
  'users/resetPassword': async (args, { db, actor, now, sessions }) => {
    const r = await resetPassword(db, args.username, args.newPassword, actor, now())
    sessions.closeUser(args.username)
    return r
  },
  'auth/recoverAdmin': async (args, { db, dbPath, now, sessions }) => {
    const given = recoveryDataKey(args.recoveryKey)
    const key = databaseKey(dbPath)
    if (!key || keyCheck(key) !== keyCheck(given)) throw new AppError('recovery_key_wrong')
    const r = await recoverAdmin(db, args.username, args.newPassword, now())
    sessions.closeUser(args.username)
    return r
  },
  // The desktop's main process answers these itself; elsewhere a path is typed instead.
  'dialog/openFolder': () => {
    throw new AppError('unsupported_here')
  },
  'dialog/openBackup': () => {
    throw new AppError('unsupported_here')
  }
}
