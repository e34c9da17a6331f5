// Shared set-up of the renderer's tests (jsdom): a scripted backend and the hooks every screen test uses.
import { cleanup, configure } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach } from 'vitest'
import type { ApiName, EventName, Events, WindowApi } from '../shared/api'
import { setLanguage } from './i18n'
import { setApi } from './lib/api'

type Handler = (args: never) => unknown

/**
 * A scripted backend: handlers by name (a missing one rejects), every call recorded, events pushed
 * by the test with `emit`, and an upload as in web mode when `upload` is given.
 */
export function fakeApi(
  handlers: Partial<Record<ApiName, Handler>>,
  upload?: (file: File) => string
) {
  const listeners = new Map<EventName, Set<(p: unknown) => void>>()
  const calls: { name: ApiName; args: unknown }[] = []
  const api: WindowApi & { upload?: (file: File) => Promise<string> } = {
    call(name, args) {
      calls.push({ name, args })
      const handler = handlers[name]
      if (!handler) return Promise.reject(new Error(`no fake for ${name}`))
      return Promise.resolve().then(() => handler(args as never)) as never
    },
    on(event, cb) {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      set.add(cb as (p: unknown) => void)
      return () => set.delete(cb as (p: unknown) => void)
    }
  }
  if (upload) api.upload = (file) => Promise.resolve(upload(file))
  const emit = <E extends EventName>(event: E, payload: Events[E]): void => {
    for (const cb of listeners.get(event) ?? []) cb(payload)
  }
  const argsOf = (name: ApiName): unknown[] =>
    calls.filter((c) => c.name === name).map((c) => c.args)
  return { api, calls, emit, argsOf }
}

/**
 * Registers the hooks of a screen test file: each test starts in Vietnamese with empty storage and
 * ends unmounted with no API set. jsdom has no ResizeObserver; the grid only needs it to exist.
 */
export function setUpScreenTests(): void {
  // A grid and a screen render in well under a second alone; on a loaded CI machine the default
  // 1 s wait for an element made tests fail for no fault of the screen.
  configure({ asyncUtilTimeout: 5_000 })
  beforeAll(() => {
    globalThis.ResizeObserver ??= class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    } as unknown as typeof ResizeObserver
  })
  beforeEach(async () => {
    localStorage.clear()
    await setLanguage('vi')
  })
  afterEach(() => {
    cleanup()
    setApi(null)
  })
}
