// Header recognition: which canonical field a column holds, from its folded header text.
import type { PersonField } from '../../shared/fields'
import { foldKey } from '../normalize/text'

/** Fields an import can fill: the person fields plus the record key and the population version. */
export type ImportField =
  | Exclude<PersonField, 'dob_precision' | 'residence_scheme'>
  | 'record_key'
  | 'row_no'
  | 'id_any'
  | 'version'

/**
 * Known header wordings, folded (no diacritics, lower case). Issue 3 adds fuzzy matching;
 * this table is the exact core it falls back on.
 */
const SYNONYMS: Record<ImportField, string[]> = {
  record_key: ['rec id', 'ma ho so', 'ma ban ghi', 'ma dinh danh ho so', 'record key', 'id', 'key'],
  row_no: ['stt', 'so thu tu', 'tt'],
  full_name: ['ho ten', 'ho va ten', 'ho ten day du', 'full name', 'name', 'hoten'],
  family_name: ['ho', 'family name', 'surname', 'last name'],
  middle_name: ['ten dem', 'ten lot', 'middle name'],
  given_name: ['ten', 'given name', 'first name'],
  dob: ['ngay sinh', 'ngay thang nam sinh', 'nam sinh', 'date of birth', 'dob', 'birth date'],
  sex: ['gioi tinh', 'gioi', 'sex', 'gender'],
  id_number: [
    'so dinh danh',
    'so dinh danh ca nhan',
    'so cccd',
    'can cuoc',
    'id number',
    'personal id'
  ],
  legacy_id: ['so cmnd', 'cmnd', 'chung minh nhan dan', 'legacy id'],
  id_any: ['so dinh danh cmnd', 'so cccd cmnd', 'cccd cmnd', 'so giay to'],
  residence: ['noi thuong tru', 'thuong tru', 'dia chi', 'noi dktt', 'residence', 'address'],
  residence_province_code: ['ma tinh', 'province code'],
  residence_commune_code: ['ma xa', 'commune code'],
  hometown: ['que quan', 'hometown'],
  ethnicity: ['dan toc', 'ethnicity'],
  father_name: ['ho ten cha', 'ten cha', 'father name', 'father'],
  mother_name: ['ho ten me', 'ten me', 'mother name', 'mother'],
  spouse_name: ['ho ten vo chong', 'vo chong', 'spouse name', 'spouse'],
  vital_status: ['tinh trang', 'tinh trang song chet', 'vital status'],
  death_date: ['ngay mat', 'ngay chet', 'date of death', 'death date'],
  version: ['phien ban', 'version']
}

const LOOKUP = new Map<string, ImportField>()
for (const [field, words] of Object.entries(SYNONYMS) as [ImportField, string[]][]) {
  for (const w of words) LOOKUP.set(w, field)
}

/** Fold a header: accents off, punctuation and underscores to spaces. */
export function foldHeader(h: string): string {
  return foldKey(h.replace(/_/g, ' '))
}

export type HeaderMapping = Partial<Record<ImportField, number>>

/** Map header cells to fields; the first column wins when two headers name the same field. */
export function mapHeaders(headers: string[]): { mapping: HeaderMapping; unknown: string[] } {
  const mapping: HeaderMapping = {}
  const unknown: string[] = []
  headers.forEach((h, i) => {
    const field = LOOKUP.get(foldHeader(h))
    if (field && mapping[field] === undefined) mapping[field] = i
    else if (!field && h.trim() !== '') unknown.push(h)
  })
  return { mapping, unknown }
}
