// Benchmark of the review API at 1,000,000 candidate pairs: queue page fetch and quick-search keystrokes.
import { existsSync, renameSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { allowPlainDatabases, openDb } from '../src/backend/db/open'
import { createBackend, type Caller } from '../src/backend/host'
import { signInAs } from '../test/helpers/users'
import type { ApiInput } from '../src/shared/api'
import {
  GIVEN_FEMALE,
  GIVEN_MALE,
  MIDDLE_FEMALE,
  MIDDLE_MALE,
  kinhFamilyNames
} from '../src/core/sample/names'
import { Rng } from '../src/core/sample/prng'
import { PAIR_FLAGS } from '../src/shared/match'
import { foldKey } from '../src/core/normalize/text'
import { arg } from './args'

// The review benchmark measures the queue and the search, and reuses a cached 1,000,000-pair
// database it built unencrypted; bench:import measures what encryption costs.
allowPlainDatabases()

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!
}
const median = (xs: number[]): number => quantile(xs, 0.5)
const ms = (x: number): number => Math.round(x * 100) / 100

/** A weighted picker over [value, weight] lists. */
function picker(list: readonly (readonly [string, number, ...number[]])[], rng: Rng) {
  const total = list.reduce((a, [, w]) => a + w, 0)
  return (): string => {
    let r = rng.next() * total
    for (const [v, w] of list) if ((r -= w) < 0) return v
    return list[list.length - 1]![0]
  }
}

const stripMarks = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')

/** Build the database with prepared statements in one transaction per table: not what is measured. */
function build(path: string, population: number, sources: number, pairs: number): void {
  const t0 = performance.now()
  const db = openDb(path)
  const rng = new Rng(7)
  const family = picker(kinhFamilyNames('north'), rng)
  const mid = [picker(MIDDLE_MALE, rng), picker(MIDDLE_FEMALE, rng)]
  const given = [picker(GIVEN_MALE, rng), picker(GIVEN_FEMALE, rng)]
  const communes = Array.from({ length: 60 }, (_, i) => String(10000 + i * 7))
  const now = new Date().toISOString()
  const people: { name: string; dob: string; sex: 'M' | 'F'; commune: string }[] = []

  db.exec('BEGIN')
  const ins = db.prepare(
    `INSERT INTO population_record (id, record_key, full_name, family_name, middle_name, given_name,
       name_key, dob, dob_precision, sex, id_number, residence_commune_code, version, snapshot_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'day', ?, ?, ?, 1, ?)`
  )
  for (let i = 1; i <= population; i++) {
    const f = rng.int(2)
    const parts = [family(), mid[f]!(), given[f]!()]
    const name = parts.join(' ')
    const y = 1940 + rng.int(80)
    const dob = `${y}-${String(1 + rng.int(12)).padStart(2, '0')}-${String(1 + rng.int(28)).padStart(2, '0')}`
    const sex = f === 0 ? 'M' : 'F'
    const id = `0${String(1 + rng.int(96)).padStart(2, '0')}${(y >= 2000 ? 2 : 0) + f}${String(y % 100).padStart(2, '0')}${String(rng.int(1e6)).padStart(6, '0')}`
    const commune = communes[rng.int(communes.length)]!
    people.push({ name, dob, sex, commune })
    ins.run(
      i,
      `DC${String(i).padStart(8, '0')}`,
      name,
      parts[0],
      parts[1],
      parts[2],
      foldKey(name),
      dob,
      sex,
      id,
      commune,
      now
    )
  }
  db.exec('COMMIT')
  const tPop = performance.now()

  db.exec('BEGIN')
  const batches = 4
  for (let b = 1; b <= batches; b++)
    db.prepare(
      `INSERT INTO import_batch (id, kind, file_name, file_sha256, file_size, rows_read, rows_accepted,
         rows_rejected, created_at) VALUES (?, 'registry', ?, ?, 1, ?, ?, 0, ?)`
    ).run(b, `so-ho-tich-${b}.csv`, `sha${b}`, sources / batches, sources / batches, now)
  const insSrc = db.prepare(
    `INSERT INTO source_record (id, batch_id, row_number, record_key, raw_json, full_name, name_key,
       dob, dob_precision, sex, residence_commune_code) VALUES (?, ?, ?, ?, '{}', ?, ?, ?, 'day', ?, ?)`
  )
  const run = Number(
    db
      .prepare(
        `INSERT INTO match_run (scope, state, params_json, stats_json, source_count, population_count,
           started_by, started_at) VALUES ('all', 'done', '{"lambda":0.001}', '{}', ?, ?, 'bench', ?)`
      )
      .run(sources, population, now).lastInsertRowid
  )
  const insPair = db.prepare(
    `INSERT INTO candidate_pair (id, run_id, source_record_id, population_record_id, rank, probability,
       total_weight, grade, levels_json, weights_json, flags_json, flag_bits)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const insResult = db.prepare(
    `INSERT INTO match_result (run_id, source_record_id, pair_id, grade, probability, flags_json)
     VALUES (?, ?, ?, ?, ?, ?)`
  )
  const levels = '{"name":"folded","dob":"exact","sex":"same","id":null,"residence":"same_commune"}'
  const weights = '{"name":9.1,"dob":11.2,"sex":0.4,"id":0,"residence":3.3}'
  const common = [0, 0, 0, 1, 2, 7, 14, 19, 22]
  // Sources with candidates: the first `second` of them have two, so pairs add up to `pairs`.
  const matched = Math.round(sources * 0.95)
  const second = pairs - matched
  let pairId = 0
  for (let s = 1; s <= sources; s++) {
    const who = rng.int(people.length)
    const p = people[who]!
    const name = rng.chance(0.3) ? stripMarks(p.name) : p.name
    const batch = 1 + ((s - 1) % batches)
    insSrc.run(s, batch, s, `HT${s}`, name, foldKey(name), p.dob, p.sex, p.commune)
    if (s > matched) {
      insResult.run(run, s, null, 'none', 0, '["unmatched"]')
      continue
    }
    const u = rng.next()
    const prob =
      u < 0.7
        ? 0.99 + rng.next() * 0.01
        : u < 0.85
          ? 0.9 + rng.next() * 0.09
          : 0.5 + rng.next() * 0.4
    const grade = prob >= 0.99 ? 'certain' : prob >= 0.9 ? 'probable' : 'possible'
    let bits = 0
    const flags: string[] = []
    for (let k = rng.int(3); k > 0; k--) {
      const f = common[rng.int(common.length)]!
      if (!flags.includes(PAIR_FLAGS[f]!)) {
        flags.push(PAIR_FLAGS[f]!)
        bits += 2 ** f
      }
    }
    const flagsJson = JSON.stringify(flags)
    const best = ++pairId
    // The best candidate is the person the record was drawn from; a second one is someone else.
    insPair.run(best, run, s, who + 1, 1, prob, 20, grade, levels, weights, flagsJson, bits)
    if (s <= second) {
      const other = 1 + ((who + 1 + rng.int(population - 1)) % population)
      insPair.run(++pairId, run, s, other, 2, prob / 3, 5, 'possible', levels, weights, '[]', 0)
    }
    insResult.run(run, s, best, grade, prob, flagsJson)
  }
  db.exec('COMMIT')
  const tSrc = performance.now()
  db.close()
  console.log(
    `built: ${population} population (${ms((tPop - t0) / 1000)} s, FTS triggers included), ` +
      `${sources} source records and ${pairId} pairs (${ms((tSrc - tPop) / 1000)} s)`
  )
}

type QueueArgs = ApiInput<'review/queue'>
const CONFIGS: Omit<QueueArgs, 'startRow' | 'endRow'>[] = [
  {},
  { filter: { grade: ['probable', 'possible'] } },
  { filter: { flag: ['name_diacritics'] } },
  { filter: { state: ['open'] }, sort: { field: 'probability', dir: 'asc' } },
  { filter: { batchId: 2, grade: ['certain'] } },
  { filter: { commune: '10070' }, sort: { field: 'name', dir: 'asc' } },
  { filter: { grade: ['certain'], flag: ['name_diacritics'], flagMode: 'only' } },
  { sort: { field: 'dob', dir: 'desc' } }
]

async function call(b: Caller, name: string, args: unknown): Promise<{ total?: number }> {
  const r = await b.call(name, args)
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`)
  return r.value as { total?: number }
}

async function measure(path: string, samples: number, names: string[], seed: number) {
  const backend = createBackend({ dbPath: path })
  const b = await signInAs(backend, 'bench', 'clerk')
  const rng = new Rng(seed)
  try {
    // First use of a run builds its queue table once; reported, not part of page figures.
    const tb = performance.now()
    await call(b, 'review/queue', { startRow: 0, endRow: 100 })
    const buildMs = performance.now() - tb

    // Cold: the first page after a filter or sort change reads the ordered ids once.
    const cold: number[] = []
    const totals: number[] = []
    for (const c of CONFIGS) {
      const t = performance.now()
      const r = await call(b, 'review/queue', { ...c, startRow: 0, endRow: 100 })
      cold.push(performance.now() - t)
      totals.push(r.total ?? 0)
    }
    // Warm: random pages (jumps anywhere in the list) over the same filters, 100 rows each.
    const warm: number[] = []
    for (let i = 0; i < samples; i++) {
      const k = i % CONFIGS.length
      const start = rng.int(Math.max(1, totals[k]! - 100))
      const t = performance.now()
      await call(b, 'review/queue', { ...CONFIGS[k], startRow: start, endRow: start + 100 })
      warm.push(performance.now() - t)
    }

    // Quick search: each name typed character by character, one call per keystroke.
    const keys: number[] = []
    for (const name of names)
      for (let n = 1; n <= name.length; n++) {
        const t = performance.now()
        await call(b, 'search/population', { q: name.slice(0, n), limit: 20 })
        keys.push(performance.now() - t)
      }
    return { buildMs, cold, warm, keys, totals }
  } finally {
    await backend.close()
  }
}

interface Summary {
  run: number
  load1: number
  queueBuildMs: number
  coldP50: number
  coldMax: number
  pageP50: number
  pageP95: number
  keyP50: number
  keyP95: number
  keystrokes: number
  totals: number[]
}

async function main(): Promise<void> {
  const population = arg('population', 1_000_000)
  const pairs = arg('pairs', 1_000_000)
  const sources = arg('sources', Math.round(pairs * 0.8))
  const runs = arg('runs', 3)
  const samples = arg('samples', 200)
  const path = join(tmpdir(), `doisoat-bench-review-${population}-${pairs}.db`)
  if (!existsSync(path)) {
    // Built under another name and renamed when complete: an interrupted build is not reused.
    const partial = `${path}.partial`
    rmSync(partial, { force: true })
    build(partial, population, sources, pairs)
    renameSync(partial, path)
  }

  // 20 realistic names to type: half as written, half without marks (as clerks often type).
  const db = openDb(path)
  const rng = new Rng(3)
  const names: string[] = []
  for (let i = 0; i < 20; i++) {
    const r = db
      .prepare('SELECT full_name, dob FROM population_record WHERE id = ?')
      .get(1 + rng.int(population)) as { full_name: string; dob: string }
    const name = i % 2 ? stripMarks(r.full_name).toLowerCase() : r.full_name
    // Every fourth search ends with the date of birth, the way a clerk narrows namesakes.
    const [y, m, d] = r.dob.split('-')
    names.push(i % 4 === 3 ? `${name} ${d}/${m}/${y}` : name)
  }
  db.close()

  const results: Summary[] = []
  for (let k = 0; k < runs; k++) {
    // Each run starts with no queue table, so its one-time build is measured every time.
    const reset = openDb(path)
    reset.exec('DELETE FROM review_item; DELETE FROM review_run;')
    reset.close()
    const load = loadavg()[0]!
    const r = await measure(path, samples, names, 100 + k)
    const out = {
      run: k + 1,
      load1: ms(load),
      queueBuildMs: ms(r.buildMs),
      coldP50: ms(median(r.cold)),
      coldMax: ms(Math.max(...r.cold)),
      pageP50: ms(median(r.warm)),
      pageP95: ms(quantile(r.warm, 0.95)),
      keyP50: ms(median(r.keys)),
      keyP95: ms(quantile(r.keys, 0.95)),
      keystrokes: r.keys.length,
      totals: r.totals
    }
    console.log(JSON.stringify(out))
    results.push(out)
  }
  const med = (f: (x: Summary) => number): number => ms(median(results.map(f)))
  console.log(
    JSON.stringify({
      median: {
        queueBuildMs: med((x) => x.queueBuildMs),
        coldP50: med((x) => x.coldP50),
        coldMax: med((x) => x.coldMax),
        pageP50: med((x) => x.pageP50),
        pageP95: med((x) => x.pageP95),
        keyP50: med((x) => x.keyP50),
        keyP95: med((x) => x.keyP95)
      },
      names
    })
  )
  if (process.argv.includes('--clean')) rmSync(path, { force: true })
}

void main()
