// An encrypted database for tests that run the CLI on it (the CLI refuses unencrypted files):
// created with a fast scrypt and the passphrase put in DOISOAT_PASSPHRASE, as a clerk's shell would.
import { unlockDatabase } from '../../src/backend/crypto/unlock'

export const TEST_PASSPHRASE = 'cụm mật khẩu thử'

/** Creates the key for `path` (registered for openDb in this process); returns a restore function. */
export function encryptedDatabase(path: string): () => void {
  const saved = process.env.DOISOAT_PASSPHRASE
  process.env.DOISOAT_PASSPHRASE = TEST_PASSPHRASE
  unlockDatabase(
    path,
    {},
    { create: { passphrase: TEST_PASSPHRASE, scrypt: { N: 1 << 12, r: 8, p: 1 } } }
  )
  return () => {
    if (saved === undefined) delete process.env.DOISOAT_PASSPHRASE
    else process.env.DOISOAT_PASSPHRASE = saved
  }
}
