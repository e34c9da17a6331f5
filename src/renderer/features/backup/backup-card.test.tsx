// @vitest-environment jsdom
// The dashboard's backup card as a clerk reads it: the last good backup and its age, a warning
// when approved corrections not yet synced are in no backup, why a backup failed and that the
// previous one is kept, and a backup now with its outcome.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { BackupStatus } from '../../../shared/api'
import { setApi } from '../../lib/api'
import { fakeApi, setUpScreenTests } from '../../test-support'
import { BackupCard } from './backup-card'
import { formatDateTime } from './format'
import { GOOD, SNAPSHOT, STATUS } from './test-fixtures'

setUpScreenTests()

function show(status: BackupStatus, more: Parameters<typeof fakeApi>[0] = {}) {
  const fake = fakeApi({ 'backup/status': () => status, ...more })
  setApi(fake.api)
  render(<BackupCard />)
  return fake
}

describe('BackupCard', () => {
  it('shows the last good backup, when and how long ago, and no warning when all is backed up', async () => {
    show(STATUS)
    const last = await screen.findByTestId('backup-last')
    expect(last.textContent).toContain(
      `Bản sao lưu tốt gần nhất: ${formatDateTime(SNAPSHOT.takenAt)} (3 giờ trước).`
    )
    expect(last.textContent).toContain('doisoat-xa-2026-12-07-163300.bak, 12 MB, đã kiểm tra.')
    expect(screen.queryByTestId('backup-unbacked')).toBeNull()
    expect(screen.getByTestId('backup-card').className).not.toContain('is-warn')
  })

  it('warns when unsynced approvals were made after the last backup', async () => {
    show({ ...STATUS, unbackedApprovals: 2, ageHours: 50 })
    const warning = await screen.findByTestId('backup-unbacked')
    expect(warning.getAttribute('role')).toBe('alert')
    expect(warning.textContent).toBe(
      'Có 2 đề nghị sửa đã duyệt chưa được cổng quốc gia nhận và chưa nằm trong bản sao lưu nào. Hãy sao lưu ngay.'
    )
    expect(screen.getByTestId('backup-last').textContent).toContain('(2 ngày trước)')
    expect(screen.getByTestId('backup-card').className).toContain('is-warn')
  })

  it('says when there has never been a backup', async () => {
    show({ ...STATUS, last: null, ageHours: null, lastPresent: false, due: true })
    expect((await screen.findByTestId('backup-last')).textContent).toContain(
      'Chưa có bản sao lưu nào'
    )
    expect(screen.getByTestId('backup-due').textContent).toBe(
      'Ứng dụng sẽ tự tạo bản sao lưu đầu tiên trong vài phút.'
    )
    expect(screen.queryByTestId('backup-missing')).toBeNull()
  })

  it('says why the last backup failed, in a sentence, and that the previous one is kept', async () => {
    const failure = {
      ...GOOD,
      id: 8,
      ok: false,
      file: null,
      bytes: null,
      snapshot: null,
      errorCode: 'backup_folder_not_writable',
      finishedAt: '2026-12-08T01:00:00.000Z'
    }
    show({ ...STATUS, lastFailure: failure })
    const text = (await screen.findByTestId('backup-failure')).textContent ?? ''
    expect(text).toContain(
      `Lần sao lưu lúc ${formatDateTime(failure.finishedAt)} không thành công.`
    )
    expect(text).toContain('Không ghi được vào thư mục sao lưu "/media/usb/SaoLuu"')
    expect(text).toContain(
      'Bản sao lưu tốt gần nhất vẫn được giữ nguyên: doisoat-xa-2026-12-07-163300.bak.'
    )
    expect(text).not.toMatch(/backup_|undefined|\{\{/)
  })

  it('a full disk: the reason already names the backup kept, once', async () => {
    const failure = { ...GOOD, id: 9, ok: false, errorCode: 'backup_write_failed' }
    show({ ...STATUS, lastFailure: failure })
    const text = (await screen.findByTestId('backup-failure')).textContent ?? ''
    expect(text.match(/doisoat-xa-2026-12-07-163300\.bak/g)).toHaveLength(1)
    expect(text).toContain('ổ đầy')
  })

  it('backs up now, shows the outcome and reads the status again', async () => {
    const fake = show(STATUS, { 'backup/run': () => ({ jobId: 'j1' }) })
    fireEvent.click(await screen.findByRole('button', { name: 'Sao lưu ngay' }))
    await waitFor(() => expect(fake.argsOf('backup/run')).toEqual([{}]))
    act(() =>
      fake.emit('job/progress', {
        jobId: 'j1',
        kind: 'backup',
        phase: 'backup',
        done: 5,
        total: 10
      })
    )
    expect(await screen.findByText('Đang sao lưu: 50%')).toBeTruthy()
    const before = fake.argsOf('backup/status').length
    act(() =>
      fake.emit('job/done', {
        jobId: 'j1',
        kind: 'backup',
        state: 'done',
        result: {
          file: '/media/usb/SaoLuu/doisoat-xa-2026-12-08-080000.bak',
          bytes: 2 * 1024 * 1024,
          snapshot: SNAPSHOT,
          removed: []
        }
      })
    )
    expect((await screen.findByRole('status')).textContent).toBe(
      'Đã sao lưu và kiểm tra xong: doisoat-xa-2026-12-08-080000.bak (2 MB).'
    )
    await waitFor(() => expect(fake.argsOf('backup/status').length).toBeGreaterThan(before))
  })

  it('a backup that fails says why, once (not again as the last failure the status then has)', async () => {
    let failed = false
    const failure = { ...GOOD, id: 10, ok: false, errorCode: 'backup_folder_missing' }
    const fake = fakeApi({
      'backup/status': () => (failed ? { ...STATUS, lastFailure: failure } : STATUS),
      'backup/run': () => ({ jobId: 'j2' })
    })
    setApi(fake.api)
    render(<BackupCard />)
    fireEvent.click(await screen.findByRole('button', { name: 'Sao lưu ngay' }))
    await waitFor(() => expect(fake.argsOf('backup/run')).toHaveLength(1))
    failed = true
    act(() =>
      fake.emit('job/done', {
        jobId: 'j2',
        kind: 'backup',
        state: 'failed',
        error: {
          code: 'backup_folder_missing',
          message: 'x',
          params: { folder: '/media/usb/SaoLuu' }
        }
      })
    )
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Không có thư mục sao lưu "/media/usb/SaoLuu" (ổ USB chưa cắm'
    )
    expect(screen.getByRole('alert').textContent).toContain(
      'Bản sao lưu tốt gần nhất vẫn được giữ nguyên: doisoat-xa-2026-12-07-163300.bak.'
    )
    await waitFor(() => expect(fake.argsOf('backup/status')).toHaveLength(2))
    expect(screen.queryByTestId('backup-failure')).toBeNull()
    expect(screen.getAllByText(/Không có thư mục sao lưu/)).toHaveLength(1)
  })
})
