// Đối soát: the clerk's review workstation. The queue (filters, saved views, bulk accept) above,
// the pair view with its actions below, the proposals at the end; every action has a key.
import type { GridApi } from 'ag-grid-community'
import { useContext, useEffect, useMemo, useReducer, useRef, useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiInput, ApiName, QueueRow, SavedView, SearchHit } from '../../../shared/api'
import { formatNumber, useLanguage } from '../../i18n'
import { ErrorAlert } from '../../components/error-alert'
import { useApiMutation, useApiQuery } from '../../lib/use-api'
import { useDebounced } from '../../lib/use-debounced'
import { CorrectionForm } from './correction-form'
import { CorrectionsPanel } from './corrections-panel'
import { BulkDialog, HelpOverlay, NoteDialog } from './dialogs'
import { PairPanel } from './pair-panel'
import { QueueGrid } from './queue-grid'
import {
  NO_CHOICE,
  fromFilter,
  queueArgs,
  toFilter,
  type QueueChoice,
  type QueueSort
} from './queue-model'
import { QueueToolbar } from './queue-toolbar'
import { QuickSearch } from './quick-search'
import { commandFor, type Command } from './shortcuts'
import { UserContext } from '../auth/user-context'
import { SimilarOffer } from '../teach/similar-offer'
import './match.css'

type DialogName = 'search' | 'correct' | 'note' | 'help' | 'bulk'

/** A decision as review/decide takes it, without the record (the open pair's). */
type Decision = Omit<ApiInput<'review/decide'>, 'sourceRecordId' | 'runId'>

/** Commands that record a clerk's decision (review/decide, review/bulk: clerks only). */
const DECIDING: ReadonlySet<Command> = new Set([
  'accept',
  'reject',
  'duplicate',
  'notInPopulation',
  'reopen',
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
  status: string
  error: unknown
}

type Change =
  | Partial<Pick<ScreenState, 'choice' | 'sort' | 'dialog' | 'status' | 'error'>>
  | { loaded: { total: number; runId: number | null } }
  | { open: ScreenState['current'] }
  | { counted: number }

function reduce(s: ScreenState, c: Change): ScreenState {
  if ('loaded' in c) return { ...s, total: c.loaded.total, noRun: c.loaded.runId === null }
  // Opening a pair starts with a clean slate: no message, no error from the last one.
  if ('open' in c) return { ...s, current: c.open, status: '', error: null }
  if ('counted' in c) return { ...s, bulkCount: c.counted, dialog: 'bulk' }
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
  status: '',
  error: null
}

/** What a decision changes: the queue's rows and the pair's state and history. */
const DECIDED: ApiName[] = ['review/queue', 'review/pair']

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
  const queue = useApiMutation('review/queue')
  const decision = useApiMutation('review/decide', { invalidates: DECIDED })
  // The dry run only counts; the real one changes the queue.
  const bulkDryRun = useApiMutation('review/bulk')
  const bulkApply = useApiMutation('review/bulk', { invalidates: DECIDED })
  const saving = useApiMutation('views/save', { invalidates: ['views/list'] })
  const busy = decision.busy || bulkDryRun.busy || bulkApply.busy
  const error = state.error ?? pairQuery.error ?? batches.error ?? views.error
  const setError = (e: unknown): void => dispatch({ error: e })
  const setStatus = (message: string): void => dispatch({ status: message })
  const grid = useRef<GridApi<QueueRow> | null>(null)
  // The last accept or reject: offered for every open pair of the same kind (teach/similar-offer).
  const [similar, setSimilar] = useState<{ id: number; action: 'accept' | 'reject' } | null>(null)
  const pairBox = useRef<HTMLDivElement>(null)

  // The position in the queue holds for one filter and sort; a new one starts again at row 0.
  const orderKey = JSON.stringify([filter, sort])
  const index = current && current.key === orderKey ? current.index : -1

  function open(at: number, row: QueueRow): void {
    // The same row again: read it again (another window may have decided it).
    if (current?.id === row.sourceRecordId) pairQuery.reload()
    dispatch({ open: { index: at, id: row.sourceRecordId, key: orderKey } })
  }

  /** Show a row in the grid as the current one (scrolled to and selected, when loaded). */
  function reveal(index: number): void {
    const g = grid.current
    if (!g) return
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
    open(target.index, target.row)
    reveal(target.index)
  }

  async function decide(made: Decision, message?: string): Promise<void> {
    if (!pair || busy) return
    setError(null)
    try {
      const out = await decision.run({ sourceRecordId: pair.source.id, ...made })
      const a = made.action
      setSimilar(a === 'accept' || a === 'reject' ? { id: pair.source.id, action: a } : null)
      setStatus(
        message ??
          (made.action === 'note'
            ? t('queue.pair.noteSaved')
            : t('queue.pair.decisionSaved', { state: t(`review.states.${out.state}`) }))
      )
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
    void decide(
      { action: 'relink', populationRecordId: hit.id },
      t('queue.search.linked', { key: hit.recordKey })
    )
  }

  function run(command: Command): void {
    if (!allowed(command)) {
      setStatus(t('queue.readOnly'))
      return
    }
    const action = ACTION_OF[command]
    if (action) {
      void decide(
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

  return (
    <section className="screen match-screen" aria-labelledby="match-title">
      <div className="screen-heading">
        <h1 id="match-title" className="screen-title">
          {t('queue.title')}
        </h1>
        <button
          type="button"
          className="button"
          aria-keyshortcuts="?"
          onClick={() => dispatch({ dialog: 'help' })}
        >
          {t('queue.shortcuts.button')}
        </button>
      </div>

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
        {state.noRun && <div className="alert alert-info">{t('queue.noRun')}</div>}
        <QueueGrid
          filter={filter}
          onReady={(g) => (grid.current = g)}
          onLoaded={(count, runId) => dispatch({ loaded: { total: count, runId } })}
          onError={setError}
          onSortChange={(next) => dispatch({ sort: next })}
          onOpen={open}
        />
      </section>

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

      <div ref={pairBox} tabIndex={-1} className="pair-focus">
        <PairPanel
          pair={pair}
          loading={pairQuery.loading}
          position={index >= 0 && total !== null ? { index, total } : null}
          busy={busy}
          onCommand={run}
          allowed={allowed}
          onLinkCandidate={(id) => void decide({ action: 'relink', populationRecordId: id })}
        />
      </div>

      <CorrectionsPanel />

      {dialog === 'search' && pair && (
        <QuickSearch initial={pair.source.full_name} onPick={linkTo} onClose={closeDialog} />
      )}
      {dialog === 'correct' && pair && (
        <CorrectionForm
          pair={pair}
          onClose={closeDialog}
          onDone={(row) => {
            closeDialog()
            setStatus(t('queue.correction.saved', { count: row.fields.length }))
          }}
        />
      )}
      {dialog === 'note' && (
        <NoteDialog
          busy={busy}
          onClose={closeDialog}
          onSave={(note) => {
            closeDialog()
            void decide({ action: 'note', note })
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
    </section>
  )
}
