// One extract row to a canonical person record: parse each field, collect warnings, decide rejection.
import type { PersonRecord } from '../../shared/fields'
import { parseDate } from '../normalize/date'
import { parseName } from '../normalize/name'
import { idConsistent, parseIdNumber, parseSex, parseVitalStatus } from '../normalize/person'
import { cleanText, textOrNull } from '../normalize/text'
import type { HeaderMapping, ImportField } from './headers'

export type RejectReason = 'no_name' | 'bad_row' | 'no_key'
export type Warning =
  | 'bad_dob'
  | 'bad_sex'
  | 'bad_id'
  | 'id_inconsistent'
  | 'bad_death_date'
  | 'bad_version'
  | 'unknown_vital_status'

export interface CanonicalRow extends PersonRecord {
  record_key: string | null
  name_key: string
  version: number | null
}

export type RowResult =
  { ok: true; record: CanonicalRow; warnings: Warning[] } | { ok: false; reasons: RejectReason[] }

function cell(values: string[], mapping: HeaderMapping, field: ImportField): string {
  const i = mapping[field]
  return i === undefined ? '' : (values[i] ?? '')
}

/** Convert one row. `requireKey` is set for population extracts, whose rows must carry their key. */
export function toCanonical(
  values: string[],
  mapping: HeaderMapping,
  headerLength: number,
  requireKey: boolean
): RowResult {
  if (values.length !== headerLength) {
    // A short or long row means a broken line (unescaped delimiter or newline): never guess.
    return { ok: false, reasons: ['bad_row'] }
  }
  const reasons: RejectReason[] = []
  const warnings: Warning[] = []
  const get = (f: ImportField): string => cell(values, mapping, f)

  let nameText = get('full_name')
  if (cleanText(nameText) === '') {
    nameText = [get('family_name'), get('middle_name'), get('given_name')].join(' ')
  }
  const name = parseName(nameText)
  if (!name) reasons.push('no_name')
  const key = textOrNull(get('record_key'))
  if (requireKey && !key) reasons.push('no_key')
  if (!name || reasons.length > 0) return { ok: false, reasons }

  const dobText = get('dob')
  const dob = parseDate(dobText)
  if (!dob && dobText.trim() !== '') warnings.push('bad_dob')

  const sexText = get('sex')
  const sex = parseSex(sexText)
  if (!sex && sexText.trim() !== '') warnings.push('bad_sex')

  let idNumber: string | null = null
  let legacyId: string | null = null
  for (const f of ['id_any', 'id_number', 'legacy_id'] as const) {
    const ids = parseIdNumber(get(f))
    idNumber ??= ids.id_number
    legacyId ??= ids.legacy_id
    if (ids.unreadable) warnings.push('bad_id')
  }
  if (idNumber && !idConsistent(idNumber, sex, dob ? Number(dob.iso.slice(0, 4)) : null)) {
    warnings.push('id_inconsistent')
  }

  const vitalText = get('vital_status')
  const vital = parseVitalStatus(vitalText)
  if (!vital && vitalText.trim() !== '') warnings.push('unknown_vital_status')
  const deathText = get('death_date')
  const death = parseDate(deathText)
  if (!death && deathText.trim() !== '') warnings.push('bad_death_date')

  const versionText = get('version').trim()
  let version: number | null = null
  if (versionText !== '') {
    version = /^\d+$/.test(versionText) ? Number(versionText) : null
    if (version === null) warnings.push('bad_version')
  }

  return {
    ok: true,
    warnings,
    record: {
      record_key: key,
      full_name: name.full,
      family_name: name.family,
      middle_name: name.middle,
      given_name: name.given,
      name_key: name.key,
      dob: dob?.iso ?? null,
      dob_precision: dob?.precision ?? null,
      sex,
      id_number: idNumber,
      legacy_id: legacyId,
      residence: textOrNull(get('residence')),
      residence_province_code: textOrNull(get('residence_province_code')),
      residence_commune_code: textOrNull(get('residence_commune_code')),
      residence_scheme: textOrNull(get('residence_commune_code')) ? 'post2025' : null,
      hometown: textOrNull(get('hometown')),
      ethnicity: textOrNull(get('ethnicity')),
      father_name: textOrNull(get('father_name')),
      mother_name: textOrNull(get('mother_name')),
      spouse_name: textOrNull(get('spouse_name')),
      vital_status: vital ?? (death ? 'deceased' : null),
      death_date: death?.iso ?? null,
      version
    }
  }
}
