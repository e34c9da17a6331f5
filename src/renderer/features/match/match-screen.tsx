// Đối soát: the clerk's review workstation. Matching is run from here; the queue (filters, saved
// views, bulk accept) and the pair it opens sit side by side; every decision has a key, moves on to
// the next pair of the list on screen, asks before it replaces a person's decision, and can be undone.
import type { GridApi } from 'ag-grid-community'
import { useContext, useEffect, useMemo, useReducer, useRef, useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  ApiInput,
  ApiName,
  PairView,
  QueueRow,
  SavedView,
  SearchHit
} from '../../../shared/api'
import { REVIEW_STATES, type ReviewAction, type ReviewState } from '../../../shared/review'
import { formatNumber, useLanguage } from '../../i18n'
import { ErrorAlert } from '../../components/error-alert'
import { useApiMutation, useApiQuery } from '../../lib/use-api'
import { useDebounced } from '../../lib/use-debounced'
import { formatDateTime } from '../../lib/format'
import { CorrectionForm } from './correction-form'
import { BulkDialog, ChangeDialog, HelpOverlay, NoteDialog } from './dialogs'
import { MatchRunBanner, MatchRunBar, ModelDialog, RunAllDialog, useMatchRun } from './match-run'
import { PairPanel } from './pair-panel'
import { QueueGrid } from './queue-grid'
import {
  NO_CHOICE,
  fromFilter,
  nextOpen,
  queueArgs,
  statesToReview,
  toFilter,
  type QueueChoice,
  type QueueSort
} from './queue-model'
import { QueueToolbar } from './queue-toolbar'
import { QuickSearch } from './quick-search'
import { commandFor, type Command } from './shortcuts'
import { SplitPane } from './split-pane'
import { UserContext } from '../auth/user-context'
import { SimilarOffer } from '../teach/similar-offer'
import './match.css'

type DialogName = 'search' | 'correct' | 'note' | 'help' | 'bulk' | 'change' | 'model' | 'runAll'

/** A decision as review/decide takes it, without the record (the open pair's). */
type Decision = Omit<ApiInput<'review/decide'>, 'sourceRecordId' | 'runId' | 'expectedState'>

/** Commands that record a clerk's decision (review/decide, review/undo, review/bulk: clerks only). */
const DECIDING: ReadonlySet<Command> = new Set([
  'accept',
  'reject',
  'duplicate',
  'notInPopulation',
  'reopen',
  'undo',
  'search',
  'note'
])

const ACTION_OF: Partial<Record<Command, Decision['action']>> = {
  accept: 'accept',
  reject: 'reject',
  duplicate: 'duplicate',
  notInPopulation: 'not_in_population',
  reopen: 'reopen'
}

/** The state each decision leads to (a note leaves the state as it is). */
const STATE_AFTER: Record<Exclude<ReviewAction, 'note'>, ReviewState> = {
  accept: 'accepted',
  reject: 'rejected',
  relink: 'relinked',
  duplicate: 'duplicate',
  not_in_population: 'not_in_population',
  reopen: 'open'
}

/**
 * States no person has decided: a decision on them replaces nobody's, so it needs no confirmation
 * (an automatic link is the run's, not a clerk's).
 */
const UNDECIDED: ReadonlySet<ReviewState> = new Set<ReviewState>(['open', 'auto_accepted'])

/** A decision made on this screen, to take back with U: the record and where it stood in the queue. */
interface Made {
  sourceRecordId: number
  decisionId: number
  action: ReviewAction
  record: string
  index: number
  key: string
}

/** How many decisions U can take back, most recent first. */
const UNDO_DEPTH = 50
/** Queue rows read at a time when looking for the next open pair. */
const AHEAD = 100

/**
 * A state the queue hides unless asked: links accepted automatically. The backend names it
 * 'auto_accepted' when it has it; until then every state is listed as before.
 */
const HIDDEN_STATE = (REVIEW_STATES as readonly string[]).includes('auto_accepted')
  ? ('auto_accepted' as ReviewState)
  : null

/** What the screen holds besides its queries: the queue's choices, the open pair, dialogs, messages. */
interface ScreenState {
  choice: QueueChoice
  sort: QueueSort | undefined
  /** The queue's total and whether a match run exists, from its last page. */
  total: number | null
  noRun: boolean
  /** The open pair: its place in the queue under one order (`key`: filter and sort). */
  current: { index: number; id: number; key: string } | null
  dialog: DialogName | null
  bulkCount: number
  /** The decision waiting for the clerk to confirm it replaces the one the pair has. */
  change: Decision | null
  /** How many decisions U can take back (the decisions themselves are kept in a ref). */
  undoable: number
  status: string
  error: unknown
}

type Change =
  | Partial<Pick<ScreenState, 'choice' | 'sort' | 'dialog' | 'status' | 'error'>>
  | { loaded: { total: number; runId: number | null } }
  | { open: ScreenState['current']; status?: string }
  | { counted: number }
  | { confirm: Decision }
  | { decided: number; status: string }
  | { undone: number }

function reduce(s: ScreenState, c: Change): ScreenState {
  if ('loaded' in c) return { ...s, total: c.loaded.total, noRun: c.loaded.runId === null }
  // Opening a pair starts with a clean slate, but for what the last decision said.
  if ('open' in c) return { ...s, current: c.open, status: c.status ?? '', error: null }
  if ('counted' in c) return { ...s, bulkCount: c.counted, dialog: 'bulk' }
  if ('confirm' in c) return { ...s, change: c.confirm, dialog: 'change' }
  if ('decided' in c) return { ...s, undoable: c.decided, status: c.status, error: null }
  if ('undone' in c) return { ...s, undoable: c.undone }
  return { ...s, ...c }
}

const INITIAL: ScreenState = {
  choice: { ...NO_CHOICE, state: 'open' },
  sort: undefined,
  total: null,
  noRun: false,
  current: null,
  dialog: null,
  bulkCount: 0,
  change: null,
  undoable: 0,
  status: '',
  error: null
}

/** What a decision changes: the queue's rows and the pair's state and history. */
const DECIDED: ApiName[] = ['review/queue', 'review/pair']

/** The pair as the clerk names it: the register's key and the name. */
function recordOf(pair: PairView): string {
  const key = pair.source.record_key ?? String(pair.source.id)
  return pair.source.full_name ? `${key} (${pair.source.full_name})` : key
}

export function MatchScreen(): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  // Outside the sign-in gate (component tests) the screen is the clerk's; the backend decides anyway.
  const signedIn = useContext(UserContext)
  const mayDecide = signedIn === null || signedIn.user.role === 'clerk'
  const allowed = (command: Command): boolean => mayDecide || !DECIDING.has(command)
  const [state, dispatch] = useReducer(reduce, INITIAL)
  const { choice, sort, total, current, dialog, bulkCount } = state
  // The commune is typed: wait for a pause before the queue reloads.
  const commune = useDebounced(choice.commune, 300)
  const filter = useMemo(
    () => toFilter({ ...choice, commune }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the typed commune is debounced
    [choice.grade, choice.flag, choice.flagOnly, choice.state, choice.batchId, commune]
  )
  const batches = useApiQuery('batches/list', {})
  const views = useApiQuery('views/list', {})
  const pairQuery = useApiQuery('review/pair', current ? { sourceRecordId: current.id } : null)
  const pair = pairQuery.data ?? null
  const hidden = useApiQuery(
    'review/queue',
    HIDDEN_STATE && choice.state === 'open'
      ? { filter: { ...filter, state: [HIDDEN_STATE] }, startRow: 0, endRow: 1 }
      : null
  )
  const queue = useApiMutation('review/queue')
  const decision = useApiMutation('review/decide', { invalidates: DECIDED })
  const undoing = useApiMutation('review/undo', { invalidates: DECIDED })
  // The dry run only counts; the real one changes the queue.
  const bulkDryRun = useApiMutation('review/bulk')
  const bulkApply = useApiMutation('review/bulk', { invalidates: DECIDED })
  const saving = useApiMutation('views/save', { invalidates: ['views/list'] })
  const busy = decision.busy || undoing.busy || bulkDryRun.busy || bulkApply.busy
  const error = state.error ?? pairQuery.error ?? batches.error ?? views.error
  const setError = (e: unknown): void => dispatch({ error: e })
  const setStatus = (message: string): void => dispatch({ status: message })
  const grid = useRef<GridApi<QueueRow> | null>(null)
  // The last accept or reject: offered for every open pair of the same kind (teach/similar-offer).
  const [similar, setSimilar] = useState<{ id: number; action: 'accept' | 'reject' } | null>(null)
  const pairBox = useRef<HTMLDivElement>(null)
  // Decisions made here, newest last: U takes them back in turn.
  const made = useRef<Made[]>([])
  // A decision (with the move to the next pair) and an undo each wait for the one before, so a U
  // pressed while a decision is on its way takes back that decision, not the one before it.
  const pending = useRef<Promise<void>>(Promise.resolve())
  function inTurn(task: () => Promise<void>): void {
    const next = pending.current.then(task, task)
    pending.current = next.catch(() => undefined)
  }
  const matching = useMatchRun(mayDecide, ({ message, error: failed }) => {
    // A new run may reorder the queue: the clerk starts again from its first row.
    dispatch({ open: null, status: message ?? '' })
    if (failed) setError(failed)
  })

  // The position in the queue holds for one filter and sort; a new one starts again at row 0.
  const orderKey = JSON.stringify([filter, sort])
  const index = current && current.key === orderKey ? current.index : -1
  // The open pair for the grid's callbacks, which may answer after a later pair was opened.
  const openId = useRef<number | null>(null)
  useEffect(() => {
    openId.current = current?.id ?? null
  }, [current])

  function open(at: number, id: number, status?: string): void {
    // The same row again: read it again (another window may have decided it).
    if (current?.id === id) pairQuery.reload()
    dispatch({ open: { index: at, id, key: orderKey }, status })
  }

  /** Show a row in the grid as the current one (scrolled to and selected, when loaded). */
  function reveal(index: number): void {
    const g = grid.current
    if (!g || index < 0) return
    g.ensureIndexVisible(index, 'middle')
    const node = g.getDisplayedRowAtIndex(index)
    if (node?.data) node.setSelected(true, true)
  }

  /**
   * Next or previous pair in the queue's order. The row under the cursor may have left the
   * filtered queue (decided), so the next one is read from the backend around the current index.
   */
  async function move(delta: 1 | -1): Promise<void> {
    const from = index
    let target: { index: number; row: QueueRow } | null = null
    if (delta === 1) {
      const start = Math.max(from, 0)
      const { rows } = await queue.run(queueArgs(filter, sort, start, start + 2))
      if (from < 0) target = rows[0] ? { index: 0, row: rows[0] } : null
      else if (rows[0] && rows[0].sourceRecordId !== current?.id)
        target = { index: start, row: rows[0] }
      else if (rows[1]) target = { index: start + 1, row: rows[1] }
    } else if (from > 0) {
      const { rows } = await queue.run(queueArgs(filter, sort, from - 1, from))
      if (rows[0]) target = { index: from - 1, row: rows[0] }
    }
    if (!target) return
    open(target.index, target.row.sourceRecordId)
    reveal(target.index)
  }

  /**
   * After a decision: the next pair still to review in the list on screen (open ones, or those of
   * the state it is filtered by), from where the decided one stood (it has left a list of its old
   * state, so its place holds the next), then from the top; the status stays.
   */
  async function advance(decidedId: number, status: string): Promise<void> {
    const look = async (start: number): Promise<{ start: number; rows: QueueRow[] }> => ({
      start,
      rows: (await queue.run(queueArgs(filter, sort, start, start + AHEAD))).rows
    })
    const states = statesToReview(filter)
    const from = Math.max(index, 0)
    let block = await look(from)
    let at = nextOpen(block.rows, decidedId, states)
    if (at < 0 && from > 0) {
      block = await look(0)
      at = nextOpen(block.rows, decidedId, states)
    }
    const row = block.rows[at]
    if (!row) {
      setStatus(`${status} ${t('queue.noneOpen')}`)
      return
    }
    open(block.start + at, row.sourceRecordId, status)
    reveal(block.start + at)
  }

  // Decisions on their way (until the next pair is open): read at once, unlike `busy`, which a
  // key pressed in the same instant as the one before would not yet see.
  const deciding = useRef(0)

  /** A decision on the open pair: straight away when no person has decided it, else after a confirmation. */
  function ask(made: Decision): void {
    // A second key before the first decision has moved on would be meant for a pair not yet shown.
    if (!pair || busy || deciding.current > 0) return
    if (made.action !== 'note' && !UNDECIDED.has(pair.state)) dispatch({ confirm: made })
    else {
      deciding.current += 1
      inTurn(() => commit(pair, made).finally(() => (deciding.current -= 1)))
    }
  }

  async function commit(on: PairView, decided: Decision): Promise<void> {
    setError(null)
    try {
      const out = await decision.run({
        sourceRecordId: on.source.id,
        ...decided,
        // What the clerk saw: a decision made elsewhere since is not silently replaced.
        ...(decided.action === 'note' ? {} : { expectedState: on.state })
      })
      if (decided.action === 'note') {
        setStatus(t('queue.pair.noteSaved'))
        return
      }
      const a = decided.action
      // The last accept or reject: offered for every open pair of the same kind.
      setSimilar(a === 'accept' || a === 'reject' ? { id: on.source.id, action: a } : null)
      const record = recordOf(on)
      const status = `${t('queue.decidedFor', {
        state: t(`review.states.${out.state}`),
        record
      })} ${t('queue.undo.hint')}`
      made.current = [
        ...made.current,
        {
          sourceRecordId: on.source.id,
          decisionId: out.decisionId,
          action: decided.action,
          record,
          index,
          key: orderKey
        }
      ].slice(-UNDO_DEPTH)
      dispatch({ decided: made.current.length, status })
      await advance(on.source.id, status)
    } catch (err) {
      setError(err)
      // Someone decided it meanwhile: show the pair as it is now.
      if ((err as { code?: unknown } | null)?.code === 'review_stale') pairQuery.reload()
    }
  }

  /** Take back the last decision made here: the pair comes back as it was, and on screen. */
  async function undo(): Promise<void> {
    // Whatever the answer, this entry is spent: taken back now, or no longer the latest.
    const last = made.current.pop()
    dispatch({ undone: made.current.length })
    if (!last) {
      setStatus(t('queue.undo.nothing'))
      return
    }
    setError(null)
    try {
      await undoing.run({ sourceRecordId: last.sourceRecordId, decisionId: last.decisionId })
      const at = last.key === orderKey ? last.index : -1
      open(
        at,
        last.sourceRecordId,
        t('queue.undo.done', { action: t(`review.actions.${last.action}`), record: last.record })
      )
      reveal(at)
    } catch (err) {
      setError(err)
    }
  }

  async function countBulk(): Promise<void> {
    setError(null)
    try {
      const { count } = await bulkDryRun.run({ filter, action: 'accept', dryRun: true })
      dispatch({ counted: count })
    } catch (err) {
      setError(err)
    }
  }

  async function applyBulk(): Promise<void> {
    try {
      const { count } = await bulkApply.run({
        filter,
        action: 'accept',
        dryRun: false,
        expectedCount: bulkCount
      })
      closeDialog()
      setStatus(t('queue.bulk.done', { count: formatNumber(count, lng) }))
    } catch (err) {
      closeDialog()
      setError(err)
    }
  }

  async function saveView(name: string): Promise<void> {
    if (name === '') {
      setStatus(t('queue.views.needName'))
      return
    }
    try {
      await saving.run({ name, view: sort ? { filter, sort } : { filter } })
      setStatus(t('queue.views.saved', { name }))
    } catch (err) {
      setError(err)
    }
  }

  function applyView(view: SavedView): void {
    dispatch({ choice: fromFilter(view.view.filter), sort: view.view.sort })
    grid.current?.applyColumnState({
      state: view.view.sort ? [{ colId: view.view.sort.field, sort: view.view.sort.dir }] : [],
      defaultState: { sort: null }
    })
  }

  function closeDialog(): void {
    dispatch({ dialog: null })
    // Back to the pair: the clerk's next key goes to the queue, not to a vanished dialog.
    requestAnimationFrame(() => pairBox.current?.focus())
  }

  function linkTo(hit: Pick<SearchHit, 'id' | 'recordKey'>): void {
    closeDialog()
    ask({ action: 'relink', populationRecordId: hit.id })
  }

  function run(command: Command): void {
    if (!allowed(command)) {
      setStatus(t('queue.readOnly'))
      return
    }
    const action = ACTION_OF[command]
    // Nothing was found to accept: the clerk links by search instead.
    if (action === 'accept' && pair && !pair.population) {
      setStatus(t('queue.pair.nothingToAccept'))
      return
    }
    if (action) {
      ask(
        action === 'duplicate' && pair?.population
          ? { action, populationRecordId: pair.population.id }
          : { action }
      )
      return
    }
    switch (command) {
      case 'next':
        void move(1).catch(setError)
        return
      case 'prev':
        void move(-1).catch(setError)
        return
      case 'open':
        grid.current?.setFocusedCell(Math.max(index, 0), 'name')
        return
      case 'undo':
        inTurn(undo)
        return
      case 'help':
        dispatch({ dialog: dialog === 'help' ? null : 'help' })
        return
      case 'search':
        if (pair) dispatch({ dialog: 'search' })
        return
      case 'note':
        if (pair) dispatch({ dialog: 'note' })
        return
      case 'correct':
        if (!pair) return
        if (!pair.population) setStatus(t('queue.pair.needPopulation'))
        else dispatch({ dialog: 'correct' })
        return
    }
  }

  // One key handler for the screen; it reads the latest state through a ref.
  const runRef = useRef(run)
  useEffect(() => {
    runRef.current = run
  })
  const dialogRef = useRef(dialog)
  useEffect(() => {
    dialogRef.current = dialog
  }, [dialog])
  useEffect(() => {
    function onKey(e: KeyboardEvent): void {
      const command = commandFor(e)
      if (command === null) return
      // With a dialog open, keys belong to it (only ? closes the help it opened).
      if (dialogRef.current !== null && !(dialogRef.current === 'help' && command === 'help'))
        return
      e.preventDefault()
      runRef.current(command)
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])

  const lastDecision = pair?.decisions.filter((d) => d.action !== 'note').at(-1) ?? null
  const hiddenCount = hidden.data?.total ?? 0
  const queuePane = (
    <section className="panel queue-panel" aria-labelledby="queue-title">
      <div className="panel-header">
        <h2 id="queue-title" className="panel-title">
          {t('queue.queueTitle')}
        </h2>
        <span className="total" data-testid="queue-total" aria-live="polite">
          {total === null ? '' : t('queue.total', { count: formatNumber(total, lng) })}
        </span>
        {mayDecide && (
          <button
            type="button"
            className="button"
            disabled={busy || state.noRun}
            onClick={() => void countBulk()}
          >
            {busy && dialog === null ? t('queue.bulk.counting') : t('queue.bulk.button')}
          </button>
        )}
      </div>
      <QueueToolbar
        choice={choice}
        batches={(batches.data ?? []).filter((b) => b.kind !== 'population')}
        views={views.data ?? []}
        onChange={(next) => dispatch({ choice: next })}
        onApplyView={applyView}
        onSaveView={(name) => void saveView(name)}
      />
      {HIDDEN_STATE && hiddenCount > 0 && (
        <p className="hidden-hint" data-testid="hidden-hint">
          {t('queue.hidden', { count: formatNumber(hiddenCount, lng) })}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => dispatch({ choice: { ...choice, state: HIDDEN_STATE } })}
          >
            {t('queue.showHidden')}
          </button>
        </p>
      )}
      {state.noRun && <div className="alert alert-info">{t('queue.noRun')}</div>}
      <QueueGrid
        filter={filter}
        onReady={(g) => (grid.current = g)}
        onLoaded={(count, runId) => {
          dispatch({ loaded: { total: count, runId } })
          // A reloaded block (after a decision) shows the open pair as the selected row again.
          requestAnimationFrame(() => {
            const id = openId.current
            if (id !== null) grid.current?.getRowNode(String(id))?.setSelected(true, true)
          })
        }}
        onError={setError}
        onSortChange={(next) => dispatch({ sort: next })}
        onOpen={(at, row) => open(at, row.sourceRecordId)}
      />
    </section>
  )

  return (
    <section className="screen match-screen" aria-labelledby="match-title">
      <div className="screen-heading">
        <h1 id="match-title" className="screen-title">
          {t('queue.title')}
        </h1>
        <MatchRunBar
          run={matching}
          mayRun={mayDecide}
          onExplain={() => dispatch({ dialog: 'model' })}
          onRunAll={() =>
            matching.info?.model ? dispatch({ dialog: 'runAll' }) : matching.start('all')
          }
        />
        <button
          type="button"
          className="button"
          aria-keyshortcuts="?"
          onClick={() => dispatch({ dialog: 'help' })}
        >
          {t('queue.shortcuts.button')}
        </button>
      </div>
      <MatchRunBanner run={matching} mayRun={mayDecide} />

      <div className="status-line" role="status" data-testid="match-status">
        {state.status}
      </div>
      <ErrorAlert error={error} />
      {similar && (
        <SimilarOffer
          key={`${similar.id}:${similar.action}`}
          sourceRecordId={similar.id}
          action={similar.action}
        />
      )}

      <SplitPane
        storageKey="doisoat.review.split"
        initial={0.48}
        label={t('queue.split')}
        left={queuePane}
        right={
          <div ref={pairBox} tabIndex={-1} className="pair-focus">
            <PairPanel
              pair={pair}
              loading={pairQuery.loading}
              position={index >= 0 && total !== null ? { index, total } : null}
              busy={busy}
              onCommand={run}
              allowed={allowed}
              canUndo={state.undoable > 0}
              onLinkCandidate={(id) => ask({ action: 'relink', populationRecordId: id })}
            />
          </div>
        }
      />

      {dialog === 'search' && pair && (
        <QuickSearch initial={pair.source.full_name} onPick={linkTo} onClose={closeDialog} />
      )}
      {dialog === 'correct' && pair && (
        <CorrectionForm
          pair={pair}
          onClose={closeDialog}
          onSaved={(row) =>
            setStatus(
              t('queue.correction.saved', { count: row.fields.length, record: recordOf(pair) })
            )
          }
        />
      )}
      {dialog === 'note' && (
        <NoteDialog
          busy={busy}
          onClose={closeDialog}
          onSave={(note) => {
            closeDialog()
            ask({ action: 'note', note })
          }}
        />
      )}
      {dialog === 'change' && pair && state.change && state.change.action !== 'note' && (
        <ChangeDialog
          record={recordOf(pair)}
          from={t(`review.states.${pair.state}`)}
          to={t(`review.states.${STATE_AFTER[state.change.action]}`)}
          by={lastDecision ? (pair.userNames[lastDecision.actor] ?? lastDecision.actor) : null}
          at={lastDecision ? formatDateTime(lastDecision.at) : null}
          busy={busy}
          onClose={closeDialog}
          onConfirm={() => {
            const decided = state.change!
            closeDialog()
            inTurn(() => commit(pair, decided))
          }}
        />
      )}
      {dialog === 'help' && <HelpOverlay onClose={closeDialog} />}
      {dialog === 'bulk' && (
        <BulkDialog
          count={bulkCount}
          busy={busy}
          onClose={closeDialog}
          onConfirm={() => void applyBulk()}
        />
      )}
      {dialog === 'model' && matching.info && (
        <ModelDialog info={matching.info} onClose={closeDialog} />
      )}
      {dialog === 'runAll' && matching.info && (
        <RunAllDialog
          info={matching.info}
          onClose={closeDialog}
          onConfirm={() => {
            closeDialog()
            matching.start('all')
          }}
        />
      )}
    </section>
  )
}
