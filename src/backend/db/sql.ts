// Typed SQL: a tagged template whose values are bound parameters, whose names come only from fixed
// lists, and whose rows have the type the query declares; the one place query results are cast.
import type { Db } from './open'

/** What SQLite binds. */
export type Param = string | number | bigint | Buffer | null

/** A query (or a part of one) and its parameters; Row is the shape of one result row. */
export class Sql<Row = unknown> {
  /** Never set: it only carries the row type from where the query is written to where it runs. */
  declare readonly row?: Row
  constructor(
    readonly text: string,
    readonly params: readonly Param[]
  ) {}
}

/**
 * `sql<Row>`…``: each `${value}` becomes a `?` bound to it, never SQL text, except a fragment
 * made by `sql`, `ident` or `join`, which is spliced in with its own parameters. Without a Row
 * the rows are `never`: a query whose result is read declares its row.
 */
export function sql<Row = never>(
  strings: TemplateStringsArray,
  ...values: (Param | Sql<unknown>)[]
): Sql<Row> {
  let text = strings[0]!
  const params: Param[] = []
  values.forEach((v, i) => {
    if (v instanceof Sql) {
      text += v.text
      params.push(...v.params)
    } else {
      text += '?'
      params.push(v)
    }
    text += strings[i + 1]!
  })
  return new Sql<Row>(text, params)
}

const NAME = /^[a-z_][a-z0-9_]*$/

/**
 * A column or table name, from the fixed list of names this query may use: the only way a name
 * chosen at run time (a sort field, a table) reaches SQL text.
 */
export function ident<const T extends string>(name: T, allowed: readonly T[]): Sql<never> {
  if (!allowed.includes(name) || !NAME.test(name)) throw new Error(`SQL name not allowed: ${name}`)
  return new Sql<never>(name, [])
}

/** Fragments one after another, with a separator from a fixed set. */
export function join(
  parts: readonly Sql<unknown>[],
  separator: ', ' | ' AND ' | ' + ' | ' '
): Sql<never> {
  return new Sql<never>(
    parts.map((p) => p.text).join(separator),
    parts.flatMap((p) => p.params)
  )
}

// Results are cast here, once: the query's text and its declared Row type sit side by side
// where it is written.

export function all<Row>(db: Db, q: Sql<Row>): Row[] {
  return db.prepare(q.text).all(...q.params) as Row[]
}

export function get<Row>(db: Db, q: Sql<Row>): Row | undefined {
  return db.prepare(q.text).get(...q.params) as Row | undefined
}

/** True when the query returns a row. */
export function exists(db: Db, q: Sql<unknown>): boolean {
  return db.prepare(q.text).get(...q.params) !== undefined
}

export function iterate<Row>(db: Db, q: Sql<Row>): IterableIterator<Row> {
  return db.prepare(q.text).iterate(...q.params) as IterableIterator<Row>
}

/**
 * Rows as arrays of their values in column order, a third faster than objects at a million rows:
 * for a query whose Row is declared as a tuple (or array) of the selected columns.
 */
export function iterateValues<Row extends readonly unknown[]>(
  db: Db,
  q: Sql<Row>
): IterableIterator<Row> {
  return db
    .prepare(q.text)
    .raw()
    .iterate(...q.params) as IterableIterator<Row>
}

/** The first column of every row. */
export function column<Row>(db: Db, q: Sql<Row>): Row[keyof Row][] {
  return db
    .prepare(q.text)
    .pluck()
    .all(...q.params) as Row[keyof Row][]
}

/** The first column of the first row (undefined when there is no row). */
export function value<Row>(db: Db, q: Sql<Row>): Row[keyof Row] | undefined {
  return db
    .prepare(q.text)
    .pluck()
    .get(...q.params) as Row[keyof Row] | undefined
}

/** Run a statement that returns no rows. */
export function run(db: Db, q: Sql<unknown>): { changes: number } {
  return db.prepare(q.text).run(...q.params)
}
