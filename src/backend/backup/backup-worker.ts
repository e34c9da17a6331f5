// Worker thread entry: one backup (snapshot, copy, check, rename), so the app's thread keeps
// answering while a large database is copied and checked.
import { parentPort, workerData } from 'node:worker_threads'
import { runBackupJob, type BackupJob } from './backup'

let cancelled = false
parentPort?.on('message', (m: unknown) => {
  if (m === 'cancel') cancelled = true
})
void runBackupJob(
  workerData as BackupJob,
  (m) => parentPort?.postMessage(m),
  () => cancelled
).finally(() => parentPort?.close())
