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
  type KeyFile,
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
  /** DOISOAT_PASSPHRASE makes the first key where the keychain is no real secret store. */
  env?: NodeJS.ProcessEnv
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
  /**
   * Start the backend with these candidate keys (the first that opens the file is used). No key:
   * the keychain lost it or the key file is damaged; the backend starts locked and the window
   * asks for the recovery key ('keys/unlock'), never an environment variable.
   */
  | {
      keys: Buffer[]
      encryptPlain: boolean
      /** No real keychain: a key a recovery or a restore brings is kept under a new passphrase. */
      passphraseOnly?: boolean
    }
  | { quit: true }

export async function prepareDatabaseKey(dbPath: string, deps: KeyDeps): Promise<KeyPlan> {
  const { safeStorage } = deps
  // Without a trustworthy keychain the key is kept only under a passphrase: DOISOAT_PASSPHRASE at
  // the first start, then the locked start's dialog asks for it.
  const problem = keychainProblem(safeStorage, deps.platform ?? process.platform)
  const keychainEncrypt = problem ? undefined : (plain: string) => safeStorage.encryptString(plain)
  const secret: Secret = problem ? {} : { keychain: (blob) => safeStorage.decryptString(blob) }
  if (problem && deps.env?.DOISOAT_PASSPHRASE) secret.passphrase = deps.env.DOISOAT_PASSPHRASE

  const exists = existsSync(dbPath)
  const plain = exists && isPlainDatabaseFile(dbPath)
  let file: KeyFile | null
  try {
    file = readKeyFile(dbPath)
  } catch (e) {
    // A damaged key file beside a database: the recovery key opens it and writes a new one.
    if (exists && !plain && e instanceof AppError && e.code === 'key_file_invalid')
      return { keys: [], encryptPlain: false, passphraseOnly: !!problem }
    throw e
  }
  if (plain && !(await deps.confirmEncrypt(dbPath))) return { quit: true }

  // First run, or a clear database being encrypted: a new key (an old key file next to a clear
  // database is from an encryption that did not finish, and is reused if the keychain opens it).
  if (plain || (!exists && !file)) {
    const reuse = plain && file ? unwrapKeys(file, secret)[0]?.key : undefined
    if (reuse) return { keys: [reuse], encryptPlain: true, passphraseOnly: !!problem }
    // A new key needs something to keep it: the keychain, else the passphrase it was started with.
    if (problem && secret.passphrase === undefined) throw problem
    const made = newKeyEntry(
      problem ? { passphrase: secret.passphrase } : { keychainEncrypt: keychainEncrypt! }
    )
    writeKeyFile(dbPath, newKeyFile(made.entry))
    await deps.showRecoveryKey(made.recoveryKey, dbPath)
    return { keys: [made.key], encryptPlain: plain, passphraseOnly: !!problem }
  }

  return {
    keys: unwrapKeys(file, secret).map((e) => e.key),
    encryptPlain: false,
    passphraseOnly: !!problem
  }
}

/**
 * Keep a key the backend brought (a recovery, a restore) in this machine's keychain; a keychain
 * that is no real secret store keeps nothing (the passphrase and the recovery key still open it).
 */
export function keepKeyInKeychain(
  dbPath: string,
  key: Buffer,
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform = process.platform
): void {
  if (keychainProblem(safeStorage, platform)) return
  rewrapKey(dbPath, key, { keychainEncrypt: (plain) => safeStorage.encryptString(plain) })
}

/** The backend's environment entries that carry the keys to the utility process. */
export function keyEnv(plan: {
  keys: Buffer[]
  encryptPlain: boolean
  passphraseOnly?: boolean
}): Record<string, string> {
  const env: Record<string, string> = {
    DOISOAT_DB_KEYS: plan.keys.map((k) => k.toString('hex')).join(',')
  }
  if (plan.encryptPlain) env.DOISOAT_DB_ENCRYPT = '1'
  // The locked start's dialog then asks for a new passphrase with the recovery key: a key kept
  // nowhere would make every later start a locked one.
  if (plan.passphraseOnly) env.DOISOAT_KEY_STORE = 'passphrase'
  return env
}
