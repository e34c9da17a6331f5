// `npm run eval -- --learn N`: a simulated clerk answers N questions from the truth file; F1 before, along the way, after.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { allowPlainDatabases, openDb, type Db } from '../src/backend/db/open'
import { importFile } from '../src/backend/import/import-file'
import { labelRows } from '../src/backend/learn/labels'
import { refitModel } from '../src/backend/learn/refit'
import { openPairs, teachQuestions } from '../src/backend/learn/teach'
import { latestRun } from '../src/backend/learn/versions'
import { runMatch } from '../src/backend/match/run-match'
import { applyDecision } from '../src/backend/review/decide'
import { writeSample } from '../src/backend/sample/write-sample'
import { Rng } from '../src/core/sample/prng'
import { arg } from './args'
import { readTruth, type TruthRow } from './eval'
import { harden, HARD } from './harder'
import { writeHoldout } from './holdout-vn'

const ctx = { signal: new AbortController().signal, progress: () => undefined }

export interface LearnMetrics {
  f1: number
  precision: number
  recall: number
  certainPrecision: number
  certainLinks: number
  /** The same over the rows nobody answered: what the model alone does. */
  unaskedF1: number
}

/**
 * The links a clerk ends up with: decided rows as decided, open rows as the latest run links
 * them (any grade but none), scored against the truth file.
 */
export function scoreDb(db: Db, truth: Map<string, TruthRow>): LearnMetrics {
  const run = latestRun(db)!
  const rows = db
    .prepare(
      `SELECT s.record_key AS key, p.record_key AS pop, m.grade, rs.state,
         dp.record_key AS decided
       FROM match_result m JOIN source_record s ON s.id = m.source_record_id
       LEFT JOIN candidate_pair cp ON cp.id = m.pair_id
       LEFT JOIN population_record p ON p.id = cp.population_record_id
       LEFT JOIN review_state rs ON rs.source_record_id = m.source_record_id AND rs.state <> 'open'
       LEFT JOIN population_record dp ON dp.id = rs.population_record_id
       WHERE m.run_id = ?`
    )
    .all(run.id) as {
    key: string
    pop: string | null
    grade: string
    state: string | null
    decided: string | null
  }[]
  const all = { tp: 0, fp: 0, fn: 0 }
  const unasked = { tp: 0, fp: 0, fn: 0 }
  let certTp = 0
  let certFp = 0
  for (const r of rows) {
    const t = truth.get(r.key)
    if (!t) continue
    const asked = r.state !== null
    const pred = asked ? (r.decided ?? '') : r.grade !== 'none' ? (r.pop ?? '') : ''
    const tally = (c: typeof all): void => {
      if (pred !== '' && pred === t.pop) c.tp++
      else {
        if (pred !== '') c.fp++
        if (t.pop !== '') c.fn++
      }
    }
    tally(all)
    if (!asked) {
      tally(unasked)
      if (r.grade === 'certain') {
        if (pred === t.pop) certTp++
        else certFp++
      }
    }
  }
  const f1 = (c: typeof all): number => (2 * c.tp) / Math.max(1, 2 * c.tp + c.fp + c.fn)
  return {
    f1: f1(all),
    precision: all.tp / Math.max(1, all.tp + all.fp),
    recall: all.tp / Math.max(1, all.tp + all.fn),
    certainPrecision: certTp / Math.max(1, certTp + certFp),
    certainLinks: certTp + certFp,
    unaskedF1: f1(unasked)
  }
}

/**
 * A clerk answering from the truth file: the shown candidate is accepted when it is the person;
 * otherwise the right person is linked (found by quick search), or the row is marked as not in
 * the population database.
 */
function answer(
  db: Db,
  truth: Map<string, TruthRow>,
  popId: Map<string, number>,
  q: { sourceRecordId: number; populationRecordId: number },
  runId: number
): void {
  const key = db
    .prepare('SELECT record_key FROM source_record WHERE id = ?')
    .pluck()
    .get(q.sourceRecordId) as string
  const shown = db
    .prepare('SELECT record_key FROM population_record WHERE id = ?')
    .pluck()
    .get(q.populationRecordId) as string
  const t = truth.get(key)!
  db.transaction(() => {
    // The shown candidate is accepted when the grade linked it; below "possible" the clerk
    // links the same record by hand.
    const linked = db
      .prepare('SELECT pair_id FROM match_result WHERE run_id = ? AND source_record_id = ?')
      .pluck()
      .get(runId, q.sourceRecordId) as number | null | undefined
    if (t.pop === shown && linked != null)
      applyDecision(db, {
        sourceRecordId: q.sourceRecordId,
        action: 'accept',
        runId,
        actor: 'eval'
      })
    else if (t.pop !== '' && popId.has(t.pop))
      applyDecision(db, {
        sourceRecordId: q.sourceRecordId,
        action: 'relink',
        populationRecordId: popId.get(t.pop)!,
        runId,
        actor: 'eval'
      })
    else
      applyDecision(db, {
        sourceRecordId: q.sourceRecordId,
        action: 'not_in_population',
        runId,
        actor: 'eval'
      })
  })()
}

export type Chooser = 'teach' | 'random'

/** One simulated session on a copy of the matched database: F1 before, after each tenth, after. */
export async function session(
  base: string,
  dir: string,
  truth: Map<string, TruthRow>,
  questions: number,
  chooser: Chooser,
  learn: boolean,
  seed: number
): Promise<LearnMetrics[]> {
  const dbPath = join(dir, `${chooser}-${learn ? 'learn' : 'asked'}.db`)
  copyFileSync(base, dbPath)
  const out: LearnMetrics[] = []
  let db = openDb(dbPath)
  const popId = new Map(
    (
      db.prepare('SELECT record_key, id FROM population_record').all() as {
        record_key: string
        id: number
      }[]
    ).map((r) => [r.record_key, r.id])
  )
  out.push(scoreDb(db, truth))
  const rng = new Rng(seed, 4242)
  const step = Math.max(1, Math.round(questions / 10))
  for (let asked = 0; asked < questions;) {
    const n = Math.min(step, questions - asked)
    const runId = latestRun(db)!.id
    const picked =
      chooser === 'teach'
        ? teachQuestions(db, n).picked.map((q) => q.pair)
        : rng.shuffle(openPairs(db, runId)).slice(0, n)
    for (const q of picked) answer(db, truth, popId, q, runId)
    asked += n
    if (learn) {
      db.close()
      await refitModel({ dbPath, actor: 'eval' }, ctx)
      db = openDb(dbPath)
    }
    out.push(scoreDb(db, truth))
  }
  if (learn && labelRows(db).length === 0) throw new Error('no labels were written')
  db.close()
  return out
}

/** Generate the harder set, import it and match it once: the base every session copies. */
export async function prepare(
  dir: string,
  o: { population: number; registry: number; seed: number; holdout: boolean }
): Promise<string> {
  if (o.holdout)
    writeHoldout(dir, { population: o.population, registry: o.registry, seed: o.seed, sparse: 0.4 })
  else
    await writeSample({
      outDir: dir,
      population: o.population,
      registry: o.registry,
      seed: o.seed,
      legacy: false
    })
  harden(dir, { seed: o.seed, ...HARD })
  const dbPath = join(dir, 'base.db')
  await importFile({ dbPath, kind: 'population', file: join(dir, 'population.csv') }, ctx)
  await importFile({ dbPath, kind: 'registry', file: join(dir, 'registry.csv') }, ctx)
  await runMatch({ dbPath, actor: 'eval' }, ctx)
  // One file to copy: the WAL folded in.
  const db = openDb(dbPath)
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  return dbPath
}

const fmt = (m: LearnMetrics): string =>
  `F1 ${m.f1.toFixed(5)}  P ${m.precision.toFixed(5)}  R ${m.recall.toFixed(5)}  certain P ${m.certainPrecision.toFixed(5)} (${m.certainLinks})  unasked F1 ${m.unaskedF1.toFixed(5)}`

export async function learnEval(): Promise<void> {
  allowPlainDatabases()
  const questions = arg('learn', 100)
  const population = arg('population', 50_000)
  const registry = arg('registry', 10_000)
  const seed = arg('seed', 7)
  const holdout = process.argv.includes('--holdout')
  const dir = mkdtempSync(join(tmpdir(), 'doisoat-learn-'))
  try {
    const base = await prepare(dir, { population, registry, seed, holdout })
    const truth = readTruth(join(dir, 'truth.csv'))
    const kind = holdout ? 'Second Vietnamese set (bench/holdout-vn.ts)' : 'Sample'
    console.log(
      `${kind}, made harder (bench/harder.ts: typos ${HARD.typo}, given name first ${HARD.givenFirst}, lunar dates ${HARD.lunar}, no IDs): population ${population}, registry ${registry}, seed ${seed}; ${questions} questions`
    )
    const taught = await session(base, dir, truth, questions, 'teach', true, seed)
    const before = taught[0]!
    console.log(`no learning          ${fmt(before)}`)
    taught
      .slice(1)
      .forEach((m, i) =>
        console.log(
          `teach view ${String(Math.round(((i + 1) * questions) / 10)).padStart(4)} answers ${fmt(m)}`
        )
      )
    const after = taught[taught.length - 1]!
    const random = await session(base, dir, truth, questions, 'random', true, seed)
    const asked = await session(base, dir, truth, questions, 'teach', false, seed)
    const r = random[random.length - 1]!
    const a = asked[asked.length - 1]!
    const gap = 1 - before.f1
    const gain = after.f1 - before.f1
    console.log(`random reviewed pairs, learning ${fmt(r)}`)
    console.log(`teach view answers, no re-fit    ${fmt(a)}`)
    console.log(
      `gain ${gain.toFixed(5)} of a gap of ${gap.toFixed(5)} (${((100 * gain) / Math.max(1e-9, gap)).toFixed(1)} %; target 50 %); lowest certain precision ${Math.min(...taught.map((m) => m.certainPrecision)).toFixed(5)} (target 0.999)`
    )
    console.log(
      JSON.stringify({
        seed,
        holdout,
        questions,
        before: before.f1,
        after: after.f1,
        random: r.f1,
        askedNoRefit: a.f1,
        unaskedAfter: after.unaskedF1,
        unaskedBefore: before.unaskedF1,
        gainShare: gain / Math.max(1e-9, gap),
        certainPrecisionMin: Math.min(...taught.map((m) => m.certainPrecision)),
        steps: taught.map((m) => m.f1)
      })
    )
  } finally {
    if (!process.env.DOISOAT_EVAL_KEEP) rmSync(dir, { recursive: true, force: true })
    else console.log(`kept ${dir}`)
  }
}
