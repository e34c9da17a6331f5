// @vitest-environment jsdom
// Đồng bộ against a scripted backend: state, counts, both versions of a conflict, the parked
// reason in words, what to do about each (propose again, re-sign, withdraw), "Đồng bộ ngay"
// with its progress bar and result; the admin's configuration form.
import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { SyncStatus, UserInfo } from '../../../shared/api'
import { ApiError } from '../../../shared/errors'
import { setApi } from '../../lib/api'
import { fakeApi, setUpScreenTests } from '../../test-support'
import { UserContext } from '../auth/user-context'
import { SyncScreen } from './sync-screen'

const user = (role: UserInfo['role']): UserInfo => ({
  username: role === 'admin' ? 'quantri' : 'canbo',
  displayName: 'Người dùng',
  role,
  active: true,
  locked: false,
  fingerprint: 'ab'.repeat(32),
  publicKey: 'AAAA',
  createdAt: '2026-11-27T00:00:00.000Z'
})

const STATUS: SyncStatus = {
  configured: true,
  url: 'http://127.0.0.1:4790',
  commune: '26734',
  online: false,
  counts: { pending: 12, sent: 0, parked: 1, conflict: 1, done: 40, closed: 2 },
  lastSyncAt: '2026-11-27T05:00:00.000Z',
  lastError: 'timeout',
  rematch: 3,
  jobId: null,
  parked: [
    {
      uuid: 'p1',
      state: 'parked',
      populationKey: 'DC000009',
      baseVersion: 1,
      fields: [{ field: 'hometown', oldValue: null, newValue: 'Xã Mới' }],
      proposedBy: 'canbo',
      approvedBy: 'giamsat',
      attempts: 1,
      lastError: 'unknown_supervisor',
      updatedAt: '2026-11-27T05:00:00.000Z',
      current: null
    }
  ],
  conflicts: [
    {
      uuid: 'c1',
      state: 'conflict',
      populationKey: 'DC000001',
      baseVersion: 2,
      fields: [{ field: 'ethnicity', oldValue: 'Kinh', newValue: 'Thái' }],
      proposedBy: 'canbo',
      approvedBy: 'giamsat',
      attempts: 1,
      lastError: null,
      updatedAt: '2026-11-27T05:00:00.000Z',
      current: { version: 3, record: { full_name: 'Lò Văn A', ethnicity: 'Mường' } }
    }
  ]
}

setUpScreenTests()

const renderAs = (u: UserInfo) =>
  render(
    <UserContext.Provider value={{ user: u, signOut: () => undefined }}>
      <SyncScreen />
    </UserContext.Provider>
  )

describe('Đồng bộ', () => {
  it('shows offline state, queue counts, last error, both versions of a conflict, parked reason', async () => {
    const { api } = fakeApi({ 'sync/status': () => STATUS })
    setApi(api)
    renderAs(user('clerk'))
    expect(await screen.findByText('Không kết nối được cổng quốc gia (ngoại tuyến)')).toBeTruthy()
    const waiting = screen.getByText('Chờ gửi').parentElement!
    expect(within(waiting).getByText('12')).toBeTruthy()
    // Problems and refusals in words, never as codes.
    expect(screen.getByText('Lỗi gần nhất: cổng không trả lời kịp')).toBeTruthy()
    expect(screen.getByText('3 bản ghi dân cư đã thay đổi, cần đối soát lại.')).toBeTruthy()
    const conflict = screen.getByRole('article', { name: 'Bản ghi DC000001' })
    expect(within(conflict).getByText('Đề nghị (phiên bản 2)')).toBeTruthy()
    expect(within(conflict).getByText('Quốc gia hiện nay (phiên bản 3)')).toBeTruthy()
    expect(within(conflict).getByText('Thái')).toBeTruthy()
    expect(within(conflict).getByText('Mường')).toBeTruthy()
    expect(screen.getByText(/Cổng quốc gia chưa có khóa của giám sát viên đã duyệt/)).toBeTruthy()
    expect(screen.queryByText(/unknown_supervisor|timeout/)).toBeNull()
    const dealt = screen.getByText('Đã xử lý').parentElement!
    expect(within(dealt).getByText('2')).toBeTruthy()
    // A clerk has no configuration form.
    expect(screen.queryByRole('button', { name: 'Lưu cấu hình' })).toBeNull()
  })

  it('lets a clerk propose a conflict again, and withdraw a refusal after confirming', async () => {
    let status: SyncStatus = STATUS
    const fake = fakeApi({
      'sync/status': () => status,
      'corrections/resubmit': () => {
        status = { ...status, conflicts: [] }
        return { uuid: 'n1', populationKey: 'DC000001', populationVersion: 3 }
      },
      'corrections/withdraw': () => {
        status = { ...status, parked: [] }
        return { uuid: 'p1', populationKey: 'DC000009', state: 'withdrawn' }
      }
    })
    setApi(fake.api)
    renderAs(user('clerk'))
    const conflict = await screen.findByRole('article', { name: 'Bản ghi DC000001' })
    // Re-signing is a supervisor's act, and never on a conflict.
    expect(screen.queryByRole('button', { name: 'Ký lại' })).toBeNull()
    fireEvent.click(within(conflict).getByRole('button', { name: 'Đề nghị lại' }))
    expect(
      await screen.findByText(
        'Đã lập đề nghị mới cho bản ghi DC000001 theo phiên bản 3; đề nghị đang chờ giám sát viên duyệt.'
      )
    ).toBeTruthy()
    expect(fake.argsOf('corrections/resubmit')).toEqual([{ uuid: 'c1' }])
    expect(await screen.findByText('Không có xung đột.')).toBeTruthy()

    const parked = screen.getByText(/Bản ghi DC000009/).closest('li')!
    fireEvent.click(within(parked).getByRole('button', { name: 'Rút đề nghị' }))
    expect(fake.argsOf('corrections/withdraw')).toEqual([])
    expect(within(parked).getByText(/Rút đề nghị sửa bản ghi DC000009\?/)).toBeTruthy()
    fireEvent.click(within(parked).getByRole('button', { name: 'Rút đề nghị này' }))
    expect(await screen.findByText('Đã rút đề nghị sửa bản ghi DC000009.')).toBeTruthy()
    expect(fake.argsOf('corrections/withdraw')).toEqual([{ uuid: 'p1' }])
    expect(await screen.findByText('Không có đề nghị nào bị tạm giữ.')).toBeTruthy()
  })

  it('lets a supervisor re-sign a refusal, and says in words why an action failed', async () => {
    const fake = fakeApi({
      'sync/status': () => STATUS,
      'corrections/resign': () => ({ uuid: 'n2', populationKey: 'DC000009' }),
      'corrections/resubmit': () =>
        Promise.reject(
          new ApiError({ code: 'record_gone', message: 'x', params: { key: 'DC000001' } })
        )
    })
    setApi(fake.api)
    // Four eyes: not on a proposal of one's own (the backend checks it again).
    const own = renderAs(user('supervisor'))
    await screen.findByText(/Bản ghi DC000009/)
    expect(screen.queryByRole('button', { name: 'Ký lại' })).toBeNull()
    own.unmount()
    renderAs({ ...user('supervisor'), username: 'giamsat2' })
    const parked = (await screen.findByText(/Bản ghi DC000009/)).closest('li')!
    fireEvent.click(within(parked).getByRole('button', { name: 'Ký lại' }))
    expect(
      await screen.findByText('Đã ký lại đề nghị sửa bản ghi DC000009; đề nghị đang chờ gửi.')
    ).toBeTruthy()
    expect(fake.argsOf('corrections/resign')).toEqual([{ uuid: 'p1' }])
    const conflict = screen.getByRole('article', { name: 'Bản ghi DC000001' })
    fireEvent.click(within(conflict).getByRole('button', { name: 'Đề nghị lại' }))
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /Bản ghi dân cư DC000001 đã bị xóa ở phía quốc gia/
    )
  })

  it('"Đồng bộ ngay" starts the job, shows the progress bar, then the result', async () => {
    let status: SyncStatus = STATUS
    const fake = fakeApi({
      'sync/status': () => status,
      'sync/run': () => ({ jobId: 'j1' }),
      'jobs/list': () => [{ jobId: 'j1', kind: 'sync', state: 'running' }]
    })
    setApi(fake.api)
    renderAs(user('supervisor'))
    fireEvent.click(await screen.findByRole('button', { name: 'Đồng bộ ngay' }))
    await screen.findByText('Đang bắt đầu…')
    act(() =>
      fake.emit('job/progress', { jobId: 'j1', kind: 'sync', phase: 'push', done: 5, total: 12 })
    )
    expect(await screen.findByRole('progressbar')).toBeTruthy()
    expect(screen.getByText('Đang gửi đề nghị sửa: 5 / 12')).toBeTruthy()
    status = { ...STATUS, online: true, counts: { ...STATUS.counts, pending: 0, done: 52 } }
    act(() =>
      fake.emit('job/done', {
        jobId: 'j1',
        kind: 'sync',
        state: 'done',
        result: {
          online: true,
          pushed: 12,
          accepted: 12,
          conflicts: 0,
          parked: 0,
          retryLater: 0,
          pulled: 4,
          changed: 4,
          deleted: 0,
          error: null
        }
      })
    )
    expect(await screen.findByText(/Đã đồng bộ: gửi 12, được chấp nhận 12/)).toBeTruthy()
    expect(await screen.findByText('Đang kết nối được cổng quốc gia')).toBeTruthy()
    expect(fake.calls.filter((c) => c.name === 'sync/run')).toHaveLength(1)
  })

  it('lets an admin configure the gateway', async () => {
    const fake = fakeApi({
      'sync/status': () => ({ ...STATUS, configured: false }),
      'sync/configure': () => STATUS
    })
    setApi(fake.api)
    renderAs(user('admin'))
    expect(await screen.findByText(/Chưa cấu hình đồng bộ/)).toBeTruthy()
    fireEvent.change(screen.getByLabelText('Địa chỉ cổng quốc gia'), {
      target: { value: 'https://cong.example.vn' }
    })
    fireEvent.change(screen.getByLabelText('Mã máy trạm'), { target: { value: 'ws-1' } })
    fireEvent.change(screen.getByLabelText('Khóa bí mật của máy trạm'), {
      target: { value: 'bí-mật' }
    })
    fireEvent.change(screen.getByLabelText('Mã xã'), { target: { value: '26734' } })
    fireEvent.click(screen.getByRole('button', { name: 'Lưu cấu hình' }))
    expect(await screen.findByText('Đã lưu cấu hình đồng bộ.')).toBeTruthy()
    expect(fake.calls.find((c) => c.name === 'sync/configure')?.args).toEqual({
      url: 'https://cong.example.vn',
      workstationId: 'ws-1',
      secret: 'bí-mật',
      commune: '26734'
    })
    // An admin does not run the sync (clerks and supervisors do).
    expect(screen.queryByRole('button', { name: 'Đồng bộ ngay' })).toBeNull()
  })
})
