// The review queue: built once per run from match results, filtered and sorted by whitelisted SQL,
// paged from a cached ordered id list so any page of a million rows is a hundred primary-key reads.
import type { QueueFilter, QueueRow, ReviewDashboard } from '../../shared/api'
import { AppError } from '../../shared/errors'
import { MATCH_FLAGS, MATCH_GRADES, PAIR_FLAGS, RECORD_FLAGS } from '../../shared/match'
import type { MatchGrade } from '../../shared/match'
import type { QueueSortField, ReviewState } from '../../shared/review'
import { REVIEW_STATES } from '../../shared/review'
import type { Db } from '../db/open'
import { all, column, exists, get, ident, iterateValues, join, run, sql, value } from '../db/sql'

/** Bit i of review_item.flag_mask is MATCH_FLAGS[i]: the pair, record and review flags. */
const FLAG_BIT = new Map<string, bigint>(MATCH_FLAGS.map((f, i) => [f, 2n ** BigInt(i)]))

export function flagMask(flags: readonly string[]): bigint {
  let mask = 0n
  for (const f of flags) {
    const bit = FLAG_BIT.get(f)
    if (bit === undefined)
      throw new AppError('validation', { detail: `filter.flag: unknown flag "${f}"` })
    mask |= bit
  }
  return mask
}

export function flagNames(mask: number | bigint): string[] {
  const m = BigInt(mask)
  return MATCH_FLAGS.filter((_, i) => (m >> BigInt(i)) & 1n)
}

export interface QueueSort {
  field: QueueSortField
  dir: 'asc' | 'desc'
}

export function latestRunId(db: Db): number | null {
  return (
    value(db, sql<{ id: number | null }>`SELECT max(id) FROM match_run WHERE state = 'done'`) ??
    null
  )
}

/** The run asked for, or the latest finished one; its queue is built on first use. */
export function resolveRun(db: Db, runId: number | undefined): number | null {
  const id = runId ?? latestRunId(db)
  if (id == null) return null
  if (!exists(db, sql`SELECT 1 FROM match_run WHERE id = ${id}`))
    throw new AppError('not_found', { what: 'match_run', id })
  ensureQueue(db, id)
  return id
}

/**
 * The run to read a record's pair from: the one asked for; else the latest run, unless the record
 * was only matched by an earlier one (a later run of another batch does not hide its pairs).
 */
export function runForSource(
  db: Db,
  sourceRecordId: number,
  runId: number | undefined
): number | null {
  if (runId !== undefined) return resolveRun(db, runId)
  const latest = resolveRun(db, undefined)
  if (latest == null) return null
  if (
    exists(
      db,
      sql`SELECT 1 FROM match_result WHERE run_id = ${latest} AND source_record_id = ${sourceRecordId}`
    )
  )
    return latest
  const own = value(
    db,
    sql<{ runId: number | null }>`SELECT max(run_id) FROM candidate_pair
      WHERE source_record_id = ${sourceRecordId}`
  )
  return own ?? latest
}

/** review_item.flag_mask's record-flag bits, from match_result.flags_json (a JSON list of names). */
const recordFlagSql = join(
  RECORD_FLAGS.map(
    (f, i) =>
      sql`(CASE WHEN instr(m.flags_json, ${`"${f}"`}) > 0 THEN ${2n ** BigInt(PAIR_FLAGS.length + i)} ELSE 0 END)`
  ),
  ' + '
)

/** The review flag a changed population record sets (review_population_change). */
const changedBit = (): bigint => flagMask(['population_changed'])

/** review_item.grade_rank: a grade's place in MATCH_GRADES, so the grade order is a plain integer sort. */
const gradeRankSql = sql`CASE m.grade ${join(
  MATCH_GRADES.map((g, i) => sql`WHEN ${g} THEN ${BigInt(i)}`),
  ' '
)} END`

/**
 * Copy a run's results into review_item. Built lazily rather than by a trigger on match_result so
 * the match run itself pays nothing; the reviewer state comes from review_state (decisions
 * outlive runs).
 */
export function ensureQueue(db: Db, runId: number): void {
  const built = sql`SELECT 1 FROM review_run WHERE run_id = ${runId}`
  if (exists(db, built)) return
  // A bigger page cache for the copy only: the index inserts of a million rows thrash the default.
  const cacheSize = value(db, sql<{ cache_size: number }>`PRAGMA cache_size`)
  db.pragma('cache_size = -262144')
  try {
    db.transaction(() => {
      if (exists(db, built)) return
      const before = value(db, sql<{ id: number | null }>`SELECT max(id) FROM review_item`)
      const n = run(
        db,
        sql`INSERT INTO review_item (run_id, source_record_id, pair_id, population_record_id, grade,
             grade_rank, probability, flag_mask, batch_id, commune, state, name_key, dob)
           SELECT m.run_id, m.source_record_id, m.pair_id, cp.population_record_id, m.grade,
             ${gradeRankSql},
             m.probability, coalesce(cp.flag_bits, 0) + ${recordFlagSql}
               + (CASE WHEN pc.source_record_id IS NULL THEN 0 ELSE ${changedBit()} END),
             s.batch_id, s.residence_commune_code,
             coalesce(rs.state, CASE WHEN l.method = 'auto' THEN 'auto_accepted' ELSE 'open' END),
             s.name_key, s.dob
           FROM match_result m
           JOIN source_record s ON s.id = m.source_record_id
           LEFT JOIN candidate_pair cp ON cp.id = m.pair_id
           LEFT JOIN review_state rs ON rs.source_record_id = m.source_record_id
           LEFT JOIN link l ON l.source_record_id = m.source_record_id
           LEFT JOIN review_population_change pc ON pc.source_record_id = m.source_record_id
           WHERE m.run_id = ${runId}
           ORDER BY m.source_record_id`
      ).changes
      const first = n > 0 ? (before ?? 0) + 1 : null
      const last = first == null ? null : first + n - 1
      run(
        db,
        sql`INSERT INTO review_run (run_id, items, first_id, last_id, built_at)
          VALUES (${runId}, ${n}, ${first}, ${last}, ${new Date().toISOString()})`
      )
    }).immediate()
  } finally {
    db.pragma(`cache_size = ${cacheSize ?? -2000}`)
  }
}

// ---- the in-memory queue ------------------------------------------------------------------
// One snapshot per run: the filter columns as typed arrays (indexed by id - first_id) and the
// orders, each sorted on first use. A filter is one pass along an order; its result is cached
// until a reviewer state changes. Writes by other connections (a match in a worker, another
// window) show in PRAGMA data_version and drop the snapshots.

const STATE_CODE = new Map(REVIEW_STATES.map((s, i) => [s, i]))

interface Snapshot {
  runId: number
  first: number
  n: number
  source: Int32Array
  hasPair: Uint8Array
  grade: Uint8Array
  flagLo: Uint32Array
  flagHi: Uint32Array
  batch: Int32Array
  commune: Int32Array
  communes: Map<string, number>
  state: Uint8Array
  orders: Map<string, Int32Array>
  lists: Map<string, Int32Array>
}

interface DbQueues {
  dataVersion: number
  runs: Map<number, Snapshot>
}
const queues = new WeakMap<Db, DbQueues>()

function queuesOf(db: Db): DbQueues {
  // Always one row; -1 would only mean "unknown", which no cached snapshot matches.
  const version = value(db, sql<{ data_version: number }>`PRAGMA data_version`) ?? -1
  let q = queues.get(db)
  if (!q || q.dataVersion !== version)
    queues.set(db, (q = { dataVersion: version, runs: new Map() }))
  return q
}

function load(db: Db, runId: number): Snapshot {
  const q = queuesOf(db)
  const hit = q.runs.get(runId)
  if (hit) return hit
  ensureQueue(db, runId)
  const r = get(
    db,
    sql<{ items: number; first: number | null }>`SELECT items, first_id AS first
      FROM review_run WHERE run_id = ${runId}`
  )
  const n = r?.items ?? 0
  const first = r?.first ?? 0
  const snap: Snapshot = {
    runId,
    first,
    n,
    source: new Int32Array(n),
    hasPair: new Uint8Array(n),
    grade: new Uint8Array(n),
    flagLo: new Uint32Array(n),
    flagHi: new Uint32Array(n),
    batch: new Int32Array(n),
    commune: new Int32Array(n),
    communes: new Map(),
    state: new Uint8Array(n),
    orders: new Map(),
    lists: new Map()
  }
  // The run's rows are one id range: a sequential read, not a million random ones.
  const rows = sql<
    [
      id: number,
      sourceRecordId: number,
      hasPair: number,
      gradeRank: number,
      flagMask: number,
      batchId: number,
      commune: string | null,
      state: ReviewState
    ]
  >`SELECT id, source_record_id, pair_id IS NOT NULL, grade_rank, flag_mask, batch_id, commune,
      state FROM review_item WHERE id BETWEEN ${first} AND ${first + n - 1}`
  for (const row of iterateValues(db, rows)) {
    const i = row[0] - first
    snap.source[i] = row[1]
    snap.hasPair[i] = row[2]
    snap.grade[i] = row[3]
    snap.flagLo[i] = row[4] % 2 ** 32
    snap.flagHi[i] = Math.floor(row[4] / 2 ** 32)
    snap.batch[i] = row[5]
    let c = -1
    if (row[6] !== null) {
      c = snap.communes.get(row[6]) ?? snap.communes.size
      snap.communes.set(row[6], c)
    }
    snap.commune[i] = c
    snap.state[i] = STATE_CODE.get(row[7]) ?? 0
  }
  q.runs.set(runId, snap)
  return snap
}

/**
 * Item positions in ascending order of a column (ties by source record), sorted once per run and
 * process on first use. No index is kept for it: maintaining three of them (or ranking at build)
 * made preparing a million-row queue about three times slower.
 */
const ORDER_COLUMNS = ['probability', 'name_key', 'dob'] as const

function order(db: Db, snap: Snapshot, by: (typeof ORDER_COLUMNS)[number]): Int32Array {
  let o = snap.orders.get(by)
  if (!o) {
    const ids = column(
      db,
      sql<{ id: number }>`SELECT id FROM review_item WHERE id BETWEEN ${snap.first}
        AND ${snap.first + snap.n - 1} ORDER BY ${ident(by, ORDER_COLUMNS)}, source_record_id`
    )
    o = Int32Array.from(ids, (id) => id - snap.first)
    snap.orders.set(by, o)
  }
  return o
}

/** Keep loaded snapshots in step with a decision made on this connection (state and flags). */
export function noteState(db: Db, sourceRecordId: number, state: ReviewState): void {
  const q = queues.get(db)
  if (!q || q.runs.size === 0) return
  const code = STATE_CODE.get(state) ?? 0
  for (const r of all(
    db,
    sql<{ id: number; runId: number; flagMask: number }>`SELECT id, run_id AS runId,
      flag_mask AS flagMask FROM review_item WHERE source_record_id = ${sourceRecordId}`
  )) {
    const snap = q.runs.get(r.runId)
    if (!snap) continue
    const i = r.id - snap.first
    snap.state[i] = code
    snap.flagLo[i] = r.flagMask % 2 ** 32
    snap.flagHi[i] = Math.floor(r.flagMask / 2 ** 32)
    snap.lists.clear()
  }
}

/** Drop this connection's snapshots (many items changed at once, e.g. by a sync pull). */
export function forgetQueues(db: Db): void {
  queues.delete(db)
}

type Predicate = (i: number) => boolean

/**
 * The states a queue shows when the filter names none: every state but the links the run accepted
 * on its own, which would otherwise fill the first pages (a filter on that state shows them).
 */
const DEFAULT_STATES: readonly ReviewState[] = REVIEW_STATES.filter((s) => s !== 'auto_accepted')

/** What a filter asks beyond itself: a candidate to act on; no population change awaiting a look. */
interface Needs {
  pair?: boolean
  settled?: boolean
}

/** One monomorphic test per filter (a chain of closures costs ten times more per row). */
function predicate(snap: Snapshot, f: Partial<QueueFilter>, needs: Needs = {}): Predicate {
  const { hasPair, grade, flagLo, flagHi, batch, commune, state } = snap
  const needPair = needs.pair === true
  let grades: Uint8Array | null = null
  if (f.grade?.length) {
    grades = new Uint8Array(4)
    for (const g of f.grade) grades[MATCH_GRADES.indexOf(g)] = 1
  }
  const states = new Uint8Array(REVIEW_STATES.length)
  for (const s of f.state?.length ? f.state : DEFAULT_STATES) states[STATE_CODE.get(s)!] = 1
  const flagged = (f.flag?.length ?? 0) > 0
  const mask = flagged ? flagMask(f.flag!) : 0n
  const lo = Number(mask % 2n ** 32n) | 0
  const hi = Number(mask / 2n ** 32n) | 0
  const only = f.flagMode === 'only'
  const changed = changedBit()
  const changedLo = Number(changed % 2n ** 32n) | 0
  const changedHi = Number(changed / 2n ** 32n) | 0
  const settled = needs.settled === true
  const b = f.batchId ?? -1
  const byBatch = f.batchId !== undefined
  const c = f.commune === undefined ? -1 : (snap.communes.get(f.commune) ?? -2)
  const byCommune = f.commune !== undefined
  return (i) => {
    if (needPair && hasPair[i] !== 1) return false
    if (grades !== null && grades[grade[i]!] !== 1) return false
    if (states[state[i]!] !== 1) return false
    if (byBatch && batch[i] !== b) return false
    if (byCommune && commune[i] !== c) return false
    const x = flagLo[i]! | 0
    const y = flagHi[i]! | 0
    if (settled && ((x & changedLo) !== 0 || (y & changedHi) !== 0)) return false
    if (flagged) {
      if (only) {
        if ((x === 0 && y === 0) || (x & ~lo) !== 0 || (y & ~hi) !== 0) return false
      } else if ((x & lo) === 0 && (y & hi) === 0) return false
    }
    return true
  }
}

/** Item positions of a filter in the order of a sort (ties by id, like the SQL indexes). */
function filtered(
  db: Db,
  snap: Snapshot,
  f: Partial<QueueFilter>,
  sort: QueueSort | undefined,
  needs: Needs = {}
): Int32Array {
  const key = JSON.stringify([
    f.grade ?? null,
    f.flag ?? null,
    f.flagMode ?? 'any',
    f.batchId ?? null,
    f.commune ?? null,
    f.state ?? null,
    sort ?? null,
    needs.pair === true,
    needs.settled === true
  ])
  const hit = snap.lists.get(key)
  if (hit) return hit
  const test = predicate(snap, f, needs)
  const desc = sort?.dir !== 'asc'
  let base: Int32Array
  let reverse: boolean
  switch (sort?.field) {
    case 'name':
      ;[base, reverse] = [order(db, snap, 'name_key'), desc]
      break
    case 'dob':
      ;[base, reverse] = [order(db, snap, 'dob'), desc]
      break
    case 'grade':
      // Grades are bands of probability, so 'certain first' is 'most probable first'.
      ;[base, reverse] = [order(db, snap, 'probability'), !desc]
      break
    default:
      ;[base, reverse] = [order(db, snap, 'probability'), desc]
  }
  const out = new Int32Array(snap.n)
  let k = 0
  const take = (i: number): void => {
    if (test(i)) out[k++] = i
  }
  if (sort?.field === 'state') {
    // By state (in the order SQL would sort the names), then by probability.
    const codes = [...REVIEW_STATES].sort().map((s) => STATE_CODE.get(s)!)
    if (desc) codes.reverse()
    for (const c of codes)
      for (let j = 0; j < base.length; j++) {
        const i = base[reverse ? base.length - 1 - j : j]!
        if (snap.state[i] === c) take(i)
      }
  } else for (let j = 0; j < base.length; j++) take(base[reverse ? base.length - 1 - j : j]!)
  const list = out.slice(0, k)
  snap.lists.set(key, list)
  if (snap.lists.size > 32) snap.lists.delete(snap.lists.keys().next().value!)
  return list
}

/** A queue row as stored: its flags as a bit mask, turned into names when a page is read. */
interface ItemRow extends Omit<QueueRow, 'flags'> {
  flag_mask: number
}

/**
 * One page of the queue, in list order, with the current state of each row; and how many rows of
 * the filter the default left out (accepted by the run on its own; 0 when the filter names states).
 */
export function queuePage(
  db: Db,
  runId: number,
  f: Partial<QueueFilter>,
  sort: QueueSort | undefined,
  startRow: number,
  endRow: number
): { rows: QueueRow[]; total: number; hiddenAutoAccepted: number } {
  const snap = load(db, runId)
  const list = filtered(db, snap, f, sort)
  const hiddenAutoAccepted = f.state?.length
    ? 0
    : filtered(db, snap, { ...f, state: ['auto_accepted'] }, undefined).length
  const ids = Array.from(list.subarray(startRow, endRow), (i) => i + snap.first)
  if (ids.length === 0) return { rows: [], total: list.length, hiddenAutoAccepted }
  const rows = all(
    db,
    sql<ItemRow>`SELECT ri.source_record_id AS sourceRecordId, s.record_key AS sourceKey,
         s.full_name AS name, s.dob, ri.batch_id AS batchId, ri.commune, ri.pair_id AS pairId,
         ri.population_record_id AS populationRecordId, p.record_key AS populationKey,
         p.full_name AS populationName, p.dob AS populationDob, ri.grade, ri.probability,
         ri.flag_mask, ri.state
       FROM json_each(${JSON.stringify(ids)}) j
       JOIN review_item ri ON ri.id = j.value
       JOIN source_record s ON s.id = ri.source_record_id
       LEFT JOIN population_record p ON p.id = ri.population_record_id
       ORDER BY j.key`
  )
  return {
    rows: rows.map(({ flag_mask, ...r }) => ({ ...r, flags: flagNames(flag_mask) })),
    total: list.length,
    hiddenAutoAccepted
  }
}

/** Every review_item id of a filtered, sorted queue, in list order (for exports of the whole view). */
export function queueItemIds(
  db: Db,
  runId: number,
  f: Partial<QueueFilter>,
  sort: QueueSort | undefined
): number[] {
  const snap = load(db, runId)
  return Array.from(filtered(db, snap, f, sort), (i) => i + snap.first)
}

/**
 * Source records a bulk action would touch: rows of the filter no clerk has decided (open, or
 * accepted by the run on its own) that have a candidate, except those whose population record
 * changed under them (each needs a look at both versions).
 */
export function bulkTargets(db: Db, runId: number, f: Partial<QueueFilter>): number[] {
  const snap = load(db, runId)
  const list = filtered(db, snap, { ...f, state: ['open', 'auto_accepted'] }, undefined, {
    pair: true,
    settled: true
  })
  return Array.from(list, (i) => snap.source[i]!)
}

/** Counts for the dashboard: by grade, flag and state, and review progress per batch. */
export function dashboard(db: Db, runId: number | null): ReviewDashboard {
  const byGrade: Record<MatchGrade, number> = { certain: 0, probable: 0, possible: 0, none: 0 }
  const byState = Object.fromEntries(REVIEW_STATES.map((s) => [s, 0])) as Record<
    ReviewState,
    number
  >
  const byFlag: Record<string, number> = {}
  if (runId == null) return { runId, total: 0, byGrade, byFlag, byState, batches: [] }
  const snap = load(db, runId)
  const open = STATE_CODE.get('open')!
  const auto = STATE_CODE.get('auto_accepted')!
  const perBatch = new Map<number, { total: number; decided: number; remaining: number }>()
  const masks = new Map<number, number>()
  for (let i = 0; i < snap.n; i++) {
    byGrade[MATCH_GRADES[snap.grade[i]!]!]++
    byState[REVIEW_STATES[snap.state[i]!]!]++
    const b = perBatch.get(snap.batch[i]!) ?? { total: 0, decided: 0, remaining: 0 }
    b.total++
    if (snap.state[i] === open) b.remaining++
    // Decided by a person; what the run accepted on its own is neither decided nor remaining.
    if (snap.state[i] !== open && snap.state[i] !== auto) b.decided++
    perBatch.set(snap.batch[i]!, b)
    // Distinct flag combinations are few: count them, then split into flags.
    const m = snap.flagHi[i]! * 2 ** 32 + snap.flagLo[i]!
    masks.set(m, (masks.get(m) ?? 0) + 1)
  }
  for (const [m, n] of masks) for (const f of flagNames(m)) byFlag[f] = (byFlag[f] ?? 0) + n
  const names = new Map(
    all(db, sql<{ id: number; name: string }>`SELECT id, file_name AS name FROM import_batch`).map(
      (b) => [b.id, b.name]
    )
  )
  const batches = [...perBatch]
    .sort(([a], [b]) => a - b)
    .map(([batchId, b]) => ({
      batchId,
      fileName: names.get(batchId) ?? '',
      total: b.total,
      decided: b.decided,
      remaining: b.remaining,
      autoAccepted: b.total - b.decided - b.remaining
    }))
  return { runId, total: snap.n, byGrade, byFlag, byState, batches }
}
