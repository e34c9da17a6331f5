// A second copy of the app quits at once (the first one gets focus): one process owns the database.
import * as electron from 'electron'
import { expect, it, vi } from 'vitest'
import type { FakeElectron } from './fake-electron'

vi.mock('electron', async () => {
  const fake = (await import('./fake-electron')).createFakeElectron()
  fake.app.lock = false
  return fake
})

it('quits without a window or a backend when another instance holds the lock', async () => {
  const fake = electron as unknown as FakeElectron
  await import('../../src/main/index')
  await new Promise((r) => setTimeout(r, 0))
  expect(fake.app.quit).toHaveBeenCalled()
  expect(fake.app.whenReady).not.toHaveBeenCalled()
  expect(fake.utilityProcess.fork).not.toHaveBeenCalled()
})
