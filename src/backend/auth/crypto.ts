// Password hashes (scrypt, per-user salt) and Ed25519 signing keys encrypted under the password.
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  scrypt,
  sign,
  timingSafeEqual,
  verify,
  type KeyObject
} from 'node:crypto'

/** scrypt cost: 32 MiB and about 0.1 s per derivation on a laptop; stored with each hash. */
const COST = { N: 1 << 15, r: 8, p: 1 }
const MAXMEM = 128 * COST.N * COST.r * 2

function derive(
  password: string,
  salt: Buffer,
  cost: { N: number; r: number; p: number } = COST
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, 32, { ...cost, maxmem: MAXMEM }, (err, key) =>
      err ? reject(err) : resolve(key)
    )
  )
}

/** `scrypt$N$r$p$salt$hash` (base64): the parameters travel with the hash so they can grow. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const hash = await derive(password, salt)
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), hash.toString('base64')].join(
    '$'
  )
}

export async function checkPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const got = await derive(password, Buffer.from(salt, 'base64'), {
    N: Number(N),
    r: Number(r),
    p: Number(p)
  })
  return got.length === expected.length && timingSafeEqual(got, expected)
}

export interface SealedKey {
  keySalt: Buffer
  /** iv (12) | tag (16) | AES-256-GCM ciphertext of the PKCS#8 DER private key. */
  sealed: Buffer
}

/** Encrypts a private key with a key derived from the password (scrypt → AES-256-GCM). */
export async function sealPrivateKey(key: KeyObject, password: string): Promise<SealedKey> {
  const keySalt = randomBytes(16)
  const aes = await derive(password, keySalt)
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', aes, iv)
  const der = key.export({ type: 'pkcs8', format: 'der' })
  const body = Buffer.concat([cipher.update(der), cipher.final()])
  return { keySalt, sealed: Buffer.concat([iv, cipher.getAuthTag(), body]) }
}

/** The private key, or an error when the password is wrong or the bytes were altered. */
export async function openPrivateKey(s: SealedKey, password: string): Promise<KeyObject> {
  const aes = await derive(password, s.keySalt)
  const decipher = createDecipheriv('aes-256-gcm', aes, s.sealed.subarray(0, 12))
  decipher.setAuthTag(s.sealed.subarray(12, 28))
  const der = Buffer.concat([decipher.update(s.sealed.subarray(28)), decipher.final()])
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })
}

export interface KeyPair {
  privateKey: KeyObject
  /** SPKI DER, base64: the form packages and the gateway carry. */
  publicKey: string
  fingerprint: string
}

export function newKeyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  const spki = publicKey.export({ type: 'spki', format: 'der' }).toString('base64')
  return { privateKey, publicKey: spki, fingerprint: fingerprintOf(spki) }
}

/** SHA-256 of the SPKI DER, hex: what an admin compares and registers for another machine's key. */
export function fingerprintOf(publicKey: string): string {
  return createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex')
}

/** The fingerprint in groups of four, for reading aloud or on paper. */
export function groupFingerprint(fp: string): string {
  return (fp.match(/.{1,4}/g) ?? []).join(' ')
}

export function signBytes(key: KeyObject, bytes: Uint8Array): string {
  return sign(null, bytes, key).toString('base64')
}

/** False for a bad signature, a malformed key or a malformed signature; never throws. */
export function verifyBytes(publicKey: string, bytes: Uint8Array, signature: string): boolean {
  try {
    const key = createPublicKey({
      key: Buffer.from(publicKey, 'base64'),
      format: 'der',
      type: 'spki'
    })
    if (key.asymmetricKeyType !== 'ed25519') return false
    return verify(null, bytes, key, Buffer.from(signature, 'base64'))
  } catch {
    return false
  }
}

export function sha256Hex(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex')
}
