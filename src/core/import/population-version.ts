// Whether a new copy of a national record changes the one held, field by field, and the version it then gets.
import { PERSON_FIELDS, type PersonField } from '../../shared/fields'

/**
 * Fields the app works out from others (name parts from the full name, codes and scheme from the
 * address text): a better address table must not make an unchanged record look changed.
 */
const DERIVED: ReadonlySet<PersonField> = new Set([
  'family_name',
  'middle_name',
  'given_name',
  'residence_province_code',
  'residence_commune_code',
  'residence_scheme'
])

/** The fields that make a record's content: what a person reads, and what a correction changes. */
export const CONTENT_FIELDS: readonly PersonField[] = PERSON_FIELDS.filter((f) => !DERIVED.has(f))

export type PersonValues = Partial<Record<string, string | number | null | undefined>>

export interface FieldChange {
  field: PersonField
  before: string | null
  after: string | null
}

/** A value as compared: empty and absent are the same nothing; numbers as their text. */
const norm = (v: string | number | null | undefined): string | null =>
  v === null || v === undefined || v === '' ? null : String(v)

/** The content fields whose values differ, in field order. */
export function changedFields(held: PersonValues, incoming: PersonValues): FieldChange[] {
  const out: FieldChange[] = []
  for (const field of CONTENT_FIELDS) {
    const before = norm(held[field])
    const after = norm(incoming[field])
    if (before !== after) out.push({ field, before, after })
  }
  return out
}

export type Comparison =
  | { kind: 'new' }
  | { kind: 'unchanged' }
  | { kind: 'older' }
  | { kind: 'changed'; fields: FieldChange[]; version: number }

/**
 * What a record from a file (or the national side) does to the copy held. A file that says its
 * copy is older than the one held (last month's extract after a sync pull) changes nothing. It
 * changes when a field differs, or when the file carries a newer version of the national side:
 * the held version is then kept and the record moves on to the file's version, or, when the file
 * says none or no newer one, to the next version, so a version number never means two contents.
 */
export function compareRecord(
  held: (PersonValues & { version: number }) | undefined,
  incoming: PersonValues,
  incomingVersion: number | null
): Comparison {
  return held ? compareHeld(held, incoming, incomingVersion) : { kind: 'new' }
}

/** compareRecord for a key the database holds. */
export function compareHeld(
  held: PersonValues & { version: number },
  incoming: PersonValues,
  incomingVersion: number | null
): Exclude<Comparison, { kind: 'new' }> {
  if (incomingVersion !== null && incomingVersion < held.version) return { kind: 'older' }
  const fields = changedFields(held, incoming)
  const newer = incomingVersion !== null && incomingVersion > held.version
  if (fields.length === 0 && !newer) return { kind: 'unchanged' }
  return { kind: 'changed', fields, version: newer ? incomingVersion : held.version + 1 }
}
