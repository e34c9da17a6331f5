// `doisoat report`: the reconciliation report of one batch or one commune, written as PDF, XLSX or HTML.
import { extname, resolve } from 'node:path'
import { tr } from '../../shared/i18n'
import { checkOutputPath, writeFileAtomic } from '../../backend/files/write-atomic'
import { UsageError, type Command } from '../command'
import { withOperator } from '../session'

const FORMATS = { '.pdf': 'pdf', '.xlsx': 'xlsx', '.html': 'html' } as const

export const reportCommand: Command = {
  name: 'report',
  options: [
    { name: 'db', type: 'string', required: true, arg: 'D' },
    { name: 'batch', type: 'number', arg: 'B' },
    { name: 'commune', type: 'string', arg: 'C' },
    { name: 'run', type: 'number', arg: 'R' },
    { name: 'out', type: 'string', required: true, arg: 'F.pdf|F.xlsx' }
  ],
  async run(opts, ctx) {
    if ((opts.batch === undefined) === (opts.commune === undefined))
      throw new UsageError(tr('cli.reportScope', {}, ctx.lang))
    const out = resolve(String(opts.out))
    const format = FORMATS[extname(out).toLowerCase() as keyof typeof FORMATS]
    if (!format) throw new UsageError(tr('cli.reportFormat', { file: out }, ctx.lang))
    checkOutputPath(out)
    return withOperator(resolve(String(opts.db)), ctx, async (operator) => {
      const file = await operator.call('reports/export', {
        ...(opts.batch !== undefined ? { batchId: Number(opts.batch) } : {}),
        ...(opts.commune !== undefined ? { commune: String(opts.commune) } : {}),
        ...(opts.run !== undefined ? { runId: Number(opts.run) } : {}),
        format,
        lang: ctx.lang
      })
      await writeFileAtomic(out, Buffer.from(file.base64, 'base64'))
      ctx.out(tr('cli.reportWritten', { file: out }, ctx.lang))
      return 0
    })
  }
}
