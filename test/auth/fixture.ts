// A tiny hand-made commune for the approval tests: three register rows and their population records.
import { openDb } from '../../src/backend/db/open'

export function seedPairs(dbPath: string): void {
  const db = openDb(dbPath)
  db.prepare(
    `INSERT INTO import_batch (id, kind, file_name, file_sha256, file_size, rows_read, rows_accepted,
       rows_rejected, created_at) VALUES (1, 'registry', 'so.csv', 'abc', 1, 3, 3, 0, 'then')`
  ).run()
  const src = db.prepare(
    `INSERT INTO source_record (id, batch_id, row_number, record_key, raw_json, full_name, name_key,
       dob, dob_precision, sex) VALUES (?, 1, ?, ?, '{}', ?, ?, ?, 'day', ?)`
  )
  const pop = db.prepare(
    `INSERT INTO population_record (id, record_key, full_name, name_key, dob, sex, id_number, version,
       snapshot_at) VALUES (?, ?, ?, ?, ?, ?, ?, 3, 'then')`
  )
  const people = [
    ['Nguyễn Văn Ân', 'nguyen van an', '1990-05-03', '1990-03-05', 'M', '001090012345'],
    ['Trần Thị Bình', 'tran thi binh', '1985-02-01', '1985-01-02', 'F', '001185012345'],
    ['Lê Văn Cường', 'le van cuong', '1970-07-07', '1970-07-17', 'M', '001070012345']
  ] as const
  people.forEach(([name, key, dobLocal, dobPop, sex, id], i) => {
    src.run(i + 1, i + 2, `HT-${i + 1}`, name, key, dobLocal, sex)
    pop.run(i + 1, `DC${i + 1}`, name, key, dobPop, sex, id)
  })
  db.close()
}
