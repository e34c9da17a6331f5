// Header recognition: which canonical field each column holds, from its wording, fuzzy or exact.
import Fuse from 'fuse.js'
import type { Sex, SourceKind } from '../../shared/fields'
import type { Mapping, MappableField } from '../../shared/mapping'
import { foldKey } from '../normalize/text'
import { columnRef } from './column-ref'

/** Known header wordings, folded (no diacritics, lower case, punctuation as spaces). */
const COMMON: Partial<Record<MappableField, string[]>> = {
  record_key: [
    'rec id',
    'ma ho so',
    'ma ban ghi',
    'ma dinh danh ho so',
    'ma cong dan',
    'record key',
    'record id',
    'id',
    'key'
  ],
  row_no: ['stt', 'so thu tu', 'tt', 'no'],
  full_name: [
    'ho ten',
    'ho va ten',
    'ho ten day du',
    'ho ten cong dan',
    'ho chu dem ten',
    'ho chu dem va ten',
    'ho ten khai sinh',
    'ho va ten khai sinh',
    'full name',
    'name',
    'hoten'
  ],
  // "Họ và chữ đệm" beside "Tên": the family and middle names in one column, joined before the given name.
  family_name: [
    'ho',
    'ho va chu dem',
    'ho chu dem',
    'ho va ten dem',
    'ho ten dem',
    'ho dem',
    'ho va ten lot',
    'ho lot',
    'family name',
    'surname',
    'last name'
  ],
  middle_name: ['ten dem', 'ten lot', 'middle name'],
  given_name: ['ten', 'given name', 'first name', 'ten goi'],
  dob: [
    'ngay sinh',
    'ngay thang nam sinh',
    'ngay thang năm sinh',
    'nam sinh',
    'sinh ngay',
    'ngay sinh duong lich',
    'date of birth',
    'dob',
    'birth date',
    'birthdate'
  ],
  sex: ['gioi tinh', 'gioi', 'phai', 'sex', 'gender', 'nam nu'],
  id_any: [
    'so dinh danh cmnd',
    'so cccd cmnd',
    'cccd cmnd',
    'so cmnd cccd',
    'cmnd cccd',
    'so dinh danh ca nhan cmnd',
    'so dinh danh ca nhan cccd cmnd',
    'so dinh danh cccd cmnd',
    'so cccd cmnd ho chieu',
    'so cmnd cccd ho chieu',
    'so giay to',
    'so giay to tuy than',
    'giay to tuy than'
  ],
  id_number: [
    'so dinh danh',
    'so dinh danh ca nhan',
    'ma dinh danh',
    'ma dinh danh ca nhan',
    'ma so dinh danh',
    'so ddcn',
    'so cccd',
    'cccd',
    'so can cuoc',
    'can cuoc cong dan',
    'id number',
    'personal id',
    'national id'
  ],
  legacy_id: [
    'so cmnd',
    'cmnd',
    'so cmnd cu',
    'cmnd cu',
    'so cmt',
    'cmt',
    'so chung minh thu',
    'chung minh thu',
    'chung minh nhan dan',
    'so chung minh nhan dan',
    'legacy id'
  ],
  residence: [
    'noi thuong tru',
    'thuong tru',
    'dia chi thuong tru',
    'noi dktt',
    'dktt',
    'noi dang ky thuong tru',
    'noi dkhk thuong tru',
    'noi dkhktt',
    'noi dkhk',
    'dkhk thuong tru',
    'noi dang ky ho khau thuong tru',
    'ho khau thuong tru',
    'hktt',
    'dia chi',
    'noi o hien nay',
    'noi o hien tai',
    'noi o',
    'thuong tru tai',
    'dia chi noi o hien nay',
    'dia chi noi o hien tai',
    'dia chi cu tru',
    'cho o hien nay',
    'noi cu tru',
    'residence',
    'address'
  ],
  residence_street: [
    'so nha',
    'thon',
    'xom',
    'ap',
    'to dan pho',
    'thon xom',
    'thon to',
    'thon xom to',
    'khu pho',
    'khom',
    'ban',
    'street',
    'address line',
    'street address'
  ],
  residence_commune: [
    'xa',
    'phuong',
    'xa phuong',
    'phuong xa',
    'xa phuong thi tran',
    'phuong xa thi tran',
    'thi tran',
    'commune',
    'ward'
  ],
  residence_district: [
    'huyen',
    'quan',
    'quan huyen',
    'huyen quan',
    'huyen thi',
    'thi xa',
    'quan huyen thi xa',
    'huyen quan thi xa',
    'huyen thi xa',
    'district'
  ],
  residence_province: ['tinh', 'thanh pho', 'tinh thanh pho', 'tinh tp', 'province', 'city'],
  residence_province_code: ['ma tinh', 'province code'],
  residence_commune_code: ['ma xa', 'ma phuong xa', 'commune code', 'ward code'],
  hometown: ['que quan', 'nguyen quan', 'hometown'],
  ethnicity: ['dan toc', 'ethnicity'],
  father_name: [
    'ho ten cha',
    'ten cha',
    'ho va ten cha',
    'cha',
    'ho ten bo',
    'ho va ten bo',
    'ten bo',
    'bo',
    'father name',
    'father'
  ],
  mother_name: ['ho ten me', 'ten me', 'ho va ten me', 'me', 'mother name', 'mother'],
  spouse_name: [
    'ho ten vo chong',
    'ho va ten vo chong',
    'vo chong',
    'ho ten vo',
    'ho ten chong',
    'spouse name',
    'spouse'
  ],
  vital_status: ['tinh trang', 'tinh trang song chet', 'trang thai', 'vital status', 'status'],
  death_date: ['ngay mat', 'ngay chet', 'ngay tu vong', 'date of death', 'death date'],
  registration_number: ['so dang ky', 'so dk', 'so so', 'registration number'],
  event_date: ['ngay dang ky', 'ngay dk', 'registration date'],
  event_place: ['noi dang ky', 'registration place'],
  version: ['phien ban', 'version']
}

/** Wordings that mean a field only for one kind of register. */
const BY_KIND: Partial<Record<SourceKind, Partial<Record<MappableField, string[]>>>> = {
  // A register book's "Số" column is the entry's registration number.
  birth: {
    full_name: [
      'ho va ten nguoi duoc khai sinh',
      'ho ten nguoi duoc khai sinh',
      'ho chu dem ten nguoi duoc khai sinh',
      'ho chu dem ten nguoi duoc dang ky khai sinh',
      'ho va ten tre',
      'ho ten tre'
    ],
    event_place: ['noi sinh'],
    registration_number: ['so giay khai sinh', 'so khai sinh', 'so']
  },
  death: {
    full_name: [
      'ho va ten nguoi chet',
      'ho ten nguoi chet',
      'ho va ten nguoi da chet',
      'ho va ten nguoi mat',
      'ho ten nguoi mat',
      'ho chu dem ten nguoi chet',
      'ho chu dem ten nguoi da chet'
    ],
    death_date: ['ngay gio chet', 'ngay thang nam chet'],
    id_number: ['so dinh danh cua nguoi chet', 'so dinh danh nguoi chet'],
    event_place: ['noi chet', 'noi mat'],
    registration_number: ['so trich luc khai tu', 'so khai tu', 'so']
  },
  marriage: {
    full_name: ['ho ten chong', 'ho va ten chong'],
    dob: ['ngay sinh chong', 'nam sinh chong', 'ngay thang nam sinh chong'],
    spouse_name: ['ho ten vo', 'ho va ten vo', 'ho ten ben kia'],
    registration_number: ['so giay chung nhan ket hon', 'so']
  },
  residence: { residence: ['noi tam tru', 'dia chi tam tru', 'noi o'], event_date: ['ngay den'] },
  id_card: { event_date: ['ngay cap'], event_place: ['noi cap'] },
  health_insurance: {
    registration_number: ['ma the', 'ma the bhyt', 'so the bhyt', 'so the'],
    event_place: [
      'noi dang ky kcb',
      'noi kcb ban dau',
      'noi dk kcb ban dau',
      'noi dang ky kcb ban dau',
      'noi dang ky kham chua benh ban dau'
    ]
  }
}

/** Fold a header: accents off, punctuation, slashes and underscores to spaces. */
export function foldHeader(h: string): string {
  return foldKey(h.replace(/[_/\\.,;:()[\]-]/g, ' '))
}

interface Lexicon {
  exact: Map<string, MappableField>
  fuse: Fuse<{ word: string; field: MappableField }>
}

const lexicons = new Map<SourceKind, Lexicon>()

function lexicon(kind: SourceKind): Lexicon {
  let lex = lexicons.get(kind)
  if (lex) return lex
  const exact = new Map<string, MappableField>()
  const entries: { word: string; field: MappableField }[] = []
  // Kind-specific wordings first: they win over the common meaning.
  for (const table of [BY_KIND[kind] ?? {}, COMMON]) {
    for (const [field, words] of Object.entries(table) as [MappableField, string[]][]) {
      for (const w of words) {
        if (!exact.has(w)) exact.set(w, field)
        entries.push({ word: w, field })
      }
    }
  }
  const fuse = new Fuse(entries, {
    keys: ['word'],
    includeScore: true,
    threshold: 0.25,
    ignoreLocation: true
  })
  lex = { exact, fuse }
  lexicons.set(kind, lex)
  return lex
}

/** The field a header names, exactly or (for longer headers) by a close fuzzy match. */
export function recogniseHeader(header: string, kind: SourceKind): MappableField | null {
  // Data cells met while looking for the header row: long text and numbers are never headers.
  if (header.length > 60 || /^[\d\s./-]*$/.test(header)) return null
  const folded = foldHeader(header)
  if (folded === '') return null
  const lex = lexicon(kind)
  const exact = lex.exact.get(folded)
  if (exact) return exact
  // "Giới tính (Nam/Nữ)", "Ngày sinh (dd/mm/yyyy)": the words before the parenthesis name the field.
  if (header.includes('(')) {
    const bare = header.replace(/\([^)]*\)?/g, ' ')
    const field = bare.trim() === '' ? null : recogniseHeader(bare, kind)
    if (field) return field
  }
  // Short headers ("Ho", "Me") are only trusted when exact: fuzzy matching them is guesswork.
  if (folded.length < 6) return null
  const hit = lex.fuse.search(folded, { limit: 1 })[0]
  return hit && (hit.score ?? 1) <= 0.25 ? hit.item.field : null
}

/** More columns than any register has: such a "header" is broken data, not a table. */
export const MAX_COLUMNS = 1000

/** Pick the header row among the first rows: the one naming most fields (title rows name none). */
export function detectHeaderRow(rows: string[][], kind: SourceKind, maxScan = 30): number {
  let best = 0
  let bestScore = 0
  for (let i = 0; i < Math.min(rows.length, maxScan); i++) {
    const cells = rows[i]!.slice(0, MAX_COLUMNS)
    const fields = new Set(cells.map((h) => recogniseHeader(h, kind)).filter((f) => f !== null))
    if (fields.size > bestScore) {
      best = i
      bestScore = fields.size
    }
  }
  return best
}

/** Columns named in a mapping file: a header text (trimmed, case and accents ignored) or "#3". */
function findColumn(headers: string[], name: string): number {
  const pos = /^#(\d+)$/.exec(name.trim())
  if (pos) {
    const i = Number(pos[1]) - 1
    return i < headers.length ? i : -1
  }
  const exact = headers.findIndex((h) => h.trim() === name.trim())
  if (exact >= 0) return exact
  const folded = foldHeader(name)
  return headers.findIndex((h) => foldHeader(h) === folded)
}

export interface ColumnPlan {
  /** The field each column fills, or null. */
  columnFields: (MappableField | null)[]
  /** Columns of each field, in order (several are joined). */
  fieldColumns: Partial<Record<MappableField, number[]>>
  /** Columns named in the mapping that the file does not have. */
  unknownColumns: string[]
}

/**
 * Decide what each column holds: the mapping's explicit choices first, then recognised
 * headers for the rest. A field recognised in two columns keeps both only for the joinable
 * parts (address parts) and a header cell merged across columns; otherwise the first column wins.
 */
export function planColumns(headers: string[], kind: SourceKind, mapping?: Mapping): ColumnPlan {
  const columnFields: (MappableField | null)[] = headers.map(() => null)
  const explicit = new Set<MappableField>()
  const unknownColumns: string[] = []
  const assign = (field: MappableField, names: string | string[]): void => {
    explicit.add(field)
    for (const name of Array.isArray(names) ? names : [names]) {
      const i = findColumn(headers, name)
      if (i < 0) unknownColumns.push(name)
      else columnFields[i] = field
    }
  }
  const ignored = new Set<number>()
  for (const name of mapping?.ignore ?? []) {
    const i = findColumn(headers, name)
    if (i < 0) unknownColumns.push(name)
    else ignored.add(i)
  }
  if (mapping?.keyColumn) assign('record_key', mapping.keyColumn)
  for (const [field, names] of Object.entries(mapping?.fields ?? {}) as [
    MappableField,
    string | string[]
  ][]) {
    assign(field, names)
  }
  const taken = new Set(columnFields.filter((f) => f !== null))
  headers.forEach((h, i) => {
    if (columnFields[i] !== null || ignored.has(i)) return
    const field = recogniseHeader(h, kind)
    if (!field || explicit.has(field)) return
    // Address parts join. Two whole addresses ("Nơi thường trú", "Nơi tạm trú") are two
    // places, not one: the first column wins, as for any other field.
    const joinable = field.startsWith('residence_') && !field.endsWith('_code')
    // A header cell merged over adjacent columns (Họ và tên over family and given name) shows
    // the same text in each of them: the columns are one field's parts.
    const merged = i > 0 && columnFields[i - 1] === field && headers[i - 1] === h
    if (taken.has(field) && !joinable && !merged) return
    columnFields[i] = field
    taken.add(field)
  })
  // Saved as CSV, a header cell merged across columns keeps its text in the first cell only:
  // an empty header right after a name, date or sex column is that field's next part.
  for (let i = 1; i < headers.length; i++) {
    const prev = columnFields[i - 1]
    if (
      headers[i] === '' &&
      columnFields[i] === null &&
      !ignored.has(i) &&
      (prev === 'full_name' || prev === 'dob' || prev === 'sex') &&
      !explicit.has(prev)
    )
      columnFields[i] = prev
  }
  splitDate(headers, columnFields, explicit, ignored)
  const fieldColumns: Partial<Record<MappableField, number[]>> = {}
  columnFields.forEach((f, i) => {
    if (f) (fieldColumns[f] ??= []).push(i)
  })
  return { columnFields, fieldColumns, unknownColumns }
}

const DAY = new Set(['ngay sinh', 'ngay', 'day'])
const MONTH = new Set(['thang sinh', 'thang', 'month'])
const YEAR = new Set(['nam sinh', 'nam', 'year'])

/**
 * A birth date split over three columns side by side ("Ngày sinh", "Tháng sinh", "Năm sinh"):
 * all three are the date's parts, joined in order (parseDate reads "5 3 1990" and "1990").
 */
function splitDate(
  headers: string[],
  columnFields: (MappableField | null)[],
  explicit: Set<MappableField>,
  ignored: Set<number>
): void {
  if (explicit.has('dob')) return
  for (let i = 0; i + 2 < headers.length; i++) {
    if (
      DAY.has(foldHeader(headers[i]!)) &&
      MONTH.has(foldHeader(headers[i + 1]!)) &&
      YEAR.has(foldHeader(headers[i + 2]!)) &&
      ![i, i + 1, i + 2].some((c) => ignored.has(c))
    ) {
      for (let c = 0; c < columnFields.length; c++)
        if (columnFields[c] === 'dob') columnFields[c] = null
      columnFields[i] = columnFields[i + 1] = columnFields[i + 2] = 'dob'
      return
    }
  }
}

/** The mapping a plan amounts to, in mapping-file form (for profiles and --mapping files). */
export function planToMapping(headers: string[], plan: ColumnPlan, base?: Mapping): Mapping {
  const fields: Mapping['fields'] = {}
  for (const [field, cols] of Object.entries(plan.fieldColumns) as [MappableField, number[]][]) {
    // A repeated header names its first column only: the others are named by position.
    const names = cols.map((c) => columnRef(headers, c))
    fields[field] = names.length === 1 ? names[0]! : names
  }
  return { ...base, fields }
}

/** Labels of the parts under a header merged across columns. */
const PART_LABELS = new Set(
  'nam|nu|ngay|thang|ho|ten|ten dem|ten lot|ho dem|chu dem|ho va ten dem|ho va chu dem'.split('|')
)

/** Is column c one of several columns a single header (merged across) stands over? */
function isPart(headers: string[], columnFields: (MappableField | null)[], c: number): boolean {
  const h = headers[c] ?? ''
  if (h !== '' && (headers[c - 1] === h || headers[c + 1] === h)) return true
  const f = columnFields[c]
  return f != null && (columnFields[c - 1] === f || columnFields[c + 1] === f)
}

/**
 * Whether `values`, the row right under the header, is the header's second line: spreadsheet
 * headers often merge a cell down over two rows ("STT", "Họ và tên") and across columns whose
 * labels sit on the second row ("Ngày sinh" over "Nam" and "Nữ"). Its cells all stand under a
 * header merged across, except those repeating the cell above (merged down, as .xlsx shows
 * them); without such a repeat (a CSV keeps merged text once), its cells must all be labels.
 */
export function isHeaderContinuation(
  headers: string[],
  values: string[],
  columnFields: (MappableField | null)[] = []
): boolean {
  let repeats = 0
  let labels = 0
  let others = 0
  for (let c = 0; c < values.length; c++) {
    const v = values[c]!.trim()
    if (v === '') continue
    if (v === headers[c]) repeats++
    else if (!isPart(headers, columnFields, c)) return false
    else if (PART_LABELS.has(foldHeader(v))) labels++
    else others++
  }
  return repeats > 0 || (labels > 0 && others === 0)
}

/**
 * The sex each column stands for when a header's second line labels the columns under a merged
 * "Năm sinh" or "Giới tính" cell "Nam" and "Nữ" (the date, or a mark, is written in the column
 * of the person's sex). Null when the second line has no such labels.
 */
export function sexColumns(
  headers: string[],
  labels: string[],
  columnFields: (MappableField | null)[]
): (Sex | null)[] | null {
  let found = false
  const out = headers.map((_, c) => {
    const f = columnFields[c]
    if ((f !== 'dob' && f !== 'sex') || !isPart(headers, columnFields, c)) return null
    const label = foldHeader(labels[c] ?? '')
    const sex = label === 'nam' ? 'M' : label === 'nu' ? 'F' : null
    if (sex) found = true
    return sex
  })
  return found ? out : null
}

const TOTALS_LABELS = ['tong', 'cong', 'total']

/**
 * "Tổng cộng: 120", "Cộng 12 người", "Tổng số hộ: 50": a totals label under a list (folded name
 * key), not a person. Run on every row.
 */
export function isTotalsLabel(key: string): boolean {
  // Every label starts "to" or "co": most names are settled by two characters.
  const first = key.charCodeAt(0)
  if ((first !== 0x74 && first !== 0x63) || key.charCodeAt(1) !== 0x6f) return false
  for (const label of TOTALS_LABELS) {
    if (!key.startsWith(label)) continue
    if (key.length === label.length) return true
    if (key.charCodeAt(label.length) !== 0x20) return false
    if (key === 'tong cong' || key === 'tong so') return true
    // The label, then words with a count; a name such as "Tống Công Danh" has no digit.
    for (let i = label.length + 1; i < key.length; i++) {
      const c = key.charCodeAt(i)
      if (c >= 48 && c <= 57) return true
    }
    return false
  }
  return false
}
