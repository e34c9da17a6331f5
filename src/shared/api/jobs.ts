// Contract of 'jobs/*' and 'sample/create': long work (import, sample, match, sync), listed and cancelled.
import { z } from 'zod'
import { empty, jobId, type JobStarted } from './common'
import type { ImportSummary } from './imports'

export const jobInputs = {
  'sample/create': z
    .object({
      population: z.number().int().min(10).max(200_000).default(5000),
      registry: z.number().int().min(1).max(50_000).default(1000),
      seed: z
        .number()
        .int()
        .min(0)
        .max(2 ** 31)
        .default(1)
    })
    .strict(),
  'jobs/cancel': z.object({ jobId }).strict(),
  'jobs/list': empty
} as const

export interface JobOutputs {
  'sample/create': JobStarted
  'jobs/cancel': { cancelled: boolean }
  'jobs/list': JobInfo[]
}

export type JobKind = 'import' | 'sample' | 'match' | 'learn' | 'sync' | 'backup'

/** How a job ended. */
export type JobEnd = 'done' | 'failed' | 'cancelled'

export interface JobInfo {
  jobId: string
  kind: JobKind
  state: 'running' | JobEnd
}

/** The sample commune as imported (its files are gone: they were removed once imported). */
export interface SampleResult {
  population: ImportSummary
  registry: ImportSummary
}
