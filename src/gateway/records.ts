// Population records on the national side: versions, a change sequence for pulls by cursor,
// tombstones for deletions, and the bulk seeding path.
import type { PersonRecord } from '../shared/fields'
import { PERSON_FIELDS } from '../shared/fields'
import { parseName } from '../core/normalize/name'
import { foldKey } from '../core/normalize/text'
import type { PullPage, PulledRecord } from '../core/sync/protocol'
import type { GatewayDb, Queryable } from './db'

export interface StoredRecord {
  key: string
  commune: string | null
  version: number
  deleted: boolean
  record: PersonRecord
}

/** Only the canonical person fields, each present (null when unknown). */
export function personOnly(r: Partial<PersonRecord> & { full_name: string }): PersonRecord {
  const out: Record<string, string | null> = {}
  for (const f of PERSON_FIELDS) out[f] = r[f] ?? null
  return out as unknown as PersonRecord
}

/** Columns derived from a record, for pulls by area and reconciliation lookups. */
function derived(r: PersonRecord) {
  return {
    commune: r.residence_commune_code,
    nameKey: foldKey(r.full_name),
    givenKey: r.given_name ? foldKey(r.given_name) : null,
    idNumber: r.id_number,
    dob: r.dob
  }
}

/*
 * Writers of one commune's records take an advisory lock on the commune before drawing a
 * sequence number and hold it until commit, so within a commune sequence order is commit order
 * and a pull cursor never skips a change that commits late.
 */

/** Insert records that are not there yet (seeding); returns how many were inserted. */
export async function insertRecords(
  q: Queryable,
  rows: { key: string; version: number; record: PersonRecord }[]
): Promise<number> {
  if (rows.length === 0) return 0
  const cols: (string | number | null)[][] = [[], [], [], [], [], [], [], []]
  for (const r of rows) {
    const d = derived(r.record)
    const values = [
      r.key,
      d.commune,
      r.version,
      d.nameKey,
      d.givenKey,
      d.idNumber,
      d.dob,
      JSON.stringify(r.record)
    ]
    values.forEach((v, i) => cols[i]!.push(v))
  }
  const inserted = await q.query(
    `INSERT INTO person (key, commune, version, seq, name_key, given_key, id_number, dob, record)
     SELECT k, c, v, nextval('change_seq'), nk, gk, idn, d, r::jsonb
     FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[],
                 $7::text[], $8::text[]) AS t(k, c, v, nk, gk, idn, d, r)
     ON CONFLICT (key) DO NOTHING RETURNING 1 AS one`,
    cols
  )
  return inserted.length
}

/** The record, locked for this transaction (so a concurrent correction waits). */
export async function lockRecord(q: Queryable, key: string): Promise<StoredRecord | null> {
  const rows = await q.query<StoredRecord>(
    `SELECT key, commune, version, deleted, record FROM person WHERE key = $1 FOR UPDATE`,
    [key]
  )
  return rows[0] ?? null
}

export function pulled(r: StoredRecord): PulledRecord {
  return {
    key: r.key,
    version: r.version,
    deleted: r.deleted,
    record: r.deleted ? null : r.record
  }
}

/** Write a new state of a record: version + 1, a new change sequence number. */
export async function writeRecord(
  q: Queryable,
  key: string,
  record: PersonRecord,
  o: { deleted?: boolean } = {}
): Promise<number> {
  const d = derived(record)
  // The area lock (see lockArea) is taken in the same statement, before the sequence is drawn.
  const rows = await q.query<{ version: number }>(
    `WITH area_lock AS (SELECT pg_advisory_xact_lock(hashtext('person:' || coalesce($2::text, ''))))
     INSERT INTO person (key, commune, version, seq, deleted, name_key, given_key, id_number, dob,
                         record, updated_at)
     SELECT $1::text, $2::text, 1, nextval('change_seq'), $3::boolean, $4::text, $5::text,
            $6::text, $7::text, $8::jsonb, now()
     FROM area_lock
     ON CONFLICT (key) DO UPDATE SET
       commune = EXCLUDED.commune, version = person.version + 1, seq = EXCLUDED.seq,
       deleted = EXCLUDED.deleted, name_key = EXCLUDED.name_key, given_key = EXCLUDED.given_key,
       id_number = EXCLUDED.id_number, dob = EXCLUDED.dob, record = EXCLUDED.record,
       updated_at = now()
     RETURNING version`,
    [
      key,
      d.commune,
      o.deleted ?? false,
      d.nameKey,
      d.givenKey,
      d.idNumber,
      d.dob,
      JSON.stringify(record)
    ]
  )
  return rows[0]!.version
}

/** A record with corrected field values; a new full name also sets its parts. */
export function withFields(
  record: PersonRecord,
  fields: { field: string; value: string }[]
): PersonRecord {
  const next: Record<string, string | null> = { ...record }
  for (const { field, value } of fields) {
    next[field] = value
    if (field === 'full_name') {
      const n = parseName(value)
      if (n) {
        next.family_name = n.family
        next.middle_name = n.middle
        next.given_name = n.given
      }
    }
  }
  return next as unknown as PersonRecord
}

/**
 * One page of an area's changes after `cursor`: new and changed records, deaths (a changed
 * vital_status) and deletions (tombstones), oldest change first. The JSON is assembled from the
 * stored record text, so a million-record pull never parses and re-serialises each record.
 */
export async function pullPage(
  db: GatewayDb,
  area: string,
  cursor: string,
  limit: number
): Promise<{ json: string; page: Omit<PullPage, 'records'> & { count: number } }> {
  const after = cursor === '' ? '0' : cursor
  const rows = await db.query<{
    key: string
    version: number
    seq: string
    deleted: boolean
    record: string
  }>(
    `SELECT key, version, seq::text AS seq, deleted, record::text AS record FROM person
     WHERE commune = $1 AND person.seq > $2::bigint ORDER BY person.seq LIMIT $3`,
    [area, after, limit + 1]
  )
  const more = rows.length > limit
  if (more) rows.pop()
  const next = rows.length > 0 ? rows[rows.length - 1]!.seq : after
  const parts: string[] = []
  for (const r of rows) {
    parts.push(
      `{"key":${JSON.stringify(r.key)},"version":${r.version},"deleted":${r.deleted},"record":${
        r.deleted ? 'null' : r.record
      }}`
    )
  }
  const json = `{"area":${JSON.stringify(area)},"records":[${parts.join(',')}],"cursor":${JSON.stringify(next)},"more":${more}}`
  return { json, page: { area, cursor: next, more, count: rows.length } }
}
