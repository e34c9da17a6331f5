// A harder register made from a generated one: more typos, names written given first, lunar dates, no IDs.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { typo } from '../src/core/sample/entry-errors'
import { Rng } from '../src/core/sample/prng'

export interface HardenOptions {
  seed: number
  /** Share of rows with a keyboard slip in a word of the name. */
  typo: number
  /** Share of rows whose name is written given name first, family name last. */
  givenFirst: number
  /** Share of rows (with a full date) whose date is the lunar one: 3 to 7 weeks earlier. */
  lunar: number
}

export const HARD: Omit<HardenOptions, 'seed'> = { typo: 0.2, givenFirst: 0.15, lunar: 0.15 }

/** Header cells of the register's name, birth date and identifier columns (both generators). */
const NAME = new Set(['Họ và tên'])
const DOB = new Set(['Ngày sinh', 'Ngày tháng năm sinh'])
const IDS = new Set(['Số định danh/CMND', 'Số CCCD'])

/**
 * Errors either generator plants in a name or a birth date (truth.csv's names). Like both
 * generators, a row gets at most one error per field: a row whose name already carries one
 * gets no second.
 */
const NAME_ERRORS = new Set([
  'strip_diacritics',
  'tone_placement',
  'typo',
  'drop_middle',
  'regional_variant',
  'telex',
  'vni',
  'no_marks',
  'given_first',
  'no_middle'
])
const DATE_ERRORS = new Set([
  'swap_day_month',
  'year_only',
  'month_year',
  'dob_one_digit',
  'lunar_offset',
  'lunar',
  'day_month',
  'dob_digit'
])

const splitCsv = (l: string): string[] =>
  l
    .match(/("([^"]|"")*"|[^,]*)(,|$)/g)!
    .map((c) => c.replace(/,$/, ''))
    .slice(0, -1)
const unquote = (c: string): string => (c.startsWith('"') ? c.slice(1, -1).replace(/""/g, '"') : c)
const quote = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)
const pad = (n: number): string => String(n).padStart(2, '0')

/**
 * Rewrite `registry.csv` and `truth.csv` in `dir` in place: the identifier columns dropped
 * (a list that carries none), and rows given the extra errors, which the truth file lists with
 * the row's other errors. Rows of people the population does not hold (twins, namesakes) get
 * them too: the clerk's hand is the same for everyone.
 */
export function harden(dir: string, o: HardenOptions): void {
  const rng = new Rng(o.seed, 977)
  const truthFile = join(dir, 'truth.csv')
  const truth = readFileSync(truthFile, 'utf8').split('\n')
  const planted = new Map<string, string[]>()
  for (const l of truth.slice(1)) {
    const cells = l.split(',')
    if (cells[0]) planted.set(cells[0], cells[2] ? cells[2].split('|') : [])
  }
  const regFile = join(dir, 'registry.csv')
  const lines = readFileSync(regFile, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l !== '')
  const header = splitCsv(lines[0]!)
  const nameAt = header.findIndex((h) => NAME.has(h))
  const dobAt = header.findIndex((h) => DOB.has(h))
  const keyAt = header.indexOf('Mã hồ sơ')
  if (nameAt < 0 || dobAt < 0 || keyAt < 0) throw new Error('harden: unknown register header')
  const keep = header.map((h, i) => (IDS.has(h) ? -1 : i)).filter((i) => i >= 0)
  const added = new Map<string, string[]>()
  const out = [keep.map((i) => header[i]!).join(',')]
  for (const line of lines.slice(1)) {
    const cells = splitCsv(line).map(unquote)
    const had = planted.get(cells[keyAt]!) ?? []
    const errors: string[] = []
    let words = cells[nameAt]!.split(/\s+/).filter(Boolean)
    const r = rng.next()
    if (words.length >= 2 && !had.some((e) => NAME_ERRORS.has(e))) {
      if (r < o.typo) {
        const w = rng.int(words.length)
        const slipped = typo(words[w]!, rng, false)
        if (slipped !== words[w]) {
          words[w] = slipped
          errors.push('typo')
        }
      } else if (r < o.typo + o.givenFirst) {
        words = [...words.slice(1), words[0]!]
        errors.push('given_first')
      }
    }
    cells[nameAt] = words.join(' ')
    const dmy = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(cells[dobAt]!)
    if (rng.chance(o.lunar) && dmy && !had.some((e) => DATE_ERRORS.has(e))) {
      const t = Date.UTC(Number(dmy[3]), Number(dmy[2]) - 1, Number(dmy[1]))
      const d = new Date(t - rng.range(21, 50) * 86_400_000)
      cells[dobAt] = `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`
      errors.push('lunar_offset')
    }
    added.set(cells[keyAt]!, errors)
    out.push(keep.map((i) => quote(cells[i] ?? '')).join(','))
  }
  writeFileSync(regFile, out.join('\n') + '\n')
  const rewritten = truth.map((l, i) => {
    if (i === 0 || l === '') return l
    const cells = l.split(',')
    const extra = [...(added.get(cells[0]!) ?? []), 'missing_id']
    cells[2] = [...new Set([...(planted.get(cells[0]!) ?? []), ...extra])].join('|')
    return cells.join(',')
  })
  writeFileSync(truthFile, rewritten.join('\n'))
}
