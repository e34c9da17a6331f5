// Which URLs count as the app's own, in production and in development, and the policies built on them.
import { pathToFileURL } from 'node:url'
import * as electron from 'electron'
import { describe, expect, it, vi } from 'vitest'
import {
  contentSecurityPolicy,
  createUrlPolicy,
  devServerUrl,
  isSafeExternalUrl
} from '../../src/main/security'
import { createMainWindow, mainWindowOptions } from '../../src/main/window'
import { menuTemplate } from '../../src/main/menu'
import { tr } from '../../src/shared/i18n'
import { FakeBrowserWindow } from './fake-electron'

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron())

// Where an installed copy lives on a Vietnamese Linux desktop: diacritics and a space.
const INDEX = '/home/lan/Ứng dụng/Đối soát/resources/app.asar/out/renderer/index.html'

describe('production URL policy', () => {
  const policy = createUrlPolicy({ indexFile: INDEX, platform: 'linux' })

  it('trusts the built index page, with any hash or query', () => {
    const url = pathToFileURL(INDEX).href
    expect(policy.isAppUrl(url)).toBe(true)
    expect(policy.isAppUrl(`${url}#/records?batch=2`)).toBe(true)
    expect(policy.devOrigin).toBeNull()
  })

  it('matches however the path is percent-encoded or normalised', () => {
    // Chromium may hand back NFD (macOS) or other escaping than Node's pathToFileURL.
    const nfd = `file://${encodeURI(INDEX.normalize('NFD'))}`
    expect(policy.isAppUrl(nfd)).toBe(true)
  })

  it('trusts nothing else', () => {
    for (const url of [
      pathToFileURL('/home/lan/Downloads/index.html').href,
      pathToFileURL(INDEX.replace('index.html', 'evil.html')).href,
      'file://attacker-host/home/lan/index.html',
      'http://localhost:5173/',
      'https://evil.example/index.html',
      'about:blank',
      'not a url'
    ]) {
      expect(policy.isAppUrl(url)).toBe(false)
    }
  })

  it('lets the page load its own files only', () => {
    const asset = pathToFileURL(INDEX.replace('index.html', 'assets/index-abc.js')).href
    expect(policy.isAllowedRequest(asset)).toBe(true)
    expect(policy.isAllowedRequest(pathToFileURL('/home/lan/.ssh/id_ed25519').href)).toBe(false)
    expect(policy.isAllowedRequest(pathToFileURL(`${INDEX}/../../renderer-evil/x.js`).href)).toBe(
      false
    )
    const escaped =
      pathToFileURL(INDEX.replace('index.html', '')).href + '..%2F..%2F..%2Fsecret.txt'
    expect(policy.isAllowedRequest(escaped)).toBe(false)
    expect(policy.isAllowedRequest('https://cdn.example/lib.js')).toBe(false)
    expect(policy.isAllowedRequest('wss://relay.example/')).toBe(false)
    expect(policy.isAllowedRequest('data:font/woff2;base64,AA')).toBe(true)
    expect(policy.isAllowedRequest('devtools://devtools/bundled/inspector.html')).toBe(true)
  })

  it('compares Windows paths without case', () => {
    const win = createUrlPolicy({ indexFile: '/C:/App/out/renderer/index.html', platform: 'win32' })
    expect(win.isAppUrl('file:///c:/app/OUT/renderer/index.html')).toBe(true)
  })
})

describe('development URL policy', () => {
  it('honours the dev server only unpackaged and on this machine', () => {
    expect(devServerUrl(false, { ELECTRON_RENDERER_URL: 'http://localhost:5173' })).toBe(
      'http://localhost:5173/'
    )
    expect(devServerUrl(true, { ELECTRON_RENDERER_URL: 'http://localhost:5173' })).toBeUndefined()
    expect(
      devServerUrl(false, { ELECTRON_RENDERER_URL: 'http://192.168.1.9:5173' })
    ).toBeUndefined()
    expect(devServerUrl(false, { ELECTRON_RENDERER_URL: 'https://evil.example' })).toBeUndefined()
    expect(devServerUrl(false, {})).toBeUndefined()
  })

  it('trusts the dev server origin and its hot-reload socket, not files', () => {
    const policy = createUrlPolicy({ indexFile: INDEX, devServerUrl: 'http://localhost:5173/' })
    expect(policy.isAppUrl('http://localhost:5173/#/overview')).toBe(true)
    expect(policy.isAppUrl('http://localhost:5174/')).toBe(false)
    expect(policy.isAppUrl(pathToFileURL(INDEX).href)).toBe(false)
    expect(policy.isAllowedRequest('http://localhost:5173/src/main.tsx')).toBe(true)
    expect(policy.isAllowedRequest('ws://localhost:5173/')).toBe(true)
    expect(policy.isAllowedRequest('https://example.com/')).toBe(false)
  })

  it('widens the CSP for the dev server only', () => {
    const prod = contentSecurityPolicy()
    expect(prod).not.toContain('localhost')
    expect(prod).not.toContain('unsafe-eval')
    const dev = contentSecurityPolicy('http://localhost:5173/')
    expect(dev).toContain("connect-src 'self' http://localhost:5173 ws://localhost:5173")
    expect(dev).toContain("object-src 'none'")
  })
})

describe('external links', () => {
  it('accepts https without credentials only', () => {
    expect(isSafeExternalUrl('https://vneid.gov.vn/')).toBe(true)
    expect(isSafeExternalUrl('http://vneid.gov.vn/')).toBe(false)
    expect(isSafeExternalUrl('https://a:b@vneid.gov.vn/')).toBe(false)
    expect(isSafeExternalUrl('file:///C:/Windows/System32/calc.exe')).toBe(false)
    expect(isSafeExternalUrl('ms-msdt:/id PCWDiagnostic')).toBe(false)
    expect(isSafeExternalUrl(`https://example.com/${'a'.repeat(3000)}`)).toBe(false)
  })
})

describe('window', () => {
  it('loads the dev server URL in development', () => {
    const win = createMainWindow({
      preload: '/out/preload/index.js',
      indexFile: INDEX,
      devServerUrl: 'http://localhost:5173/',
      isPackaged: false,
      title: 'Đối soát'
    }) as unknown as FakeBrowserWindow
    expect(win.loadURL).toHaveBeenCalledWith('http://localhost:5173/')
    expect(win.loadFile).not.toHaveBeenCalled()
    expect(win.show).not.toHaveBeenCalled()
    win.emit('ready-to-show')
    expect(win.show).toHaveBeenCalled()
    expect(electron.BrowserWindow).toBe(FakeBrowserWindow)
  })

  it('has no devtools once packaged', () => {
    const options = mainWindowOptions({
      preload: '/p.js',
      indexFile: INDEX,
      isPackaged: true,
      title: 'Đối soát'
    })
    expect(options.webPreferences?.devTools).toBe(false)
    expect(options.show).toBe(false)
  })
})

describe('menu', () => {
  it('is Vietnamese, with reload and devtools in development only', () => {
    const t = (key: string): string => tr(key)
    const roles = (template: ReturnType<typeof menuTemplate>): string[] =>
      JSON.stringify(template).match(/"role":"(\w+)"/g) ?? []
    const packaged = menuTemplate(t, { isPackaged: true, platform: 'win32' })
    expect(packaged.map((m) => m.label)).toEqual(['Tệp', 'Sửa', 'Xem', 'Cửa sổ'])
    expect(roles(packaged).join()).not.toMatch(/toggleDevTools|reload/)
    const dev = menuTemplate(t, { isPackaged: false, platform: 'linux' })
    expect(roles(dev).join()).toMatch(/toggleDevTools/)
  })
})
