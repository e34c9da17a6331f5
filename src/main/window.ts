// The main window: sandboxed, context-isolated renderer with only the preload's window.api.
import { BrowserWindow } from 'electron'
import type { BrowserWindowConstructorOptions } from 'electron'

export interface MainWindowOptions {
  /** Built preload script (out/preload/index.js). */
  preload: string
  /** Built renderer page (out/renderer/index.html), loaded when there is no dev server. */
  indexFile: string
  /** The electron-vite dev server, only in development (see devServerUrl()). */
  devServerUrl?: string
  isPackaged: boolean
  title: string
}

export function mainWindowOptions(options: MainWindowOptions): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: options.title,
    backgroundColor: '#f5f7fa',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Chromium's spellchecker downloads dictionaries from Google: the app stays offline.
      spellcheck: false,
      devTools: !options.isPackaged
    }
  }
}

/** Creates and loads the window; it shows itself once the first paint is ready. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(options))
  win.once('ready-to-show', () => win.show())
  const loading = options.devServerUrl
    ? win.loadURL(options.devServerUrl)
    : win.loadFile(options.indexFile)
  loading.catch((e: unknown) => {
    console.error(`[window] could not load the renderer: ${String(e)}`)
  })
  return win
}
