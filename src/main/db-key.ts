// The app's database key, in the main process: kept by the OS keychain (Electron safeStorage), or
// only under a passphrase where the keychain is no real secret store; made on first run with a
// recovery key shown once, and offered for an old unencrypted database.
import { existsSync } from 'node:fs'
import { AppError } from '../shared/errors'
import {
  MIN_PASSPHRASE_LENGTH,
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
  /** Linux only: the secret store behind it ('basic_text' is a fixed password, no store). */
  getSelectedStorageBackend?(): string
}

export interface KeyDeps {
  safeStorage: SafeStorageLike
  /** Ask whether to encrypt an existing unencrypted database now; false quits the app. */
  confirmEncrypt(path: string): Promise<boolean>
  /** Show a new recovery key, once. */
  showRecoveryKey(recoveryKey: string, path: string): Promise<void>
  /** DOISOAT_PASSPHRASE or DOISOAT_RECOVERY_KEY open the database when the keychain cannot. */
  env: NodeJS.ProcessEnv
  /** process.platform; a parameter so that tests can play Linux. */
  platform?: NodeJS.Platform
}

/** Linux secret stores that only hide the key behind a fixed password, or none chosen yet. */
const WEAK_LINUX_BACKENDS = new Set(['basic_text', 'unknown'])

/**
 * Why the keychain cannot keep the key, or null when it can. On Linux without a secret store
 * (no GNOME Keyring or KWallet, e.g. a bare window manager), Electron "encrypts" with a password
 * written in its own source: a key kept that way is as good as in the clear.
 */
export function keychainProblem(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform
): AppError | null {
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown'
    if (WEAK_LINUX_BACKENDS.has(backend))
      return new AppError('keychain_weak', { backend, min: MIN_PASSPHRASE_LENGTH })
  }
  if (!safeStorage.isEncryptionAvailable())
    return new AppError('keychain_unavailable', { min: MIN_PASSPHRASE_LENGTH })
  return null
}

export type KeyPlan =
  /** Start the backend with these candidate keys (the first that opens the file is used). */
  { keys: Buffer[]; encryptPlain: boolean } | { quit: true }

export async function prepareDatabaseKey(dbPath: string, deps: KeyDeps): Promise<KeyPlan> {
  const { safeStorage } = deps
  // Without a trustworthy keychain the key is kept only under a passphrase, given at each start.
  const problem = keychainProblem(safeStorage, deps.platform ?? process.platform)
  const keychainEncrypt = problem ? undefined : (plain: string) => safeStorage.encryptString(plain)
  const secret: Secret = problem ? {} : { keychain: (blob) => safeStorage.decryptString(blob) }
  if (deps.env.DOISOAT_PASSPHRASE) secret.passphrase = deps.env.DOISOAT_PASSPHRASE
  if (deps.env.DOISOAT_RECOVERY_KEY) secret.recoveryKey = deps.env.DOISOAT_RECOVERY_KEY
  if (problem && secret.passphrase === undefined && secret.recoveryKey === undefined) throw problem

  const exists = existsSync(dbPath)
  const plain = exists && isPlainDatabaseFile(dbPath)
  const file = readKeyFile(dbPath)
  if (plain && !(await deps.confirmEncrypt(dbPath))) return { quit: true }

  // First run, or a clear database being encrypted: a new key (an old key file next to a clear
  // database is from an encryption that did not finish, and is reused if the keychain opens it).
  if (plain || (!exists && !file)) {
    const reuse = plain && file ? unwrapKeys(file, secret)[0]?.key : undefined
    if (reuse) return { keys: [reuse], encryptPlain: true }
    // A new key needs something to keep it: the keychain, else the passphrase it was started with.
    if (problem && secret.passphrase === undefined) throw problem
    const made = newKeyEntry(
      problem ? { passphrase: secret.passphrase } : { keychainEncrypt: keychainEncrypt! }
    )
    writeKeyFile(dbPath, newKeyFile(made.entry))
    await deps.showRecoveryKey(made.recoveryKey, dbPath)
    return { keys: [made.key], encryptPlain: plain }
  }

  const found = unwrapKeys(file, secret)
  if (found.length === 0)
    throw problem
      ? new AppError('db_wrong_key', { path: dbPath })
      : new AppError('keychain_lost', { path: dbPath })
  if (keychainEncrypt) {
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
  }
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
