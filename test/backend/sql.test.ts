// The typed SQL helper: values are bound, never spliced; names come only from their fixed lists.
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import {
  all,
  column,
  exists,
  get,
  ident,
  iterate,
  iterateValues,
  join,
  run,
  sql,
  value
} from '../../src/backend/db/sql'

function people() {
  const db = new Database(':memory:')
  db.exec(`CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT NOT NULL, dob TEXT) STRICT`)
  const rows: [string, string | null][] = [
    ['Nguyễn Văn An', '1990-01-02'],
    ["O'Brien'; DROP TABLE person; --", null],
    ['Trần Thị Bình', '1985-07-30']
  ]
  for (const [name, dob] of rows)
    run(db, sql`INSERT INTO person (name, dob) VALUES (${name}, ${dob})`)
  return db
}

const SORTABLE = ['name', 'dob'] as const

describe('sql', () => {
  it('binds every value as a parameter, so hostile text stays data', () => {
    const db = people()
    const name = "O'Brien'; DROP TABLE person; --"
    const q = sql<{ id: number; name: string }>`SELECT id, name FROM person WHERE name = ${name}`
    expect(q.text).toBe('SELECT id, name FROM person WHERE name = ?')
    expect(all(db, q)).toEqual([{ id: 2, name }])
    expect(value(db, sql<{ n: number }>`SELECT count(*) FROM person`)).toBe(3)
  })

  it('splices fragments with their parameters in order', () => {
    const db = people()
    const where = join([sql`dob IS NOT NULL`, sql`name LIKE ${'%n%'}`, sql`id > ${0}`], ' AND ')
    const q = sql<{ name: string }>`SELECT name FROM person WHERE ${where} AND id < ${10}`
    expect(q.params).toEqual(['%n%', 0, 10])
    expect(column(db, q)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình'])
  })

  it('takes a name only from its fixed list', () => {
    const db = people()
    const by = (field: (typeof SORTABLE)[number]) =>
      column(db, sql<{ id: number }>`SELECT id FROM person ORDER BY ${ident(field, SORTABLE)}, id`)
    expect(by('name')).toEqual([1, 2, 3])
    expect(by('dob')).toEqual([2, 3, 1])
    // What a caller that skipped validation could pass: refused before any SQL is built.
    const hostile = 'name; DROP TABLE person' as (typeof SORTABLE)[number]
    expect(() => ident(hostile, SORTABLE)).toThrow(/not allowed/)
    expect(() => ident('Name', ['Name'])).toThrow(/not allowed/)
    expect(value(db, sql<{ n: number }>`SELECT count(*) FROM person`)).toBe(3)
  })

  it('reads rows as objects, one row, a value, values in column order, or whether any', () => {
    const db = people()
    const one = sql<{
      name: string
      dob: string | null
    }>`SELECT name, dob FROM person WHERE id = ${3}`
    expect(get(db, one)).toEqual({ name: 'Trần Thị Bình', dob: '1985-07-30' })
    expect(get(db, sql<{ name: string }>`SELECT name FROM person WHERE id = ${9}`)).toBeUndefined()
    expect([...iterate(db, sql<{ id: number }>`SELECT id FROM person ORDER BY id DESC`)]).toEqual([
      { id: 3 },
      { id: 2 },
      { id: 1 }
    ])
    const tuples = sql<[id: number, dob: string | null]>`SELECT id, dob FROM person ORDER BY id`
    expect([...iterateValues(db, tuples)]).toEqual([
      [1, '1990-01-02'],
      [2, null],
      [3, '1985-07-30']
    ])
    expect(exists(db, sql`SELECT 1 FROM person WHERE dob IS NULL`)).toBe(true)
    expect(exists(db, sql`SELECT 1 FROM person WHERE id = ${42}`)).toBe(false)
    expect(run(db, sql`DELETE FROM person WHERE dob IS NULL`).changes).toBe(1)
  })
})
