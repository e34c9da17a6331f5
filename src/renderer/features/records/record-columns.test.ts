// @vitest-environment jsdom
// The record grid's columns and requests: Vietnamese headers, coded values in words, sorting only on whitelisted fields.
import type { IGetRowsParams } from 'ag-grid-community'
import { describe, expect, it } from 'vitest'
import { SORTABLE_FIELDS } from '../../../shared/fields'
import { i18n } from '../../i18n'
import { recordColumns } from './record-columns'
import { listArgs } from './records-panel'

const t = i18n.getFixedT('vi')

function format(field: string, value: unknown): unknown {
  const col = recordColumns('population', t).find((c) => c.field === field)!
  const formatter = col.valueFormatter as (p: { value: unknown }) => string
  return formatter({ value })
}

describe('recordColumns', () => {
  it('labels columns from the catalog and keeps the version for national records only', () => {
    const population = recordColumns('population', t)
    expect(population.map((c) => c.headerName)).toContain('Họ và tên')
    expect(population.map((c) => c.headerName)).toContain('Số định danh cá nhân')
    expect(population.some((c) => c.field === 'version')).toBe(true)
    expect(recordColumns('source', t).some((c) => c.field === 'version')).toBe(false)
  })

  it('sorts only on the fields the backend whitelists', () => {
    const sortable = recordColumns('population', t)
      .filter((c) => c.sortable)
      .map((c) => c.field)
    expect(sortable.sort()).toEqual([...SORTABLE_FIELDS].sort())
  })

  it('shows dates with their precision and coded values in words', () => {
    expect(format('dob', '1990-03-05')).toBe('05/03/1990')
    expect(format('dob', '1990-03')).toBe('03/1990')
    expect(format('dob', '1990')).toBe('1990')
    expect(format('dob', null)).toBe('')
    expect(format('sex', 'F')).toBe('Nữ')
    expect(format('vital_status', 'deceased')).toBe('Đã mất')
    expect(format('sex', null)).toBe('')
  })
})

describe('listArgs', () => {
  const block = (sortModel: IGetRowsParams['sortModel']) =>
    ({ startRow: 100, endRow: 200, sortModel }) as unknown as IGetRowsParams

  it('asks for the block, the sort and the search', () => {
    expect(listArgs('source', 'hoà', block([{ colId: 'dob', sort: 'desc' }]))).toEqual({
      table: 'source',
      startRow: 100,
      endRow: 200,
      sort: { field: 'dob', dir: 'desc' },
      search: 'hoà'
    })
  })

  it('leaves out an empty search and a sort the backend does not allow', () => {
    expect(listArgs('population', '', block([{ colId: 'hometown', sort: 'asc' }]))).toEqual({
      table: 'population',
      startRow: 100,
      endRow: 200
    })
  })
})
