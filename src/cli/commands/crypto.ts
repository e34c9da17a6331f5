// `doisoat db encrypt` and `doisoat db rekey`: encryption at rest, from the command line.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { AppError } from '../../shared/errors'
import { tr } from '../../shared/i18n'
import { appendAudit } from '../../backend/audit/audit'
import { keyFilePath, rewrapKey } from '../../backend/crypto/key-file'
import { changeDataKey, encryptDatabase } from '../../backend/crypto/unlock'
import { openDb } from '../../backend/db/open'
import type { Command } from '../command'
import {
  newPassphrase,
  printRecoveryKey,
  readSecretFile,
  secretFromOptions,
  unlockCli
} from '../unlock'

/** Record a key operation in the database's own audit chain. */
function audit(path: string, action: string, detail: Record<string, string>): void {
  const db = openDb(path)
  try {
    db.transaction(() => appendAudit(db, { actor: 'cli', action, detail })).immediate()
  } finally {
    db.close()
  }
}

function existing(opts: Record<string, unknown>): string {
  const path = resolve(String(opts.db))
  if (!existsSync(path)) throw new AppError('file_not_found', { path })
  return path
}

export const dbEncrypt: Command = {
  name: 'db encrypt',
  options: [{ name: 'db', type: 'string', required: true, arg: 'D' }],
  async run(opts, ctx) {
    const path = existing(opts)
    const passphrase = await newPassphrase(path, ctx, secretFromOptions(ctx).passphrase)
    const made = encryptDatabase(path, { passphrase })
    // The key first: the file is already encrypted under it, whatever happens next.
    ctx.out(tr('cli.crypto.encrypted', { path, keyFile: keyFilePath(path) }, ctx.lang))
    printRecoveryKey(ctx, path, made.recoveryKey!)
    audit(path, 'db/encrypt', { cipher: 'sqlcipher4' })
    return 0
  }
}

export const dbRekey: Command = {
  name: 'db rekey',
  options: [
    { name: 'db', type: 'string', required: true, arg: 'D' },
    { name: 'new-passphrase-file', type: 'string', arg: 'F' },
    { name: 'passphrase-only', type: 'boolean' }
  ],
  async run(opts, ctx) {
    const path = existing(opts)
    const oldKey = await unlockCli(path, ctx)
    const given = opts['new-passphrase-file']
      ? readSecretFile(String(opts['new-passphrase-file']))
      : process.env.DOISOAT_NEW_PASSPHRASE || undefined
    if (opts['passphrase-only'] === true) {
      rewrapKey(path, oldKey, { passphrase: await newPassphrase(path, ctx, given) })
      audit(path, 'db/passphrase', {})
      ctx.out(tr('cli.crypto.passphraseChanged', { path }, ctx.lang))
      return 0
    }
    const passphrase = given ?? secretFromOptions(ctx).passphrase
    const made = changeDataKey(path, oldKey, {
      passphrase: passphrase ?? (await newPassphrase(path, ctx, undefined))
    })
    // The key first: the file is already encrypted under it, whatever happens next.
    ctx.out(tr('cli.crypto.rekeyed', { path }, ctx.lang))
    if (made.backup) ctx.out(tr('cli.crypto.rekeyBackup', { file: made.backup }, ctx.lang))
    printRecoveryKey(ctx, path, made.recoveryKey!)
    audit(path, 'db/rekey', { cipher: 'sqlcipher4' })
    return 0
  }
}
