// Worker thread entry: reads, validates and packs a table's rows (produce.ts) and posts them in
// batches, at most a few waiting unwritten so memory stays flat in the file size; or reads a
// whole table for a preview and posts its result.
import { parentPort } from 'node:worker_threads'
import { AppError } from '../../shared/errors'
import { previewRows, readRows, type ReadSpec } from './produce'

/** Batches posted and not yet acknowledged by the writer before the reader waits. */
const IN_FLIGHT = 3

const errorOf = (e: unknown) =>
  e instanceof AppError
    ? { code: e.code, params: e.params }
    : { message: e instanceof Error ? e.message : String(e) }

parentPort?.once('message', (m: { spec: ReadSpec; size: number; task?: 'preview' }) => {
  const port = parentPort!
  if (m.task === 'preview') {
    previewRows(m.spec, m.size, (bytes) => port.postMessage({ type: 'progress', bytes }))
      .then((result) => port.postMessage({ type: 'preview', result }))
      .catch((e: unknown) => port.postMessage({ type: 'error', error: errorOf(e) }))
    return
  }
  let inFlight = 0
  let wake: (() => void) | null = null
  port.on('message', (msg: 'ack') => {
    if (msg !== 'ack') return
    inFlight--
    wake?.()
    wake = null
  })
  readRows(m.spec, m.size, async (e) => {
    port.postMessage(e)
    if (e.type !== 'batch') return
    inFlight++
    while (inFlight >= IN_FLIGHT) await new Promise<void>((r) => (wake = r))
  })
    .then(() => port.postMessage({ type: 'end' }))
    .catch((e: unknown) => port.postMessage({ type: 'error', error: errorOf(e) }))
})
