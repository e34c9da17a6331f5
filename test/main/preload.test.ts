// The preload exposes window.api = { call, on } only, checks event names and keeps error codes.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import * as electron from 'electron'
import type { IpcRenderer } from 'electron'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { EVENT_NAMES } from '../../src/shared/api'
import type { WindowApi } from '../../src/shared/api'
import { ApiError } from '../../src/shared/errors'
import type { FakeElectron } from './fake-electron'
import type * as PreloadModule from '../../src/preload/index'

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron())

const fake = electron as unknown as FakeElectron
type Preload = typeof PreloadModule
let preload: Preload
let exposed: WindowApi

beforeAll(async () => {
  preload = await import('../../src/preload/index')
  const [key, api] = fake.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [
    string,
    WindowApi
  ]
  expect(key).toBe('api')
  exposed = api
})

describe('window.api', () => {
  it('exposes exactly call and on, and never ipcRenderer', () => {
    expect(fake.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1)
    expect(Object.keys(exposed).sort()).toEqual(['call', 'on'])
    expect(typeof exposed.call).toBe('function')
    expect(typeof exposed.on).toBe('function')
    expect(Object.values(exposed)).not.toContain(fake.ipcRenderer)
  })

  it('call invokes api:call and resolves with the value', async () => {
    fake.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: [{ id: 1 }] })
    await expect(exposed.call('batches/list', {})).resolves.toEqual([{ id: 1 }])
    expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith('api:call', 'batches/list', {})
  })

  it('call rethrows a failed Result as an ApiError with its code', async () => {
    const error = {
      code: 'validation' as const,
      message: 'Dữ liệu gửi lên không hợp lệ: endRow',
      params: { detail: 'endRow' },
      issues: [{ path: 'endRow', message: 'too big' }]
    }
    const ipc = {
      invoke: vi.fn().mockResolvedValue({ ok: false, error }),
      on: vi.fn(),
      removeListener: vi.fn()
    }
    const thrown = await preload
      .callApi(ipc as unknown as IpcRenderer, 'records/list', {})
      .catch((e: unknown) => e)
    expect(thrown).toBeInstanceOf(ApiError)
    expect(thrown).toMatchObject({ code: 'validation', params: { detail: 'endRow' } })
    expect((thrown as ApiError).issues).toEqual(error.issues)
  })

  it('window.api.call rejects with a plain shape so the code crosses the context bridge', async () => {
    // contextBridge copies only the message of an Error; a plain object keeps every field.
    fake.ipcRenderer.invoke.mockResolvedValueOnce({
      ok: false,
      error: { code: 'duplicate_file', message: 'Tệp này đã được nhập', params: { batchId: 3 } }
    })
    const rejection = await exposed
      .call('import/file', { kind: 'registry', path: '/x.csv' })
      .catch((e: unknown) => e)
    expect(rejection).not.toBeInstanceOf(Error)
    expect(rejection).toEqual({
      name: 'ApiError',
      code: 'duplicate_file',
      message: 'Tệp này đã được nhập',
      params: { batchId: 3 }
    })
    expect(structuredClone(rejection)).toEqual(rejection)
  })

  it('call turns an IPC failure or a malformed reply into an internal ApiError', async () => {
    fake.ipcRenderer.invoke.mockRejectedValueOnce(new Error('No handler registered'))
    await expect(exposed.call('jobs/list', {})).rejects.toMatchObject({ code: 'internal' })
    fake.ipcRenderer.invoke.mockResolvedValueOnce('nonsense')
    await expect(exposed.call('jobs/list', {})).rejects.toMatchObject({ code: 'internal' })
  })

  it('on rejects unknown event names', () => {
    expect(() => exposed.on('shell/exec' as 'job/done', () => undefined)).toThrow(/Unknown event/)
    expect(() => exposed.on('job/done', 'not a function' as unknown as () => void)).toThrow()
    expect(fake.ipcRenderer.on).not.toHaveBeenCalled()
  })

  it('on delivers only the payload of its own event, and unsubscribes', () => {
    const cb = vi.fn()
    const off = exposed.on('job/done', cb)
    const [channel, listener] = fake.ipcRenderer.on.mock.calls[0] as unknown as [
      string,
      (...args: unknown[]) => void
    ]
    expect(channel).toBe('api:event')
    const ipcEvent = { sender: fake.ipcRenderer }
    listener(ipcEvent, 'job/progress', { done: 1 })
    listener(ipcEvent, 'job/done', { jobId: 'j', state: 'done' })
    expect(cb).toHaveBeenCalledTimes(1)
    expect(cb).toHaveBeenCalledWith({ jobId: 'j', state: 'done' })
    off()
    expect(fake.ipcRenderer.removeListener).toHaveBeenCalledWith('api:event', listener)
  })

  it('knows exactly the events of the contract', () => {
    expect([...preload.EVENT_NAME_LIST].sort()).toEqual([...EVENT_NAMES].sort())
  })
})

describe('sandbox compatibility', () => {
  /** Runtime (non-type) import specifiers of a TypeScript file. */
  function runtimeImports(file: string): string[] {
    const source = readFileSync(file, 'utf8')
    const found: string[] = []
    for (const m of source.matchAll(/^import\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm)) {
      if (!m[1]) found.push(m[2] as string)
    }
    return found
  }

  it('the preload loads only electron and dependency-free shared code', () => {
    // A sandboxed preload cannot require packages: api.ts (zod) may be imported for types only.
    const dir = resolve(__dirname, '../../src/preload')
    expect(runtimeImports(resolve(dir, 'index.ts')).sort()).toEqual([
      '../shared/errors',
      'electron'
    ])
    expect(runtimeImports(resolve(__dirname, '../../src/shared/errors.ts'))).toEqual([])
  })
})
