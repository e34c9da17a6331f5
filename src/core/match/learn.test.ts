// Why a teach question is asked: "near the threshold" only for pairs that are.
import { describe, expect, it } from 'vitest'
import { informativeness, nearThreshold } from './learn'

const t = { certain: 0.99, probable: 0.9, possible: 0.5 }
const question = (probability: number, patternLabels: number, patternError = 0) => ({
  probability,
  otherProbability: null,
  patternOpen: 40,
  patternError,
  patternLabels
})

describe('teach question reasons', () => {
  it('calls a pair near a grade threshold only when its odds are within 4× of one', () => {
    expect(nearThreshold(0.45, t)).toBe(true)
    expect(nearThreshold(0.97, t)).toBe(true)
    expect(nearThreshold(0.003, t)).toBe(false)
    expect(nearThreshold(0.9999, t)).toBe(false)
  })

  it('gives a 0.3 % pair of a much-asked pattern the pattern as reason, not the threshold', () => {
    expect(informativeness(question(0.003, 3, 0.2), t).reason).toBe('pattern')
    expect(informativeness(question(0.003, 0, 0.001), t).reason).toBe('unseen')
    expect(informativeness(question(0.45, 3, 0.2), t).reason).toBe('threshold')
  })
})
