// @vitest-environment jsdom
// Restoring as a person does it: what the backup holds is shown before anything changes, the
// confirmation says where the current database is kept, nothing is restored until it is ticked;
// a backup of another key asks for its recovery key; a new laptop in web mode sets a passphrase.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { AppInfo, BackupContentsInfo, RestoreResultInfo } from '../../../shared/api'
import { ApiError } from '../../../shared/errors'
import { setApi } from '../../lib/api'
import { fakeApi, setUpScreenTests } from '../../test-support'
import { formatDateTime } from './format'
import { RestoreFlow } from './restore-flow'
import { CONTENTS, SNAPSHOT } from './test-fixtures'

setUpScreenTests()

const INFO: AppInfo = {
  version: '0.1.0',
  schemaVersion: 8,
  dbPath: '/home/canbo/.config/doisoat/doisoat.db',
  counts: { population: 5100, source: 1100, batches: 3, rejected: 0 },
  empty: false
}
const RESULT: RestoreResultInfo = {
  restored: CONTENTS,
  aside: '/home/canbo/.config/doisoat/doisoat.db.before-restore-20261208T010000Z',
  preBackup: '/media/usb/SaoLuu/doisoat-xa-2026-12-08-080000.bak',
  keyChanged: false
}
const KEY = 'ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567'

const wrongKey = (): never => {
  throw new ApiError({
    code: 'backup_wrong_key',
    message: 'x',
    params: { file: CONTENTS.file }
  })
}

function admin(handlers: Parameters<typeof fakeApi>[0] = {}) {
  const fake = fakeApi({
    'keys/status': () => ({ locked: false, store: 'keychain' }),
    'app/info': () => INFO,
    'users/list': () => [],
    'restore/inspect': () => CONTENTS,
    'restore/run': () => RESULT,
    ...handlers
  })
  setApi(fake.api)
  const onRestored = vi.fn()
  render(
    <RestoreFlow
      mode="admin"
      initialPath={CONTENTS.file}
      onRestored={onRestored}
      onCancel={() => undefined}
    />
  )
  return { fake, onRestored }
}

describe('RestoreFlow, an admin restoring a backup of this laptop', () => {
  it('shows what the backup holds and where the current database is kept, restores only once confirmed', async () => {
    const { fake, onRestored } = admin()
    const contents = await screen.findByTestId('backup-contents')
    expect(fake.argsOf('restore/inspect')).toEqual([{ path: CONTENTS.file }])
    expect(
      within(contents).getByText(`Bản sao lưu lúc ${formatDateTime(SNAPSHOT.takenAt)}`)
    ).toBeTruthy()
    const row = (label: string): string =>
      within(screen.getByTestId('backup-counts')).getByText(label).closest('tr')!.textContent
    expect(row('Bản ghi dân cư')).toBe('Bản ghi dân cư5.000')
    expect(row('Đề nghị sửa')).toBe('Đề nghị sửa12')
    // Internal tables a person does not know are not listed.
    expect(screen.getByTestId('backup-counts').textContent).not.toContain('candidate')
    expect(screen.getByTestId('backup-last-event').textContent).toBe(
      `Sự kiện số 402 lúc ${formatDateTime(SNAPSHOT.lastAudit!.at)}: Đề nghị sửa hoặc phê duyệt (giamsat).`
    )
    const pending = within(screen.getByTestId('backup-pending')).getAllByRole('listitem')
    expect(pending.map((li) => li.textContent)).toEqual([
      'Bản ghi dân cư DC0000017 — Chờ gửi',
      'Bản ghi dân cư DC0000023 — Chờ gửi',
      'Bản ghi dân cư DC0000031 — Đang gửi'
    ])
    const warning = await screen.findByTestId('restore-warning')
    await waitFor(() =>
      expect(warning.textContent).toContain(
        'giữ nguyên bên cạnh với tên doisoat.db.before-restore-(ngày giờ) trong thư mục /home/canbo/.config/doisoat.'
      )
    )
    expect(warning.textContent).toContain('mọi người phải đăng nhập lại')

    const run = screen.getByRole('button', { name: 'Khôi phục' })
    expect((run as HTMLButtonElement).disabled).toBe(true)
    fireEvent.click(run)
    expect(fake.argsOf('restore/run')).toEqual([])
    fireEvent.click(screen.getByLabelText(/Tôi đồng ý thay dữ liệu đang dùng/))
    fireEvent.click(run)
    await screen.findByTestId('restore-done')
    expect(fake.argsOf('restore/run')).toEqual([{ path: CONTENTS.file, confirm: true }])
    expect(screen.getByTestId('restore-done').textContent).toContain(
      `Dữ liệu trước đó được giữ nguyên ở: ${RESULT.aside}`
    )
    expect(screen.getByTestId('restore-done').textContent).toContain(
      '3 đề nghị sửa đã duyệt sẽ được gửi lại ở lần đồng bộ tới.'
    )
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập lại' }))
    expect(onRestored).toHaveBeenCalledOnce()
  })

  it('a backup under another key: says so, asks for its recovery key, and opens it with that', async () => {
    let calls = 0
    const { fake } = admin({
      'restore/inspect': (args: { recoveryKey?: string }) => {
        calls++
        return args.recoveryKey ? { ...CONTENTS, sameKey: false } : wrongKey()
      }
    })
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Khóa này không mở được bản sao lưu'
    )
    const group1 = await screen.findByLabelText('Nhóm 1 của khóa khôi phục')
    // Not complete yet: the first unfinished group is named, and nothing is asked of the backend.
    fireEvent.click(screen.getByRole('button', { name: 'Xem nội dung bản sao lưu' }))
    expect(await screen.findByText('Khóa khôi phục chưa đủ 8 nhóm, mỗi nhóm 4 ký tự.')).toBeTruthy()
    expect(screen.getByTestId('recovery-status').textContent).toContain('Nhóm 1 chưa đủ 4 ký tự')
    expect(calls).toBe(1)
    fireEvent.paste(group1, { clipboardData: { getData: () => KEY.toLowerCase() } })
    fireEvent.click(screen.getByRole('button', { name: 'Xem nội dung bản sao lưu' }))
    await screen.findByTestId('backup-contents')
    expect(fake.argsOf('restore/inspect')[1]).toEqual({ path: CONTENTS.file, recoveryKey: KEY })
  })
})

describe('RestoreFlow, a new laptop', () => {
  it('in web mode: the file path, the recovery key, then a new passphrase, checked before restoring', async () => {
    const inspected: BackupContentsInfo = { ...CONTENTS, sameKey: false }
    const fake = fakeApi(
      {
        'keys/status': () => ({ locked: false, store: 'passphrase' }),
        'restore/inspect': () => inspected,
        'restore/run': () => ({ ...RESULT, restored: inspected, keyChanged: true })
      },
      () => 'upload-id'
    )
    setApi(fake.api)
    render(<RestoreFlow mode="firstRun" onRestored={() => undefined} onCancel={() => undefined} />)
    expect(screen.getByRole('heading', { name: 'Khôi phục từ bản sao lưu' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Xem nội dung bản sao lưu' }))
    expect(await screen.findByText('Hãy chọn bản sao lưu cần khôi phục.')).toBeTruthy()
    fireEvent.change(screen.getByTestId('restore-path'), {
      target: { value: ` ${CONTENTS.file} ` }
    })
    fireEvent.paste(screen.getByLabelText('Nhóm 1 của khóa khôi phục'), {
      clipboardData: { getData: () => KEY }
    })
    fireEvent.click(screen.getByRole('button', { name: 'Xem nội dung bản sao lưu' }))
    await screen.findByTestId('backup-contents')
    expect(fake.argsOf('restore/inspect')).toEqual([{ path: CONTENTS.file, recoveryKey: KEY }])
    expect(screen.getByTestId('restore-warning').textContent).toContain(
      'Dữ liệu đang có trên máy này không bị xóa'
    )

    fireEvent.click(screen.getByLabelText(/Tôi đồng ý/))
    fireEvent.change(screen.getByLabelText('Cụm mật khẩu mới (ít nhất 10 ký tự)'), {
      target: { value: 'ngắn' }
    })
    fireEvent.click(screen.getByRole('button', { name: 'Khôi phục' }))
    expect((await screen.findByRole('alert')).textContent).toContain('ít nhất 10 ký tự')
    fireEvent.change(screen.getByLabelText('Cụm mật khẩu mới (ít nhất 10 ký tự)'), {
      target: { value: 'một câu dài dễ nhớ' }
    })
    fireEvent.change(screen.getByLabelText('Nhập lại cụm mật khẩu mới'), {
      target: { value: 'một câu dài khác' }
    })
    fireEvent.click(screen.getByRole('button', { name: 'Khôi phục' }))
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Hai lần nhập cụm mật khẩu mới không giống nhau.'
    )
    expect(fake.argsOf('restore/run')).toEqual([])
    fireEvent.change(screen.getByLabelText('Nhập lại cụm mật khẩu mới'), {
      target: { value: 'một câu dài dễ nhớ' }
    })
    fireEvent.click(screen.getByRole('button', { name: 'Khôi phục' }))
    await screen.findByTestId('restore-done')
    expect(fake.argsOf('restore/run')).toEqual([
      { path: CONTENTS.file, recoveryKey: KEY, newPassphrase: 'một câu dài dễ nhớ', confirm: true }
    ])
    expect(screen.getByTestId('restore-done').textContent).toContain(
      'Khóa khôi phục cần cất giữ từ nay là khóa của bản sao lưu'
    )
  })

  it("a wrong recovery key is refused with the backend's sentence, and nothing is restored", async () => {
    const fake = fakeApi(
      { 'keys/status': () => ({ locked: false, store: 'keychain' }), 'restore/inspect': wrongKey },
      () => 'upload-id'
    )
    setApi(fake.api)
    render(<RestoreFlow mode="firstRun" onRestored={() => undefined} onCancel={() => undefined} />)
    fireEvent.change(screen.getByTestId('restore-path'), { target: { value: CONTENTS.file } })
    fireEvent.paste(screen.getByLabelText('Nhóm 1 của khóa khôi phục'), {
      clipboardData: { getData: () => KEY }
    })
    fireEvent.click(screen.getByRole('button', { name: 'Xem nội dung bản sao lưu' }))
    expect((await screen.findByRole('alert')).textContent).toContain(
      'hãy nhập khóa khôi phục của thời điểm đó'
    )
    expect(screen.queryByTestId('backup-contents')).toBeNull()
    expect(fake.argsOf('restore/run')).toEqual([])
  })
})
