// Sandboxed preload: exposes window.api = { call, on } and nothing else; main checks every call again.
// It may import only 'electron' and pure modules without dependencies: a sandboxed preload
// cannot require packages (src/shared/api/ needs zod, so only its types are used here).
import { contextBridge, ipcRenderer } from 'electron'
import type { IpcRenderer, IpcRendererEvent } from 'electron'
import type { ApiInput, ApiName, ApiOutput, EventName, Events, WindowApi } from '../shared/api'
import { ApiError, unexpectedError, unwrap } from '../shared/errors'
import type { Result } from '../shared/errors'

/** Event names; the type makes this list exactly the keys of Events. */
const EVENTS: Record<EventName, true> = { 'job/progress': true, 'job/done': true }

export const EVENT_NAME_LIST = Object.keys(EVENTS) as EventName[]

function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(EVENTS, name)
}

type Ipc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>

function isResult(value: unknown): value is Result<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { ok?: unknown }).ok === 'boolean'
  )
}

/** Calls the backend through main; resolves with the value or throws an ApiError with its code. */
export async function callApi(ipc: Ipc, name: string, args: unknown): Promise<unknown> {
  let result: unknown
  try {
    result = await ipc.invoke('api:call', name, args)
  } catch (e) {
    throw unexpectedError('preload', e)
  }
  if (!isResult(result)) throw unexpectedError('preload', 'invalid reply')
  return unwrap(result)
}

/** The object exposed as window.api. */
export function createBridgeApi(ipc: Ipc): WindowApi {
  function call<N extends ApiName>(name: N, args: ApiInput<N>): Promise<ApiOutput<N>> {
    return callApi(ipc, name, args).then(
      (value) => value as ApiOutput<N>,
      (e: unknown) => {
        // contextBridge copies only the message of a real Error: reject with the plain shape, so
        // the page still sees code, params and issues.
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        return Promise.reject(e instanceof ApiError ? { name: e.name, ...e.toShape() } : e)
      }
    )
  }

  function on<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void {
    if (!isEventName(event)) throw new Error(`Unknown event "${String(event)}"`)
    if (typeof cb !== 'function') throw new Error('The listener must be a function')
    // The page gets the payload only, never the IpcRendererEvent (which carries ipcRenderer).
    const listener = (_e: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (name === event) cb(payload as Events[E])
    }
    ipc.on('api:event', listener)
    return () => {
      ipc.removeListener('api:event', listener)
    }
  }

  return { call, on }
}

contextBridge.exposeInMainWorld('api', createBridgeApi(ipcRenderer))
