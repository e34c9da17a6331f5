// The sample's file formats: headers and CSV lines of population.csv, registry.csv and truth.csv.
import type { RegistryEntry, SamplePerson } from './generator'

export const POPULATION_HEADER =
  'rec_id,ho_ten,ngay_sinh,gioi_tinh,so_dinh_danh,so_cmnd,noi_thuong_tru,ma_tinh,ma_xa,que_quan,' +
  'dan_toc,ho_ten_cha,ho_ten_me,ho_ten_vo_chong,tinh_trang,ngay_mat,phien_ban'

export const REGISTRY_HEADER =
  'STT,Mã hồ sơ,Họ và tên,Ngày sinh,Giới tính,Số định danh/CMND,Nơi thường trú,Quê quán,Dân tộc,' +
  'Họ tên cha,Họ tên mẹ,Tình trạng,Ngày mất'

/**
 * The answer key, one line per registry row: the population record it is (empty: none), the
 * planted errors (ERROR_TYPES names joined with |), and its look-alikes in the population file
 * (keys joined with |) with, position by position, their kind: twin, sibling or namesake.
 */
export const TRUTH_HEADER = 'registry_key,population_key,error_types,lookalike_keys,lookalike_kind'

/** RFC 4180: quote a field holding a comma, quote or line break, or edge spaces (kept as data). */
export function csvField(s: string): string {
  if (s === '') return s
  if (s.indexOf('"') >= 0) return '"' + s.replace(/"/g, '""') + '"'
  if (
    s.indexOf(',') >= 0 ||
    s.indexOf('\n') >= 0 ||
    s.indexOf('\r') >= 0 ||
    s.charCodeAt(0) === 32 ||
    s.charCodeAt(s.length - 1) === 32
  )
    return '"' + s + '"'
  return s
}

/**
 * One population.csv line, LF-terminated. Generated values are known to be safe (names and codes
 * hold no comma or quote; addresses always hold commas), so only addresses are quoted, unchecked.
 */
export function populationLine(p: SamplePerson): string {
  return (
    p.key +
    ',' +
    p.name +
    ',' +
    p.dob +
    (p.sex === 'M' ? ',Nam,' : ',Nữ,') +
    p.id12 +
    ',' +
    p.cmnd +
    ',"' +
    p.residence +
    '",' +
    p.ward.province.code +
    ',' +
    p.ward.code +
    ',"' +
    p.hometown +
    '",' +
    p.ethnicity +
    ',' +
    p.father +
    ',' +
    p.mother +
    ',' +
    p.spouse +
    (p.deceased ? ',Đã mất,' : ',Còn sống,') +
    p.deathDate +
    ',' +
    p.version +
    '\n'
  )
}

/** The registry key of the n-th registry row (1-based): HT-000001. */
export function registryKey(n: number): string {
  return 'HT-' + String(n).padStart(6, '0')
}

/** One registry.csv line, CRLF-terminated as the commune software writes it. */
export function registryLine(n: number, e: RegistryEntry): string {
  return (
    n +
    ',' +
    registryKey(n) +
    ',' +
    csvField(e.name) +
    ',' +
    e.dob +
    (e.sex === 'M' ? ',Nam,' : ',Nữ,') +
    e.id +
    ',' +
    csvField(e.residence) +
    ',' +
    csvField(e.hometown) +
    ',' +
    csvField(e.ethnicity) +
    ',' +
    csvField(e.father) +
    ',' +
    csvField(e.mother) +
    (e.deceased ? ',Đã mất,' : ',Còn sống,') +
    e.deathDate +
    '\r\n'
  )
}

/** One truth.csv line: which population record (if any) a registry row is, and why it is hard. */
export function truthLine(n: number, e: RegistryEntry): string {
  let keys = ''
  let kinds = ''
  for (let i = 0; i < e.lookalikes.length; i++) {
    const l = e.lookalikes[i]!
    keys += (i ? '|' : '') + l.key
    kinds += (i ? '|' : '') + l.kind
  }
  return (
    registryKey(n) +
    ',' +
    e.populationKey +
    ',' +
    e.errors.join('|') +
    ',' +
    keys +
    ',' +
    kinds +
    '\n'
  )
}
