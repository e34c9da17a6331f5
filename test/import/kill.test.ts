// A crash in the middle of an import (SIGKILL, no chance to clean up) leaves the database unchanged and valid.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDb } from '../../src/backend/db/open'
import { unlockDatabase } from '../../src/backend/crypto/unlock'
import { tempDir } from '../helpers/tmp'

const root = resolve(__dirname, '../..')
const cli = join(root, 'bin/doisoat.cjs')
const dir = tempDir()

// The CLI encrypts by default: the crash happens to an encrypted database and its encrypted WAL.
const passphrase = 'kill test passphrase'
const env = { ...process.env, DOISOAT_PASSPHRASE: passphrase }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('import under SIGKILL', () => {
  it('kill -9 mid-file: no batch, no rows, integrity ok; the same file then imports whole', async () => {
    const sample = join(dir, 'sample')
    const gen = spawnSync(
      'node',
      [
        cli,
        'sample',
        '--out',
        sample,
        '--population',
        '200000',
        '--registry',
        '2000',
        '--no-legacy'
      ],
      {
        encoding: 'utf8'
      }
    )
    expect(gen.status, gen.stderr).toBe(0)
    const db = join(dir, 'kill.db')
    // A first, finished import: it must survive the crash of the second.
    const first = spawnSync(
      'node',
      [cli, 'import', '--db', db, '--kind', 'registry', '--file', join(sample, 'registry.csv')],
      {
        encoding: 'utf8',
        env
      }
    )
    expect(first.status, first.stderr).toBe(0)

    const child = spawn(
      'node',
      [cli, 'import', '--db', db, '--kind', 'population', '--file', join(sample, 'population.csv')],
      {
        stdio: 'ignore',
        env
      }
    )
    const wal = `${db}-wal`
    // Kill once the transaction has written a good part of the file into the WAL.
    const deadline = Date.now() + 60_000
    while (Date.now() < deadline && !(existsSync(wal) && statSync(wal).size > 8 * 1024 * 1024))
      await sleep(20)
    expect(statSync(wal).size).toBeGreaterThan(8 * 1024 * 1024)
    child.kill('SIGKILL')
    await new Promise((r) => child.once('exit', r))

    unlockDatabase(db, { passphrase })
    const conn = openDb(db)
    expect(conn.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(conn.prepare('SELECT kind FROM import_batch').pluck().all()).toEqual(['registry'])
    expect(conn.prepare('SELECT count(*) FROM population_record').pluck().get()).toBe(0)
    expect(conn.prepare('SELECT count(*) FROM source_record').pluck().get()).toBe(2000)
    conn.close()

    const again = spawnSync(
      'node',
      [cli, 'import', '--db', db, '--kind', 'population', '--file', join(sample, 'population.csv')],
      {
        encoding: 'utf8',
        env
      }
    )
    expect(again.status, again.stderr).toBe(0)
    const after = openDb(db)
    expect(after.prepare('SELECT count(*) FROM population_record').pluck().get()).toBe(200000)
    after.close()
  }, 240_000)
})
