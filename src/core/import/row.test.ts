// One row to a canonical record: identifiers of any format are kept, split name columns say which part is missing.
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
