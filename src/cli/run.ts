// The process around the command: its exit code from main(), and a failure (exit 1, said so)
// when main() never settles, so a lost error can never end as a silent success.
import { tr } from '../shared/i18n'
import { toErrorShape } from '../backend/errors'
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
      const shape = toErrorShape(err, 'cli')
      process.stderr.write(`${tr(`errors.${shape.code}`, shape.params, pickLanguage(argv).lang)}\n`)
      process.exitCode = 1
    }
  )
}
