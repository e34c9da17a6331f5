// The app on a Linux desktop without a secret store, started without a passphrase: main refuses to
// keep the database key behind Electron's fixed password and says, in a dialog, how to start.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import * as electron from 'electron'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { tr } from '../../src/shared/i18n'
import { keyFilePath } from '../../src/backend/crypto/key-file'
import type { FakeElectron } from './fake-electron'

vi.mock('electron', async () => {
  const fake = (await import('./fake-electron')).createFakeElectron()
  fake.safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text')
  return fake
})

const fake = electron as unknown as FakeElectron

beforeAll(async () => {
  delete process.env.DOISOAT_PASSPHRASE
  delete process.env.DOISOAT_RECOVERY_KEY
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
  await import('../../src/main/index')
  await vi.waitFor(() => expect(fake.app.exit).toHaveBeenCalled())
})

describe.runIf(process.platform === 'linux')('Linux with basic_text', () => {
  it('shows why and how to start with a passphrase, then exits; no key written, no backend', () => {
    expect(fake.dialog.showErrorBox).toHaveBeenCalledWith(
      tr('shell.startFailedTitle'),
      tr('errors.keychain_weak', { backend: 'basic_text', min: 10 })
    )
    expect(String(fake.dialog.showErrorBox.mock.calls[0]![1])).toContain('DOISOAT_PASSPHRASE')
    expect(fake.app.exit).toHaveBeenCalledWith(1)
    expect(fake.safeStorage.encryptString).not.toHaveBeenCalled()
    expect(fake.utilityProcess.fork).not.toHaveBeenCalled()
    expect(existsSync(keyFilePath(join(fake.app.getPath('userData'), 'doisoat.db')))).toBe(false)
  })
})
