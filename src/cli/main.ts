// The `doisoat` command line: dispatch, help, language, and errors as clear messages with exit codes.
import { AppError } from '../shared/errors'
import { LANGUAGES, tr, type Language } from '../shared/i18n'
import { dirname, resolve } from 'node:path'
import { toErrorShape } from '../backend/errors'
import { errorLogFile, setErrorLogFolder } from '../backend/error-log'
import { commandHelp, parseOptions, UsageError, type CliContext, type Command } from './command'
import { auditVerify } from './commands/audit'
import { dbEncrypt, dbRekey } from './commands/crypto'
import { dbInfo, dbMigrate } from './commands/db'
import { dbBackup, dbRestore, dbVerify } from './commands/backup'
import { importCommand } from './commands/import'
import { linkCommand } from './commands/link'
import { matchCommand } from './commands/match'
import { reportCommand } from './commands/report'
import { sample } from './commands/sample'
import { serve } from './commands/serve'
import { pickSecretOptions } from './unlock'
import {
  packageDecisions,
  packageExport,
  packageImport,
  verifyCorrection
} from './commands/packages'
import { trustAdd, userAdd, userKey, userList, userResetPassword } from './commands/users'
import { gatewayCommand } from './commands/gateway'

export const COMMANDS: Command[] = [
  serve,
  sample,
  importCommand,
  matchCommand,
  linkCommand,
  reportCommand,
  dbMigrate,
  dbInfo,
  dbEncrypt,
  dbRekey,
  dbBackup,
  dbRestore,
  dbVerify,
  auditVerify,
  userAdd,
  userList,
  userKey,
  userResetPassword,
  trustAdd,
  packageExport,
  packageImport,
  packageDecisions,
  verifyCorrection,
  gatewayCommand
]

export function pickLanguage(argv: string[]): { lang: Language; rest: string[] } {
  let lang: Language = process.env.DOISOAT_LANG === 'en' ? 'en' : 'vi'
  const rest: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    const value = a === '--lang' ? argv[++i] : a.startsWith('--lang=') ? a.slice(7) : null
    if (value === null) rest.push(a)
    else if ((LANGUAGES as readonly string[]).includes(value ?? '')) lang = value as Language
  }
  return { lang, rest }
}

function mainHelp(lang: Language): string {
  const lines = [
    `${tr('cli.usage', {}, lang)}: doisoat <${tr('cli.commands', {}, lang)}> [--lang vi|en] ...`,
    ''
  ]
  lines.push(tr('app.subtitle', {}, lang), '', `${tr('cli.commands', {}, lang)}:`)
  for (const c of COMMANDS) {
    lines.push(
      `  ${c.name.padEnd(14)} ${tr(`cli.help.${c.name.replace(' ', '_')}.summary`, {}, lang)}`
    )
  }
  lines.push('', tr('cli.crypto.globalOptions', {}, lang), '', 'doisoat <command> --help')
  return lines.join('\n')
}

/** `doisoat ... | head` closes our stdout early: that is the reader's choice, not an error. */
function quietOnClosedPipe(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0)
    throw e
  })
}

export async function main(argv: string[], io: Partial<CliContext> = {}): Promise<number> {
  if (!io.out) quietOnClosedPipe()
  const picked = pickLanguage(argv)
  const lang = picked.lang
  const { secrets, rest } = pickSecretOptions(picked.rest)
  const controller = new AbortController()
  const onSignal = (): void => controller.abort()
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  const ctx: CliContext = {
    lang,
    out: io.out ?? ((l) => process.stdout.write(`${l}\n`)),
    err: io.err ?? ((l) => process.stderr.write(`${l}\n`)),
    signal: io.signal ?? controller.signal,
    secrets
  }
  try {
    if (rest.length === 0 || rest[0] === '--help' || rest[0] === '-h' || rest[0] === 'help') {
      ctx.out(mainHelp(lang))
      return rest.length === 0 ? 2 : 0
    }
    const two = `${rest[0]} ${rest[1] ?? ''}`
    const cmd = COMMANDS.find((c) => c.name === two) ?? COMMANDS.find((c) => c.name === rest[0])
    if (!cmd) {
      ctx.err(tr('cli.unknownCommand', { name: rest.slice(0, 2).join(' ') }, lang))
      return 2
    }
    const args = rest.slice(cmd.name.split(' ').length)
    if (args.includes('--help') || args.includes('-h')) {
      ctx.out(commandHelp(cmd, lang))
      return 0
    }
    const opts = parseOptions(cmd, args, lang)
    // Unexpected errors are logged beside the database the command works on.
    if (typeof opts.db === 'string') setErrorLogFolder(dirname(resolve(opts.db)))
    return await cmd.run(opts, ctx)
  } catch (e) {
    if (e instanceof UsageError) {
      ctx.err(e.message)
      return 2
    }
    const shape = toErrorShape(e, `cli ${rest.slice(0, 2).join(' ')}`)
    ctx.err(tr(`errors.${shape.code}`, shape.params ?? {}, lang))
    const log = errorLogFile()
    if (!(e instanceof AppError) && log) ctx.err(tr('cli.errorLogged', { file: log }, lang))
    return 1
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}
