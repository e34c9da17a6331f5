// @vitest-environment jsdom
// First run and sign-in as a new admin meets them: the app's name and the language switch on both
// pages; after the admin account, the overview asks for the clerk and supervisor accounts, with a
// form for each right there, and says what to do next once both exist.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { AppInfo, UserInfo } from '../../../shared/api'
import { ApiError } from '../../../shared/errors'
import { App } from '../../app'
import { setApi } from '../../lib/api'
import { fakeApi, setUpScreenTests } from '../../test-support'
import { suggestUsername } from './accounts-guide'

const ADMIN: UserInfo = {
  username: 'quantri',
  displayName: 'Quản trị xã',
  role: 'admin',
  active: true,
  locked: false,
  fingerprint: 'ab'.repeat(32),
  publicKey: 'AAAA',
  createdAt: '2026-11-27T00:00:00.000Z'
}
const EMPTY: AppInfo = {
  version: '0.1.0',
  schemaVersion: 1,
  dbPath: '/tmp/x.db',
  counts: { population: 0, source: 0, batches: 0, rejected: 0 },
  empty: true
}

setUpScreenTests()

describe('sign-in and first run', () => {
  it('shows the app name and a language switch on the first-run page, and switches it', async () => {
    const { api } = fakeApi({
      'auth/status': () => ({ setupNeeded: true, user: null, sessionMinutes: 15 })
    })
    setApi(api)
    render(<App />)
    expect(await screen.findByText('Thiết lập lần đầu: tạo tài khoản quản trị')).toBeTruthy()
    expect(screen.getByText('Đối soát')).toBeTruthy()
    const lang = screen.getByRole('group', { name: 'Ngôn ngữ' })
    fireEvent.click(within(lang).getByRole('button', { name: 'English' }))
    expect(await screen.findByText('First run: create the administrator')).toBeTruthy()
  })

  it('shows the app name and a language switch on the sign-in page', async () => {
    const { api } = fakeApi({
      'auth/status': () => ({ setupNeeded: false, user: null, sessionMinutes: 15 })
    })
    setApi(api)
    render(<App />)
    await screen.findByRole('heading', { name: 'Đăng nhập' })
    expect(screen.getByText('Đối soát')).toBeTruthy()
    expect(screen.getByRole('group', { name: 'Ngôn ngữ' })).toBeTruthy()
  })

  it('asks the new admin for the clerk and supervisor accounts, with a form for each', async () => {
    let users: UserInfo[] = [ADMIN]
    const fake = fakeApi({
      'auth/status': () => ({ setupNeeded: false, user: ADMIN, sessionMinutes: 15 }),
      'app/info': () => EMPTY,
      'users/list': () => users,
      'users/create': (args: { username: string; displayName: string; role: 'clerk' }) => {
        const u = { ...ADMIN, ...args }
        users = [...users, u]
        return u
      }
    })
    setApi(fake.api)
    render(<App />)
    const guide = await screen.findByRole('region', {
      name: 'Bước tiếp theo: tạo tài khoản cán bộ và giám sát viên'
    })
    expect(guide.textContent).toContain('quản trị viên không nhập dữ liệu, không đối soát')
    const clerk = within(guide).getByRole('form', { name: 'Cán bộ đối soát' })
    fireEvent.change(within(clerk).getByLabelText('Họ và tên hiển thị'), {
      target: { value: 'Nguyễn Văn Ân' }
    })
    // A user name is suggested from the name; the admin may change it.
    expect(within(clerk).getByLabelText<HTMLInputElement>('Tên đăng nhập').value).toBe(
      'nguyenvanan'
    )
    fireEvent.change(within(clerk).getByLabelText('Mật khẩu'), { target: { value: 'mat-khau-1' } })
    fireEvent.click(within(clerk).getByRole('button', { name: 'Tạo tài khoản cán bộ' }))
    expect(
      await within(guide).findByText(
        'Đã tạo tài khoản cán bộ Nguyễn Văn Ân (tên đăng nhập: nguyenvanan). Hãy đưa tên đăng nhập và mật khẩu cho người đó.'
      )
    ).toBeTruthy()
    expect(fake.argsOf('users/create')).toEqual([
      {
        username: 'nguyenvanan',
        displayName: 'Nguyễn Văn Ân',
        role: 'clerk',
        password: 'mat-khau-1'
      }
    ])

    const sup = within(guide).getByRole('form', { name: 'Giám sát viên' })
    fireEvent.change(within(sup).getByLabelText('Họ và tên hiển thị'), {
      target: { value: 'Trần Thị Bình' }
    })
    fireEvent.change(within(sup).getByLabelText('Tên đăng nhập'), { target: { value: 'giamsat' } })
    fireEvent.change(within(sup).getByLabelText('Mật khẩu'), { target: { value: 'mat-khau-2' } })
    fireEvent.click(within(sup).getByRole('button', { name: 'Tạo tài khoản giám sát viên' }))
    await waitFor(() =>
      expect(guide.textContent).toContain(
        'Đã có tài khoản cán bộ và giám sát viên. Đăng xuất, rồi đăng nhập bằng tài khoản cán bộ'
      )
    )
    expect(fake.argsOf('users/create')[1]).toMatchObject({
      username: 'giamsat',
      role: 'supervisor'
    })
  })

  it('says which characters a user name may have, beside the field, and sends nothing', async () => {
    const RULE =
      'Tên đăng nhập không đúng quy tắc: chỉ dùng chữ không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch ngang, không có dấu cách, từ 2 đến 32 ký tự. Hãy sửa tên đăng nhập (ví dụ: hoa.nguyen).'
    const fake = fakeApi({
      'auth/status': () => ({ setupNeeded: false, user: ADMIN, sessionMinutes: 15 }),
      'app/info': () => EMPTY,
      'users/list': () => [ADMIN],
      // The server's own check of the field, as its validation error comes back.
      'users/create': () => {
        throw new ApiError({
          code: 'validation',
          message: 'Dữ liệu gửi lên không hợp lệ',
          issues: [{ path: 'username', message: 'letters a-z, digits, . _ -, 2 to 32 characters' }]
        })
      }
    })
    setApi(fake.api)
    render(<App />)
    const clerk = await screen.findByRole('form', { name: 'Cán bộ đối soát' })
    fireEvent.change(within(clerk).getByLabelText('Họ và tên hiển thị'), {
      target: { value: 'Nguyễn Thị Hoa' }
    })
    fireEvent.change(within(clerk).getByLabelText('Tên đăng nhập'), {
      target: { value: 'Hoa Nguyễn' }
    })
    fireEvent.change(within(clerk).getByLabelText('Mật khẩu'), { target: { value: 'mat-khau-1' } })
    expect(within(clerk).getByRole('alert').textContent).toBe(RULE)
    fireEvent.click(within(clerk).getByRole('button', { name: 'Tạo tài khoản cán bộ' }))
    expect(fake.argsOf('users/create')).toEqual([])

    // A name the form lets through but the server refuses: the same rule, not "reload the page".
    fireEvent.change(within(clerk).getByLabelText('Tên đăng nhập'), {
      target: { value: 'hoa.nguyen' }
    })
    expect(within(clerk).queryByRole('alert')).toBeNull()
    fireEvent.click(within(clerk).getByRole('button', { name: 'Tạo tài khoản cán bộ' }))
    await waitFor(() => expect(within(clerk).getByRole('alert').textContent).toBe(RULE))
    expect(fake.argsOf('users/create')).toHaveLength(1)
  })

  it('leaves the guide out once both accounts exist', async () => {
    const { api } = fakeApi({
      'auth/status': () => ({ setupNeeded: false, user: ADMIN, sessionMinutes: 15 }),
      'app/info': () => ({ ...EMPTY, empty: false }),
      'users/list': () => [
        ADMIN,
        { ...ADMIN, username: 'canbo', role: 'clerk' },
        { ...ADMIN, username: 'giamsat', role: 'supervisor' }
      ],
      'jobs/list': () => [],
      'review/dashboard': () => null,
      'records/list': () => ({ rows: [], total: 0 })
    })
    setApi(api)
    render(<App />)
    await screen.findByText('Bản ghi dân cư')
    expect(screen.queryByText(/Bước tiếp theo/)).toBeNull()
  })

  it('in Cài đặt, says a user name with a space and accents breaks the rule, and sends nothing', async () => {
    const fake = fakeApi({
      'auth/status': () => ({ setupNeeded: false, user: ADMIN, sessionMinutes: 15 }),
      'app/info': () => ({ ...EMPTY, empty: false }),
      'users/list': () => [
        ADMIN,
        { ...ADMIN, username: 'canbo', role: 'clerk' },
        { ...ADMIN, username: 'giamsat', role: 'supervisor' }
      ],
      'trust/list': () => [],
      'jobs/list': () => [],
      'review/dashboard': () => null,
      'records/list': () => ({ rows: [], total: 0 }),
      'users/create': () => ADMIN
    })
    setApi(fake.api)
    render(<App />)
    const nav = await screen.findByRole('navigation', { name: 'Điều hướng chính' })
    fireEvent.click(within(nav).getByRole('button', { name: 'Cài đặt' }))
    const form = await screen.findByRole('form', { name: 'Thêm người dùng' })
    fireEvent.change(within(form).getByLabelText('Tên đăng nhập'), {
      target: { value: 'Hoa Nguyễn' }
    })
    fireEvent.change(within(form).getByLabelText('Họ và tên hiển thị'), {
      target: { value: 'Nguyễn Thị Hoa' }
    })
    fireEvent.change(within(form).getByLabelText('Mật khẩu'), { target: { value: 'mat-khau-1' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Thêm người dùng' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toMatch(/^Tên đăng nhập không đúng quy tắc: chỉ dùng chữ không dấu/)
    expect(fake.argsOf('users/create')).toEqual([])
  })
})

describe('suggestUsername', () => {
  it('folds a Vietnamese name to letters and digits', () => {
    expect(suggestUsername('Đỗ Thị Hoà')).toBe('dothihoa')
    expect(suggestUsername('  Lò  Văn  A 2 ')).toBe('lovana2')
  })
})
