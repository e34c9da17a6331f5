// The main process as wired by src/main/index.ts, against a fake 'electron': window, hardening, CSP,
// the backend utility process and the IPC relay.
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import * as electron from 'electron'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Result } from '../../src/shared/errors'
import { contentSecurityPolicy, metaContentSecurityPolicy } from '../../src/shared/csp'
import { FakeBrowserWindow, FakeWebContents } from './fake-electron'
import type { FakeChild, FakeElectron } from './fake-electron'

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron())

const fake = electron as unknown as FakeElectron
type Handler = (...args: unknown[]) => unknown

let win: FakeBrowserWindow
let child: FakeChild
let indexFile: string
let appUrl: string

function flush(): Promise<void> {
  return new Promise((r) => setTimeout(r, 0))
}

beforeAll(async () => {
  delete process.env.ELECTRON_RENDERER_URL
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
  await import('../../src/main/index')
  await flush()
  const w = FakeBrowserWindow.instances[0]
  const c = fake.utilityProcess.children[0]
  if (!w || !c) throw new Error('main did not create the window and the backend')
  win = w
  child = c
  indexFile = String((win.loadFile.mock.calls[0] as unknown[] | undefined)?.[0])
  appUrl = pathToFileURL(indexFile).href
})

afterAll(() => {
  vi.restoreAllMocks()
})

describe('startup', () => {
  it('sandboxes every renderer and holds the single-instance lock', () => {
    expect(fake.app.enableSandbox).toHaveBeenCalled()
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalled()
  })

  it('creates the window with an isolated, sandboxed renderer and no Node', () => {
    expect(FakeBrowserWindow.instances).toHaveLength(1)
    const prefs = win.options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false
    })
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.js$/)
  })

  it('loads the built page from disk when there is no dev server', () => {
    expect(indexFile).toMatch(/renderer[\\/]index\.html$/)
    expect(win.loadURL).not.toHaveBeenCalled()
  })

  it('starts the backend in a utility process with the database in userData', () => {
    const [modulePath, args, options] = fake.utilityProcess.fork.mock.calls[0] as unknown as [
      string,
      string[],
      { env: Record<string, string>; serviceName: string }
    ]
    expect(modulePath).toMatch(/backend\.js$/)
    expect(args).toEqual([])
    expect(options.serviceName).toBe('doisoat-backend')
    expect(options.env.DOISOAT_DB).toBe(join(fake.app.getPath('userData'), 'doisoat.db'))
    // First run: a new key, kept by the keychain, handed to the backend; the recovery key shown once.
    expect(options.env.DOISOAT_DB_KEYS).toMatch(/^[0-9a-f]{64}$/)
    expect(fake.safeStorage.encryptString).toHaveBeenCalledTimes(1)
    expect(fake.dialog.showMessageBox).toHaveBeenCalledTimes(1)
    const shown = fake.dialog.showMessageBox.mock.calls[0]![0] as { detail: string }
    expect(shown.detail).toMatch(/^([A-Z2-7]{4}-){7}[A-Z2-7]{4}\n/)
    // No .electron-native build in the fake app path: the variable stays unset.
    expect(options.env.DOISOAT_NATIVE_BINDING).toBeUndefined()
  })

  it('sets a Vietnamese application menu', () => {
    const template = fake.Menu.buildFromTemplate.mock.calls[0]?.[0] as { label?: string }[]
    expect(template.map((m) => m.label)).toContain('Sửa')
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalled()
  })
})

describe('every webContents is hardened', () => {
  function created(): FakeWebContents {
    const contents = new FakeWebContents()
    fake.app.emit('web-contents-created', {}, contents)
    return contents
  }

  it('prevents navigation to a foreign URL, allows the app’s own page', () => {
    const contents = created()
    expect(
      contents.fire('will-navigate', { url: 'https://evil.example/' }).defaultPrevented()
    ).toBe(true)
    expect(contents.fire('will-navigate', { url: 'file:///etc/passwd' }).defaultPrevented()).toBe(
      true
    )
    expect(contents.fire('will-navigate', { url: `${appUrl}#/records` }).defaultPrevented()).toBe(
      false
    )
    expect(
      contents.fire('will-redirect', { url: 'https://evil.example/' }).defaultPrevented()
    ).toBe(true)
  })

  it('refuses webviews', () => {
    expect(created().fire('will-attach-webview').defaultPrevented()).toBe(true)
  })

  it('denies window.open, handing only https links to the system browser', () => {
    const contents = created()
    const open = (url: string): unknown => contents.windowOpenHandler?.({ url })
    fake.shell.openExternal.mockClear()

    expect(open('https://dichvucong.gov.vn/p/home/dvc-trang-chu.html')).toEqual({ action: 'deny' })
    expect(fake.shell.openExternal).toHaveBeenCalledWith(
      'https://dichvucong.gov.vn/p/home/dvc-trang-chu.html'
    )

    for (const url of [
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'https://user:secret@example.com/',
      'smb://server/share'
    ]) {
      expect(open(url)).toEqual({ action: 'deny' })
    }
    expect(fake.shell.openExternal).toHaveBeenCalledTimes(1)
  })
})

describe('session', () => {
  it('sets the CSP header, the same policy as the page’s meta tag', () => {
    const listener = fake.session.defaultSession.webRequest.headersReceived as Handler
    const callback = vi.fn()
    listener(
      {
        url: appUrl,
        responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] }
      },
      callback
    )
    const headers = (callback.mock.calls[0]?.[0] as { responseHeaders: Record<string, string[]> })
      .responseHeaders
    expect(headers['content-security-policy']).toBeUndefined()
    expect(headers['X-Other']).toEqual(['1'])
    const csp = headers['Content-Security-Policy']?.[0] ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("object-src 'none'")

    // The page's meta tag is written from the same definition (vite.csp.ts), less frame-ancestors.
    expect(csp).toBe(contentSecurityPolicy())
    expect(csp).toContain(metaContentSecurityPolicy())
  })

  it('blocks remote requests and files outside the renderer', () => {
    const listener = fake.session.defaultSession.webRequest.beforeRequest as Handler
    const verdict = (url: string): unknown => {
      const callback = vi.fn()
      listener({ url }, callback)
      return callback.mock.calls[0]?.[0]
    }
    expect(verdict('https://tracker.example/pixel.gif')).toEqual({ cancel: true })
    expect(verdict('file:///etc/passwd')).toEqual({ cancel: true })
    expect(verdict(appUrl)).toEqual({ cancel: false })
    expect(verdict(pathToFileURL(join(indexFile, '..', 'assets', 'index.js')).href)).toEqual({
      cancel: false
    })
    expect(verdict('data:image/png;base64,AAAA')).toEqual({ cancel: false })
  })

  it('denies permission requests', () => {
    const handler = fake.session.defaultSession.permissionRequest as Handler
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) {
      const callback = vi.fn()
      handler(win.webContents, permission, callback, { requestingUrl: appUrl })
      expect(callback).toHaveBeenCalledWith(false)
    }
    const check = fake.session.defaultSession.permissionCheck as Handler
    expect(check(win.webContents, 'media', 'file:///', { requestingUrl: appUrl })).toBe(false)
  })
})

describe('IPC relay', () => {
  function call(
    name: unknown,
    args: unknown,
    sender: Partial<{ contents: unknown; url: string; parent: unknown }> = {}
  ): Promise<Result<unknown>> {
    const handler = fake.ipcMain.handlers.get('api:call') as Handler
    const event = {
      sender: sender.contents ?? win.webContents,
      senderFrame: { url: sender.url ?? appUrl, parent: sender.parent ?? null }
    }
    return handler(event, name, args) as Promise<Result<unknown>>
  }

  it('refuses a call from a foreign sender frame', async () => {
    child.postMessage.mockClear()
    const r = await call('app/info', {}, { url: 'https://evil.example/' })
    expect(r).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    const sub = await call('app/info', {}, { parent: { url: appUrl } })
    expect(sub).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    const other = await call('app/info', {}, { contents: new FakeWebContents() })
    expect(other).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    expect(child.postMessage).not.toHaveBeenCalled()
  })

  it('refuses an unknown handler name', async () => {
    child.postMessage.mockClear()
    const r = await call('fs/readFile', { path: '/etc/passwd' })
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'unknown_handler', params: { name: 'fs/readFile' } }
    })
    expect(await call(42, {})).toMatchObject({ ok: false, error: { code: 'unknown_handler' } })
    expect(child.postMessage).not.toHaveBeenCalled()
  })

  it('forwards a valid call to the backend process and resolves with its result', async () => {
    child.postMessage.mockClear()
    const pending = call('batches/list', {})
    const request = child.postMessage.mock.calls[0]?.[0] as { type: string; id: number }
    expect(request).toMatchObject({ type: 'call', name: 'batches/list', args: {} })
    child.emit('message', { type: 'result', id: request.id, result: { ok: true, value: [] } })
    expect(await pending).toEqual({ ok: true, value: [] })
  })

  it('passes backend events to the window, and only known ones', () => {
    const payload = { jobId: 'j1', kind: 'import', phase: 'read', done: 5, total: 10 }
    child.emit('message', { type: 'event', event: 'job/progress', payload })
    expect(win.webContents.send).toHaveBeenCalledWith('api:event', 'job/progress', payload)
    win.webContents.send.mockClear()
    child.emit('message', { type: 'event', event: 'shell/exec', payload: {} })
    expect(win.webContents.send).not.toHaveBeenCalled()
  })
})

describe('backend lifecycle', () => {
  it('restarts the backend after a crash; calls in flight fail with an error', async () => {
    const pending = (async () => {
      const handler = fake.ipcMain.handlers.get('api:call') as Handler
      const event = { sender: win.webContents, senderFrame: { url: appUrl, parent: null } }
      return (await handler(event, 'jobs/list', {})) as Result<unknown>
    })()
    await flush()
    child.emit('exit', 1)
    expect(await pending).toMatchObject({ ok: false, error: { code: 'internal' } })
    await vi.waitFor(() => expect(fake.utilityProcess.children).toHaveLength(2))
    child = fake.utilityProcess.children[1] as FakeChild
  })

  it('lets the backend close its database before quitting', async () => {
    const event = { preventDefault: vi.fn() }
    fake.app.emit('before-quit', event)
    expect(event.preventDefault).toHaveBeenCalled()
    expect(child.postMessage).toHaveBeenCalledWith({ type: 'close' })
    child.emit('exit', 0)
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalled())
    const again = { preventDefault: vi.fn() }
    fake.app.emit('before-quit', again)
    expect(again.preventDefault).not.toHaveBeenCalled()
  })
})
