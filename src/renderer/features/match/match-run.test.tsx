// @vitest-environment jsdom
// Matching from the review screen: the run with its progress and cancel, the model explained, the
// batches waiting, the batch an import asks to match; and the divider between queue and pair.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { MatchModelInfo } from '../../../shared/api'
import { setApi } from '../../lib/api'
import { NavigationContext, type Navigation, type ScreenRequest } from '../../lib/navigation'
import { fakeApi, setUpScreenTests } from '../../test-support'
import { SummaryPanel } from '../import/summary-panel'
import { MatchScreen } from './match-screen'
import { SplitPane } from './split-pane'

setUpScreenTests()

const MODEL: MatchModelInfo = {
  model: {
    runId: 1,
    fittedAt: '2026-12-07T09:33:00.000Z',
    fittedBy: 'Cán bộ Tư pháp',
    batches: [{ id: 2, fileName: 'khai-sinh.csv' }],
    sourceCount: 600,
    populationCount: 3000,
    prior: -11.8,
    comparisons: [
      {
        field: 'name',
        levels: [
          { level: 'exact', weight: 11.4 },
          { level: 'different', weight: -9.9 }
        ]
      }
    ]
  },
  lastRun: {
    runId: 1,
    at: '2026-12-07T09:33:00.000Z',
    by: 'Cán bộ Tư pháp',
    batchId: null,
    sourceCount: 600,
    thresholds: { certain: 0.99, probable: 0.9, possible: 0.5 }
  },
  unmatched: [],
  counts: { population: 3000, source: 600 },
  populationChangedSince: 0
}

const NONE = { counts: { population: 3000, source: 600 }, populationChangedSince: 3000 }

function backend(info: MatchModelInfo) {
  return fakeApi({
    'batches/list': () => [],
    'views/list': () => [],
    'jobs/list': () => [],
    'jobs/cancel': () => ({ cancelled: true }),
    'match/model': () => info,
    'match/run': () => ({ jobId: 'm1' }),
    'review/queue': () => ({ rows: [], total: 0, runId: info.lastRun?.runId ?? null })
  })
}

function withNavigation(request: ScreenRequest | null, log: unknown[]) {
  const navigation: Navigation = {
    open: (screen, req) => log.push(['open', screen, req]),
    request,
    handled: () => log.push('handled')
  }
  return ({ children }: { children: React.ReactNode }) => (
    <NavigationContext.Provider value={navigation}>{children}</NavigationContext.Provider>
  )
}

describe('running matching from the review screen', () => {
  it('says how many population records changed since the full run, and nothing when none did', async () => {
    setApi(backend({ ...MODEL, populationChangedSince: 1234 }).api)
    const { unmount } = render(<MatchScreen />)
    const banner = await screen.findByTestId('population-changed-since')
    expect(banner.textContent).toContain('1.234 hồ sơ dân cư đã được thêm hoặc thay đổi')
    expect(banner.textContent).toContain('Đối soát lại toàn bộ…')
    unmount()
    setApi(backend(MODEL).api)
    render(<MatchScreen />)
    await screen.findByTestId('model-summary')
    expect(screen.queryByTestId('population-changed-since')).toBeNull()
  })

  it('starts a run, counts its progress in records, cancels it, and says how the run ended', async () => {
    const fake = backend({ model: null, lastRun: null, unmatched: [], ...NONE })
    setApi(fake.api)
    render(<MatchScreen />)
    await screen.findByText('Chưa đối soát lần nào.')
    fireEvent.click(screen.getByRole('button', { name: 'Chạy đối soát' }))
    await waitFor(() => expect(fake.argsOf('match/run')).toEqual([{}]))
    await screen.findByTestId('match-progress')
    fake.emit('job/progress', { jobId: 'm1', kind: 'match', phase: 'scan', done: 120, total: 600 })
    await screen.findByText('Đang so khớp: 120 / 600 bản ghi')
    expect(screen.getByRole('button', { name: 'Chạy đối soát' })).toHaveProperty('disabled', true)
    fireEvent.click(
      within(screen.getByTestId('match-progress')).getByRole('button', { name: 'Hủy' })
    )
    await waitFor(() => expect(fake.argsOf('jobs/cancel')).toEqual([{ jobId: 'm1' }]))

    fake.emit('job/done', {
      jobId: 'm1',
      kind: 'match',
      state: 'done',
      result: {
        runId: 1,
        sourceCount: 600,
        populationCount: 3000,
        compared: 9000,
        candidatePairs: 1200,
        grades: { certain: 522, probable: 3, possible: 2, none: 73 },
        unmatched: 73,
        duplicates: 0,
        seconds: { setup: 0, scan: 1, fit: 0, write: 0 }
      }
    })
    await waitFor(() =>
      expect(screen.getByTestId('match-status').textContent).toBe(
        'Đã đối soát 600 bản ghi: 522 Chắc chắn, 3 Khả năng cao, 2 Có thể, 73 Không khớp.'
      )
    )
    expect(screen.queryByTestId('match-progress')).toBeNull()
  })

  it('explains the model: when and on what it was estimated, its thresholds, each level’s weight', async () => {
    const fake = backend(MODEL)
    setApi(fake.api)
    render(<MatchScreen />)
    const summary = await screen.findByTestId('model-summary')
    await waitFor(() =>
      expect(summary.textContent).toContain(
        'trên 1 lô · ngưỡng: chắc chắn ≥ 99%, khả năng cao ≥ 90%, có thể ≥ 50%'
      )
    )
    expect(summary.textContent).toMatch(/^Mô hình ước lượng lúc 07\/12\/2026 \d\d:33/)
    fireEvent.click(screen.getByRole('button', { name: 'Xem mô hình' }))
    const dialog = await screen.findByTestId('model-dialog')
    expect(dialog.textContent).toContain('Lô 2: khai-sinh.csv')
    expect(dialog.textContent).toContain('điểm ban đầu là -11,8 bit')
    const name = within(dialog).getByTestId('model-weights').querySelector('tr[data-field="name"]')!
    expect([...name.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'trùng khớp +11,4',
      'khác -9,9'
    ])
    // A full run again is asked first; the batch runs are not.
    fireEvent.keyDown(dialog, { key: 'Escape' })
    fireEvent.click(screen.getByRole('button', { name: 'Đối soát lại toàn bộ…' }))
    const confirm = await screen.findByTestId('run-all-dialog')
    expect(fake.argsOf('match/run')).toEqual([])
    fireEvent.click(within(confirm).getByRole('button', { name: 'Đối soát lại' }))
    await waitFor(() => expect(fake.argsOf('match/run')).toEqual([{}]))
  })

  it('lists the batches no run has matched, each with its own button', async () => {
    const fake = backend({
      ...MODEL,
      unmatched: [{ id: 4, fileName: 'ket-hon.xlsx', rows: 250, createdAt: '2026-12-08T01:00:00Z' }]
    })
    setApi(fake.api)
    render(<MatchScreen />)
    const waiting = await screen.findByTestId('unmatched-batches')
    expect(waiting.textContent).toContain('Lô chưa đối soát (1):')
    expect(waiting.textContent).toContain('Lô 4: ket-hon.xlsx, 250 bản ghi')
    fireEvent.click(within(waiting).getByRole('button', { name: 'Đối soát lô này' }))
    await waitFor(() => expect(fake.argsOf('match/run')).toEqual([{ source: 4 }]))
  })

  it('matches the batch the import screen asked for as it opens, once', async () => {
    const fake = backend(MODEL)
    setApi(fake.api)
    const log: unknown[] = []
    render(<MatchScreen />, { wrapper: withNavigation({ matchBatch: 7 }, log) })
    await waitFor(() => expect(fake.argsOf('match/run')).toEqual([{ source: 7 }]))
    expect(log).toEqual(['handled'])
  })

  it('the import summary offers to match a register batch just imported, not a population file', () => {
    setApi(fakeApi({ 'import/rejected': () => ({ rows: [], total: 0 }) }).api)
    const log: unknown[] = []
    const summary = {
      batchId: 7,
      kind: 'registry' as const,
      fileName: 'so-khai-sinh.csv',
      rowsRead: 600,
      rowsAccepted: 600,
      rowsRejected: 0,
      rejectedReasons: {},
      warnings: {}
    }
    const { unmount } = render(<SummaryPanel summary={summary} onAgain={() => undefined} />, {
      wrapper: withNavigation(null, log)
    })
    expect(screen.getByText(/so khớp 600 bản ghi vừa nhập với CSDL dân cư/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Đối soát lô này' }))
    expect(log).toEqual([['open', 'match', { matchBatch: 7 }]])
    unmount()
    render(
      <SummaryPanel summary={{ ...summary, kind: 'population' }} onAgain={() => undefined} />,
      { wrapper: withNavigation(null, log) }
    )
    expect(screen.queryByRole('button', { name: 'Đối soát lô này' })).toBeNull()
  })
})

describe('the divider between queue and pair', () => {
  it('moves with the arrow keys within its bounds and is remembered', () => {
    const { unmount } = render(
      <SplitPane storageKey="t.split" initial={0.5} label="Đường chia" left="Q" right="P" />
    )
    const divider = screen.getByRole('separator', { name: 'Đường chia' })
    expect(divider.getAttribute('aria-valuenow')).toBe('50')
    fireEvent.keyDown(divider, { key: 'ArrowRight' })
    fireEvent.keyDown(divider, { key: 'ArrowRight' })
    expect(divider.getAttribute('aria-valuenow')).toBe('54')
    fireEvent.keyDown(divider, { key: 'End' })
    expect(divider.getAttribute('aria-valuenow')).toBe('70')
    fireEvent.keyDown(divider, { key: 'ArrowRight' })
    expect(divider.getAttribute('aria-valuenow')).toBe('70')
    unmount()
    render(<SplitPane storageKey="t.split" initial={0.5} label="Đường chia" left="Q" right="P" />)
    expect(screen.getByRole('separator').getAttribute('aria-valuenow')).toBe('70')
  })
})
