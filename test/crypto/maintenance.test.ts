// While one process rewrites a database's file (encrypt, rekey), others refuse to open or unlock
// it, with a clear message; a lock left by a process that died is taken over.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { errorText } from '../../src/shared/i18n'
import type { ApiErrorShape } from '../../src/shared/errors'
import { changeDataKey, unlockDatabase } from '../../src/backend/crypto/unlock'
import { forgetDatabaseKeys, openDb } from '../../src/backend/db/open'
import { maintenanceLockPath, withMaintenanceLock } from '../../src/backend/db/maintenance-lock'
import { main } from '../../src/cli/main'
import { encryptedDatabase, TEST_PASSPHRASE } from '../helpers/encrypted'
import { tempDir } from '../helpers/tmp'

const dir = tempDir('doisoat-maintenance-')
const fast = { N: 1 << 12, r: 8, p: 1 }
const restore: (() => void)[] = []
afterAll(() => restore.forEach((r) => r()))

function database(name: string): string {
  const db = join(dir, name)
  restore.push(encryptedDatabase(db))
  openDb(db).close()
  return db
}

/** A child process holding the lock for `ms`; resolves once it has it. */
function holder(db: string, ms: number) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', resolve(__dirname, 'maintenance-child.ts'), db, String(ms)],
    { stdio: ['ignore', 'pipe', 'inherit'] }
  )
  const locked = new Promise<void>((ok, fail) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && ok())
    child.on('exit', () => fail(new Error('the child ended before taking the lock')))
  })
  const exited = new Promise<void>((ok) => child.on('exit', () => ok()))
  return { child, locked, exited }
}

async function cli(...argv: string[]) {
  const err: string[] = []
  const code = await main([...argv, '--lang', 'en'], {
    out: () => undefined,
    err: (l) => err.push(l)
  })
  return { code, err: err.join('\n') }
}

describe('the maintenance lock', () => {
  it('another process holding it: opens, unlocks and CLI commands refuse, then work once it is done', async () => {
    const db = database('held.db')
    const h = holder(db, 4000)
    await h.locked
    const pid = h.child.pid!
    let refused: unknown = null
    try {
      openDb(db)
    } catch (e) {
      refused = e
    }
    expect(refused).toMatchObject({ code: 'db_maintenance', params: { pid } })
    expect(errorText(refused as ApiErrorShape, 'en')).toContain(
      'being re-encrypted by another program'
    )
    forgetDatabaseKeys()
    expect(() => unlockDatabase(db, { passphrase: TEST_PASSPHRASE })).toThrow(
      expect.objectContaining({ code: 'db_maintenance' })
    )
    expect(() => withMaintenanceLock(db, () => 1)).toThrow(
      expect.objectContaining({ code: 'db_maintenance' })
    )
    const info = await cli('db', 'info', '--db', db)
    expect(info.code).toBe(1)
    expect(info.err).toContain('being re-encrypted')
    await h.exited
    expect(existsSync(maintenanceLockPath(db))).toBe(false)
    unlockDatabase(db, { passphrase: TEST_PASSPHRASE })
    openDb(db).close()
  }, 60_000)

  it('a lock left by a process that died is ignored, and taken over by the next rewrite', () => {
    const db = database('stale.db')
    const dead = spawnSync(process.execPath, ['-e', '0']).pid
    writeFileSync(maintenanceLockPath(db), JSON.stringify({ pid: dead, host: hostname() }))
    openDb(db).close()
    expect(withMaintenanceLock(db, () => 'done')).toBe('done')
    expect(existsSync(maintenanceLockPath(db))).toBe(false)
  })

  it('a rekey takes the lock for its whole length and gives it back', async () => {
    const db = database('rekey.db')
    const key = unlockDatabase(db, { passphrase: TEST_PASSPHRASE }).key
    const h = holder(db, 3000)
    await h.locked
    expect(() => changeDataKey(db, key, { passphrase: TEST_PASSPHRASE, scrypt: fast })).toThrow(
      expect.objectContaining({ code: 'db_maintenance' })
    )
    await h.exited
    const made = changeDataKey(db, key, { passphrase: TEST_PASSPHRASE, scrypt: fast })
    expect(made.recoveryKey).toBeTruthy()
    expect(existsSync(maintenanceLockPath(db))).toBe(false)
    openDb(db).close()
  }, 60_000)
})
