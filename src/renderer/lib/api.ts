// The renderer's one door to the backend: window.api in Electron, the `doisoat serve` HTTP protocol in web mode.
import type { ApiInput, ApiName, ApiOutput, EventName, Events, WindowApi } from '../../shared/api'
import { EVENT_NAMES } from '../../shared/api'
import type { Result } from '../../shared/errors'
import { unwrap } from '../../shared/errors'

const TOKEN_KEY = 'doisoat.token'

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

export interface WebApiOptions {
  token: string | null
  fetch?: typeof fetch
  /** Builds the event stream; injectable for tests (jsdom has no EventSource). */
  eventSource?: (url: string) => EventSource
}

/** The web-mode client: POST /api/<domain>/<verb> with a bearer token, events over SSE. */
export function createWebApi(options: WebApiOptions): WindowApi {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init))
  const makeSource = options.eventSource ?? ((url: string) => new EventSource(url))
  const listeners = new Map<EventName, Set<(payload: never) => void>>()
  let source: EventSource | null = null

  function connect(): void {
    if (source) return
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

  async function call<N extends ApiName>(name: N, args: ApiInput<N>): Promise<ApiOutput<N>> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' }
    if (options.token) headers.Authorization = `Bearer ${options.token}`
    let res: Response
    try {
      res = await doFetch(`/api/${name}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(args ?? {})
      })
    } catch (err) {
      throw new NetworkError(undefined, err)
    }
    let body: Result<ApiOutput<N>>
    try {
      body = (await res.json()) as Result<ApiOutput<N>>
    } catch (err) {
      throw new NetworkError(res.status, err)
    }
    if (typeof body !== 'object' || body === null || typeof body.ok !== 'boolean') {
      throw new NetworkError(res.status)
    }
    return unwrap(body)
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

  // Open the stream at once: a job's first events must not race the subscription.
  if (typeof options.eventSource === 'function' || typeof EventSource !== 'undefined') connect()

  return { call, on }
}

/** window.api when the preload provided it (Electron), else the web client. */
export function createApi(win: Window = window): WindowApi {
  const bridged = (win as unknown as { api?: WindowApi }).api
  if (bridged) return bridged
  return createWebApi({ token: takeToken(win) })
}

let current: WindowApi | null = null

/** The app-wide client, created on first use; tests may replace it with setApi. */
export const api: WindowApi = {
  call: (name, args) => (current ??= createApi()).call(name, args),
  on: (event, cb) => (current ??= createApi()).on(event, cb)
}

export function setApi(next: WindowApi | null): void {
  current = next
}
