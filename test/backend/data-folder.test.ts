// Web mode keeps its data in the user's data folder, not the working directory: the database when
// no --db is given, and the files a browser uploads (removed when the server stops, and what a
// killed server left removed at the next start).
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { appDataDir } from '../../src/backend/files/data-dir'
import { createBackend, type Backend } from '../../src/backend/host'
import { startWebServer, type WebServer } from '../../src/backend/web/server'
import { serveDatabasePath } from '../../src/cli/commands/serve'
import { tempDir } from '../helpers/tmp'
import { signInAs } from '../helpers/users'

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

describe('uploads in web mode', () => {
  let backend: Backend | null = null
  let web: WebServer | null = null
  afterEach(async () => {
    await web?.close()
    await backend?.close()
    web = null
    backend = null
  })

  it('wait in the data folder, owner-only, and are gone when the server stops', async () => {
    const data = join(dir, 'data')
    const uploads = join(data, 'uploads')
    // A server killed earlier left a plaintext file (process 2^22 + 1 does not exist).
    mkdirSync(join(uploads, '4194305-abc', '1'), { recursive: true })
    writeFileSync(join(uploads, '4194305-abc', '1', 'dan-cu.csv'), 'rec_id,ho_ten\nDC1,Lê Văn A\n')
    const renderer = join(dir, 'renderer')
    mkdirSync(renderer, { recursive: true })
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Đối soát</title>')
    backend = createBackend({ dbPath: join(data, 'doisoat.db'), syncProbeMs: 0, backupCheckMs: 0 })
    web = await startWebServer({ backend, rendererDir: renderer, port: 0, uploadsDir: uploads })
    expect(readdirSync(uploads)).toEqual([])

    await signInAs(backend, 'canbo', 'clerk')
    const login = await fetch(`http://127.0.0.1:${web.port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${web.token}` },
      body: JSON.stringify({ username: 'canbo', password: 'mật-khẩu-thử-1' })
    })
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!
    const res = await fetch(`http://127.0.0.1:${web.port}/api/upload?name=so-ho-tich.csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${web.token}`, cookie },
      body: 'Họ và tên,Ngày sinh\nLê Thị Hoa,1991\n'
    })
    expect(res.status).toBe(200)
    const [mine] = readdirSync(uploads)
    expect(mine).toMatch(new RegExp(`^${process.pid}-`))
    expect(statSync(join(uploads, mine!)).mode & 0o777).toBe(0o700)
    expect(readdirSync(join(uploads, mine!), { recursive: true }).map(String)).toContain(
      join('1', 'so-ho-tich.csv')
    )
    await web.close()
    web = null
    expect(existsSync(join(uploads, mine!))).toBe(false)
  })
})
