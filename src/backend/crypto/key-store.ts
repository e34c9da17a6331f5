// Where a host keeps a database's key after a recovery or a restore brought a key it did not hold:
// the desktop app in the OS keychain (only Electron's main process can reach it, so the key goes
// there), web mode and the CLI under a passphrase in the key file.
import { AppError } from '../../shared/errors'
import {
  DEFAULT_SCRYPT,
  checkNewPassphrase,
  keyCheck,
  readKeyFile,
  rewrapKey,
  type ScryptParams
} from './key-file'

export interface KeyStore {
  kind: 'keychain' | 'passphrase'
  /**
   * Keep `key` for the database at `path` so the next start opens it without the recovery key.
   * The passphrase store needs a new passphrase unless the key file already has one for this key.
   */
  keep(path: string, key: Buffer, passphrase?: string): Promise<void>
  /**
   * Whether keep() can succeed with this passphrase (checked before anything changes); a new
   * passphrase too short to be kept is refused here (passphrase_too_short), not after the change.
   */
  canKeep(path: string, key: Buffer, passphrase?: string): boolean
}

const hasPassphraseWrap = (path: string, key: Buffer): boolean => {
  try {
    const check = keyCheck(key)
    return !!readKeyFile(path)?.keys.find((e) => e.check === check)?.wraps.passphrase
  } catch {
    return false
  }
}

export function passphraseStore(scrypt: ScryptParams = DEFAULT_SCRYPT): KeyStore {
  return {
    kind: 'passphrase',
    canKeep(path, key, passphrase) {
      if (passphrase === undefined) return hasPassphraseWrap(path, key)
      checkNewPassphrase(passphrase)
      return true
    },
    keep(path, key, passphrase) {
      if (passphrase !== undefined) rewrapKey(path, key, { passphrase, scrypt })
      else if (!hasPassphraseWrap(path, key)) throw new AppError('passphrase_required', { path })
      return Promise.resolve()
    }
  }
}

/** `send` hands the key to the process that holds the keychain (Electron main), which wraps it. */
export function keychainStore(send: (path: string, key: Buffer) => void | Promise<void>): KeyStore {
  return {
    kind: 'keychain',
    canKeep: () => true,
    async keep(path, key) {
      await send(path, key)
    }
  }
}
