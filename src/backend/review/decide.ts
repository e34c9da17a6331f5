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
  const linkBefore = (s.link.get(d.sourceRecordId) as number | undefined) ?? null
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
