// The canonical person fields (DESIGN §3): one list that schema, importer, grid and i18n share.

export const PERSON_FIELDS = [
  'full_name',
  'family_name',
  'middle_name',
  'given_name',
  'dob',
  'dob_precision',
  'sex',
  'id_number',
  'legacy_id',
  'other_id',
  'residence',
  'residence_province_code',
  'residence_commune_code',
  'residence_scheme',
  'hometown',
  'ethnicity',
  'father_name',
  'mother_name',
  'spouse_name',
  'vital_status',
  'death_date'
] as const

export type PersonField = (typeof PERSON_FIELDS)[number]

export type DobPrecision = 'day' | 'month' | 'year'
export type Sex = 'M' | 'F'
export type VitalStatus = 'alive' | 'deceased'
export type AddressScheme = 'pre2025' | 'post2025'

/** A person as stored: every canonical field, null when the source did not carry it. */
export interface PersonRecord {
  full_name: string
  family_name: string | null
  middle_name: string | null
  given_name: string | null
  dob: string | null
  dob_precision: DobPrecision | null
  sex: Sex | null
  id_number: string | null
  legacy_id: string | null
  /** Any other identifier the register carries (BHYT card, passport, household book, foreign ID). */
  other_id: string | null
  residence: string | null
  residence_province_code: string | null
  residence_commune_code: string | null
  residence_scheme: AddressScheme | null
  hometown: string | null
  ethnicity: string | null
  father_name: string | null
  mother_name: string | null
  spouse_name: string | null
  vital_status: VitalStatus | null
  death_date: string | null
}

/**
 * Import kinds: the national population extract, and the local registers it is reconciled with.
 * 'registry' is a civil-status register extract of mixed events (the sample's registry.csv).
 */
export const SOURCE_KINDS = [
  'population',
  'registry',
  'birth',
  'death',
  'marriage',
  'residence',
  'id_card',
  'health_insurance',
  'generic'
] as const
export type SourceKind = (typeof SOURCE_KINDS)[number]

/** Columns the record grid may sort on (whitelisted: they reach SQL). */
export const SORTABLE_FIELDS = [
  'record_key',
  'full_name',
  'dob',
  'sex',
  'id_number',
  'residence',
  'vital_status'
] as const
export type SortableField = (typeof SORTABLE_FIELDS)[number]
