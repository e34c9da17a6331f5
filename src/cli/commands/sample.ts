// `doisoat sample`: write a synthetic population, registry and answer key (no real people) to a folder.
import { basename, resolve } from 'node:path'
import { tr } from '../../shared/i18n'
import { writeSample } from '../../backend/sample/write-sample'
import type { Command } from '../command'

export const sample: Command = {
  name: 'sample',
  options: [
    { name: 'out', type: 'string', required: true, arg: 'DIR' },
    { name: 'population', type: 'number', default: 20000, arg: 'N' },
    { name: 'registry', type: 'number', default: 4000, arg: 'M' },
    { name: 'seed', type: 'number', default: 1, arg: 'S' },
    { name: 'no-legacy', type: 'boolean' }
  ],
  async run(opts, ctx) {
    const population = Number(opts.population)
    const registry = Number(opts.registry)
    const seed = Number(opts.seed)
    for (const [name, value] of [
      ['--population', population],
      ['--registry', registry],
      ['--seed', seed]
    ] as const) {
      if (value < 0) {
        ctx.err(tr('cli.sampleNegative', { name, value }, ctx.lang))
        return 2
      }
    }
    if (registry > population) {
      ctx.err(tr('cli.sampleTooManyRegistry', { registry, population }, ctx.lang))
      return 2
    }
    const dir = resolve(String(opts.out))
    const files = await writeSample({
      outDir: dir,
      population,
      registry,
      seed,
      legacy: opts['no-legacy'] !== true,
      signal: ctx.signal
    })
    const names = [
      files.population,
      files.registry,
      files.truth,
      ...files.legacy,
      ...(files.xlsx ? [files.xlsx] : [])
    ].map((f) => basename(f))
    ctx.out(tr('cli.sampleWritten', { dir, files: names.join(', ') }, ctx.lang))
    return 0
  }
}
