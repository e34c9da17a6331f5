// Accuracy on a seeded synthetic set: generate, run `doisoat link`, score links.csv against truth.csv.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { writeSample } from '../src/backend/sample/write-sample'
import { unlockDatabase } from '../src/backend/crypto/unlock'
import { openDb } from '../src/backend/db/open'
import { loadAddressIndex } from '../src/core/normalize/address-tables'
import { blockingKeys } from '../src/core/match/blocking'
import { PopulationIndex } from '../src/core/match/engine'
import { Lexicon, MATCH_COLUMNS, RecordStore } from '../src/core/match/store'
import type { ERROR_TYPES } from '../src/core/sample/entry-errors'
import { arg } from './args'
import { writeFebrlStyle } from './febrl-corrupt'
import { harden, HARD } from './harder'
import { writeHoldout } from './holdout-vn'
import { learnEval } from './learn-eval'

/** The flag a clerk should see for each planted error (none: noise the engine absorbs silently). */
export const EXPECTED_FLAGS: Record<(typeof ERROR_TYPES)[number], string[]> = {
  strip_diacritics: ['name_diacritics'],
  tone_placement: ['name_tone'],
  typo: ['name_typo'],
  drop_middle: ['name_dropped_middle'],
  regional_variant: ['name_regional'],
  swap_day_month: ['dob_swap'],
  year_only: ['dob_year_only'],
  month_year: ['dob_month_year'],
  dob_one_digit: ['dob_one_digit'],
  lunar_offset: ['dob_lunar'],
  old_address: ['address_old_naming'],
  abbrev_address: [],
  missing_id: ['id_missing'],
  cmnd_only: ['id_cmnd_vs_id'],
  id_one_digit: ['id_one_digit'],
  missing_parents: ['parents_missing'],
  case_noise: [],
  extra_spaces: [],
  deceased_mismatch: ['vital_mismatch']
}

/** Flags that inform without claiming a difference (never counted as wrong). */
const INFORMATIONAL = new Set([
  'address_abbrev',
  'address_ambiguous',
  'id_inconsistent',
  'close_second',
  'duplicate_in_source'
])

export interface TruthRow {
  pop: string
  errors: string[]
  lookalikes: Map<string, string>
}

export function readTruth(file: string): Map<string, TruthRow> {
  const out = new Map<string, TruthRow>()
  const lines = readFileSync(file, 'utf8').split('\n')
  for (const line of lines.slice(1)) {
    if (!line) continue
    const [key, pop, errors, keys, kinds] = line.split(',')
    const ks = keys ? keys.split('|') : []
    const kd = kinds ? kinds.split('|') : []
    out.set(key!, {
      pop: pop ?? '',
      errors: errors ? errors.split('|') : [],
      lookalikes: new Map(ks.map((k, i) => [k, kd[i] ?? '']))
    })
  }
  return out
}

export interface LinkRow {
  pop: string
  probability: number
  grade: string
  flags: string[]
}

export function readLinks(file: string): Map<string, LinkRow> {
  const out = new Map<string, LinkRow>()
  for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
    if (!line) continue
    const [key, pop, p, grade, flags] = line.split(',')
    out.set(key!, {
      pop: pop ?? '',
      probability: Number(p),
      grade: grade ?? 'none',
      flags: flags ? flags.split('|') : []
    })
  }
  return out
}

export interface Metrics {
  precision: number
  recall: number
  f1: number
  certainPrecision: number
  certainLinks: number
  links: number
  truePairs: number
  flagAccuracy: number
  flaggedPairs: number
  recallByError: Record<string, { found: number; total: number; recall: number }>
  hardNegatives: Record<string, { falseLinks: number; rows: number }>
  falsePositiveKinds: Record<string, number>
}

/** Score links against the truth. Hard negatives: rows whose lookalike of a kind could be taken. */
export function evaluate(
  truth: Map<string, TruthRow>,
  links: Map<string, LinkRow>,
  /** Error types whose field the extract does not carry (sparse files): nothing to flag. */
  moot: ReadonlySet<string> = new Set()
): Metrics {
  let tp = 0
  let fp = 0
  let fn = 0
  let certTp = 0
  let certFp = 0
  let flagRight = 0
  let flagTotal = 0
  const byError: Record<string, { found: number; total: number; recall: number }> = {}
  const hard: Record<string, { falseLinks: number; rows: number }> = {
    twin: { falseLinks: 0, rows: 0 },
    sibling: { falseLinks: 0, rows: 0 },
    namesake: { falseLinks: 0, rows: 0 }
  }
  const fpKinds: Record<string, number> = {}
  for (const [key, t] of truth) {
    const l = links.get(key)
    const pred = l && l.grade !== 'none' ? l.pop : ''
    const certain = l?.grade === 'certain'
    if (pred !== '' && pred === t.pop) {
      tp++
      if (certain) certTp++
    } else {
      if (pred !== '') {
        fp++
        if (certain) certFp++
        const kind = t.lookalikes.get(pred) ?? (t.pop ? 'other_person' : 'unrelated')
        fpKinds[kind] = (fpKinds[kind] ?? 0) + 1
      }
      if (t.pop !== '') fn++
    }
    for (const kind of new Set(t.lookalikes.values())) {
      const h = hard[kind]
      if (!h) continue
      h.rows++
      if (pred !== '' && t.lookalikes.get(pred) === kind) h.falseLinks++
    }
    if (t.pop !== '')
      for (const e of t.errors) {
        const b = (byError[e] ??= { found: 0, total: 0, recall: 0 })
        b.total++
        if (pred === t.pop) b.found++
      }
    if (t.pop !== '' && pred === t.pop && t.errors.length > 0 && l) {
      flagTotal++
      const expected = new Set(
        t.errors
          .filter((e) => !moot.has(e))
          .flatMap((e) => EXPECTED_FLAGS[e as keyof typeof EXPECTED_FLAGS] ?? [])
      )
      const shown = l.flags.filter((f) => !INFORMATIONAL.has(f))
      const ok =
        [...expected].every((f) => shown.includes(f)) && shown.every((f) => expected.has(f))
      if (ok) flagRight++
      else if (process.env.DOISOAT_EVAL_DEBUG && flagTotal - flagRight <= 40)
        console.log(`flags? ${key} planted ${t.errors.join('|')} shown ${l.flags.join('|')}`)
    }
  }
  for (const b of Object.values(byError)) b.recall = b.total ? b.found / b.total : 1
  const precision = tp / Math.max(1, tp + fp)
  const recall = tp / Math.max(1, tp + fn)
  return {
    precision,
    recall,
    f1: (2 * precision * recall) / Math.max(1e-12, precision + recall),
    certainPrecision: certTp / Math.max(1, certTp + certFp),
    certainLinks: certTp + certFp,
    links: tp + fp,
    truePairs: tp + fn,
    flagAccuracy: flagRight / Math.max(1, flagTotal),
    flaggedPairs: flagTotal,
    recallByError: byError,
    hardNegatives: hard,
    falsePositiveKinds: fpKinds
  }
}

const EVAL_PASSPHRASE = 'eval passphrase'

/**
 * Share of true pairs the blocking brings together: the population record is in a block (of
 * the engine's own index over the whole population, oversized blocks dropped as in a run) that
 * one of the register row's keys opens. `truth` maps register keys to population keys.
 */
export async function blockingRecall(
  dbPath: string,
  truth: Map<string, { pop: string }>
): Promise<number> {
  unlockDatabase(dbPath, { passphrase: EVAL_PASSPHRASE })
  const db = openDb(dbPath, { readonly: true })
  try {
    const lex = new Lexicon(await loadAddressIndex())
    const pop = new RecordStore(lex, true, true)
    for (const r of db.prepare(`SELECT ${MATCH_COLUMNS} FROM population_record`).raw().iterate())
      pop.addRaw(r as unknown[])
    const at = new Map<string, number>()
    for (let i = 0; i < pop.size; i++) at.set(pop.keys[i]!, i)
    const index = new PopulationIndex(pop)
    const src = new RecordStore(lex, false, true)
    const srcRow = db
      .prepare(`SELECT ${MATCH_COLUMNS} FROM source_record WHERE record_key = ?`)
      .raw()
    let found = 0
    let total = 0
    const keys: number[] = []
    for (const [key, t] of truth) {
      if (!t.pop) continue
      total++
      const r = srcRow.get(key) as unknown[] | undefined
      const p = at.get(t.pop)
      if (!r || p === undefined) continue
      src.addRaw(r)
      blockingKeys(src, src.size - 1, keys)
      let hit = false
      for (const k of keys) {
        const a = index.blocks.find(k)
        for (let q = a; q < index.blocks.end && !hit; q++) hit = index.blocks.list[q] === p
        if (hit) break
      }
      if (hit) found++
    }
    return found / Math.max(1, total)
  } finally {
    db.close()
  }
}

interface LinkSummary {
  compared: number
  candidatePairs: number
  timings: Record<string, number>
}

/** `doisoat link` on two files into an encrypted database `dbPath`, links to `out`. */
function runLink(args: string[], dbPath: string, out: string): LinkSummary {
  const r = spawnSync(
    process.execPath,
    [
      join(__dirname, '..', 'bin', 'doisoat.cjs'),
      'link',
      ...args,
      '--out',
      out,
      '--db',
      dbPath,
      '--json'
    ],
    // The database is encrypted, as the CLI always does: its passphrase comes from here.
    {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
      env: { ...process.env, DOISOAT_PASSPHRASE: EVAL_PASSPHRASE }
    }
  )
  if (r.status !== 0) throw new Error(`doisoat link failed:\n${r.stderr}`)
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as LinkSummary
}

/** Drop the columns a sparse extract does not carry (the header names of the sample). */
function sparsen(file: string): void {
  const drop = new Set(['Số định danh/CMND', 'Số CCCD', 'Họ tên cha', 'Họ tên mẹ', 'Quê quán'])
  const lines = readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
  const split = (l: string): string[] =>
    l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ''))
  const header = split(lines[0]!)
  const keep = header.map((h, i) => (drop.has(h) ? -1 : i)).filter((i) => i >= 0)
  const out = lines
    .filter((l) => l !== '')
    .map((l) => {
      const cells = split(l)
      return keep.map((i) => cells[i] ?? '').join(',')
    })
  writeFileSync(file, out.join('\n') + '\n')
}

async function main(): Promise<void> {
  const population = arg('population', 50_000)
  const registry = arg('registry', 10_000)
  const seed = arg('seed', 7)
  // --holdout: the second Vietnamese set (bench/holdout-vn.ts), its own names and error mix.
  const holdout = process.argv.includes('--holdout')
  const dir = mkdtempSync(join(tmpdir(), 'doisoat-eval-'))
  try {
    if (holdout) writeHoldout(dir, { population, registry, seed, sparse: arg('sparse-share', 0.4) })
    else await writeSample({ outDir: dir, population, registry, seed, legacy: false })
    // --sparse: a residence or health-insurance list: no ID, no parents, no hometown.
    if (process.argv.includes('--sparse')) sparsen(join(dir, 'registry.csv'))
    // --hard: the harder register the learning is measured on (bench/harder.ts).
    if (process.argv.includes('--hard')) harden(dir, { seed, ...HARD })
    const dbPath = join(dir, 'eval.db')
    const out = join(dir, 'links.csv')
    const summary = runLink(
      ['--registry', join(dir, 'registry.csv'), '--population', join(dir, 'population.csv')],
      dbPath,
      out
    )
    const truth = readTruth(join(dir, 'truth.csv'))
    const moot = new Set(
      process.argv.includes('--sparse')
        ? ['missing_id', 'cmnd_only', 'id_one_digit', 'missing_parents']
        : []
    )
    const m = evaluate(truth, readLinks(out), moot)
    const br = await blockingRecall(dbPath, truth)
    const pct = (x: number): string => (x * 100).toFixed(2) + '%'
    const sparse = process.argv.includes('--sparse') ? ' (sparse: no ID, parents, hometown)' : ''
    const kind = holdout ? 'Second Vietnamese set (bench/holdout-vn.ts)' : 'Sample'
    console.log(`${kind}: population ${population}, registry ${registry}, seed ${seed}${sparse}`)
    console.log(`precision        ${pct(m.precision)}  (${m.links} links)`)
    console.log(`recall           ${pct(m.recall)}  (${m.truePairs} true pairs)`)
    console.log(`F1               ${m.f1.toFixed(4)}`)
    console.log(`certain precision ${pct(m.certainPrecision)}  (${m.certainLinks} certain links)`)
    console.log(`blocking recall  ${pct(br)}`)
    console.log(`pairs compared   ${summary.compared} (kept ${summary.candidatePairs})`)
    // The second set plants error kinds of its own, with no expected flag to check them against.
    if (!holdout)
      console.log(
        `flags right      ${pct(m.flagAccuracy)}  (${m.flaggedPairs} linked pairs with planted errors)`
      )
    console.log('recall by error type:')
    for (const [e, b] of Object.entries(m.recallByError).sort())
      console.log(`  ${e.padEnd(18)} ${pct(b.recall).padStart(8)}  ${b.found}/${b.total}`)
    console.log('false links to hard negatives (rows with such a look-alike):')
    for (const [k, h] of Object.entries(m.hardNegatives))
      console.log(`  ${k.padEnd(10)} ${h.falseLinks} / ${h.rows}`)
    console.log('false positives by kind:', JSON.stringify(m.falsePositiveKinds))
    console.log(`timings (s): ${JSON.stringify(summary.timings)}`)
    console.log(
      JSON.stringify({
        precision: m.precision,
        recall: m.recall,
        f1: m.f1,
        certainPrecision: m.certainPrecision,
        blockingRecall: br,
        flagAccuracy: m.flagAccuracy,
        compared: summary.compared
      })
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The public FEBRL sets: folder name → the register (dup.csv) and population (org.csv) files. */
const FEBRL_SETS = ['dataset1', 'dataset2', 'dataset3']

/**
 * `--febrl`: link each FEBRL set (English names, Australian addresses, a 7-digit ID) with the
 * committed English-headed mapping file, and score it: a duplicate rec-N-dup-K is rec-N-org.
 * `--no-id` leaves the ID column unmapped. `--data DIR` (default ../shared/data/febrl from the
 * repository root), `--sets dataset1,dataset3`.
 */
async function febrl(): Promise<void> {
  const argv = process.argv
  const at = argv.indexOf('--data')
  let root =
    at >= 0 ? resolve(argv[at + 1]!) : resolve(__dirname, '..', '..', 'shared', 'data', 'febrl')
  const si = argv.indexOf('--sets')
  let sets = si >= 0 ? argv[si + 1]!.split(',') : FEBRL_SETS
  const noId = argv.includes('--no-id')
  // --febrl-style: a problem of our own made from the sets' originals (bench/febrl-corrupt.ts),
  // 5,000 originals with one duplicate each, so that the engine is checked on data not tuned on.
  let made: string | null = null
  if (argv.includes('--febrl-style')) {
    made = mkdtempSync(join(tmpdir(), 'doisoat-febrl-style-'))
    const seed = arg('seed', 1)
    writeFebrlStyle(
      FEBRL_SETS.map((s) => join(root, s, 'org.csv')),
      join(made, `seed${seed}`),
      {
        records: arg('records', 5000),
        seed,
        maxPerRecord: arg('max-per-record', 4),
        maxPerField: arg('max-per-field', 2)
      }
    )
    root = made
    sets = [`seed${seed}`]
  }
  const mapping = JSON.parse(readFileSync(join(__dirname, 'febrl-mapping.json'), 'utf8')) as {
    fields: Record<string, unknown>
    ignore?: string[]
  }
  if (noId) {
    delete mapping.fields.other_id
    mapping.ignore = ['soc_sec_id']
  }
  const dir = mkdtempSync(join(tmpdir(), 'doisoat-febrl-'))
  try {
    const mappingFile = join(dir, 'mapping.json')
    writeFileSync(mappingFile, JSON.stringify(mapping))
    console.log(`FEBRL (${root})${noId ? ', ID column unmapped' : ''}`)
    const results: Record<string, unknown>[] = []
    for (const set of sets) {
      const dbPath = join(dir, `${set}.db`)
      const out = join(dir, `${set}-links.csv`)
      const registry = join(root, set, 'dup.csv')
      const summary = runLink(
        [
          '--registry',
          registry,
          '--population',
          join(root, set, 'org.csv'),
          '--mapping-registry',
          mappingFile,
          '--mapping-population',
          mappingFile
        ],
        dbPath,
        out
      )
      const truth = new Map<string, TruthRow>()
      for (const line of readFileSync(registry, 'utf8').split(/\r?\n/).slice(1)) {
        const key = line.split(',')[0]
        if (key)
          truth.set(key, {
            pop: key.replace(/-dup-\d+$/, '-org'),
            errors: [],
            lookalikes: new Map()
          })
      }
      const m = evaluate(truth, readLinks(out))
      const br = await blockingRecall(dbPath, truth)
      const row = {
        set,
        f1: m.f1,
        precision: m.precision,
        recall: m.recall,
        blockingRecall: br,
        candidatePairs: summary.compared,
        links: m.links,
        truePairs: m.truePairs
      }
      results.push(row)
      console.log(
        `${set.padEnd(9)} F1 ${m.f1.toFixed(4)}  precision ${m.precision.toFixed(4)}  recall ${m.recall.toFixed(4)}  ` +
          `blocking recall ${br.toFixed(4)}  candidate pairs ${summary.compared}  (${m.links} links, ${m.truePairs} true pairs)`
      )
      if (process.env.DOISOAT_EVAL_DEBUG) {
        const links = readLinks(out)
        for (const [key, t] of truth) {
          const l = links.get(key)
          const pred = l && l.grade !== 'none' ? l.pop : ''
          if (pred !== t.pop)
            console.log(
              `  miss ${key} → ${pred || '-'} (${l?.probability.toFixed(4)} ${l?.flags.join('|')})`
            )
        }
      }
    }
    console.log(JSON.stringify(results))
  } finally {
    rmSync(dir, { recursive: true, force: true })
    if (made) rmSync(made, { recursive: true, force: true })
  }
}

if (require.main === module) {
  const foreign = process.argv.includes('--febrl') || process.argv.includes('--febrl-style')
  const run = foreign ? febrl : process.argv.includes('--learn') ? learnEval : main
  run().catch((e: unknown) => {
    console.error(e)
    process.exitCode = 1
  })
}
