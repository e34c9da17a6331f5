// The packaging configuration: valid for electron-builder, and the fuses the README promises
// (no plain-Node mode, no NODE_OPTIONS or --inspect, code only from an asar checked at start).
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Configuration } from 'app-builder-lib'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { DebugLogger } from 'builder-util'

const root = resolve(__dirname, '../..')
let config: Configuration

beforeAll(async () => {
  // Read the way `npm run dist` reads it (electron-builder --config electron-builder.yml).
  config = await getConfig(root, resolve(root, 'electron-builder.yml'), null)
})

describe('electron-builder.yml', () => {
  it('is a valid electron-builder configuration', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('packs the app in an asar whose integrity the binary checks, and loads nothing else', () => {
    expect(config.asar).not.toBe(false)
    expect((config.asar as { disableIntegrity?: boolean } | undefined)?.disableIntegrity).not.toBe(
      true
    )
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true
    })
  })
})
