// Review decisions: one source record's state, link, history row and audit event, changed together.
import type { DecideResult, MatchGrade } from '../../shared/api'
import { AppError } from '../../shared/errors'
import type { ReviewAction, ReviewState } from '../../shared/review'
import { appendAudit } from '../audit/audit'
import type { Db } from '../db/open'
import { flagMask } from './queue'

export interface Decision {
  sourceRecordId: number
  action: ReviewAction
  populationRecordId?: number
  runId: number | null
  note?: string
  actor: string
  /** Part of a bulk action: the caller writes one audit event for all of them. */
  bulk?: boolean
  at?: string
  /**
   * The state the clerk saw: when the record has moved on since (another window, another clerk),
   * the decision is refused rather than silently overturning the one made meanwhile.
   */
  expectedState?: ReviewState
}

export interface DecisionOutcome extends DecideResult {
  before: { state: ReviewState; link: number | null }
  pairId: number | null
}

const NEXT_STATE: Record<Exclude<ReviewAction, 'note'>, ReviewState> = {
  accept: 'accepted',
  reject: 'rejected',
  relink: 'relinked',
  duplicate: 'duplicate',
  not_in_population: 'not_in_population',
  reopen: 'open'
}

/** The flag a new decision settles: the clerk has looked at the record as it is now. */
const CHANGED_BIT = flagMask(['population_changed'])

function statements(db: Db) {
  return {
    source: db.prepare('SELECT id FROM source_record WHERE id = ?').pluck(),
    population: db.prepare('SELECT id FROM population_record WHERE id = ?').pluck(),
    // A clerk's state; with none, what the run left: its own link ("certain") or nothing.
    state: db
      .prepare(
        `SELECT coalesce((SELECT state FROM review_state WHERE source_record_id = @src),
           CASE WHEN EXISTS (SELECT 1 FROM link WHERE source_record_id = @src AND method = 'auto')
             THEN 'auto_accepted' ELSE 'open' END)`
      )
      .pluck(),
    link: db.prepare('SELECT population_record_id FROM link WHERE source_record_id = ?').pluck(),
    stateRow: db.prepare(
      `SELECT state, population_record_id, pair_id, decided_by, decided_at FROM review_state
       WHERE source_record_id = ?`
    ),
    linkRow: db.prepare(
      `SELECT population_record_id, population_version, run_id, pair_id, method, grade, decided_by,
         decided_at FROM link WHERE source_record_id = ?`
    ),
    saveBefore: db.prepare(
      'INSERT INTO review_undo (decision_id, before_json, undoes) VALUES (?, ?, ?)'
    ),
    best: db.prepare(
      `SELECT m.pair_id AS pairId, cp.population_record_id AS populationRecordId, m.grade
       FROM match_result m LEFT JOIN candidate_pair cp ON cp.id = m.pair_id
       WHERE m.run_id = ? AND m.source_record_id = ?`
    ),
    pairFor: db.prepare(
      `SELECT id AS pairId, grade FROM candidate_pair
       WHERE run_id = ? AND source_record_id = ? AND population_record_id = ?`
    ),
    upsertLink: db.prepare(
      `INSERT INTO link (source_record_id, population_record_id, run_id, pair_id, method, grade,
         decided_by, decided_at, population_version)
       VALUES (@src, @pop, @runId, @pairId, 'user', @grade, @actor, @at,
         (SELECT version FROM population_record WHERE id = @pop))
       ON CONFLICT (source_record_id) DO UPDATE SET population_record_id = excluded.population_record_id,
         run_id = excluded.run_id, pair_id = excluded.pair_id, method = 'user',
         grade = excluded.grade, decided_by = excluded.decided_by, decided_at = excluded.decided_at,
         population_version = excluded.population_version`
    ),
    version: db.prepare('SELECT version FROM population_record WHERE id = ?').pluck(),
    settleChange: db.prepare('DELETE FROM review_population_change WHERE source_record_id = ?'),
    unflagItems: db.prepare(
      'UPDATE review_item SET flag_mask = flag_mask & ~? WHERE source_record_id = ?'
    ),
    deleteLink: db.prepare('DELETE FROM link WHERE source_record_id = ?'),
    upsertState: db.prepare(
      `INSERT INTO review_state (source_record_id, state, population_record_id, pair_id, decided_by,
         decided_at) VALUES (@src, @state, @pop, @pairId, @actor, @at)
       ON CONFLICT (source_record_id) DO UPDATE SET state = excluded.state,
         population_record_id = excluded.population_record_id, pair_id = excluded.pair_id,
         decided_by = excluded.decided_by, decided_at = excluded.decided_at`
    ),
    itemState: db.prepare('UPDATE review_item SET state = ? WHERE source_record_id = ?'),
    history: db.prepare(
      `INSERT INTO review_decision (source_record_id, pair_id, action, population_record_id,
         state_before, state_after, note, bulk, actor, at, population_version)
       VALUES (@src, @pairId, @action, @pop, @before, @after, @note, @bulk, @actor, @at, @version)`
    )
  }
}

const cache = new WeakMap<Db, ReturnType<typeof statements>>()
function stmts(db: Db): ReturnType<typeof statements> {
  let s = cache.get(db)
  if (!s) cache.set(db, (s = statements(db)))
  return s
}

/** Where a source record stands: a clerk's decision, else what the run left ('auto_accepted' or 'open'). */
export function reviewStateOf(db: Db, sourceRecordId: number): ReviewState {
  return stmts(db).state.get({ src: sourceRecordId }) as ReviewState
}

/** Apply one decision. Call inside a transaction; the caller bumps the queue's state generation. */
export function applyDecision(db: Db, d: Decision): DecisionOutcome {
  const s = stmts(db)
  const at = d.at ?? new Date().toISOString()
  if (s.source.get(d.sourceRecordId) === undefined)
    throw new AppError('not_found', { what: 'source_record', id: d.sourceRecordId })
  const before = reviewStateOf(db, d.sourceRecordId)
  if (d.expectedState !== undefined && d.expectedState !== before)
    throw new AppError('review_stale')
  const linkBefore = (s.link.get(d.sourceRecordId) as number | undefined) ?? null
  // What this decision replaces, read before it changes anything (single decisions: U undoes them).
  const replaced = d.bulk ? null : beforeOf(s, d.sourceRecordId)
  const best =
    d.runId == null
      ? undefined
      : (s.best.get(d.runId, d.sourceRecordId) as
          | { pairId: number | null; populationRecordId: number | null; grade: MatchGrade }
          | undefined)

  let pairId: number | null = best?.pairId ?? null
  let pop: number | null = null
  let link: number | null = linkBefore
  const after: ReviewState = d.action === 'note' ? before : NEXT_STATE[d.action]
  const put = (target: number, pair: number | null, grade: MatchGrade): void => {
    s.upsertLink.run({
      src: d.sourceRecordId,
      pop: target,
      runId: d.runId,
      pairId: pair,
      grade,
      actor: d.actor,
      at
    })
    link = target
  }

  switch (d.action) {
    case 'accept':
      if (!best?.pairId || best.populationRecordId == null)
        throw new AppError('validation', {
          detail: 'this record has no candidate to accept: link it by hand (relink)'
        })
      pop = best.populationRecordId
      put(pop, best.pairId, best.grade)
      break
    case 'relink': {
      pop = d.populationRecordId!
      if (s.population.get(pop) === undefined)
        throw new AppError('not_found', { what: 'population_record', id: pop })
      const pair =
        d.runId == null
          ? undefined
          : (s.pairFor.get(d.runId, d.sourceRecordId, pop) as
              { pairId: number; grade: MatchGrade } | undefined)
      pairId = pair?.pairId ?? null
      // A record found by quick search was never scored: the link says so with grade 'none'.
      put(pop, pairId, pair?.grade ?? 'none')
      break
    }
    case 'reject':
    case 'not_in_population':
      s.deleteLink.run(d.sourceRecordId)
      link = null
      break
    case 'duplicate':
      if (d.populationRecordId !== undefined) {
        pop = d.populationRecordId
        if (s.population.get(pop) === undefined)
          throw new AppError('not_found', { what: 'population_record', id: pop })
      }
      break
    case 'note':
    case 'reopen':
      break
  }

  const decided = pop ?? link
  const decisionId = Number(
    s.history.run({
      src: d.sourceRecordId,
      pairId,
      action: d.action,
      pop,
      before,
      after,
      note: d.note ?? null,
      bulk: d.bulk ? 1 : 0,
      actor: d.actor,
      at,
      version: decided == null ? null : ((s.version.get(decided) as number | undefined) ?? null)
    }).lastInsertRowid
  )
  if (d.action !== 'note') {
    s.upsertState.run({ src: d.sourceRecordId, state: after, pop, pairId, actor: d.actor, at })
    s.itemState.run(after, d.sourceRecordId)
    if (replaced) s.saveBefore.run(decisionId, JSON.stringify(replaced), null)
  }
  // A decision made now is made on the record as it is now: a change it answers is settled.
  if (d.action !== 'note' && d.action !== 'reopen' && s.settleChange.run(d.sourceRecordId).changes)
    s.unflagItems.run(CHANGED_BIT, d.sourceRecordId)
  if (!d.bulk)
    appendAudit(db, {
      actor: d.actor,
      action: `review/${d.action}`,
      entity: 'source_record',
      entityId: d.sourceRecordId,
      at,
      detail: {
        runId: d.runId,
        pairId,
        populationRecordId: pop,
        note: d.note ?? null,
        before: { state: before, link: linkBefore },
        after: { state: after, link }
      }
    })
  return {
    sourceRecordId: d.sourceRecordId,
    state: after,
    decisionId,
    link: link == null ? null : { populationRecordId: link },
    before: { state: before, link: linkBefore },
    pairId
  }
}

/** A record's review state and link as they were before a decision (null: none). */
interface Before {
  state: {
    state: ReviewState
    population_record_id: number | null
    pair_id: number | null
    decided_by: string
    decided_at: string
  } | null
  link: {
    population_record_id: number
    /** Absent in befores saved before links carried their version. */
    population_version?: number | null
    run_id: number | null
    pair_id: number | null
    method: 'auto' | 'user'
    grade: MatchGrade
    decided_by: string
    decided_at: string
  } | null
}

function beforeOf(s: ReturnType<typeof statements>, sourceRecordId: number): Before {
  return {
    state: (s.stateRow.get(sourceRecordId) as Before['state'] | undefined) ?? null,
    link: (s.linkRow.get(sourceRecordId) as Before['link'] | undefined) ?? null
  }
}

/** The action whose outcome is a state: how an undo reads in the history (reopen, accept...). */
const ACTION_FOR: Record<ReviewState, Exclude<ReviewAction, 'note'>> = {
  open: 'reopen',
  accepted: 'accept',
  rejected: 'reject',
  relinked: 'relink',
  duplicate: 'duplicate',
  not_in_population: 'not_in_population',
  // Undoing the first decision on a run's own link gives that link back: it reads as an accept.
  auto_accepted: 'accept'
}

export interface UndoRequest {
  sourceRecordId: number
  decisionId: number
  actor: string
  at?: string
}

/**
 * Take back one decision exactly: the state and the link it replaced come back as they were (an
 * automatic link a rejection removed included). Only the clerk who made it, only a single
 * decision, and only while it is the record's latest: a decision made since is never overturned.
 * The undo is itself a decision in the history (its action names the state it restores), with
 * its own before, so it can be undone in turn. Call inside a transaction.
 */
export function undoDecision(db: Db, u: UndoRequest): DecisionOutcome {
  const s = stmts(db)
  const at = u.at ?? new Date().toISOString()
  const decision = db
    .prepare(
      `SELECT d.action, d.state_after AS stateAfter, d.bulk, d.actor, r.before_json AS beforeJson
       FROM review_decision d LEFT JOIN review_undo r ON r.decision_id = d.id
       WHERE d.id = ? AND d.source_record_id = ?`
    )
    .get(u.decisionId, u.sourceRecordId) as
    | {
        action: ReviewAction
        stateAfter: ReviewState
        bulk: number
        actor: string
        beforeJson: string | null
      }
    | undefined
  if (!decision) throw new AppError('not_found', { what: 'review_decision', id: u.decisionId })
  if (decision.actor !== u.actor) throw new AppError('forbidden')
  if (decision.action === 'note' || decision.bulk === 1 || decision.beforeJson === null)
    throw new AppError('validation', {
      detail:
        'only a single decision made with this version can be undone; reopen the record instead'
    })
  const latest = db
    .prepare("SELECT max(id) FROM review_decision WHERE source_record_id = ? AND action <> 'note'")
    .pluck()
    .get(u.sourceRecordId) as number
  const current = beforeOf(s, u.sourceRecordId)
  if (latest !== u.decisionId || (current.state?.state ?? 'open') !== decision.stateAfter)
    throw new AppError('review_stale')

  const restore = JSON.parse(decision.beforeJson) as Before
  // No clerk's state before: what the run left, its own link or nothing (as reviewStateOf reads it).
  const restored: ReviewState =
    restore.state?.state ?? (restore.link?.method === 'auto' ? 'auto_accepted' : 'open')
  if (restore.state === null)
    db.prepare('DELETE FROM review_state WHERE source_record_id = ?').run(u.sourceRecordId)
  else
    s.upsertState.run({
      src: u.sourceRecordId,
      state: restore.state.state,
      pop: restore.state.population_record_id,
      pairId: restore.state.pair_id,
      actor: restore.state.decided_by,
      at: restore.state.decided_at
    })
  const link = restore.link
  if (link === null) s.deleteLink.run(u.sourceRecordId)
  else {
    if (s.population.get(link.population_record_id) === undefined)
      throw new AppError('not_found', { what: 'population_record', id: link.population_record_id })
    // A rerun since may have removed the run and pair the link named: the link stands without them.
    const runExists = db.prepare('SELECT 1 FROM match_run WHERE id = ?').pluck()
    const pairExists = db.prepare('SELECT 1 FROM candidate_pair WHERE id = ?').pluck()
    db.prepare(
      `INSERT INTO link (source_record_id, population_record_id, population_version, run_id, pair_id,
         method, grade, decided_by, decided_at)
       VALUES (@src, @pop, @version, @runId, @pairId, @method, @grade, @by, @at)
       ON CONFLICT (source_record_id) DO UPDATE SET population_record_id = excluded.population_record_id,
         population_version = excluded.population_version, run_id = excluded.run_id, pair_id = excluded.pair_id, method = excluded.method,
         grade = excluded.grade, decided_by = excluded.decided_by, decided_at = excluded.decided_at`
    ).run({
      src: u.sourceRecordId,
      pop: link.population_record_id,
      version: link.population_version ?? null,
      runId: link.run_id !== null && runExists.get(link.run_id) ? link.run_id : null,
      pairId: link.pair_id !== null && pairExists.get(link.pair_id) ? link.pair_id : null,
      method: link.method,
      grade: link.grade,
      by: link.decided_by,
      at: link.decided_at
    })
  }
  s.itemState.run(restored, u.sourceRecordId)

  const pairId = restore.state?.pair_id ?? link?.pair_id ?? null
  const decisionId = Number(
    s.history.run({
      src: u.sourceRecordId,
      pairId,
      action: ACTION_FOR[restored],
      pop: link?.population_record_id ?? null,
      before: decision.stateAfter,
      after: restored,
      note: null,
      bulk: 0,
      actor: u.actor,
      at,
      version:
        link === null
          ? null
          : (link.population_version ??
            (s.version.get(link.population_record_id) as number | undefined) ??
            null)
    }).lastInsertRowid
  )
  s.saveBefore.run(decisionId, JSON.stringify(current), u.decisionId)
  const linkBefore = current.link?.population_record_id ?? null
  const linkAfter = link?.population_record_id ?? null
  appendAudit(db, {
    actor: u.actor,
    action: 'review/undo',
    entity: 'source_record',
    entityId: u.sourceRecordId,
    at,
    detail: {
      undoes: u.decisionId,
      undoneAction: decision.action,
      before: { state: decision.stateAfter, link: linkBefore },
      after: { state: restored, link: linkAfter, linkMethod: link?.method ?? null }
    }
  })
  return {
    sourceRecordId: u.sourceRecordId,
    state: restored,
    decisionId,
    link: linkAfter === null ? null : { populationRecordId: linkAfter },
    before: { state: decision.stateAfter, link: linkBefore },
    pairId
  }
}
