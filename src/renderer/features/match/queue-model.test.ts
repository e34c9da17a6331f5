import { describe, expect, it } from 'vitest'
import { NO_CHOICE, fromFilter, queueArgs, toFilter, toSort } from './queue-model'

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
})
