// 'app/*' and 'batches/*': what the database holds.
import type { appInputs, BatchSummary } from '../../shared/api'
import { schemaVersion } from '../db/open'
import type { Handlers } from './types'
import pkg from '../../../package.json'

export const appHandlers: Handlers<keyof typeof appInputs> = {
  'app/info': (_args, { db, dbPath }) => {
    const count = (table: string): number =>
      db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
    const counts = {
      population: count('population_record'),
      source: count('source_record'),
      batches: count('import_batch'),
      rejected: count('rejected_row')
    }
    return {
      version: pkg.version,
      schemaVersion: schemaVersion(db),
      dbPath,
      counts,
      empty: counts.batches === 0 && counts.population === 0
    }
  },
  'batches/list': (_args, { db }) =>
    db
      .prepare(
        `SELECT id, kind, file_name AS fileName, file_sha256 AS sha256, rows_read AS rowsRead,
           rows_accepted AS rowsAccepted, rows_rejected AS rowsRejected, created_at AS createdAt
         FROM import_batch ORDER BY id DESC`
      )
      .all() as BatchSummary[]
}
