// 'jobs/*' and 'sample/*': the sample commune, and listing and cancelling long work.
import { mkdirSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { tmpdir } from 'node:os'
import type { ApiParsedInput, jobInputs, SampleResult } from '../../shared/api'
import { AppError } from '../../shared/errors'
import type { Db } from '../db/open'
import type { JobRunner } from '../jobs/jobs'
import { importFile } from '../import/import-file'
import { writeSample } from '../sample/write-sample'
import type { Handlers } from './types'

/**
 * The sample commune is for an empty database only: synthetic people added to real ones would be
 * matched against them and could end in corrections about no one. Whoever asks, a database with
 * any record or import (or a sample on its way) is refused; `doisoat sample` writes sample files
 * to a folder instead.
 */
function checkSampleAllowed(db: Db, jobs: JobRunner): void {
  const holdsData = db
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM import_batch) OR EXISTS (SELECT 1 FROM population_record)
         OR EXISTS (SELECT 1 FROM source_record)`
    )
    .pluck()
    .get() as number
  const running = jobs.list().some((j) => j.kind === 'sample' && j.state === 'running')
  if (holdsData || running) throw new AppError('sample_not_empty')
}

export const jobHandlers: Handlers<keyof typeof jobInputs> = {
  'sample/create': (args, { db, jobs, dbPath, actor }) => {
    checkSampleAllowed(db, jobs)
    return { jobId: startSample(args, jobs, dbPath, actor) }
  },
  'jobs/cancel': (args, { jobs }) => ({ cancelled: jobs.cancel(args.jobId) }),
  'jobs/list': (_args, { jobs }) => jobs.list()
}

function startSample(
  args: ApiParsedInput<'sample/create'>,
  jobs: JobRunner,
  dbPath: string,
  actor: string
): string {
  return jobs.start('sample', async (ctx): Promise<SampleResult> => {
    // The files are plaintext people, synthetic or not: written beside the database (the app's
    // data folder, never the working directory), owner-only, and removed once imported.
    const base = dbPath === ':memory:' ? tmpdir() : dirname(dbPath)
    const dir = join(base, `doisoat-sample-${args.seed}-${Date.now()}`)
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    try {
      const files = await writeSample({
        outDir: dir,
        population: args.population,
        registry: args.registry,
        seed: args.seed,
        legacy: false,
        signal: ctx.signal,
        onProgress: (done, total) => ctx.progress('generate', done, total)
      })
      // The import counts bytes of its file; the clerk is told records, as in the other phases.
      const phase = (name: string, records: number) => ({
        signal: ctx.signal,
        progress: (_p: string, done: number, total: number | null) =>
          ctx.progress(name, total ? Math.round((done / total) * records) : 0, records)
      })
      const population = await importFile(
        { dbPath, kind: 'population', file: files.population, actor },
        phase('population', args.population)
      )
      const registry = await importFile(
        { dbPath, kind: 'registry', file: files.registry, actor },
        phase('registry', args.registry)
      )
      return { population, registry }
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
}
