// Synthetic people in households and the registry rows copied from them, in bounded blocks.
import type { AddressBook, Province, Ward } from './areas'
import {
  ERROR_TYPES,
  REF_ISO,
  abbreviateAddress,
  dobOneDigit,
  flipTonePlacement,
  hasDiacritics,
  idOneDigit,
  isoToDmy,
  shiftIso,
  stripDiacritics,
  typo,
  type ErrorType
} from './entry-errors'
import {
  ETHNIC_NAMES,
  GIVEN_FEMALE,
  GIVEN_MALE,
  MIDDLE_FEMALE,
  MIDDLE_MALE,
  REGIONAL_VARIANTS,
  ethnicMix,
  kinhFamilyNames,
  regionOf,
  type Region
} from './names'
import { Rng, Selection, Weighted } from './prng'

export type Sex = 'M' | 'F'
export type LookalikeKind = 'twin' | 'sibling' | 'namesake'

/** A synthetic person. `key` is empty for people who are not in the population file. */
export interface SamplePerson {
  key: string
  family: string
  /** Empty when the person has no middle name. */
  middle: string
  given: string
  name: string
  sex: Sex
  /** 'yyyy-mm-dd', or 'yyyy' when only the year is known. */
  dob: string
  year: number
  id12: string
  cmnd: string
  /** Old (63-province) code of the province where the birth was registered. */
  birthProvince: string
  ward: Ward
  hamlet: string
  residence: string
  hometown: string
  ethnicity: string
  father: string
  mother: string
  spouse: string
  deceased: boolean
  /** 'yyyy-mm-dd' or empty. */
  deathDate: string
  version: number
  /** Children of the same couple in the population file, this person included. */
  siblings: SamplePerson[] | null
  /** Twins share a non-zero group number. */
  twinGroup: number
  /** Planted namesakes in the population file (same full name, another person). */
  namesakes: SamplePerson[] | null
  /** While building: the person this one was named after. */
  namedAfter: SamplePerson | null
}

export interface Lookalike {
  key: string
  kind: LookalikeKind
}

/** A registry row as the commune's software exports it, with what the truth file says about it. */
export interface RegistryEntry {
  name: string
  /** dd/mm/yyyy, mm/yyyy or yyyy. */
  dob: string
  sex: Sex
  /** The 12-digit ID, the 9-digit CMND, or empty. */
  id: string
  residence: string
  hometown: string
  ethnicity: string
  father: string
  mother: string
  deceased: boolean
  /** dd/mm/yyyy or empty. */
  deathDate: string
  populationKey: string
  errors: ErrorType[]
  lookalikes: Lookalike[]
}

/** Where a person lives and comes from. */
interface Home {
  ward: Ward
  hamlet: string
  /** Computed from ward and hamlet when not given (households share one string). */
  residence?: string
  hometown: string
  ethnicity: string
  birthProvince: string
}

export interface SampleBlock {
  population: SamplePerson[]
  registry: RegistryEntry[]
}

export interface SampleConfig {
  population: number
  registry: number
  seed: number
}

/** Share of registry rows with no counterpart in the population file. */
export const OUTSIDER_SHARE = 0.13
/**
 * People per block: namesakes are planted within a block, registry rows shuffled within it. Small
 * blocks keep what survives each garbage collection small (measured: a third less GC than 2000).
 */
const BLOCK_PEOPLE = 500
const REF_YEAR = Number(REF_ISO.slice(0, 4))
const REF_MONTH = Number(REF_ISO.slice(5, 7))

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n

/** '000' to '999': zero-padded numbers without number-to-string conversions, by the million. */
const DIGITS3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'))

function pad6(n: number): string {
  return DIGITS3[Math.floor(n / 1000)]! + DIGITS3[n % 1000]!
}

function daysIn(year: number, month: number): number {
  return month === 2
    ? (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
      ? 29
      : 28
    : month === 4 || month === 6 || month === 9 || month === 11
      ? 30
      : 31
}

/** "-mm-dd" for month * 32 + day: dates are made by the million. */
const MONTH_DAY: string[] = []
for (let m = 1; m <= 12; m++)
  for (let d = 1; d <= 31; d++) MONTH_DAY[m * 32 + d] = `-${pad2(m)}-${pad2(d)}`

function fullName(family: string, middle: string, given: string): string {
  return middle ? `${family} ${middle} ${given}` : `${family} ${given}`
}

function populationKey(n: number): string {
  return n < 10_000_000 ? 'DC' + String(Math.floor(n / 1_000_000)) + pad6(n % 1_000_000) : 'DC' + n
}

/** Probability of having died by the reference date, by year of birth. */
function mortality(year: number): number {
  const age = REF_YEAR - year
  if (age < 50) return 0.004
  if (age < 65) return 0.04
  if (age < 75) return 0.14
  if (age < 85) return 0.35
  return 0.65
}

const ERROR_WEIGHTS: Record<ErrorType, number> = {
  strip_diacritics: 10,
  tone_placement: 15,
  typo: 10,
  drop_middle: 6,
  regional_variant: 8,
  swap_day_month: 7,
  year_only: 4,
  month_year: 3,
  dob_one_digit: 5,
  lunar_offset: 3,
  old_address: 12,
  abbrev_address: 10,
  missing_id: 7,
  cmnd_only: 3,
  id_one_digit: 4,
  missing_parents: 6,
  case_noise: 5,
  extra_spaces: 4,
  deceased_mismatch: 2
}

const BIT = Object.fromEntries(ERROR_TYPES.map((t, i) => [t, 1 << i])) as Record<ErrorType, number>

/** Errors that touch the same field in incompatible ways: at most one of each group per row. */
const ERROR_GROUP: Partial<Record<ErrorType, number>> = {
  strip_diacritics: 1,
  tone_placement: 1,
  swap_day_month: 2,
  year_only: 2,
  month_year: 2,
  dob_one_digit: 2,
  lunar_offset: 2,
  old_address: 3,
  abbrev_address: 3,
  missing_id: 4,
  cmnd_only: 4,
  id_one_digit: 4
}

const ERROR_COUNT = new Weighted<number>([
  [0, 30],
  [1, 35],
  [2, 22],
  [3, 13]
])

const VERSION = new Weighted<number>([
  [1, 50],
  [2, 25],
  [3, 13],
  [4, 8],
  [5, 4]
])

/** Birth years of heads of household: a population pyramid seen through its parents. */
const FATHER_YEAR = new Weighted<[number, number]>([
  [[1936, 1950], 8],
  [[1951, 1965], 22],
  [[1966, 1980], 32],
  [[1981, 1992], 26],
  [[1993, 2001], 12]
])

interface EraPicker {
  old: Weighted<string>
  young: Weighted<string>
}

function era(list: readonly (readonly [string, number, number])[]): EraPicker {
  return {
    old: new Weighted(list.map(([n, o]) => [n, o] as const)),
    young: new Weighted(list.map(([n, , y]) => [n, y] as const))
  }
}

const MIDDLE_M = era(MIDDLE_MALE)
const MIDDLE_F = era(MIDDLE_FEMALE)
const GIVEN_M = era(GIVEN_MALE)
const GIVEN_F = era(GIVEN_FEMALE)

/** Name pickers of one ethnic group (null: the Kinh lists by era). */
interface NameKit {
  family: Weighted<string>
  middleMale: Weighted<string> | null
  middleFemale: Weighted<string> | null
  givenMale: readonly string[] | null
  givenFemale: readonly string[] | null
}

export class SampleGenerator {
  readonly province: Province
  /** The communes of the sample area. */
  readonly wards: Ward[]
  readonly matchedCount: number
  readonly outsiderCount: number

  private readonly cfg: SampleConfig
  private readonly rp: Rng
  private readonly rs: Rng
  private readonly re: Rng
  private readonly ro: Rng
  private readonly matched: Selection
  private readonly outsiders: Selection
  private readonly region: Region
  private readonly wardPick: Weighted<Ward>
  private readonly hamletWord = new Map<string, string>()
  private readonly hamletCount = new Map<string, number>()
  private readonly provinceWards: Ward[]
  private readonly allWards: Ward[]
  private readonly ethnicity: Weighted<string>
  private readonly kinhKit: NameKit
  private readonly kits = new Map<string, NameKit>()
  /** Serials handed out per ID group (birth province × sex/century digit × year): flat memory. */
  private readonly idCounters = new Int32Array(100 * 6 * 100)
  private readonly cmndCounters = new Int32Array(100)
  /** The first six digits of each ID group, made once. */
  private readonly idHeads: (string | undefined)[] = new Array<string | undefined>(100 * 6 * 100)
  /** Outsiders count apart, so the population file never depends on the registry size. */
  private readonly outIdCounters = new Int32Array(100 * 6 * 100)
  private readonly outCmndCounters = new Int32Array(100)
  private readonly idOffset: number
  private produced = 0
  private twinGroups = 0
  private pool: SamplePerson[] = []

  constructor(cfg: SampleConfig, book: AddressBook) {
    if (!Number.isInteger(cfg.population) || cfg.population < 0)
      throw new RangeError('population must be a whole number ≥ 0')
    if (!Number.isInteger(cfg.registry) || cfg.registry < 0 || cfg.registry > cfg.population)
      throw new RangeError('registry must be a whole number between 0 and population')
    this.cfg = cfg
    const seed = cfg.seed | 0
    // Separate streams: the population file depends on (seed, population) only.
    this.rp = new Rng(seed, 1)
    this.rs = new Rng(seed, 2)
    this.re = new Rng(seed, 3)
    this.ro = new Rng(seed, 4)
    this.outsiderCount = Math.round(cfg.registry * OUTSIDER_SHARE)
    this.matchedCount = cfg.registry - this.outsiderCount
    this.matched = new Selection(cfg.population, this.matchedCount, this.rs)
    this.outsiders = new Selection(cfg.population, this.outsiderCount, this.rs)
    this.idOffset = this.rp.int(1_000_000)

    this.province = this.rp.pick(book.provinces)
    this.provinceWards = book.wardsByProvince.get(this.province.code) ?? []
    this.allWards = book.provinces.flatMap((p) => book.wardsByProvince.get(p.code) ?? [])
    // About one commune per 8,000 people, neighbours by code (codes follow the old districts).
    const sorted = [...this.provinceWards].sort((a, b) => a.code.localeCompare(b.code))
    const k = Math.min(sorted.length, Math.max(2, Math.ceil(cfg.population / 8000)))
    const start = this.rp.int(sorted.length)
    this.wards = Array.from({ length: k }, (_, i) => sorted[(start + i) % sorted.length]!)
    this.wardPick = new Weighted(this.wards.map((w) => [w, 0.5 + this.rp.next()] as const))
    this.region = regionOf(this.province.code)
    // Hamlet naming is fixed up front, so registry-only people never shift the population stream.
    for (const w of this.wards) this.hamlet(w, this.rp)
    this.ethnicity = new Weighted(ethnicMix(this.province.code))
    this.kinhKit = {
      family: new Weighted(kinhFamilyNames(this.region)),
      middleMale: null,
      middleFemale: null,
      givenMale: null,
      givenFemale: null
    }
    for (const [eth, names] of Object.entries(ETHNIC_NAMES)) {
      this.kits.set(eth, {
        family: new Weighted(names.family),
        middleMale: names.middleMale ? new Weighted(names.middleMale) : null,
        middleFemale: names.middleFemale ? new Weighted(names.middleFemale) : null,
        givenMale: names.givenMale ?? null,
        givenFemale: names.givenFemale ?? null
      })
    }
  }

  /** The next block of people and registry rows; null when the population is complete. */
  next(): SampleBlock | null {
    if (this.produced >= this.cfg.population) return null
    const population: SamplePerson[] = []
    const registry: RegistryEntry[] = []
    this.pool = []
    while (population.length < BLOCK_PEOPLE && this.produced < this.cfg.population) {
      const members = this.household()
      const room = this.cfg.population - this.produced
      const accepted = members.length > room ? members.slice(0, room) : members
      const children = accepted.filter((p) => p.siblings !== null)
      for (const c of children) c.siblings = children
      for (const p of accepted) {
        p.key = populationKey(++this.produced)
        if (p.namedAfter) {
          const other = p.namedAfter
          ;(p.namesakes ??= []).push(other)
          ;(other.namesakes ??= []).push(p)
          p.namedAfter = null
        }
        population.push(p)
        this.pool.push(p)
      }
    }
    // Registry rows are decided once the block's relations (siblings, namesakes) are known.
    for (const p of population) {
      if (this.matched.take()) registry.push(this.entry(p, p.key, populationLookalikes(p)))
      if (this.outsiders.take()) {
        const { person, lookalikes } = this.outsider(p)
        registry.push(this.entry(person, '', lookalikes))
      }
    }
    this.rs.shuffle(registry)
    return { population, registry }
  }

  // ---- people ------------------------------------------------------------------------------

  private kit(ethnicity: string): NameKit {
    return this.kits.get(ethnicity) ?? this.kinhKit
  }

  private familyName(kit: NameKit, r: Rng): string {
    return kit.family.pick(r)
  }

  private middleName(sex: Sex, year: number, kit: NameKit, r: Rng): string {
    const own = sex === 'M' ? kit.middleMale : kit.middleFemale
    if (own) return own.pick(r)
    if (year >= 1990 && r.chance(0.01)) return ''
    const young = year <= 1975 ? 0 : year >= 1995 ? 1 : (year - 1975) / 20
    const picker = sex === 'M' ? MIDDLE_M : MIDDLE_F
    return (r.next() < young ? picker.young : picker.old).pick(r)
  }

  private givenName(sex: Sex, year: number, kit: NameKit, r: Rng): string {
    const own = sex === 'M' ? kit.givenMale : kit.givenFemale
    if (own && r.chance(0.7)) return r.pick(own)
    const young = year <= 1970 ? 0 : year >= 1995 ? 1 : (year - 1970) / 25
    const picker = sex === 'M' ? GIVEN_M : GIVEN_F
    return (r.next() < young ? picker.young : picker.old).pick(r)
  }

  /** The full name of someone who is only named (a parent or spouse outside the file). */
  private nameOnly(sex: Sex, year: number, kit: NameKit, family: string | null, r: Rng): string {
    return fullName(
      family ?? this.familyName(kit, r),
      this.middleName(sex, year, kit, r),
      this.givenName(sex, year, kit, r)
    )
  }

  private randomIso(year: number, r: Rng): string {
    const month = 1 + r.int(year === REF_YEAR ? REF_MONTH : 12)
    const day = 1 + r.int(daysIn(year, month))
    return String(year) + MONTH_DAY[month * 32 + day]!
  }

  /** Old people's birth dates are often year-only, or the 1 January placeholder. */
  private dobFor(year: number, r: Rng): string {
    if (year < 1950 && r.chance(0.22)) return String(year)
    if (year < 1960 && r.chance(0.03)) return String(year)
    if (year < 1960 && r.chance(0.1)) return `${year}-01-01`
    return this.randomIso(year, r)
  }

  private hamlet(ward: Ward, r: Rng): string {
    let word = this.hamletWord.get(ward.code)
    let count = this.hamletCount.get(ward.code) ?? 0
    if (word === undefined) {
      const phuong = ward.name.startsWith('Phường')
      if (phuong) word = this.region === 'south' ? 'Khu phố' : 'Tổ dân phố'
      else if (this.region === 'south') word = 'Ấp'
      else if (this.region === 'north' && r.chance(0.3)) word = r.chance(0.5) ? 'Xóm' : 'Bản'
      else word = 'Thôn'
      count = 4 + r.int(18)
      this.hamletWord.set(ward.code, word)
      this.hamletCount.set(ward.code, count)
    }
    return `${word} ${1 + r.int(count)}`
  }

  /** A 12-digit ID: birth province, sex/century digit, 2-digit year, 6 digits unique in the group. */
  private id12(prefix: string, sex: Sex, year: number, outsider: boolean): string {
    const centuryDigit = (year >= 2000 ? 2 : 0) + (sex === 'F' ? 1 : 0)
    const yy = year % 100
    const group = (Number(prefix) * 6 + centuryDigit) * 100 + yy
    const counters = outsider ? this.outIdCounters : this.idCounters
    const n = counters[group]!
    counters[group] = n + 1
    // Population and outsiders draw from disjoint halves (even and odd serials): no clash.
    const serial =
      ((n * 2 + (outsider ? 1 : 0)) * 738_457 + this.idOffset + scramble(group)) % 1_000_000
    const head = (this.idHeads[group] ??= '0' + prefix + centuryDigit + pad2(yy))
    return head + pad6(serial)
  }

  private cmnd(prefix: string, outsider: boolean): string {
    // The old 9-digit card: a 2-digit issuing-province prefix; no sex or year inside.
    const head = 10 + ((Number(prefix) * 7) % 89)
    const counters = outsider ? this.outCmndCounters : this.cmndCounters
    const n = counters[head]!
    counters[head] = n + 1
    const serial =
      ((n * 2 + (outsider ? 1 : 0)) * 7_384_571 + this.idOffset + scramble(head)) % 10_000_000
    return String(head) + String(Math.floor(serial / 1_000_000)) + pad6(serial % 1_000_000)
  }

  private newPerson(
    sex: Sex,
    year: number,
    names: { family: string; middle: string; given: string },
    home: Home,
    parents: { father: string; mother: string },
    r: Rng,
    outsider = false,
    dob?: string
  ): SamplePerson {
    const d = dob ?? this.dobFor(year, r)
    const deceased = r.chance(mortality(year))
    let deathDate = ''
    if (deceased) {
      const from = Math.min(
        REF_YEAR,
        Math.max(year + 1, 1990, year + Math.floor((REF_YEAR - year) / 2))
      )
      deathDate = this.randomIso(from + r.int(REF_YEAR - from + 1), r)
    }
    const deathYear = deceased ? Number(deathDate.slice(0, 4)) : REF_YEAR
    // Personal IDs came with the national database (2016–2021): long-dead people rarely have one.
    const hasId12 = deceased && deathYear < 2016 ? r.chance(0.3) : !(year < 1970 && r.chance(0.015))
    const adultBy2016 = year <= 2002
    const hasCmnd = !hasId12 || (adultBy2016 && year < 1995 && r.chance(0.55))
    const p: SamplePerson = {
      key: '',
      family: names.family,
      middle: names.middle,
      given: names.given,
      name: fullName(names.family, names.middle, names.given),
      sex,
      dob: d,
      year,
      id12: hasId12 ? this.id12(home.birthProvince, sex, year, outsider) : '',
      cmnd: hasCmnd && adultBy2016 ? this.cmnd(home.birthProvince, outsider) : '',
      birthProvince: home.birthProvince,
      ward: home.ward,
      hamlet: home.hamlet,
      residence: home.residence ?? home.hamlet + ', ' + home.ward.label,
      hometown: home.hometown,
      ethnicity: home.ethnicity,
      father: parents.father,
      mother: parents.mother,
      spouse: '',
      deceased,
      deathDate,
      version: VERSION.pick(r),
      siblings: null,
      twinGroup: 0,
      namesakes: null,
      namedAfter: null
    }
    return p
  }

  /** Someone of the block with this sex, about this age (and this family name), to be named after. */
  private namesakeSource(sex: Sex, year: number, family: string | null): SamplePerson | null {
    if (this.pool.length === 0) return null
    for (let i = 0; i < 8; i++) {
      const c = this.pool[this.rp.int(this.pool.length)]!
      if (c.sex !== sex || Math.abs(c.year - year) > 6) continue
      if (family !== null && c.family !== family) continue
      return c
    }
    return null
  }

  /** Where someone comes from: mostly the area's province, sometimes anywhere in the country. */
  private origin(
    localWard: Ward,
    migrant: boolean,
    r: Rng
  ): { hometown: string; birthProvince: string } {
    const w = migrant
      ? r.pick(this.allWards)
      : r.chance(0.6)
        ? localWard
        : r.pick(this.provinceWards)
    return { hometown: w.label, birthProvince: r.pick(w.old).provinceCode }
  }

  private household(): SamplePerson[] {
    const r = this.rp
    const ward = this.wardPick.pick(r)
    const hamlet = this.hamlet(ward, r)
    const residence = hamlet + ', ' + ward.label
    const eth = this.ethnicity.pick(r)
    const kit = this.kit(eth)
    const local = r.pick(ward.old).provinceCode
    const kind = r.next()
    const members: SamplePerson[] = []

    if (kind < 0.05) {
      // An elderly widow living alone; her husband is named as spouse.
      const year = r.range(1928, 1960)
      const o = this.origin(ward, r.chance(0.2), r)
      const w = this.newPerson(
        'F',
        year,
        {
          family: this.familyName(kit, r),
          middle: this.middleName('F', year, kit, r),
          given: this.givenName('F', year, kit, r)
        },
        {
          ward,
          hamlet,
          residence,
          hometown: o.hometown,
          ethnicity: eth,
          birthProvince: o.birthProvince
        },
        this.parentsOf(year, kit, null, r),
        r
      )
      w.spouse = this.nameOnly('M', year - 3, kit, null, r)
      return [w]
    }

    // A couple, with children born to them and sometimes the husband's parents.
    const [lo, hi] = FATHER_YEAR.pick(r)
    let fYear = r.range(lo, hi)
    const fo = this.origin(ward, r.chance(0.15), r)
    let fFamily = this.familyName(kit, r)
    let fMiddle = this.middleName('M', fYear, kit, r)
    let fGiven = this.givenName('M', fYear, kit, r)
    const fSource = r.chance(0.04) ? this.namesakeSource('M', fYear, null) : null
    if (fSource) {
      fFamily = fSource.family
      fMiddle = fSource.middle
      fGiven = fSource.given
      fYear = Math.min(2001, fSource.year + r.range(-2, 2))
    }
    const withGrandparents = fYear >= 1965 && r.chance(0.22)
    const gfYear = fYear - r.range(22, 34)
    const gmYear = gfYear + r.range(0, 6)
    const gfName = this.nameOnly('M', gfYear, kit, fFamily, r)
    const gmName = this.nameOnly('F', gmYear, kit, null, r)
    const father = this.newPerson(
      'M',
      fYear,
      { family: fFamily, middle: fMiddle, given: fGiven },
      {
        ward,
        hamlet,
        residence,
        hometown: fo.hometown,
        ethnicity: eth,
        birthProvince: fo.birthProvince
      },
      { father: gfName, mother: gmName },
      r
    )
    father.namedAfter = fSource

    const mYear = Math.min(2003, fYear + r.range(-2, 7))
    const mo = this.origin(ward, r.chance(0.3), r)
    const mEth = r.chance(0.9) ? eth : this.ethnicity.pick(r)
    const mKit = this.kit(mEth)
    let mFamily = this.familyName(mKit, r)
    let mMiddle = this.middleName('F', mYear, mKit, r)
    let mGiven = this.givenName('F', mYear, mKit, r)
    const mSource = r.chance(0.03) ? this.namesakeSource('F', mYear, null) : null
    if (mSource) {
      mFamily = mSource.family
      mMiddle = mSource.middle
      mGiven = mSource.given
    }
    const mother = this.newPerson(
      'F',
      mYear,
      { family: mFamily, middle: mMiddle, given: mGiven },
      {
        ward,
        hamlet,
        residence,
        hometown: mo.hometown,
        ethnicity: mEth,
        birthProvince: mo.birthProvince
      },
      this.parentsOf(mYear, mKit, mFamily, r),
      r
    )
    mother.namedAfter = mSource
    father.spouse = mother.name
    mother.spouse = father.name
    // Now and then one parent lives elsewhere (separated): only the other is in the household.
    const stays = r.chance(0.06) ? (r.chance(0.7) ? 'mother' : 'father') : 'both'
    if (stays !== 'both') {
      father.spouse = ''
      mother.spouse = ''
    }
    if (withGrandparents) {
      const gf = this.newPerson(
        'M',
        gfYear,
        { family: fFamily, ...splitName(gfName, fFamily) },
        {
          ward,
          hamlet,
          residence,
          hometown: fo.hometown,
          ethnicity: eth,
          birthProvince: fo.birthProvince
        },
        this.parentsOf(gfYear, kit, fFamily, r),
        r
      )
      const gmFamily = gmName.split(' ')[0]!
      const gm = this.newPerson(
        'F',
        gmYear,
        { family: gmFamily, ...splitName(gmName, gmFamily) },
        { ward, hamlet, residence, ...this.origin(ward, false, r), ethnicity: eth },
        this.parentsOf(gmYear, kit, gmFamily, r),
        r
      )
      gf.spouse = gm.name
      gm.spouse = gf.name
      members.push(gf, gm)
    }
    if (stays !== 'mother') members.push(father)
    if (stays !== 'father') members.push(mother)

    // Children: more in older generations, spaced one to five years, now and then twins.
    const wanted =
      mYear < 1960
        ? r.range(3, 6)
        : mYear < 1980
          ? r.range(1, 4)
          : mYear < 2000
            ? r.range(1, 3)
            : r.range(0, 2)
    let year = mYear + r.range(19, 29)
    const children: SamplePerson[] = []
    const usedGiven = new Set<string>()
    const childHome: Home = {
      ward,
      hamlet,
      residence,
      hometown: father.hometown,
      ethnicity: eth,
      birthProvince: local
    }
    const childParents = { father: father.name, mother: mother.name }
    while (children.length < wanted && year <= REF_YEAR && year - mYear <= 44) {
      const twins = r.chance(0.025) ? 2 : 1
      const dob = this.dobFor(year, r)
      const group = twins > 1 ? ++this.twinGroups : 0
      for (let t = 0; t < twins; t++) {
        const sex: Sex = r.chance(0.51) ? 'M' : 'F'
        let middle = this.middleName(sex, year, kit, r)
        if (year >= 1995 && r.chance(0.08) && mFamily !== fFamily)
          middle = `${mFamily} ${middle}`.trim()
        let given = this.givenName(sex, year, kit, r)
        for (let k = 0; k < 6 && usedGiven.has(given); k++)
          given = this.givenName(sex, year, kit, r)
        let source: SamplePerson | null = null
        if (r.chance(0.015)) {
          source = this.namesakeSource(sex, year, fFamily)
          if (source && source.name !== father.name && source.name !== mother.name) {
            middle = source.middle
            given = source.given
          } else source = null
        }
        usedGiven.add(given)
        const child = this.newPerson(
          sex,
          year,
          { family: fFamily, middle, given },
          childHome,
          childParents,
          r,
          false,
          dob
        )
        child.siblings = children
        child.twinGroup = group
        child.namedAfter = source
        children.push(child)
      }
      year += r.range(1, 5)
    }
    // Grown children have often left to found their own household (generated as such).
    for (const c of children) if (REF_YEAR - c.year < 28 || r.chance(0.35)) members.push(c)
    return members
  }

  /** Names of someone's parents; for the very old often unknown. */
  private parentsOf(
    year: number,
    kit: NameKit,
    family: string | null,
    r: Rng
  ): { father: string; mother: string } {
    if (year < 1945 && r.chance(0.5)) return { father: '', mother: '' }
    return {
      father: this.nameOnly('M', year - r.range(20, 35), kit, family, r),
      mother: this.nameOnly('F', year - r.range(18, 30), kit, null, r)
    }
  }

  // ---- people outside the population file ------------------------------------------------

  private outsider(anchor: SamplePerson): { person: SamplePerson; lookalikes: Lookalike[] } {
    const r = this.ro
    const aKit = this.kit(anchor.ethnicity)
    let kind = r.next()
    const hasParents = anchor.father !== '' || anchor.mother !== ''
    if (kind < 0.4 && !hasParents) kind = 0.5
    const otherWard = (): Ward => (r.chance(0.5) ? anchor.ward : r.pick(this.wards))

    if (kind < 0.4) {
      // A twin (same birth date) or a sibling of a population person, not in the file themself.
      const twin = kind < 0.15
      const sex: Sex = r.chance(0.5) ? 'M' : 'F'
      const year = twin
        ? anchor.year
        : Math.min(REF_YEAR, Math.max(1925, anchor.year + (r.chance(0.5) ? 1 : -1) * r.range(1, 8)))
      const middle =
        sex === anchor.sex && r.chance(0.6) ? anchor.middle : this.middleName(sex, year, aKit, r)
      const taken = new Set((anchor.siblings ?? [anchor]).map((s) => s.given))
      let given = this.givenName(sex, year, aKit, r)
      for (let k = 0; k < 8 && taken.has(given); k++) given = this.givenName(sex, year, aKit, r)
      if (taken.has(given)) given = sex === 'M' ? 'Khải' : 'Khuê'
      const ward = otherWard()
      const person = this.newPerson(
        sex,
        year,
        { family: anchor.family, middle, given },
        {
          ward,
          hamlet: ward === anchor.ward && r.chance(0.6) ? anchor.hamlet : this.hamlet(ward, r),
          hometown: anchor.hometown,
          ethnicity: anchor.ethnicity,
          birthProvince: anchor.birthProvince
        },
        { father: anchor.father, mother: anchor.mother },
        r,
        true,
        twin ? anchor.dob : undefined
      )
      const lookalikes: Lookalike[] = [{ key: anchor.key, kind: twin ? 'twin' : 'sibling' }]
      for (const s of anchor.siblings ?? []) {
        if (s === anchor) continue
        const sameBirth = twin && anchor.twinGroup !== 0 && s.twinGroup === anchor.twinGroup
        lookalikes.push({ key: s.key, kind: sameBirth ? 'twin' : 'sibling' })
      }
      return { person, lookalikes }
    }

    if (kind < 0.65) {
      // A namesake: same full name and sex, about the same age, other parents.
      const year = Math.min(REF_YEAR, anchor.year + r.range(-3, 3))
      const ward = otherWard()
      const o = this.origin(ward, r.chance(0.2), r)
      const person = this.newPerson(
        anchor.sex,
        year,
        { family: anchor.family, middle: anchor.middle, given: anchor.given },
        { ward, hamlet: this.hamlet(ward, r), ethnicity: anchor.ethnicity, ...o },
        this.parentsOf(year, aKit, anchor.family, r),
        r,
        true
      )
      // Keep the birth dates apart: a namesake born the same day is not what this case tests.
      for (let k = 0; k < 4 && person.dob === anchor.dob; k++) person.dob = this.randomIso(year, r)
      return { person, lookalikes: [{ key: anchor.key, kind: 'namesake' }] }
    }

    // Someone unrelated: born, married or died here, but not in this population extract.
    const year = r.range(1930, REF_YEAR)
    const sex: Sex = r.chance(0.5) ? 'M' : 'F'
    const eth = this.ethnicity.pick(r)
    const kit = this.kit(eth)
    const ward = r.pick(this.wards)
    const family = this.familyName(kit, r)
    const o = this.origin(ward, r.chance(0.25), r)
    const person = this.newPerson(
      sex,
      year,
      {
        family,
        middle: this.middleName(sex, year, kit, r),
        given: this.givenName(sex, year, kit, r)
      },
      { ward, hamlet: this.hamlet(ward, r), ethnicity: eth, ...o },
      this.parentsOf(year, kit, family, r),
      r,
      true
    )
    return { person, lookalikes: [] }
  }

  // ---- registry rows -----------------------------------------------------------------------

  private entry(p: SamplePerson, key: string, lookalikes: Lookalike[]): RegistryEntry {
    const r = this.re
    const dayPrecision = p.dob.length === 10
    const day = dayPrecision ? Number(p.dob.slice(8, 10)) : 0
    const month = dayPrecision ? Number(p.dob.slice(5, 7)) : 0
    let mask = 0
    const k = ERROR_COUNT.pick(r)
    if (k > 0) {
      let candidates = applicableErrors(p, key !== '', dayPrecision, day, month)
      for (let i = 0; i < k && candidates.length > 0; i++) {
        let total = 0
        for (const c of candidates) total += ERROR_WEIGHTS[c]
        let x = r.next() * total
        let t = candidates[candidates.length - 1]!
        for (const c of candidates) {
          x -= ERROR_WEIGHTS[c]
          if (x < 0) {
            t = c
            break
          }
        }
        mask |= BIT[t]
        const g = ERROR_GROUP[t]
        candidates = candidates.filter((c) => c !== t && (g === undefined || ERROR_GROUP[c] !== g))
      }
    }

    // Name: structural changes first, spelling next, then the whole-string noise.
    let family = p.family
    let middle = p.middle
    let given = p.given
    if ((mask & BIT.drop_middle) !== 0) middle = ''
    if ((mask & BIT.regional_variant) !== 0) family = REGIONAL_VARIANTS[family]!
    if ((mask & BIT.tone_placement) !== 0) {
      const slots: ('f' | 'm' | 'g')[] = []
      if (flipTonePlacement(family)) slots.push('f')
      if (middle.split(' ').some((t) => flipTonePlacement(t))) slots.push('m')
      if (flipTonePlacement(given)) slots.push('g')
      const s = slots.length ? r.pick(slots) : null
      if (s === 'f') family = flipTonePlacement(family)!
      else if (s === 'm')
        middle = middle
          .split(' ')
          .map((t) => flipTonePlacement(t) ?? t)
          .join(' ')
      else if (s === 'g') given = flipTonePlacement(given)!
      else mask &= ~BIT.tone_placement // its only syllable went with the dropped middle name
    }
    if ((mask & BIT.typo) !== 0) {
      // Without diacritics a wrong tone would vanish: only letter slips then.
      const ascii = (mask & BIT.strip_diacritics) !== 0
      const before = fullName(family, middle, given)
      const x = r.next()
      if (x < 0.55 || !middle) given = typo(given, r, ascii)
      else if (x < 0.8) {
        const parts = middle.split(' ')
        const i = r.int(parts.length)
        parts[i] = typo(parts[i]!, r, ascii)
        middle = parts.join(' ')
      } else family = typo(family, r, ascii)
      if (fullName(family, middle, given) === before) mask &= ~BIT.typo
    }
    let name = fullName(family, middle, given)
    if ((mask & BIT.strip_diacritics) !== 0) name = stripDiacritics(name)
    if ((mask & BIT.case_noise) !== 0) name = name.toUpperCase()
    if ((mask & BIT.extra_spaces) !== 0) {
      const gaps: number[] = []
      for (let i = 0; i < name.length; i++) if (name[i] === ' ') gaps.push(i)
      const g = r.pick(gaps)
      name = name.slice(0, g) + (r.chance(0.7) ? '  ' : '   ') + name.slice(g + 1)
      if (r.chance(0.3)) name += ' '
    }

    // Date of birth.
    let dob = isoToDmy(p.dob)
    if ((mask & BIT.swap_day_month) !== 0) dob = `${pad2(month)}/${pad2(day)}/${p.dob.slice(0, 4)}`
    else if ((mask & BIT.year_only) !== 0) dob = p.dob.slice(0, 4)
    else if ((mask & BIT.month_year) !== 0) dob = `${p.dob.slice(5, 7)}/${p.dob.slice(0, 4)}`
    else if ((mask & BIT.lunar_offset) !== 0) dob = isoToDmy(shiftIso(p.dob, r.range(20, 50)))
    else if ((mask & BIT.dob_one_digit) !== 0) {
      const changed = dobOneDigit(dob, r)
      if (changed) dob = changed
      else mask &= ~BIT.dob_one_digit
    }

    // Residence.
    let residence = p.residence
    if ((mask & BIT.old_address) !== 0) {
      const u = r.pick(p.ward.old)
      residence = `${p.hamlet}, ${u.ward}, ${u.district}, ${u.province}`
    } else if ((mask & BIT.abbrev_address) !== 0)
      residence = abbreviateAddress(p.hamlet, p.ward.name, p.ward.province.name, r)

    // Identity number.
    let id = p.id12 || p.cmnd
    if ((mask & BIT.missing_id) !== 0) id = ''
    else if ((mask & BIT.cmnd_only) !== 0) id = p.cmnd
    else if ((mask & BIT.id_one_digit) !== 0) id = idOneDigit(p.id12, r)

    const noParents = (mask & BIT.missing_parents) !== 0
    let deceased = p.deceased
    let deathDate = p.deathDate ? isoToDmy(p.deathDate) : ''
    if ((mask & BIT.deceased_mismatch) !== 0) {
      deceased = true
      deathDate = isoToDmy(this.recentDeath(r))
    }

    return {
      name,
      dob,
      sex: p.sex,
      id,
      residence,
      hometown: p.hometown,
      ethnicity: p.ethnicity,
      father: noParents ? '' : p.father,
      mother: noParents ? '' : p.mother,
      deceased,
      deathDate,
      populationKey: key,
      errors: mask === 0 ? [] : ERROR_TYPES.filter((t) => (mask & BIT[t]) !== 0),
      lookalikes
    }
  }

  /** A death registered after the population snapshot was taken. */
  private recentDeath(r: Rng): string {
    const year = r.chance(0.5) ? 2024 : REF_YEAR
    return this.randomIso(year, r)
  }
}

/** The error types that can visibly change this person's row. */
function applicableErrors(
  p: SamplePerson,
  inPopulation: boolean,
  dayPrecision: boolean,
  day: number,
  month: number
): ErrorType[] {
  const out: ErrorType[] = []
  for (const t of ERROR_TYPES) {
    let ok = true
    switch (t) {
      case 'strip_diacritics':
        ok = hasDiacritics(p.name)
        break
      case 'tone_placement':
        ok =
          flipTonePlacement(p.family) !== null ||
          flipTonePlacement(p.given) !== null ||
          (p.middle !== '' && p.middle.split(' ').some((m) => flipTonePlacement(m) !== null))
        break
      case 'drop_middle':
        ok = p.middle !== ''
        break
      case 'regional_variant':
        ok = REGIONAL_VARIANTS[p.family] !== undefined
        break
      case 'swap_day_month':
        ok = dayPrecision && day <= 12 && day !== month
        break
      case 'year_only':
      case 'month_year':
      case 'dob_one_digit':
      case 'lunar_offset':
        ok = dayPrecision
        break
      case 'missing_id':
        ok = p.id12 !== '' || p.cmnd !== ''
        break
      case 'cmnd_only':
        ok = p.id12 !== '' && p.cmnd !== ''
        break
      case 'id_one_digit':
        ok = p.id12 !== ''
        break
      case 'missing_parents':
        ok = p.father !== '' || p.mother !== ''
        break
      case 'deceased_mismatch':
        ok = inPopulation && !p.deceased && p.year <= 1975
        break
    }
    if (ok) out.push(t)
  }
  return out
}

/** A fixed pseudo-random offset per ID group, so first serials of different groups differ. */
function scramble(group: number): number {
  let h = Math.imul(group ^ 0x811c9dc5, 0x01000193)
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d)
  return ((h ^ (h >>> 12)) >>> 0) % 10_000_000
}

/** Middle and given name of a full name whose family part is known. */
function splitName(full: string, family: string): { middle: string; given: string } {
  const rest = full.slice(family.length + 1).split(' ')
  const given = rest.pop() ?? ''
  return { middle: rest.join(' '), given }
}

/** Population lookalikes of a population person: twins, siblings, planted namesakes. */
function populationLookalikes(p: SamplePerson): Lookalike[] {
  const out: Lookalike[] = []
  for (const s of p.siblings ?? []) {
    if (s === p) continue
    out.push({
      key: s.key,
      kind: p.twinGroup !== 0 && s.twinGroup === p.twinGroup ? 'twin' : 'sibling'
    })
  }
  for (const n of p.namesakes ?? [])
    if (!out.some((l) => l.key === n.key)) out.push({ key: n.key, kind: 'namesake' })
  return out
}
