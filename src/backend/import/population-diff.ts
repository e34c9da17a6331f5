// A population preview's comparison with the records held: new, changed and unchanged by key, with
// the first changes field by field. Runs where the preview reads (a worker thread for large files).
import type { PopulationDiff } from '../../shared/api'
import { compareRecord, type PersonValues } from '../../core/import/population-version'
import type { CanonicalRow } from '../../core/import/row'
import { openDb, type Db } from '../db/open'

/** Where the held records are (plain data: it crosses to a worker thread). */
export interface HeldSpec {
  dbPath: string
  /** The data key in hex (a worker thread does not share the opener's key registry); null: clear. */
  keyHex: string | null
}

/** Changes shown field by field in a preview; the counts cover the whole file. */
export const DIFF_SAMPLES = 20

export interface PopulationDiffer {
  /** An accepted row (a key the file has not given before). */
  add(rowNumber: number, record: CanonicalRow): void
  result(): PopulationDiff
  close(): void
}

/** Compares each row with the record of its key, read-only; with no held records, all are new. */
export function populationDiffer(held: HeldSpec | null): PopulationDiffer {
  const diff: PopulationDiff = { new: 0, changed: 0, unchanged: 0, older: 0, samples: [] }
  let db: Db | null = null
  if (held)
    db = openDb(held.dbPath, {
      readonly: true,
      key: held.keyHex === null ? null : Buffer.from(held.keyHex, 'hex')
    })
  const lookup = db?.prepare('SELECT * FROM population_record WHERE record_key = ?')
  return {
    add(rowNumber, record) {
      const row = lookup?.get(record.record_key) as (PersonValues & { version: number }) | undefined
      const c = compareRecord(row, record as unknown as PersonValues, record.version)
      diff[c.kind]++
      if (c.kind === 'changed' && diff.samples.length < DIFF_SAMPLES)
        diff.samples.push({
          rowNumber,
          recordKey: String(record.record_key),
          fromVersion: row!.version,
          toVersion: c.version,
          fields: c.fields
        })
    },
    result: () => diff,
    close: () => db?.close()
  }
}
