// @vitest-environment jsdom
// Đồng bộ against a scripted backend: state (offline in words), counts, both versions of a
// conflict, the parked reason in words, what to do about each (propose again, re-sign, withdraw),
// "Đồng bộ ngay" with its progress bar and result, the connection test, the accepted corrections;
// the admin's set-up by registration file, pasted text or operator token, and the supervisors' keys.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
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
  workstationId: 'ws_abc',
  online: false,
  problem: 'timeout',
  checkedAt: '2026-11-27T05:01:00.000Z',
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
      approvedByName: 'Trần Giám Sát',
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
      approvedByName: 'Trần Giám Sát',
      attempts: 1,
      lastError: null,
      updatedAt: '2026-11-27T05:00:00.000Z',
      current: { version: 3, record: { full_name: 'Lò Văn A', ethnicity: 'Mường' } }
    }
  ]
}

const NO_ACCEPTED = { rows: [], total: 0 }
const ACCEPTED = {
  rows: [
    {
      uuid: 'a1',
      populationKey: 'DC000042',
      fullName: 'Lò Thị Bình',
      fields: [
        { field: 'dob', oldValue: '1978-07-04', newValue: '1978-04-07' },
        { field: 'sex', oldValue: 'M', newValue: 'F' }
      ],
      proposedBy: 'Cán bộ Tư pháp',
      approvedBy: 'Trần Giám Sát',
      acceptedAt: '2026-12-07T09:33:00.000Z',
      version: 4
    }
  ],
  total: 1
}

setUpScreenTests()

const renderAs = (u: UserInfo) =>
  render(
    <UserContext.Provider value={{ user: u, signOut: () => undefined }}>
      <SyncScreen />
    </UserContext.Provider>
  )

describe('Đồng bộ', () => {
  it('says offline in a sentence with why, and shows counts, both versions of a conflict, the parked reason', async () => {
    const { api, argsOf } = fakeApi({
      'sync/status': () => STATUS,
      'sync/accepted': () => NO_ACCEPTED
    })
    setApi(api)
    renderAs(user('clerk'))
    const state = await screen.findByTestId('sync-online')
    expect(state.textContent).toBe(
      'Ngoại tuyến — cổng quốc gia không trả lời kịp. Các đề nghị đã duyệt vẫn nằm trong hàng đợi và sẽ được gửi khi có kết nối.'
    )
    // The screen asks the backend to probe the gateway, so offline shows within seconds.
    expect(argsOf('sync/status')[0]).toEqual({ probe: true })
    const waiting = screen.getByText('Chờ gửi').parentElement!
    expect(within(waiting).getByText('12')).toBeTruthy()
    expect(screen.getByText('3 bản ghi dân cư đã thay đổi, cần đối soát lại.')).toBeTruthy()
    const conflict = screen.getByRole('article', { name: 'Bản ghi DC000001' })
    expect(within(conflict).getByText('Đề nghị (phiên bản 2)')).toBeTruthy()
    expect(within(conflict).getByText('Quốc gia hiện nay (phiên bản 3)')).toBeTruthy()
    expect(within(conflict).getByText('Thái')).toBeTruthy()
    expect(within(conflict).getByText('Mường')).toBeTruthy()
    // The approver by display name, not user name.
    expect(within(conflict).getByText('Duyệt bởi Trần Giám Sát')).toBeTruthy()
    expect(screen.getByText(/Cổng quốc gia chưa có khóa của giám sát viên đã duyệt/)).toBeTruthy()
    expect(document.body.textContent).not.toMatch(/unknown_supervisor|timeout|giamsat\b/)
    // One date format: dd/mm/yyyy HH:mm.
    expect(document.body.textContent).toMatch(/Lần đồng bộ gần nhất: \d\d\/11\/2026 \d\d:\d\d/)
    const dealt = screen.getByText('Đã xử lý').parentElement!
    expect(within(dealt).getByText('2')).toBeTruthy()
    // A clerk has no set-up.
    expect(screen.queryByRole('group', { name: 'Bước 1. Địa chỉ cổng và mã xã' })).toBeNull()
    // Every button on the screen is styled.
    for (const b of screen.getAllByRole('button'))
      expect(b.className, b.textContent ?? '').toMatch(/button/)
  })

  it('lists accepted corrections: record, person, fields old → new as a clerk reads them, approver, time', async () => {
    const { api } = fakeApi({
      'sync/status': () => ({ ...STATUS, online: true, problem: null }),
      'sync/accepted': () => ACCEPTED
    })
    setApi(api)
    renderAs(user('clerk'))
    const table = await screen.findByTestId('sync-accepted')
    const row = within(table).getAllByRole('row')[1]!
    expect(row.textContent).toContain('DC000042')
    expect(row.textContent).toContain('Lò Thị Bình')
    expect(row.textContent).toContain('Ngày sinh: 04/07/1978 → 07/04/1978')
    expect(row.textContent).toContain('Giới tính: Nam → Nữ')
    expect(row.textContent).toContain('Trần Giám Sát')
    expect(row.textContent).toMatch(/07\/12\/2026 \d\d:33/)
    expect(screen.getByRole('heading', { name: 'Đề nghị sửa đã được chấp nhận (1)' })).toBeTruthy()
  })

  it('tests the connection and says what to do about each finding', async () => {
    const fake = fakeApi({
      'sync/status': () => ({ ...STATUS, online: true, problem: null }),
      'sync/accepted': () => NO_ACCEPTED,
      'sync/test': () => ({
        url: 'http://127.0.0.1:4790',
        reachable: true,
        problem: null,
        workstation: { ok: true, refusal: null, name: 'UBND xã Tà Hine' },
        supervisors: [
          { username: 'giamsat', displayName: 'Trần Giám Sát', registered: true },
          { username: 'giamsat2', displayName: 'Lê Văn Duyệt', registered: false }
        ]
      })
    })
    setApi(fake.api)
    renderAs(user('clerk'))
    fireEvent.click(await screen.findByRole('button', { name: 'Kiểm tra kết nối' }))
    const result = await screen.findByTestId('connection-check')
    expect(result.textContent).toContain('Cổng quốc gia trả lời tại http://127.0.0.1:4790.')
    expect(result.textContent).toContain('Cổng nhận ra máy trạm này (UBND xã Tà Hine).')
    expect(result.textContent).toContain(
      'Khóa ký của giám sát viên Trần Giám Sát đã được cổng đăng ký.'
    )
    expect(result.textContent).toContain(
      'Khóa ký của giám sát viên Lê Văn Duyệt chưa được cổng đăng ký'
    )
    // The status is asked again at once: the check just told the backend what it found.
    await waitFor(() => expect(fake.argsOf('sync/status').length).toBeGreaterThan(1))
  })

  it('says a refused credential in words, never as the code', async () => {
    const { api } = fakeApi({
      'sync/status': () => ({ ...STATUS, online: true, problem: null }),
      'sync/accepted': () => NO_ACCEPTED,
      'sync/test': () => ({
        url: 'http://127.0.0.1:4790',
        reachable: true,
        problem: null,
        workstation: { ok: false, refusal: 'bad_request_signature', name: null },
        supervisors: []
      }),
      'sync/supervisors': () => []
    })
    setApi(api)
    renderAs(user('admin'))
    fireEvent.click(await screen.findByRole('button', { name: 'Kiểm tra kết nối' }))
    const result = await screen.findByTestId('connection-check')
    expect(result.textContent).toContain(
      'Cổng không nhận máy trạm này: khóa bí mật của máy trạm không đúng.'
    )
    expect(result.textContent).not.toContain('bad_request_signature')
  })

  it('lets a clerk propose a conflict again, and withdraw a refusal after confirming', async () => {
    let status: SyncStatus = STATUS
    const fake = fakeApi({
      'sync/status': () => status,
      'sync/accepted': () => NO_ACCEPTED,
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
      'sync/accepted': () => NO_ACCEPTED,
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
      'sync/accepted': () => NO_ACCEPTED,
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
    status = {
      ...STATUS,
      online: true,
      problem: null,
      counts: { ...STATUS.counts, pending: 0, done: 52 }
    }
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
          waitingForKey: 1,
          error: null
        }
      })
    )
    expect(await screen.findByText(/Đã đồng bộ: gửi 12, được chấp nhận 12/)).toBeTruthy()
    // What was kept back is said, with what to do.
    expect(
      screen.getByText(/1 đề nghị đã duyệt chưa được gửi: cổng quốc gia chưa có khóa ký/)
    ).toBeTruthy()
    expect(await screen.findByText('Kết nối được cổng quốc gia')).toBeTruthy()
    expect(fake.calls.filter((c) => c.name === 'sync/run')).toHaveLength(1)
    // The accepted list is asked again after the run.
    expect(fake.argsOf('sync/accepted').length).toBeGreaterThan(1)
  })
})

describe('Thiết lập đồng bộ (admin)', () => {
  const unconfigured: SyncStatus = {
    ...STATUS,
    configured: false,
    url: null,
    commune: null,
    workstationId: null,
    online: null,
    problem: null
  }
  const KEYS = [
    {
      username: 'giamsat',
      displayName: 'Trần Giám Sát',
      publicKey: 'MCowBQYDK2VwAyEA',
      fingerprint: 'ab'.repeat(32)
    }
  ]

  it('reads the registration file the operator sent, and saves it with the address', async () => {
    const fake = fakeApi({
      'sync/status': () => unconfigured,
      'sync/accepted': () => NO_ACCEPTED,
      'sync/supervisors': () => KEYS,
      'sync/configure': () => STATUS
    })
    setApi(fake.api)
    renderAs(user('admin'))
    expect(await screen.findByText(/Chưa cấu hình đồng bộ/)).toBeTruthy()
    // An admin does not run the sync (clerks and supervisors do).
    expect(screen.queryByRole('button', { name: 'Đồng bộ ngay' })).toBeNull()
    fireEvent.change(screen.getByLabelText('Địa chỉ cổng quốc gia'), {
      target: { value: 'https://cong.example.vn' }
    })
    const file = new File(
      ['{"id":"ws_1","secret":"bí-mật","commune":"26734"}'],
      'dang-ky-may-tram.json',
      { type: 'application/json' }
    )
    fireEvent.change(screen.getByTestId('registration-file'), { target: { files: [file] } })
    expect(await screen.findByText('Đã đọc tệp đăng ký: máy trạm ws_1, xã 26734.')).toBeTruthy()
    expect(screen.getByLabelText<HTMLInputElement>('Mã xã').value).toBe('26734')
    fireEvent.click(screen.getByRole('button', { name: 'Lưu đăng ký' }))
    await waitFor(() =>
      expect(fake.argsOf('sync/configure')).toEqual([
        {
          url: 'https://cong.example.vn',
          workstationId: 'ws_1',
          secret: 'bí-mật',
          commune: '26734'
        }
      ])
    )
    expect(
      await screen.findByText('Đã đăng ký máy trạm ws_abc cho xã 26734 và lưu cấu hình đồng bộ.')
    ).toBeTruthy()
  })

  it('says what is wrong with pasted text that is not a registration, and asks for the address first', async () => {
    const fake = fakeApi({
      'sync/status': () => unconfigured,
      'sync/accepted': () => NO_ACCEPTED,
      'sync/supervisors': () => KEYS,
      'sync/configure': () => STATUS
    })
    setApi(fake.api)
    renderAs(user('admin'))
    const paste = await screen.findByLabelText('Hoặc dán nội dung tệp đăng ký')
    fireEvent.change(paste, { target: { value: 'ws_1 bí-mật 26734' } })
    expect(screen.getByRole('alert').textContent).toMatch(
      /không phải tệp đăng ký máy trạm: cần có mã máy trạm/
    )
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Lưu đăng ký' }).disabled).toBe(
      true
    )
    fireEvent.change(paste, {
      target: { value: 'Gửi xã: {"id":"ws_2","secret":"s","commune":"26734"}' }
    })
    fireEvent.click(screen.getByRole('button', { name: 'Lưu đăng ký' }))
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Hãy nhập địa chỉ cổng quốc gia (bước 1).'
    )
    expect(fake.argsOf('sync/configure')).toEqual([])
  })

  it("registers the workstation with an operator token, then the supervisors' keys", async () => {
    let status = unconfigured
    const fake = fakeApi({
      'sync/status': () => status,
      'sync/accepted': () => NO_ACCEPTED,
      'sync/supervisors': () => KEYS,
      'sync/register': () => (status = STATUS),
      'sync/registerSupervisors': () => ({ registered: ['giamsat'] })
    })
    setApi(fake.api)
    URL.createObjectURL = () => 'blob:x'
    URL.revokeObjectURL = () => undefined
    renderAs(user('admin'))
    fireEvent.change(await screen.findByLabelText('Địa chỉ cổng quốc gia'), {
      target: { value: 'http://127.0.0.1:4790' }
    })
    fireEvent.change(screen.getByLabelText('Mã xã'), { target: { value: '26734' } })
    fireEvent.change(screen.getByLabelText('Mã người vận hành'), { target: { value: 'tok' } })
    fireEvent.change(screen.getByLabelText('Tên máy trạm (ví dụ: UBND xã Tà Hine, máy 1)'), {
      target: { value: 'UBND xã Thử' }
    })
    expect(
      screen.getByRole<HTMLButtonElement>('button', { name: 'Đăng ký khóa với cổng' }).disabled
    ).toBe(true)
    fireEvent.click(screen.getByRole('button', { name: 'Đăng ký máy trạm với cổng' }))
    await screen.findByText('Đã đăng ký máy trạm ws_abc cho xã 26734 và lưu cấu hình đồng bộ.')
    expect(fake.argsOf('sync/register')).toEqual([
      {
        url: 'http://127.0.0.1:4790',
        commune: '26734',
        operatorToken: 'tok',
        name: 'UBND xã Thử'
      }
    ])
    // The keys: listed by display name, as a file for the operator, or registered with the token.
    expect(screen.getByText(/Trần Giám Sát \(giamsat\), dấu vân tay abab abab/)).toBeTruthy()
    const text = screen.getByLabelText<HTMLTextAreaElement>(
      'Nội dung tệp khóa (để sao chép gửi đi)'
    ).value
    expect(JSON.parse(text)).toMatchObject({
      commune: '26734',
      supervisors: [{ username: 'giamsat', publicKey: 'MCowBQYDK2VwAyEA' }]
    })
    fireEvent.click(screen.getByRole('button', { name: 'Đăng ký khóa với cổng' }))
    expect(
      await screen.findByText('Đã đăng ký khóa ký của Trần Giám Sát với cổng quốc gia.')
    ).toBeTruthy()
    expect(fake.argsOf('sync/registerSupervisors')).toEqual([
      { operatorToken: 'tok', usernames: ['giamsat'] }
    ])
  })
})
