// A stand-in for the 'electron' module (its binary cannot run here): records what main and preload do.
import { EventEmitter } from 'node:events'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { vi } from 'vitest'

type Listener = (...args: unknown[]) => unknown

/** An Electron-style event: preventDefault() is recorded. */
export function fakeEvent(fields: Record<string, unknown> = {}): {
  preventDefault: ReturnType<typeof vi.fn>
  defaultPrevented: () => boolean
} & Record<string, unknown> {
  const preventDefault = vi.fn()
  return { ...fields, preventDefault, defaultPrevented: () => preventDefault.mock.calls.length > 0 }
}

export class FakeWebContents extends EventEmitter {
  send = vi.fn()
  printToPDF = vi.fn((_options: unknown) => Promise.resolve(Buffer.from('%PDF-1.7 fake')))
  isDestroyed = vi.fn(() => false)
  windowOpenHandler: Listener | null = null
  mainFrame = { url: '', parent: null }
  setWindowOpenHandler(handler: Listener): void {
    this.windowOpenHandler = handler
  }
  /** Runs the first listener of an event the way Electron would, returning the event object. */
  fire(name: string, fields: Record<string, unknown> = {}): ReturnType<typeof fakeEvent> {
    const event = fakeEvent(fields)
    this.emit(name, event)
    return event
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = []
  readonly options: Record<string, unknown>
  readonly webContents = new FakeWebContents()
  loadFile = vi.fn(() => Promise.resolve())
  loadURL = vi.fn(() => Promise.resolve())
  show = vi.fn()
  focus = vi.fn()
  restore = vi.fn()
  isMinimized = vi.fn(() => false)
  isDestroyed = vi.fn(() => false)
  destroy = vi.fn()
  constructor(options: Record<string, unknown>) {
    super()
    this.options = options
    FakeBrowserWindow.instances.push(this)
  }
  static fromWebContents(contents: unknown): FakeBrowserWindow | null {
    return FakeBrowserWindow.instances.find((w) => w.webContents === contents) ?? null
  }
}

export class FakeChild extends EventEmitter {
  postMessage = vi.fn()
  kill = vi.fn(() => true)
}

class FakeApp extends EventEmitter {
  isPackaged = false
  lock = true
  enableSandbox = vi.fn()
  requestSingleInstanceLock = vi.fn(() => this.lock)
  setAppUserModelId = vi.fn()
  quit = vi.fn()
  exit = vi.fn()
  whenReady = vi.fn(() => Promise.resolve())
  /** A real temporary folder: main writes the database's key file into userData. */
  root = mkdtempSync(join(tmpdir(), 'doisoat-fake-electron-'))
  getPath = vi.fn((name: string) => join(this.root, name))
  getAppPath = vi.fn(() => '/fake/app')
}

export function createFakeElectron() {
  const children: FakeChild[] = []
  const handlers = new Map<string, Listener>()
  const webRequest = {
    beforeRequest: null as Listener | null,
    headersReceived: null as Listener | null,
    onBeforeRequest: vi.fn((l: Listener) => {
      webRequest.beforeRequest = l
    }),
    onHeadersReceived: vi.fn((l: Listener) => {
      webRequest.headersReceived = l
    })
  }
  const defaultSession = {
    webRequest,
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    setPermissionRequestHandler: vi.fn((l: Listener) => {
      defaultSession.permissionRequest = l
    }),
    setPermissionCheckHandler: vi.fn((l: Listener) => {
      defaultSession.permissionCheck = l
    }),
    setDevicePermissionHandler: vi.fn()
  }
  return {
    app: new FakeApp(),
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handlers,
      handle: vi.fn((channel: string, l: Listener) => handlers.set(channel, l)),
      removeHandler: vi.fn((channel: string) => handlers.delete(channel))
    },
    session: { defaultSession },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    utilityProcess: {
      children,
      fork: vi.fn(() => {
        const child = new FakeChild()
        children.push(child)
        return child
      })
    },
    /** A keychain of this "machine": reversible, and refuses another machine's blobs. */
    safeStorage: {
      isEncryptionAvailable: vi.fn(() => true),
      /** A Linux desktop with a real secret store (GNOME Keyring). */
      getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
      encryptString: vi.fn((plain: string) => Buffer.from(`fake-keychain:${plain}`)),
      decryptString: vi.fn((blob: Buffer) => {
        const text = blob.toString()
        if (!text.startsWith('fake-keychain:')) throw new Error('Error while decrypting')
        return text.slice('fake-keychain:'.length)
      })
    },
    dialog: {
      showMessageBox: vi.fn((..._args: unknown[]) => Promise.resolve({ response: 0 })),
      showErrorBox: vi.fn(),
      showOpenDialog: vi.fn((..._args: unknown[]) =>
        Promise.resolve({ canceled: true, filePaths: [] as string[] })
      )
    },
    Menu: {
      buildFromTemplate: vi.fn((template: unknown) => ({ template })),
      setApplicationMenu: vi.fn()
    },
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() }
  }
}

export type FakeElectron = ReturnType<typeof createFakeElectron>
