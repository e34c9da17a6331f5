// The utility-process side of the Electron relay: runs main's calls on the backend, pushes events back.
import type { EventName } from '../shared/api'
import type { ApiErrorShape, Result } from '../shared/errors'
import { tr } from '../shared/i18n'
import { toErrorShape } from './errors'
import { takeSession } from './auth/carry'
import type { Backend } from './host'

/** Main → backend. */
export type HostRequest =
  | { type: 'call'; id: number; name: string; args: unknown }
  /** Finish: close the database, then the process exits. */
  | { type: 'close' }

/** Backend → main. */
export type HostReply =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: EventName; payload: unknown }
  /**
   * A data key to keep in the OS keychain (after a recovery or a restore brought it): only main
   * reaches the keychain. Main gave the backend its keys in the first place; the renderer never
   * sees this message.
   */
  | { type: 'keep-key'; key: string }

/** Electron's process.parentPort, reduced to what the host uses. */
export interface HostPort {
  on(event: 'message', listener: (message: { data: unknown }) => void): unknown
  postMessage(message: HostReply): void
}

export type HostBackend = Pick<Backend, 'call' | 'onEvent'> & { close(): void | Promise<void> }

export interface AttachOptions {
  /** Called once the backend has closed after a 'close' request. */
  onClosed?: () => void
}

function isRequest(data: unknown): data is HostRequest {
  if (typeof data !== 'object' || data === null) return false
  const m = data as Record<string, unknown>
  if (m.type === 'close') return true
  return m.type === 'call' && Number.isSafeInteger(m.id) && typeof m.name === 'string'
}

/** Serves `port` with `backend` until a 'close' request; returns a function that stops listening to events. */
export function attachPort(
  port: HostPort,
  backend: HostBackend,
  options: AttachOptions = {}
): () => void {
  let closing = false
  // One window per backend process: its session lives here, never in the renderer.
  let session: string | null = null

  const post = (reply: HostReply): void => {
    try {
      port.postMessage(reply)
    } catch (e) {
      // A value the structured clone cannot copy: answer the call with an error, never hang it.
      if (reply.type === 'result') {
        port.postMessage({
          type: 'result',
          id: reply.id,
          result: { ok: false, error: toErrorShape(e) }
        })
      } else {
        console.error(`[backend] ${reply.type} could not be sent: ${String(e)}`)
      }
    }
  }

  const stopEvents = backend.onEvent((event, payload) => post({ type: 'event', event, payload }))

  port.on('message', ({ data }) => {
    if (!isRequest(data)) {
      console.error('[backend] ignored a malformed message from main')
      return
    }
    if (data.type === 'close') {
      if (closing) return
      closing = true
      stopEvents()
      void Promise.resolve()
        .then(() => backend.close())
        .catch((e: unknown) => console.error(`[backend] close failed: ${String(e)}`))
        .finally(() => options.onClosed?.())
      return
    }
    const { id, name, args } = data
    if (closing) {
      post({
        type: 'result',
        id,
        result: { ok: false, error: toErrorShape(new Error('the backend is closing'), name) }
      })
      return
    }
    backend
      .call(name, args, session)
      .catch((e: unknown): Result<unknown> => ({ ok: false, error: toErrorShape(e) }))
      .then((raw) => {
        const { result, session: next } = takeSession(name, raw)
        if (next !== undefined) session = next
        post({ type: 'result', id, result })
      })
      .catch((e: unknown) => console.error(`[backend] reply ${id} failed: ${String(e)}`))
  })

  return stopEvents
}

/**
 * A stand-in when the backend cannot start (database too new, cannot be opened, native module
 * built for the wrong runtime): every call answers with that error, so the window can say what
 * happened instead of the process crashing and restarting in a loop.
 */
export function failedBackend(error: unknown): HostBackend {
  const shape = startupErrorShape(error)
  return {
    call: () => Promise.resolve({ ok: false, error: shape }),
    onEvent: () => () => undefined,
    close: () => undefined
  }
}

/** The error shape of a failed start, with the fix when better-sqlite3 was built for plain Node. */
export function startupErrorShape(error: unknown): ApiErrorShape {
  const shape = toErrorShape(error)
  const detail = shape.params?.detail
  if (typeof detail === 'string' && /NODE_MODULE_VERSION|did not self-register/.test(detail)) {
    const params = { ...shape.params, detail: `${detail} ${tr('shell.nativeRebuild')}` }
    return { ...shape, params, message: tr(`errors.${shape.code}`, params) }
  }
  return shape
}
