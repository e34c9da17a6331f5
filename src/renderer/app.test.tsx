// @vitest-environment jsdom
// The shell as a clerk meets it: Vietnamese navigation, the English switch, the first-run sample commune.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ApiName, AppInfo, UserInfo } from '../shared/api'
import { ApiError } from '../shared/errors'
import { App } from './app'
import { i18n } from './i18n'
import { setApi } from './lib/api'
import './lib/grid-setup'
import { fakeApi as scriptedApi, setUpScreenTests } from './test-support'

const FULL: AppInfo = {
  version: '0.1.0',
  schemaVersion: 1,
  dbPath: '/tmp/x.db',
  counts: { population: 2000, source: 400, batches: 2, rejected: 3 },
  empty: false
}
const EMPTY: AppInfo = {
  ...FULL,
  counts: { population: 0, source: 0, batches: 0, rejected: 0 },
  empty: true
}

type Handler = (args: unknown) => unknown

const CLERK: UserInfo = {
  username: 'canbo',
  displayName: 'Cán bộ Tư pháp',
  role: 'clerk',
  active: true,
  locked: false,
  fingerprint: 'ab'.repeat(32),
  publicKey: 'AAAA',
  createdAt: '2026-11-27T00:00:00.000Z'
}
/** Signed in as a clerk unless a test says otherwise. */
const DEFAULTS: Partial<Record<ApiName, Handler>> = {
  'auth/status': () => ({ setupNeeded: false, user: CLERK, sessionMinutes: 15 })
}

/** The shared scripted backend, with the defaults above where a test sets no handler. */
function fakeApi(handlers: Partial<Record<ApiName, Handler>>) {
  return scriptedApi({ ...DEFAULTS, ...handlers })
}

const recordsList: Handler = () => ({
  rows: [
    {
      id: 1,
      record_key: 'DC000001',
      full_name: 'Nguyễn Thị Hoà',
      dob: '1990-03-05',
      sex: 'F',
      vital_status: 'alive'
    }
  ],
  total: 1
})

setUpScreenTests()
afterEach(() => {
  vi.useRealTimers()
})

const NAV_VI = [
  'Tổng quan',
  'Nhập dữ liệu',
  'Đối soát',
  'Dạy mô hình',
  'Duyệt',
  'Đồng bộ',
  'Báo cáo',
  'Sao lưu',
  'Cài đặt'
]

describe('the shell', () => {
  it('shows the Vietnamese navigation and the counts, and switches to English', async () => {
    const { api } = fakeApi({ 'app/info': () => FULL, 'records/list': recordsList })
    setApi(api)
    render(<App />)

    const nav = await screen.findByRole('navigation', { name: 'Điều hướng chính' })
    expect(
      within(nav)
        .getAllByRole('button')
        .map((b) => b.textContent)
    ).toEqual(NAV_VI)
    expect(
      within(nav).getByRole('button', { name: 'Tổng quan' }).getAttribute('aria-current')
    ).toBe('page')
    expect(await screen.findByTestId('count-population')).toHaveProperty('textContent', '2.000')
    expect(screen.getByText('Bản ghi địa phương')).toBeTruthy()
    expect(screen.getByRole('heading', { name: 'Danh sách bản ghi' })).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: 'English' }))
    await waitFor(() => expect(screen.getByRole('button', { name: 'Overview' })).toBeTruthy())
    const navEn = screen.getByRole('navigation', { name: 'Main navigation' })
    expect(
      within(navEn)
        .getAllByRole('button')
        .map((b) => b.textContent)
    ).toEqual([
      'Overview',
      'Import',
      'Reconcile',
      'Teach the model',
      'Approve',
      'Sync',
      'Reports',
      'Backup',
      'Settings'
    ])
    expect(screen.getByTestId('count-population').textContent).toBe('2,000')
    expect(localStorage.getItem('doisoat.lang')).toBe('en')
    expect(document.documentElement.lang).toBe('en')
    expect(i18n.language).toBe('en')
  })

  it('opens the Đồng bộ screen from the navigation', async () => {
    const { api } = fakeApi({
      'app/info': () => FULL,
      'records/list': recordsList,
      'sync/status': () => ({
        configured: false,
        url: null,
        commune: null,
        online: null,
        counts: { pending: 2, sent: 0, parked: 0, conflict: 0, done: 0 },
        lastSyncAt: null,
        lastError: null,
        rematch: 0,
        jobId: null,
        parked: [],
        conflicts: []
      })
    })
    setApi(api)
    render(<App />)
    fireEvent.click(await screen.findByRole('button', { name: 'Đồng bộ' }))
    expect(screen.getByRole('heading', { name: 'Đồng bộ' })).toBeTruthy()
    expect(await screen.findByText(/Chưa cấu hình đồng bộ/)).toBeTruthy()
  })
})

describe('signing in', () => {
  it('asks for the admin on an empty machine, then signs in and shows what an admin may do', async () => {
    const fake = fakeApi({
      'auth/status': () => ({ setupNeeded: true, user: null, sessionMinutes: 15 }),
      'auth/setup': () => ({
        user: { ...CLERK, username: 'quantri', displayName: 'Quản trị', role: 'admin' }
      }),
      'app/info': () => EMPTY
    })
    setApi(fake.api)
    render(<App />)
    expect(
      await screen.findByRole('heading', { name: 'Thiết lập lần đầu: tạo tài khoản quản trị' })
    ).toBeTruthy()
    fireEvent.change(screen.getByLabelText('Tên đăng nhập'), { target: { value: 'quantri' } })
    fireEvent.change(screen.getByLabelText('Họ và tên hiển thị'), { target: { value: 'Quản trị' } })
    fireEvent.change(screen.getByLabelText('Mật khẩu'), { target: { value: 'mật-khẩu-1' } })
    fireEvent.change(screen.getByLabelText('Nhập lại mật khẩu'), {
      target: { value: 'mật-khẩu-1' }
    })
    fireEvent.click(screen.getByRole('button', { name: 'Tạo tài khoản quản trị' }))
    const nav = await screen.findByRole('navigation', { name: 'Điều hướng chính' })
    expect(
      within(nav)
        .getAllByRole('button')
        .map((b) => b.textContent)
    ).toEqual(['Tổng quan', 'Đồng bộ', 'Báo cáo', 'Sao lưu', 'Cài đặt'])
    // The sample commune stays on offer after the admin is created.
    expect(await screen.findByRole('button', { name: 'Tạo xã mẫu' })).toBeTruthy()
    expect(fake.calls.find((c) => c.name === 'auth/setup')?.args).toEqual({
      username: 'quantri',
      displayName: 'Quản trị',
      password: 'mật-khẩu-1'
    })
  })

  it('shows a supervisor only their screens, and asks for the password again when the session ends', async () => {
    let expired = false
    const fake = fakeApi({
      'auth/status': () => ({
        setupNeeded: false,
        user: { ...CLERK, username: 'giamsat', role: 'supervisor' },
        sessionMinutes: 15
      }),
      'app/info': () => {
        if (expired)
          throw new ApiError({ code: 'session_expired', message: 'x', params: { minutes: 15 } })
        return FULL
      },
      'records/list': recordsList,
      'auth/login': () => ({ user: { ...CLERK, username: 'giamsat', role: 'supervisor' } })
    })
    setApi(fake.api)
    render(<App />)
    const nav = await screen.findByRole('navigation', { name: 'Điều hướng chính' })
    expect(
      within(nav)
        .getAllByRole('button')
        .map((b) => b.textContent)
    ).toEqual(['Tổng quan', 'Đối soát', 'Duyệt', 'Đồng bộ', 'Báo cáo', 'Sao lưu', 'Cài đặt'])
    expired = true
    fireEvent.click(within(nav).getByRole('button', { name: 'Báo cáo' }))
    fireEvent.click(within(nav).getByRole('button', { name: 'Tổng quan' }))
    const dialog = await screen.findByRole('dialog')
    expect(within(dialog).getByText(/hết hạn sau 15 phút/)).toBeTruthy()
    expect(within(dialog).getByLabelText<HTMLInputElement>('Tên đăng nhập').value).toBe('giamsat')
    fireEvent.change(within(dialog).getByLabelText('Mật khẩu'), { target: { value: 'mật-khẩu-1' } })
    expired = false
    fireEvent.click(within(dialog).getByRole('button', { name: 'Đăng nhập' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  })
})

describe('the first run', () => {
  it('creates the sample commune with progress, then shows the records', async () => {
    let info = EMPTY
    const fake = fakeApi({
      'app/info': () => info,
      'sample/create': () => ({ jobId: 'j1' }),
      'records/list': recordsList,
      'jobs/list': () => []
    })
    setApi(fake.api)
    render(<App />)

    fireEvent.click(await screen.findByRole('button', { name: 'Tạo xã mẫu' }))
    await waitFor(() => expect(screen.getByText('Đang bắt đầu…')).toBeTruthy())
    expect(fake.calls.find((c) => c.name === 'sample/create')?.args).toEqual({})

    act(() =>
      fake.emit('job/progress', {
        jobId: 'j1',
        kind: 'sample',
        phase: 'population',
        done: 500,
        total: 2000
      })
    )
    expect(screen.getByText('Đang nhập dữ liệu dân cư: 500 / 2.000')).toBeTruthy()
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('25')
    // Another job's events are not this card's business.
    act(() =>
      fake.emit('job/progress', {
        jobId: 'other',
        kind: 'import',
        phase: 'read',
        done: 1,
        total: 2
      })
    )
    expect(screen.getByText('Đang nhập dữ liệu dân cư: 500 / 2.000')).toBeTruthy()

    info = { ...FULL }
    act(() => fake.emit('job/done', { jobId: 'j1', kind: 'sample', state: 'done' }))
    expect(await screen.findByRole('heading', { name: 'Danh sách bản ghi' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Tạo xã mẫu' })).toBeNull()
    expect(fake.calls.filter((c) => c.name === 'app/info')).toHaveLength(2)
  })

  it('does not lose a job that finishes before its start call returns', async () => {
    let info = EMPTY
    const fake = fakeApi({
      'app/info': () => info,
      'records/list': recordsList,
      'jobs/list': () => [],
      'sample/create': () => {
        info = FULL
        fake.emit('job/done', { jobId: 'fast', kind: 'sample', state: 'done' })
        return { jobId: 'fast' }
      }
    })
    setApi(fake.api)
    render(<App />)
    fireEvent.click(await screen.findByRole('button', { name: 'Tạo xã mẫu' }))
    expect(await screen.findByRole('heading', { name: 'Danh sách bản ghi' })).toBeTruthy()
  })

  it('cancels, and shows the error of a failed job in Vietnamese', async () => {
    const ids = ['j2', 'j3']
    const fake = fakeApi({
      'app/info': () => EMPTY,
      'sample/create': () => ({ jobId: ids.shift()! }),
      'jobs/cancel': () => ({ cancelled: true }),
      'jobs/list': () => []
    })
    setApi(fake.api)
    render(<App />)
    fireEvent.click(await screen.findByRole('button', { name: 'Tạo xã mẫu' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Hủy' }))
    await waitFor(() =>
      expect(fake.calls.find((c) => c.name === 'jobs/cancel')?.args).toEqual({ jobId: 'j2' })
    )
    act(() => fake.emit('job/done', { jobId: 'j2', kind: 'sample', state: 'cancelled' }))
    expect(screen.getByText('Đã hủy tác vụ.')).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: 'Tạo xã mẫu' }))
    await screen.findByText('Đang bắt đầu…')
    act(() =>
      fake.emit('job/done', {
        jobId: 'j3',
        kind: 'sample',
        state: 'failed',
        error: { code: 'internal', message: 'x', params: { incident: 'A1B2C3D4' } }
      })
    )
    expect(screen.getByRole('alert').textContent).toContain('mã sự cố A1B2C3D4')
  })
})
