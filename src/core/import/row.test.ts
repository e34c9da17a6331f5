// One row to a canonical record: whatever a cell holds, the row is imported, warned about or
// rejected alone; identifiers of any format are kept; split name columns say which part is missing.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { planColumns } from './headers'
import { toCanonical } from './row'

function parse(headers: string[], values: string[], fields: Record<string, string>) {
  const plan = planColumns(headers, 'registry', { fields })
  return toCanonical(values, {
    kind: 'registry',
    plan,
    headerLength: headers.length,
    strictWidth: true
  })
}

function row(headers: string[], values: string[], fields: Record<string, string>) {
  const r = parse(headers, values, fields)
  if (!r.ok) throw new Error(r.reasons.join())
  return r
}

describe('identifiers of any format', () => {
  const headers = ['name', 'id', 'card']
  it('keeps an ID that is neither a personal ID nor a CMND as another identifier, with a warning', () => {
    const r = row(headers, ['Lê Văn An', '9004242', ''], { full_name: 'name', id_any: 'id' })
    expect(r.record).toMatchObject({ id_number: null, legacy_id: null, other_id: '9004242' })
    expect(r.warnings).toEqual(['bad_id'])
    expect(
      row(headers, ['Lê Văn An', '001090012345', ''], { full_name: 'name', id_any: 'id' }).record
    ).toMatchObject({ id_number: '001090012345', other_id: null })
  })

  it('takes a mapped identifier of any alphabet and length as it is, without a warning', () => {
    const r = row(headers, ['Lê Văn An', '', 'HC-4010 1234'], {
      full_name: 'name',
      other_id: 'card'
    })
    expect(r.record.other_id).toBe('HC-4010 1234')
    expect(r.warnings).toEqual([])
  })
})

describe('split name columns', () => {
  const headers = ['surname', 'given']
  const fields = { family_name: 'surname', given_name: 'given' }
  it('an empty given-name cell leaves the family name a family name', () => {
    expect(row(headers, ['waller', ''], fields).record).toMatchObject({
      full_name: 'waller',
      family_name: 'waller',
      given_name: null
    })
  })

  it('an empty family-name cell leaves the given name a given name', () => {
    expect(row(headers, ['', 'isabelle'], fields).record).toMatchObject({
      family_name: null,
      given_name: 'isabelle'
    })
    expect(row(headers, ['harrington', 'kayla'], fields).record).toMatchObject({
      full_name: 'harrington kayla',
      family_name: 'harrington',
      given_name: 'kayla'
    })
  })
})

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
            // A name, or a row kept on what else says who it is (an ID, a date and an address).
            if (r.record.full_name === '') expect(r.warnings).toContain('no_name_kept')
            // A date that is no date is left out with a warning, never invented.
            if (r.record.dob !== null) expect(r.record.dob).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/)
          } else expect(r.reasons.length).toBeGreaterThan(0)
        }),
        { numRuns: 3000 }
      )
    })
  }
})

describe('a row without a name', () => {
  const headers = ['name', 'id', 'dob', 'address']
  const fields = { full_name: 'name', id_any: 'id', dob: 'dob', residence: 'address' }
  it('is kept, warned, when it carries an identifier or a birth date and an address', () => {
    const byId = row(headers, ['', '001090012345', '', ''], fields)
    expect(byId.record).toMatchObject({ full_name: '', id_number: '001090012345' })
    expect(byId.warnings).toContain('no_name_kept')
    const byDate = row(headers, ['', '', '12/03/1985', 'Thôn 5, Xã Thiện Thuật'], fields)
    expect(byDate.warnings).toContain('no_name_kept')
  })

  it('is rejected when nothing else says who it is', () => {
    expect(parse(headers, ['', '', '12/03/1985', ''], fields)).toMatchObject({
      ok: false,
      reasons: ['no_name']
    })
    expect(parse(headers, ['', '', '', 'Thôn 5'], fields)).toMatchObject({
      ok: false,
      reasons: ['no_name']
    })
  })
})
