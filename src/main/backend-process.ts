// The backend's utility process as seen from main: request ids, replies, events, restart after a crash.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { EventName } from '../shared/api'
import { EVENT_NAMES } from '../shared/api'
import { unexpectedError } from '../shared/errors'
import type { Result } from '../shared/errors'
import { toErrorShape } from '../backend/errors'
import type { HostReply, HostRequest } from '../backend/ipc-host'

/** Electron's UtilityProcess, reduced to what main uses. */
export interface ChildProcessLike {
  postMessage(message: HostRequest): void
  on(event: 'message', listener: (message: unknown) => void): unknown
  on(event: 'exit', listener: (code: number) => void): unknown
  kill(): boolean
}

export interface BackendProcessOptions {
  fork(): ChildProcessLike
  onEvent(event: EventName, payload: unknown): void
  /** A data key the backend asks main to keep in the OS keychain (after a recovery or a restore). */
  onKeepKey?(key: Buffer): void
  /** Called once when the backend keeps crashing and main stops restarting it. */
  onGiveUp?(code: number): void
  /** Delay before each successive restart inside the crash window (ms). */
  restartDelays?: number[]
  /** Crashes counted over this window; more than restartDelays.length in it means give up. */
  crashWindowMs?: number
  /** How long stop() waits for a clean exit before killing. */
  stopTimeoutMs?: number
  now?: () => number
  setTimer?: (fn: () => void, ms: number) => unknown
}

export interface BackendProcess {
  call(name: string, args: unknown): Promise<Result<unknown>>
  /** Asks the backend to close its database and exit; kills it after a timeout. */
  stop(): Promise<void>
}

const EVENTS = new Set<string>(EVENT_NAMES)

/** A call the backend process could not answer: said plainly, the reason in main's log. */
function failure(detail: string): Result<never> {
  return { ok: false, error: toErrorShape(unexpectedError('main', detail)) }
}

function isReply(message: unknown): message is HostReply {
  if (typeof message !== 'object' || message === null) return false
  const m = message as Record<string, unknown>
  if (m.type === 'result') {
    const result = m.result as { ok?: unknown } | null
    return (
      Number.isSafeInteger(m.id) &&
      typeof result === 'object' &&
      result !== null &&
      typeof result.ok === 'boolean'
    )
  }
  if (m.type === 'keep-key') return typeof m.key === 'string' && /^[0-9a-f]{64}$/.test(m.key)
  return m.type === 'event' && typeof m.event === 'string' && EVENTS.has(m.event)
}

export function startBackendProcess(options: BackendProcessOptions): BackendProcess {
  const delays = options.restartDelays ?? [200, 1000, 3000, 5000, 10_000]
  const crashWindow = options.crashWindowMs ?? 120_000
  const now = options.now ?? Date.now
  const setTimer = options.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms))

  const pending = new Map<number, (result: Result<unknown>) => void>()
  /** Requests made while no process runs (between a crash and the restart). */
  let queued: HostRequest[] = []
  let crashes: number[] = []
  let nextId = 1
  let child: ChildProcessLike | null = null
  let state: 'running' | 'restarting' | 'failed' | 'stopping' | 'stopped' = 'running'
  let onStopped: (() => void) | null = null

  function settleAll(result: Result<unknown>): void {
    const waiting = [...pending.values()]
    pending.clear()
    queued = []
    for (const resolve of waiting) resolve(result)
  }

  function spawn(): void {
    let proc: ChildProcessLike
    try {
      proc = options.fork()
    } catch (e) {
      // The backend bundle is missing or the OS refused the process: retrying will not help.
      console.error(`[main] could not start the backend: ${String(e)}`)
      state = 'failed'
      settleAll(failure('backend unavailable'))
      options.onGiveUp?.(-1)
      return
    }
    child = proc
    proc.on('message', (message) => {
      if (!isReply(message)) {
        console.error('[main] ignored a malformed message from the backend')
        return
      }
      if (message.type === 'event') {
        options.onEvent(message.event, message.payload)
        return
      }
      if (message.type === 'keep-key') {
        try {
          options.onKeepKey?.(Buffer.from(message.key, 'hex'))
        } catch (e) {
          console.error(`[main] could not keep the key in the keychain: ${String(e)}`)
        }
        return
      }
      const resolve = pending.get(message.id)
      if (!resolve) return
      pending.delete(message.id)
      resolve(message.result)
    })
    proc.on('exit', (code) => {
      if (child !== proc) return
      child = null
      if (state === 'stopping' || state === 'stopped') {
        state = 'stopped'
        settleAll(failure('backend stopped'))
        onStopped?.()
        return
      }
      console.error(`[main] backend exited with code ${code}`)
      // Calls in flight died with the process; the renderer may retry them.
      for (const resolve of pending.values()) resolve(failure(`backend exited (code ${code})`))
      pending.clear()
      const t = now()
      crashes = [...crashes.filter((c) => t - c < crashWindow), t]
      if (crashes.length > delays.length) {
        state = 'failed'
        settleAll(failure(`backend keeps exiting (code ${code})`))
        options.onGiveUp?.(code)
        return
      }
      state = 'restarting'
      setTimer(
        () => {
          if (state !== 'restarting') return
          state = 'running'
          spawn()
          if (!child) return
          const waiting = queued
          queued = []
          for (const request of waiting) send(request)
        },
        delays[crashes.length - 1] ?? 1000
      )
    })
  }

  function send(request: HostRequest): void {
    if (!child) {
      queued.push(request)
      return
    }
    try {
      child.postMessage(request)
    } catch (e) {
      if (request.type === 'call') {
        pending.get(request.id)?.(failure(String(e)))
        pending.delete(request.id)
      }
    }
  }

  spawn()

  return {
    call(name, args) {
      if (state === 'failed') return Promise.resolve(failure('backend unavailable'))
      if (state === 'stopping' || state === 'stopped')
        return Promise.resolve(failure('backend stopped'))
      const id = nextId++
      return new Promise<Result<unknown>>((resolve) => {
        pending.set(id, resolve)
        send({ type: 'call', id, name, args })
      })
    },
    stop() {
      if (state === 'stopped' || state === 'failed' || !child) {
        state = 'stopped'
        settleAll(failure('backend stopped'))
        return Promise.resolve()
      }
      const proc = child
      state = 'stopping'
      return new Promise<void>((resolve) => {
        onStopped = resolve
        send({ type: 'close' })
        setTimer(() => {
          if (state === 'stopped') return
          proc.kill()
          state = 'stopped'
          child = null
          settleAll(failure('backend stopped'))
          resolve()
        }, options.stopTimeoutMs ?? 3000)
      })
    }
  }
}

/**
 * better-sqlite3 built for Electron's ABI by scripts/electron-native.mjs. Only in development: the
 * packaged app carries a copy electron-builder rebuilt for Electron (npmRebuild) and unpacked.
 */
export function nativeBindingPath(
  isPackaged: boolean,
  appPath: string,
  exists: (path: string) => boolean = existsSync
): string | undefined {
  if (isPackaged) return undefined
  const path = join(appPath, '.electron-native', 'better_sqlite3.node')
  return exists(path) ? path : undefined
}

/** Secrets main may read at start; the backend gets the unwrapped key instead (keyEnv). */
const NOT_FORWARDED = new Set([
  'DOISOAT_NATIVE_BINDING',
  'DOISOAT_PASSPHRASE',
  'DOISOAT_RECOVERY_KEY',
  'DOISOAT_DB_KEYS',
  'DOISOAT_DB_ENCRYPT',
  'DOISOAT_KEY_STORE'
])

/** The backend's environment: the database path, and the native binding only when there is one. */
export function backendEnv(
  base: NodeJS.ProcessEnv,
  dbPath: string,
  binding: string | undefined
): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(base)) {
    if (value !== undefined && !NOT_FORWARDED.has(key)) env[key] = value
  }
  env.DOISOAT_DB = dbPath
  if (binding) env.DOISOAT_NATIVE_BINDING = binding
  return env
}
