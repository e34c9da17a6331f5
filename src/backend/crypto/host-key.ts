// The Electron backend process's key: main unwraps it from the keychain and hands it over in the
// environment, which this reads once and clears (worker threads and children never see it).
import { existsSync } from 'node:fs'
import { AppError } from '../../shared/errors'
import { appendAudit } from '../audit/audit'
import { isPlainDatabaseFile, openDb, setDatabaseKey } from '../db/open'
import { withMaintenanceLock } from '../db/maintenance-lock'
import { encryptPlainDatabase, keyOpens } from './db-file'
import { finishRekey } from './unlock'
import { readKeyFile } from './key-file'

export function useKeyFromEnv(dbPath: string, env: NodeJS.ProcessEnv): void {
  const hex = env.DOISOAT_DB_KEYS ?? ''
  const encrypt = env.DOISOAT_DB_ENCRYPT === '1'
  delete env.DOISOAT_DB_KEYS
  delete env.DOISOAT_DB_ENCRYPT
  const keys = hex
    .split(',')
    .filter((h) => /^[0-9a-f]{64}$/.test(h))
    .map((h) => Buffer.from(h, 'hex'))
  if (keys.length === 0) throw new AppError('db_locked', { path: dbPath })
  if (encrypt && isPlainDatabaseFile(dbPath)) {
    // The user confirmed in main; the copy-encrypt-rename keeps the clear original on failure.
    withMaintenanceLock(dbPath, () => encryptPlainDatabase(dbPath, keys[0]!))
    const db = openDb(dbPath, { key: keys[0]!, migrate: false })
    try {
      db.transaction(() =>
        appendAudit(db, { actor: 'app', action: 'db/encrypt', detail: { cipher: 'sqlcipher4' } })
      ).immediate()
    } finally {
      db.close()
    }
  }
  const key = existsSync(dbPath) ? keys.find((k) => keyOpens(dbPath, k)) : keys[0]
  if (!key) throw new AppError('db_wrong_key', { path: dbPath })
  const file = readKeyFile(dbPath)
  if (file) finishRekey(dbPath, file, key)
  setDatabaseKey(dbPath, key)
}
