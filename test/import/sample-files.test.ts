// The sample generator's legacy-encoded and Excel copies of the registry import to the same rows as its UTF-8 CSV.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDb } from '../../src/backend/db/open'
import { importFile } from '../../src/backend/import/import-file'
import { writeSample } from '../../src/backend/sample/write-sample'
import { jobCtx, tempDir } from '../helpers/tmp'

const dir = tempDir()

const CANONICAL = `record_key, full_name, family_name, middle_name, given_name, name_key, dob, dob_precision, sex,
  id_number, legacy_id, residence, hometown, ethnicity, father_name, mother_name, vital_status, death_date`

async function rowsOf(file: string, name: string) {
  const db = join(dir, `${name}.db`)
  const s = await importFile({ dbPath: db, kind: 'registry', file }, jobCtx())
  const conn = openDb(db)
  const rows = conn.prepare(`SELECT ${CANONICAL} FROM source_record ORDER BY record_key`).all()
  const batch = conn.prepare('SELECT encoding_detected, format FROM import_batch').get()
  conn.close()
  return { summary: s, rows, batch }
}

describe('sample registry in every form', () => {
  it('TCVN3, VNI, Windows-1258 and .xlsx copies give exactly the UTF-8 rows', async () => {
    const files = await writeSample({
      outDir: join(dir, 'sample'),
      population: 1500,
      registry: 300,
      seed: 11
    })
    const xlsx = files.xlsx!
    const base = await rowsOf(files.registry, 'utf8')
    expect(base.summary.rowsRead).toBe(300)
    expect(
      base.rows.some((r) => /[ăâđêôơư]/i.test(String((r as { full_name: string }).full_name)))
    ).toBe(true)
    const expected = {
      'registry.tcvn3.csv': 'tcvn3',
      'registry.vni.csv': 'vni',
      'registry.cp1258.csv': 'windows-1258'
    }
    for (const legacy of files.legacy) {
      const name = legacy.split('/').pop() as keyof typeof expected
      const got = await rowsOf(legacy, name)
      expect(got.batch, name).toMatchObject({ encoding_detected: expected[name] })
      expect(got.summary.rowsRead, name).toBe(300)
      expect(got.rows, name).toEqual(base.rows)
    }
    const fromXlsx = await rowsOf(xlsx, 'xlsx')
    expect(fromXlsx.batch).toMatchObject({ format: 'xlsx' })
    expect(fromXlsx.rows).toEqual(base.rows)
  })
})
