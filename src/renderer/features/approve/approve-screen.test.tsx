// @vitest-environment jsdom
// Duyệt against a scripted backend: the side-by-side card with values as a clerk reads them, the
// explanation and evidence; approving and rejecting through a confirmation of exactly what is
// signed, then a success message and the next proposal; bulk by class with the count confirmed,
// and never a confirmation of nothing.
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
  reasonText: 'Giấy khai sinh ghi ngày 03/05/1990',
  evidence: 'KS 1/1990',
  state: 'proposed',
  proposedBy,
  proposedByName: proposedBy === 'canbo' ? 'Cán bộ Tư pháp' : 'Giám sát',
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

const ISO_DATE = /\d{4}-\d{2}-\d{2}/

describe('Duyệt', () => {
  it('shows both records as a clerk reads them, the explanation and evidence; no approve button on your own proposal', async () => {
    const { api } = fakeApi({
      'approvals/list': () => ({ rows: [item('a', 'canbo'), item('b', 'giamsat')], total: 2 }),
      'packages/list': () => [],
      'batches/list': () => []
    })
    setApi(api)
    renderAs(SUP)
    const cards = await screen.findAllByTestId('approval-card')
    expect(cards).toHaveLength(2)
    const card = cards[0]!
    const row = within(card).getByRole('row', { name: /Ngày sinh/ })
    expect(row.textContent).toContain('03/05/1990')
    expect(row.textContent).toContain('05/03/1990')
    expect(within(card).getByRole('row', { name: /Giới tính/ }).textContent).toContain('Nam')
    expect(card.textContent).toContain(
      'Giải thích của người đề xuất: Giấy khai sinh ghi ngày 03/05/1990'
    )
    expect(card.textContent).toContain('Căn cứ: KS 1/1990')
    expect(card.textContent).toMatch(/Đề xuất bởi Cán bộ Tư pháp lúc 27\/11\/2026 \d\d:00/)
    expect(card.textContent).not.toMatch(ISO_DATE)
    expect(card.textContent).not.toMatch(/\bcanbo\b|\bM\b/)
    expect(within(card).getByRole('button', { name: 'Duyệt…' })).toBeTruthy()
    expect(within(cards[1]!).queryByRole('button', { name: 'Duyệt…' })).toBeNull()
    expect(within(cards[1]!).getByText(/cần giám sát viên khác duyệt/)).toBeTruthy()
  })

  it('approves through a confirmation that states what is signed, says so, then moves to the next proposal', async () => {
    let rows = [item('a', 'canbo'), item('c', 'canbo')]
    const fake = fakeApi({
      'approvals/list': () => ({ rows, total: rows.length }),
      'packages/list': () => [],
      'batches/list': () => [],
      'approvals/decide': (args: { uuid: string }) => {
        rows = rows.filter((r) => r.uuid !== args.uuid)
        return { ...item(args.uuid, 'canbo'), state: 'queued' }
      }
    })
    setApi(fake.api)
    renderAs(SUP)
    const [first] = await screen.findAllByTestId('approval-card')
    fireEvent.click(within(first!).getByRole('button', { name: 'Duyệt…' }))
    // Nothing is signed before the supervisor has read what will be signed.
    expect(fake.argsOf('approvals/decide')).toEqual([])
    const dialog = await screen.findByRole('alertdialog', { name: 'Duyệt và ký đề nghị sửa' })
    const text = dialog.textContent ?? ''
    expect(text).toContain('Bạn sắp duyệt và ký số đề nghị sửa bản ghi DC-a (Nguyễn Văn Ân):')
    expect(within(dialog).getByTestId('approval-changes').textContent).toBe(
      'Ngày sinh: 05/03/1990 → 03/05/1990'
    )
    expect(text).toContain('Bên cần sửa:')
    expect(text).toContain('Lý do:')
    expect(text).toContain('Giải thích của người đề xuất: Giấy khai sinh ghi ngày 03/05/1990')
    expect(text).toContain('Căn cứ: KS 1/1990')
    expect(text).toContain('Đề xuất bởi Cán bộ Tư pháp')
    expect(text).toContain('Chữ ký số của bạn (khóa cdcdcdcdcdcdcdcd…)')
    expect(text).toContain('sẽ được gửi tới Cơ sở dữ liệu quốc gia')
    expect(text).not.toMatch(ISO_DATE)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Duyệt và ký' }))
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Đã duyệt và ký đề nghị sửa bản ghi DC-a (Nguyễn Văn Ân). Chữ ký sẽ được gửi tới Cơ sở dữ liệu quốc gia ở lần đồng bộ tới.'
      )
    )
    expect(fake.argsOf('approvals/decide')).toEqual([{ uuid: 'a', decision: 'approve' }])
    expect(screen.queryByRole('alertdialog')).toBeNull()
    // The next proposal is where the decided one was, and has the focus.
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^DC-c/))
  })

  it('rejects only with a reason, through a confirmation, and says so', async () => {
    let rows = [item('a', 'canbo')]
    const fake = fakeApi({
      'approvals/list': () => ({ rows, total: rows.length }),
      'packages/list': () => [],
      'batches/list': () => [],
      'approvals/decide': (args: { uuid: string }) => {
        rows = []
        return { ...item(args.uuid, 'canbo'), state: 'rejected' }
      }
    })
    setApi(fake.api)
    renderAs(SUP)
    const [card] = await screen.findAllByTestId('approval-card')
    fireEvent.click(within(card!).getByRole('button', { name: 'Từ chối…' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Từ chối đề nghị sửa' })
    expect(dialog.textContent).toContain(
      'Bạn sắp từ chối đề nghị sửa bản ghi DC-a (Nguyễn Văn Ân):'
    )
    const confirm = within(dialog).getByRole<HTMLButtonElement>('button', {
      name: 'Từ chối đề nghị'
    })
    expect(confirm.disabled).toBe(true)
    fireEvent.change(within(dialog).getByLabelText('Lý do từ chối (bắt buộc)'), {
      target: { value: 'Giấy khai sinh không khớp' }
    })
    fireEvent.click(confirm)
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Đã từ chối đề nghị sửa bản ghi DC-a (Nguyễn Văn Ân); người đề xuất sẽ thấy lý do.'
      )
    )
    expect(fake.argsOf('approvals/decide')).toEqual([
      { uuid: 'a', decision: 'reject', reason: 'Giấy khai sinh không khớp' }
    ])
  })

  it('keeps bulk approval off with nothing to approve, and never confirms nothing', async () => {
    const empty = fakeApi({
      'approvals/list': () => ({ rows: [], total: 0 }),
      'packages/list': () => [],
      'batches/list': () => []
    })
    setApi(empty.api)
    const first = renderAs(SUP)
    await screen.findByTestId('approval-total')
    expect(
      screen.getByRole<HTMLButtonElement>('button', { name: 'Duyệt tất cả theo bộ lọc…' }).disabled
    ).toBe(true)
    first.unmount()
    // Only the supervisor's own proposals match: the count says so instead of a confirmation.
    const own = fakeApi({
      'approvals/list': () => ({ rows: [item('b', 'giamsat')], total: 1 }),
      'packages/list': () => [],
      'batches/list': () => [],
      'approvals/bulk': () => ({ count: 0, ownExcluded: 1, applied: false })
    })
    setApi(own.api)
    renderAs(SUP)
    await screen.findAllByTestId('approval-card')
    fireEvent.click(screen.getByRole('button', { name: 'Duyệt tất cả theo bộ lọc…' }))
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Theo bộ lọc hiện tại chỉ còn 1 đề nghị do chính bạn lập: cần một giám sát viên khác duyệt.'
      )
    )
    expect(screen.queryByRole('alertdialog')).toBeNull()
  })

  it('approves a class after a confirmation that states the count, sending the count it confirmed', async () => {
    const { api, calls } = fakeApi({
      'approvals/list': () => ({ rows: [item('a', 'canbo')], total: 1 }),
      'packages/list': () => [],
      'batches/list': () => [
        {
          id: 1,
          kind: 'registry',
          fileName: 'so-ho-tich.csv',
          sha256: 'x',
          rowsRead: 1,
          rowsAccepted: 1,
          rowsRejected: 0,
          createdAt: '2026-11-27T00:00:00.000Z'
        }
      ],
      'approvals/bulk': (args: { dryRun: boolean }) =>
        args.dryRun
          ? { count: 7, ownExcluded: 2, applied: false }
          : { count: 7, ownExcluded: 2, applied: true }
    })
    setApi(api)
    renderAs(SUP)
    await screen.findAllByTestId('approval-card')
    fireEvent.change(screen.getByLabelText('Trường'), { target: { value: 'dob' } })
    await screen.findByRole('option', { name: 'Lô 1: so-ho-tich.csv' })
    fireEvent.change(screen.getByLabelText('Lô'), { target: { value: '1' } })
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
      { filter: { field: 'dob', batchId: 1 }, decision: 'approve', dryRun: true },
      {
        filter: { field: 'dob', batchId: 1 },
        decision: 'approve',
        dryRun: false,
        expectedCount: 7
      }
    ])
  })

  it('a clerk sees no decision buttons, and exports a review package', async () => {
    const { api, calls } = fakeApi({
      'approvals/list': () => ({ rows: [item('a', 'canbo')], total: 1 }),
      'packages/list': () => [],
      'batches/list': () => [],
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
    expect(screen.queryByRole('button', { name: 'Duyệt…' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Duyệt tất cả theo bộ lọc…' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Xuất gói duyệt' }))
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Đã xuất gói duyệt gồm 1 đề nghị sửa.')
    )
    expect(calls.some((c) => c.name === 'packages/exportProposals')).toBe(true)
  })
})
