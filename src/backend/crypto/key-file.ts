// Database keys: the data key comes from a random recovery key (kept on paper); the key file
// (`D.keys.json`) holds it wrapped by a passphrase and by the OS keychain. Nothing in the file
// opens the database without one of those secrets.
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  scryptSync
} from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { MIN_PASSPHRASE_LENGTH } from '../../shared/api'
import { AppError } from '../../shared/errors'
import { normalizeRecoveryKey, RECOVERY_ALPHABET } from '../../core/recovery-key'
import { writeFileAtomicSync } from '../files/write-atomic'

export const DATA_KEY_BYTES = 32

/** scrypt cost: N = 2^17, r = 8 (128 MiB, about 0.4 s here): a guessed passphrase costs as much. */
export const DEFAULT_SCRYPT = { N: 1 << 17, r: 8, p: 1 } as const
export type ScryptParams = { N: number; r: number; p: number }

/** A data key encrypted (AES-256-GCM) under a key derived with scrypt from a passphrase. */
export interface ScryptWrap {
  kdf: 'scrypt'
  N: number
  r: number
  p: number
  salt: string
  iv: string
  tag: string
  ct: string
}

/** A data key encrypted by the OS keychain (Electron safeStorage); opaque to us. */
export interface KeychainWrap {
  blob: string
}

export interface KeyEntry {
  id: string
  /** HMAC of a constant under the data key: tells which entry a key belongs to, reveals nothing. */
  check: string
  created: string
  /** Set while `db rekey` has written the new key but not yet switched the database file. */
  pending?: boolean
  wraps: { passphrase?: ScryptWrap; keychain?: KeychainWrap }
}

export interface KeyFile {
  format: 'doisoat-keys'
  version: 1
  /** SQLite3MultipleCiphers scheme: SQLCipher 4 (AES-256-CBC, HMAC-SHA512), raw 256-bit key. */
  cipher: 'sqlcipher'
  /** First the key in use; a second one only during a rekey. */
  keys: KeyEntry[]
}

/** What can unwrap a data key. */
export interface Secret {
  passphrase?: string
  recoveryKey?: string
  /** Electron safeStorage.decryptString, in the main process. */
  keychain?: (blob: Buffer) => string
}

export const keyCheck = (key: Buffer): string =>
  createHmac('sha256', key).update('doisoat key check').digest('hex').slice(0, 32)

export const keyFilePath = (dbPath: string): string => `${dbPath}.keys.json`

// ---- recovery keys: 8 groups of 4 base32 characters (160 bits), easy to copy onto paper ----------

const BASE32 = RECOVERY_ALPHABET

export function newRecoveryKey(): string {
  return encodeRecoveryKey(randomBytes(20))
}

function encodeRecoveryKey(bytes: Buffer): string {
  let bits = 0
  let value = 0
  let out = ''
  for (const b of bytes) {
    value = (value << 8) | b
    bits += 8
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  return out.match(/.{4}/g)!.join('-')
}

/**
 * The data key of a recovery key: HKDF-SHA256 of its 160 random bits. The recovery key alone
 * opens the database, even when the key file is lost; a recovery key mistyped is simply a wrong
 * key (the database refuses it).
 */
export function dataKeyFromRecovery(recoveryKey: string): Buffer | null {
  const text = normalizeRecoveryKey(recoveryKey)
  if (!/^[A-Z2-7]{32}$/.test(text)) return null
  const bytes = Buffer.alloc(20)
  let bits = 0
  let value = 0
  let k = 0
  for (const ch of text) {
    value = ((value << 5) | BASE32.indexOf(ch)) & 0xffff
    bits += 5
    if (bits >= 8) {
      bytes[k++] = (value >>> (bits - 8)) & 255
      bits -= 8
    }
  }
  return Buffer.from(
    hkdfSync('sha256', bytes, Buffer.alloc(0), 'doisoat data key v1', DATA_KEY_BYTES)
  )
}

// ---- wrapping -----------------------------------------------------------------------------------

const aad = (entryId: string, slot: string): Buffer =>
  Buffer.from(`doisoat-keys/1/${entryId}/${slot}`)

export function scryptWrap(
  key: Buffer,
  secret: string,
  entryId: string,
  slot: 'passphrase',
  params: ScryptParams = DEFAULT_SCRYPT
): ScryptWrap {
  const salt = randomBytes(16)
  const kek = scryptSync(secret.normalize('NFC'), salt, 32, {
    ...params,
    maxmem: 512 * 1024 * 1024
  })
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', kek, iv)
  cipher.setAAD(aad(entryId, slot))
  const ct = Buffer.concat([cipher.update(key), cipher.final()])
  return {
    kdf: 'scrypt',
    ...params,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ct: ct.toString('base64')
  }
}

/** The data key, or null when the secret is not the one that wrapped it (GCM tag mismatch). */
export function scryptUnwrap(
  w: ScryptWrap,
  secret: string,
  entryId: string,
  slot: 'passphrase'
): Buffer | null {
  const kek = scryptSync(secret.normalize('NFC'), Buffer.from(w.salt, 'base64'), 32, {
    N: w.N,
    r: w.r,
    p: w.p,
    maxmem: 512 * 1024 * 1024
  })
  const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(w.iv, 'base64'))
  decipher.setAAD(aad(entryId, slot))
  decipher.setAuthTag(Buffer.from(w.tag, 'base64'))
  try {
    return Buffer.concat([decipher.update(Buffer.from(w.ct, 'base64')), decipher.final()])
  } catch {
    return null
  }
}

export { MIN_PASSPHRASE_LENGTH }

/** Refuse a passphrase too short to resist guessing (counted in characters, as typed). */
export function checkNewPassphrase(passphrase: string): void {
  if ([...passphrase.normalize('NFC').trim()].length < MIN_PASSPHRASE_LENGTH)
    throw new AppError('passphrase_too_short', { min: MIN_PASSPHRASE_LENGTH })
}

export interface NewEntryOptions {
  passphrase?: string
  /** Electron safeStorage.encryptString. */
  keychainEncrypt?: (plain: string) => Buffer
  scrypt?: ScryptParams
}

/** A new data key from a fresh recovery key (returned once, never stored), and its key entry. */
export function newKeyEntry(o: NewEntryOptions): {
  entry: KeyEntry
  key: Buffer
  recoveryKey: string
} {
  const id = randomBytes(8).toString('hex')
  const recoveryKey = newRecoveryKey()
  const key = dataKeyFromRecovery(recoveryKey)!
  const entry: KeyEntry = { id, check: keyCheck(key), created: new Date().toISOString(), wraps: {} }
  addWraps(entry, key, o)
  return { entry, key, recoveryKey }
}

/** Wrap `key` (the entry's data key) by a passphrase and/or the keychain, replacing older wraps. */
export function addWraps(entry: KeyEntry, key: Buffer, o: NewEntryOptions): void {
  if (o.passphrase !== undefined) checkNewPassphrase(o.passphrase)
  if (o.passphrase !== undefined)
    entry.wraps.passphrase = scryptWrap(key, o.passphrase, entry.id, 'passphrase', o.scrypt)
  if (o.keychainEncrypt)
    entry.wraps.keychain = { blob: o.keychainEncrypt(key.toString('hex')).toString('base64') }
}

/**
 * The data keys this secret gives, in the key file's order (the key in use first). A recovery key
 * gives its key whether or not there is a key file.
 */
export function unwrapKeys(
  file: KeyFile | null,
  secret: Secret
): { entry: KeyEntry | null; key: Buffer }[] {
  const out: { entry: KeyEntry | null; key: Buffer }[] = []
  if (secret.recoveryKey !== undefined) {
    const key = dataKeyFromRecovery(secret.recoveryKey)
    if (key) out.push({ entry: null, key })
  }
  for (const entry of file?.keys ?? []) {
    let key: Buffer | null = null
    const { passphrase, keychain } = entry.wraps
    if (!key && secret.keychain && keychain) {
      try {
        const hex = secret.keychain(Buffer.from(keychain.blob, 'base64'))
        if (/^[0-9a-f]{64}$/.test(hex)) key = Buffer.from(hex, 'hex')
      } catch {
        key = null // another user's or another machine's keychain
      }
    }
    if (!key && secret.passphrase !== undefined && passphrase)
      key = scryptUnwrap(passphrase, secret.passphrase, entry.id, 'passphrase')
    if (key && keyCheck(key) === entry.check) out.push({ entry, key })
  }
  return out
}

// ---- the file -----------------------------------------------------------------------------------

export function readKeyFile(dbPath: string): KeyFile | null {
  const path = keyFilePath(dbPath)
  if (!existsSync(path)) return null
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch (e) {
    throw new AppError('key_file_invalid', { path, detail: (e as Error).message })
  }
  const f = parsed as Partial<KeyFile>
  if (f.format !== 'doisoat-keys' || f.version !== 1 || !Array.isArray(f.keys) || !f.keys.length)
    throw new AppError('key_file_invalid', { path, detail: 'format' })
  return f as KeyFile
}

export function writeKeyFile(dbPath: string, file: KeyFile): void {
  writeFileAtomicSync(keyFilePath(dbPath), `${JSON.stringify(file, null, 2)}\n`)
}

export function newKeyFile(entry: KeyEntry): KeyFile {
  return { format: 'doisoat-keys', version: 1, cipher: 'sqlcipher', keys: [entry] }
}

/**
 * Add or replace the passphrase and/or keychain wrap of the key in use (after a recovery, or a
 * new passphrase). Creates the key file if it was lost.
 */
export function rewrapKey(path: string, key: Buffer, o: NewEntryOptions): void {
  const file = readKeyFile(path)
  const check = keyCheck(key)
  const entry = file?.keys.find((e) => e.check === check) ?? {
    id: check.slice(0, 16),
    check,
    created: new Date().toISOString(),
    wraps: {}
  }
  addWraps(entry, key, o)
  const others = (file?.keys ?? []).filter((e) => e.check !== check)
  writeKeyFile(path, file ? { ...file, keys: [entry, ...others] } : newKeyFile(entry))
}
