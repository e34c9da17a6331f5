// The process around the command: its exit code from main(), and a failure (exit 1, said so)
// when main() never settles, so a lost error can never end as a silent success.
import { tr } from '../shared/i18n'
import { pickLanguage } from './main'

export function runCli(main: (argv: string[]) => Promise<number>, argv: string[]): void {
  let settled = false
  // Node leaves when nothing is left to wait for, even with main() still pending: that is a
  // command which lost track of its work (a stream error nobody listened to), never a success.
  process.on('beforeExit', () => {
    if (settled) return
    settled = true
    process.stderr.write(`${tr('cli.unsettled', {}, pickLanguage(argv).lang)}\n`)
    process.exitCode = 1
  })
  main(argv).then(
    (code) => {
      settled = true
      process.exitCode = code
    },
    (err: unknown) => {
      settled = true
      process.stderr.write(`${tr('errors.internal', {}, pickLanguage(argv).lang)}\n`)
      if (process.env.DOISOAT_DEBUG)
        process.stderr.write(`${String((err as Error)?.stack ?? err)}\n`)
      process.exitCode = 1
    }
  )
}
