// The app's database key, in the main process: kept by the OS keychain (Electron safeStorage), made
// on first run with a recovery key shown once, and offered for an old unencrypted database.
import { existsSync } from 'node:fs'
import { AppError } from '../shared/errors'
import {
  newKeyEntry,
  newKeyFile,
  readKeyFile,
  rewrapKey,
  unwrapKeys,
  writeKeyFile,
  type KeyFile,
  type Secret
} from '../backend/crypto/key-file'
import { isPlainDatabaseFile } from '../backend/db/header'

/** Electron's safeStorage, reduced to what we use. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(plain: string): Buffer
  decryptString(encrypted: Buffer): string
}

export interface KeyDeps {
  safeStorage: SafeStorageLike
  /** Ask whether to encrypt an existing unencrypted database now; false quits the app. */
  confirmEncrypt(path: string): Promise<boolean>
  /** Show a new recovery key, once. */
  showRecoveryKey(recoveryKey: string, path: string): Promise<void>
}

export type KeyPlan =
  /**
   * Start the backend with these candidate keys (the first that opens the file is used). No key:
   * the keychain lost it or the key file is damaged; the backend starts locked and the window
   * asks for the recovery key ('keys/unlock'), never an environment variable.
   */
  { keys: Buffer[]; encryptPlain: boolean } | { quit: true }

export async function prepareDatabaseKey(dbPath: string, deps: KeyDeps): Promise<KeyPlan> {
  const { safeStorage } = deps
  if (!safeStorage.isEncryptionAvailable()) throw new AppError('keychain_unavailable')
  const keychainEncrypt = (plain: string): Buffer => safeStorage.encryptString(plain)
  const secret: Secret = { keychain: (blob) => safeStorage.decryptString(blob) }

  const exists = existsSync(dbPath)
  const plain = exists && isPlainDatabaseFile(dbPath)
  let file: KeyFile | null
  try {
    file = readKeyFile(dbPath)
  } catch (e) {
    // A damaged key file beside a database: the recovery key opens it and writes a new one.
    if (exists && !plain && e instanceof AppError && e.code === 'key_file_invalid')
      return { keys: [], encryptPlain: false }
    throw e
  }
  if (plain && !(await deps.confirmEncrypt(dbPath))) return { quit: true }

  // First run, or a clear database being encrypted: a new key (an old key file next to a clear
  // database is from an encryption that did not finish, and is reused if the keychain opens it).
  if (plain || (!exists && !file)) {
    const reuse = plain && file ? unwrapKeys(file, secret)[0]?.key : undefined
    if (reuse) return { keys: [reuse], encryptPlain: true }
    const made = newKeyEntry({ keychainEncrypt })
    writeKeyFile(dbPath, newKeyFile(made.entry))
    await deps.showRecoveryKey(made.recoveryKey, dbPath)
    return { keys: [made.key], encryptPlain: plain }
  }

  return { keys: unwrapKeys(file, secret).map((e) => e.key), encryptPlain: false }
}

/** Keep a key the backend brought (a recovery, a restore) in this machine's keychain. */
export function keepKeyInKeychain(dbPath: string, key: Buffer, safeStorage: SafeStorageLike): void {
  rewrapKey(dbPath, key, { keychainEncrypt: (plain) => safeStorage.encryptString(plain) })
}

/** The backend's environment entries that carry the keys to the utility process. */
export function keyEnv(plan: { keys: Buffer[]; encryptPlain: boolean }): Record<string, string> {
  const env: Record<string, string> = {
    DOISOAT_DB_KEYS: plan.keys.map((k) => k.toString('hex')).join(',')
  }
  if (plan.encryptPlain) env.DOISOAT_DB_ENCRYPT = '1'
  return env
}
