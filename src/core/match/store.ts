// Compact record storage for linkage: interned syllables and values, one typed array per field.
import {
  readHamlet,
  resolveAddress,
  type AddressIndex,
  type ResolvedAddress
} from '../normalize/address'
import { identifierKey, idSexAndCentury } from '../normalize/person'
import { canonicalSyllable, COMPOUND_FAMILY, foldToken, phoneticToken } from '../normalize/vi-name'
import { cleanText, foldKey } from '../normalize/text'
import { repairTyping } from '../normalize/typing'

/** The columns linkage reads from population_record and source_record, in this order. */
export const MATCH_FIELDS = [
  'id',
  'record_key',
  'full_name',
  'dob',
  'dob_precision',
  'sex',
  'id_number',
  'legacy_id',
  'residence',
  'residence_province_code',
  'residence_commune_code',
  'hometown',
  'father_name',
  'mother_name',
  'vital_status',
  'name_parts',
  'other_id'
] as const

export type MatchRow = Record<(typeof MATCH_FIELDS)[number], string | number | null>

/** Bits of MatchRow.name_parts: the family name or the given name was not written. */
export const NO_FAMILY = 1
export const NO_GIVEN = 2

/** Computed columns: which name parts are empty, as one number (two strings cost more to read). */
const COMPUTED: Partial<Record<(typeof MATCH_FIELDS)[number], string>> = {
  name_parts: '(family_name IS NULL) + 2 * (given_name IS NULL) AS name_parts'
}

export const MATCH_COLUMNS = MATCH_FIELDS.map((f) => COMPUTED[f] ?? f).join(', ')

/** FNV-1a of a string. */
export function strHash(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return h | 0
}

/** A string ↔ small integer table. */
export class Interner {
  readonly map = new Map<string, number>()
  readonly list: string[] = []
  id(s: string): number {
    let v = this.map.get(s)
    if (v === undefined) {
      v = this.list.length
      this.list.push(s)
      this.map.set(s, v)
    }
    return v
  }
}

/**
 * Everything the records of one run share: syllables (as written, with canonical tone, folded,
 * and how they sound), parents' names, places. Values repeat across a district, so each is
 * normalised once.
 */
export class Lexicon {
  /** Syllables as written (lower case), and per syllable: tone form id, folded id. */
  readonly syl = new Interner()
  readonly sylTone: number[] = []
  readonly sylFold: number[] = []
  readonly sylMarked: number[] = []
  /** Folded without the i/y merge ("sy" stays "sy"): keyboard slips are measured on it. */
  readonly sylPlain: string[] = []
  readonly tones = new Interner()
  /** Folded syllables and per folded syllable its phonetic id. */
  readonly folds = new Interner()
  readonly foldPhon: number[] = []
  /** A hash of each folded syllable's text: the same in every worker (ids are not). */
  readonly foldHash: number[] = []
  readonly phons = new Interner()
  private readonly hamletParts = new Map<string, number>()
  private readonly rests = new Map<string, ResolvedAddress | null>()
  /** Hometown text → folded id, and its province. */
  readonly places = new Interner()
  readonly placeProvince: number[] = []
  private readonly rawPlaces = new Map<string, number>()
  /** Words of addresses no commune was found for (foreign or unreadable), and how many use each. */
  readonly addrWords = new Interner()
  readonly addrWordCount: number[] = []
  /** Province and commune codes, hamlets. */
  readonly codes = new Interner()
  readonly hamlets = new Interner()
  readonly book: AddressIndex | null

  constructor(book: AddressIndex | null) {
    this.book = book
  }

  syllable(word: string): number {
    const n = this.syl.list.length
    const id = this.syl.id(word)
    if (id === n) {
      const fold = foldToken(word)
      const f = this.folds.id(fold)
      if (f === this.foldPhon.length) {
        this.foldPhon.push(this.phons.id(phoneticToken(fold)))
        this.foldHash.push(strHash(fold))
      }
      this.sylTone.push(this.tones.id(canonicalSyllable(word)))
      this.sylFold.push(f)
      this.sylMarked.push(/[\u0080-\uffff]/.test(word) ? 1 : 0)
      this.sylPlain.push(foldKey(word))
    }
    return id
  }

  /** The hamlet id of an address's first part, or −2 when that part is not a hamlet. */
  hamletOf(part: string): number {
    let v = this.hamletParts.get(part)
    if (v === undefined) {
      const h = readHamlet(part)
      v = h === null ? -2 : this.hamlets.id(h)
      this.hamletParts.set(part, v)
    }
    return v
  }

  /** An address without its hamlet, resolved once per distinct text. */
  rest(text: string): ResolvedAddress | null {
    let v = this.rests.get(text)
    if (v === undefined) {
      v = this.book ? resolveAddress(text, this.book) : null
      if (this.rests.size > 100_000) this.rests.clear()
      this.rests.set(text, v)
    }
    return v
  }

  place(raw: string | null): number {
    if (!raw) return -1
    let v = this.rawPlaces.get(raw)
    if (v === undefined) {
      const n = this.places.list.length
      v = this.places.id(foldKey(raw))
      if (v === n) {
        const p = this.book ? resolveAddress(raw, this.book)?.province : null
        this.placeProvince.push(p ? this.codes.id(p) : -1)
      }
      this.rawPlaces.set(raw, v)
    }
    return v
  }

  foldOf(syllable: number): string {
    return this.folds.list[this.sylFold[syllable]!]!
  }
}

/** A hamlet written the short way: "TDP.3", "KP2", "T.3". */
const ABBREV_HAMLET = /^\s*(TDP|KP|T\.|Tổ\s*\d)/i

/** Bits of RecordStore.addr. */
export const ADDR_OLD = 1
export const ADDR_ABBREV = 2

function grow<T extends Int32Array | Uint8Array | Uint16Array | Float64Array>(a: T, n: number): T {
  if (n <= a.length) return a
  const b = new (a.constructor as new (n: number) => T)(n)
  b.set(a)
  return b
}

/** Records in columns. Positions are 0..size-1; dbId maps back to the table row. */
export class RecordStore {
  size = 0
  dbId = new Int32Array(16)
  keys: (string | null)[] = []
  tokStart = new Int32Array(17)
  toks = new Int32Array(64)
  /** Words of the family name at the start (0: none written), and whether a given name is. */
  famLen = new Uint8Array(16)
  givLen = new Uint8Array(16)
  marked = new Uint8Array(16)
  /** The name was typed with the Vietnamese keyboard off (Telex or VNI), and read back. */
  typed = new Uint8Array(16)
  y = new Uint16Array(16)
  m = new Uint8Array(16)
  d = new Uint8Array(16)
  /** 1 male, 2 female, 0 unknown. */
  sex = new Uint8Array(16)
  /** 1 alive, 2 deceased, 0 unknown. */
  vital = new Uint8Array(16)
  /** 12-digit ID and 9-digit CMND as numbers; NaN when absent. */
  id12 = new Float64Array(16)
  cmnd = new Float64Array(16)
  idBad = new Uint8Array(16)
  province = new Int32Array(16)
  /** First (usually only) commune; more of an ambiguous old address in `moreCommunes`. */
  commune = new Int32Array(16)
  readonly moreCommunes = new Map<number, number[]>()
  hamlet = new Int32Array(16)
  addr = new Uint8Array(16)
  /** Parents' names: folded syllables in `ptoks` from father/motherAt, a hash of them, a length. */
  ptoks = new Int32Array(64)
  pcount = 0
  father = new Int32Array(16)
  mother = new Int32Array(16)
  fatherAt = new Int32Array(16)
  motherAt = new Int32Array(16)
  fatherLen = new Uint8Array(16)
  motherLen = new Uint8Array(16)
  home = new Int32Array(16)
  /** Any other identifier: a hash of its letters and digits (0: none), and the text itself. */
  oid = new Int32Array(16)
  oidText: string[] = []
  /** Words of an address no commune was found for: `atoks` from atokAt, atokLen of them. */
  atoks = new Int32Array(64)
  acount = 0
  atokAt = new Int32Array(16)
  atokLen = new Uint8Array(16)

  constructor(
    readonly lex: Lexicon,
    /** Keep record keys in memory (the source side); the population side reads them later. */
    readonly keepKeys = false,
    /** Values come from the database, already cleaned by the import (NFC, spaces). */
    readonly trusted = false
  ) {}

  private ensure(n: number): void {
    if (n <= this.dbId.length) return
    const cap = Math.max(n, this.dbId.length * 2)
    this.dbId = grow(this.dbId, cap)
    this.tokStart = grow(this.tokStart, cap + 1)
    this.famLen = grow(this.famLen, cap)
    this.givLen = grow(this.givLen, cap)
    this.marked = grow(this.marked, cap)
    this.typed = grow(this.typed, cap)
    this.y = grow(this.y, cap)
    this.m = grow(this.m, cap)
    this.d = grow(this.d, cap)
    this.sex = grow(this.sex, cap)
    this.vital = grow(this.vital, cap)
    this.id12 = grow(this.id12, cap)
    this.cmnd = grow(this.cmnd, cap)
    this.idBad = grow(this.idBad, cap)
    this.province = grow(this.province, cap)
    this.commune = grow(this.commune, cap)
    this.hamlet = grow(this.hamlet, cap)
    this.addr = grow(this.addr, cap)
    this.father = grow(this.father, cap)
    this.mother = grow(this.mother, cap)
    this.fatherAt = grow(this.fatherAt, cap)
    this.motherAt = grow(this.motherAt, cap)
    this.fatherLen = grow(this.fatherLen, cap)
    this.motherLen = grow(this.motherLen, cap)
    this.home = grow(this.home, cap)
    this.oid = grow(this.oid, cap)
    this.atokAt = grow(this.atokAt, cap)
    this.atokLen = grow(this.atokLen, cap)
  }

  /** Reserve room for n records (avoids regrowing a million-row store). */
  reserve(n: number): void {
    this.ensure(n)
  }

  /** Add a record (one with no name too: its other fields are compared). */
  add(r: MatchRow): void {
    const lex = this.lex
    const name = typeof r.full_name === 'string' ? r.full_name : ''
    const i = this.size
    this.ensure(i + 1)
    let t = this.tokStart[i]!
    let words = (this.trusted ? name : cleanText(name)).toLowerCase().split(' ')
    // "Nguyeenx Vawn Hungf": the keyboard was off; read the name as it was meant.
    const repaired = repairTyping(words)
    this.typed[i] = repaired ? 1 : 0
    if (repaired) words = repaired
    let marked = 0
    for (const w of words) {
      if (w === '') continue
      const s = lex.syllable(w)
      if (lex.foldOf(s) === '') continue
      if (t >= this.toks.length) this.toks = grow(this.toks, this.toks.length * 2)
      this.toks[t++] = s
      marked |= lex.sylMarked[s]!
    }
    const count = t - this.tokStart[i]!
    // A row with no name at all is matched on what else it carries (the import keeps it only
    // when that includes an identifier); its name weighs nothing either way.
    this.tokStart[i + 1] = t
    const st = this.tokStart[i]!
    let fam = count <= 1 ? 0 : 1
    if (
      count >= 3 &&
      COMPOUND_FAMILY.has(lex.foldOf(this.toks[st]!) + ' ' + lex.foldOf(this.toks[st + 1]!))
    )
      fam = 2
    // Split name columns tell a missing part: "Waller" with no given name is a family name.
    let giv = count === 0 ? 0 : 1
    const parts = typeof r.name_parts === 'number' ? r.name_parts : 0
    if (parts === NO_GIVEN) {
      giv = 0
      fam = Math.min(count, Math.max(fam, 1))
    } else if (parts === NO_FAMILY) fam = 0
    this.famLen[i] = fam
    this.givLen[i] = giv
    this.marked[i] = marked
    this.dbId[i] = Number(r.id)
    if (this.keepKeys) this.keys[i] = r.record_key == null ? null : String(r.record_key)

    const dob = typeof r.dob === 'string' ? r.dob : ''
    const y = dob.length >= 4 ? Number(dob.slice(0, 4)) || 0 : 0
    this.y[i] = y
    this.m[i] = dob.length >= 7 ? Number(dob.slice(5, 7)) || 0 : 0
    this.d[i] = dob.length >= 10 ? Number(dob.slice(8, 10)) || 0 : 0
    const sex = r.sex === 'M' ? 1 : r.sex === 'F' ? 2 : 0
    this.sex[i] = sex
    this.vital[i] = r.vital_status === 'alive' ? 1 : r.vital_status === 'deceased' ? 2 : 0
    const id12 = typeof r.id_number === 'string' && r.id_number !== '' ? r.id_number : null
    this.id12[i] = id12 ? Number(id12) : NaN
    this.cmnd[i] = typeof r.legacy_id === 'string' && r.legacy_id !== '' ? Number(r.legacy_id) : NaN
    let bad = 0
    if (id12) {
      const sc = idSexAndCentury(id12)
      if (!sc) bad = 1
      else if (sex && (sc.sex === 'M' ? 1 : 2) !== sex) bad = 1
      else if (y && sc.century + Number(id12.slice(4, 6)) !== y) bad = 1
    }
    this.idBad[i] = bad

    let province = -1
    let commune = -1
    let hamlet = -1
    let addr = 0
    const residence = typeof r.residence === 'string' ? r.residence : null
    const communeCode =
      typeof r.residence_commune_code === 'string' ? r.residence_commune_code : null
    const provinceCode =
      typeof r.residence_province_code === 'string' ? r.residence_province_code : null
    if (residence) {
      // "Thôn 5, Xã A, Tỉnh B": the hamlet apart, the rest resolved once per commune.
      const comma = residence.indexOf(',')
      let rest = residence
      if (comma > 0) {
        const h = lex.hamletOf(residence.slice(0, comma))
        if (h >= 0) {
          hamlet = h
          rest = residence.slice(comma + 1)
        }
      }
      const a = lex.rest(rest)
      if (a) {
        if (a.province) province = lex.codes.id(a.province)
        if (a.communes.length) commune = lex.codes.id(a.communes[0]!)
        if (a.communes.length > 1)
          this.moreCommunes.set(
            i,
            a.communes.slice(1).map((c) => lex.codes.id(c))
          )
        else this.moreCommunes.delete(i)
        if (hamlet < 0 && a.hamlet) hamlet = lex.hamlets.id(a.hamlet)
        addr = (a.oldNaming ? ADDR_OLD : 0) | (a.abbreviated ? ADDR_ABBREV : 0)
      }
      if (hamlet >= 0 && comma > 0 && ABBREV_HAMLET.test(residence.slice(0, comma)))
        addr |= ADDR_ABBREV
    }
    // Stored codes win over the text: the national side resolved them.
    if (communeCode) {
      commune = lex.codes.id(communeCode)
      this.moreCommunes.delete(i)
    }
    if (provinceCode) province = lex.codes.id(provinceCode)
    this.province[i] = province
    this.commune[i] = commune
    this.hamlet[i] = hamlet
    this.addr[i] = addr
    const f = this.parent(typeof r.father_name === 'string' ? r.father_name : null)
    this.fatherAt[i] = f.at
    this.fatherLen[i] = f.len
    this.father[i] = f.hash
    const m = this.parent(typeof r.mother_name === 'string' ? r.mother_name : null)
    this.motherAt[i] = m.at
    this.motherLen[i] = m.len
    this.mother[i] = m.hash
    this.home[i] = lex.place(typeof r.hometown === 'string' ? r.hometown : null)
    const oid = typeof r.other_id === 'string' ? identifierKey(r.other_id) : ''
    this.oid[i] = oid === '' ? 0 : strHash(oid) || 1
    this.oidText[i] = oid
    // An address that names no known commune (a foreign one, or a place the tables lack): its
    // words are compared instead.
    this.atokAt[i] = this.acount
    let alen = 0
    if (residence && commune < 0) {
      for (const w of foldKey(residence).split(' ')) {
        if (w === '' || alen === 255) continue
        const n = lex.addrWords.list.length
        const id = lex.addrWords.id(w)
        if (id === n) lex.addrWordCount.push(0)
        lex.addrWordCount[id]!++
        if (this.acount >= this.atoks.length) this.atoks = grow(this.atoks, this.atoks.length * 2)
        this.atoks[this.acount++] = id
        alen++
      }
    }
    this.atokLen[i] = alen
    this.size = i + 1
  }

  /** Store a parent's folded syllables; the hash makes equality one integer comparison. */
  private parent(raw: string | null): { at: number; len: number; hash: number } {
    const at = this.pcount
    if (!raw) return { at, len: 0, hash: 0 }
    const lex = this.lex
    let hash = 0x3243f6a8
    let len = 0
    for (const w of (this.trusted ? raw : cleanText(raw)).toLowerCase().split(' ')) {
      if (w === '') continue
      const f = lex.sylFold[lex.syllable(w)]!
      if (lex.folds.list[f] === '' || len === 255) continue
      if (this.pcount >= this.ptoks.length) this.ptoks = grow(this.ptoks, this.ptoks.length * 2)
      this.ptoks[this.pcount++] = f
      hash = Math.imul(hash ^ lex.foldHash[f]!, 0x5bd1e995) ^ (hash >>> 13)
      len++
    }
    return { at, len, hash: hash | 0 }
  }

  /** Add a row read as an array in MATCH_FIELDS order. */
  addRaw(values: readonly unknown[]): void {
    const row = scratch
    for (let k = 0; k < MATCH_FIELDS.length; k++)
      row[MATCH_FIELDS[k]!] = values[k] as string | number | null
    this.add(row)
  }

  tokens(i: number): Int32Array {
    return this.toks.subarray(this.tokStart[i], this.tokStart[i + 1])
  }

  /** Folded id of the given name (the last word; −1 when none) and of the family name's first word. */
  givenFold(i: number): number {
    if (this.givLen[i] === 0) return -1
    return this.lex.sylFold[this.toks[this.tokStart[i + 1]! - 1]!]!
  }

  familyFold(i: number): number {
    if (this.famLen[i] === 0) return -1
    return this.lex.sylFold[this.toks[this.tokStart[i]!]!]!
  }

  /** Every commune this record's address can mean. */
  communes(i: number): number[] {
    const c = this.commune[i]!
    if (c < 0) return []
    const more = this.moreCommunes.get(i)
    return more ? [c, ...more] : [c]
  }

  /** The folded full name (for term frequencies and display). */
  foldedName(i: number): string {
    let s = ''
    const st = this.tokStart[i]!
    const en = this.tokStart[i + 1]!
    for (let t = st; t < en; t++) s += (t > st ? ' ' : '') + this.lex.foldOf(this.toks[t]!)
    return s
  }

  /** The name as written (lower case). */
  writtenName(i: number): string {
    const out: string[] = []
    for (const t of this.tokens(i)) out.push(this.lex.syl.list[t]!)
    return out.join(' ')
  }
}

const scratch = {} as MatchRow
