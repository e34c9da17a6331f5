// @vitest-environment jsdom
// The Sao lưu screen by role: a clerk sees the state, backs up and reads the list; only an admin
// chooses the folder, the number kept and the schedule, and restores.
import { fireEvent, render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { BackupFileInfo, UserInfo } from '../../../shared/api'
import { setApi } from '../../lib/api'
import { fakeApi, setUpScreenTests } from '../../test-support'
import { UserContext } from '../auth/user-context'
import { BackupScreen } from './backup-screen'
import { formatDateTime } from './format'
import { GOOD, SNAPSHOT, STATUS } from './test-fixtures'

setUpScreenTests()

const USER: UserInfo = {
  username: 'canbo',
  displayName: 'Cán bộ Tư pháp',
  role: 'clerk',
  active: true,
  locked: false,
  fingerprint: 'ab'.repeat(32),
  publicKey: 'AAAA',
  createdAt: '2026-11-27T00:00:00.000Z'
}
const FILES: BackupFileInfo[] = [
  {
    name: GOOD.file!,
    path: `${GOOD.folder}/${GOOD.file!}`,
    bytes: GOOD.bytes!,
    modifiedAt: '2026-12-07T09:33:05.000Z',
    keyFile: true,
    logged: GOOD
  },
  {
    name: 'doisoat-xa-2026-11-30-080000.bak',
    path: '/media/usb/SaoLuu/doisoat-xa-2026-11-30-080000.bak',
    bytes: 3 * 1024 * 1024,
    modifiedAt: '2026-11-30T01:00:00.000Z',
    keyFile: false,
    logged: null
  }
]

function show(role: UserInfo['role']) {
  const fake = fakeApi(
    {
      'backup/status': () => STATUS,
      'backup/list': () => FILES,
      'backup/configure': (args: { keepLast?: number }) => ({ ...STATUS, ...args }),
      'keys/status': () => ({ locked: false, store: 'passphrase' })
    },
    () => 'upload'
  )
  setApi(fake.api)
  render(
    <UserContext.Provider value={{ user: { ...USER, role }, signOut: () => undefined }}>
      <BackupScreen />
    </UserContext.Provider>
  )
  return fake
}

describe('BackupScreen', () => {
  it('a clerk sees the state, the schedule and the list, backs up, but sets nothing and restores nothing', async () => {
    show('clerk')
    const list = await screen.findByTestId('backup-list')
    const rows = within(list).getAllByTestId('backup-row')
    expect(rows[0]!.textContent).toContain(formatDateTime(SNAPSHOT.takenAt))
    expect(rows[0]!.textContent).toContain('Đã kiểm tra · Sao lưu theo yêu cầu')
    expect(rows[1]!.textContent).toContain('Của máy khác hoặc trước khi khôi phục')
    expect(screen.getByTestId('backup-where').textContent).toBe(
      'Thư mục sao lưu: /media/usb/SaoLuu. Tự động sao lưu mỗi 24 giờ; giữ 7 bản gần nhất và mỗi tuần một bản trong một tháng.'
    )
    expect(screen.getByRole('button', { name: 'Sao lưu ngay' })).toBeTruthy()
    expect(screen.queryByRole('heading', { name: 'Cài đặt sao lưu' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Khôi phục…' })).toBeNull()
    expect(screen.queryByRole('heading', { name: 'Khôi phục từ tệp khác' })).toBeNull()
  })

  it('an admin sets the folder, keeps 5 and turns the schedule off', async () => {
    const fake = show('admin')
    await screen.findByRole('heading', { name: 'Cài đặt sao lưu' })
    fireEvent.change(screen.getByTestId('backup-folder'), {
      target: { value: ' /media/usb/Sao lưu xã ' }
    })
    fireEvent.change(screen.getByLabelText(/^Giữ lại/), { target: { value: '5' } })
    fireEvent.click(screen.getByLabelText('Tự động sao lưu'))
    expect(screen.getByLabelText<HTMLInputElement>(/^mỗi/).disabled).toBe(true)
    fireEvent.click(screen.getByRole('button', { name: 'Lưu cài đặt sao lưu' }))
    expect(await screen.findByText('Đã lưu cài đặt sao lưu.')).toBeTruthy()
    expect(fake.argsOf('backup/configure')).toEqual([
      { folder: '/media/usb/Sao lưu xã', keepLast: 5, intervalHours: 24, enabled: false }
    ])
    expect(screen.getAllByRole('button', { name: 'Khôi phục…' })).toHaveLength(2)
  })
})
