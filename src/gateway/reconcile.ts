// W3C Reconciliation Service API (version 0.2) for single-record online lookup: a manifest, and
// queries by name with properties (dob, sex, id_number, commune) answered with scored candidates.
import { z } from 'zod'
import { parseName } from '../core/normalize/name'
import { parseIdNumber, parseSex } from '../core/normalize/person'
import { cleanText, foldKey } from '../core/normalize/text'
import { parseDateCell } from '../core/import/row'
import type { PersonRecord } from '../shared/fields'
import type { GatewayDb } from './db'

export const RECONCILE_PROPERTIES = [
  { id: 'dob', name: 'Date of birth (ngày sinh)' },
  { id: 'sex', name: 'Sex (giới tính): M or F' },
  { id: 'id_number', name: 'Personal ID number (số định danh cá nhân)' },
  { id: 'residence_commune_code', name: 'Commune code (mã xã)' }
] as const

export function manifest(baseUrl: string) {
  return {
    versions: ['0.2'],
    name: 'Đối soát reference gateway: population records',
    identifierSpace: 'https://doisoat.invalid/ns/population-record',
    schemaSpace: 'https://doisoat.invalid/ns/person',
    defaultTypes: [{ id: 'person', name: 'Person (công dân)' }],
    batchSize: 10,
    properties: RECONCILE_PROPERTIES,
    serviceUrl: baseUrl
  }
}

const querySchema = z.object({
  query: z.string().min(1).max(200),
  type: z.string().optional(),
  limit: z.number().int().min(1).max(50).optional(),
  properties: z
    .array(z.object({ pid: z.string(), v: z.union([z.string(), z.number(), z.array(z.string())]) }))
    .max(10)
    .optional()
})
export const queriesSchema = z.record(z.string().max(64), querySchema)
export type ReconcileQuery = z.infer<typeof querySchema>

export interface Candidate {
  id: string
  name: string
  score: number
  match: boolean
  type: { id: string; name: string }[]
  features: { id: string; value: number }[]
}

/** A candidate at or above this score, clear of the next one by MATCH_MARGIN, is a match. */
export const MATCH_SCORE = 85
export const MATCH_MARGIN = 10

interface Wanted {
  full: string
  folded: string
  given: string | null
  dob: string | null
  sex: string | null
  id: string | null
  commune: string | null
}

function wanted(q: ReconcileQuery): Wanted {
  const prop = (pid: string): string | null => {
    const p = q.properties?.find((x) => x.pid === pid)
    if (!p) return null
    const v = Array.isArray(p.v) ? p.v[0] : p.v
    return v === undefined ? null : cleanText(String(v))
  }
  const name = parseName(q.query)
  const dobText = prop('dob')
  return {
    full: cleanText(q.query),
    folded: foldKey(q.query),
    given: name?.given ? foldKey(name.given) : null,
    dob: dobText ? (parseDateCell(dobText)?.iso ?? null) : null,
    sex: parseSex(prop('sex') ?? ''),
    id: parseIdNumber(prop('id_number') ?? '').id_number,
    commune: prop('residence_commune_code')
  }
}

/**
 * A transparent additive score out of 100 (name 40, ID 35, date of birth 15, sex 5, commune 5;
 * disagreements subtract). The app's Fellegi–Sunter engine does the batch matching; this is
 * the one-record online lookup, and its features say why each candidate scored what it did.
 */
export function score(
  w: Wanted,
  r: PersonRecord
): { score: number; features: Candidate['features'] } {
  const f: Candidate['features'] = []
  const add = (id: string, value: number) => f.push({ id, value })
  if (cleanText(r.full_name) === w.full) add('name_exact', 40)
  else if (foldKey(r.full_name) === w.folded) add('name_folded', 32)
  else if (w.given && r.given_name && foldKey(r.given_name) === w.given) add('given_name', 12)
  if (w.id && r.id_number)
    add(w.id === r.id_number ? 'id_equal' : 'id_different', w.id === r.id_number ? 35 : -30)
  if (w.dob && r.dob)
    add(w.dob === r.dob ? 'dob_equal' : 'dob_different', w.dob === r.dob ? 15 : -10)
  if (w.sex && r.sex)
    add(w.sex === r.sex ? 'sex_equal' : 'sex_different', w.sex === r.sex ? 5 : -10)
  if (w.commune && r.residence_commune_code)
    add(
      w.commune === r.residence_commune_code ? 'commune_equal' : 'commune_different',
      w.commune === r.residence_commune_code ? 5 : 0
    )
  const total = f.reduce((s, x) => s + x.value, 0)
  return { score: Math.max(0, Math.min(100, total)), features: f }
}

const PERSON_TYPE = [{ id: 'person', name: 'Person (công dân)' }]

export async function reconcileOne(db: GatewayDb, q: ReconcileQuery): Promise<Candidate[]> {
  const w = wanted(q)
  // Candidates by any strong key: folded full name, ID number, or date of birth + given name.
  const rows = await db.query<{ key: string; record: PersonRecord }>(
    `SELECT key, record FROM person WHERE NOT deleted AND (
       name_key = $1 OR ($2::text IS NOT NULL AND id_number = $2)
       OR ($3::text IS NOT NULL AND dob = $3 AND given_key = $4))
     LIMIT 500`,
    [w.folded, w.id, w.dob, w.given]
  )
  const scored = rows
    .map((r) => ({ key: r.key, record: r.record, ...score(w, r.record) }))
    .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1))
    .slice(0, q.limit ?? 5)
  return scored.map((c, i) => ({
    id: c.key,
    name: `${c.record.full_name}${c.record.dob ? ` (${c.record.dob})` : ''}`,
    score: c.score,
    match:
      i === 0 &&
      c.score >= MATCH_SCORE &&
      (scored[1] === undefined || c.score - scored[1].score >= MATCH_MARGIN),
    type: PERSON_TYPE,
    features: c.features
  }))
}

export async function reconcile(
  db: GatewayDb,
  queries: Record<string, ReconcileQuery>
): Promise<Record<string, { result: Candidate[] }>> {
  const out: Record<string, { result: Candidate[] }> = {}
  for (const [id, q] of Object.entries(queries)) out[id] = { result: await reconcileOne(db, q) }
  return out
}
