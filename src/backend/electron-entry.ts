// Entry of Electron's utility process: opens the backend on DOISOAT_DB and serves main over parentPort.
import { useKeyFromEnv } from './crypto/host-key'
import { createBackend } from './host'
import { attachPort, failedBackend } from './ipc-host'
import type { HostBackend, HostPort } from './ipc-host'

const port = (process as unknown as { parentPort?: HostPort }).parentPort
if (!port) {
  console.error(
    '[backend] electron-entry runs only as an Electron utility process (no parentPort).'
  )
  process.exit(1)
}

let backend: HostBackend
try {
  const dbPath = process.env.DOISOAT_DB
  if (!dbPath) throw new Error('DOISOAT_DB is not set')
  useKeyFromEnv(dbPath, process.env)
  backend = createBackend({ dbPath })
} catch (e) {
  console.error('[backend] could not start:', e)
  backend = failedBackend(e)
}

attachPort(port, backend, { onClosed: () => process.exit(0) })
