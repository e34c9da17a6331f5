// A match run: scan on worker threads, fit the model, assign (one to one between people), write pairs, flags and links.
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { MatchSummary } from '../../shared/api'
import { AppError } from '../../shared/errors'
import { compare, COMPARISONS, FIELD_COUNT, flagBit, flagList } from '../../core/match/compare'
import type { Flag, MatchGrade } from '../../shared/match'
import {
  GIVEN_KEY,
  mergeCounts,
  nameCoincidence,
  NAME_KEY,
  type PairBatch
} from '../../core/match/engine'
import {
  fitModel,
  levelWeights,
  modelFits,
  scorePairs,
  type IdentifierStats,
  type PairProfiles
} from '../../core/match/fit'
import {
  layersBits,
  learnLayer,
  profileKey,
  type AdjustLayer,
  type LabelledPair,
  type LearnOptions
} from '../../core/match/learn'
import { assignOneToOne } from '../../core/match/assign'
import {
  DEFAULT_THRESHOLDS,
  gradeOf,
  patternScorer,
  type ModelParams,
  type Thresholds
} from '../../core/match/model'
import { Lexicon, MATCH_COLUMNS, RecordStore } from '../../core/match/store'
import { appendAudit } from '../audit/audit'
import { databaseKey, openDb, type Db } from '../db/open'
import { checkpoint, type JobContext } from '../jobs/jobs'
import { runScanTask, type ScanTask, type ScanTaskResult } from './scan-task'

export interface MatchOptions {
  dbPath: string
  /** One source batch (incremental), or every source row. */
  source?: number | 'all'
  thresholds?: Partial<Thresholds>
  /** Worker threads; default: both cores when the population is large enough to pay for them. */
  workers?: number
  actor?: string
  /** Candidates kept per source record and population slice. */
  keep?: number
  /** Estimate a new model even for a single batch (file-to-file linking). */
  refit?: boolean
  /** Score with this model as it is (a version rolled back to, an imported one): nothing is fitted. */
  model?: ModelParams
  /** Learn from clerks' decisions on top of the fitted model (and the layers kept from before). */
  learn?: { labels: ReadonlyMap<number, SourceLabel>; keep: AdjustLayer[]; options?: LearnOptions }
  /** Called inside the run's transaction, before it commits, with the run and its model. */
  onCommit?: (db: Db, runId: number, params: ModelParams) => void
}

/** What clerks decided about one register row, as the learner reads it. */
export interface SourceLabel {
  /** The population record it is (accepted, relinked), or null. */
  match: number | null
  /** Population records it is not (a rejected candidate). */
  not: number[]
  /** No candidate other than `match` is it (a decided link, or not in the population at all). */
  othersNot: boolean
}

/** Below this many population rows one thread is faster than starting workers. */
const WORKER_MIN_POPULATION = 20_000
const RANDOM_PAIRS = 200_000
/** Candidate pairs stored per source record (the best first); the rest only fed the model. */
const STORED_PER_RECORD = 2
const STORE_MIN_P = 1e-3

function workerEntry(): { file: string; execArgv?: string[] } {
  // From sources (CLI, tests) a .cjs bootstrap loads tsx; the app bundle ships a built worker.
  if (__filename.endsWith('.ts')) return { file: join(__dirname, 'scan-worker.cjs') }
  return { file: join(__dirname, 'match-worker.js') }
}

function runInWorker(
  task: ScanTask,
  signal: AbortSignal,
  onProgress: (phase: 'load' | 'scan', done: number) => void
): Promise<ScanTaskResult> {
  return new Promise((resolve, reject) => {
    const w = new Worker(workerEntry().file)
    const abort = (): void => {
      void w.terminate()
      reject(new AppError('job_cancelled'))
    }
    signal.addEventListener('abort', abort, { once: true })
    w.on(
      'message',
      (
        m:
          | { type: 'progress'; phase: 'load' | 'scan'; done: number }
          | { type: 'done'; result: ScanTaskResult }
          | { type: 'error'; message: string }
      ) => {
        if (m.type === 'progress') onProgress(m.phase, m.done)
        else {
          signal.removeEventListener('abort', abort)
          void w.terminate()
          if (m.type === 'done') resolve(m.result)
          else reject(new Error(m.message))
        }
      }
    )
    w.on('error', (e) => {
      signal.removeEventListener('abort', abort)
      reject(e)
    })
    w.postMessage(task)
  })
}

/** Split population ids into `parts` slices of about equal row counts. */
function slices(db: Db, parts: number): [number, number][] {
  const count = db.prepare('SELECT count(*) FROM population_record').pluck().get() as number
  const at = db.prepare('SELECT id FROM population_record ORDER BY id LIMIT 1 OFFSET ?').pluck()
  const bounds: [number, number][] = []
  let from = 0
  for (let k = 1; k <= parts; k++) {
    const to =
      k === parts ? 2 ** 31 - 1 : ((at.get(Math.floor((count * k) / parts)) as number) ?? 1) - 1
    bounds.push([from, to])
    from = to + 1
  }
  return bounds
}

function concatPairs(list: PairBatch[]): PairBatch {
  const length = list.reduce((s, p) => s + p.length, 0)
  const out: PairBatch = {
    src: new Int32Array(length),
    popId: new Int32Array(length),
    levels: new Int8Array(length * FIELD_COUNT),
    flags: new Int32Array(length),
    nameKey: new Int32Array(length),
    length
  }
  let at = 0
  for (const p of list) {
    out.src.set(p.src, at)
    out.popId.set(p.popId, at)
    out.levels.set(p.levels, at * FIELD_COUNT)
    out.flags.set(p.flags, at)
    out.nameKey.set(p.nameKey, at)
    at += p.length
  }
  return out
}

const round = (x: number): number => Math.round(x * 100) / 100

export async function runMatch(o: MatchOptions, ctx: JobContext): Promise<MatchSummary> {
  const t0 = performance.now()
  const db = openDb(o.dbPath)
  try {
    const sourceBatch = o.source === undefined || o.source === 'all' ? null : o.source
    if (sourceBatch !== null) {
      const found = db
        .prepare('SELECT kind FROM import_batch WHERE id = ?')
        .pluck()
        .get(sourceBatch)
      if (found === undefined || found === 'population')
        throw new AppError('not_found', { what: 'import_batch', id: sourceBatch })
    }
    const populationTotal = db
      .prepare('SELECT count(*) FROM population_record')
      .pluck()
      .get() as number
    const cores = Math.max(1, Math.min(2, availableParallelism()))
    const workers = o.workers ?? (populationTotal >= WORKER_MIN_POPULATION ? cores : 1)
    const parts = slices(db, Math.max(1, workers))
    const seenDone = new Array<number>(parts.length).fill(0)
    const sourceTotal = db
      .prepare(
        sourceBatch === null
          ? 'SELECT count(*) FROM source_record'
          : 'SELECT count(*) FROM source_record WHERE batch_id = ?'
      )
      .pluck()
      .get(...(sourceBatch === null ? [] : [sourceBatch])) as number
    ctx.progress('scan', 0, sourceTotal)
    // Changes from other connections since this point (data_version moves): see `writeLocked`.
    const dataVersion = db.pragma('data_version', { simple: true })
    const tasks = parts.map(([popFrom, popTo], k): ScanTask => ({
      dbPath: o.dbPath,
      keyHex: databaseKey(o.dbPath)?.toString('hex') ?? null,
      popFrom,
      popTo,
      sourceBatch,
      randomPairs: Math.ceil(RANDOM_PAIRS / parts.length),
      keep: o.keep ?? 6,
      seed: 7 + k
    }))
    const tStart = performance.now()
    const progress = (k: number) => (phase: 'load' | 'scan', done: number) => {
      if (phase !== 'scan') return
      seenDone[k] = done
      ctx.progress('scan', Math.min(...seenDone), sourceTotal)
    }
    const results =
      parts.length === 1
        ? [await runScanTask(tasks[0]!, progress(0))]
        : await Promise.all(tasks.map((t, k) => runInWorker(t, ctx.signal, progress(k))))
    await checkpoint(ctx.signal)
    // Estimating the model takes a moment with nothing to count: the screen shows it as a step.
    ctx.progress('fit', 0, null)
    const tScan = performance.now()

    // ---- the model -----------------------------------------------------------------------
    const sourceIds = results[0]!.sourceIds
    const patterns = new Map<number, number>()
    const random = new Map<number, number>()
    const nameCount = new Map<number, number>()
    let compared = 0
    let populationCount = 0
    const ids: IdentifierStats = {
      id: { carried: 0, shared: 0 },
      other_id: { carried: 0, shared: 0 }
    }
    for (const r of results) {
      for (const k of ['id', 'other_id'] as const) {
        ids[k].carried += r.ids[k].carried
        ids[k].shared += r.ids[k].shared
      }
      mergeCounts(patterns, new Map(r.patterns))
      mergeCounts(random, new Map(r.random))
      for (let k = 0; k < r.nameKeys.length; k++)
        nameCount.set(r.nameKeys[k]!, (nameCount.get(r.nameKeys[k]!) ?? 0) + r.nameCounts[k]!)
      compared += r.compared
      populationCount += r.populationCount
    }
    const pairs = concatPairs(results.map((r) => r.pairs))
    // A field the extract does not carry at all is no finding on each of its rows.
    const carried = db
      .prepare(
        `SELECT count(id_number) + count(legacy_id) + count(other_id) AS ids,
           count(father_name) + count(mother_name) AS parents
         FROM source_record ${sourceBatch === null ? '' : 'WHERE batch_id = ?'}`
      )
      .get(...(sourceBatch === null ? [] : [sourceBatch])) as { ids: number; parents: number }
    let absent = 0
    if (carried.ids === 0) absent |= flagBit('id_missing')
    if (carried.parents === 0) absent |= flagBit('parents_missing')
    if (absent) for (let i = 0; i < pairs.length; i++) pairs.flags[i] = pairs.flags[i]! & ~absent
    const previous =
      sourceBatch === null || o.refit
        ? undefined
        : (db
            .prepare(
              "SELECT params_json FROM match_run WHERE state = 'done' ORDER BY id DESC LIMIT 1"
            )
            .pluck()
            .get() as string | undefined)
    const thresholds: Thresholds = { ...DEFAULT_THRESHOLDS, ...o.thresholds }
    // A new batch is scored with the model of the last full run: no re-estimation needed (unless
    // that model was saved by an engine with other comparison levels).
    const saved = previous ? (JSON.parse(previous) as ModelParams) : null
    let params: ModelParams = o.model
      ? { ...o.model, thresholds }
      : saved && modelFits(saved)
        ? { ...saved, thresholds }
        : fitModel(
            patterns,
            random,
            {
              full: nameCoincidence(nameCount, populationCount, NAME_KEY),
              given: nameCoincidence(nameCount, populationCount, GIVEN_KEY)
            },
            { source: sourceIds.length, population: populationCount },
            { thresholds },
            ids
          )
    const nameFreq = new Float64Array(pairs.length)
    for (let i = 0; i < pairs.length; i++)
      nameFreq[i] =
        Math.max(1, nameCount.get(pairs.nameKey[i]!) ?? 0) / Math.max(1, populationCount)
    // A model that learns (or learnt) from decisions corrects each profile on its own.
    const profiles =
      o.learn || params.layers?.length ? profilesOf(db, sourceIds, sourceBatch) : undefined
    if (o.learn && profiles)
      params = {
        ...params,
        layers: [
          ...o.learn.keep,
          learnLayer(
            labelledPairs(
              params,
              o.learn.keep,
              pairs,
              nameFreq,
              sourceIds,
              profiles,
              o.learn.labels
            ),
            o.learn.options
          )
        ]
      }
    const scores = scorePairs(params, pairs, nameFreq, profiles)
    // Population records linked to other batches are taken: this batch cannot claim them again.
    // (File-to-file linking is self-contained: another file linked earlier takes nothing.)
    const taken =
      sourceBatch === null || o.refit
        ? []
        : (db
            .prepare(
              `SELECT l.population_record_id FROM link l JOIN source_record s ON s.id = l.source_record_id
               WHERE s.batch_id <> ?`
            )
            .pluck()
            .all(sourceBatch) as number[])
    const assign = (same?: (a: number, b: number) => boolean) =>
      assignOneToOne(
        sourceIds.length,
        pairs.src,
        pairs.popId,
        scores.probability,
        thresholds.possible,
        thresholds.probable,
        taken,
        same
      )
    let assignment = assign()
    // Rows that lost their record to another row: are they that row written twice?
    if (assignment.contested > 0) assignment = assign(sameSourceJudge(db, sourceIds, params))
    const tFit = performance.now()
    await checkpoint(ctx.signal)

    // ---- writing -------------------------------------------------------------------------
    ctx.progress('write', 0, sourceIds.length)
    const now = new Date().toISOString()
    const grades: Record<MatchGrade, number> = { certain: 0, probable: 0, possible: 0, none: 0 }
    let duplicates = 0
    let runId = 0
    // Pairs of each source record, best first.
    const bySource: number[][] = Array.from({ length: sourceIds.length }, () => [])
    for (let i = 0; i < pairs.length; i++) bySource[pairs.src[i]!]!.push(i)
    for (const list of bySource)
      list.sort((a, b) => scores.probability[b]! - scores.probability[a]!)

    writeLocked(db, dataVersion)
    try {
      runId = Number(
        db
          .prepare(
            `INSERT INTO match_run (source_batch_id, scope, state, params_json, stats_json, source_count,
               population_count, started_by, started_at, last_source_id)
             VALUES (?, ?, 'done', ?, '{}', ?, ?, ?, ?, ?)`
          )
          .run(
            sourceBatch,
            sourceBatch === null ? 'all' : 'batch',
            JSON.stringify(params),
            sourceIds.length,
            populationCount,
            o.actor ?? 'system',
            now,
            sourceIds.reduce((m, id) => Math.max(m, id), 0) || null
          ).lastInsertRowid
      )
      const insPair = db.prepare(
        `INSERT INTO candidate_pair (run_id, source_record_id, population_record_id, rank, probability,
           total_weight, grade, levels_json, weights_json, flags_json, flag_bits)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      const insFlag = db.prepare('INSERT OR IGNORE INTO pair_flag (flag, pair_id) VALUES (?, ?)')
      const insResult = db.prepare(
        `INSERT INTO match_result (run_id, source_record_id, pair_id, grade, probability, flags_json)
         VALUES (?, ?, ?, ?, ?, ?)`
      )
      const delAuto = db.prepare("DELETE FROM link WHERE source_record_id = ? AND method = 'auto'")
      // A clerk's decision (accept, reject, relink, not in the population...) outlives reruns; so
      // does a link whose population record changed under it, until a clerk has looked at both
      // versions: a rerun never moves it to another person.
      const decided = db
        .prepare(
          `SELECT 1 FROM review_state WHERE source_record_id = @src AND state <> 'open'
           UNION ALL SELECT 1 FROM review_population_change WHERE source_record_id = @src`
        )
        .pluck()
      // A first run in a database (file-to-file linking) has no decisions and no links to
      // replace: one look each instead of two statements per source record.
      const anyDecided =
        db
          .prepare(
            `SELECT EXISTS (SELECT 1 FROM review_state WHERE state <> 'open')
               OR EXISTS (SELECT 1 FROM review_population_change)`
          )
          .pluck()
          .get() === 1
      const anyAuto =
        db.prepare("SELECT EXISTS (SELECT 1 FROM link WHERE method = 'auto')").pluck().get() === 1
      const insLink = db.prepare(
        `INSERT OR IGNORE INTO link (source_record_id, population_record_id, run_id, pair_id, method,
           grade, decided_by, decided_at, population_version)
         SELECT @src, @pop, @runId, @pairId, 'auto', @grade, @actor, @at, version
         FROM population_record WHERE id = @pop`
      )
      for (let s = 0; s < sourceIds.length; s++) {
        const srcId = sourceIds[s]!
        const chosen = assignment.chosen[s]!
        const recordFlags = assignment.recordFlags[s]!
        if (recordFlags.includes('duplicate_in_source')) duplicates++
        let chosenPairId: number | null = null
        const list = bySource[s]!
        for (let r = 0; r < list.length; r++) {
          const i = list[r]!
          const p = scores.probability[i]!
          if (r >= STORED_PER_RECORD && i !== chosen) continue
          if (r > 0 && p < STORE_MIN_P && i !== chosen) continue
          // {"name":"exact",...} and {"name":12.5,...}, built directly: a million of each.
          let levels = '{'
          let weights = '{'
          for (let f = 0; f < FIELD_COUNT; f++) {
            const l = pairs.levels[i * FIELD_COUNT + f]!
            const c = COMPARISONS[f]!
            levels += `${f ? ',' : ''}"${c.field}":${l < 0 ? 'null' : `"${c.levels[l]}"`}`
            weights += `${f ? ',' : ''}"${c.field}":${round(scores.weights[i * FIELD_COUNT + f]!)}`
          }
          // A model that learnt from decisions: the pattern's own correction, beside the fields.
          const learnt = scores.learnt?.[i] ?? 0
          if (learnt !== 0) {
            levels += ',"learnt":"pattern"'
            weights += `,"learnt":${round(learnt)}`
          }
          levels += '}'
          weights += '}'
          const flags: Flag[] = flagList(pairs.flags[i]!)
          if (r === 0 || i === chosen) flags.push(...recordFlags.filter((f) => f !== 'unmatched'))
          const total = Math.log2(p / Math.max(1e-300, 1 - p))
          const pairId = Number(
            insPair.run(
              runId,
              srcId,
              pairs.popId[i]!,
              r + 1,
              p,
              Number.isFinite(total) ? round(total) : 999,
              gradeOf(p, params.thresholds),
              levels,
              weights,
              JSON.stringify(flags),
              pairs.flags[i]! >>> 0
            ).lastInsertRowid
          )
          if (r === 0 || i === chosen) for (const f of flags) insFlag.run(f, pairId)
          if (i === chosen) chosenPairId = pairId
        }
        const p = chosen >= 0 ? scores.probability[chosen]! : 0
        const grade: MatchGrade = chosen >= 0 ? gradeOf(p, params.thresholds) : 'none'
        grades[grade]++
        const resultFlags: Flag[] = chosen >= 0 ? flagList(pairs.flags[chosen]!) : []
        resultFlags.push(...recordFlags)
        insResult.run(runId, srcId, chosenPairId, grade, p, JSON.stringify(resultFlags))
        if (!anyDecided || decided.get({ src: srcId }) === undefined) {
          if (anyAuto) delAuto.run(srcId)
          // Only certain links are accepted automatically; the rest wait for a clerk.
          if (grade === 'certain') {
            insLink.run({
              src: srcId,
              pop: pairs.popId[chosen]!,
              runId,
              pairId: chosenPairId,
              grade,
              actor: o.actor ?? 'system',
              at: now
            })
          }
        }
        if ((s & 8191) === 8191) ctx.progress('write', s + 1, sourceIds.length)
      }
      const tEnd = performance.now()
      const stats = {
        compared,
        candidatePairs: pairs.length,
        grades,
        duplicates,
        workers: parts.length,
        threads: results.map((r) => r.timings),
        seconds: {
          setup: round((tStart - t0) / 1000),
          scan: round((tScan - tStart) / 1000),
          fit: round((tFit - tScan) / 1000),
          write: round((tEnd - tFit) / 1000)
        }
      }
      db.prepare('UPDATE match_run SET stats_json = ?, finished_at = ? WHERE id = ?').run(
        JSON.stringify(stats),
        new Date().toISOString(),
        runId
      )
      // A full run has seen every population record, those a sync pull changed included.
      if (sourceBatch === null) db.prepare('DELETE FROM sync_rematch').run()
      appendAudit(db, {
        actor: o.actor ?? 'system',
        action: 'match',
        entity: 'match_run',
        entityId: runId,
        detail: { source: sourceBatch ?? 'all', sources: sourceIds.length, grades }
      })
      o.onCommit?.(db, runId, params)
      await checkpoint(ctx.signal)
      db.exec('COMMIT')
      ctx.progress('write', sourceIds.length, sourceIds.length)
      return {
        runId,
        sourceCount: sourceIds.length,
        populationCount,
        compared,
        candidatePairs: pairs.length,
        grades,
        unmatched: grades.none,
        duplicates,
        seconds: stats.seconds,
        model: levelWeights(params)
      }
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK')
      throw e
    }
  } finally {
    db.close()
  }
}

/**
 * Whether two register rows that claim the same population record are one person written twice:
 * the rows are read from the database (only those that contest a record, a few in a thousand)
 * and compared with each other under the run's model, as a register row is with a population
 * record; their own evidence, without the prior, decides. Two people rarely get this far: a
 * twin's, sibling's or namesake's row differs from the record in its given name, birth date or
 * ID, which keeps its claim below possible.
 */
function sameSourceJudge(
  db: Db,
  sourceIds: Int32Array,
  params: ModelParams
): (a: number, b: number) => boolean {
  // Without the address tables (their load would cost more than the comparisons): register rows
  // carry the commune codes the import resolved, and two rows' unresolved addresses are compared
  // by their words.
  const store = new RecordStore(new Lexicon(null), false, true)
  const row = db.prepare(`SELECT ${MATCH_COLUMNS} FROM source_record WHERE id = ?`).raw()
  const at = new Map<number, number>()
  const place = (s: number): number => {
    let k = at.get(s)
    if (k === undefined) {
      store.addRaw(row.get(sourceIds[s]) as unknown[])
      k = store.size - 1
      at.set(s, k)
    }
    return k
  }
  const scorer = patternScorer(params)
  const levels = new Int8Array(FIELD_COUNT)
  const weights = new Float64Array(FIELD_COUNT)
  return (a, b) => {
    compare(store, place(a), store, place(b), levels)
    // Both rows already claim the record as their best candidate: the prior of a random pair
    // does not apply.
    return scorer.score(levels, 0, 0, weights) - scorer.prior >= 0
  }
}

/**
 * Take the write lock for the run's results. Every pair refers to a source and a population
 * record the scan read; when no other connection has committed since the scan began (the
 * connection's data_version has not moved), those records all still exist, and checking each
 * insert's foreign keys would only re-read a random page of a million-row table per pair (half
 * the write time on an encrypted database). Otherwise the keys are checked as always.
 */
function writeLocked(db: Db, dataVersion: unknown): void {
  const unchanged = (): boolean => db.pragma('data_version', { simple: true }) === dataVersion
  if (unchanged()) {
    db.pragma('foreign_keys = OFF')
    db.exec('BEGIN IMMEDIATE')
    // A commit may have landed between the look and the lock.
    if (unchanged()) return
    db.exec('ROLLBACK')
    db.pragma('foreign_keys = ON')
  }
  db.exec('BEGIN IMMEDIATE')
}

/** Each source record's profile (its register's kind and its commune), by position in the run. */
function profilesOf(db: Db, sourceIds: Int32Array, batch: number | null): PairProfiles {
  const rows = db
    .prepare(
      `SELECT s.id, b.kind, s.residence_commune_code AS commune FROM source_record s
       JOIN import_batch b ON b.id = s.batch_id ${batch === null ? '' : 'WHERE s.batch_id = ?'}`
    )
    .all(...(batch === null ? [] : [batch])) as {
    id: number
    kind: string
    commune: string | null
  }[]
  const keyOf = new Map<number, string>()
  for (const r of rows) keyOf.set(r.id, profileKey(r.kind, r.commune))
  const keys: string[] = []
  const at = new Map<string, number>()
  const ofSource = new Int32Array(sourceIds.length)
  for (let s = 0; s < sourceIds.length; s++) {
    const key = keyOf.get(sourceIds[s]!) ?? profileKey('', null)
    let k = at.get(key)
    if (k === undefined) {
      k = keys.length
      keys.push(key)
      at.set(key, k)
    }
    ofSource[s] = k
  }
  return { ofSource, keys }
}

/**
 * The scanned pairs the decisions label: a decided link is a true pair and every other candidate
 * of that row a false one; a rejected candidate is a false pair; a row not in the population has
 * no true pair among its candidates. Each with the bits the fitted model (and the layers kept)
 * gives it, which the learnt layer corrects.
 */
function labelledPairs(
  params: ModelParams,
  keep: AdjustLayer[],
  pairs: PairBatch,
  nameFreq: Float64Array,
  sourceIds: Int32Array,
  profiles: PairProfiles,
  labels: ReadonlyMap<number, SourceLabel>
): LabelledPair[] {
  const scorer = patternScorer(params)
  const w = new Float64Array(FIELD_COUNT)
  const out: LabelledPair[] = []
  for (let i = 0; i < pairs.length; i++) {
    const label = labels.get(sourceIds[pairs.src[i]!]!)
    if (!label) continue
    const pop = pairs.popId[i]!
    const match =
      pop === label.match
        ? true
        : label.not.includes(pop) || (label.othersNot && label.match !== pop)
          ? false
          : null
    if (match === null) continue
    const at = i * FIELD_COUNT
    const profile = profiles.keys[profiles.ofSource[pairs.src[i]!]!]!
    out.push({
      levels: pairs.levels.subarray(at, at + FIELD_COUNT),
      offset:
        scorer.score(pairs.levels, at, nameFreq[i]!, w) +
        layersBits(keep, profile, pairs.levels, at),
      match,
      profile
    })
  }
  return out
}
