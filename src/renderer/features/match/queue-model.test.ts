import { describe, expect, it } from 'vitest'
import {
  NO_CHOICE,
  formatBits,
  fromFilter,
  nextOpen,
  statesToReview,
  queueArgs,
  toFilter,
  toSort,
  visibleColumns
} from './queue-model'
import { queueRow } from './test-fixtures'

describe('queue model', () => {
  it('turns toolbar choices into the API filter and back', () => {
    const choice = {
      grade: 'certain' as const,
      flag: 'name_diacritics',
      flagOnly: true,
      state: 'open' as const,
      batchId: 4,
      commune: ' 00127 '
    }
    const filter = toFilter(choice)
    expect(filter).toEqual({
      grade: ['certain'],
      flag: ['name_diacritics'],
      flagMode: 'only',
      state: ['open'],
      batchId: 4,
      commune: '00127'
    })
    expect(fromFilter(filter)).toEqual({ ...choice, commune: '00127' })
    expect(toFilter(NO_CHOICE)).toEqual({ flagMode: 'any' })
  })

  it('sends the first sortable column of the grid as the sort, never one the API refuses', () => {
    expect(toSort([{ colId: 'probability', sort: 'asc' }])).toEqual({
      field: 'probability',
      dir: 'asc'
    })
    expect(
      toSort([
        { colId: 'flags', sort: 'desc' },
        { colId: 'name', sort: 'desc' }
      ])
    ).toEqual({ field: 'name', dir: 'desc' })
    expect(toSort([{ colId: 'populationName', sort: 'asc' }])).toBeUndefined()
    expect(queueArgs({ flagMode: 'any' }, undefined, 100, 200)).toEqual({
      filter: { flagMode: 'any' },
      startRow: 100,
      endRow: 200
    })
  })

  it('shows the name, flags and state at any width the divider allows, more columns when wider', () => {
    // The narrowest queue the divider allows on a 1366-pixel screen.
    expect(visibleColumns(360)).toEqual(['name', 'flags', 'state'])
    expect(visibleColumns(500)).toEqual(['name', 'flags', 'state', 'grade'])
    expect(visibleColumns(620)).toEqual(['name', 'flags', 'state', 'grade', 'dob'])
    expect(visibleColumns(2000)).toHaveLength(11)
  })

  it('finds the next open pair, skipping the one just decided', () => {
    const rows = [
      { ...queueRow(11, 'A'), state: 'open' as const },
      { ...queueRow(12, 'B'), state: 'accepted' as const },
      { ...queueRow(13, 'C'), state: 'open' as const }
    ]
    expect(nextOpen(rows, 11)).toBe(2)
    expect(nextOpen(rows, 99)).toBe(0)
    expect(nextOpen(rows.slice(0, 2), 11)).toBe(-1)
  })

  it('after a decision in a list filtered by state, finds the next pair of that state', () => {
    const rows = [
      { ...queueRow(11, 'A'), state: 'auto_accepted' as const },
      { ...queueRow(12, 'B'), state: 'open' as const },
      { ...queueRow(13, 'C'), state: 'auto_accepted' as const }
    ]
    const states = statesToReview({ flagMode: 'any', state: ['auto_accepted'] })
    expect(nextOpen(rows, 11, states)).toBe(2)
    expect(nextOpen(rows, 11, statesToReview({ flagMode: 'any' }))).toBe(1)
  })
})

describe('formatBits', () => {
  it('writes a weight with its sign and the language’s decimal mark', () => {
    expect([formatBits(6.24, 'vi'), formatBits(-9.9, 'vi'), formatBits(6.24, 'en')]).toEqual([
      '+6,2',
      '-9,9',
      '+6.2'
    ])
  })
})
