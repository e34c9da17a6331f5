// Values as clerks' spreadsheets really hold them: spaced dates, times after dates, IDs that lost zeros.
import { describe, expect, it } from 'vitest'
import { parseDateCell } from '../import/row'
import { parseDate } from './date'
import { parseIdNumber, parseSex } from './person'

describe('messy dates', () => {
  it.each([
    ['05 / 03 / 1990', '1990-03-05', 'day'],
    ['05/ 03/1990', '1990-03-05', 'day'],
    ['05 03 1990', '1990-03-05', 'day'],
    ['03 / 1990', '1990-03', 'month'],
    ['05/03/1990 00:00:00', '1990-03-05', 'day'],
    ['5/3/1990 12:00:00 AM', '1990-03-05', 'day'],
    ['05-03-1990 0:00', '1990-03-05', 'day']
  ])('%s → %s (%s)', (raw, iso, precision) => {
    expect(parseDate(raw)).toEqual({ iso, precision })
  })

  it('still refuses what is not a date', () => {
    for (const bad of ['05 03', '12:00:00', '1990 12:00', '31 / 02 / 1999', 'Nam 1990'])
      expect(parseDate(bad), bad).toBeNull()
  })

  it('reads an Excel serial with a time of day as its date', () => {
    expect(parseDateCell('32937.5')).toEqual({ iso: '1990-03-05', precision: 'day' })
  })
})

describe('IDs as spreadsheets leave them', () => {
  it("drops Excel's text-marking apostrophe", () => {
    expect(parseIdNumber("'001090012345").id_number).toBe('001090012345')
    expect(parseIdNumber("'012345678").legacy_id).toBe('012345678')
  })

  it('restores the leading zeros a number cell dropped (province codes start with 0)', () => {
    expect(parseIdNumber('79190012345')).toEqual({
      id_number: '079190012345',
      legacy_id: null,
      unreadable: null
    })
    expect(parseIdNumber('1090012345').id_number).toBe('001090012345')
    expect(parseIdNumber('12345678').legacy_id).toBe('012345678')
  })

  it('does not invent an ID from digits that cannot be one', () => {
    // The century/sex digit would be 9: not an ID that lost its zeros.
    expect(parseIdNumber('1990012345').unreadable).toBe('1990012345')
    // Scientific notation lost digits for good.
    expect(parseIdNumber('1.09001E+11').unreadable).toBe('1.09001E+11')
    expect(parseIdNumber('1234567').unreadable).toBe('1234567')
  })
})

describe('unknown parts of a date', () => {
  it.each([
    ['00/00/1945', '1945', 'year'],
    ['0/0/1945', '1945', 'year'],
    ['--/--/1945', '1945', 'year'],
    ['xx/xx/1945', '1945', 'year'],
    ['00/03/1990', '1990-03', 'month'],
    ['1990-00-00', '1990', 'year'],
    ['5/3/1990.', '1990-03-05', 'day'],
    ['5 3 1990', '1990-03-05', 'day']
  ])('%s → %s (%s)', (raw, iso, precision) => {
    expect(parseDate(raw)).toEqual({ iso, precision })
  })

  it('a day without its month is not a date', () => {
    expect(parseDate('05/00/1990')).toBeNull()
    expect(parseDate('--/--/--')).toBeNull()
  })
})

describe('sex words', () => {
  it('reads "Nam giới" and "Nữ giới"', () => {
    expect([parseSex('Nam giới'), parseSex('NỮ GIỚI')]).toEqual(['M', 'F'])
  })
})

describe('other date layouts Excel writes', () => {
  it.each([
    ['1990/03/05', '1990-03-05', 'day'],
    ['1990.3.5', '1990-03-05', 'day'],
    ['5-Mar-1990', '1990-03-05', 'day'],
    ['05-Mar-90', '1990-03-05', 'day'],
    ['5 March 1990', '1990-03-05', 'day'],
    ['Mar-1990', '1990-03', 'month']
  ])('%s → %s (%s)', (raw, iso, precision) => {
    expect(parseDate(raw)).toEqual({ iso, precision })
  })

  it('refuses a month name it does not know', () => {
    expect(parseDate('5-Foo-1990')).toBeNull()
    expect(parseDate('1990/13/05')).toBeNull()
  })
})
