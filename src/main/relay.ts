// The IPC relay: the renderer's api:call checked (sender, handler name) and passed to the backend
// process; backend events passed to the window as api:event.
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron'
import type { ApiName, EventName } from '../shared/api'
import { API_NAMES } from '../shared/api'
import { AppError } from '../shared/errors'
import type { Result } from '../shared/errors'
import { toErrorShape } from '../backend/errors'
import type { UrlPolicy } from './security'

export const CALL_CHANNEL = 'api:call'
export const EVENT_CHANNEL = 'api:event'

const NAMES = new Set<string>(API_NAMES)

export interface RelayOptions {
  backend: { call(name: ApiName, args: unknown): Promise<Result<unknown>> }
  isTrustedSender(event: IpcMainInvokeEvent): boolean
  log?: (message: string) => void
}

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
