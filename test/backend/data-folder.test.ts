// Web mode keeps its data in the user's data folder, not the working directory: the database when
// no --db is given (its uploads wait beside it: see web-uploads tests).
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appDataDir } from '../../src/backend/files/data-dir'
import { serveDatabasePath } from '../../src/cli/commands/serve'
import { tempDir } from '../helpers/tmp'

const dir = tempDir('doisoat-data-folder-')

describe('the data folder', () => {
  it('is per user on each system, never the working directory', () => {
    expect(appDataDir({ XDG_DATA_HOME: '/srv/xdg' }, 'linux', '/home/lan')).toBe('/srv/xdg/doisoat')
    expect(appDataDir({}, 'linux', '/home/lan')).toBe('/home/lan/.local/share/doisoat')
    // A relative XDG_DATA_HOME is invalid (XDG rule): it would land in the working directory.
    expect(appDataDir({ XDG_DATA_HOME: 'data' }, 'linux', '/home/lan')).toBe(
      '/home/lan/.local/share/doisoat'
    )
    expect(appDataDir({}, 'darwin', '/Users/lan')).toBe(
      '/Users/lan/Library/Application Support/doisoat'
    )
    expect(
      appDataDir({ APPDATA: 'C:\\Users\\Lan\\AppData\\Roaming' }, 'win32', 'C:\\Users\\Lan')
    ).toBe('C:\\Users\\Lan\\AppData\\Roaming\\doisoat')
    expect(appDataDir({}, 'win32', 'C:\\Users\\Lan')).toBe(
      'C:\\Users\\Lan\\AppData\\Roaming\\doisoat'
    )
  })

  it('holds web mode’s database unless --db is given, created for its owner only', () => {
    const before = process.env.XDG_DATA_HOME
    process.env.XDG_DATA_HOME = join(dir, 'xdg')
    try {
      const db = serveDatabasePath(undefined)
      expect(db).toBe(join(dir, 'xdg', 'doisoat', 'doisoat.db'))
      expect(statSync(join(dir, 'xdg', 'doisoat')).mode & 0o777).toBe(0o700)
      expect(serveDatabasePath('x/y.db')).toBe(join(process.cwd(), 'x', 'y.db'))
    } finally {
      if (before === undefined) delete process.env.XDG_DATA_HOME
      else process.env.XDG_DATA_HOME = before
    }
  })
})
