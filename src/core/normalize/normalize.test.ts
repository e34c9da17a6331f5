// The first normalisers, on values a commune clerk would recognise.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatDate, parseDate } from './date'
import { parseName } from './name'
import { idConsistent, parseIdNumber, parseSex, parseVitalStatus } from './person'
import { cleanText, foldKey } from './text'

describe('text', () => {
  it('folds accents, đ and the Ð lookalike; NFC and NFD give the same key', () => {
    expect(foldKey('Nguyễn Thị Đào')).toBe('nguyen thi dao')
    expect(foldKey('\u00d0ặng Văn Hùng')).toBe('dang van hung')
    expect(foldKey('Nguyễn'.normalize('NFD'))).toBe(foldKey('Nguyễn'))
    expect(cleanText('Nguyễn'.normalize('NFD'))).toBe('Nguyễn')
    expect(cleanText('  Trần \u00a0 Văn   Ba ')).toBe('Trần Văn Ba')
  })

  it('cleanText: its quick check never skips text that cleaning would change (property)', () => {
    const unit = fc.constantFrom(
      'a',
      'ă',
      'Đ',
      ',',
      ' ',
      '  ',
      '\t',
      '\n',
      '\r',
      '\v',
      '\f',
      '\u00a0',
      '\u200b',
      '\u00d0',
      '\u00f0',
      '\u0301',
      '\u0323',
      '\u02c6'
    )
    const full = (s: string) =>
      s
        .normalize('NFC')
        .replace(/\u00d0/g, 'Đ')
        .replace(/\u00f0/g, 'đ')
        .replace(/[\s\u00a0\u200b]+/g, ' ')
        .trim()
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 12 }), (s) => {
        expect(cleanText(s)).toBe(full(s))
      }),
      { numRuns: 3000 }
    )
  })
})

describe('names', () => {
  it('splits family, middle and given names, keeping casing for display', () => {
    expect(parseName('Nguyễn Văn An')).toMatchObject({
      family: 'Nguyễn',
      middle: 'Văn',
      given: 'An'
    })
    expect(parseName('Tôn Nữ Thị Ngọc Hà')).toMatchObject({
      family: 'Tôn',
      middle: 'Nữ Thị Ngọc',
      given: 'Hà'
    })
    expect(parseName('  LÊ   HOA ')).toMatchObject({
      full: 'LÊ HOA',
      family: 'LÊ',
      middle: null,
      key: 'le hoa'
    })
    expect(parseName('   ')).toBeNull()
    expect(parseName('123')).toBeNull()
  })
})

describe('dates', () => {
  it.each([
    ['05/03/1990', '1990-03-05', 'day'],
    ['5-3-90', '1990-03-05', 'day'],
    ['05.03.2001', '2001-03-05', 'day'],
    ['1990-03-05', '1990-03-05', 'day'],
    ['19900305', '1990-03-05', 'day'],
    ['03/1990', '1990-03', 'month'],
    ['1990', '1990', 'year'],
    ['ngày 5 tháng 3 năm 1990', '1990-03-05', 'day'],
    ['Tháng 3 năm 1990', '1990-03', 'month'],
    ['năm 1990', '1990', 'year']
  ])('%s → %s (%s)', (raw, iso, precision) => {
    expect(parseDate(raw)).toEqual({ iso, precision })
  })

  it('refuses impossible dates instead of inventing one', () => {
    for (const bad of ['31/02/1999', '29/02/2001', '13/13/2000', '1700', 'hôm qua', '']) {
      expect(parseDate(bad), bad).toBeNull()
    }
    expect(parseDate('29/02/2000')).toEqual({ iso: '2000-02-29', precision: 'day' })
  })

  it('formats partial dates the Vietnamese way', () => {
    expect(formatDate('1990-03-05')).toBe('05/03/1990')
    expect(formatDate('1990-03')).toBe('03/1990')
    expect(formatDate('1990')).toBe('1990')
  })
})

describe('sex, status and IDs', () => {
  it('reads sex and vital status as clerks write them', () => {
    expect(['Nam', 'NAM', 'M', '1'].map(parseSex)).toEqual(['M', 'M', 'M', 'M'])
    expect(['Nữ', 'nu', 'F', '0'].map(parseSex)).toEqual(['F', 'F', 'F', 'F'])
    expect(parseSex('?')).toBeNull()
    expect(parseVitalStatus('Đã mất')).toBe('deceased')
    expect(parseVitalStatus('Còn sống')).toBe('alive')
  })

  it('tells a 12-digit personal ID from a 9-digit CMND', () => {
    expect(parseIdNumber('001 090 012345')).toEqual({
      id_number: '001090012345',
      legacy_id: null,
      unreadable: null
    })
    expect(parseIdNumber('123456789')).toEqual({
      id_number: null,
      legacy_id: '123456789',
      unreadable: null
    })
    expect(parseIdNumber('12345').unreadable).toBe('12345')
  })

  it('checks an ID against sex and birth year (DESIGN §4)', () => {
    expect(idConsistent('001090012345', 'M', 1990)).toBe(true) // 0 = male, 1900s
    expect(idConsistent('001190012345', 'F', 1990)).toBe(true) // 1 = female, 1900s
    expect(idConsistent('079305012345', 'F', 2005)).toBe(true) // 3 = female, 2000s
    expect(idConsistent('001090012345', 'F', 1990)).toBe(false)
    expect(idConsistent('001090012345', 'M', 1991)).toBe(false)
  })
})
