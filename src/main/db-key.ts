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
  /** DOISOAT_PASSPHRASE or DOISOAT_RECOVERY_KEY open the database when the keychain cannot. */
  env: NodeJS.ProcessEnv
}

export type KeyPlan =
  /** Start the backend with these candidate keys (the first that opens the file is used). */
  { keys: Buffer[]; encryptPlain: boolean } | { quit: true }

export async function prepareDatabaseKey(dbPath: string, deps: KeyDeps): Promise<KeyPlan> {
  const { safeStorage } = deps
  if (!safeStorage.isEncryptionAvailable()) throw new AppError('keychain_unavailable')
  const keychainEncrypt = (plain: string): Buffer => safeStorage.encryptString(plain)
  const secret: Secret = { keychain: (blob) => safeStorage.decryptString(blob) }
  if (deps.env.DOISOAT_PASSPHRASE) secret.passphrase = deps.env.DOISOAT_PASSPHRASE
  if (deps.env.DOISOAT_RECOVERY_KEY) secret.recoveryKey = deps.env.DOISOAT_RECOVERY_KEY

  const exists = existsSync(dbPath)
  const plain = exists && isPlainDatabaseFile(dbPath)
  const file = readKeyFile(dbPath)
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

  const found = unwrapKeys(file, secret)
  if (found.length === 0) throw new AppError('keychain_lost', { path: dbPath })
  // Opened with the passphrase or the recovery key: keep the key in this keychain from now on.
  const viaKeychain = (e: (typeof found)[number]): boolean => {
    const blob = e.entry?.wraps.keychain?.blob
    if (!blob) return false
    try {
      return safeStorage.decryptString(Buffer.from(blob, 'base64')) === e.key.toString('hex')
    } catch {
      return false
    }
  }
  for (const e of found) if (!viaKeychain(e)) rewrapKey(dbPath, e.key, { keychainEncrypt })
  return { keys: found.map((e) => e.key), encryptPlain: false }
}

/** The backend's environment entries that carry the keys to the utility process. */
export function keyEnv(plan: { keys: Buffer[]; encryptPlain: boolean }): Record<string, string> {
  const env: Record<string, string> = {
    DOISOAT_DB_KEYS: plan.keys.map((k) => k.toString('hex')).join(',')
  }
  if (plan.encryptPlain) env.DOISOAT_DB_ENCRYPT = '1'
  return env
}
