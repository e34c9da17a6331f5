// The CLI's side of encryption at rest: where the passphrase or recovery key comes from (a file,
// the environment, or typed at a terminal), and unlocking a database before a command opens it.
import { existsSync, readFileSync } from 'node:fs'
import { AppError } from '../shared/errors'
import { tr } from '../shared/i18n'
import type { Secret } from '../backend/crypto/key-file'
import { checkNewPassphrase, keyFilePath, readKeyFile } from '../backend/crypto/key-file'
import { hasSecret, unlockDatabase } from '../backend/crypto/unlock'
import { openDb, type Db } from '../backend/db/open'
import type { CliContext } from './command'

/** Options every command understands, like --lang: picked out of argv before parsing. */
export const SECRET_OPTIONS = ['passphrase-file', 'recovery-key-file'] as const

export interface CliSecrets {
  passphraseFile?: string
  recoveryKeyFile?: string
}

export function pickSecretOptions(argv: string[]): { secrets: CliSecrets; rest: string[] } {
  const secrets: CliSecrets = {}
  const rest: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    const name = SECRET_OPTIONS.find((o) => a === `--${o}` || a.startsWith(`--${o}=`))
    if (!name) {
      rest.push(a)
      continue
    }
    const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]
    if (value === undefined) {
      rest.push(a)
      continue
    }
    if (name === 'passphrase-file') secrets.passphraseFile = value
    else secrets.recoveryKeyFile = value
  }
  return { secrets, rest }
}

/** A secret file holds one line; the final line break is not part of it. */
export function readSecretFile(path: string): string {
  if (!existsSync(path)) throw new AppError('file_not_found', { path })
  return readFileSync(path, 'utf8').replace(/\r?\n$/, '')
}

export function secretFromOptions(ctx: CliContext): Secret {
  const s = ctx.secrets ?? {}
  const secret: Secret = {}
  const passphrase = s.passphraseFile
    ? readSecretFile(s.passphraseFile)
    : process.env.DOISOAT_PASSPHRASE
  if (passphrase !== undefined && passphrase !== '') secret.passphrase = passphrase
  const recovery = s.recoveryKeyFile
    ? readSecretFile(s.recoveryKeyFile)
    : process.env.DOISOAT_RECOVERY_KEY
  if (recovery !== undefined && recovery !== '') secret.recoveryKey = recovery
  return secret
}

/** Read a line from the terminal without echoing it; null when stdin is not a terminal. */
export function promptHidden(question: string): Promise<string | null> {
  const stdin = process.stdin
  if (!stdin.isTTY) return Promise.resolve(null)
  process.stderr.write(question)
  return new Promise((resolve) => {
    let text = ''
    stdin.setRawMode(true)
    stdin.resume()
    stdin.setEncoding('utf8')
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          stdin.setRawMode(false)
          stdin.pause()
          stdin.off('data', onData)
          process.stderr.write('\n')
          resolve(text)
          return
        }
        if (ch === '\u0003') {
          stdin.setRawMode(false)
          process.stderr.write('\n')
          process.exit(130)
        }
        if (ch === '\u007f' || ch === '\b') text = text.slice(0, -1)
        else text += ch
      }
    }
    stdin.on('data', onData)
  })
}

/** A new passphrase: from the options, or typed twice at a terminal. */
export async function newPassphrase(
  path: string,
  ctx: CliContext,
  fromOptions: string | undefined
): Promise<string> {
  if (fromOptions !== undefined) {
    checkNewPassphrase(fromOptions)
    return fromOptions
  }
  const first = await promptHidden(tr('cli.crypto.promptNew', { path }, ctx.lang))
  if (first === null || first === '') throw new AppError('passphrase_required', { path })
  // Said before asking for it again, not after both were typed.
  checkNewPassphrase(first)
  const again = await promptHidden(tr('cli.crypto.promptAgain', {}, ctx.lang))
  if (again !== first) throw new AppError('passphrase_mismatch')
  return first
}

export function printRecoveryKey(ctx: CliContext, path: string, recoveryKey: string): void {
  const line = '='.repeat(recoveryKey.length + 8)
  ctx.out(line)
  ctx.out(tr('cli.crypto.recoveryTitle', { path }, ctx.lang))
  ctx.out(`    ${recoveryKey}`)
  ctx.out(tr('cli.crypto.recoveryNote', {}, ctx.lang))
  ctx.out(line)
}

/**
 * Unlock the database at `path` for this process (openDb then finds its key). With `create`, a
 * database that does not exist yet gets a new key, and its recovery key is printed once.
 */
export async function unlockCli(
  path: string,
  ctx: CliContext,
  o: { create?: boolean } = {}
): Promise<Buffer> {
  let secret = secretFromOptions(ctx)
  const creating = o.create === true && !existsSync(path) && !existsSync(keyFilePath(path))
  if (creating) {
    const passphrase = await newPassphrase(path, ctx, secret.passphrase)
    const made = unlockDatabase(path, secret, { create: { passphrase } })
    if (made.recoveryKey) printRecoveryKey(ctx, path, made.recoveryKey)
    return made.key
  }
  if (!hasSecret(secret) && existsSync(path) && readKeyFile(path)) {
    const typed = await promptHidden(tr('cli.crypto.promptPassphrase', { path }, ctx.lang))
    if (typed) secret = { passphrase: typed }
  }
  return unlockDatabase(path, secret).key
}

/** The database at `path`, which must exist, unlocked and opened read-only. */
export async function openReadonly(path: string, ctx: CliContext): Promise<Db> {
  if (!existsSync(path)) throw new AppError('file_not_found', { path })
  await unlockCli(path, ctx)
  return openDb(path, { readonly: true })
}
