// compareRecord: what a file's copy of a national record does to the one held.
import { describe, expect, it } from 'vitest'
import { compareRecord } from './population-version'

const held = { full_name: 'Lò Văn An', birth_date: '2001-02-03', version: 3 }

describe('compareRecord', () => {
  it('calls a key not held new', () => {
    expect(compareRecord(undefined, { full_name: 'Lò Văn An' }, 1)).toEqual({ kind: 'new' })
  })

  it('leaves the held record alone when the file carries an older version, even with other content', () => {
    expect(compareRecord(held, { full_name: 'Tên Cũ', birth_date: '2001-02-03' }, 2)).toEqual({
      kind: 'older'
    })
  })

  it('calls the same content at the same version (or none given) unchanged', () => {
    expect(compareRecord(held, { full_name: 'Lò Văn An', birth_date: '2001-02-03' }, 3)).toEqual({
      kind: 'unchanged'
    })
    expect(compareRecord(held, { full_name: 'Lò Văn An', birth_date: '2001-02-03' }, null)).toEqual(
      { kind: 'unchanged' }
    )
  })

  it('moves a changed record to the next version, or to the newer version the file gives', () => {
    const renamed = { full_name: 'Lò Thị An', birth_date: '2001-02-03' }
    const change = [{ field: 'full_name', before: 'Lò Văn An', after: 'Lò Thị An' }]
    expect(compareRecord(held, renamed, null)).toEqual({
      kind: 'changed',
      fields: change,
      version: 4
    })
    expect(compareRecord(held, renamed, 3)).toEqual({ kind: 'changed', fields: change, version: 4 })
    expect(compareRecord(held, renamed, 7)).toEqual({ kind: 'changed', fields: change, version: 7 })
  })
})
