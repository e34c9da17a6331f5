// One row to a record: whatever a cell holds, the row is imported, warned about or rejected alone.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { planColumns } from './headers'
import { toCanonical } from './row'

const HEADERS = [
  'STT',
  'Mã bản ghi',
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Số định danh',
  'Nơi thường trú',
  'Tình trạng',
  'Ngày mất',
  'Phiên bản'
]

/** Values spreadsheets and clerks really leave in cells, and worse. */
const cell = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '0',
    '60',
    '-1',
    '2958466',
    '99999',
    '1e308',
    'NaN',
    '-0',
    '00/00/0000',
    '31/02/1990',
    '29/02/1900',
    '1990-13-45',
    'ngày 32 tháng 13 năm 99999',
    '=SUM(A1:A9)',
    '\u0000',
    '\ufeff',
    'Tổng cộng: 22 người',
    'Nguyễn Văn An'
  ),
  fc.integer().map(String),
  fc.double().map(String)
)

describe('a row of any cells', () => {
  for (const kind of ['population', 'registry'] as const) {
    const plan = planColumns(HEADERS, kind)
    it(`${kind}: never fails the file, whatever a cell holds (property)`, () => {
      fc.assert(
        fc.property(fc.array(cell, { minLength: 0, maxLength: HEADERS.length + 2 }), (values) => {
          const r = toCanonical(values, {
            kind,
            plan,
            headerLength: HEADERS.length,
            strictWidth: false
          })
          if (r.ok) {
            expect(r.record.full_name.length).toBeGreaterThan(0)
            // A date that is no date is left out with a warning, never invented.
            if (r.record.dob !== null) expect(r.record.dob).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/)
          } else expect(r.reasons.length).toBeGreaterThan(0)
        }),
        { numRuns: 3000 }
      )
    })
  }
})
