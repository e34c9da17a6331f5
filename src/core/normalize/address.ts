// Addresses as clerks write them: levels, abbreviations, and old (pre-2025) names mapped to new communes.
import { buildAddressBook, type AddressTables } from '../sample/areas'
import { foldKey } from './text'

export interface ResolvedAddress {
  /** New (post-2025) province code, when known. */
  province: string | null
  /**
   * New commune codes the text can mean: one when resolved, several when an old commune was
   * split across new ones (ambiguous, not a mismatch), none when unknown.
   */
  communes: string[]
  /** Hamlet / group / quarter number or name, folded ("5", "ban cham"). */
  hamlet: string | null
  /** Written with the old three-level naming (huyện / quận still present). */
  oldNaming: boolean
  /** Written with clerk abbreviations (X., P., TP., TDP...). */
  abbreviated: boolean
}

const HAMLET =
  /^(thon|xom|ap|ban|khom|khoi|buon|bon|plei|soc|lang|cum|doi|to dan pho|tdp|to|kp|khu pho|tieu khu|khu|t)\b ?/
const WARD = /^(xa|phuong|thi tran|p|f|ph|x|tt)\b ?/
const DISTRICT = /^(huyen|quan|thi xa|thanh pho|tp|t p|tx|t x|h|q)\b ?/
const PROVINCE = /^(tinh|thanh pho|tp|t p|t)\b ?/
const ABBREV = /^(tdp|kp|t p|t|p|f|ph|x|tt|h|q|tx|tp)\b/

const PROVINCE_ALIASES: Record<string, string> = {
  hcm: 'ho chi minh',
  tphcm: 'ho chi minh',
  'tp hcm': 'ho chi minh',
  sg: 'ho chi minh',
  'sai gon': 'ho chi minh',
  hn: 'ha noi',
  'thua thien hue': 'hue',
  brvt: 'ba ria vung tau'
}

function strip(part: string, re: RegExp): string {
  return part.replace(re, '').trim()
}

function provinceName(part: string): string {
  const p = part.replace(/^tp ?hcm$/, 'hcm')
  const alias = PROVINCE_ALIASES[p]
  if (alias) return alias
  const s = strip(p, PROVINCE)
  return PROVINCE_ALIASES[s] ?? s
}

/** The lookup tables of resolveAddress, built once from the address package's tables. */
export interface AddressIndex {
  /** New province name → code. */
  provinces: Map<string, string>
  /** province code + '|' + ward name → new codes. */
  newWards: Map<string, string[]>
  /** old province + '|' + old district + '|' + old ward → new codes. */
  oldWards: Map<string, string[]>
  /** old province + '|' + old ward → new codes (the district left out). */
  oldWardsNoDistrict: Map<string, string[]>
  /** old province name → new province codes. */
  oldProvinces: Map<string, Set<string>>
  /** Resolved text after the hamlet part: households and villages repeat it. */
  cache: Map<string, ResolvedAddress | null>
}

function push(m: Map<string, string[]>, k: string, code: string): void {
  const list = m.get(k)
  if (!list) m.set(k, [code])
  else if (!list.includes(code)) list.push(code)
}

const built = new WeakMap<AddressTables, AddressIndex>()

/** Index the package's tables (the backend loads them; core stays free of the 4 MB file). */
export function addressIndex(tables: AddressTables): AddressIndex {
  const known = built.get(tables)
  if (known) return known
  const b: AddressIndex = {
    provinces: new Map(),
    newWards: new Map(),
    oldWards: new Map(),
    oldWardsNoDistrict: new Map(),
    oldProvinces: new Map(),
    cache: new Map()
  }
  const ab = buildAddressBook(tables)
  for (const p of ab.provinces) b.provinces.set(provinceName(foldKey(p.name)), p.code)
  for (const wards of ab.wardsByProvince.values()) {
    for (const w of wards) {
      push(b.newWards, w.province.code + '|' + strip(foldKey(w.name), WARD), w.code)
      for (const o of w.old) {
        const op = provinceName(foldKey(o.province))
        const od = strip(foldKey(o.district), DISTRICT)
        const ow = strip(foldKey(o.ward), WARD)
        push(b.oldWards, `${op}|${od}|${ow}`, w.code)
        push(b.oldWardsNoDistrict, `${op}|${ow}`, w.code)
        const set = b.oldProvinces.get(op) ?? new Set<string>()
        set.add(w.province.code)
        b.oldProvinces.set(op, set)
      }
    }
  }
  built.set(tables, b)
  return b
}

/** A folded address part with "P.1" / "F1" / "TDP.3" spelt as words: "p 1", "f 1", "tdp 3". */
function foldPart(s: string): string {
  return foldKey(s.replace(/([A-Za-zĐđ])\.(?=\S)/g, '$1. '))
    .replace(/^(p|f|q|t|kp|tdp)(\d)/, '$1 $2')
    .trim()
}

/** The hamlet of an address part ("Thôn 5" → "5", "TDP.3" → "3"); null when it is no hamlet. */
export function readHamlet(part: string): string | null {
  const first = foldPart(part)
  if (!HAMLET.test(first) || WARD.test(first)) return null
  return strip(first, HAMLET) || null
}

/** Read an address; unknown parts are kept out rather than guessed. */
export function resolveAddress(raw: string | null, b: AddressIndex): ResolvedAddress | null {
  if (!raw) return null
  // The hamlet is read apart, so the rest ("Xã A, Tỉnh B") is resolved once per commune.
  const comma = raw.indexOf(',')
  let hamlet: string | null = null
  let rest = raw
  let hamletAbbrev = false
  if (comma > 0) {
    const first = foldPart(raw.slice(0, comma))
    if (HAMLET.test(first) && !WARD.test(first)) {
      hamlet = strip(first, HAMLET) || null
      hamletAbbrev = ABBREV.test(first)
      rest = raw.slice(comma + 1)
    }
  }
  let r = b.cache.get(rest)
  if (r === undefined) {
    r = resolveRest(rest, b)
    if (b.cache.size > 200_000) b.cache.clear()
    b.cache.set(rest, r)
  }
  if (!r)
    return hamlet
      ? { province: null, communes: [], hamlet, oldNaming: false, abbreviated: hamletAbbrev }
      : null
  return { ...r, hamlet: hamlet ?? r.hamlet, abbreviated: r.abbreviated || hamletAbbrev }
}

function resolveRest(raw: string, b: AddressIndex): ResolvedAddress | null {
  const parts = raw
    .split(/[,;-]/)
    .map(foldPart)
    .filter((p) => p !== '')
  if (parts.length === 0) return null
  const abbreviated =
    parts.some((p) => ABBREV.test(p)) || /^(hcm|tphcm|tp hcm|sg)$/.test(parts.at(-1)!)
  const provName = provinceName(parts[parts.length - 1]!)
  let province = b.provinces.get(provName) ?? null
  const oldProv = b.oldProvinces.get(provName)
  const rest = parts.slice(0, -1)
  let hamlet: string | null = null
  if (rest.length > 0 && HAMLET.test(rest[0]!) && !WARD.test(rest[0]!)) {
    hamlet = strip(rest.shift()!, HAMLET) || null
  }
  let communes: string[] = []
  let oldNaming = false
  // Old naming: ward, district, province (the district level was abolished in 2025).
  if (rest.length >= 2 && (DISTRICT.test(rest[1]!) || !province)) {
    const ward = strip(rest[0]!, WARD)
    const district = strip(rest[1]!, DISTRICT)
    const hit =
      b.oldWards.get(`${provName}|${district}|${ward}`) ??
      b.oldWardsNoDistrict.get(`${provName}|${ward}`)
    if (hit) {
      communes = hit
      oldNaming = true
    }
  }
  if (communes.length === 0 && rest.length >= 1) {
    const ward = strip(rest[0]!, WARD)
    if (province) communes = b.newWards.get(province + '|' + ward) ?? []
    if (communes.length === 0 && oldProv) {
      const hit = b.oldWardsNoDistrict.get(`${provName}|${ward}`)
      if (hit) {
        communes = hit
        oldNaming = true
      }
    }
  }
  if (!province && communes.length > 0)
    province = communes[0]!.length ? provinceOf(b, communes) : null
  if (!province && oldProv && oldProv.size === 1) province = [...oldProv][0]!
  if (!province && oldProv) oldNaming = true
  return { province, communes, hamlet, oldNaming, abbreviated }
}

/** The new province of a set of new communes (they never straddle provinces in the mapping). */
function provinceOf(b: AddressIndex, communes: string[]): string | null {
  for (const [k, codes] of b.newWards) if (codes.includes(communes[0]!)) return k.split('|')[0]!
  return null
}
