// Linking registers the sample generator did not make: the same person several times, twins,
// names in the wrong place, identifiers of any format, keys of links.csv, the fitted weights.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { writeHoldout } from '../../bench/holdout-vn'
import { typedOff } from '../../src/core/sample/typed-off'
import { Rng } from '../../src/core/sample/prng'
import type { PairView } from '../../src/shared/api'
import { createBackend } from '../../src/backend/host'
import { openDb } from '../../src/backend/db/open'
import { importFile } from '../../src/backend/import/import-file'
import { runMatch } from '../../src/backend/match/run-match'
import { main } from '../../src/cli/main'
import { jobCtx, tempDir } from '../helpers/tmp'
import { signInAs } from '../helpers/users'

const dir = tempDir('doisoat-any-register-')

/** Cells of a CSV line (quoted cells with commas, no line breaks). */
function cells(line: string): string[] {
  return line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) =>
    c
      .replace(/,$/, '')
      .replace(/^"(.*)"$/, '$1')
      .replace(/""/g, '"')
  )
}
const csv = (row: string[]): string =>
  row.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')

interface Linked {
  key: string
  pop: string
  grade: string
  flags: string[]
  row: string
}

/** `doisoat link`; the rows of links.csv by registry key, and what --json printed. */
async function link(
  registry: string,
  population: string,
  extra: string[] = []
): Promise<{ rows: Map<string, Linked>; header: string; json: Record<string, unknown> }> {
  const out = join(dir, `links-${Math.random().toString(36).slice(2)}.csv`)
  const lines: string[] = []
  const code = await main(
    ['link', '--registry', registry, '--population', population, '--out', out, '--json', ...extra],
    { out: (l) => lines.push(l), err: (l) => lines.push(l) }
  )
  expect(code, lines.join('\n')).toBe(0)
  const text = readFileSync(out, 'utf8').trim().split('\n')
  const rows = new Map<string, Linked>()
  for (const l of text.slice(1)) {
    const [key, pop, , grade, flags, row] = cells(l)
    rows.set(key!, {
      key: key!,
      pop: pop!,
      grade: grade!,
      flags: flags ? flags.split('|') : [],
      row: row!
    })
  }
  return { rows, header: text[0]!, json: JSON.parse(lines.at(-1)!) as Record<string, unknown> }
}

describe('a Vietnamese register with the same person several times, twins and names given first', () => {
  const POP_HEADER =
    'Mã công dân,Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân,Nơi thường trú,Họ tên cha,Họ tên mẹ'
  let people: string[][] = []
  let twins: [string[], string[]][] = []

  beforeAll(() => {
    writeHoldout(dir, { population: 4000, registry: 0, seed: 13, sparse: 0 })
    people = readFileSync(join(dir, 'population.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map(cells)
    // Twins: the same birth date and parents, other given names.
    const seen = new Map<string, string[]>()
    for (const p of people) {
      if (!p[6]) continue
      const k = `${p[2]}|${p[6]}|${p[7]}`
      const other = seen.get(k)
      if (other && other[1] !== p[1]) twins.push([other, p])
      seen.set(k, p)
    }
    twins = twins.slice(0, 2)
  })

  it('links every row of one person to the same record, flagged together; twins stay apart', async () => {
    expect(twins.length).toBe(2)
    const [[a, b], [c, d]] = twins as [[string[], string[]], [string[], string[]]]
    // The second pair's younger twin is not in the population file.
    const population = join(dir, 'pop-twins.csv')
    writeFileSync(
      population,
      [POP_HEADER, ...people.filter((p) => p[0] !== d[0]).map(csv)].join('\n') + '\n'
    )
    const used = new Set([a[0], b[0], c[0], d[0]])
    const others = people.filter((p) => !used.has(p[0]) && p[6])
    const person = others[0]!
    const reg: string[][] = []
    const row = (p: string[], name = p[1]!, id = p[4]!): void => {
      reg.push([`HS-${reg.length + 1}`, name, p[2]!, p[3]!, id, p[5]!, p[6]!, p[7]!])
    }
    // Enough ordinary rows for the model to learn from.
    for (const p of others.slice(1, 400)) row(p)
    // One person three times: as written, with a slip in the given name and no ID, typed with the
    // Vietnamese keyboard off.
    row(person)
    const words = person[1]!.split(' ')
    row(person, [...words.slice(0, -1), words.at(-1)!.slice(0, -1) + 'x'].join(' '), '')
    row(person, typedOff(person[1]!, false), '')
    for (const t of [a, b, c, d]) row(t)
    const registry = join(dir, 'reg-twins.csv')
    writeFileSync(
      registry,
      [
        'Mã hồ sơ,Họ và tên,Ngày sinh,Giới tính,Số CCCD,Nơi thường trú,Họ tên cha,Họ tên mẹ',
        ...reg.map(csv)
      ].join('\n') + '\n'
    )
    const { rows } = await link(registry, population)
    const stt = (i: number): Linked => rows.get(`HS-${i}`)!
    const first = 400
    for (const i of [first, first + 1, first + 2]) {
      expect(stt(i).pop, `row ${i}`).toBe(person[0])
      expect(stt(i).grade).not.toBe('none')
      expect(stt(i).flags).toContain('duplicate_in_source')
    }
    // Twins with their own records: each to their own, neither flagged a duplicate.
    expect(stt(first + 3).pop).toBe(a[0])
    expect(stt(first + 4).pop).toBe(b[0])
    expect(stt(first + 5).pop).toBe(c[0])
    for (const i of [first + 3, first + 4, first + 5])
      expect(stt(i).flags).not.toContain('duplicate_in_source')
    // The twin the population file lacks is not linked to the sister or brother it does hold.
    expect(stt(first + 6).pop).toBe('')
    expect(stt(first + 6).grade).toBe('none')
  }, 60_000)

  it('shows the clerk the rows of one person together, and what the model learnt', async () => {
    const dbPath = join(dir, 'twins.db')
    await importFile({ dbPath, kind: 'population', file: join(dir, 'pop-twins.csv') }, jobCtx())
    const batch = await importFile(
      { dbPath, kind: 'registry', file: join(dir, 'reg-twins.csv') },
      jobCtx()
    )
    const run = await runMatch({ dbPath, source: batch.batchId, refit: true }, jobCtx())
    const backend = createBackend({ dbPath })
    const clerk = await signInAs(backend, 'canbo', 'clerk')
    try {
      const db = openDb(dbPath)
      const id = db
        .prepare("SELECT id FROM source_record WHERE record_key = 'HS-400'")
        .pluck()
        .get() as number
      db.close()
      const r = (await clerk.call('review/pair', { sourceRecordId: id, runId: run.runId })) as {
        ok: true
        value: PairView
      }
      expect(r.value.sameRecord.map((x) => x.sourceKey)).toEqual(['HS-401', 'HS-402'])
      const name = r.value.model!.fields.find((f) => f.field === 'name')!
      expect(name.levels.map((l) => l.level)).toContain('reordered')
      expect(name.levels[0]!.weight).toBeGreaterThan(5)
    } finally {
      await backend.close()
    }
  }, 60_000)

  it('links a name written given name first, with its flag', async () => {
    const p = people.find((x) => x[1]!.split(' ').length === 3 && x[6])!
    const [family, middle, given] = p[1]!.split(' ') as [string, string, string]
    const reg = [
      'Mã hồ sơ,Họ và tên,Ngày sinh,Giới tính,Số CCCD,Nơi thường trú',
      ...people
        .filter((x) => x !== p)
        .slice(0, 300)
        .map((x, i) => csv([`HS-${i + 1}`, x[1]!, x[2]!, x[3]!, '', x[5]!])),
      csv(['HS-301', `${given} ${middle} ${family}`, p[2]!, p[3]!, '', p[5]!])
    ]
    const registry = join(dir, 'reg-given-first.csv')
    writeFileSync(registry, reg.join('\n') + '\n')
    const { rows } = await link(registry, join(dir, 'population.csv'))
    expect(rows.get('HS-301')).toMatchObject({ pop: p[0] })
    expect(rows.get('HS-301')!.grade).not.toBe('none')
    expect(rows.get('HS-301')!.flags).toContain('name_swapped')
  }, 60_000)
})

describe('an English-headed register: split name columns, a 7-digit ID, keys of links.csv', () => {
  const GIVEN =
    'jack oliver william noah thomas lucas henry james ethan harry chloe emily olivia ruby sophie grace isla mia ava zoe'.split(
      ' '
    )
  const SURNAME =
    'smith jones brown wilson taylor johnson white martin anderson thompson walker harris clarke lewis robinson young wright mitchell kelly hall'.split(
      ' '
    )
  const STREET =
    'maltby dumas blacket giblin goldfinch sidaway tattersall kriewaldt bundey pohlman'.split(' ')
  const HEADER = 'rec_id,given_name,surname,address,suburb,postcode,date_of_birth,soc_sec_id'
  const mapping = {
    keyColumn: 'rec_id',
    fields: {
      family_name: 'surname',
      given_name: 'given_name',
      dob: 'date_of_birth',
      id_any: 'soc_sec_id',
      residence: ['address', 'suburb', 'postcode']
    }
  }
  const population: string[][] = []
  const rng = new Rng(29)

  beforeAll(() => {
    const ids = new Set<string>()
    for (let i = 0; i < 800; i++) {
      let id = ''
      while (id === '' || ids.has(id)) id = String(1_000_000 + rng.int(9_000_000))
      ids.add(id)
      population.push([
        `rec-${i}-org`,
        rng.pick(GIVEN),
        rng.pick(SURNAME),
        `${rng.range(1, 200)} ${rng.pick(STREET)} street`,
        rng.pick(['ashgrove', 'kogarah', 'dapto', 'wallan', 'albion park', 'seven hills']),
        String(2000 + rng.int(4000)),
        `19${rng.range(20, 99)}${String(rng.range(1, 12)).padStart(2, '0')}${String(rng.range(1, 28)).padStart(2, '0')}`,
        id
      ])
    }
    writeFileSync(join(dir, 'en-org.csv'), [HEADER, ...population.map(csv)].join('\n') + '\n')
    writeFileSync(join(dir, 'en-mapping.json'), JSON.stringify(mapping))
  })

  /** A register of copies of the first `n` people, with the rows `change` alters. */
  function register(n: number, change: (row: string[], i: number) => string[] | null): string {
    const rows = population.slice(0, n).flatMap((p, i) => {
      const r = change([...p], i)
      return r ? [csv([p[0]!.replace('-org', '-dup-0'), ...r.slice(1)])] : []
    })
    const file = join(dir, `en-dup-${Math.random().toString(36).slice(2)}.csv`)
    writeFileSync(file, [HEADER, ...rows].join('\n') + '\n')
    return file
  }

  const mapped = () => [
    '--mapping-registry',
    join(dir, 'en-mapping.json'),
    '--mapping-population',
    join(dir, 'en-mapping.json')
  ]

  it('links given name and surname swapped, flagged, and a 7-digit ID through changed names and dates', async () => {
    const file = register(400, (r, i) => {
      if (i === 5) return [r[0]!, r[2]!, r[1]!, ...r.slice(3)]
      // Another given name, the surname misspelt, another birth date: the ID still says who.
      if (i === 6) return [r[0]!, 'zachary', r[2]! + 'x', r[3]!, r[4]!, r[5]!, '19010101', r[7]!]
      // The ID one digit off, two neighbours swapped.
      if (i === 7) return [...r.slice(0, 7), r[7]!.slice(0, 5) + r[7]![6] + r[7]![5]]
      return r
    })
    const { rows, json } = await link(file, join(dir, 'en-org.csv'), mapped())
    expect(rows.get('rec-5-dup-0')).toMatchObject({ pop: 'rec-5-org' })
    expect(rows.get('rec-5-dup-0')!.flags).toContain('name_swapped')
    expect(rows.get('rec-6-dup-0')).toMatchObject({ pop: 'rec-6-org' })
    expect(rows.get('rec-6-dup-0')!.grade).not.toBe('none')
    expect(rows.get('rec-7-dup-0')).toMatchObject({ pop: 'rec-7-org' })
    expect(rows.get('rec-7-dup-0')!.flags).toContain('id_one_digit')
    // --json prints the fitted weight of every level of every comparison.
    const model = json.model as {
      prior: number
      fields: { field: string; used: boolean; levels: { level: string; weight: number }[] }[]
    }
    const other = model.fields.find((f) => f.field === 'other_id')!
    expect(other.used).toBe(true)
    const w = Object.fromEntries(other.levels.map((l) => [l.level, l.weight]))
    expect(w.exact).toBeGreaterThan(10)
    expect(w.different).toBeLessThan(0)
    expect(model.fields.find((f) => f.field === 'sex')!.used).toBe(false)
  }, 60_000)

  it('writes the key column as registry_key and the line as registry_row', async () => {
    const keyed = register(50, (r) => r)
    const { rows, header } = await link(keyed, join(dir, 'en-org.csv'), mapped())
    expect(header).toBe('registry_key,population_key,probability,grade,flags,registry_row')
    expect(rows.get('rec-0-dup-0')).toMatchObject({ pop: 'rec-0-org', row: '2' })
    expect(rows.get('rec-49-dup-0')).toMatchObject({ row: '51' })
    // A register numbered by STT (unique) and without a key column: the STT is the key.
    const stt = join(dir, 'stt.csv')
    const body = population
      .slice(0, 50)
      .map((p, i) => csv([String(101 + i), `${p[2]} ${p[1]}`, p[6]!]))
    writeFileSync(stt, ['STT,Họ và tên,Ngày sinh', ...body].join('\n') + '\n')
    const byStt = await link(stt, join(dir, 'en-org.csv'), [
      '--mapping-population',
      join(dir, 'en-mapping.json')
    ])
    expect([...byStt.rows.keys()].slice(0, 3)).toEqual(['101', '102', '103'])
    expect(byStt.rows.get('101')).toMatchObject({ row: '2', pop: 'rec-0-org' })
    // STT repeated (two lists pasted together): not a key; the line number is.
    const repeated = join(dir, 'stt-repeated.csv')
    writeFileSync(repeated, ['STT,Họ và tên,Ngày sinh', ...body, ...body].join('\n') + '\n')
    const byLine = await link(repeated, join(dir, 'en-org.csv'), [
      '--mapping-population',
      join(dir, 'en-mapping.json')
    ])
    expect([...byLine.rows.keys()].slice(0, 2)).toEqual(['2', '3'])
    expect(byLine.rows.get('2')!.row).toBe('2')
  }, 60_000)
})
