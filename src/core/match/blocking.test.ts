// Blocking: an error in any one field still brings a record to its counterpart; common names stay bounded.
import { describe, expect, it } from 'vitest'
import { Rng } from '../sample/prng'
import { BLOCK_CAP, blockingKeys } from './blocking'
import { PopulationIndex, scan } from './engine'
import { Lexicon, RecordStore, type MatchRow } from './store'

const PERSON: MatchRow = {
  id: 1,
  record_key: 'DC1',
  full_name: 'Nguyễn Văn Hùng',
  dob: '1985-03-12',
  dob_precision: 'day',
  sex: 'M',
  id_number: '020085012345',
  legacy_id: null,
  residence: null,
  residence_province_code: '20',
  residence_commune_code: '06091',
  hometown: null,
  father_name: 'Nguyễn Văn Ba',
  mother_name: 'Trần Thị Hoà',
  vital_status: null,
  name_parts: 0,
  other_id: 'BHYT-4010123456'
}

/** Does the register row `change` makes of PERSON open a block holding PERSON? */
function found(change: Partial<MatchRow>, population: Partial<MatchRow> = {}): boolean {
  const lex = new Lexicon(null)
  const pop = new RecordStore(lex)
  pop.add({ ...PERSON, ...population })
  const src = new RecordStore(lex)
  src.add({ ...PERSON, id: 2, ...change })
  return scan(new PopulationIndex(pop), src, 0, 1).compared === 1
}

describe('blocking', () => {
  it.each<[string, Partial<MatchRow>]>([
    ['another family name', { full_name: 'Phạm Văn Hùng' }],
    ['a slip in the given name', { full_name: 'Nguyễn Văn Hưnh' }],
    ['the middle name dropped', { full_name: 'Nguyễn Hùng' }],
    ['given name first', { full_name: 'Hùng Văn Nguyễn' }],
    ['another year of birth', { dob: '1986-03-12' }],
    ['a lunar date', { dob: '1985-02-01' }],
    ['no date of birth', { dob: null, dob_precision: null }],
    ['another sex', { sex: 'F' }],
    ['no ID', { id_number: null }],
    ['another ID', { id_number: '020085999999' }],
    ['moved to another commune', { residence_commune_code: '06097' }],
    ['no parents', { father_name: null, mother_name: null }],
    ['typed with the keyboard off', { full_name: 'Nguyeenx Vawn Hungf' }]
  ])('finds the person through %s', (_, change) => {
    expect(found(change)).toBe(true)
  })

  it('finds the person through the identifier alone when name and date are both wrong', () => {
    expect(found({ full_name: 'Trần Thị Lan', dob: '1990-01-01', id_number: null })).toBe(true)
    expect(
      found({ full_name: 'Trần Thị Lan', dob: '1990-01-01', other_id: null, id_number: null })
    ).toBe(false)
  })

  it('a foreign record: both names wrong, no date, no ID: found by its address', () => {
    const foreign = {
      full_name: 'harrington april',
      residence: '123, slessor crescent, glebe garden, wisemans ferry, 2517, nsw',
      residence_commune_code: null,
      residence_province_code: null,
      id_number: null,
      other_id: null,
      father_name: null,
      mother_name: null
    }
    expect(
      found(
        {
          ...foreign,
          full_name: 'herbert kayla',
          dob: null
        },
        foreign
      )
    ).toBe(true)
  })

  it('keeps the pairs per record bounded when everybody is called Nguyễn Văn Hùng', () => {
    const rng = new Rng(3)
    const lex = new Lexicon(null)
    const pop = new RecordStore(lex)
    const n = 20_000
    for (let i = 0; i < n; i++)
      pop.add({
        ...PERSON,
        id: i + 1,
        dob: `${rng.range(1940, 2020)}-${String(rng.range(1, 12)).padStart(2, '0')}-${String(rng.range(1, 28)).padStart(2, '0')}`,
        sex: rng.chance(0.5) ? 'M' : 'F',
        id_number: null,
        other_id: null,
        residence_commune_code: String(6000 + rng.int(3)),
        father_name: `Nguyễn Văn ${rng.pick(['Ba', 'Bốn', 'Năm', 'Sáu'])}`
      })
    const src = new RecordStore(lex)
    for (let i = 0; i < 50; i++)
      src.add({
        ...PERSON,
        id: n + i + 1,
        id_number: null,
        other_id: null,
        residence_commune_code: '6000'
      })
    const r = scan(new PopulationIndex(pop), src, 0, src.size)
    const keys = blockingKeys(src, 0).length
    expect(r.compared / src.size).toBeLessThan(keys * BLOCK_CAP)
    // Far fewer than the 20,000 namesakes: the keys combine the name with the date, sex, commune.
    expect(r.compared / src.size).toBeLessThan(n / 10)
  })
})
