// The relay's own answer to 'dialog/openFile': the system dialog in main, behind the same sender check.
import * as electron from 'electron'
import type { IpcMainInvokeEvent, OpenDialogOptions } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createRelay, OPEN_FILE_OPTIONS } from '../../src/main/relay'
import { FakeBrowserWindow } from './fake-electron'
import type { FakeElectron } from './fake-electron'

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron())

const fake = electron as unknown as FakeElectron

function setup(trusted = true) {
  const win = new FakeBrowserWindow({})
  const backend = { call: vi.fn(() => Promise.resolve({ ok: true as const, value: 'backend' })) }
  const log = vi.fn()
  const relay = createRelay({ backend, isTrustedSender: () => trusted, log })
  const event = {
    sender: win.webContents,
    senderFrame: { url: 'file:///app/index.html', parent: null }
  } as unknown as IpcMainInvokeEvent
  return { win, backend, relay, event, log }
}

beforeEach(() => {
  fake.dialog.showOpenDialog.mockReset()
})

describe("'dialog/openFile'", () => {
  it('opens the system dialog on the calling window and returns the chosen path', async () => {
    const { win, backend, relay, event } = setup()
    fake.dialog.showOpenDialog.mockResolvedValueOnce({
      canceled: false,
      filePaths: ['/home/canbo/Sổ hộ tịch 2024.csv']
    })
    const r = await relay(event, 'dialog/openFile', {})
    expect(r).toEqual({ ok: true, value: { path: '/home/canbo/Sổ hộ tịch 2024.csv' } })
    expect(fake.dialog.showOpenDialog).toHaveBeenCalledWith(win, OPEN_FILE_OPTIONS)
    expect(OPEN_FILE_OPTIONS).toEqual({
      properties: ['openFile'],
      filters: [{ name: 'CSV / Excel', extensions: ['csv', 'tsv', 'txt', 'xlsx', 'xls'] }]
    })
    expect(backend.call).not.toHaveBeenCalled()
  })

  it('answers null when the clerk closes the dialog', async () => {
    const { relay, event } = setup()
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] })
    expect(await relay(event, 'dialog/openFile', {})).toEqual({ ok: true, value: { path: null } })
  })

  it('refuses a foreign sender without opening anything', async () => {
    const { backend, relay, event, log } = setup(false)
    const r = await relay(event, 'dialog/openFile', {})
    expect(r).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    expect(fake.dialog.showOpenDialog).not.toHaveBeenCalled()
    expect(backend.call).not.toHaveBeenCalled()
    expect(log).toHaveBeenCalled()
  })

  it('refuses arguments the contract does not have', async () => {
    const { relay, event } = setup()
    const r = await relay(event, 'dialog/openFile', { defaultPath: '/etc' })
    expect(r).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(fake.dialog.showOpenDialog).not.toHaveBeenCalled()
  })

  it('turns a failing dialog into an error result, not a rejection', async () => {
    const { relay, event } = setup()
    fake.dialog.showOpenDialog.mockRejectedValueOnce(new Error('no display'))
    expect(await relay(event, 'dialog/openFile', {})).toMatchObject({
      ok: false,
      error: { code: 'internal' }
    })
  })

  it('still passes every other call to the backend', async () => {
    const { backend, relay, event } = setup()
    expect(await relay(event, 'jobs/list', {})).toEqual({ ok: true, value: 'backend' })
    expect(backend.call).toHaveBeenCalledWith('jobs/list', {})
  })
})

describe('the backup dialogs', () => {
  it("'dialog/openFolder' opens a folder dialog on the calling window and returns the folder", async () => {
    const { win, backend, relay, event } = setup()
    fake.dialog.showOpenDialog.mockResolvedValueOnce({
      canceled: false,
      filePaths: ['/media/canbo/USB SAO LƯU']
    })
    const r = await relay(event, 'dialog/openFolder', {})
    expect(r).toEqual({ ok: true, value: { path: '/media/canbo/USB SAO LƯU' } })
    const [onWin, options] = fake.dialog.showOpenDialog.mock.calls[0] as unknown as [
      unknown,
      OpenDialogOptions
    ]
    expect(onWin).toBe(win)
    expect(options.properties).toEqual(['openDirectory', 'createDirectory'])
    expect(options.title).toBe('Chọn thư mục sao lưu')
    expect(backend.call).not.toHaveBeenCalled()
  })

  it("'dialog/openBackup' offers the app's .bak files first and answers null when closed", async () => {
    const { relay, event } = setup()
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] })
    expect(await relay(event, 'dialog/openBackup', {})).toEqual({ ok: true, value: { path: null } })
    const [, options] = fake.dialog.showOpenDialog.mock.calls[0] as unknown as [
      unknown,
      OpenDialogOptions
    ]
    expect(options.properties).toEqual(['openFile'])
    expect(options.filters?.[0]?.extensions).toEqual(['bak'])
  })

  it('refuses a foreign sender and arguments the contract does not have', async () => {
    const foreign = setup(false)
    expect(await foreign.relay(foreign.event, 'dialog/openBackup', {})).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' }
    })
    const { relay, event } = setup()
    expect(await relay(event, 'dialog/openFolder', { defaultPath: '/etc' })).toMatchObject({
      ok: false,
      error: { code: 'validation' }
    })
    expect(fake.dialog.showOpenDialog).not.toHaveBeenCalled()
  })
})
