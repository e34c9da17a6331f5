// db rekey and db encrypt show the new recovery key before the audit write: when that write
// fails, the key (which alone opens the re-encrypted file) has already been printed.
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import type * as Audit from '../../src/backend/audit/audit'
import { unlockDatabase } from '../../src/backend/crypto/unlock'
import { forgetDatabaseKeys, openDb } from '../../src/backend/db/open'
import { main } from '../../src/cli/main'
import { encryptedDatabase } from '../helpers/encrypted'
import { tempDir } from '../helpers/tmp'

vi.mock('../../src/backend/audit/audit', async (original) => {
  const m = await original<typeof Audit>()
  return {
    ...m,
    appendAudit: (...args: Parameters<typeof m.appendAudit>) => {
      if (args[1].action === 'db/rekey' || args[1].action === 'db/encrypt')
        throw new Error('disk I/O error')
      return m.appendAudit(...args)
    }
  }
})

const dir = tempDir('doisoat-rekey-audit-')
const restore: (() => void)[] = []
afterAll(() => restore.forEach((r) => r()))

const recoveryOf = (text: string): string | null =>
  /\n {4}((?:[A-Z2-7]{4}-){7}[A-Z2-7]{4})\n/.exec(`\n${text}\n`)?.[1] ?? null

async function cli(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('a failing audit write after the swap', () => {
  it('db rekey: exit 1, but the new recovery key was printed and opens the database', async () => {
    const db = join(dir, 'rekey.db')
    restore.push(encryptedDatabase(db))
    openDb(db).close()
    const r = await cli('db', 'rekey', '--db', db)
    expect(r.code).toBe(1)
    const key = recoveryOf(r.out)
    expect(key).not.toBeNull()
    forgetDatabaseKeys()
    unlockDatabase(db, { recoveryKey: key! })
    openDb(db, { readonly: true }).close()
  })

  it('db encrypt: the same', async () => {
    const db = join(dir, 'plain.db')
    openDb(db, { key: null }).close()
    const r = await cli('db', 'encrypt', '--db', db)
    expect(r.code).toBe(1)
    const key = recoveryOf(r.out)
    expect(key).not.toBeNull()
    forgetDatabaseKeys()
    unlockDatabase(db, { recoveryKey: key! })
    openDb(db, { readonly: true }).close()
  })
})
