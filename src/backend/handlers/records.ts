// 'records/list': one page of population or source records for the grid (server-side paging).
import type { RecordRow } from '../../shared/api'
import { foldKey } from '../../core/normalize/text'
import type { Handlers } from './types'

const COLUMNS = `id, record_key, batch_id, row_number, full_name, family_name, middle_name, given_name,
  dob, dob_precision, sex, id_number, legacy_id, other_id, residence, residence_province_code,
  residence_commune_code, residence_scheme, hometown, ethnicity, father_name, mother_name,
  spouse_name, vital_status, death_date`

/** The filter and order of a records view, shared by the grid's pages and its export. */
export function recordsQuery(args: {
  table: 'population' | 'source'
  sort?: { field: string; dir: 'asc' | 'desc' }
  search?: string
  batchId?: number
}): { sql: string; countSql: string; params: Record<string, string | number> } {
  const table = args.table === 'population' ? 'population_record' : 'source_record'
  const version = args.table === 'population' ? 'version' : 'NULL AS version'
  const where: string[] = []
  const params: Record<string, string | number> = {}
  if (args.batchId !== undefined) {
    where.push('batch_id = @batchId')
    params.batchId = args.batchId
  }
  const search = args.search?.trim() ?? ''
  if (/^\d{3,12}$/.test(search)) {
    where.push(
      '(id_number LIKE @prefix OR legacy_id LIKE @prefix OR other_id LIKE @prefix OR record_key LIKE @prefix)'
    )
    params.prefix = `${search}%`
  } else if (search !== '') {
    // Folded, so "nguyen van an" finds "Nguyễn Văn An"; the full-text index comes with quick search.
    where.push(`name_key LIKE @contains ESCAPE '\\'`)
    params.contains = `%${foldKey(search).replace(/[%_\\]/g, '\\$&')}%`
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : ''
  // The sort field is from a zod enum, never free text.
  const order = args.sort
    ? `${args.sort.field} ${args.sort.dir === 'desc' ? 'DESC' : 'ASC'}, id`
    : 'id'
  return {
    sql: `SELECT ${COLUMNS}, ${version} FROM ${table} ${whereSql} ORDER BY ${order}`,
    countSql: `SELECT count(*) FROM ${table} ${whereSql}`,
    params
  }
}

export const recordHandlers: Handlers<'records/list'> = {
  'records/list': (args, { db }) => {
    const q = recordsQuery(args)
    const rows = db.prepare(`${q.sql} LIMIT @limit OFFSET @offset`).all({
      ...q.params,
      limit: args.endRow - args.startRow,
      offset: args.startRow
    }) as RecordRow[]
    const total = db.prepare(q.countSql).pluck().get(q.params) as number
    return { rows, total }
  }
}
