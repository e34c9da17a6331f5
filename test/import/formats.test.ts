// Real-shaped files clerks are given: every format, encoding and kind, title rows, split columns, hostile input.
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDb } from '../../src/backend/db/open'
import { importFile, previewImport, type ImportOptions } from '../../src/backend/import/import-file'
import { encodeLegacy } from '../../src/backend/sample/legacy-encodings'
import { encodeVni } from '../../src/core/encoding/vni'
import { mappingSchema } from '../../src/shared/mapping'
import { jobCtx, tempDir } from '../helpers/tmp'

const dir = tempDir()
let n = 0
const dbPath = () => join(dir, `f${n++}.db`)
const write = (name: string, data: string | Buffer | Uint8Array) => {
  const p = join(dir, `${n++}-${name}`)
  writeFileSync(p, data)
  return p
}
const run = (o: Partial<ImportOptions> & { file: string }) =>
  importFile({ dbPath: o.dbPath ?? dbPath(), kind: 'registry', ...o }, jobCtx())
const preview = (o: Partial<ImportOptions> & { file: string }) =>
  previewImport({ dbPath: o.dbPath ?? dbPath(), kind: 'registry', ...o }, jobCtx())

function selectAll(db: string, sql: string) {
  const conn = openDb(db)
  const rows = conn.prepare(sql).all()
  conn.close()
  return rows as Record<string, unknown>[]
}

const sourceRows = (db: string) =>
  selectAll(
    db,
    'SELECT row_number, record_key, full_name, dob, dob_precision, sex, id_number, residence FROM source_record ORDER BY id'
  )

/** What Windows does to UTF-8 bytes read as Windows-1252: undefined bytes become C1 controls. */
function asWindows1252(bytes: Buffer): string {
  return [...bytes]
    .map((b) =>
      iconv.decode(Buffer.from([b]), 'windows1252') === '\ufffd'
        ? String.fromCharCode(b)
        : iconv.decode(Buffer.from([b]), 'windows1252')
    )
    .join('')
}

const TEXT = [
  'Mã hồ sơ,Họ và tên,Ngày sinh,Giới tính,Nơi thường trú',
  'HT-1,Nguyễn Thị Hoà,05/03/1990,Nữ,"Thôn 3, Xã Hòa Vang"',
  'HT-2,Đặng Văn Ưng,1985,Nam,Phường Ba Đình',
  'HT-3,Trương Thuỷ Tiên,12/2001,Nữ,Ấp Mỹ Thạnh'
].join('\r\n')

const EXPECTED = [
  {
    record_key: 'HT-1',
    full_name: 'Nguyễn Thị Hoà',
    dob: '1990-03-05',
    sex: 'F',
    residence: 'Thôn 3, Xã Hòa Vang'
  },
  {
    record_key: 'HT-2',
    full_name: 'Đặng Văn Ưng',
    dob: '1985',
    sex: 'M',
    residence: 'Phường Ba Đình'
  },
  {
    record_key: 'HT-3',
    full_name: 'Trương Thuỷ Tiên',
    dob: '2001-12',
    sex: 'F',
    residence: 'Ấp Mỹ Thạnh'
  }
]

describe('encodings: every one a clerk meets gives the same rows', () => {
  const cases: [string, Buffer | Uint8Array, string][] = [
    ['utf-8', Buffer.from(TEXT, 'utf8'), 'utf-8'],
    ['utf-8 with BOM', Buffer.from(`\ufeff${TEXT}`, 'utf8'), 'utf-8'],
    ['utf-8 NFD (Unikey tổ hợp)', Buffer.from(TEXT.normalize('NFD'), 'utf8'), 'utf-8'],
    [
      'utf-16le with BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, 'utf16le')]),
      'utf-16le'
    ],
    [
      'utf-16be with BOM',
      Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT, 'utf16be')]),
      'utf-16be'
    ],
    ['utf-16le without BOM', iconv.encode(TEXT, 'utf16le'), 'utf-16le'],
    ['TCVN3 (ABC)', encodeLegacy(TEXT, 'tcvn3'), 'tcvn3'],
    ['VNI-Windows', encodeVni(TEXT), 'vni'],
    ['Windows-1258', encodeLegacy(TEXT, 'cp1258'), 'windows-1258'],
    [
      'UTF-8 read as Windows-1252 (mojibake)',
      Buffer.from(asWindows1252(Buffer.from(TEXT, 'utf8')), 'utf8'),
      'utf-8-mojibake'
    ]
  ]
  it.each(cases)('%s', async (_label, bytes, encoding) => {
    const file = write('enc.csv', bytes)
    const p = await preview({ file })
    expect(p.encoding?.detected).toBe(encoding)
    expect(p.encoding?.confidence).toBeGreaterThanOrEqual(
      encoding.startsWith('utf') && encoding !== 'utf-8-mojibake' ? 1 : 0.8
    )
    const db = dbPath()
    const s = await run({ file, dbPath: db })
    expect(s).toMatchObject({ rowsRead: 3, rowsAccepted: 3 })
    expect(sourceRows(db)).toMatchObject(EXPECTED)
  })

  it('the clerk can override the detected encoding', async () => {
    const file = write('tcvn.csv', encodeLegacy(TEXT, 'tcvn3'))
    const p = await preview({ file, encoding: 'vni' })
    expect(p.encoding).toMatchObject({ detected: 'tcvn3', used: 'vni' })
    expect(p.rows[0]!.record?.full_name).not.toBe('Nguyễn Thị Hoà')
  })

  it('a TCVN3 file never comes in as garbage silently: read as Windows-1252 it scores low', async () => {
    const file = write('tcvn.csv', encodeLegacy(TEXT, 'tcvn3'))
    const p = await preview({ file })
    const latin = p.encoding!.candidates.find((c) => c.encoding === 'windows-1252')!
    const tcvn = p.encoding!.candidates.find((c) => c.encoding === 'tcvn3')!
    expect(tcvn.score).toBeGreaterThan(latin.score)
  })
})

describe('delimiters, quoting and layout', () => {
  it.each([
    ['semicolon', ';'],
    ['tab', '\t'],
    ['pipe', '|']
  ])('%s-separated', async (_l, d) => {
    const file = write(
      'd.csv',
      TEXT.replace(/"Thôn 3, Xã Hòa Vang"/, '"Thôn 3, Xã Hòa Vang"')
        .split('\r\n')
        .map((l) => l.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, d))
        .join('\n')
    )
    const p = await preview({ file })
    expect(p.delimiter).toBe(d)
    expect(p.counts).toEqual({ read: 3, accepted: 3, rejected: 0 })
  })

  it('skips title rows above the header and reports the header row', async () => {
    const file = write(
      'title.csv',
      ['UBND XÃ HÒA VANG', 'DANH SÁCH KHAI SINH NĂM 2019', '', TEXT.replace(/\r\n/g, '\n')].join(
        '\n'
      )
    )
    const p = await preview({ file, kind: 'birth' })
    expect(p.headerRow).toBe(4)
    expect(p.counts.accepted).toBe(3)
    expect(p.rows[0]!.rowNumber).toBe(5)
  })

  it('joins split name and address columns', async () => {
    const file = write(
      'split.csv',
      'STT,Họ,Tên đệm,Tên,Ngày sinh,Thôn/Xóm,Xã/Phường,Huyện,Tỉnh\n1,Nguyễn,Văn,An,1990,Thôn 2,Xã Tân Lập,Huyện Đan Phượng,Hà Nội\n'
    )
    const db = dbPath()
    await run({ file, dbPath: db })
    expect(sourceRows(db)[0]).toMatchObject({
      full_name: 'Nguyễn Văn An',
      residence: 'Thôn 2, Xã Tân Lập, Huyện Đan Phượng, Hà Nội'
    })
  })

  it('recognises header wordings with or without diacritics, any case, in Vietnamese and English', async () => {
    const file = write(
      'words.csv',
      'HỌ TÊN,"Ngày, tháng, năm sinh",Nơi ĐKTT,Số CCCD/CMND,So dinh danh ca nhan,gioi tinh\nLê Hoa,01/02/1990,Xã A,123456789,001190012345,nu\n'
    )
    const p = await preview({ file })
    expect(p.columnFields).toEqual(['full_name', 'dob', 'residence', 'id_any', 'id_number', 'sex'])
    const en = write(
      'en.csv',
      'Surname,Given name,Date_of_birth,Gender,Address\nLe,Hoa,1990-02-01,F,Hanoi\n'
    )
    const q = await preview({ file: en })
    expect(q.columnFields).toEqual(['family_name', 'given_name', 'dob', 'sex', 'residence'])
    expect(q.rows[0]!.record).toMatchObject({ full_name: 'Le Hoa', dob: '1990-02-01', sex: 'F' })
  })

  it('applies a mapping file: columns, key column and date format', async () => {
    const file = write(
      'mapped.csv',
      'rid,surname,middle,given name,born,street,commune,province,personal_no\nR1,Tran,Thi,Mai,03/15/1990,12 Le Loi,Phuong 1,TP HCM,079190012345\n'
    )
    const mapping = mappingSchema.parse({
      keyColumn: 'rid',
      dateFormat: 'mdy',
      fields: {
        middle_name: 'middle',
        dob: 'born',
        id_number: 'personal_no',
        residence_street: '#6'
      }
    })
    const db = dbPath()
    await run({ file, dbPath: db, mapping })
    expect(sourceRows(db)[0]).toMatchObject({
      record_key: 'R1',
      full_name: 'Tran Thi Mai',
      dob: '1990-03-15',
      id_number: '079190012345',
      residence: '12 Le Loi, Phuong 1, TP HCM'
    })
    await expect(
      preview({ file, mapping: mappingSchema.parse({ fields: { dob: 'Ngày sinh' } }) })
    ).rejects.toMatchObject({
      code: 'mapping_unknown_columns'
    })
  })
})

describe('source kinds', () => {
  it.each([
    [
      'birth',
      'Họ và tên,Ngày sinh,Nơi sinh,Số đăng ký,Ngày đăng ký\nLê Minh Khôi,02/03/2020,Bệnh viện Đà Nẵng,15,10/03/2020\n',
      { event_place: 'Bệnh viện Đà Nẵng', registration_number: '15', event_date: '2020-03-10' }
    ],
    [
      'death',
      'Họ và tên,Ngày sinh,Ngày chết,Nơi chết,Số đăng ký\nPhạm Văn Tư,1930,05/06/2021,Tại nhà,7\n',
      { death_date: '2021-06-05', vital_status: 'deceased', event_place: 'Tại nhà' }
    ],
    [
      'marriage',
      'Họ tên chồng,Ngày sinh,Họ tên vợ,Số đăng ký\nĐỗ Văn Nam,1990,Lý Thị Lan,3\n',
      { full_name: 'Đỗ Văn Nam', spouse_name: 'Lý Thị Lan' }
    ],
    [
      'residence',
      'Họ và tên,Ngày sinh,Nơi tạm trú,Ngày đến\nVõ Thị Sáu,1995,Tổ 5 Phường Hải Châu,01/01/2024\n',
      { residence: 'Tổ 5 Phường Hải Châu', event_date: '2024-01-01' }
    ],
    [
      'id_card',
      'Họ và tên,Số CCCD,Ngày cấp,Nơi cấp\nHồ Văn Bảy,048090001234,01/07/2021,Cục CS QLHC\n',
      { id_number: '048090001234', event_date: '2021-07-01' }
    ],
    [
      'health_insurance',
      'Họ và tên,Ngày sinh,Mã thẻ BHYT,Nơi KCB ban đầu\nHuỳnh Thị Tám,1970,GD4797923456789,Trạm y tế xã\n',
      { registration_number: 'GD4797923456789', event_place: 'Trạm y tế xã' }
    ],
    ['generic', 'Họ và tên,Năm sinh\nLâm Văn Chín,1960\n', { dob: '1960' }]
  ] as const)('%s', async (kind, text, expected) => {
    const db = dbPath()
    const s = await run({ file: write(`${kind}.csv`, text), dbPath: db, kind })
    expect(s.rowsAccepted).toBe(1)
    const conn = openDb(db)
    expect(conn.prepare('SELECT * FROM source_record').get()).toMatchObject(expected)
    conn.close()
  })
})

describe('population extracts', () => {
  it('store the record as canonical fields, and as read only the cells no field took', async () => {
    const db = dbPath()
    const s = await run({
      kind: 'population',
      dbPath: db,
      file: write(
        'population.csv',
        'Mã hồ sơ,Số định danh cá nhân,Họ và tên,Ngày sinh,Giới tính,Quốc tịch,Ghi chú\n' +
          'DC01,001090001234,Nguyễn Văn An,02/03/1990,Nam,Việt Nam,\n' +
          'DC02,001195005678,Trần Thị Bình,1995,Nữ,,\n'
      )
    })
    expect(s.rowsAccepted).toBe(2)
    const rows = selectAll(
      db,
      'SELECT record_key, full_name, dob, sex, raw_json FROM population_record ORDER BY id'
    )
    expect(rows).toEqual([
      {
        record_key: 'DC01',
        full_name: 'Nguyễn Văn An',
        dob: '1990-03-02',
        sex: 'M',
        raw_json: '{"Quốc tịch":"Việt Nam"}'
      },
      { record_key: 'DC02', full_name: 'Trần Thị Bình', dob: '1995', sex: 'F', raw_json: null }
    ])
  })
})

describe('xlsx', () => {
  async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<string> {
    const wb = new ExcelJS.Workbook()
    build(wb)
    const p = join(dir, `${n++}.xlsx`)
    await wb.xlsx.writeFile(p)
    return p
  }

  it('reads the first sheet by default or a chosen one; title rows, merged header cells, Excel dates', async () => {
    const file = await workbook((wb) => {
      const cover = wb.addWorksheet('Bìa')
      cover.addRow(['Không phải dữ liệu'])
      const ws = wb.addWorksheet('Khai sinh')
      ws.addRow(['DANH SÁCH ĐĂNG KÝ KHAI SINH'])
      ws.mergeCells('A1:E1')
      ws.addRow([])
      ws.addRow(['Mã hồ sơ', 'Họ và tên', 'Ngày sinh', 'Nơi thường trú', ''])
      ws.mergeCells('D3:E3') // the address header spans two columns: street and commune
      ws.addRow(['KS-1', 'Nguyễn Văn An', new Date(Date.UTC(1990, 2, 5)), 'Thôn 1', 'Xã Hòa Vang'])
      ws.addRow(['KS-2', 'Lê Thị Bé', 33239, 'Thôn 2', 'Xã Hòa Tiến']) // an Excel serial typed as a number
      ws.addRow([
        'KS-3',
        { formula: 'CONCATENATE("Trần"," ","Ba")', result: 'Trần Ba' },
        '1/1/2000',
        '',
        ''
      ])
      ws.addRow(['KS-4', "=cmd|'/c calc'!A1", '2000', '', ''])
    })
    const first = await preview({ file })
    expect(first.sheets).toEqual(['Bìa', 'Khai sinh'])
    expect(first.sheet).toBe('Bìa')
    const p = await preview({ file, sheet: 'Khai sinh', kind: 'birth' })
    expect(p.headerRow).toBe(3)
    expect(p.columnFields).toEqual(['record_key', 'full_name', 'dob', 'residence', 'residence'])
    expect(p.rows.map((r) => r.record?.dob)).toEqual([
      '1990-03-05',
      '1991-01-01',
      '2000-01-01',
      '2000'
    ])
    expect(p.rows[0]!.record?.residence).toBe('Thôn 1, Xã Hòa Vang')
    expect(p.rows[2]!.record?.full_name).toBe('Trần Ba')
    // A formula-looking cell is text, never evaluated, and flagged.
    expect(p.rows[3]!.record?.full_name).toBe("=cmd|'/c calc'!A1")
    expect(p.rows[3]!.warnings).toContain('formula_cell')
    expect((await preview({ file, sheet: 2 })).sheet).toBe('Khai sinh')
    await expect(preview({ file, sheet: 'Khai tử' })).rejects.toMatchObject({
      code: 'sheet_not_found'
    })
  })

  it('refuses legacy .xls with a message on how to save as .xlsx', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512)
    ])
    await expect(preview({ file: write('old.xls', ole) })).rejects.toMatchObject({
      code: 'xls_unsupported'
    })
    await expect(preview({ file: write('renamed.csv', ole) })).rejects.toMatchObject({
      code: 'xls_unsupported'
    })
  })
})

describe('hostile input: a clear error or a correct import, never a crash or half a batch', () => {
  const batches = (db: string) => {
    const conn = openDb(db)
    const count = conn.prepare('SELECT count(*) FROM import_batch').pluck().get()
    conn.close()
    return count
  }

  it.each([
    ['empty file', '', 'file_empty'],
    ['header only', 'Họ và tên,Ngày sinh\n', 'file_empty'],
    ['no name column', 'Ngày sinh,Giới tính\n1990,Nam\n', 'missing_columns']
  ])('%s', async (_l, text, code) => {
    const db = dbPath()
    await expect(run({ file: write('h.csv', text), dbPath: db })).rejects.toMatchObject({ code })
    expect(batches(db)).toBe(0)
  })

  it('binary garbage', async () => {
    const bytes = Buffer.alloc(4096)
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256
    const db = dbPath()
    await expect(run({ file: write('garbage.csv', bytes), dbPath: db })).rejects.toMatchObject({
      code: 'file_binary'
    })
    await expect(
      run({ file: write('fake.xlsx', Buffer.from('PK\u0003\u0004 not a zip')), dbPath: db })
    ).rejects.toMatchObject({
      code: 'xlsx_invalid'
    })
    expect(batches(db)).toBe(0)
  })

  it('a 10 MB single line is one row, imported or rejected, not a crash', async () => {
    const db = dbPath()
    const s = await run({
      file: write('long.csv', `Họ và tên,Ghi chú\nNguyễn Văn An,${'x'.repeat(10 * 1024 * 1024)}\n`),
      dbPath: db
    })
    expect(s).toMatchObject({ rowsRead: 1, rowsAccepted: 1 })
    // A header of five million cells is not a table: refused clearly, nothing written.
    await expect(
      run({ file: write('one-line.csv', 'Họ và tên,' + 'a,'.repeat(5 * 1024 * 1024)), dbPath: db })
    ).rejects.toMatchObject({
      code: 'too_many_columns'
    })
    expect(batches(db)).toBe(1)
  })

  it('formula cells in a CSV are stored as text and exported neutralised', async () => {
    const db = dbPath()
    const s = await run({
      file: write('f.csv', 'Họ và tên,Ngày sinh\n"=HYPERLINK(""http://x"")",1990\n,=1+1\n'),
      dbPath: db
    })
    expect(s).toMatchObject({
      rowsRead: 2,
      rowsAccepted: 1,
      rowsRejected: 1,
      warnings: { formula_cell: 1 }
    })
  })
})

describe('addresses', () => {
  it('resolves new and old (pre-2025) addresses to post-2025 codes, with the scheme', async () => {
    const db = dbPath()
    const file = write(
      'addr.csv',
      'Họ và tên,Nơi thường trú\n' +
        'Nguyễn Văn An,"Thôn 3, Xã Hòa Vang, Thành phố Đà Nẵng"\n' +
        'Lê Thị Hoa,"Phường 12, Quận Gò Vấp, Thành phố Hồ Chí Minh"\n' +
        'Trần Văn Ba,"Ở đâu đó"\n'
    )
    const s = await run({ file, dbPath: db })
    expect(s.warnings).toMatchObject({ address_old_naming: 1, address_unresolved: 1 })
    const conn = openDb(db)
    const rows = conn
      .prepare(
        'SELECT residence_province_code AS p, residence_commune_code AS c, residence_scheme AS s FROM source_record ORDER BY id'
      )
      .all()
    conn.close()
    expect(rows[0]).toMatchObject({ p: '48', s: 'post2025' })
    // Phường 12, Gò Vấp became Phường An Hội Tây (26882) on 1 July 2025.
    expect(rows[1]).toEqual({ p: '79', c: '26882', s: 'post2025' })
    expect(rows[2]).toEqual({ p: null, c: null, s: null })
  })
})
