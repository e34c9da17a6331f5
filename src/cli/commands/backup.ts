// `doisoat db backup`, `db restore` and `db verify`: backups from the command line, a restore that
// keeps the replaced database, and a whole-database check (also of a backup file).
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { AppError } from '../../shared/errors'
import { tr, type Language } from '../../shared/i18n'
import { runBackup } from '../../backend/backup/backup'
import { checkDatabase, type BackupSnapshot } from '../../backend/backup/check'
import { backupKey, precheckBackupFile, restoreBackup } from '../../backend/backup/restore'
import { keyCheck } from '../../backend/crypto/key-file'
import { passphraseStore } from '../../backend/crypto/key-store'
import { openDb } from '../../backend/db/open'
import type { CliContext, Command } from '../command'
import { operatorName } from '../session'
import { newPassphrase, readSecretFile, secretFromOptions, unlockCli } from '../unlock'

const dbOption = { name: 'db', type: 'string', required: true, arg: 'D' } as const
const jsonOption = { name: 'json', type: 'boolean' } as const

function existing(path: string): string {
  if (!existsSync(path)) throw new AppError('file_not_found', { path })
  return path
}

function printCounts(ctx: CliContext, s: BackupSnapshot): void {
  const c = s.counts
  const u = s.unsynced
  ctx.out(
    tr(
      'cli.backup.counts',
      {
        population: c.population_record ?? 0,
        source: c.source_record ?? 0,
        corrections: c.correction ?? 0,
        unsynced: u.pending + u.sent + u.parked,
        audit: c.audit_event ?? 0
      },
      ctx.lang
    )
  )
}

function printContents(ctx: CliContext, file: string, s: BackupSnapshot, lang: Language): void {
  ctx.out(
    tr(
      'cli.backup.contents',
      {
        file,
        at: s.takenAt,
        version: s.schemaVersion,
        lastId: s.lastAudit?.id ?? 0,
        action: s.lastAudit?.action ?? '-',
        actor: s.lastAudit?.actor ?? '-',
        lastAt: s.lastAudit?.at ?? '-'
      },
      lang
    )
  )
  printCounts(ctx, s)
}

export const dbBackup: Command = {
  name: 'db backup',
  options: [dbOption, { name: 'out', type: 'string', required: true, arg: 'DIR' }, jsonOption],
  async run(opts, ctx) {
    const path = existing(resolve(String(opts.db)))
    await unlockCli(path, ctx)
    const db = openDb(path)
    try {
      const r = await runBackup(db, {
        dbPath: path,
        reason: 'manual',
        actor: operatorName(),
        folder: resolve(String(opts.out)),
        signal: ctx.signal
      })
      if (opts.json === true) {
        ctx.out(
          JSON.stringify({
            file: r.made.file,
            keyFile: r.made.keyFile,
            bytes: r.made.bytes,
            snapshot: r.made.snapshot,
            removed: r.removed
          })
        )
        return 0
      }
      ctx.out(tr('cli.backup.made', { db: path, file: r.made.file, size: r.made.bytes }, ctx.lang))
      printCounts(ctx, r.made.snapshot)
      ctx.out(
        r.made.keyFile
          ? tr('cli.backup.keyFile', { file: r.made.keyFile }, ctx.lang)
          : tr('cli.backup.noKeyFile', {}, ctx.lang)
      )
      if (r.removed.length)
        ctx.out(
          tr(
            'cli.backup.removed',
            { count: r.removed.length, files: r.removed.join(', ') },
            ctx.lang
          )
        )
      return 0
    } finally {
      db.close()
    }
  }
}

export const dbRestore: Command = {
  name: 'db restore',
  options: [
    { name: 'from', type: 'string', required: true, arg: 'FILE' },
    dbOption,
    { name: 'new-passphrase-file', type: 'string', arg: 'F' },
    jsonOption
  ],
  async run(opts, ctx) {
    const file = existing(resolve(String(opts.from)))
    const path = resolve(String(opts.db))
    const secret = secretFromOptions(ctx)
    // The database being replaced: unlocked when the secret opens it, so it is backed up first.
    // A database that does not open (lost key, damaged) is still kept aside, never deleted.
    let current: Buffer | undefined
    if (existsSync(path)) {
      try {
        current = await unlockCli(path, ctx)
      } catch (e) {
        if (!(e instanceof AppError)) throw e
        current = undefined
      }
    }
    const key = backupKey(file, secret, current)
    const keyChanged = key !== null && !(current && keyCheck(current) === keyCheck(key))
    const store = passphraseStore()
    let passphrase = opts['new-passphrase-file']
      ? readSecretFile(String(opts['new-passphrase-file']))
      : process.env.DOISOAT_NEW_PASSPHRASE || undefined
    if (keyChanged && !store.canKeep(file, key, passphrase))
      passphrase = await newPassphrase(path, ctx, undefined)
    const r = restoreBackup({ file, dbPath: path, key, currentKey: current, actor: operatorName() })
    if (keyChanged && key) await store.keep(path, key, passphrase)
    if (opts.json === true) {
      ctx.out(JSON.stringify(r))
      return 0
    }
    ctx.out(tr('cli.backup.restored', { db: path, file }, ctx.lang))
    printContents(ctx, file, r.restored.snapshot, ctx.lang)
    if (r.aside) ctx.out(tr('cli.backup.aside', { path: r.aside }, ctx.lang))
    if (r.preBackup) ctx.out(tr('cli.backup.preBackup', { file: r.preBackup }, ctx.lang))
    else if (r.aside) ctx.out(tr('cli.backup.noPreBackup', {}, ctx.lang))
    if (r.keyChanged) ctx.out(tr('cli.backup.keyChanged', {}, ctx.lang))
    const u = r.restored.snapshot.unsynced
    if (u.pending + u.sent + u.parked > 0)
      ctx.out(tr('cli.backup.pending', { count: u.pending + u.sent + u.parked }, ctx.lang))
    return 0
  }
}

export const dbVerify: Command = {
  name: 'db verify',
  options: [dbOption, jsonOption],
  async run(opts, ctx) {
    const path = existing(resolve(String(opts.db)))
    precheckBackupFile(path)
    await unlockCli(path, ctx)
    const db = openDb(path, { readonly: true })
    let check: ReturnType<typeof checkDatabase>
    try {
      check = checkDatabase(db)
    } finally {
      db.close()
    }
    if (opts.json === true) {
      ctx.out(JSON.stringify(check))
      return check.ok ? 0 : 1
    }
    const lang = ctx.lang
    if (check.ok)
      ctx.out(
        tr(
          'cli.backup.verifyOk',
          { path, version: check.snapshot.schemaVersion, audit: check.audit.checked },
          lang
        )
      )
    else {
      ctx.err(tr('cli.backup.verifyBad', { path }, lang))
      if (check.integrity.join() !== 'ok')
        ctx.err(tr('cli.backup.integrity', { detail: check.integrity.join('; ') }, lang))
      if (check.schema === 'too_new')
        ctx.err(tr('cli.backup.schemaTooNew', { version: check.snapshot.schemaVersion }, lang))
      if (check.schema === 'unexpected')
        ctx.err(tr('cli.backup.schema', { detail: check.unexpected.join(', ') }, lang))
      if (!check.audit.ok && check.audit.brokenAt !== null)
        ctx.err(tr('cli.backup.auditBroken', { id: check.audit.brokenAt }, lang))
    }
    for (const [table, count] of Object.entries(check.snapshot.counts))
      ctx.out(tr('cli.backup.table', { table, count }, lang))
    return check.ok ? 0 : 1
  }
}
