// The utility-process side of the relay, with a fake parentPort and a fake backend.
import { describe, expect, it, vi } from 'vitest'
import type { EventName } from '../../src/shared/api'
import { AppError } from '../../src/shared/errors'
import type { Result } from '../../src/shared/errors'
import { attachPort, failedBackend, startupErrorShape } from '../../src/backend/ipc-host'
import type { HostBackend, HostPort, HostReply } from '../../src/backend/ipc-host'

class FakePort implements HostPort {
  listener: ((message: { data: unknown }) => void) | null = null
  sent: HostReply[] = []
  postMessage = vi.fn((reply: HostReply) => {
    // Like Electron: the structured clone refuses functions.
    structuredClone(reply)
    this.sent.push(reply)
  })
  on(_event: 'message', listener: (message: { data: unknown }) => void): void {
    this.listener = listener
  }
  receive(data: unknown): void {
    this.listener?.({ data })
  }
}

function fakeBackend(call: HostBackend['call'] = () => Promise.resolve({ ok: true, value: 1 })) {
  let emit: ((event: EventName, payload: unknown) => void) | null = null
  const backend = {
    call: vi.fn(call),
    onEvent: vi.fn((l: (event: EventName, payload: unknown) => void) => {
      emit = l
      return () => {
        emit = null
      }
    }),
    close: vi.fn(() => Promise.resolve())
  }
  return { backend, emit: (event: EventName, payload: unknown) => emit?.(event, payload) }
}

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 0))

describe('attachPort', () => {
  it('runs a call and replies with its id and result', async () => {
    const port = new FakePort()
    const { backend } = fakeBackend(() => Promise.resolve({ ok: true, value: { counts: 3 } }))
    attachPort(port, backend)
    port.receive({ type: 'call', id: 7, name: 'app/info', args: {} })
    await settle()
    expect(backend.call).toHaveBeenCalledWith('app/info', {}, null)
    expect(port.sent).toEqual([
      { type: 'result', id: 7, result: { ok: true, value: { counts: 3 } } }
    ])
  })

  it('keeps the session a sign-in returns in the backend process, not in the reply', async () => {
    const port = new FakePort()
    const { backend } = fakeBackend((name) =>
      Promise.resolve(
        name === 'auth/login'
          ? { ok: true, value: { user: { username: 'canbo' }, session: 'S1' } }
          : { ok: true, value: 1 }
      )
    )
    attachPort(port, backend)
    port.receive({ type: 'call', id: 1, name: 'auth/login', args: {} })
    await settle()
    expect(port.sent[0]).toEqual({
      type: 'result',
      id: 1,
      result: { ok: true, value: { user: { username: 'canbo' } } }
    })
    port.receive({ type: 'call', id: 2, name: 'review/queue', args: {} })
    await settle()
    expect(backend.call).toHaveBeenLastCalledWith('review/queue', {}, 'S1')
    port.receive({ type: 'call', id: 3, name: 'auth/logout', args: {} })
    await settle()
    port.receive({ type: 'call', id: 4, name: 'app/info', args: {} })
    await settle()
    expect(backend.call).toHaveBeenLastCalledWith('app/info', {}, null)
  })

  it('answers with an internal error when the backend throws after all', async () => {
    const port = new FakePort()
    const { backend } = fakeBackend(() => Promise.reject(new Error('boom')))
    attachPort(port, backend)
    port.receive({ type: 'call', id: 1, name: 'app/info', args: {} })
    await settle()
    expect(port.sent[0]).toMatchObject({
      type: 'result',
      id: 1,
      result: { ok: false, error: { code: 'internal' } }
    })
  })

  it('never leaves a call hanging when its value cannot be cloned', async () => {
    const port = new FakePort()
    const { backend } = fakeBackend(() => Promise.resolve({ ok: true, value: { fn: () => 1 } }))
    attachPort(port, backend)
    port.receive({ type: 'call', id: 2, name: 'app/info', args: {} })
    await settle()
    expect(port.sent).toHaveLength(1)
    expect(port.sent[0]).toMatchObject({
      type: 'result',
      id: 2,
      result: { ok: false, error: { code: 'internal' } }
    })
  })

  it('ignores malformed messages', async () => {
    const port = new FakePort()
    const { backend } = fakeBackend()
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    attachPort(port, backend)
    for (const data of [
      null,
      'call',
      { type: 'call', id: 'x', name: 'app/info' },
      { type: 'eval' }
    ]) {
      port.receive(data)
    }
    await settle()
    expect(backend.call).not.toHaveBeenCalled()
    expect(port.sent).toEqual([])
  })

  it('forwards backend events', () => {
    const port = new FakePort()
    const { backend, emit } = fakeBackend()
    attachPort(port, backend)
    emit('job/done', { jobId: 'j', kind: 'import', state: 'done' })
    expect(port.sent).toEqual([
      { type: 'event', event: 'job/done', payload: { jobId: 'j', kind: 'import', state: 'done' } }
    ])
  })

  it('closes the backend on request, then reports it closed', async () => {
    const port = new FakePort()
    const { backend, emit } = fakeBackend()
    const onClosed = vi.fn()
    attachPort(port, backend, { onClosed })
    port.receive({ type: 'close' })
    await vi.waitFor(() => expect(onClosed).toHaveBeenCalled())
    expect(backend.close).toHaveBeenCalledTimes(1)
    emit('job/done', {})
    port.receive({ type: 'call', id: 3, name: 'app/info', args: {} })
    await settle()
    expect(backend.call).not.toHaveBeenCalled()
    expect(port.sent).toHaveLength(1)
    expect(port.sent[0]).toMatchObject({ type: 'result', id: 3, result: { ok: false } })
  })
})

describe('a backend that cannot start', () => {
  it('answers every call with the startup error, so the window can show it', async () => {
    const backend = failedBackend(new AppError('db_too_new', { found: 9, supported: 1 }))
    const r: Result<unknown> = await backend.call('app/info', {})
    expect(r).toMatchObject({ ok: false, error: { code: 'db_too_new', params: { found: 9 } } })
    if (!r.ok) expect(r.error.message).toContain('phiên bản mới hơn')
  })

  it('says how to fix a better-sqlite3 built for Node instead of Electron', () => {
    const detail =
      "The module 'better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115."
    const shape = startupErrorShape(
      new AppError('db_open_failed', { path: '/x/doisoat.db', detail })
    )
    expect(shape.code).toBe('db_open_failed')
    expect(shape.message).toContain('scripts/electron-native.mjs')
    expect(String(shape.params?.detail)).toContain('NODE_MODULE_VERSION 115')
  })
})
