// The first importer: counts always add up, rejected rows keep their text, nothing half-written.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDb } from '../../src/backend/db/open'
import { importFile, INSERT_GROUP } from '../../src/backend/import/import-file'
import { verifyAudit } from '../../src/backend/audit/audit'
import { jobCtx, tempDir } from '../helpers/tmp'

const dir = tempDir()
let n = 0
const dbPath = () => join(dir, `i${n++}.db`)
const file = (name: string, text: string) => {
  const p = join(dir, name)
  writeFileSync(p, text)
  return p
}

const REGISTRY_HEADER =
  'STT,Mã hồ sơ,Họ và tên,Ngày sinh,Giới tính,Số định danh/CMND,Nơi thường trú,Quê quán,Dân tộc,Họ tên cha,Họ tên mẹ,Tình trạng,Ngày mất'

describe('importFile', () => {
  it('imports a registry extract with BOM, CRLF and a quoted newline; rejects what it cannot use', async () => {
    const db = dbPath()
    const f = file(
      'registry.csv',
      '\ufeff' +
        [
          REGISTRY_HEADER,
          '1,HT-1,Nguyễn Văn An,05/03/1990,Nam,001090012345,"Thôn 3,\r\nXã Hòa Vang",Đà Nẵng,Kinh,Nguyễn Văn Bình,Lê Thị Cúc,Còn sống,',
          '2,HT-2,  trần   thị  BÌNH ,1985,Nữ,123456789,Phường Ba Đình,,Kinh,,,Đã mất,01/02/2020',
          '3,HT-3,,01/01/2000,Nam,,,,,,,,',
          '4,HT-4,Lê Văn Cường,31/02/1999,Nam,001,,,,,,,',
          '5,HT-5,Phạm Thị Dung,1999,Nữ',
          ''
        ].join('\r\n')
    )
    const s = await importFile({ dbPath: db, kind: 'registry', file: f }, jobCtx())
    expect(s).toMatchObject({ rowsRead: 5, rowsAccepted: 3, rowsRejected: 2 })
    expect(s.rejectedReasons).toEqual({ no_name: 1, bad_row: 1 })
    expect(s.warnings).toMatchObject({ bad_dob: 1, bad_id: 1 })

    const conn = openDb(db)
    const rows = conn.prepare('SELECT * FROM source_record ORDER BY row_number').all() as Record<
      string,
      unknown
    >[]
    expect(rows[0]).toMatchObject({
      row_number: 2,
      record_key: 'HT-1',
      full_name: 'Nguyễn Văn An',
      family_name: 'Nguyễn',
      middle_name: 'Văn',
      given_name: 'An',
      name_key: 'nguyen van an',
      dob: '1990-03-05',
      dob_precision: 'day',
      sex: 'M',
      id_number: '001090012345',
      residence: 'Thôn 3, Xã Hòa Vang',
      vital_status: 'alive'
    })
    expect(rows[1]).toMatchObject({
      full_name: 'trần thị BÌNH',
      dob: '1985',
      dob_precision: 'year',
      legacy_id: '123456789',
      id_number: null,
      vital_status: 'deceased',
      death_date: '2020-02-01'
    })
    expect(rows[2]).toMatchObject({ dob: null, full_name: 'Lê Văn Cường' })
    const rejected = conn
      .prepare('SELECT row_number, raw_text, reasons_json FROM rejected_row ORDER BY row_number')
      .all()
    expect(rejected).toEqual([
      { row_number: 4, raw_text: '3,HT-3,,01/01/2000,Nam,,,,,,,,', reasons_json: '["no_name"]' },
      { row_number: 6, raw_text: '5,HT-5,Phạm Thị Dung,1999,Nữ', reasons_json: '["bad_row"]' }
    ])
    const batch = conn.prepare('SELECT * FROM import_batch').get() as Record<string, unknown>
    expect(batch).toMatchObject({
      rows_read: 5,
      rows_accepted: 3,
      rows_rejected: 2,
      kind: 'registry'
    })
    expect(verifyAudit(conn)).toMatchObject({ ok: true, checked: 1 })
    conn.close()
  })

  it('detects the same file imported twice, unless allowed', async () => {
    const db = dbPath()
    const f = file('twice.csv', `${REGISTRY_HEADER}\n1,HT-1,Nguyễn Văn An,1990,Nam,,,,,,,,\n`)
    await importFile({ dbPath: db, kind: 'registry', file: f }, jobCtx())
    await expect(
      importFile({ dbPath: db, kind: 'registry', file: f }, jobCtx())
    ).rejects.toMatchObject({
      code: 'duplicate_file',
      params: { batchId: 1 }
    })
    const again = await importFile(
      { dbPath: db, kind: 'registry', file: f, allowDuplicate: true },
      jobCtx()
    )
    expect(again.batchId).toBe(2)
  })

  it('population: needs its key column, keeps the version, rejects a key seen twice in one file', async () => {
    const db = dbPath()
    const noKey = file('nokey.csv', 'ho_ten,ngay_sinh\nNguyễn Văn An,1990-01-02\n')
    await expect(
      importFile({ dbPath: db, kind: 'population', file: noKey }, jobCtx())
    ).rejects.toMatchObject({
      code: 'missing_columns'
    })
    const f = file(
      'pop.csv',
      'rec_id,ho_ten,ngay_sinh,gioi_tinh,so_dinh_danh,phien_ban\n' +
        'DC1,Nguyễn Văn An,1990-01-02,Nam,001090012345,3\n' +
        'DC2,Lê Thị Hoa,1991-02-03,Nữ,,1\n' +
        'DC1,Nguyễn Văn Ân,1990-01-02,Nam,,4\n'
    )
    const s = await importFile({ dbPath: db, kind: 'population', file: f }, jobCtx())
    expect(s).toMatchObject({
      rowsRead: 3,
      rowsAccepted: 2,
      rowsRejected: 1,
      rejectedReasons: { duplicate_key: 1 }
    })
    const conn = openDb(db)
    expect(
      conn
        .prepare("SELECT full_name, version FROM population_record WHERE record_key = 'DC1'")
        .get()
    ).toEqual({
      full_name: 'Nguyễn Văn An',
      version: 3
    })
    conn.close()
  })

  it('population: repeated keys within and across insert groups; a later file updates the record', async () => {
    const db = dbPath()
    const header = 'rec_id,ho_ten,ngay_sinh,phien_ban\n'
    const names = ['An', 'Bình', 'Cúc', 'Dũng', 'Hoa', 'Lan', 'Minh', 'Nga']
    // 3 × INSERT_GROUP + 5 rows: three full groups and a short one written row by row.
    const keys = Array.from({ length: 3 * INSERT_GROUP + 5 }, (_, i) => `DC${i + 1}`)
    const repeats: Record<number, number> = { 4: 2, 20: 1, 21: 21, 30: 17, 50: 49, 51: 3 }
    for (const [at, of] of Object.entries(repeats)) keys[Number(at) - 1] = `DC${of}`
    const rows = keys.map(
      (k, i) => `${k},Nguyễn Văn ${names[i % names.length]},1990-01-02,${i + 1}`
    )
    const f = file('groups.csv', header + rows.join('\n') + '\n')
    const s = await importFile({ dbPath: db, kind: 'population', file: f }, jobCtx())
    // Row 21 repeats itself (DC21 is only there): not a repeat. The others repeat earlier rows.
    const repeated = Object.keys(repeats)
      .map(Number)
      .filter((r) => r !== 21)
    expect(s).toMatchObject({
      rowsRead: keys.length,
      rowsAccepted: keys.length - repeated.length,
      rowsRejected: repeated.length,
      rejectedReasons: { duplicate_key: repeated.length }
    })
    const conn = openDb(db)
    const rejected = conn
      .prepare('SELECT row_number, raw_text FROM rejected_row ORDER BY row_number')
      .all() as { row_number: number; raw_text: string }[]
    // Row numbers count the header line: data row r is line r + 1.
    expect(rejected.map((r) => r.row_number)).toEqual(repeated.map((r) => r + 1))
    expect(rejected.map((r) => r.raw_text)).toEqual(repeated.map((r) => rows[r - 1]))
    // Each key holds its first row.
    const held = conn.prepare('SELECT record_key, version FROM population_record').all() as {
      record_key: string
      version: number
    }[]
    expect(held).toHaveLength(keys.length - repeated.length)
    for (const { record_key, version } of held) expect(keys.indexOf(record_key)).toBe(version - 1)
    conn.close()

    // A newer extract replaces the records it carries (an update counts as written).
    const later = file(
      'later.csv',
      header + 'DC2,Nguyễn Văn Bảo,1990-01-02,9\nDC99,Lê Thị Hoa,1991-01-01,1\n'
    )
    const s2 = await importFile({ dbPath: db, kind: 'population', file: later }, jobCtx())
    expect(s2).toMatchObject({ rowsRead: 2, rowsAccepted: 2, rowsRejected: 0 })
    const again = openDb(db)
    expect(
      again
        .prepare("SELECT full_name, version FROM population_record WHERE record_key = 'DC2'")
        .get()
    ).toEqual({ full_name: 'Nguyễn Văn Bảo', version: 9 })
    again.close()
  })

  it('an empty file or a header alone is an error and writes nothing', async () => {
    const db = dbPath()
    for (const text of ['', REGISTRY_HEADER + '\n']) {
      const f = file(`empty${text.length}.csv`, text)
      await expect(
        importFile({ dbPath: db, kind: 'registry', file: f }, jobCtx())
      ).rejects.toMatchObject({
        code: 'file_empty'
      })
    }
    const conn = openDb(db)
    expect(conn.prepare('SELECT count(*) FROM import_batch').pluck().get()).toBe(0)
    conn.close()
  })

  it('a cancelled import leaves no batch and no rows', async () => {
    const db = dbPath()
    const lines = [REGISTRY_HEADER]
    for (let i = 1; i <= 30_000; i++) lines.push(`${i},HT-${i},Nguyễn Văn An,1990,Nam,,,,,,,,`)
    const f = file('big.csv', lines.join('\n'))
    const controller = new AbortController()
    let writes = 0
    const ctx = {
      signal: controller.signal,
      progress: (phase: string) => {
        if (phase === 'write' && ++writes === 2) controller.abort()
      }
    }
    await expect(importFile({ dbPath: db, kind: 'registry', file: f }, ctx)).rejects.toMatchObject({
      code: 'job_cancelled'
    })
    const conn = openDb(db)
    expect(conn.prepare('SELECT count(*) FROM import_batch').pluck().get()).toBe(0)
    expect(conn.prepare('SELECT count(*) FROM source_record').pluck().get()).toBe(0)
    expect(conn.pragma('integrity_check', { simple: true })).toBe('ok')
    conn.close()
  })

  it('a missing file is a clear error', async () => {
    await expect(
      importFile({ dbPath: dbPath(), kind: 'registry', file: join(dir, 'nope.csv') }, jobCtx())
    ).rejects.toMatchObject({ code: 'file_not_found' })
  })
})
