// 'records/list': one page of population or source records for the grid (server-side paging).
import type { RecordRow, recordsInputs } from '../../shared/api'
import { PERSON_FIELDS, SORTABLE_FIELDS } from '../../shared/fields'
import { foldKey } from '../../core/normalize/text'
import { all, ident, join, sql, value, type Sql } from '../db/sql'
import type { Handlers } from './types'

/** The columns a records view may read, in the order records/list returns them. */
export const RECORD_COLUMNS = [
  'id',
  'record_key',
  'batch_id',
  'row_number',
  ...PERSON_FIELDS,
  'version'
] as const satisfies readonly (keyof RecordRow)[]
export type RecordColumn = (typeof RECORD_COLUMNS)[number]

const TABLES = ['population_record', 'source_record'] as const

/** What a records view selects: which table, the search and batch filters, the order. */
export interface RecordsView {
  table: 'population' | 'source'
  sort?: { field: (typeof SORTABLE_FIELDS)[number]; dir: 'asc' | 'desc' }
  search?: string
  batchId?: number
}

/** A column as the view reads it; source records have no national version. */
function columnOf(view: RecordsView, c: RecordColumn): Sql<never> {
  return c === 'version' && view.table === 'source'
    ? sql`NULL AS version`
    : ident(c, RECORD_COLUMNS)
}

/** The given columns of a records view, for its `SELECT`. */
export function recordColumns(view: RecordsView, columns: readonly RecordColumn[]): Sql<never> {
  return join(
    columns.map((c) => columnOf(view, c)),
    ', '
  )
}

/**
 * The filter and order of a records view, shared by the grid's pages and its export: `FROM`
 * to `ORDER BY` (the caller selects its columns and declares its row), and the count.
 */
export function recordsQuery(view: RecordsView): { from: Sql<never>; count: Sql<{ n: number }> } {
  const table = ident(view.table === 'population' ? 'population_record' : 'source_record', TABLES)
  const where: Sql<unknown>[] = []
  if (view.batchId !== undefined) where.push(sql`batch_id = ${view.batchId}`)
  const search = view.search?.trim() ?? ''
  if (/^\d{3,12}$/.test(search)) {
    const prefix = `${search}%`
    where.push(
      sql`(id_number LIKE ${prefix} OR legacy_id LIKE ${prefix} OR other_id LIKE ${prefix} OR record_key LIKE ${prefix})`
    )
  } else if (search !== '') {
    // Folded, so "nguyen van an" finds "Nguyễn Văn An"; the full-text index comes with quick search.
    const contains = `%${foldKey(search).replace(/[%_\\]/g, '\\$&')}%`
    where.push(sql`name_key LIKE ${contains} ESCAPE '\\'`)
  }
  const whereSql = where.length ? sql`WHERE ${join(where, ' AND ')}` : sql``
  const dir = view.sort?.dir === 'desc' ? sql`DESC` : sql`ASC`
  const order = view.sort ? sql`${ident(view.sort.field, SORTABLE_FIELDS)} ${dir}, id` : sql`id`
  return {
    from: sql`FROM ${table} ${whereSql} ORDER BY ${order}`,
    count: sql<{ n: number }>`SELECT count(*) AS n FROM ${table} ${whereSql}`
  }
}

export const recordHandlers: Handlers<keyof typeof recordsInputs> = {
  'records/list': (args, { db }) => {
    const q = recordsQuery(args)
    const limit = args.endRow - args.startRow
    const rows = all(
      db,
      sql<RecordRow>`SELECT ${recordColumns(args, RECORD_COLUMNS)} ${q.from}
        LIMIT ${limit} OFFSET ${args.startRow}`
    )
    return { rows, total: value(db, q.count) ?? 0 }
  }
}
