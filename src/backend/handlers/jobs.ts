// 'jobs/*' and 'sample/*': the sample commune, and listing and cancelling long work.
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { tmpdir } from 'node:os'
import type { jobInputs, SampleResult } from '../../shared/api'
import { importFile } from '../import/import-file'
import { writeSample } from '../sample/write-sample'
import type { Handlers } from './types'

export const jobHandlers: Handlers<keyof typeof jobInputs> = {
  'sample/create': (args, { jobs, dbPath, actor }) => ({
    jobId: jobs.start('sample', async (ctx): Promise<SampleResult> => {
      const base = dbPath === ':memory:' ? tmpdir() : dirname(dbPath)
      const dir = join(base, `doisoat-sample-${args.seed}-${Date.now()}`)
      mkdirSync(dir, { recursive: true })
      const files = await writeSample({
        outDir: dir,
        population: args.population,
        registry: args.registry,
        seed: args.seed,
        legacy: false,
        signal: ctx.signal,
        onProgress: (done, total) => ctx.progress('generate', done, total)
      })
      const phase = (name: string) => ({
        signal: ctx.signal,
        progress: (_p: string, done: number, total: number | null) =>
          ctx.progress(name, done, total)
      })
      const population = await importFile(
        { dbPath, kind: 'population', file: files.population, actor },
        phase('population')
      )
      const registry = await importFile(
        { dbPath, kind: 'registry', file: files.registry, actor },
        phase('registry')
      )
      return { dir, population, registry }
    })
  }),
  'jobs/cancel': (args, { jobs }) => ({ cancelled: jobs.cancel(args.jobId) }),
  'jobs/list': (_args, { jobs }) => jobs.list()
}
