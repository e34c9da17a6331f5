// Column choices to mapping: header names when unique, positions otherwise, one column per field.
import { describe, expect, it } from 'vitest'
import { assignColumn, columnRef, delimiterLabel, fieldsFromColumns } from './import-mapping'

describe('the mapping from the dropdowns', () => {
  it('names columns by header, by position when the header is blank or repeated', () => {
    const headers = ['Họ và tên', '', 'Ghi chú', 'Ghi chú ']
    expect(columnRef(headers, 0)).toBe('Họ và tên')
    expect(columnRef(headers, 1)).toBe('#2')
    expect(columnRef(headers, 2)).toBe('#3')
    expect(columnRef(headers, 3)).toBe('#4')
  })

  it('keeps detected columns, skips unmapped ones, lists a field given to several columns', () => {
    const headers = ['STT', 'Thôn', 'Xã', 'Họ và tên']
    expect(fieldsFromColumns(headers, ['row_no', 'residence', 'residence', 'full_name'])).toEqual({
      row_no: 'STT',
      residence: ['Thôn', 'Xã'],
      full_name: 'Họ và tên'
    })
    expect(fieldsFromColumns(headers, [null, null, null, 'full_name'])).toEqual({
      full_name: 'Họ và tên'
    })
  })

  it('moves a field to the column the clerk gave it to', () => {
    expect(assignColumn(['row_no', 'full_name', null], 2, 'full_name')).toEqual([
      'row_no',
      null,
      'full_name'
    ])
    expect(assignColumn(['row_no', 'full_name', null], 0, null)).toEqual([null, 'full_name', null])
  })

  it('shows a tab delimiter as a word', () => {
    expect(delimiterLabel('\t', 'Tab')).toBe('Tab')
    expect(delimiterLabel(';', 'Tab')).toBe(';')
  })
})
