// The teach view: open pairs ordered by how much an answer would tell the model, and the expected error they carry.
import type { TeachList, TeachPerson, TeachRow } from '../../shared/api'
import { COMPARISONS, MISSING } from '../../core/match/compare'
import {
  bitsOf,
  errorChance,
  informativeness,
  layersBits,
  profileKey,
  type AdjustLayer
} from '../../core/match/learn'
import { encodePattern, gradeOf, type ModelParams } from '../../core/match/model'
import type { Db } from '../db/open'
import { all, iterate, sql } from '../db/sql'
import { ensureQueue, flagNames } from '../review/queue'
import { getVersion, latestRun } from './versions'

/** The best candidate of an open register row in a run. */
export interface OpenPair {
  sourceRecordId: number
  pairId: number
  populationRecordId: number
  probability: number
  levels: number[]
  /** Pair and record flags, as the queue's mask. */
  flagMask: number
  profile: string
}

/** Field levels of a stored pair (its levels_json), in COMPARISONS order. */
export function levelsOf(json: string): number[] {
  const named = JSON.parse(json) as Record<string, string | null>
  return COMPARISONS.map((c) => {
    const l = named[c.field]
    return l == null ? MISSING : (c.levels as readonly string[]).indexOf(l)
  })
}

/**
 * Every open register row's best candidate in a run (rank 1: the most probable), with its
 * pattern, flags and profile. Rows a person decided on are left out: they are answered.
 */
export function openPairs(db: Db, runId: number): OpenPair[] {
  const out: OpenPair[] = []
  for (const r of iterate(
    db,
    sql<{
      sourceRecordId: number
      pairId: number
      populationRecordId: number
      probability: number
      levels_json: string
      flagMask: number | null
      kind: string
      commune: string | null
    }>`SELECT cp.source_record_id AS sourceRecordId, cp.id AS pairId,
        cp.population_record_id AS populationRecordId, cp.probability, cp.levels_json,
        ri.flag_mask AS flagMask, b.kind, s.residence_commune_code AS commune
      FROM candidate_pair cp
      JOIN source_record s ON s.id = cp.source_record_id
      JOIN import_batch b ON b.id = s.batch_id
      LEFT JOIN review_state rs ON rs.source_record_id = cp.source_record_id
      LEFT JOIN review_item ri ON ri.run_id = cp.run_id AND ri.source_record_id = cp.source_record_id
      WHERE cp.run_id = ${runId} AND cp.rank = 1 AND coalesce(rs.state, 'open') = 'open'`
  ))
    out.push({
      sourceRecordId: r.sourceRecordId,
      pairId: r.pairId,
      populationRecordId: r.populationRecordId,
      probability: r.probability,
      levels: levelsOf(r.levels_json),
      flagMask: r.flagMask ?? 0,
      profile: profileKey(r.kind, r.commune)
    })
  return out
}

/** Expected wrong link decisions among open pairs: each pair's chance of being on the wrong side. */
export function expectedError(pairs: readonly OpenPair[]): number {
  let e = 0
  for (const p of pairs) e += errorChance(p.probability)
  return e
}

/** Level patterns of the pairs people decided on in a run, with how many each. */
function decidedPatterns(db: Db, runId: number): Map<number, number> {
  const out = new Map<number, number>()
  for (const r of iterate(
    db,
    sql<{ levels_json: string }>`SELECT cp.levels_json FROM review_state rs
      JOIN candidate_pair cp ON cp.run_id = ${runId} AND cp.source_record_id = rs.source_record_id
        AND cp.rank = 1
      WHERE rs.state <> 'open'`
  )) {
    const code = encodePattern(levelsOf(r.levels_json))
    out.set(code, (out.get(code) ?? 0) + 1)
  }
  return out
}

/**
 * The probability of a pair under other layers: the run's model scored it with its own layers;
 * taking them off and putting others on gives the other model's score of the same pair.
 */
function underOther(
  p: OpenPair,
  own: readonly AdjustLayer[] | undefined,
  other: readonly AdjustLayer[] | undefined
): number {
  const bits =
    bitsOf(p.probability) -
    layersBits(own, p.profile, p.levels) +
    layersBits(other, p.profile, p.levels)
  return 1 / (1 + 2 ** -bits)
}

/** The model the run graded with and the one to compare it with (its version's parent). */
function committee(
  db: Db
): { runId: number; params: ModelParams; other: ModelParams | null } | null {
  const run = latestRun(db)
  if (!run) return null
  let other: ModelParams | null = null
  if (run.versionId !== null) {
    const v = getVersion(db, run.versionId)
    if (v.parentId !== null) other = getVersion(db, v.parentId).params
  }
  return { runId: run.id, params: run.params, other }
}

interface Scored {
  pair: OpenPair
  code: number
  own: number
  nearCertain: number
  disagree: number
  reason: TeachRow['reason']
  otherProbability: number | null
}

/**
 * The questions, most telling first. Each answer about a pattern clears part of the error its
 * open pairs carry, less with every answer the pattern already had; so the list takes the best
 * question, counts it as an answer for its pattern, and takes the next best again: a clerk with
 * twenty minutes gets twenty different kinds of pair, not twenty of one kind.
 */
export function teachQuestions(
  db: Db,
  limit: number
): {
  runId: number | null
  pairs: OpenPair[]
  picked: (Scored & { value: number; similar: number; patternLabels: number })[]
} {
  const c = committee(db)
  if (!c) return { runId: null, pairs: [], picked: [] }
  // The queue's flag masks (pair and record flags) tell pairs of the same kind apart.
  ensureQueue(db, c.runId)
  const pairs = openPairs(db, c.runId)
  const labels = decidedPatterns(db, c.runId)
  const t = c.params.thresholds
  const patternOpen = new Map<number, number>()
  const patternError = new Map<number, number>()
  const sameKind = new Map<string, number>()
  const scored: Scored[] = pairs.map((pair) => {
    const code = encodePattern(pair.levels)
    patternOpen.set(code, (patternOpen.get(code) ?? 0) + 1)
    patternError.set(code, (patternError.get(code) ?? 0) + errorChance(pair.probability))
    const kind = `${code}:${pair.flagMask}`
    sameKind.set(kind, (sameKind.get(kind) ?? 0) + 1)
    const otherProbability = c.other ? underOther(pair, c.params.layers, c.other.layers) : null
    return {
      pair,
      code,
      own: 0,
      nearCertain: 0,
      disagree: 0,
      reason: 'threshold',
      otherProbability
    }
  })
  // Per pattern, its pairs by their own value; then the best next question across patterns.
  const byPattern = new Map<number, { list: (Scored & { value: number })[]; taken: number }>()
  for (const s of scored) {
    const q = informativeness(
      {
        probability: s.pair.probability,
        otherProbability: s.otherProbability,
        patternOpen: patternOpen.get(s.code)!,
        patternError: 0,
        patternLabels: labels.get(s.code) ?? 0
      },
      t
    )
    const entry = byPattern.get(s.code) ?? { list: [], taken: 0 }
    entry.list.push({ ...s, value: q.value, reason: q.reason })
    byPattern.set(s.code, entry)
  }
  for (const e of byPattern.values())
    e.list.sort((a, b) => b.value - a.value || a.pair.sourceRecordId - b.pair.sourceRecordId)
  const next = (code: number, e: { list: (Scored & { value: number })[]; taken: number }) => {
    const s = e.list[e.taken]
    if (!s) return null
    const answered = (labels.get(code) ?? 0) + e.taken
    const full = informativeness(
      {
        probability: s.pair.probability,
        otherProbability: s.otherProbability,
        patternOpen: patternOpen.get(code)!,
        patternError: patternError.get(code)!,
        patternLabels: answered
      },
      t
    )
    return { s, value: full.value, reason: full.reason }
  }
  const picked: (Scored & { value: number; similar: number; patternLabels: number })[] = []
  const heads = new Map<
    number,
    { s: Scored & { value: number }; value: number; reason: TeachRow['reason'] }
  >()
  for (const [code, e] of byPattern) {
    const h = next(code, e)
    if (h) heads.set(code, h)
  }
  while (picked.length < limit && heads.size > 0) {
    let best: number | null = null
    for (const [code, h] of heads) {
      const b = best === null ? null : heads.get(best)!
      if (
        b === null ||
        h.value > b.value ||
        (h.value === b.value && h.s.pair.sourceRecordId < b.s.pair.sourceRecordId)
      )
        best = code
    }
    const h = heads.get(best!)!
    const e = byPattern.get(best!)!
    picked.push({
      ...h.s,
      value: h.value,
      reason: h.reason,
      similar: sameKind.get(`${best}:${h.s.pair.flagMask}`)! - 1,
      patternLabels: (labels.get(best!) ?? 0) + e.taken
    })
    e.taken++
    const n = next(best!, e)
    if (n) heads.set(best!, n)
    else heads.delete(best!)
  }
  return { runId: c.runId, pairs, picked }
}

const personColumns = sql`record_key AS "key", full_name AS name, dob, sex,
  residence, father_name AS father, mother_name AS mother`

/** The teach view's list: the questions with both records to compare. */
export function teachList(db: Db, limit: number): TeachList {
  const { runId, pairs, picked } = teachQuestions(db, limit)
  const src = db.prepare(`SELECT ${personColumns.text} FROM source_record WHERE id = ?`)
  const pop = db.prepare(`SELECT ${personColumns.text} FROM population_record WHERE id = ?`)
  const t = runId === null ? null : latestRun(db)!.params.thresholds
  const rows: TeachRow[] = picked.map((q) => ({
    sourceRecordId: q.pair.sourceRecordId,
    pairId: q.pair.pairId,
    populationRecordId: q.pair.populationRecordId,
    source: src.get(q.pair.sourceRecordId) as TeachPerson,
    population: pop.get(q.pair.populationRecordId) as TeachPerson,
    probability: q.pair.probability,
    grade: gradeOf(q.pair.probability, t!),
    levels: Object.fromEntries(
      COMPARISONS.map((c, f) => [
        c.field,
        q.pair.levels[f] === MISSING ? null : c.levels[q.pair.levels[f]!]!
      ])
    ),
    flags: flagNames(q.pair.flagMask),
    reason: q.reason,
    value: q.value,
    otherProbability: q.otherProbability,
    similar: q.similar,
    patternLabels: q.patternLabels
  }))
  return { runId, rows, expectedError: expectedError(pairs), openPairs: pairs.length }
}

/** How many open rows of a run a grade change touched against another run (a re-grade). */
export function regradedCount(db: Db, runId: number, previousRunId: number): number {
  return all(
    db,
    sql<{ n: number }>`SELECT count(*) AS n FROM match_result a
      JOIN match_result b ON b.run_id = ${previousRunId} AND b.source_record_id = a.source_record_id
      LEFT JOIN review_state rs ON rs.source_record_id = a.source_record_id
      WHERE a.run_id = ${runId} AND coalesce(rs.state, 'open') = 'open' AND a.grade <> b.grade`
  )[0]!.n
}
