// @vitest-environment jsdom
// The web-mode API client: token from the address, bearer header, Result unwrapping, SSE events.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createWebApi, NetworkError, takeToken } from './api'
import { ApiError } from '../../shared/errors'

function jsonResponse(status: number, body: unknown): Response {
  return { status, ok: status < 400, json: () => Promise.resolve(body) } as unknown as Response
}

afterEach(() => {
  sessionStorage.clear()
  window.history.replaceState(null, '', '/')
})

describe('takeToken', () => {
  it('takes the token from the address, keeps it for the tab and hides it', () => {
    window.history.replaceState(null, '', '/?token=s3cret&view=grid#top')
    expect(takeToken()).toBe('s3cret')
    expect(window.location.search).toBe('?view=grid')
    expect(window.location.hash).toBe('#top')
    expect(window.location.href).not.toContain('s3cret')
    // A reload has no token in the address any more: the tab still has it.
    expect(takeToken()).toBe('s3cret')
  })

  it('returns null when the page was opened without a token', () => {
    expect(takeToken()).toBeNull()
  })
})

describe('createWebApi().call', () => {
  it('posts the arguments to /api/<domain>/<verb> with the bearer token', async () => {
    const fetch = vi.fn((_url: string, _init?: RequestInit) =>
      Promise.resolve(jsonResponse(200, { ok: true, value: { rows: [], total: 7 } }))
    )
    const api = createWebApi({ token: 'tok', fetch: fetch as unknown as typeof globalThis.fetch })
    const args = { table: 'source' as const, startRow: 0, endRow: 100, search: 'Nguyễn' }
    await expect(api.call('records/list', args)).resolves.toEqual({ rows: [], total: 7 })
    expect(fetch).toHaveBeenCalledTimes(1)
    const [url, init] = fetch.mock.calls[0]!
    expect(url).toBe('/api/records/list')
    expect(init?.method).toBe('POST')
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer tok')
    expect(JSON.parse(init?.body as string)).toEqual(args)
  })

  it('throws the API error with its code and params on {ok:false}', async () => {
    const error = {
      code: 'job_not_found',
      message: 'Không tìm thấy tác vụ j1.',
      params: { jobId: 'j1' }
    }
    const api = createWebApi({
      token: 'tok',
      fetch: () => Promise.resolve(jsonResponse(404, { ok: false, error }))
    })
    const failure = api.call('jobs/cancel', { jobId: 'j1' })
    await expect(failure).rejects.toBeInstanceOf(ApiError)
    await expect(failure).rejects.toMatchObject({
      code: 'job_not_found',
      message: 'Không tìm thấy tác vụ j1.',
      params: { jobId: 'j1' }
    })
  })

  it('reports an unreachable server or a non-Result answer as a network error', async () => {
    const down = createWebApi({ token: 'tok', fetch: () => Promise.reject(new TypeError('x')) })
    await expect(down.call('app/info', {})).rejects.toBeInstanceOf(NetworkError)
    const html = createWebApi({
      token: 'tok',
      fetch: () =>
        Promise.resolve({
          status: 502,
          json: () => Promise.reject(new SyntaxError('not json'))
        } as unknown as Response)
    })
    await expect(html.call('app/info', {})).rejects.toMatchObject({ status: 502 })
  })
})

describe('createWebApi().on', () => {
  it('opens one event stream with the token and delivers parsed payloads by name', () => {
    const handlers = new Map<string, (e: MessageEvent<string>) => void>()
    const urls: string[] = []
    const source = {
      addEventListener: (name: string, fn: (e: MessageEvent<string>) => void) =>
        handlers.set(name, fn)
    }
    const api = createWebApi({
      token: 't k',
      fetch: () => Promise.reject(new Error('unused')),
      eventSource: (url) => {
        urls.push(url)
        return source as unknown as EventSource
      }
    })
    const seen: unknown[] = []
    const off = api.on('job/progress', (p) => seen.push(p))
    api.on('job/done', () => undefined)
    expect(urls).toEqual(['/api/events?token=t%20k'])
    const payload = { jobId: 'j1', kind: 'sample', phase: 'generate', done: 5, total: 10 }
    handlers.get('job/progress')!({ data: JSON.stringify(payload) } as MessageEvent<string>)
    expect(seen).toEqual([payload])
    off()
    handlers.get('job/progress')!({ data: JSON.stringify(payload) } as MessageEvent<string>)
    expect(seen).toHaveLength(1)
  })
})

describe('createWebApi().upload', () => {
  it('posts the raw bytes with the name in the query and resolves with the server path', async () => {
    const fetch = vi.fn((_url: string, _init?: RequestInit) =>
      Promise.resolve(jsonResponse(200, { ok: true, value: { path: '/srv/up/a1/sổ hộ tịch.csv' } }))
    )
    const api = createWebApi({ token: 'tok', fetch: fetch as unknown as typeof globalThis.fetch })
    const file = new File(['STT,Họ và tên\n'], 'sổ hộ tịch.csv', { type: 'text/csv' })
    await expect(api.upload(file)).resolves.toBe('/srv/up/a1/sổ hộ tịch.csv')
    const [url, init] = fetch.mock.calls[0]!
    expect(url).toBe(`/api/upload?name=${encodeURIComponent('sổ hộ tịch.csv')}`)
    const headers = init?.headers as Record<string, string>
    expect(headers.Authorization).toBe('Bearer tok')
    expect(headers['Content-Type']).toBe('application/octet-stream')
    expect(init?.body).toBe(file)
  })

  it('throws the server error (an .xls file) with its code', async () => {
    const error = { code: 'file_unreadable', message: 'x', params: { path: 'a.xls', detail: 'd' } }
    const api = createWebApi({
      token: 'tok',
      fetch: () => Promise.resolve(jsonResponse(422, { ok: false, error }))
    })
    await expect(api.upload(new File(['x'], 'a.xls'))).rejects.toMatchObject({
      code: 'file_unreadable'
    })
  })
})

describe('createWebApi(): the event stream follows the session', () => {
  it('opens the stream again after a sign-in, and closes it before a sign-out', async () => {
    const sources: { url: string; readyState: number; closed: boolean }[] = []
    const api = createWebApi({
      token: 'tok',
      fetch: () => Promise.resolve(jsonResponse(200, { ok: true, value: {} })),
      eventSource: (url) => {
        const source = {
          url,
          readyState: 0,
          closed: false,
          addEventListener: () => undefined,
          close() {
            this.closed = true
            this.readyState = 2
          }
        }
        sources.push(source)
        return source as unknown as EventSource
      }
    })
    api.on('job/done', () => undefined)
    // Opened before the sign-in, the server refused it and the browser gave up on it.
    sources[0]!.readyState = 2
    await api.call('auth/login', { username: 'canbo', password: 'mật-khẩu-thử-1' })
    expect(sources).toHaveLength(2)
    expect(sources[1]!.closed).toBe(false)
    // A later subscription reuses the open stream.
    api.on('job/progress', () => undefined)
    expect(sources).toHaveLength(2)
    await api.call('auth/logout', {})
    expect(sources[1]!.closed).toBe(true)
    // Signed in again, the screens' subscriptions get a fresh stream.
    await api.call('auth/login', { username: 'canbo', password: 'mật-khẩu-thử-1' })
    expect(sources).toHaveLength(3)
  })
})
