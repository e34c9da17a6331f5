// 'review/*', 'search/population', 'corrections/*', 'views/*': the clerk's review workstation.
import type { SavedView, reviewInputs } from '../../shared/api'
import type { Json } from '../../core/canonical-json'
import { AppError } from '../../shared/errors'
import { appendAudit } from '../audit/audit'
import { listCorrections, proposeCorrection } from '../review/corrections'
import { applyDecision, undoDecision } from '../review/decide'
import { pairView } from '../review/pair'
import {
  bulkTargets,
  dashboard,
  noteState,
  queuePage,
  resolveRun,
  runForSource
} from '../review/queue'
import { searchPopulation } from '../review/search'
import type { Handlers } from './types'

export const reviewHandlers: Handlers<keyof typeof reviewInputs> = {
  'review/queue': (args, { db }) => {
    const runId = resolveRun(db, args.runId)
    if (runId == null) return { rows: [], total: 0, runId, hiddenAutoAccepted: 0 }
    return { ...queuePage(db, runId, args.filter, args.sort, args.startRow, args.endRow), runId }
  },
  'review/pair': (args, { db }) =>
    pairView(db, args.sourceRecordId, runForSource(db, args.sourceRecordId, args.runId)),
  'review/decide': (args, { db, actor }) => {
    const runId = runForSource(db, args.sourceRecordId, args.runId)
    const out = db.transaction(() => applyDecision(db, { ...args, runId, actor })).immediate()
    // After the commit: the in-memory queue never shows a state that was rolled back.
    if (args.action !== 'note') noteState(db, out.sourceRecordId, out.state)
    return {
      sourceRecordId: out.sourceRecordId,
      state: out.state,
      decisionId: out.decisionId,
      link: out.link
    }
  },
  'review/undo': (args, { db, actor }) => {
    const out = db.transaction(() => undoDecision(db, { ...args, actor })).immediate()
    noteState(db, out.sourceRecordId, out.state)
    return {
      sourceRecordId: out.sourceRecordId,
      state: out.state,
      decisionId: out.decisionId,
      link: out.link
    }
  },
  'review/bulk': (args, { db, actor }) => {
    const runId = resolveRun(db, args.runId)
    if (runId == null) return { count: 0, applied: false }
    // Only undecided rows with a candidate: a bulk action never overrides a clerk's own decision.
    if (args.dryRun) return { count: bulkTargets(db, runId, args.filter).length, applied: false }
    const touched = db
      .transaction(() => {
        const ids = bulkTargets(db, runId, args.filter)
        if (args.expectedCount !== undefined && ids.length !== args.expectedCount)
          throw new AppError('validation', {
            detail: `the queue changed: ${ids.length} rows match now, ${args.expectedCount} were confirmed; count again`
          })
        const at = new Date().toISOString()
        for (const id of ids)
          applyDecision(db, {
            sourceRecordId: id,
            action: args.action,
            runId,
            note: args.note,
            actor,
            bulk: true,
            at
          })
        // One event for the whole action, listing every record it touched.
        appendAudit(db, {
          actor,
          action: `review/bulk_${args.action}`,
          entity: 'match_run',
          entityId: runId,
          at,
          detail: {
            filter: JSON.parse(JSON.stringify(args.filter)) as Json,
            count: ids.length,
            note: args.note ?? null,
            sourceRecordIds: ids,
            before: { state: ['open', 'auto_accepted'] },
            after: { state: 'accepted' }
          }
        })
        return ids
      })
      .immediate()
    for (const id of touched) noteState(db, id, 'accepted')
    return { count: touched.length, applied: true }
  },
  'review/dashboard': (args, { db }) => dashboard(db, resolveRun(db, args.runId)),
  'search/population': (args, { db }) => searchPopulation(db, args.q, args.limit),
  'corrections/propose': (args, { db, actor }) => proposeCorrection(db, args, actor),
  'corrections/list': (args, { db }) => listCorrections(db, args.state, args.startRow, args.endRow),
  'views/save': (args, { db, actor }) => {
    const updatedAt = new Date().toISOString()
    db.prepare(
      `INSERT INTO saved_view (user, name, view_json, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (user, name) DO UPDATE SET view_json = excluded.view_json,
         updated_at = excluded.updated_at`
    ).run(actor, args.name, JSON.stringify(args.view), updatedAt)
    return { name: args.name, view: args.view, updatedAt }
  },
  'views/list': (_args, { db, actor }) =>
    (
      db
        .prepare(
          'SELECT name, view_json, updated_at AS updatedAt FROM saved_view WHERE user = ? ORDER BY name'
        )
        .all(actor) as { name: string; view_json: string; updatedAt: string }[]
    ).map((r) => ({
      name: r.name,
      view: JSON.parse(r.view_json) as SavedView['view'],
      updatedAt: r.updatedAt
    }))
}
