// `doisoat serve`: web mode, the same app in a browser on 127.0.0.1 with a token.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { tr } from '../../shared/i18n'
import { startWebServer } from '../../backend/web/server'
import type { Command } from '../command'
import { withBackend } from '../session'

export const RENDERER_DIR = resolve(__dirname, '../../../out/renderer')

export const serve: Command = {
  name: 'serve',
  options: [
    { name: 'port', type: 'number', default: 4780, arg: 'P' },
    { name: 'db', type: 'string', default: 'doisoat.db', arg: 'PATH' }
  ],
  async run(opts, ctx) {
    if (!existsSync(resolve(RENDERER_DIR, 'index.html'))) {
      ctx.err(tr('cli.noRenderer', {}, ctx.lang))
      return 2
    }
    const dbPath = resolve(String(opts.db))
    return withBackend(
      dbPath,
      ctx,
      async (backend) => {
        const web = await startWebServer({
          backend,
          rendererDir: RENDERER_DIR,
          uploadDir: `${dbPath}.uploads`,
          port: Number(opts.port)
        })
        ctx.out(tr('cli.listening', {}, ctx.lang))
        ctx.out(`  ${web.url}`)
        ctx.out(tr('cli.tokenNote', {}, ctx.lang))
        await new Promise<void>((r) =>
          ctx.signal.addEventListener('abort', () => r(), { once: true })
        )
        await web.close()
        return 0
      },
      { create: true }
    )
  }
}
