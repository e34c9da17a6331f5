// `doisoat db migrate` and `doisoat db info`: schema upkeep and what a database holds.
import { resolve } from 'node:path'
import { tr } from '../../shared/i18n'
import { openDb, schemaVersion } from '../../backend/db/open'
import type { Command } from '../command'
import { unlockCli } from '../unlock'
import { withOperator } from '../session'

const dbOption = { name: 'db', type: 'string', required: true, arg: 'D' } as const

export const dbMigrate: Command = {
  name: 'db migrate',
  options: [dbOption],
  async run(opts, ctx) {
    const path = resolve(String(opts.db))
    await unlockCli(path, ctx, { create: true })
    const db = openDb(path)
    const version = schemaVersion(db)
    db.close()
    ctx.out(tr('cli.migrated', { path, version }, ctx.lang))
    return 0
  }
}

export const dbInfo: Command = {
  name: 'db info',
  options: [dbOption, { name: 'json', type: 'boolean' }],
  async run(opts, ctx) {
    const path = resolve(String(opts.db))
    return withOperator(path, ctx, async (operator) => {
      const info = await operator.call('app/info', {})
      if (opts.json) ctx.out(JSON.stringify(info, null, 2))
      else {
        ctx.out(tr('cli.migrated', { path, version: info.schemaVersion }, ctx.lang))
        ctx.out(`  ${tr('overview.population', {}, ctx.lang)}: ${info.counts.population}`)
        ctx.out(`  ${tr('overview.source', {}, ctx.lang)}: ${info.counts.source}`)
        ctx.out(`  ${tr('overview.batches', {}, ctx.lang)}: ${info.counts.batches}`)
        ctx.out(`  ${tr('overview.rejected', {}, ctx.lang)}: ${info.counts.rejected}`)
      }
      return 0
    })
  }
}
