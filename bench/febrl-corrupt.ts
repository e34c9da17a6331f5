// A FEBRL-style linkage problem of our own: originals from the public sets, one corrupted copy each.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Rng } from '../src/core/sample/prng'

/**
 * The error kinds of FEBRL's generator (Christen's `generate.py`), applied to original records so
 * that the engine can be checked on a problem it was not tuned on (FEBRL 4 is 5,000 originals
 * with one duplicate each): keyboard typos (insert, delete, substitute, transpose), OCR
 * confusions, phonetic substitutions, a space typed or lost, a value missing, a value replaced by
 * another of the same field, two words swapped, given name and surname swapped, date and
 * identifier digits changed or transposed.
 */
export interface CorruptOptions {
  /** Originals to keep (and duplicates to write: one each). */
  records: number
  seed: number
  /** Modifications per record are drawn from 1..maxPerRecord, at most maxPerField per field. */
  maxPerRecord: number
  maxPerField: number
}

const COLUMNS = [
  'rec_id',
  'given_name',
  'surname',
  'street_number',
  'address_1',
  'address_2',
  'suburb',
  'postcode',
  'state',
  'date_of_birth',
  'soc_sec_id'
] as const
type Column = (typeof COLUMNS)[number]
type Row = Record<Column, string>

/** How often each field is picked for a modification (FEBRL's select_prob, names most often). */
const SELECT: [Column, number][] = [
  ['given_name', 0.2],
  ['surname', 0.2],
  ['street_number', 0.06],
  ['address_1', 0.1],
  ['address_2', 0.06],
  ['suburb', 0.1],
  ['postcode', 0.08],
  ['state', 0.04],
  ['date_of_birth', 0.1],
  ['soc_sec_id', 0.06]
]

type Kind =
  'typo' | 'ocr' | 'phonetic' | 'space_in' | 'space_out' | 'missing' | 'swap_value' | 'swap_words'

/**
 * Error kinds per field, in the proportions of FEBRL's published configuration: mostly keyboard
 * slips and phonetic spellings; a value missing, replaced or its words swapped now and then.
 * Digits take slips (substituted or transposed), OCR confusions, a value missing or replaced.
 */
const TEXT_KINDS: [Kind, number][] = [
  ['typo', 0.6],
  ['phonetic', 0.25],
  ['ocr', 0.03],
  ['space_in', 0.02],
  ['space_out', 0.02],
  ['missing', 0.03],
  ['swap_value', 0.03],
  ['swap_words', 0.02]
]
const DIGIT_KINDS: [Kind, number][] = [
  ['typo', 0.8],
  ['ocr', 0.05],
  ['missing', 0.1],
  ['swap_value', 0.05]
]

const KEYBOARD = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm']
const OCR: [string, string][] = [
  ['0', 'o'],
  ['1', 'l'],
  ['5', 's'],
  ['8', 'b'],
  ['2', 'z'],
  ['m', 'rn'],
  ['d', 'cl'],
  ['h', 'b'],
  ['g', 'q'],
  ['u', 'v'],
  ['e', 'c'],
  ['i', 'l']
]
const PHONETIC: [string, string][] = [
  ['ph', 'f'],
  ['ck', 'k'],
  ['c', 'k'],
  ['ee', 'ea'],
  ['ie', 'y'],
  ['ou', 'ow'],
  ['s', 'z'],
  ['th', 't'],
  ['gh', 'g'],
  ['ai', 'ay'],
  ['er', 'a'],
  ['y', 'i'],
  ['ll', 'l'],
  ['tt', 't']
]

function pick<T>(rng: Rng, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0)
  let x = rng.next() * total
  for (const [v, w] of items) if ((x -= w) < 0) return v
  return items[items.length - 1]![0]
}

function neighbour(rng: Rng, c: string): string {
  if (c >= '0' && c <= '9') return String(rng.int(10))
  for (const row of KEYBOARD) {
    const at = row.indexOf(c)
    if (at >= 0) return row[Math.max(0, Math.min(row.length - 1, at + (rng.chance(0.5) ? 1 : -1)))]!
  }
  return String.fromCharCode(97 + rng.int(26))
}

function typo(rng: Rng, v: string): string {
  if (v === '') return v
  const at = rng.int(v.length)
  const digits = /^\d+$/.test(v)
  switch (rng.int(digits ? 2 : 4)) {
    case 0:
      return v.slice(0, at) + neighbour(rng, v[at]!) + v.slice(at + 1)
    case 1:
      return at + 1 < v.length ? v.slice(0, at) + v[at + 1] + v[at] + v.slice(at + 2) : v
    case 2:
      return v.slice(0, at) + neighbour(rng, v[at]!) + v.slice(at)
    default:
      return v.length > 2 ? v.slice(0, at) + v.slice(at + 1) : v
  }
}

/** Replace one occurrence of a pattern (either way round) found in the value. */
function substitute(rng: Rng, v: string, table: [string, string][]): string {
  const found = table.flatMap(([a, b]) => [
    ...(v.includes(a) ? [[a, b] as const] : []),
    ...(v.includes(b) ? [[b, a] as const] : [])
  ])
  if (found.length === 0) return typo(rng, v)
  const [from, to] = found[rng.int(found.length)]!
  const at = v.indexOf(from)
  return v.slice(0, at) + to + v.slice(at + from.length)
}

function modify(rng: Rng, v: string, kind: Kind, pool: string[]): string {
  switch (kind) {
    case 'typo':
      return typo(rng, v)
    case 'ocr':
      return substitute(rng, v, OCR)
    case 'phonetic':
      return substitute(rng, v, PHONETIC)
    case 'space_in': {
      if (v.length < 4) return typo(rng, v)
      const at = 1 + rng.int(v.length - 2)
      return v.slice(0, at) + ' ' + v.slice(at)
    }
    case 'space_out':
      return v.includes(' ') ? v.replace(' ', '') : typo(rng, v)
    case 'missing':
      return ''
    case 'swap_value':
      return pool[rng.int(pool.length)]!
    case 'swap_words': {
      const w = v.split(' ')
      return w.length > 1 ? [...w.slice(1), w[0]].join(' ') : typo(rng, v)
    }
  }
}

function readRows(file: string): Row[] {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).filter(Boolean)
  return lines.slice(1).map((l) => {
    const cells = l.split(',')
    return Object.fromEntries(COLUMNS.map((c, k) => [c, cells[k] ?? ''])) as Row
  })
}

/** Write `org.csv` and `dup.csv` (rec-N-org, rec-N-dup-0) of a new problem into `dir`. */
export function writeFebrlStyle(sources: string[], dir: string, o: CorruptOptions): void {
  const rng = new Rng(o.seed, 211)
  // The public sets share some originals: each person once.
  const seen = new Set<string>()
  const unique = sources
    .flatMap((f) => readRows(f))
    .filter((r) => {
      const k = COLUMNS.slice(1)
        .map((c) => r[c])
        .join(',')
      return !seen.has(k) && seen.add(k) !== undefined
    })
  const originals = rng
    .shuffle(unique)
    .slice(0, o.records)
    .map((r, k) => ({ ...r, rec_id: `rec-${k}-org` }))
  const pools = Object.fromEntries(
    COLUMNS.map((c) => [c, originals.map((r) => r[c]).filter((v) => v !== '')])
  ) as Record<Column, string[]>
  const dups = originals.map((r, k) => {
    const d: Row = { ...r, rec_id: `rec-${k}-dup-0` }
    // Given name and surname swapped (written in the other columns), as FEBRL's field swap does.
    if (rng.chance(0.05)) [d.given_name, d.surname] = [d.surname, d.given_name]
    if (rng.chance(0.02)) [d.address_1, d.address_2] = [d.address_2, d.address_1]
    const perField = new Map<Column, number>()
    const count = rng.range(1, o.maxPerRecord)
    for (let m = 0; m < count; m++) {
      const field = pick(rng, SELECT)
      if ((perField.get(field) ?? 0) >= o.maxPerField) continue
      perField.set(field, (perField.get(field) ?? 0) + 1)
      const digits = field === 'date_of_birth' || field === 'soc_sec_id' || field === 'postcode'
      const kind = pick(rng, digits || field === 'street_number' ? DIGIT_KINDS : TEXT_KINDS)
      // A value missing in the original may be filled in (FEBRL's new_val_prob).
      d[field] =
        d[field] === ''
          ? pools[field][rng.int(pools[field].length)]!
          : modify(rng, d[field], kind, pools[field])
    }
    return d
  })
  mkdirSync(dir, { recursive: true })
  const write = (file: string, rows: Row[]): void =>
    writeFileSync(
      join(dir, file),
      [COLUMNS.join(','), ...rng.shuffle(rows).map((r) => COLUMNS.map((c) => r[c]).join(','))].join(
        '\n'
      ) + '\n'
    )
  write('org.csv', originals)
  write('dup.csv', dups)
}
