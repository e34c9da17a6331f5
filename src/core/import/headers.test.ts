// Header wordings clerks' software really exports: each must land on the field it names.
import { describe, expect, it } from 'vitest'
import type { SourceKind } from '../../shared/fields'
import { planColumns, recogniseHeader } from './headers'

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
