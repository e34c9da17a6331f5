// The renderer's one door to the backend: window.api in Electron, the `doisoat serve` HTTP protocol in web mode.
import type { ApiInput, ApiName, ApiOutput, EventName, Events, WindowApi } from '../../shared/api'
import { EVENT_NAMES } from '../../shared/api'
import type { Result } from '../../shared/errors'
import { unwrap } from '../../shared/errors'
import { noticeError } from './session'

const TOKEN_KEY = 'doisoat.token'
/** EventSource.CLOSED: the browser gave up on the stream (it refused us, e.g. before sign-in). */
const CLOSED = 2

/** The server could not be reached, or answered with something that is not a Result. */
export class NetworkError extends Error {
  /** HTTP status when the server answered without a Result body; undefined when unreachable. */
  readonly status?: number
  constructor(status?: number, cause?: unknown) {
    super(status === undefined ? 'network' : `http ${status}`, { cause })
    this.name = 'NetworkError'
    this.status = status
  }
}

/**
 * Takes the access token from `?token=` (the address `doisoat serve` prints), keeps it for this
 * tab in sessionStorage and removes it from the address bar, so it is not bookmarked or shared.
 */
export function takeToken(win: Window = window): string | null {
  const url = new URL(win.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    win.sessionStorage.setItem(TOKEN_KEY, fromUrl)
    url.searchParams.delete('token')
    win.history.replaceState(win.history.state, '', `${url.pathname}${url.search}${url.hash}`)
    return fromUrl
  }
  return win.sessionStorage.getItem(TOKEN_KEY)
}

/** A client of the backend; the web one can also upload, since a browser cannot hand over a path. */
export interface ApiClient extends WindowApi {
  upload?: (file: File) => Promise<string>
}

export interface WebApiOptions {
  token: string | null
  fetch?: typeof fetch
  /** Builds the event stream; injectable for tests (jsdom has no EventSource). */
  eventSource?: (url: string) => EventSource
}

/** The web-mode client: POST /api/<domain>/<verb> with a bearer token, events over SSE. */
export function createWebApi(options: WebApiOptions): Required<ApiClient> {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init))
  const makeSource = options.eventSource ?? ((url: string) => new EventSource(url))
  const listeners = new Map<EventName, Set<(payload: never) => void>>()
  let source: EventSource | null = null

  /** The stream needs a session: opened by the first subscription, again after a sign-in. */
  function connect(): void {
    if (source && source.readyState !== CLOSED) return
    const query = options.token ? `?token=${encodeURIComponent(options.token)}` : ''
    source = makeSource(`/api/events${query}`)
    for (const name of EVENT_NAMES) {
      source.addEventListener(name, (event) => {
        const data = (event as MessageEvent<string>).data
        let payload: unknown
        try {
          payload = JSON.parse(data)
        } catch {
          return
        }
        for (const cb of listeners.get(name) ?? []) (cb as (p: unknown) => void)(payload)
      })
    }
  }

  /** One POST whose answer is a Result: its value, or its error thrown as an ApiError. */
  async function post<T>(path: string, contentType: string, body: BodyInit): Promise<T> {
    const headers: Record<string, string> = { 'Content-Type': contentType }
    if (options.token) headers.Authorization = `Bearer ${options.token}`
    let res: Response
    try {
      res = await doFetch(path, { method: 'POST', headers, body })
    } catch (err) {
      throw new NetworkError(undefined, err)
    }
    let result: Result<T>
    try {
      result = (await res.json()) as Result<T>
    } catch (err) {
      throw new NetworkError(res.status, err)
    }
    if (typeof result !== 'object' || result === null || typeof result.ok !== 'boolean') {
      throw new NetworkError(res.status)
    }
    return unwrap(result)
  }

  function disconnect(): void {
    source?.close()
    source = null
  }

  async function call<N extends ApiName>(name: N, args: ApiInput<N>): Promise<ApiOutput<N>> {
    // The server ends a signed-out session's stream: closed first, it does not try to come back.
    if (name === 'auth/logout') disconnect()
    const value = await post<ApiOutput<N>>(
      `/api/${name}`,
      'application/json',
      JSON.stringify(args ?? {})
    )
    // A stream opened before this sign-in belongs to no session (or another one): open it anew.
    if ((name === 'auth/login' || name === 'auth/setup') && listeners.size > 0) {
      disconnect()
      connect()
    }
    return value
  }

  /** Sends a file's bytes to the server; resolves with the upload id the import calls name it by. */
  async function upload(file: File): Promise<string> {
    const path = `/api/upload?name=${encodeURIComponent(file.name)}`
    const value = await post<{ path: string }>(path, 'application/octet-stream', file)
    return value.path
  }

  function on<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void {
    connect()
    let set = listeners.get(event)
    if (!set) {
      set = new Set()
      listeners.set(event, set)
    }
    set.add(cb)
    return () => {
      set.delete(cb)
    }
  }

  return { call, on, upload }
}

/** window.api when the preload provided it (Electron), else the web client. */
export function createApi(win: Window = window): ApiClient {
  const bridged = (win as unknown as { api?: WindowApi }).api
  if (bridged) return bridged
  return createWebApi({ token: takeToken(win) })
}

let current: ApiClient | null = null

/** The app-wide client, created on first use; tests may replace it with setApi. */
export const api: WindowApi = {
  call: (name, args) =>
    (current ??= createApi()).call(name, args).catch((err: unknown) => {
      // A session that ended (timeout) shows the sign-in again wherever the call came from.
      noticeError(name, err)
      throw err
    }),
  on: (event, cb) => (current ??= createApi()).on(event, cb)
}

export function setApi(next: ApiClient | null): void {
  current = next
}

/** The upload of the web client; null in Electron, where the system dialog gives a path instead. */
export function uploader(): ((file: File) => Promise<string>) | null {
  const client = (current ??= createApi())
  const upload = client.upload
  return upload ? (file) => upload(file) : null
}
