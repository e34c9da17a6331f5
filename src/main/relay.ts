// The IPC relay: the renderer's api:call checked (sender, handler name) and passed to the backend
// process (the system's file and folder dialogs answered here); backend events passed to the
// window as api:event.
import { BrowserWindow, dialog } from 'electron'
import type { IpcMain, IpcMainInvokeEvent, OpenDialogOptions } from 'electron'
import type { ApiName, EventName, FileDownload } from '../shared/api'
import { API_NAMES, inputs } from '../shared/api'
import { AppError } from '../shared/errors'
import type { Result } from '../shared/errors'
import { toErrorShape } from '../backend/errors'
import { tr } from '../shared/i18n'
import { printHtmlToPdf } from './print-pdf'
import type { UrlPolicy } from './security'

export const CALL_CHANNEL = 'api:call'
export const EVENT_CHANNEL = 'api:event'

const NAMES = new Set<string>(API_NAMES)

export interface RelayOptions {
  backend: { call(name: ApiName, args: unknown): Promise<Result<unknown>> }
  isTrustedSender(event: IpcMainInvokeEvent): boolean
  log?: (message: string) => void
  /** The open dialogs ('dialog/*'); the system's by default, replaceable in tests. */
  openDialog?: (event: IpcMainInvokeEvent, options: OpenDialogOptions) => Promise<string | null>
  /** HTML to PDF for 'reports/export' as pdf; printToPDF in a hidden window by default. */
  printToPdf?: (html: string) => Promise<Buffer>
}

/** What the import screen can read; an .xls is offered so the backend can say to save it as .xlsx. */
export const OPEN_FILE_OPTIONS: OpenDialogOptions = {
  properties: ['openFile'],
  filters: [{ name: 'CSV / Excel', extensions: ['csv', 'tsv', 'txt', 'xlsx', 'xls'] }]
}

/** The backup folder: a USB stick or a network share, or a new folder made there. */
export const openFolderOptions = (): OpenDialogOptions => ({
  title: tr('backup.dialog.folderTitle'),
  properties: ['openDirectory', 'createDirectory']
})

/** A backup to restore: the app's .bak files (any file may be chosen; the backend checks it). */
export const openBackupOptions = (): OpenDialogOptions => ({
  title: tr('backup.dialog.fileTitle'),
  properties: ['openFile'],
  filters: [
    { name: tr('backup.dialog.filter'), extensions: ['bak'] },
    { name: tr('backup.dialog.allFiles'), extensions: ['*'] }
  ]
})

/** A system open dialog, modal to the calling window; null when closed without a choice. */
export async function showOpenDialog(
  event: IpcMainInvokeEvent,
  options: OpenDialogOptions
): Promise<string | null> {
  const win = BrowserWindow.fromWebContents(event.sender)
  const { canceled, filePaths } = win
    ? await dialog.showOpenDialog(win, options)
    : await dialog.showOpenDialog(options)
  return canceled ? null : (filePaths[0] ?? null)
}

/** The dialogs main answers itself, by API name: a dialog belongs to main and its window. */
const DIALOGS = {
  'dialog/openFile': () => OPEN_FILE_OPTIONS,
  'dialog/openFolder': openFolderOptions,
  'dialog/openBackup': openBackupOptions
} as const

const isDialog = (name: string): name is keyof typeof DIALOGS =>
  Object.prototype.hasOwnProperty.call(DIALOGS, name)

export type CallHandler = (
  event: IpcMainInvokeEvent,
  name: unknown,
  args: unknown
) => Promise<Result<unknown>>

/** The handler of api:call. It always resolves with a Result: a thrown error would lose its code. */
export function createRelay(options: RelayOptions): CallHandler {
  const log = options.log ?? ((message: string) => console.warn(message))
  return async (event, name, args) => {
    if (!options.isTrustedSender(event)) {
      log(`[security] api call refused from ${event.senderFrame?.url ?? 'a destroyed frame'}`)
      return { ok: false, error: toErrorShape(new AppError('unauthorized')) }
    }
    if (typeof name !== 'string' || !NAMES.has(name)) {
      const shown = typeof name === 'string' ? name.slice(0, 100) : typeof name
      return { ok: false, error: toErrorShape(new AppError('unknown_handler', { name: shown })) }
    }
    try {
      // The calls the backend cannot answer: a dialog belongs to the main process and its window.
      if (isDialog(name)) {
        if (!inputs[name].safeParse(args ?? {}).success) {
          return { ok: false, error: toErrorShape(new AppError('validation', { detail: name })) }
        }
        const path = await (options.openDialog ?? showOpenDialog)(event, DIALOGS[name]())
        return { ok: true, value: { path } }
      }
      // A PDF report is printed here: the backend makes the page, Chromium in Electron prints it.
      if (name === 'reports/export') {
        const parsed = inputs['reports/export'].safeParse(args ?? {})
        if (parsed.success && parsed.data.format === 'pdf') {
          const page = await options.backend.call(name, { ...parsed.data, format: 'html' })
          if (!page.ok) return page
          const file = page.value as FileDownload
          const html = Buffer.from(file.base64, 'base64').toString('utf8')
          const pdf = await (options.printToPdf ?? printHtmlToPdf)(html)
          const value: FileDownload = {
            fileName: file.fileName.replace(/\.html$/, '.pdf'),
            mime: 'application/pdf',
            base64: pdf.toString('base64')
          }
          return { ok: true, value }
        }
      }
      return await options.backend.call(name as ApiName, args)
    } catch (e) {
      return { ok: false, error: toErrorShape(e) }
    }
  }
}

/**
 * Only our window's top frame, showing the app's own page, may call the API: not another window,
 * not an iframe, not a page it was somehow navigated to.
 */
export function trustedSender(
  policy: UrlPolicy,
  getWindow: () => BrowserWindow | null
): (event: IpcMainInvokeEvent) => boolean {
  return (event) => {
    const win = getWindow()
    if (!win || win.isDestroyed() || event.sender !== win.webContents) return false
    const frame = event.senderFrame
    if (!frame || frame.parent !== null) return false
    return policy.isAppUrl(frame.url)
  }
}

export function installRelay(ipcMain: IpcMain, handler: CallHandler): () => void {
  ipcMain.handle(CALL_CHANNEL, handler)
  return () => ipcMain.removeHandler(CALL_CHANNEL)
}

/** Sends a backend event to the window, if it is still there. */
export function forwardEvent(
  getWindow: () => BrowserWindow | null
): (event: EventName, payload: unknown) => void {
  return (event, payload) => {
    const win = getWindow()
    if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return
    win.webContents.send(EVENT_CHANNEL, event, payload)
  }
}
