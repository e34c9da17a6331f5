import { describe, expect, it } from 'vitest'
import { differenceMatters } from './difference'

describe('differenceMatters: only differences a correction should fix', () => {
  it('addresses: abbreviations of level words are the same place', () => {
    const same: [string, string][] = [
      ['P. Hòa Bình, TP. Biên Hòa, Đồng Nai', 'Phường Hòa Bình, Thành phố Biên Hòa, Đồng Nai'],
      ['P.3, Q.5, TP.HCM', 'Phường 3, Quận 5, Thành phố Hồ Chí Minh'],
      ['F3, Q5, TPHCM', 'phường 3, quận 5, thành phố hồ chí minh'],
      ['Thôn 2, X. Tân Lập, H. Đan Phượng', 'Thôn 2, Xã Tân Lập, Huyện Đan Phượng'],
      ['TDP.4, TT. Phùng', 'Tổ dân phố 4, Thị trấn Phùng'],
      ['KP 3, P. An Phú, TX. Thuận An', 'Khu phố 3, Phường An Phú, Thị xã Thuận An'],
      // Tone placement, case, spacing and the comma's spaces are only writing.
      ['Xóm Hoà Bình,  xã Thủy An', 'xóm Hòa Bình, Xã Thuỷ An']
    ]
    for (const [a, b] of same)
      expect(differenceMatters('residence', a, b), `${a} | ${b}`).toBe(false)
    expect(
      differenceMatters('hometown', 'X. Yên Sở, H. Hoài Đức', 'Xã Yên Sở, Huyện Hoài Đức')
    ).toBe(false)
  })

  it('addresses: another place, another level or a dropped part matter', () => {
    const different: [string, string][] = [
      ['Phường 3, Quận 5, TP.HCM', 'Phường 4, Quận 5, TP.HCM'],
      // The same number under another level is another place.
      ['P.3, TP. Vũng Tàu', 'Q.3, TP. Vũng Tàu'],
      ['Xã Tân Lập, Huyện Đan Phượng', 'Xã Tân Lập'],
      ['Thôn Hòa Bình', 'Thôn Hoa Bình'],
      // "T." could be tỉnh, thôn or tổ, never a commune.
      ['T. Hòa Bình', 'Xã Hòa Bình']
    ]
    for (const [a, b] of different)
      expect(differenceMatters('residence', a, b), `${a} | ${b}`).toBe(true)
  })

  it("addresses: the local register's short forms against the national full forms are the same place", () => {
    const same: [string, string][] = [
      ['Thôn 3, X. Mỹ Đức, Hà Nội', 'Thôn 3, Xã Mỹ Đức, Thành phố Hà Nội'],
      ['Xóm 8, X. Phúc Sơn, TP. Hà Nội', 'Xóm 8, Xã Phúc Sơn, Thành phố Hà Nội'],
      ['Thôn 5, X.Hòa Vang, T.P Đà Nẵng', 'Thôn 5, Xã Hoà Vang, Thành phố Đà Nẵng'],
      ['T.3, xã Yên Bài, Hà Nội', 'Thôn 3, Xã Yên Bài, Thành phố Hà Nội'],
      ['Tổ 2, P. Bến Thành, HCM', 'Tổ dân phố 2, Phường Bến Thành, Thành phố Hồ Chí Minh'],
      ['Thôn 4, X. Đông Hưng, T. Thái Bình', 'Thôn 4, Xã Đông Hưng, Tỉnh Thái Bình'],
      ['Ấp 1, Xã Tân Phú, Đồng Nai', 'Ấp 1, Xã Tân Phú, Tỉnh Đồng Nai']
    ]
    for (const [a, b] of same)
      expect(differenceMatters('residence', a, b), `${a} | ${b}`).toBe(false)
  })

  it('addresses: another commune or another hamlet number still matters once short forms are read', () => {
    const different: [string, string][] = [
      ['Thôn 3, X. Mỹ Đức, Hà Nội', 'Thôn 3, Xã Phúc Sơn, Thành phố Hà Nội'],
      ['Thôn 3, X. Mỹ Đức, Hà Nội', 'Thôn 4, Xã Mỹ Đức, Thành phố Hà Nội'],
      ['Xóm 8, X. Phúc Sơn, TP. Hà Nội', 'Xóm 9, Xã Phúc Sơn, Thành phố Hà Nội'],
      ['Xóm 8, X. Phúc Sơn, TP. Hà Nội', 'Xóm 8, Phường Phúc Sơn, Thành phố Hà Nội'],
      ['Xóm 8, X. Phúc Sơn, Hà Nội', 'Xóm 8, Xã Phúc Sơn, Tỉnh Hà Nam'],
      // A bare number could be a hamlet or a ward: not read as either.
      ['3, X. Mỹ Đức, Hà Nội', 'Thôn 3, Xã Mỹ Đức, Thành phố Hà Nội']
    ]
    for (const [a, b] of different)
      expect(differenceMatters('residence', a, b), `${a} | ${b}`).toBe(true)
  })

  it('names: tone placement, i/y, case, spacing and Unicode form are the same name', () => {
    expect(differenceMatters('full_name', 'Nguyễn Thị Hòa', 'NGUYỄN THỊ HOÀ')).toBe(false)
    expect(differenceMatters('full_name', 'Lê Thị Thủy', 'Lê  Thị Thuỷ ')).toBe(false)
    expect(differenceMatters('father_name', 'Lý Văn Kỳ', 'Lí Văn Kì')).toBe(false)
    expect(differenceMatters('mother_name', 'Trần Thị Hà'.normalize('NFD'), 'Trần Thị Hà')).toBe(
      false
    )
    expect(differenceMatters('full_name', 'Ðỗ Văn An', 'Đỗ Văn An')).toBe(false)
  })

  it('names: missing diacritics, another letter or another order matter', () => {
    expect(differenceMatters('full_name', 'Nguyen Van Dung', 'Nguyễn Văn Dũng')).toBe(true)
    expect(differenceMatters('full_name', 'Nguyễn Văn Hùng', 'Nguyễn Văn Hưng')).toBe(true)
    expect(differenceMatters('full_name', 'Hoàng Văn Nam', 'Huỳnh Văn Nam')).toBe(true)
    expect(differenceMatters('full_name', 'Văn Nam Hoàng', 'Hoàng Văn Nam')).toBe(true)
  })

  it('dates: a less precise date that agrees is no difference; another date is', () => {
    expect(differenceMatters('dob', '1990', '1990-03-05')).toBe(false)
    expect(differenceMatters('dob', '1990-03-05', '1990-03')).toBe(false)
    expect(differenceMatters('dob', '1990-03-05', '1990-05-03')).toBe(true)
    expect(differenceMatters('death_date', '2020', '2021-01-01')).toBe(true)
  })

  it('IDs: separators are no difference, a digit is', () => {
    expect(differenceMatters('id_number', '001 090 012345', '001090012345')).toBe(false)
    expect(differenceMatters('id_number', '001090012345', '001090012346')).toBe(true)
    expect(differenceMatters('legacy_id', '012-345-678', '012345678')).toBe(false)
  })

  it('codes and missing values', () => {
    expect(differenceMatters('sex', 'M', 'F')).toBe(true)
    expect(differenceMatters('sex', 'M', 'M')).toBe(false)
    expect(differenceMatters('vital_status', 'alive', 'deceased')).toBe(true)
    // Nothing on one side: nothing there to set right.
    expect(differenceMatters('father_name', null, 'Nguyễn Văn Hải')).toBe(false)
    expect(differenceMatters('residence', 'Xã A', '')).toBe(false)
  })
})
