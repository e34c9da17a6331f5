// @vitest-environment jsdom
// The dashboard as a clerk reads it: figures from the API in tiles and bars, running jobs with a cancel button.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ReviewDashboard, ReviewTimeline } from '../../../shared/api'
import { setApi } from '../../lib/api'
import { DashboardPanel } from './dashboard-panel'
import { fakeApi, setUpScreenTests } from '../../test-support'
import { JobsPanel } from './jobs-panel'

const DASH: ReviewDashboard = {
  runId: 4,
  total: 1200,
  byGrade: { certain: 900, probable: 150, possible: 50, none: 100 },
  byFlag: { name_diacritics: 310, unmatched: 100, dob_swap: 12, name_typo: 0 },
  byState: {
    open: 700,
    accepted: 150,
    rejected: 30,
    relinked: 5,
    duplicate: 5,
    not_in_population: 10,
    auto_accepted: 300
  },
  batches: [{ batchId: 2, fileName: 'so-ho-tich.csv', total: 1200, decided: 200, remaining: 1000 }]
}
const TIMELINE: ReviewTimeline = {
  days: [
    { date: '2026-11-20', decisions: 120, cumulative: 120 },
    { date: '2026-11-21', decisions: 80, cumulative: 200 }
  ],
  before: 0,
  total: 200
}

setUpScreenTests()

describe('DashboardPanel', () => {
  it('shows progress tiles, a bar per grade and per flag present, the line and the batch', async () => {
    const fake = fakeApi({ 'review/dashboard': () => DASH, 'review/timeline': () => TIMELINE })
    setApi(fake.api)
    render(<DashboardPanel />)
    expect((await screen.findByTestId('dash-total')).textContent).toBe('1.200')
    expect(screen.getByTestId('dash-decided').textContent).toBe('200')
    expect(screen.getByTestId('dash-remaining').textContent).toBe('700')
    // The run's own links are neither a person's decisions nor work left.
    expect(screen.getByTestId('dash-auto').textContent).toBe('300')
    expect(screen.getByTestId('chart-grades-certain').getAttribute('data-value')).toBe('900')
    // Flags with no record are left out; the most frequent comes first.
    const bars = screen.getByTestId('chart-flags').querySelectorAll('g.bar')
    expect([...bars].map((b) => b.getAttribute('data-testid'))).toEqual([
      'chart-flags-name_diacritics',
      'chart-flags-unmatched',
      'chart-flags-dob_swap'
    ])
    const chart = screen.getByRole('img', { name: /Sai lệch theo loại/ })
    expect(chart.querySelector('desc')?.textContent).toBe(
      'Họ tên gõ không dấu: 310; Không tìm thấy trong dữ liệu dân cư: 100; Ngày sinh đảo ngày/tháng: 12'
    )
    const line = screen.getByTestId('chart-progress')
    expect(line.getAttribute('data-total')).toBe('200')
    expect(line.querySelectorAll('circle')).toHaveLength(2)
    expect(line.querySelector('desc')?.textContent).toContain(
      '80 quyết định ngày 21/11/2026, tổng 200'
    )
    expect(screen.getByTestId('batch-2-remaining').textContent).toBe('1.000')
    expect(screen.getByRole('progressbar', { name: 'so-ho-tich.csv: 17%' })).toBeTruthy()
  })

  it('says so when nothing was matched yet', async () => {
    const fake = fakeApi({
      'review/dashboard': () => ({ ...DASH, runId: null, total: 0, batches: [] }),
      'review/timeline': () => ({ days: [], before: 0, total: 0 })
    })
    setApi(fake.api)
    render(<DashboardPanel />)
    expect((await screen.findByTestId('dashboard-no-run')).textContent).toContain(
      'Chưa có lần đối soát nào'
    )
  })
})

describe('JobsPanel', () => {
  it('lists running jobs, follows their progress, cancels, and reports the end', async () => {
    let done = 0
    const fake = fakeApi({
      'jobs/list': () => [
        { jobId: 'j1', kind: 'match', state: 'running' },
        { jobId: 'j0', kind: 'import', state: 'done' }
      ],
      'jobs/cancel': () => ({ cancelled: true })
    })
    setApi(fake.api)
    render(<JobsPanel onJobDone={() => done++} />)
    await screen.findByTestId('jobs-panel')
    expect(screen.getByText('Đối soát')).toBeTruthy()
    expect(screen.queryByText('Nhập dữ liệu')).toBeNull()
    act(() =>
      fake.emit('job/progress', { jobId: 'j1', kind: 'match', phase: 'scan', done: 50, total: 200 })
    )
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('25')
    fireEvent.click(screen.getByRole('button', { name: 'Hủy' }))
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.name === 'jobs/cancel').map((c) => c.args)).toEqual([
        { jobId: 'j1' }
      ])
    )
    act(() => fake.emit('job/done', { jobId: 'j1', kind: 'match', state: 'cancelled' }))
    expect(screen.queryByTestId('jobs-panel')).toBeNull()
    expect(done).toBe(1)
  })
})
