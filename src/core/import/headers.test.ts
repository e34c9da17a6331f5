// Header wordings clerks' software really exports: each must land on the field it names.
import { describe, expect, it } from 'vitest'
import type { SourceKind } from '../../shared/fields'
import { foldKey } from '../normalize/text'
import {
  isHeaderContinuation,
  isTotalsLabel,
  planColumns,
  recogniseHeader,
  sexColumns
} from './headers'

const fields = (headers: string[], kind: SourceKind = 'registry') =>
  planColumns(headers, kind).columnFields

describe('header wordings', () => {
  it('reads a header whose parenthesis lists the allowed values or a unit', () => {
    expect(recogniseHeader('Giới tính (Nam/Nữ)', 'registry')).toBe('sex')
    expect(recogniseHeader('Ngày sinh (dd/mm/yyyy)', 'registry')).toBe('dob')
    expect(recogniseHeader('Số CCCD (12 số)', 'registry')).toBe('id_number')
    // A parenthesis alone is not a header.
    expect(recogniseHeader('(1)', 'registry')).toBeNull()
  })

  it('reads the household-registration wordings of residence', () => {
    for (const h of [
      'Nơi ĐKHK thường trú',
      'Nơi đăng ký hộ khẩu thường trú',
      'HKTT',
      'Hộ khẩu thường trú'
    ])
      expect(recogniseHeader(h, 'registry'), h).toBe('residence')
  })

  it('never takes a district column for the hometown', () => {
    expect(
      fields(['Họ và tên', 'Số nhà', 'Thôn/Xóm', 'Xã/Phường', 'Huyện/Quận', 'Tỉnh/Thành phố'])
    ).toEqual([
      'full_name',
      'residence_street',
      'residence_street',
      'residence_commune',
      'residence_district',
      'residence_province'
    ])
    expect(recogniseHeader('Quận/Huyện/Thị xã', 'registry')).toBe('residence_district')
    expect(recogniseHeader('Xã/Phường/Thị trấn', 'registry')).toBe('residence_commune')
  })

  it("reads the registers' own wording of the registered person's name", () => {
    expect(
      fields(['Số', 'Họ và tên người được khai sinh', 'Ngày tháng năm sinh'], 'birth')
    ).toEqual(['registration_number', 'full_name', 'dob'])
    expect(fields(['Số', 'Họ và tên người chết', 'Năm sinh', 'Ngày chết'], 'death')).toEqual([
      'registration_number',
      'full_name',
      'dob',
      'death_date'
    ])
    expect(fields(['Họ, chữ đệm, tên', 'Ngày, tháng, năm sinh'])).toEqual(['full_name', 'dob'])
    expect(
      fields(['Họ và tên chồng', 'Ngày sinh chồng', 'Họ và tên vợ', 'Ngày sinh vợ'], 'marriage')
    ).toEqual(['full_name', 'dob', 'spouse_name', null])
  })

  it('reads the old CMND beside the new ID, and the health-insurance clinic', () => {
    expect(fields(['Họ và tên', 'Số CCCD', 'Số CMND cũ'], 'id_card')).toEqual([
      'full_name',
      'id_number',
      'legacy_id'
    ])
    expect(recogniseHeader('Nơi ĐK KCB ban đầu', 'health_insurance')).toBe('event_place')
  })

  it('reads older and regional wordings', () => {
    const cases: [string, string][] = [
      ['Phái', 'sex'],
      ['Họ và tên bố', 'father_name'],
      ['Số CMT', 'legacy_id'],
      ['Số chứng minh thư', 'legacy_id'],
      ['Số CCCD/CMND/Hộ chiếu', 'id_any'],
      ['Mã số định danh', 'id_number'],
      ['HỌ TÊN KHAI SINH', 'full_name'],
      ['Ngày sinh dương lịch', 'dob'],
      ['Họ và tên vợ/chồng', 'spouse_name'],
      ['Thường trú tại', 'residence'],
      ['Khu phố', 'residence_street']
    ]
    for (const [h, f] of cases) expect(recogniseHeader(h, 'registry'), h).toBe(f)
    expect(recogniseHeader('Số định danh của người chết', 'death')).toBe('id_number')
    // Headers that name no field of a person stay unmapped.
    for (const h of ['Họ và tên chủ hộ', 'Số hộ khẩu', 'Quan hệ với chủ hộ', 'Mã hộ', 'Nơi sinh'])
      expect(recogniseHeader(h, 'registry'), h).toBeNull()
  })

  it('joins a header cell merged over two columns (Họ và tên over family and given name)', () => {
    const plan = planColumns(
      ['STT', 'Họ và tên', 'Họ và tên', 'Ngày sinh', 'Ngày sinh'],
      'registry'
    )
    expect(plan.fieldColumns.full_name).toEqual([1, 2])
    expect(plan.fieldColumns.dob).toEqual([3, 4])
    // The same wording in columns apart is two different things: the first wins.
    expect(
      planColumns(['Họ và tên', 'Ngày sinh', 'Họ và tên'], 'registry').fieldColumns.full_name
    ).toEqual([0])
  })
})

describe('the second line of a two-row header', () => {
  const headers = ['STT', 'Họ và tên', 'Ngày sinh', 'Ngày sinh', 'Địa chỉ']

  it('is the row under it that repeats its vertically merged cells and labels its merged ones', () => {
    expect(isHeaderContinuation(headers, ['STT', 'Họ và tên', 'Nam', 'Nữ', 'Địa chỉ'])).toBe(true)
  })

  it('is never a data row', () => {
    expect(isHeaderContinuation(headers, ['1', 'Nguyễn Văn An', '1990', '', 'Thôn 1'])).toBe(false)
    // A data row whose cells happen to lie only under the merged cells is still data.
    expect(isHeaderContinuation(headers, ['', '', '1990', '', ''])).toBe(false)
    expect(isHeaderContinuation(['Họ và tên', 'Ngày sinh'], ['Họ và tên', 'Ngày sinh'])).toBe(true)
  })
})

describe('totals rows', () => {
  it('are labels, not people', () => {
    for (const label of [
      'Tổng cộng',
      'Tổng cộng: 120',
      'TỔNG SỐ 7 hộ',
      'Cộng: 12 người',
      'Total 5',
      'Tổng số hộ: 50; nhân khẩu: 200'
    ])
      expect(isTotalsLabel(foldKey(label)), label).toBe(true)
    for (const name of ['Tống Công Danh', 'Công Tằng Tôn Nữ Thị Hoa', 'Tổng Văn Cộng'])
      expect(isTotalsLabel(foldKey(name)), name).toBe(false)
  })
})

describe('split name and date columns', () => {
  it('"Họ và chữ đệm" beside "Tên" is the family and middle name', () => {
    expect(fields(['Họ và chữ đệm', 'Tên'])).toEqual(['family_name', 'given_name'])
    expect(fields(['Họ và tên đệm', 'Tên'])).toEqual(['family_name', 'given_name'])
  })

  it('day, month and year of birth in three columns are one date', () => {
    expect(fields(['Họ và tên', 'Ngày sinh', 'Tháng sinh', 'Năm sinh', 'Giới tính'])).toEqual([
      'full_name',
      'dob',
      'dob',
      'dob',
      'sex'
    ])
    // "Ngày sinh" alone stays the date.
    expect(fields(['Họ và tên', 'Ngày sinh', 'Giới tính'])).toEqual(['full_name', 'dob', 'sex'])
  })

  it('more wordings of ID and residence', () => {
    expect(recogniseHeader('Số định danh cá nhân/CMND', 'registry')).toBe('id_any')
    expect(recogniseHeader('Địa chỉ nơi ở hiện tại', 'registry')).toBe('residence')
  })
})

describe('"Nam" and "Nữ" columns under a merged header', () => {
  it('give the sex of the person whose date or mark is in them', () => {
    const headers = ['Họ và tên', 'Năm sinh', 'Năm sinh', 'Giới tính', 'Giới tính']
    const plan = planColumns(headers, 'registry')
    expect(sexColumns(headers, ['', 'Nam', 'Nữ', 'Nam', 'Nữ'], plan.columnFields)).toEqual([
      null,
      'M',
      'F',
      'M',
      'F'
    ])
    expect(sexColumns(headers, ['', 'Ngày', 'Tháng', '', ''], plan.columnFields)).toBeNull()
  })
})

describe('two addresses', () => {
  it('are never joined into one: the first is the residence', () => {
    expect(fields(['Họ và tên', 'Nơi thường trú', 'Nơi tạm trú'], 'residence')).toEqual([
      'full_name',
      'residence',
      null
    ])
    // An address header merged over two columns is one address in two parts.
    expect(fields(['Họ và tên', 'Địa chỉ', 'Địa chỉ'])).toEqual([
      'full_name',
      'residence',
      'residence'
    ])
  })
})

describe('merged header cells saved as CSV (the text in the first cell only)', () => {
  const headers = ['STT', 'Họ và tên', '', 'Năm sinh', '', 'Địa chỉ']

  it('the empty header after a name, date or sex header is that field’s second part', () => {
    expect(fields(headers)).toEqual(['row_no', 'full_name', 'full_name', 'dob', 'dob', 'residence'])
    // An empty header after any other field stays unmapped.
    expect(fields(['Họ và tên', 'Địa chỉ', ''])).toEqual(['full_name', 'residence', null])
  })

  it('the second line labels those parts and is no data row', () => {
    const f = planColumns(headers, 'registry').columnFields
    expect(isHeaderContinuation(headers, ['', '', '', 'Nam', 'Nữ', ''], f)).toBe(true)
    expect(sexColumns(headers, ['', '', '', 'Nam', 'Nữ', ''], f)).toEqual([
      null,
      null,
      null,
      'M',
      'F',
      null
    ])
    expect(isHeaderContinuation(headers, ['', 'Nguyễn Văn', 'An', '', '', ''], f)).toBe(false)
    expect(isHeaderContinuation(headers, ['1', 'Nguyễn Văn', 'An', '1990', '', 'Thôn 1'], f)).toBe(
      false
    )
  })
})
