// Correction proposals from the pair view: checked values, the population version, an audit event.
import { randomUUID } from 'node:crypto'
import type { ApiParsedInput, CorrectionRow } from '../../shared/api'
import { AppError } from '../../shared/errors'
import type { CorrectableField, CorrectionState } from '../../shared/review'
import { checkCorrectionValue } from '../../core/review/correction'
import { appendAudit } from '../audit/audit'
import type { Db } from '../db/open'

type Person = Record<string, string | number | null>

const valueOf = (r: Person, field: CorrectableField): string | null => {
  const v = r[field]
  return v == null ? null : String(v)
}

export function proposeCorrection(
  db: Db,
  args: ApiParsedInput<'corrections/propose'>,
  actor: string
): CorrectionRow {
  return db
    .transaction(() => {
      const source = db
        .prepare('SELECT * FROM source_record WHERE id = ?')
        .get(args.sourceRecordId) as Person | undefined
      if (!source)
        throw new AppError('not_found', { what: 'source_record', id: args.sourceRecordId })
      const population = db
        .prepare('SELECT * FROM population_record WHERE id = ?')
        .get(args.populationRecordId) as Person | undefined
      if (!population)
        throw new AppError('not_found', { what: 'population_record', id: args.populationRecordId })
      // The side that is wrong, and the side the value is pre-filled from.
      const [wrong, right] =
        args.side === 'population' ? [population, source] : [source, population]

      const issues: { path: string; message: string }[] = []
      const fields = args.fields.map((f, i) => {
        const raw = f.value ?? valueOf(right, f.field)
        if (raw == null) {
          issues.push({
            path: `fields.${i}.value`,
            message: 'no value, and the other side has none'
          })
          return null
        }
        const checked = checkCorrectionValue(f.field, raw)
        if (!checked.ok) {
          issues.push({ path: `fields.${i}.value`, message: `${f.field}: ${checked.problem}` })
          return null
        }
        const oldValue = valueOf(wrong, f.field)
        if (oldValue === checked.value) {
          issues.push({
            path: `fields.${i}.value`,
            message: `${f.field}: same as the current value`
          })
          return null
        }
        return { field: f.field, oldValue, newValue: checked.value }
      })
      if (issues.length > 0)
        throw new AppError(
          'validation',
          { detail: issues.map((x) => `${x.path}: ${x.message}`).join('; ') },
          issues
        )

      const at = new Date().toISOString()
      const row: CorrectionRow = {
        uuid: randomUUID(),
        sourceRecordId: args.sourceRecordId,
        populationRecordId: args.populationRecordId,
        populationKey: String(population.record_key),
        populationVersion: Number(population.version),
        side: args.side,
        reason: args.reason,
        reasonText: args.reasonText ?? null,
        evidence: args.evidence ?? null,
        state: 'proposed',
        proposedBy: actor,
        proposedAt: at,
        fields: fields.filter((f) => f !== null)
      }
      insertCorrection(db, row, actor, at)
      return row
    })
    .immediate()
}

/**
 * Store a new correction, its fields and the 'correction/propose' audit event; `supersedes` names
 * the refused or conflicting correction it replaces. Call inside a transaction.
 */
export function insertCorrection(
  db: Db,
  row: CorrectionRow,
  actor: string,
  at: string,
  supersedes: string | null = null
): void {
  const { fields: _fields, ...head } = row
  db.prepare(
    `INSERT INTO correction (uuid, source_record_id, population_record_id, population_key,
       population_version, side, reason, reason_text, evidence, state, proposed_by, proposed_at,
       updated_at, supersedes_uuid)
     VALUES (@uuid, @sourceRecordId, @populationRecordId, @populationKey, @populationVersion,
       @side, @reason, @reasonText, @evidence, @state, @proposedBy, @proposedAt, @at, @supersedes)`
  ).run({ ...head, at, supersedes })
  const insField = db.prepare(
    'INSERT INTO correction_field (correction_uuid, field, old_value, new_value) VALUES (?, ?, ?, ?)'
  )
  for (const f of row.fields) insField.run(row.uuid, f.field, f.oldValue, f.newValue)
  appendAudit(db, {
    actor,
    action: 'correction/propose',
    entity: 'correction',
    entityId: row.uuid,
    at,
    detail: {
      sourceRecordId: row.sourceRecordId,
      populationRecordId: row.populationRecordId,
      populationKey: row.populationKey,
      populationVersion: row.populationVersion,
      side: row.side,
      reason: row.reason,
      reasonText: row.reasonText,
      evidence: row.evidence,
      // A re-signed copy is stored by the supervisor and still proposed by its clerk.
      ...(row.proposedBy !== actor ? { proposedBy: row.proposedBy } : {}),
      ...(supersedes ? { supersedes } : {}),
      fields: row.fields.map((f) => ({ field: f.field, before: f.oldValue, after: f.newValue }))
    }
  })
}

interface CorrectionDbRow {
  uuid: string
  sourceRecordId: number | null
  populationRecordId: number | null
  populationKey: string
  populationVersion: number
  side: CorrectionRow['side']
  reason: CorrectionRow['reason']
  reasonText: string | null
  evidence: string | null
  state: CorrectionState
  proposedBy: string
  proposedAt: string
}

const SELECT = `SELECT uuid, source_record_id AS sourceRecordId,
  population_record_id AS populationRecordId, population_key AS populationKey,
  population_version AS populationVersion, side, reason, reason_text AS reasonText, evidence, state,
  proposed_by AS proposedBy, proposed_at AS proposedAt FROM correction`

function withFields(db: Db, rows: CorrectionDbRow[]): CorrectionRow[] {
  const fields = db.prepare(
    `SELECT field, old_value AS oldValue, new_value AS newValue FROM correction_field
     WHERE correction_uuid = ? ORDER BY field`
  )
  return rows.map((r) => ({ ...r, fields: fields.all(r.uuid) as CorrectionRow['fields'] }))
}

export function listCorrections(
  db: Db,
  state: CorrectionState | undefined,
  startRow: number,
  endRow: number
): { rows: CorrectionRow[]; total: number } {
  const where = state ? 'WHERE state = @state' : ''
  const params = state ? { state } : {}
  const rows = db
    .prepare(`${SELECT} ${where} ORDER BY proposed_at DESC, uuid LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: endRow - startRow, offset: startRow }) as CorrectionDbRow[]
  const total = db.prepare(`SELECT count(*) FROM correction ${where}`).pluck().get(params) as number
  return { rows: withFields(db, rows), total }
}

export function correctionsOfSource(db: Db, sourceRecordId: number): CorrectionRow[] {
  const rows = db
    .prepare(`${SELECT} WHERE source_record_id = ? ORDER BY proposed_at, uuid`)
    .all(sourceRecordId) as CorrectionDbRow[]
  return withFields(db, rows)
}
