// Entry of Electron's utility process: opens the backend on DOISOAT_DB and serves main over parentPort.
import { AppError } from '../shared/errors'
import { useKeyFromEnv } from './crypto/host-key'
import { keychainStore, passphraseStore } from './crypto/key-store'
import { createLockedBackend } from './locked'
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

// A key a restore or a recovery brought goes to main, which keeps it in the keychain; where the
// keychain is no real secret store (main says so), under a new passphrase in the key file.
const keyStore =
  process.env.DOISOAT_KEY_STORE === 'passphrase'
    ? passphraseStore()
    : keychainStore((_path, key) =>
        port.postMessage({ type: 'keep-key', key: key.toString('hex') })
      )
delete process.env.DOISOAT_KEY_STORE

let backend: HostBackend
try {
  const dbPath = process.env.DOISOAT_DB
  if (!dbPath) throw new Error('DOISOAT_DB is not set')
  try {
    useKeyFromEnv(dbPath, process.env)
    backend = createBackend({ dbPath, keyStore })
  } catch (e) {
    // The keychain gave no key that opens the database: the window asks for the recovery key.
    if (!(e instanceof AppError && (e.code === 'db_locked' || e.code === 'db_wrong_key'))) throw e
    backend = createLockedBackend({ dbPath, keyStore })
  }
} catch (e) {
  console.error('[backend] could not start:', e)
  backend = failedBackend(e)
}

attachPort(port, backend, { onClosed: () => process.exit(0) })
