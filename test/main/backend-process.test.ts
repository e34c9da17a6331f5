// Main's handle on the backend process: ids, restarts with backoff, giving up, a clean stop.
import { EventEmitter } from 'node:events'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { backendEnv, nativeBindingPath, startBackendProcess } from '../../src/main/backend-process'
import type { BackendProcessOptions } from '../../src/main/backend-process'

class Child extends EventEmitter {
  postMessage = vi.fn()
  kill = vi.fn(() => true)
}

function setup(extra: Partial<BackendProcessOptions> = {}) {
  const children: Child[] = []
  const timers: { fn: () => void; ms: number }[] = []
  let clock = 0
  const onEvent = vi.fn()
  const onGiveUp = vi.fn()
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
  const proc = startBackendProcess({
    fork: () => {
      const c = new Child()
      children.push(c)
      return c
    },
    onEvent,
    onGiveUp,
    restartDelays: [10, 20],
    crashWindowMs: 1000,
    now: () => clock,
    setTimer: (fn, ms) => timers.push({ fn, ms }),
    ...extra
  })
  const runTimers = (): void => {
    for (const t of timers.splice(0)) t.fn()
  }
  const last = (): Child => children[children.length - 1] as Child
  return {
    proc,
    children,
    timers,
    onEvent,
    onGiveUp,
    runTimers,
    last,
    tick: (ms: number) => (clock += ms)
  }
}

function lastRequest(child: Child): { type: string; id: number; name?: string } {
  return child.postMessage.mock.calls.at(-1)?.[0] as { type: string; id: number; name?: string }
}

describe('calls', () => {
  it('numbers requests and matches replies, in any order', async () => {
    const { proc, last } = setup()
    const a = proc.call('app/info', {})
    const b = proc.call('jobs/list', {})
    const [ra, rb] = last().postMessage.mock.calls.map((c) => c[0] as { id: number })
    expect(ra?.id).not.toBe(rb?.id)
    last().emit('message', { type: 'result', id: rb?.id, result: { ok: true, value: 'b' } })
    last().emit('message', { type: 'result', id: ra?.id, result: { ok: true, value: 'a' } })
    expect(await a).toEqual({ ok: true, value: 'a' })
    expect(await b).toEqual({ ok: true, value: 'b' })
  })

  it('passes known events on and drops anything else', () => {
    const { last, onEvent } = setup()
    last().emit('message', { type: 'event', event: 'job/done', payload: { jobId: 'x' } })
    last().emit('message', { type: 'event', event: 'evil/thing', payload: {} })
    last().emit('message', 'garbage')
    expect(onEvent).toHaveBeenCalledTimes(1)
    expect(onEvent).toHaveBeenCalledWith('job/done', { jobId: 'x' })
  })
})

describe('crashes', () => {
  it('hands main a key the backend asks to keep in the keychain; a malformed one is dropped', () => {
    const onKeepKey = vi.fn()
    const { last, onEvent } = setup({ onKeepKey })
    const key = 'ab'.repeat(32)
    last().emit('message', { type: 'keep-key', key })
    last().emit('message', { type: 'keep-key', key: 'not a key' })
    last().emit('message', { type: 'keep-key', key: key.slice(2) })
    expect(onKeepKey).toHaveBeenCalledTimes(1)
    expect(onKeepKey.mock.calls[0]?.[0]).toEqual(Buffer.from(key, 'hex'))
    expect(onEvent).not.toHaveBeenCalled()
  })

  it('fails calls in flight, restarts after a delay, and sends calls made meanwhile', async () => {
    const { proc, children, timers, runTimers, last } = setup()
    const inFlight = proc.call('app/info', {})
    last().emit('exit', 3)
    expect(await inFlight).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(timers.map((t) => t.ms)).toEqual([10])

    const meanwhile = proc.call('jobs/list', {})
    runTimers()
    expect(children).toHaveLength(2)
    const request = lastRequest(last())
    expect(request).toMatchObject({ type: 'call', name: 'jobs/list' })
    last().emit('message', { type: 'result', id: request.id, result: { ok: true, value: [] } })
    expect(await meanwhile).toEqual({ ok: true, value: [] })
  })

  it('gives up after too many crashes in the window and says so once', async () => {
    const { proc, runTimers, last, onGiveUp, children } = setup()
    last().emit('exit', 1)
    runTimers()
    last().emit('exit', 1)
    runTimers()
    last().emit('exit', 1)
    expect(onGiveUp).toHaveBeenCalledTimes(1)
    expect(onGiveUp).toHaveBeenCalledWith(1)
    runTimers()
    expect(children).toHaveLength(3)
    expect(await proc.call('app/info', {})).toMatchObject({
      ok: false,
      error: { code: 'internal' }
    })
  })

  it('forgives crashes older than the window', () => {
    const { runTimers, last, onGiveUp, tick, children } = setup()
    for (let i = 0; i < 5; i++) {
      last().emit('exit', 1)
      tick(2000)
      runTimers()
    }
    expect(onGiveUp).not.toHaveBeenCalled()
    expect(children).toHaveLength(6)
  })
  it('gives up at once when the process cannot even be started', async () => {
    const onGiveUp = vi.fn()
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const proc = startBackendProcess({
      fork: () => {
        throw new Error('ENOENT backend.js')
      },
      onEvent: vi.fn(),
      onGiveUp
    })
    expect(onGiveUp).toHaveBeenCalledWith(-1)
    expect(await proc.call('app/info', {})).toMatchObject({
      ok: false,
      error: { code: 'internal' }
    })
  })
})

describe('stop', () => {
  it('asks the backend to close and resolves when it exits', async () => {
    const { proc, last } = setup()
    const stopped = proc.stop()
    expect(lastRequest(last())).toEqual({ type: 'close' })
    last().emit('exit', 0)
    await stopped
    expect(last().kill).not.toHaveBeenCalled()
    expect(await proc.call('app/info', {})).toMatchObject({ ok: false })
  })

  it('kills a backend that does not exit in time', async () => {
    const { proc, last, runTimers } = setup()
    const stopped = proc.stop()
    runTimers()
    await stopped
    expect(last().kill).toHaveBeenCalled()
  })
})

describe('native binding and environment', () => {
  it('uses .electron-native only in development, when it exists', () => {
    const file = join('/repo', '.electron-native', 'better_sqlite3.node')
    expect(nativeBindingPath(false, '/repo', (p) => p === file)).toBe(file)
    expect(nativeBindingPath(false, '/repo', () => false)).toBeUndefined()
    expect(nativeBindingPath(true, '/repo', () => true)).toBeUndefined()
  })

  it('passes the database path, and the binding only when there is one', () => {
    // The passphrase or recovery key main may have read never reaches the backend process.
    const base = {
      PATH: '/bin',
      DOISOAT_NATIVE_BINDING: '/stale.node',
      DOISOAT_PASSPHRASE: 'secret',
      DOISOAT_RECOVERY_KEY: 'AAAA-BBBB',
      EMPTY: undefined
    }
    expect(backendEnv(base, '/data/doisoat.db', undefined)).toEqual({
      PATH: '/bin',
      DOISOAT_DB: '/data/doisoat.db'
    })
    expect(backendEnv(base, '/data/doisoat.db', '/repo/x.node')).toMatchObject({
      DOISOAT_NATIVE_BINDING: '/repo/x.node'
    })
  })
})
