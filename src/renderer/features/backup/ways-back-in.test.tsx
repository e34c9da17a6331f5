// @vitest-environment jsdom
// The ways back in, through the app's own gate: a locked start asks for the recovery key (a wrong
// one is refused, five times in a row, nothing else called), the first run offers a restore, an
// admin who forgot the password uses the recovery key, and an admin resets a clerk's password and
// is told where the new key must be trusted again.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { PasswordResetResult, UserInfo } from '../../../shared/api'
import { ApiError } from '../../../shared/errors'
import { App } from '../../app'
import { setApi } from '../../lib/api'
import { fakeApi, setUpScreenTests } from '../../test-support'

setUpScreenTests()

const KEY = 'ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567'
const fail = (code: string, params: Record<string, string | number> = {}): never => {
  throw new ApiError({ code: code as never, message: 'x', params })
}
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
const CLERK: UserInfo = {
  ...ADMIN,
  username: 'canbo',
  displayName: 'Cán bộ Tư pháp',
  role: 'clerk'
}
const SUPERVISOR: UserInfo = {
  ...ADMIN,
  username: 'giamsat',
  displayName: 'Giám sát Huyện',
  role: 'supervisor'
}
const pasteKey = (key: string): void => {
  fireEvent.paste(screen.getByLabelText('Nhóm 1 của khóa khôi phục'), {
    clipboardData: { getData: () => key }
  })
}

describe('a locked start', () => {
  it('asks for the recovery key; a wrong one is refused five times with nothing else called; the right one opens', async () => {
    let unlocked = false
    const fake = fakeApi({
      'auth/status': () =>
        unlocked ? { setupNeeded: false, user: null, sessionMinutes: 15 } : fail('recovery_needed'),
      'keys/status': () => ({ locked: !unlocked, store: 'keychain' }),
      'keys/unlock': (args: { recoveryKey?: string }) => {
        if (args.recoveryKey !== KEY) fail('recovery_key_wrong')
        unlocked = true
        return { unlocked: true }
      }
    })
    setApi(fake.api)
    render(<App />)
    expect(await screen.findByRole('heading', { name: 'Mở khóa dữ liệu' })).toBeTruthy()
    expect(screen.getByText(/khóa trong kho khóa của hệ điều hành bị mất/)).toBeTruthy()
    expect(document.body.textContent).not.toMatch(/DOISOAT_|biến môi trường|recovery_needed/)

    const wrong = 'ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4566'
    pasteKey(wrong)
    for (let i = 0; i < 5; i++) {
      fireEvent.click(screen.getByRole('button', { name: 'Mở khóa' }))
      await waitFor(() => expect(fake.argsOf('keys/unlock')).toHaveLength(i + 1))
      expect((await screen.findByRole('alert')).textContent).toContain(
        'Khóa khôi phục không đúng với dữ liệu này. Không có gì bị thay đổi'
      )
    }
    expect(fake.argsOf('keys/unlock')).toEqual(Array(5).fill({ recoveryKey: wrong }))
    expect(new Set(fake.calls.map((c) => c.name))).toEqual(
      new Set(['auth/status', 'keys/status', 'keys/unlock'])
    )

    // One group typed again: the right key.
    fireEvent.change(screen.getByLabelText('Nhóm 8 của khóa khôi phục'), {
      target: { value: '4567' }
    })
    fireEvent.click(screen.getByRole('button', { name: 'Mở khóa' }))
    expect(await screen.findByRole('heading', { name: 'Đăng nhập' })).toBeTruthy()
    expect(fake.argsOf('keys/unlock').at(-1)).toEqual({ recoveryKey: KEY })
  })

  it('where the key is kept under a passphrase (Linux without a keychain) it asks for the passphrase first', async () => {
    const fake = fakeApi({
      'auth/status': () => fail('recovery_needed'),
      'keys/status': () => ({ locked: true, store: 'passphrase' }),
      'keys/unlock': () => fail('db_wrong_key', { path: '/home/canbo/doisoat.db' })
    })
    setApi(fake.api)
    render(<App />)
    const field = await screen.findByLabelText('Cụm mật khẩu')
    expect(screen.getByText(/không có kho khóa an toàn/)).toBeTruthy()
    fireEvent.change(field, { target: { value: 'sai rồi đây' } })
    fireEvent.click(screen.getByRole('button', { name: 'Mở khóa' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toBe(
      'Cụm mật khẩu không mở được dữ liệu. Không có gì bị thay đổi; hãy thử lại, hoặc dùng khóa khôi phục.'
    )
    expect(alert.textContent).not.toContain('/home/canbo')
    expect(fake.argsOf('keys/unlock')).toEqual([{ passphrase: 'sai rồi đây' }])
    // The recovery key instead, with a new passphrase for the next starts.
    fireEvent.click(screen.getByRole('button', { name: 'Khóa khôi phục' }))
    pasteKey(KEY)
    fireEvent.change(screen.getByLabelText('Cụm mật khẩu mới (ít nhất 10 ký tự)'), {
      target: { value: 'một câu dài dễ nhớ' }
    })
    fireEvent.change(screen.getByLabelText('Nhập lại cụm mật khẩu mới'), {
      target: { value: 'một câu dài dễ nhớ' }
    })
    fireEvent.click(screen.getByRole('button', { name: 'Mở khóa' }))
    await waitFor(() =>
      expect(fake.argsOf('keys/unlock').at(-1)).toEqual({
        recoveryKey: KEY,
        newPassphrase: 'một câu dài dễ nhớ'
      })
    )
  })
})

describe('first run', () => {
  it('offers "Khôi phục từ bản sao lưu" next to creating the admin', async () => {
    const fake = fakeApi(
      {
        'auth/status': () => ({ setupNeeded: true, user: null, sessionMinutes: 15 }),
        'keys/status': () => ({ locked: false, store: 'passphrase' })
      },
      () => 'upload'
    )
    setApi(fake.api)
    render(<App />)
    await screen.findByRole('heading', { name: 'Thiết lập lần đầu: tạo tài khoản quản trị' })
    fireEvent.click(screen.getByRole('button', { name: 'Khôi phục từ bản sao lưu' }))
    expect(await screen.findByLabelText('Nhóm 1 của khóa khôi phục')).toBeTruthy()
    expect(screen.getByTestId('restore-path')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Hủy' }))
    expect(
      await screen.findByRole('heading', { name: 'Thiết lập lần đầu: tạo tài khoản quản trị' })
    ).toBeTruthy()
  })
})

describe('forgotten passwords', () => {
  it('an admin sets a new password with the recovery key from the sign-in screen', async () => {
    const result: PasswordResetResult = {
      user: { ...ADMIN, fingerprint: 'cd'.repeat(32) },
      oldFingerprint: 'ab'.repeat(32),
      retrust: []
    }
    const fake = fakeApi({
      'auth/status': () => ({ setupNeeded: false, user: null, sessionMinutes: 15 }),
      'auth/recoverAdmin': () => result
    })
    setApi(fake.api)
    render(<App />)
    fireEvent.click(await screen.findByRole('button', { name: 'Quên mật khẩu?' }))
    expect(screen.getByText(/nhờ quản trị viên đặt lại mật khẩu/)).toBeTruthy()
    fireEvent.change(screen.getByLabelText('Tên đăng nhập của quản trị viên'), {
      target: { value: 'quantri' }
    })
    pasteKey(KEY)
    fireEvent.change(screen.getByLabelText('Mật khẩu mới'), { target: { value: 'mật-khẩu-mới-1' } })
    fireEvent.change(screen.getByLabelText('Nhập lại mật khẩu'), {
      target: { value: 'mật-khẩu-mới-1' }
    })
    fireEvent.click(screen.getByRole('button', { name: 'Đặt mật khẩu mới' }))
    expect(await screen.findByRole('heading', { name: 'Đã đặt mật khẩu mới' })).toBeTruthy()
    expect(fake.argsOf('auth/recoverAdmin')).toEqual([
      { username: 'quantri', recoveryKey: KEY, newPassword: 'mật-khẩu-mới-1' }
    ])
    expect(screen.getByText(/không được nơi nào khác tin cậy/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }))
    expect(await screen.findByRole('heading', { name: 'Đăng nhập' })).toBeTruthy()
  })

  it("an admin resets a supervisor's password and is told where the new key must be trusted", async () => {
    const result: PasswordResetResult = {
      user: { ...SUPERVISOR, fingerprint: '12ab'.repeat(16), publicKey: 'MCowBQYDK2VwAyEA' },
      oldFingerprint: 'ef'.repeat(32),
      retrust: ['gateway', 'clerk_machines']
    }
    const fake = fakeApi({
      'auth/status': () => ({ setupNeeded: false, user: ADMIN, sessionMinutes: 15 }),
      'app/info': () => ({
        version: '0.1.0',
        schemaVersion: 8,
        dbPath: '/x.db',
        counts: { population: 0, source: 0, batches: 0, rejected: 0 },
        empty: true
      }),
      'records/list': () => ({ rows: [], total: 0 }),
      'users/list': () => [ADMIN, CLERK, SUPERVISOR],
      'trust/list': () => [],
      'users/resetPassword': () => result
    })
    setApi(fake.api)
    render(<App />)
    const nav = await screen.findByRole('navigation', { name: 'Điều hướng chính' })
    fireEvent.click(within(nav).getByRole('button', { name: 'Cài đặt' }))
    const table = (await screen.findByText('Giám sát Huyện')).closest('table')!
    // Not for an admin (their own is Đổi mật khẩu, or Quên mật khẩu with the recovery key).
    expect(within(table).getAllByRole('button', { name: 'Đặt lại mật khẩu' })).toHaveLength(2)
    const row = screen.getByText('Giám sát Huyện').closest('tr')!
    fireEvent.click(within(row).getByRole('button', { name: 'Đặt lại mật khẩu' }))
    const panel = screen.getByTestId('reset-panel')
    fireEvent.change(within(panel).getByLabelText('Mật khẩu mới'), {
      target: { value: 'mật-khẩu-mới-1' }
    })
    fireEvent.change(within(panel).getByLabelText('Nhập lại mật khẩu'), {
      target: { value: 'mật-khẩu-mới-1' }
    })
    fireEvent.click(within(panel).getByRole('button', { name: 'Đặt mật khẩu mới' }))
    expect(await within(panel).findByTestId('new-key')).toBeTruthy()
    expect(fake.argsOf('users/resetPassword')).toEqual([
      { username: 'giamsat', newPassword: 'mật-khẩu-mới-1' }
    ])
    expect(within(panel).getByTestId('new-fingerprint').textContent).toBe(
      Array(16).fill('12ab').join(' ')
    )
    const places = within(within(panel).getByTestId('retrust')).getAllByRole('listitem')
    expect(places.map((p) => p.textContent)).toEqual([
      expect.stringContaining('Cổng quốc gia'),
      expect.stringContaining('Máy của cán bộ')
    ])
  })
})
