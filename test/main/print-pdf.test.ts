// PDF reports in the desktop app: the relay asks the backend for the page and prints it in a hidden window.
import * as electron from 'electron'
import type { IpcMainInvokeEvent } from 'electron'
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'
import { PDF_OPTIONS, PRINT_WINDOW_OPTIONS, printHtmlToPdf } from '../../src/main/print-pdf'
import { createRelay } from '../../src/main/relay'
import { FakeBrowserWindow } from './fake-electron'
import type { FakeElectron } from './fake-electron'

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron())

const fake = electron as unknown as FakeElectron
const HTML = '<!doctype html><meta charset="utf-8"><h1>BIÊN BẢN ĐỐI SOÁT DỮ LIỆU</h1>'

describe('printHtmlToPdf', () => {
  it('loads the page from a temporary file in a hidden scriptless window, prints A4, cleans up', async () => {
    const before = FakeBrowserWindow.instances.length
    let loaded = ''
    let html = ''
    const pdf = await (async () => {
      const promise = printHtmlToPdf(HTML)
      const win = FakeBrowserWindow.instances[before]!
      win.loadFile.mockImplementationOnce(((path: string) => {
        loaded = path
        html = readFileSync(path, 'utf8')
        return Promise.resolve()
      }) as never)
      return promise
    })()
    const win = FakeBrowserWindow.instances[before]!
    expect(win.options).toEqual(PRINT_WINDOW_OPTIONS)
    expect(PRINT_WINDOW_OPTIONS.show).toBe(false)
    expect(PRINT_WINDOW_OPTIONS.webPreferences).toMatchObject({
      offscreen: true,
      sandbox: true,
      javascript: false,
      nodeIntegration: false
    })
    expect(html).toBe(HTML)
    expect(win.webContents.printToPDF).toHaveBeenCalledWith(PDF_OPTIONS)
    expect(pdf.toString()).toBe('%PDF-1.7 fake')
    expect(win.destroy).toHaveBeenCalled()
    expect(existsSync(loaded)).toBe(false)
  })

  it('destroys the window when printing fails', async () => {
    const before = FakeBrowserWindow.instances.length
    const promise = printHtmlToPdf(HTML)
    const win = FakeBrowserWindow.instances[before]!
    win.webContents.printToPDF.mockRejectedValueOnce(new Error('printing failed'))
    await expect(promise).rejects.toThrow('printing failed')
    expect(win.destroy).toHaveBeenCalled()
  })
})

describe("'reports/export' through the relay", () => {
  const event = {
    sender: new FakeBrowserWindow({}).webContents,
    senderFrame: { url: 'file:///app/index.html', parent: null }
  } as unknown as IpcMainInvokeEvent
  const page = {
    fileName: 'bien-ban-doi-soat-lo-2-2026-11-27.html',
    mime: 'text/html; charset=utf-8',
    base64: Buffer.from(HTML, 'utf8').toString('base64')
  }

  it('prints the backend page as PDF in the main process', async () => {
    const backend = { call: vi.fn(() => Promise.resolve({ ok: true as const, value: page })) }
    const printToPdf = vi.fn((_html: string) => Promise.resolve(Buffer.from('%PDF-1.7 x')))
    const relay = createRelay({ backend, isTrustedSender: () => true, printToPdf })
    const r = await relay(event, 'reports/export', { batchId: 2, format: 'pdf' })
    expect(backend.call).toHaveBeenCalledWith('reports/export', {
      batchId: 2,
      format: 'html',
      lang: 'vi'
    })
    expect(printToPdf).toHaveBeenCalledWith(HTML)
    expect(r).toEqual({
      ok: true,
      value: {
        fileName: 'bien-ban-doi-soat-lo-2-2026-11-27.pdf',
        mime: 'application/pdf',
        base64: Buffer.from('%PDF-1.7 x').toString('base64')
      }
    })
  })

  it('passes XLSX and invalid requests to the backend untouched, and its errors back', async () => {
    const error = { code: 'not_found' as const, message: 'x', params: { what: 'import_batch 9' } }
    const backend = { call: vi.fn(() => Promise.resolve({ ok: false as const, error })) }
    const printToPdf = vi.fn()
    const relay = createRelay({ backend, isTrustedSender: () => true, printToPdf })
    expect(await relay(event, 'reports/export', { batchId: 9, format: 'pdf' })).toEqual({
      ok: false,
      error
    })
    await relay(event, 'reports/export', { batchId: 2, format: 'xlsx' })
    await relay(event, 'reports/export', { format: 'pdf' })
    expect(backend.call.mock.calls.slice(1)).toEqual([
      ['reports/export', { batchId: 2, format: 'xlsx' }],
      ['reports/export', { format: 'pdf' }]
    ])
    expect(printToPdf).not.toHaveBeenCalled()
    expect(fake.dialog.showOpenDialog).not.toHaveBeenCalled()
  })
})
