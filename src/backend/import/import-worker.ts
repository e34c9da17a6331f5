// Worker thread entry: reads, validates and packs a table's rows (produce.ts) and posts them in
// batches; at most a few batches wait unwritten, so memory stays flat in the file size.
import { parentPort } from 'node:worker_threads'
import { AppError } from '../../shared/errors'
import { readRows, type ReadSpec } from './produce'

/** Batches posted and not yet acknowledged by the writer before the reader waits. */
const IN_FLIGHT = 3

parentPort?.once('message', (m: { spec: ReadSpec; size: number }) => {
  const port = parentPort!
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
    .catch((e: unknown) => {
      port.postMessage({
        type: 'error',
        error:
          e instanceof AppError
            ? { code: e.code, params: e.params }
            : { message: e instanceof Error ? e.message : String(e) }
      })
    })
})
