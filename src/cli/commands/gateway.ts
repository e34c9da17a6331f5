// `doisoat gateway`: the reference national gateway (embedded PGlite, or DATABASE_URL).
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { tr } from '../../shared/i18n'
import { startGateway } from '../../gateway/server'
import { AppError, type Command } from '../command'

export const gatewayCommand: Command = {
  name: 'gateway',
  options: [
    { name: 'port', type: 'number', default: 4790, arg: 'P' },
    { name: 'host', type: 'string', default: '127.0.0.1', arg: 'HOST' },
    { name: 'data', type: 'string', default: 'gateway-data', arg: 'DIR' },
    { name: 'seed-from', type: 'string', arg: 'FILE' }
  ],
  async run(opts, ctx) {
    const databaseUrl = process.env.DATABASE_URL || undefined
    const adminToken = process.env.GATEWAY_ADMIN_TOKEN || randomBytes(24).toString('base64url')
    const seedFrom =
      opts['seed-from'] === undefined ? undefined : resolve(String(opts['seed-from']))
    if (seedFrom && !existsSync(seedFrom)) throw new AppError('file_not_found', { path: seedFrom })
    const gw = await startGateway({
      databaseUrl,
      dataDir: databaseUrl ? undefined : resolve(String(opts.data)),
      port: Number(opts.port),
      host: String(opts.host),
      adminToken,
      seedFrom
    })
    if (gw.seeded)
      ctx.out(tr('cli.gateway.seeded', { file: String(seedFrom), ...gw.seeded }, ctx.lang))
    ctx.out(
      tr(
        'cli.gateway.database',
        {
          where: databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite ${resolve(String(opts.data))}`
        },
        ctx.lang
      )
    )
    ctx.out(tr('cli.gateway.listening', { url: gw.url }, ctx.lang))
    if (!process.env.GATEWAY_ADMIN_TOKEN)
      ctx.out(tr('cli.gateway.adminToken', { token: adminToken }, ctx.lang))
    await new Promise<void>((r) => ctx.signal.addEventListener('abort', () => r(), { once: true }))
    await gw.close()
    return 0
  }
}
