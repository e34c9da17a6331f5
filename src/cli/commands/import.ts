// `doisoat import`: load an extract into a database, printing progress and the counts.
import { resolve } from 'node:path'
import { SOURCE_KINDS } from '../../shared/fields'
import { tr } from '../../shared/i18n'
import { importFile } from '../../backend/import/import-file'
import type { Command } from '../command'

export const importCommand: Command = {
  name: 'import',
  options: [
    { name: 'db', type: 'string', required: true, arg: 'D' },
    { name: 'kind', type: 'string', required: true, choices: SOURCE_KINDS, arg: 'K' },
    { name: 'file', type: 'string', required: true, arg: 'F' },
    { name: 'allow-duplicate', type: 'boolean' }
  ],
  async run(opts, ctx) {
    const file = resolve(String(opts.file))
    const summary = await importFile(
      {
        dbPath: resolve(String(opts.db)),
        kind: opts.kind as (typeof SOURCE_KINDS)[number],
        file,
        allowDuplicate: opts['allow-duplicate'] === true,
        actor: 'cli'
      },
      { signal: ctx.signal, progress: () => undefined }
    )
    ctx.out(
      tr(
        'cli.imported',
        {
          file: summary.fileName,
          read: summary.rowsRead,
          accepted: summary.rowsAccepted,
          rejected: summary.rowsRejected,
          batchId: summary.batchId
        },
        ctx.lang
      )
    )
    for (const [reason, n] of Object.entries(summary.rejectedReasons)) {
      ctx.out(`  - ${tr(`rejected.${reason}`, {}, ctx.lang)}: ${n}`)
    }
    for (const [warning, n] of Object.entries(summary.warnings)) {
      ctx.out(`  ! ${tr(`warnings.${warning}`, {}, ctx.lang)}: ${n}`)
    }
    return 0
  }
}
