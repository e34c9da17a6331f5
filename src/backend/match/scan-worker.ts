// Worker thread entry: runs one scan task and posts the result back, buffers transferred.
import { parentPort } from 'node:worker_threads'
import { runScanTask, type ScanTask } from './scan-task'

parentPort?.once('message', (task: ScanTask) => {
  runScanTask(task, (phase, done) => parentPort?.postMessage({ type: 'progress', phase, done }))
    .then((result) => {
      const p = result.pairs
      parentPort?.postMessage({ type: 'done', result }, [
        result.sourceIds.buffer,
        result.nameKeys.buffer,
        result.nameCounts.buffer,
        p.src.buffer,
        p.popId.buffer,
        p.levels.buffer,
        p.flags.buffer,
        p.nameKey.buffer
      ] as ArrayBuffer[])
    })
    .catch((e: unknown) => {
      parentPort?.postMessage({
        type: 'error',
        message: e instanceof Error ? e.message : String(e)
      })
    })
})
