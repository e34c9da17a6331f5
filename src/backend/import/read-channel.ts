// The writer's side of the reading half: events from a worker thread (large files) or from the
// same thread (small files, where starting a thread costs more than it saves), in order.
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { AppError, type ErrorCode } from '../../shared/errors'
import { readRows, type PreviewScan, type ReadEvent, type ReadSpec } from './produce'
import { isZipFile } from './table-reader'

export interface ReadChannel {
  /** The next event, or null at the end; throws the reader's error. */
  next(): Promise<ReadEvent | null>
  /** The writer has written a batch: the reader may run further ahead. */
  done(): void
  /** Stop reading (after an error or a cancel, or at the end). */
  close(): Promise<void>
}

/** Events waiting for the writer; `put` waits while `limit` are queued (same-thread reading). */
class Queue {
  private items: ReadEvent[] = []
  private error: Error | null = null
  private ended = false
  private closed = false
  private reader: (() => void) | null = null
  private space: { resolve: () => void; reject: (e: unknown) => void } | null = null
  constructor(private readonly limit: number) {}

  put(e: ReadEvent): Promise<void> {
    if (this.closed) return Promise.reject(new AppError('job_cancelled'))
    this.items.push(e)
    this.wakeReader()
    if (this.items.length < this.limit) return Promise.resolve()
    return new Promise((resolve, reject) => (this.space = { resolve, reject }))
  }

  end(error: Error | null = null): void {
    if (this.ended) return
    this.ended = true
    this.error = error
    this.wakeReader()
  }

  close(): void {
    this.closed = true
    this.items = []
    this.space?.reject(new AppError('job_cancelled'))
    this.space = null
  }

  async take(): Promise<ReadEvent | null> {
    while (this.items.length === 0) {
      if (this.ended) {
        if (this.error) throw this.error
        return null
      }
      await new Promise<void>((r) => (this.reader = r))
    }
    const e = this.items.shift()!
    if (this.space && this.items.length < this.limit) {
      this.space.resolve()
      this.space = null
    }
    return e
  }

  private wakeReader(): void {
    const r = this.reader
    this.reader = null
    r?.()
  }
}

function workerFile(): string {
  // From sources (CLI, tests) a .cjs bootstrap loads tsx; the app bundle ships a built worker.
  if (__filename.endsWith('.ts')) return join(__dirname, 'import-worker.cjs')
  return join(__dirname, 'import-worker.js')
}

interface WorkerError {
  code?: ErrorCode
  params?: Record<string, string | number>
  message?: string
}

type WorkerMessage = ReadEvent | { type: 'end' } | { type: 'error'; error: WorkerError }

const fromWorker = ({ code, params, message }: WorkerError): Error =>
  code ? new AppError(code, params) : new Error(message)

/** A larger young generation: each row makes short-lived strings, and collecting them in a
 * small nursery cost the reader a tenth of its time. */
const newWorker = (): Worker =>
  new Worker(workerFile(), { resourceLimits: { maxYoungGenerationSizeMb: 192 } })

function inThread(spec: ReadSpec, size: number): ReadChannel {
  const q = new Queue(2)
  readRows(spec, size, (e) => q.put(e)).then(
    () => q.end(),
    (e: unknown) => q.end(e instanceof Error ? e : new Error(String(e)))
  )
  return {
    next: () => q.take(),
    done: () => undefined,
    close: () => {
      q.close()
      return Promise.resolve()
    }
  }
}

function onWorker(spec: ReadSpec, size: number): ReadChannel {
  const q = new Queue(Infinity)
  const w = newWorker()
  let finished = false
  w.on('message', (m: WorkerMessage) => {
    if (m.type === 'end') {
      finished = true
      q.end()
    } else if (m.type === 'error') {
      finished = true
      q.end(fromWorker(m.error))
    } else q.put(m).catch(() => undefined) // refused only once the writer has stopped
  })
  w.on('error', (e) => q.end(e))
  w.on('exit', (code) => {
    if (!finished) q.end(new Error(`import reader stopped (exit code ${code})`))
  })
  w.postMessage({ spec, size })
  return {
    next: () => q.take(),
    done: () => w.postMessage('ack'),
    close: async () => {
      finished = true
      q.close()
      await w.terminate()
    }
  }
}

/** Files at least this large are read on a worker thread. */
export const READER_THREAD_MIN_BYTES = 4 * 1024 * 1024

/**
 * Whether a file is read on a worker thread: large files (so reading and writing use both
 * cores), and every spreadsheet, whatever its size: a few kilobytes of .xlsx can unpack to a
 * lot of work, which must never hold up the thread that serves everyone (web mode).
 */
export function readsOnThread(spec: ReadSpec, size: number, thread?: boolean): boolean {
  return thread ?? (size >= READER_THREAD_MIN_BYTES || isZipFile(spec.file))
}

export function openReadChannel(spec: ReadSpec, size: number, thread?: boolean): ReadChannel {
  return readsOnThread(spec, size, thread) ? onWorker(spec, size) : inThread(spec, size)
}

/** A preview's reading half on a worker thread; a cancel ends the thread. */
export function previewOnWorker(
  spec: ReadSpec,
  size: number,
  onBytes: (bytes: number) => void,
  signal: AbortSignal
): Promise<PreviewScan> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new AppError('job_cancelled'))
    const w = newWorker()
    let settled = false
    const settle = (f: () => void): void => {
      if (settled) return
      settled = true
      signal.removeEventListener('abort', onAbort)
      f()
      void w.terminate()
    }
    const onAbort = (): void => settle(() => reject(new AppError('job_cancelled')))
    signal.addEventListener('abort', onAbort, { once: true })
    w.on(
      'message',
      (
        m:
          | { type: 'progress'; bytes: number }
          | { type: 'preview'; result: PreviewScan }
          | { type: 'error'; error: WorkerError }
      ) => {
        if (m.type === 'progress') onBytes(m.bytes)
        else if (m.type === 'preview') settle(() => resolve(m.result))
        else settle(() => reject(fromWorker(m.error)))
      }
    )
    w.on('error', (e) => settle(() => reject(e)))
    w.on('exit', (code) =>
      settle(() => reject(new Error(`import reader stopped (exit code ${code})`)))
    )
    w.postMessage({ spec, size, task: 'preview' })
  })
}
