// A new passphrase has a minimum length wherever it is set: a new database (CLI, and web mode's
// first run, which unlocks through the same path), a passphrase change, and the key file itself.
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { keyFilePath, MIN_PASSPHRASE_LENGTH, newKeyEntry } from '../../src/backend/crypto/key-file'
import { unlockDatabase } from '../../src/backend/crypto/unlock'
import { main } from '../../src/cli/main'
import { tempDir } from '../helpers/tmp'

const dir = tempDir('doisoat-passphrase-')
const saved = process.env.DOISOAT_PASSPHRASE
afterAll(() => {
  if (saved === undefined) delete process.env.DOISOAT_PASSPHRASE
  else process.env.DOISOAT_PASSPHRASE = saved
})

async function cli(...argv: string[]) {
  const err: string[] = []
  const code = await main([...argv, '--lang', 'en'], {
    out: () => undefined,
    err: (l) => err.push(l)
  })
  return { code, err: err.join('\n') }
}

const fast = { N: 1 << 12, r: 8, p: 1 }

describe('the passphrase of a new database', () => {
  it('is refused when shorter than the minimum, and nothing is created', async () => {
    expect(MIN_PASSPHRASE_LENGTH).toBeGreaterThanOrEqual(10)
    for (const short of ['x', '123456789', '   abc   ']) {
      process.env.DOISOAT_PASSPHRASE = short
      const db = join(dir, 'short.db')
      const r = await cli('db', 'migrate', '--db', db)
      expect(r.code).toBe(1)
      expect(r.err).toContain(`needs at least ${MIN_PASSPHRASE_LENGTH} characters`)
      expect(existsSync(db)).toBe(false)
      expect(existsSync(keyFilePath(db))).toBe(false)
    }
    // Accents count as characters, not as bytes.
    process.env.DOISOAT_PASSPHRASE = 'mật khẩu dài'
    expect((await cli('db', 'migrate', '--db', join(dir, 'ok.db'))).code).toBe(0)
  })

  it('a passphrase change to a short one is refused; the old one still opens', async () => {
    const db = join(dir, 'change.db')
    process.env.DOISOAT_PASSPHRASE = 'cụm mật khẩu ban đầu'
    expect((await cli('db', 'migrate', '--db', db)).code).toBe(0)
    const file = join(dir, 'new-passphrase.txt')
    writeFileSync(file, 'ngắn\n')
    const r = await cli(
      'db',
      'rekey',
      '--db',
      db,
      '--passphrase-only',
      '--new-passphrase-file',
      file
    )
    expect(r.code).toBe(1)
    expect(r.err).toContain('needs at least')
    expect(unlockDatabase(db, { passphrase: 'cụm mật khẩu ban đầu' }).key).toHaveLength(32)
  })

  it('the key file refuses to wrap a key under a short passphrase, whoever asks', () => {
    expect(() => newKeyEntry({ passphrase: '', scrypt: fast })).toThrow(
      expect.objectContaining({ code: 'passphrase_too_short' })
    )
    expect(newKeyEntry({ passphrase: 'đủ dài rồi đấy', scrypt: fast }).key).toHaveLength(32)
  })
})
