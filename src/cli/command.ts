// The shape of a CLI command and the small argument parser they share (no framework needed).
import { AppError } from '../shared/errors'
import { tr, type Language } from '../shared/i18n'
import type { CliSecrets } from './unlock'

export interface OptionSpec {
  name: string
  type: 'string' | 'number' | 'boolean'
  required?: boolean
  default?: string | number | boolean
  choices?: readonly string[]
  /** Placeholder in help, e.g. FILE. */
  arg?: string
}

export interface CliContext {
  lang: Language
  out: (line: string) => void
  err: (line: string) => void
  /** Aborted on SIGINT/SIGTERM so long commands stop cleanly. */
  signal: AbortSignal
  /** --passphrase-file / --recovery-key-file, understood by every command that opens a database. */
  secrets?: CliSecrets
}

export type ParsedOptions = Record<string, string | number | boolean | undefined>

export interface Command {
  /** e.g. 'sample' or 'db migrate' */
  name: string
  options: OptionSpec[]
  run(opts: ParsedOptions, ctx: CliContext): Promise<number>
}

export class UsageError extends Error {}

/** Help text for a command: its summary and options come from the i18n catalog (cli.help.*). */
export function commandHelp(cmd: Command, lang: Language): string {
  const key = cmd.name.replace(' ', '_')
  const lines = [
    `${tr('cli.usage', {}, lang)}: doisoat ${cmd.name} ${cmd.options
      .map((o) => {
        const s = o.type === 'boolean' ? `--${o.name}` : `--${o.name} ${o.arg ?? 'X'}`
        return o.required ? s : `[${s}]`
      })
      .join(' ')}`,
    '',
    tr(`cli.help.${key}.summary`, {}, lang),
    ''
  ]
  if (cmd.options.length) {
    lines.push(`${tr('cli.options', {}, lang)}:`)
    for (const o of cmd.options) {
      const flag = o.type === 'boolean' ? `--${o.name}` : `--${o.name} ${o.arg ?? 'X'}`
      const def = o.default !== undefined ? ` (${String(o.default)})` : ''
      lines.push(`  ${flag.padEnd(26)} ${tr(`cli.help.${key}.${o.name}`, {}, lang)}${def}`)
    }
  }
  return lines.join('\n')
}

/** Parse `--name value`, `--name=value` and boolean `--flag`; unknown options are errors. */
export function parseOptions(cmd: Command, argv: string[], lang: Language): ParsedOptions {
  const out: ParsedOptions = {}
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!
    if (!token.startsWith('--'))
      throw new UsageError(tr('cli.unknownOption', { name: token, command: cmd.name }, lang))
    const eq = token.indexOf('=')
    const name = eq > 0 ? token.slice(2, eq) : token.slice(2)
    const spec = cmd.options.find((o) => o.name === name)
    if (!spec)
      throw new UsageError(tr('cli.unknownOption', { name: token, command: cmd.name }, lang))
    if (spec.type === 'boolean') {
      out[name] = eq > 0 ? token.slice(eq + 1) !== 'false' : true
      continue
    }
    const value = eq > 0 ? token.slice(eq + 1) : argv[++i]
    if (value === undefined || (eq < 0 && value.startsWith('--')))
      throw new UsageError(tr('cli.missingOption', { name: `--${name}`, command: cmd.name }, lang))
    if (spec.type === 'number') {
      if (!/^-?\d+$/.test(value))
        throw new UsageError(tr('cli.badNumber', { name: `--${name}`, value }, lang))
      out[name] = Number(value)
    } else {
      if (spec.choices && !spec.choices.includes(value))
        throw new UsageError(
          tr('cli.badChoice', { name: `--${name}`, choices: spec.choices.join(', ') }, lang)
        )
      out[name] = value
    }
  }
  for (const spec of cmd.options) {
    if (out[spec.name] === undefined && spec.default !== undefined) out[spec.name] = spec.default
    if (spec.required && out[spec.name] === undefined)
      throw new UsageError(
        tr('cli.missingOption', { name: `--${spec.name}`, command: cmd.name }, lang)
      )
  }
  return out
}

export { AppError }
