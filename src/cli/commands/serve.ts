// `doisoat serve`: web mode, the same app in a browser on 127.0.0.1 with a token.
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { tr } from '../../shared/i18n'
import { appDataDir, ownerOnlyFolder } from '../../backend/files/data-dir'
import { startWebServer } from '../../backend/web/server'
import type { Command } from '../command'
import { withBackend } from '../session'

export const RENDERER_DIR = resolve(__dirname, '../../../out/renderer')

/** The database web mode opens: the one given, else doisoat.db in the user's data folder. */
export function serveDatabasePath(db: string | undefined): string {
  return db === undefined ? join(ownerOnlyFolder(appDataDir()), 'doisoat.db') : resolve(db)
}

export const serve: Command = {
  name: 'serve',
  options: [
    { name: 'port', type: 'number', default: 4780, arg: 'P' },
    // Default: doisoat.db in the user's data folder (appDataDir), never the working directory.
    { name: 'db', type: 'string', arg: 'PATH' }
  ],
  async run(opts, ctx) {
    if (!existsSync(resolve(RENDERER_DIR, 'index.html'))) {
      ctx.err(tr('cli.noRenderer', {}, ctx.lang))
      return 2
    }
    const dbPath = serveDatabasePath(opts.db === undefined ? undefined : String(opts.db))
    // Where the data is, said before anything else: the database, its key file, backups, uploads.
    ctx.out(tr('cli.dataFolder', { db: dbPath, folder: dirname(dbPath) }, ctx.lang))
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
        ctx.out(tr('cli.stopNote', {}, ctx.lang))
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
