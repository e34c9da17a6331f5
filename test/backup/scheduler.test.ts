// The scheduled backup: daily by default, to the folder an admin chose; what the dashboard reads
// (the last good backup and its age); only an admin changes the settings.
import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { saveBackupSettings } from '../../src/backend/backup/backup'
import { openDb } from '../../src/backend/db/open'
import { createBackend, type Backend, type Caller } from '../../src/backend/host'
import { apiHelpers } from '../helpers/api'
import { tempDir } from '../helpers/tmp'
import { signInAs, TEST_ADMIN } from '../helpers/users'

const dir = tempDir('doisoat-schedule-')
const folder = join(dir, 'usb')
const HOUR = 3_600_000
let clock = Date.UTC(2026, 2, 1, 8)
let backend: Backend
let admin: Caller
let clerk: Caller

beforeAll(async () => {
  mkdirSync(folder)
  // The folder an admin chose earlier: the schedule starts with the backend.
  const dbPath = join(dir, 'xa.db')
  const db = openDb(dbPath)
  saveBackupSettings(db, { folder })
  db.close()
  backend = createBackend({
    dbPath,
    syncProbeMs: 0,
    backupCheckMs: 20,
    now: () => clock,
    sessionMinutes: 100 * 24 * 60
  })
  admin = await signInAs(backend, TEST_ADMIN, 'admin')
  clerk = await signInAs(backend, 'canbo', 'clerk')
})
afterAll(async () => {
  await backend.close()
})

const asAdmin = apiHelpers(() => admin)
const asClerk = apiHelpers(() => clerk)

async function until(what: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000
  while (!(await what())) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 20))
  }
  // Let a job that just finished log itself.
  await new Promise((r) => setTimeout(r, 50))
}

const backups = (): string[] => readdirSync(folder).filter((f) => f.endsWith('.bak'))

describe('scheduled backups', () => {
  it('only an admin chooses the folder; it must be an absolute path that exists and can be written', async () => {
    expect((await asClerk.fail('backup/configure', { folder })).code).toBe('forbidden')
    expect((await asAdmin.fail('backup/configure', { folder: 'usb' })).code).toBe(
      'backup_folder_missing'
    )
    expect((await asAdmin.fail('backup/configure', { folder: join(dir, 'none') })).code).toBe(
      'backup_folder_missing'
    )
    const s = await asAdmin.call('backup/configure', { folder, keepLast: 5 })
    expect(s).toMatchObject({ folder, folderChosen: true, keepLast: 5, intervalHours: 24 })
    expect(readdirSync(dir)).not.toContain('doisoat-backups')
  })

  it('runs when due (never backed up, then a day later), and the status says how old the last one is', async () => {
    await until(async () => (await asClerk.call('backup/status', {})).last !== null)
    const first = await asClerk.call('backup/status', {})
    expect(first.last).toMatchObject({ reason: 'scheduled', ok: true })
    expect(first).toMatchObject({ due: false, lastPresent: true, ageHours: 0 })
    expect(backups()).toHaveLength(1)

    clock += 5 * HOUR
    await new Promise((r) => setTimeout(r, 100))
    expect(backups()).toHaveLength(1)
    expect((await asClerk.call('backup/status', {})).ageHours).toBe(5)

    clock += 20 * HOUR
    await until(() => Promise.resolve(backups().length === 2))
    const second = await asClerk.call('backup/status', {})
    expect(second.ageHours).toBe(0)
    expect(second.last!.id).toBeGreaterThan(first.last!.id)
  })

  it('turned off, it does not run; a backup on demand still does', async () => {
    await asAdmin.call('backup/configure', { enabled: false })
    clock += 48 * HOUR
    await new Promise((r) => setTimeout(r, 150))
    expect(backups()).toHaveLength(2)
    const s = await asClerk.call('backup/status', {})
    expect(s).toMatchObject({ enabled: false, due: false, ageHours: 48 })
    const { jobId } = await asClerk.call('backup/run', {})
    await backend.jobs.wait(jobId)
    expect(backups()).toHaveLength(3)
    const list = await asClerk.call('backup/list', {})
    expect(list.map((b) => b.logged?.reason)).toEqual(['manual', 'scheduled', 'scheduled'])
    expect(list.every((b) => b.keyFile === false)).toBe(true) // a clear test database has no key file
  })
})

describe('the list before any backup', () => {
  it('is empty while the default folder does not exist yet; a chosen folder that is missing is said so', async () => {
    const dbPath = join(dir, 'new.db')
    const fresh = createBackend({ dbPath, syncProbeMs: 0, backupCheckMs: 0 })
    try {
      const asMe = apiHelpers(await signInAs(fresh, TEST_ADMIN, 'admin').then((me) => () => me))
      expect(readdirSync(dir)).not.toContain('doisoat-backups')
      expect(await asMe.call('backup/list', {})).toEqual([])
      const usb = join(dir, 'usb-2')
      mkdirSync(usb)
      await asMe.call('backup/configure', { folder: usb })
      rmSync(usb, { recursive: true })
      expect((await asMe.fail('backup/list', {})).code).toBe('backup_folder_missing')
    } finally {
      await fresh.close()
    }
  })
})
