// One extract row to a canonical person record: parse each field, collect warnings, decide rejection.
import type { PersonRecord, Sex, SourceKind } from '../../shared/fields'
import type { DateFormat } from '../../shared/mapping'
import type { ResolvedAddress } from '../normalize/address'
import { parseDate, type PartialDate } from '../normalize/date'
import { parseName, type NameParts } from '../normalize/name'
import {
  idConsistent,
  identifierKey,
  parseIdNumber,
  parseSex,
  parseVitalStatus
} from '../normalize/person'
import { cleanText, foldKey } from '../normalize/text'
import { isTotalsLabel, type ColumnPlan } from './headers'

export type RejectReason =
  | 'no_name'
  | 'bad_row'
  | 'no_key'
  | 'duplicate_key'
  | 'totals_row'
  | 'too_wide'
  | 'bad_cell'
  | 'unbalanced_quotes'
export type Warning =
  | 'bad_dob'
  | 'bad_sex'
  | 'bad_id'
  | 'id_inconsistent'
  | 'bad_death_date'
  | 'bad_event_date'
  | 'bad_version'
  | 'unknown_vital_status'
  | 'formula_cell'
  | 'extra_cells'
  | 'address_old_naming'
  | 'address_ambiguous'
  | 'address_unresolved'
  | 'no_name_kept'

export interface CanonicalRow extends PersonRecord {
  record_key: string | null
  name_key: string
  version: number | null
  registration_number: string | null
  event_date: string | null
  event_place: string | null
}

export type RowResult =
  { ok: true; record: CanonicalRow; warnings: Warning[] } | { ok: false; reasons: RejectReason[] }

export interface RowOptions {
  kind: SourceKind
  plan: ColumnPlan
  headerLength: number
  dateFormat?: DateFormat
  /** CSV rows must have exactly the header's cell count; spreadsheet rows may be ragged. */
  strictWidth: boolean
  /** The sex of the "Nam" and "Nữ" columns under a merged header (headers.ts sexColumns). */
  sexByColumn?: (Sex | null)[] | null
  /** Resolves residence text to administrative codes (post-2025 scheme); absent in pure tests. */
  resolveAddress?: (text: string) => ResolvedAddress | null
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30)

/** Dates as written, in the file's day/month order; Excel serial numbers (33239) too. */
export function parseDateCell(raw: string, order: DateFormat = 'dmy'): PartialDate | null {
  const s = raw.trim()
  // A fraction is a time of day (a date-time cell): the date is its whole part.
  if (/^\d{5}(\.\d+)?$/.test(s)) {
    const serial = Math.floor(Number(s))
    if (serial > 366 && serial < 73051) {
      return parseDate(new Date(EXCEL_EPOCH + serial * 86_400_000).toISOString().slice(0, 10))
    }
  }
  const m = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$/.exec(s)
  if (m && order === 'mdy') return parseDate(`${m[2]}/${m[1]}/${m[3]}`)
  if (m && order === 'ymd' && m[1]!.length === 4) return parseDate(`${m[1]}-${m[2]}-${m[3]}`)
  return parseDate(s)
}

/** Joined parts of a field: names with spaces, address parts with commas, empty parts skipped. */
function joined(values: string[], cols: number[] | undefined, sep = ' '): string {
  if (!cols) return ''
  // One column per field is the usual case: no list to build.
  if (cols.length === 1) return cleanText(values[cols[0]!] ?? '')
  const parts: string[] = []
  for (const c of cols) {
    const v = cleanText(values[c] ?? '')
    if (v !== '') parts.push(v)
  }
  return parts.join(sep)
}

/** joined() gives cleaned text: cleaning it again would only scan it again. */
const orNull = (s: string): string | null => (s === '' ? null : s)

/** Dates repeat across a file (a few tens of thousands of distinct birth dates): parse each once. */
const dateCache = new Map<string, PartialDate | null>()

function cachedDate(text: string, order: DateFormat | undefined): PartialDate | null {
  const key = order && order !== 'dmy' ? `${order}|${text}` : text
  let d = dateCache.get(key)
  if (d === undefined) {
    d = parseDateCell(text, order)
    if (dateCache.size >= 100_000) dateCache.clear()
    dateCache.set(key, d)
  }
  return d
}

function dateField(
  values: string[],
  cols: number[] | undefined,
  order: DateFormat | undefined,
  warning: Warning,
  warnings: Warning[]
): PartialDate | null {
  const text = joined(values, cols)
  if (text === '') return null
  const d = cachedDate(text, order)
  if (!d) warnings.push(warning)
  return d
}

/** The sex of the one "Nam"/"Nữ" column that holds something; null if none or both do. */
function markedSex(values: string[], byColumn: (Sex | null)[]): Sex | null {
  let sex: Sex | null = null
  for (let c = 0; c < byColumn.length; c++) {
    const s = byColumn[c]
    if (!s || (values[c] ?? '').trim() === '') continue
    if (sex && sex !== s) return null
    sex = s
  }
  return sex
}

const ID_FIELDS = ['id_any', 'id_number', 'legacy_id'] as const
/** Every column that may hold an identifier of the person, or a part of the address. */
const ID_COLUMNS = [...ID_FIELDS, 'other_id'] as const
const ADDRESS_COLUMNS = [
  'residence',
  'residence_street',
  'residence_commune',
  'residence_district',
  'residence_province'
] as const

function hasFormula(values: string[]): boolean {
  for (let i = 0; i < values.length; i++) if (values[i]!.charCodeAt(0) === 0x3d) return true
  return false
}

/** Name parts when one of the split name columns was empty. */
function splitParts(name: NameParts | null, missing: 'family' | 'given' | null): NameParts | null {
  if (!name || !missing) return name
  const words = name.full.split(' ')
  if (missing === 'given')
    return {
      ...name,
      family: words[0]!,
      middle: words.length > 1 ? words.slice(1).join(' ') : null,
      given: null
    }
  return {
    ...name,
    family: null,
    middle: words.length > 1 ? words.slice(0, -1).join(' ') : null,
    given: words[words.length - 1]!
  }
}

/**
 * A totals line under a list, in whichever column it was written ("Tổng cộng: 22 người" in the
 * STT column, a line of one cell): looked for only in rows that are already no person's, since
 * folding every cell of every row would cost the import dearly.
 */
function totalsIn(values: string[]): boolean {
  for (const v of values) if (v.trim() !== '' && isTotalsLabel(foldKey(v))) return true
  return false
}

/** Convert one row. Population extracts must carry their national record key. */
export function toCanonical(values: string[], o: RowOptions): RowResult {
  const { fieldColumns } = o.plan
  const warnings: Warning[] = []
  const broken = (): RowResult => ({
    ok: false,
    reasons: [totalsIn(values) ? 'totals_row' : 'bad_row']
  })
  if (values.length !== o.headerLength) {
    if (o.strictWidth && values.length < o.headerLength) return broken()
    // Extra cells: data beyond the header is kept in the raw row, never silently mapped.
    if (
      values.length > o.headerLength &&
      values.slice(o.headerLength).some((v) => v.trim() !== '')
    ) {
      if (o.strictWidth) return broken()
      warnings.push('extra_cells')
    }
  }
  const reasons: RejectReason[] = []

  let nameText = joined(values, fieldColumns.full_name)
  // Split name columns say which part is which: an empty given-name cell leaves the family name
  // alone (not its last word taken for the given name), and an empty family-name cell the reverse.
  let missingPart: 'family' | 'given' | null = null
  if (nameText === '') {
    const family = joined(values, fieldColumns.family_name)
    const given = joined(values, fieldColumns.given_name)
    nameText = [family, joined(values, fieldColumns.middle_name), given].join(' ')
    if (fieldColumns.given_name && given === '' && family !== '') missingPart = 'given'
    else if (fieldColumns.family_name && family === '' && given !== '') missingPart = 'family'
  }
  let name = splitParts(parseName(nameText), missingPart)
  // A row whose name was left out but that carries an identifier, or a birth date and an
  // address, still says who it is: it is kept (warned), and matched on what it carries. A totals
  // line never is.
  if (
    !name &&
    !totalsIn(values) &&
    (ID_COLUMNS.some((f) => joined(values, fieldColumns[f]) !== '') ||
      (cachedDate(joined(values, fieldColumns.dob), o.dateFormat) &&
        ADDRESS_COLUMNS.some((f) => joined(values, fieldColumns[f]) !== '')))
  ) {
    name = { full: '', family: null, middle: null, given: null, key: '' }
    warnings.push('no_name_kept')
  }
  if (!name) reasons.push(totalsIn(values) ? 'totals_row' : 'no_name')
  else if (name.key !== '' && isTotalsLabel(name.key)) reasons.push('totals_row')
  // "Tổng số | 22 người": the count landed in the name column; no one's name holds a digit.
  else if (/\d/.test(nameText) && totalsIn(values)) reasons.push('totals_row')
  const key = orNull(joined(values, fieldColumns.record_key))
  if (o.kind === 'population' && !key) reasons.push('no_key')
  if (!name || reasons.length > 0) return { ok: false, reasons }

  if (hasFormula(values)) warnings.push('formula_cell')

  const dob = dateField(values, fieldColumns.dob, o.dateFormat, 'bad_dob', warnings)

  const sexText = joined(values, fieldColumns.sex)
  let sex = parseSex(sexText)
  if (!sex && o.sexByColumn) sex = markedSex(values, o.sexByColumn)
  if (!sex && sexText !== '') warnings.push('bad_sex')

  let idNumber: string | null = null
  let legacyId: string | null = null
  // Identifiers of any other format are kept and compared, never dropped: a mapped `other_id`,
  // and an ID column holding neither a personal ID nor a CMND (warned, and kept as other_id).
  let otherId: string | null = orNull(joined(values, fieldColumns.other_id))
  for (const f of ID_FIELDS) {
    if (!fieldColumns[f]) continue
    const ids = parseIdNumber(joined(values, fieldColumns[f]))
    idNumber ??= ids.id_number
    legacyId ??= ids.legacy_id
    if (ids.unreadable) {
      if (!warnings.includes('bad_id')) warnings.push('bad_id')
      if (identifierKey(ids.unreadable) !== '') otherId ??= ids.unreadable
    }
  }
  if (idNumber && !idConsistent(idNumber, sex, dob ? Number(dob.iso.slice(0, 4)) : null)) {
    warnings.push('id_inconsistent')
  }

  const vitalText = joined(values, fieldColumns.vital_status)
  const vital = parseVitalStatus(vitalText)
  if (!vital && vitalText !== '') warnings.push('unknown_vital_status')
  const death = dateField(values, fieldColumns.death_date, o.dateFormat, 'bad_death_date', warnings)
  const event = dateField(values, fieldColumns.event_date, o.dateFormat, 'bad_event_date', warnings)

  const versionText = joined(values, fieldColumns.version)
  let version: number | null = null
  if (versionText !== '') {
    version = /^\d+$/.test(versionText) ? Number(versionText) : null
    if (version === null) warnings.push('bad_version')
  }

  const residence =
    joined(values, fieldColumns.residence, ', ') ||
    [
      joined(values, fieldColumns.residence_street),
      joined(values, fieldColumns.residence_commune),
      joined(values, fieldColumns.residence_district),
      joined(values, fieldColumns.residence_province)
    ]
      .filter((p) => p !== '')
      .join(', ')
  let communeCode = orNull(joined(values, fieldColumns.residence_commune_code))
  let provinceCode = orNull(joined(values, fieldColumns.residence_province_code))
  if (residence !== '' && !communeCode && o.resolveAddress) {
    // Old names (xã A, huyện B, tỉnh C) are mapped to the new units; a split commune stays ambiguous.
    const where = o.resolveAddress(residence)
    if (!where || (!where.province && where.communes.length === 0))
      warnings.push('address_unresolved')
    else {
      provinceCode ??= where.province
      if (where.communes.length === 1) communeCode = where.communes[0]!
      if (where.communes.length > 1) warnings.push('address_ambiguous')
      if (where.oldNaming) warnings.push('address_old_naming')
    }
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
      other_id: otherId,
      residence: orNull(residence),
      residence_province_code: provinceCode,
      residence_commune_code: communeCode,
      residence_scheme: communeCode || provinceCode ? 'post2025' : null,
      hometown: orNull(joined(values, fieldColumns.hometown)),
      ethnicity: orNull(joined(values, fieldColumns.ethnicity)),
      father_name: orNull(joined(values, fieldColumns.father_name)),
      mother_name: orNull(joined(values, fieldColumns.mother_name)),
      spouse_name: orNull(joined(values, fieldColumns.spouse_name)),
      vital_status: vital ?? (death || o.kind === 'death' ? 'deceased' : null),
      death_date: death?.iso ?? null,
      version,
      registration_number: orNull(joined(values, fieldColumns.registration_number)),
      event_date: event?.iso ?? null,
      event_place: orNull(joined(values, fieldColumns.event_place))
    }
  }
}
