// @vitest-environment jsdom
// Đồng bộ against a scripted backend: state, counts, both versions of a conflict, the parked
// reason, "Đồng bộ ngay" with its progress bar and result; the admin's configuration form.
import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { SyncStatus, UserInfo } from '../../../shared/api'
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
  counts: { pending: 12, sent: 0, parked: 1, conflict: 1, done: 40 },
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
      approvedBy: 'giamsat',
      attempts: 1,
      lastError: 'HTTP 422: unknown_record',
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
    expect(screen.getByText('Lỗi gần nhất: timeout')).toBeTruthy()
    expect(screen.getByText('3 bản ghi dân cư đã thay đổi, cần đối soát lại.')).toBeTruthy()
    const conflict = screen.getByRole('article', { name: 'Bản ghi DC000001' })
    expect(within(conflict).getByText('Đề nghị (phiên bản 2)')).toBeTruthy()
    expect(within(conflict).getByText('Quốc gia hiện nay (phiên bản 3)')).toBeTruthy()
    expect(within(conflict).getByText('Thái')).toBeTruthy()
    expect(within(conflict).getByText('Mường')).toBeTruthy()
    expect(screen.getByText(/HTTP 422: unknown_record/)).toBeTruthy()
    // A clerk has no configuration form.
    expect(screen.queryByRole('button', { name: 'Lưu cấu hình' })).toBeNull()
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
