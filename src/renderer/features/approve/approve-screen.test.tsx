// @vitest-environment jsdom
// Duyệt against a scripted backend: the side-by-side card, bulk by class with the count confirmed.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ApprovalItem, UserInfo } from '../../../shared/api'
import { setApi } from '../../lib/api'
import { fakeApi, setUpScreenTests } from '../../test-support'
import { UserContext } from '../auth/user-context'
import { ApproveScreen } from './approve-screen'

const SUP: UserInfo = {
  username: 'giamsat',
  displayName: 'Giám sát',
  role: 'supervisor',
  active: true,
  locked: false,
  fingerprint: 'cd'.repeat(32),
  publicKey: 'AAAA',
  createdAt: '2026-11-27T00:00:00.000Z'
}

const item = (uuid: string, proposedBy: string): ApprovalItem => ({
  uuid,
  sourceRecordId: 1,
  populationRecordId: 1,
  populationKey: `DC-${uuid}`,
  populationVersion: 3,
  side: 'population',
  reason: 'dob_day_month_swap',
  reasonText: null,
  evidence: 'KS 1/1990',
  state: 'proposed',
  proposedBy,
  proposedAt: '2026-11-27T01:00:00.000Z',
  fields: [{ field: 'dob', oldValue: '1990-03-05', newValue: '1990-05-03' }],
  batchId: 1,
  packageId: null,
  source: { full_name: 'Nguyễn Văn Ân', dob: '1990-05-03', sex: 'M', id_number: null },
  population: {
    full_name: 'Nguyễn Văn Ân',
    dob: '1990-03-05',
    sex: 'M',
    id_number: '001090012345'
  },
  approval: null
})

setUpScreenTests()

const renderAs = (user: UserInfo) =>
  render(
    <UserContext.Provider value={{ user, signOut: () => undefined }}>
      <ApproveScreen />
    </UserContext.Provider>
  )

describe('Duyệt', () => {
  it('shows both records and the proposed value; no approve button on your own proposal', async () => {
    const { api } = fakeApi({
      'approvals/list': () => ({ rows: [item('a', 'canbo'), item('b', 'giamsat')], total: 2 }),
      'packages/list': () => []
    })
    setApi(api)
    renderAs(SUP)
    const cards = await screen.findAllByTestId('approval-card')
    expect(cards).toHaveLength(2)
    const row = within(cards[0]!).getByRole('row', { name: /Ngày sinh/ })
    expect(row.textContent).toContain('1990-05-03')
    expect(row.textContent).toContain('1990-03-05')
    expect(within(cards[0]!).getByRole('button', { name: 'Duyệt' })).toBeTruthy()
    expect(within(cards[1]!).queryByRole('button', { name: 'Duyệt' })).toBeNull()
    expect(within(cards[1]!).getByText(/cần giám sát viên khác duyệt/)).toBeTruthy()
  })

  it('approves a class after a confirmation that states the count, sending the count it confirmed', async () => {
    const { api, calls } = fakeApi({
      'approvals/list': () => ({ rows: [item('a', 'canbo')], total: 1 }),
      'packages/list': () => [],
      'approvals/bulk': (args: { dryRun: boolean }) =>
        args.dryRun
          ? { count: 7, ownExcluded: 2, applied: false }
          : { count: 7, ownExcluded: 2, applied: true }
    })
    setApi(api)
    renderAs(SUP)
    await screen.findAllByTestId('approval-card')
    fireEvent.change(screen.getByLabelText('Trường'), { target: { value: 'dob' } })
    fireEvent.click(screen.getByRole('button', { name: 'Duyệt tất cả theo bộ lọc…' }))
    const confirm = await screen.findByRole('alertdialog')
    expect(confirm.textContent).toContain('duyệt và ký 7 đề nghị sửa')
    expect(confirm.textContent).toContain('Bỏ qua 2 đề nghị do chính bạn lập.')
    fireEvent.click(within(confirm).getByRole('button', { name: 'Đồng ý (7)' }))
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Đã duyệt 7 đề nghị sửa.')
    )
    const bulk = calls.filter((c) => c.name === 'approvals/bulk').map((c) => c.args)
    expect(bulk).toEqual([
      { filter: { field: 'dob' }, decision: 'approve', dryRun: true },
      { filter: { field: 'dob' }, decision: 'approve', dryRun: false, expectedCount: 7 }
    ])
  })

  it('a clerk sees no decision buttons, and exports a review package', async () => {
    const { api, calls } = fakeApi({
      'approvals/list': () => ({ rows: [item('a', 'canbo')], total: 1 }),
      'packages/list': () => [],
      'packages/exportProposals': () => ({
        packageId: 'p',
        fileName: 'goi-duyet.json',
        content: '{}',
        count: 1
      })
    })
    setApi(api)
    URL.createObjectURL = () => 'blob:x'
    URL.revokeObjectURL = () => undefined
    renderAs({ ...SUP, username: 'canbo', role: 'clerk' })
    await screen.findAllByTestId('approval-card')
    expect(screen.queryByRole('button', { name: 'Duyệt' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Duyệt tất cả theo bộ lọc…' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Xuất gói duyệt' }))
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Đã xuất gói duyệt gồm 1 đề nghị sửa.')
    )
    expect(calls.some((c) => c.name === 'packages/exportProposals')).toBe(true)
  })
})
