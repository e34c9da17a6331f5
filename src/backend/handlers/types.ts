// What a handler receives: the database, the job runner, and who is calling.
import type { ApiName, ApiOutput, ApiParsedInput } from '../../shared/api'
import type { Db } from '../db/open'
import type { JobRunner } from '../jobs/jobs'

export interface HandlerContext {
  db: Db
  dbPath: string
  jobs: JobRunner
  actor: string
}

export type Handler<N extends ApiName> = (
  args: ApiParsedInput<N>,
  ctx: HandlerContext
) => ApiOutput<N> | Promise<ApiOutput<N>>

export type Handlers<N extends ApiName> = { [K in N]: Handler<K> }
