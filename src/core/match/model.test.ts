// The model: EM finds the same person among blocked pairs, weights explain the decision, grades move.
import { describe, expect, it } from 'vitest'
import { assignOneToOne } from './assign'
import { FIELD_COUNT } from './compare'
import { fitModel } from './fit'
import { DEFAULT_THRESHOLDS, encodePattern, explain, gradeOf, scorePattern } from './model'

// Levels per field (COMPARISONS order: name, dob, sex, id, residence, father, mother, hometown,
// other_id); -1 where a side lacks the field.
const SAME = [0, 0, 0, 0, 0, 0, 0, 0, -1]
const SIBLING = [9, 6, 0, 3, 0, 0, 0, 0, -1]
const NAMESAKE = [0, 6, 0, 3, 2, 2, 2, 2, -1]
const STRANGER = [10, 6, 1, 3, 2, 2, 2, 2, -1]

function counts(list: [number[], number][]): Map<number, number> {
  return new Map(list.map(([l, n]) => [encodePattern(l), n]))
}

const params = fitModel(
  counts([
    [SAME, 900],
    [[6, 0, 0, 0, 0, 0, 0, 0, -1], 80],
    [[0, 1, 0, -1, 1, -1, -1, 0, -1], 40],
    [NAMESAKE, 150],
    [SIBLING, 3000],
    [STRANGER, 5000]
  ]),
  counts([
    [STRANGER, 90_000],
    [[10, 6, 0, 3, 2, 2, 2, 1, -1], 9_000],
    [[0, 6, 0, 3, 2, 2, 2, 2, -1], 9],
    [[10, 0, 0, 3, 2, 2, 2, 2, -1], 9]
  ]),
  { full: 1e-4, given: 1e-2 },
  { source: 1000, population: 10_000 }
)

describe('Fellegi–Sunter model', () => {
  it('learns that agreement on everything means the same person', () => {
    const same = scorePattern(params, SAME, 1e-5)
    expect(same.probability).toBeGreaterThan(0.99)
    expect(gradeOf(same.probability, params.thresholds)).toBe('certain')
  })

  it('does not link a brother on family evidence, nor a namesake born elsewhen', () => {
    expect(scorePattern(params, SIBLING, 1e-5).probability).toBeLessThan(0.01)
    expect(scorePattern(params, NAMESAKE, 1e-5).probability).toBeLessThan(0.01)
  })

  it('a common name says less than a rare one (term frequency)', () => {
    const rare = scorePattern(params, [0, 0, 0, -1, 1, -1, -1, -1, -1], 1e-6)
    const common = scorePattern(params, [0, 0, 0, -1, 1, -1, -1, -1, -1], 1e-2)
    expect(rare.total).toBeGreaterThan(common.total)
  })

  it('when only the given names agree, a rare given name says more than a common one', () => {
    const similar = [8, 0, 0, -1, 1, -1, -1, -1, -1]
    const rare = scorePattern(params, similar, 1e-4)
    const common = scorePattern(params, similar, 1e-1)
    expect(rare.total).toBeGreaterThan(common.total)
    // A model saved before the given name's frequency was kept scores as it did.
    const old = { ...params, uGiven: undefined }
    expect(scorePattern(old, similar, 1e-4).total).toBe(scorePattern(old, similar, 1e-1).total)
  })

  it('explains a decision as prior plus one weight per field', () => {
    const e = explain(params, SAME, 1e-5)
    expect(e.steps).toHaveLength(FIELD_COUNT)
    expect(e.steps[0]).toMatchObject({ field: 'name', level: 'exact' })
    const sum = e.prior + e.steps.reduce((s, x) => s + x.weight, 0)
    expect(sum).toBeCloseTo(e.total, 6)
    expect(e.grade).toBe('certain')
  })

  it('an identifier a household shares (a household book) is household evidence, not a person', () => {
    const book = [9, 6, 0, -1, 0, 0, 0, 0, 0]
    const patterns = counts([
      [[0, 0, 0, -1, 0, 0, 0, 0, 0], 900],
      [book, 3000],
      [[10, 6, 1, -1, 2, 2, 2, 2, 2], 5000]
    ])
    const random = counts([
      [[10, 6, 1, -1, 2, 2, 2, 2, 2], 90_000],
      [[10, 6, 0, -1, 2, 2, 2, 1, 2], 9_000]
    ])
    const fit = (shared: number) =>
      fitModel(
        patterns,
        random,
        { full: 1e-4, given: 1e-2 },
        { source: 1000, population: 10_000 },
        {},
        {
          id: { carried: 0, shared: 0 },
          other_id: { carried: 10_000, shared }
        }
      )
    // Four people in ten share their number: agreeing on it is the household's, capped with it.
    const household = fit(4000)
    expect(household.familyFields).toContain(8)
    expect(scorePattern(household, book, 1e-5).probability).toBeLessThan(0.01)
    // A number nobody shares is a person's own.
    expect(fit(0).familyFields).not.toContain(8)
  })

  it('grades follow the thresholds the user sets', () => {
    expect(gradeOf(0.95, DEFAULT_THRESHOLDS)).toBe('probable')
    expect(gradeOf(0.95, { certain: 0.9, probable: 0.8, possible: 0.5 })).toBe('certain')
    expect(gradeOf(0.2, DEFAULT_THRESHOLDS)).toBe('none')
  })
})

describe('one-to-one assignment', () => {
  it('gives a population record to the strongest claim and flags the other as a duplicate', () => {
    // Source 0 and 1 both look like population 100; source 1 also has a weak second candidate.
    const src = Int32Array.from([0, 1, 1])
    const pop = Int32Array.from([100, 100, 200])
    const p = Float64Array.from([0.999, 0.95, 0.6])
    const a = assignOneToOne(2, src, pop, p, 0.5, 0.9)
    expect(a.chosen[0]).toBe(0)
    expect(a.chosen[1]).toBe(-1)
    expect(a.recordFlags[1]).toEqual(['duplicate_in_source', 'unmatched'])
  })

  it('links every row of one person written several times to the record; a twin stays apart', () => {
    // Rows 0, 1, 2 are one person written three times; row 3 is a twin: all four look like
    // population record 100, row 3 also like 300 (weaker).
    const src = Int32Array.from([0, 1, 2, 3, 3])
    const pop = Int32Array.from([100, 100, 100, 100, 300])
    const p = Float64Array.from([0.999, 0.97, 0.8, 0.95, 0.7])
    const same = (a: number, b: number) => a !== 3 && b !== 3
    const a = assignOneToOne(4, src, pop, p, 0.5, 0.9, [], same)
    expect([...a.chosen]).toEqual([0, 1, 2, -1])
    for (const s of [0, 1, 2]) expect(a.recordFlags[s]).toContain('duplicate_in_source')
    // The twin does not take the record, nor fall back to a weaker candidate: the clerk decides.
    expect(a.recordFlags[3]).toEqual(['duplicate_in_source', 'unmatched'])
    // Without the judgement of which rows are one person, one row per record, as before.
    expect([...assignOneToOne(4, src, pop, p, 0.5, 0.9).chosen]).toEqual([0, -1, -1, -1])
  })

  it('leaves a record unmatched rather than linking its nearest look-alike', () => {
    const a = assignOneToOne(
      1,
      Int32Array.from([0]),
      Int32Array.from([5]),
      Float64Array.from([0.2]),
      0.5,
      0.9
    )
    expect(a.chosen[0]).toBe(-1)
    expect(a.recordFlags[0]).toEqual(['unmatched'])
  })

  it('never claims a population record linked by an earlier batch', () => {
    const a = assignOneToOne(
      1,
      Int32Array.from([0]),
      Int32Array.from([5]),
      Float64Array.from([0.99]),
      0.5,
      0.9,
      [5]
    )
    expect(a.chosen[0]).toBe(-1)
  })
})
