// Held-out-style clerk files: wordings, merged and two-row headers, totals rows, number-cell IDs.
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importFile, previewImport, type ImportOptions } from '../../src/backend/import/import-file'
import { openDb } from '../../src/backend/db/open'
import { encodeLegacy } from '../../src/backend/sample/legacy-encodings'
import { jobCtx, tempDir } from '../helpers/tmp'

const dir = tempDir()
let n = 0
const dbPath = () => join(dir, `m${n++}.db`)
const write = (name: string, data: string | Uint8Array) => {
  const p = join(dir, `${n++}-${name}`)
  writeFileSync(p, data)
  return p
}
const preview = (o: Partial<ImportOptions> & { file: string }) =>
  previewImport({ dbPath: dbPath(), kind: 'registry', ...o }, jobCtx())

async function xlsx(rows: unknown[][], merges: string[] = []): Promise<string> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Danh sách')
  for (const r of rows) ws.addRow(r)
  for (const m of merges) ws.mergeCells(m)
  const p = join(dir, `${n++}.xlsx`)
  await wb.xlsx.writeFile(p)
  return p
}

const records = (p: Awaited<ReturnType<typeof preview>>) =>
  p.rows.map((r) =>
    r.record
      ? {
          n: r.rowNumber,
          name: r.record.full_name,
          dob: r.record.dob,
          sex: r.record.sex,
          id: r.record.id_number
        }
      : { n: r.rowNumber, rejected: r.rejected }
  )

describe('messy clerk files', () => {
  it('a list with its own wordings, Excel-text IDs and a totals row: nothing is a person that is not', async () => {
    const file = write(
      'ds.csv',
      [
        'STT,HỌ VÀ TÊN,Ngày/tháng/năm sinh,Giới tính (Nam/Nữ),Số CMND/CCCD,Nơi ĐKHK thường trú',
        "1,Nguyễn Văn An,05 / 03 / 1990,nam,'001090012345,Thôn 1",
        '2,Lê Thị Bình,06/04/1991 00:00:00,NỮ,1191012345,Thôn 1',
        ',Tổng cộng: 2 người,,,,'
      ].join('\r\n')
    )
    const p = await preview({ file })
    expect(p.columnFields).toEqual(['row_no', 'full_name', 'dob', 'sex', 'id_any', 'residence'])
    expect(records(p)).toEqual([
      { n: 2, name: 'Nguyễn Văn An', dob: '1990-03-05', sex: 'M', id: '001090012345' },
      { n: 3, name: 'Lê Thị Bình', dob: '1991-04-06', sex: 'F', id: '001191012345' },
      { n: 4, rejected: ['totals_row'] }
    ])
    expect(p.warnings).toEqual({ address_unresolved: 2 })
    expect(p.counts).toEqual({ read: 3, accepted: 2, rejected: 1 })

    const db = dbPath()
    const s = await importFile({ dbPath: db, kind: 'registry', file }, jobCtx())
    expect(s).toMatchObject({ rowsRead: 3, rowsAccepted: 2, rowsRejected: 1 })
    const conn = openDb(db)
    const rejected = conn.prepare('SELECT row_number, reasons_json FROM rejected_row').all()
    conn.close()
    expect(rejected).toEqual([{ row_number: 4, reasons_json: '["totals_row"]' }])
  })

  it('xlsx: a name header merged over two columns, a two-row header, IDs stored as numbers', async () => {
    const file = await xlsx(
      [
        ['DANH SÁCH NHÂN KHẨU'],
        ['STT', 'Họ và tên', '', 'Ngày sinh', '', 'Số định danh'],
        ['', '', '', 'Nam', 'Nữ', ''],
        [1, 'Nguyễn Văn', 'An', '05/03/1990', '', 1090012345],
        [2, 'Trần Thị', 'Bình', '', new Date(Date.UTC(1991, 3, 6)), 79191012345],
        ['Cộng', '', '', '', '', '']
      ],
      ['A1:F1', 'A2:A3', 'B2:C3', 'D2:E2', 'F2:F3']
    )
    const p = await preview({ file })
    expect(p.headerRow).toBe(2)
    expect(p.columnFields).toEqual(['row_no', 'full_name', 'full_name', 'dob', 'dob', 'id_number'])
    expect(records(p)).toEqual([
      { n: 4, name: 'Nguyễn Văn An', dob: '1990-03-05', sex: 'M', id: '001090012345' },
      { n: 5, name: 'Trần Thị Bình', dob: '1991-04-06', sex: 'F', id: '079191012345' },
      // "Cộng" in the STT column: a totals line, whichever column it was written in.
      { n: 6, rejected: ['totals_row'] }
    ])
    expect(p.counts).toEqual({ read: 3, accepted: 2, rejected: 1 })
  })

  it('the header repeated further down (two lists pasted together) is not a person', async () => {
    const file = write(
      'pasted.csv',
      [
        'STT,Họ và tên,Năm sinh',
        '1,Nguyễn Văn An,1990',
        'Tổng số hộ: 1; nhân khẩu: 1,Tổng số hộ: 1,',
        'STT,Họ và tên,Năm sinh',
        '1,Lê Thị Bình,1991'
      ].join('\n')
    )
    const p = await preview({ file })
    expect(records(p)).toEqual([
      { n: 2, name: 'Nguyễn Văn An', dob: '1990', sex: null, id: null },
      { n: 3, rejected: ['totals_row'] },
      { n: 5, name: 'Lê Thị Bình', dob: '1991', sex: null, id: null }
    ])
    expect(p.counts).toEqual({ read: 3, accepted: 2, rejected: 1 })
  })

  it('xlsx voter-list style: the year of birth, or a mark, in a "Nam" or "Nữ" column', async () => {
    const file = await xlsx(
      [
        ['STT', 'Họ và tên', 'Năm sinh', '', 'Giới tính', ''],
        ['', '', 'Nam', 'Nữ', 'Nam', 'Nữ'],
        [1, 'Nguyễn Văn An', 1990, '', '', ''],
        [2, 'Lê Thị Bình', '', 1991, '', ''],
        [3, 'Trần Văn Cường', '', '', 'x', ''],
        [4, 'Phạm Thị Dung', '', '', 'x', 'x']
      ],
      ['A1:A2', 'B1:B2', 'C1:D1', 'E1:F1']
    )
    const p = await preview({ file })
    expect(records(p)).toEqual([
      { n: 3, name: 'Nguyễn Văn An', dob: '1990', sex: 'M', id: null },
      { n: 4, name: 'Lê Thị Bình', dob: '1991', sex: 'F', id: null },
      { n: 5, name: 'Trần Văn Cường', dob: null, sex: 'M', id: null },
      { n: 6, name: 'Phạm Thị Dung', dob: null, sex: null, id: null }
    ])
    expect(p.warnings).toEqual({ bad_sex: 1 })
  })

  it('the same voter list saved as CSV: merged header text only in the first cell', async () => {
    const file = write(
      'voters.csv',
      [
        'STT,Họ và tên,,Năm sinh,,Địa chỉ',
        ',,,Nam,Nữ,',
        '1,Nguyễn Văn,An,1990,,Thôn 1',
        '2,Lê Thị,Bình,,1991,Thôn 1'
      ].join('\r\n')
    )
    const p = await preview({ file })
    expect(records(p)).toEqual([
      { n: 3, name: 'Nguyễn Văn An', dob: '1990', sex: 'M', id: null },
      { n: 4, name: 'Lê Thị Bình', dob: '1991', sex: 'F', id: null }
    ])
    expect(p.counts).toEqual({ read: 2, accepted: 2, rejected: 0 })
  })

  it('split name and birth-date columns, unknown day and month, "Nam giới"', async () => {
    const file = write(
      'split.csv',
      [
        'STT;Họ và chữ đệm;Tên;Ngày sinh;Tháng sinh;Năm sinh;Giới tính',
        '1;Nguyễn Văn;An;5;3;1990;Nam giới',
        '2;Lê Thị;Bình;;;1991;Nữ giới',
        '3;Trần;Cường;00;00;1945;Nam'
      ].join('\n')
    )
    const p = await preview({ file })
    expect(records(p)).toEqual([
      { n: 2, name: 'Nguyễn Văn An', dob: '1990-03-05', sex: 'M', id: null },
      { n: 3, name: 'Lê Thị Bình', dob: '1991', sex: 'F', id: null },
      { n: 4, name: 'Trần Cường', dob: '1945', sex: 'M', id: null }
    ])
    expect(p.warnings).toEqual({})
  })

  it.each([
    [
      'birth',
      'Số,Quyển số,Ngày đăng ký,Họ và tên người được khai sinh,Ngày tháng năm sinh,Giới tính,Nơi sinh,Họ tên mẹ,Họ tên cha',
      '12,01/2024,10/01/2024,Nguyễn Văn Con,02/01/2024,Nam,Trạm y tế xã,Lê Thị Mẹ,Nguyễn Văn Cha',
      { full_name: 'Nguyễn Văn Con', dob: '2024-01-02', registration_number: '12' }
    ],
    [
      'death',
      'Số,Ngày đăng ký,Họ và tên người chết,Năm sinh,Giới tính,Ngày chết,Nơi chết,Nguyên nhân chết',
      '3,10/01/2024,Nguyễn Văn Già,1930,Nam,08/01/2024,Tại nhà,Già yếu',
      {
        full_name: 'Nguyễn Văn Già',
        dob: '1930',
        death_date: '2024-01-08',
        vital_status: 'deceased'
      }
    ],
    [
      'marriage',
      'Số,Ngày đăng ký,Họ và tên chồng,Ngày sinh chồng,Họ và tên vợ,Ngày sinh vợ',
      '5,10/01/2024,Nguyễn Văn Chồng,1990,Lê Thị Vợ,1992',
      { full_name: 'Nguyễn Văn Chồng', dob: '1990', spouse_name: 'Lê Thị Vợ' }
    ],
    [
      'id_card',
      'Họ và tên,Ngày sinh,Giới tính,Số CCCD,Ngày cấp,Nơi cấp,Số CMND cũ',
      'Nguyễn Văn An,05/03/1990,Nam,001090012345,01/01/2022,Cục CS QLHC về TTXH,012345678',
      { id_number: '001090012345', legacy_id: '012345678', event_date: '2022-01-01' }
    ],
    [
      'health_insurance',
      'STT,Mã thẻ BHYT,Họ tên,Ngày sinh,Giới tính,Địa chỉ,Nơi ĐK KCB ban đầu',
      '1,GD4010123456789,Nguyễn Văn An,05/03/1990,Nam,Thôn 1,Trạm y tế xã',
      { registration_number: 'GD4010123456789', event_place: 'Trạm y tế xã' }
    ]
  ] as const)('%s register with its own wordings', async (kind, header, row, expected) => {
    const p = await preview({ file: write(`${kind}.csv`, `${header}\n${row}\n`), kind })
    expect(p.missing).toEqual([])
    expect(p.counts).toEqual({ read: 1, accepted: 1, rejected: 0 })
    expect(p.rows[0]!.record).toMatchObject(expected)
  })

  /** UTF-8 bytes shown as Windows-1252 and saved as UTF-8 again (undefined bytes pass through). */
  const mojibake = (text: string) =>
    Buffer.from(
      [...Buffer.from(text, 'utf8')]
        .map((b) => {
          const c = iconv.decode(Buffer.from([b]), 'windows1252')
          return c === '\ufffd' ? String.fromCharCode(b) : c
        })
        .join(''),
      'utf8'
    )

  it.each([
    ['tcvn3', 'tcvn3'],
    ['vni', 'vni'],
    ['cp1258', 'windows-1258'],
    ['mojibake', 'utf-8-mojibake']
  ] as const)('a one-name file in %s, header without accents, reads right', async (enc, used) => {
    const text = 'Ho ten,Ngay sinh\r\nLê Văn An,1990\r\n'
    const data = enc === 'mojibake' ? mojibake(text) : encodeLegacy(text, enc)
    const p = await preview({ file: write(`${enc}.csv`, data) })
    expect(p.encoding?.used).toBe(used)
    expect(p.rows[0]!.record?.full_name).toBe('Lê Văn An')
  })
})
