// Electron main process: wires one instance, the hardened session and window, the backend utility
// process and the IPC relay. No business logic lives here.
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { app, dialog, ipcMain, Menu, safeStorage, session, shell, utilityProcess } from 'electron'
import type { BrowserWindow } from 'electron'
import { AppError } from '../shared/errors'
import { tr } from '../shared/i18n'
import { backendEnv, nativeBindingPath, startBackendProcess } from './backend-process'
import type { BackendProcess } from './backend-process'
import { keepKeyInKeychain, keyEnv, prepareDatabaseKey } from './db-key'
import { menuTemplate } from './menu'
import { createRelay, forwardEvent, installRelay, trustedSender } from './relay'
import {
  contentSecurityPolicy,
  createUrlPolicy,
  devServerUrl,
  hardenWebContents,
  installSessionSecurity
} from './security'
import { createMainWindow } from './window'

// Every renderer sandboxed, whatever a window's own options say.
app.enableSandbox()

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  start()
}

function start(): void {
  const devUrl = devServerUrl(app.isPackaged, process.env)
  const indexFile = join(__dirname, '../renderer/index.html')
  const policy = createUrlPolicy({ indexFile, devServerUrl: devUrl })
  let win: BrowserWindow | null = null
  let backend: BackendProcess | null = null
  let backendStopped = false

  if (process.platform === 'win32') app.setAppUserModelId('vn.doisoat.app')

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { policy, openExternal: (url) => shell.openExternal(url) })
  })

  app.on('second-instance', () => {
    if (!win) return
    if (win.isMinimized()) win.restore()
    win.focus()
  })

  app.on('window-all-closed', () => app.quit())

  // Let the backend close the database (and finish its WAL checkpoint) before the app exits.
  app.on('before-quit', (event) => {
    if (backendStopped || !backend) return
    event.preventDefault()
    backend
      .stop()
      .catch((e: unknown) => console.error(`[main] backend stop failed: ${String(e)}`))
      .finally(() => {
        backendStopped = true
        app.quit()
      })
  })

  app
    .whenReady()
    .then(async () => {
      installSessionSecurity(session.defaultSession, policy, contentSecurityPolicy(devUrl))
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          menuTemplate((key) => tr(key), { isPackaged: app.isPackaged, platform: process.platform })
        )
      )

      const dbPath = join(app.getPath('userData'), 'doisoat.db')
      mkdirSync(dirname(dbPath), { recursive: true })
      const plan = await prepareDatabaseKey(dbPath, {
        safeStorage,
        env: process.env,
        confirmEncrypt: async (path) =>
          (
            await dialog.showMessageBox({
              type: 'question',
              title: tr('shell.encryptTitle'),
              message: tr('shell.encryptQuestion'),
              detail: tr('shell.encryptDetail', { path }),
              buttons: [tr('shell.encryptButton'), tr('shell.quitButton')],
              defaultId: 0,
              cancelId: 1
            })
          ).response === 0,
        showRecoveryKey: async (key, path) => {
          await dialog.showMessageBox({
            type: 'warning',
            title: tr('shell.recoveryTitle'),
            message: tr('shell.recoveryMessage'),
            detail: tr('shell.recoveryDetail', { key, path }),
            buttons: [tr('shell.recoveryOk')]
          })
        }
      })
      if ('quit' in plan) {
        app.quit()
        return
      }
      const binding = nativeBindingPath(app.isPackaged, app.getAppPath())
      if (!app.isPackaged && !binding) {
        console.warn(`[main] ${tr('shell.nativeRebuild', {}, 'en')}`)
      }
      let keys = plan
      backend = startBackendProcess({
        fork: () =>
          utilityProcess.fork(join(__dirname, 'backend.js'), [], {
            env: { ...backendEnv(process.env, dbPath, binding), ...keyEnv(keys) },
            serviceName: 'doisoat-backend'
          }),
        onEvent: forwardEvent(() => win),
        onKeepKey: (key) => {
          keepKeyInKeychain(dbPath, key, safeStorage)
          // A backend restarted after a crash opens the database with it too.
          keys = { ...keys, keys: [key, ...keys.keys], encryptPlain: false }
        },
        onGiveUp: (code) => {
          dialog.showErrorBox(tr('shell.startFailedTitle'), tr('shell.backendFailed', { code }))
        }
      })
      installRelay(
        ipcMain,
        createRelay({ backend, isTrustedSender: trustedSender(policy, () => win) })
      )

      win = createMainWindow({
        preload: join(__dirname, '../preload/index.js'),
        indexFile,
        devServerUrl: devUrl,
        isPackaged: app.isPackaged,
        title: tr('app.title')
      })
      win.on('closed', () => {
        win = null
      })
    })
    .catch((e: unknown) => {
      console.error('[main] startup failed:', e)
      dialog.showErrorBox(
        tr('shell.startFailedTitle'),
        e instanceof AppError ? tr(`errors.${e.code}`, e.params) : String(e)
      )
      app.exit(1)
    })
}
