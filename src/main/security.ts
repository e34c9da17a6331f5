// Electron hardening: which URLs are the app's own, the CSP, and the navigation, window-open,
// webview, request and permission policies applied to every webContents and the session.
export { contentSecurityPolicy } from '../shared/csp'
import { dirname } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { HandlerDetails, Session, WebContents } from 'electron'

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/** Only these permissions are ever granted, and only to the app's own page. */
const GRANTED_PERMISSIONS = new Set(['clipboard-sanitized-write'])

export interface UrlPolicyOptions {
  /** Absolute path of the built renderer's index.html (the packaged app and `electron-vite preview`). */
  indexFile: string
  /** The electron-vite dev server; see devServerUrl(), which allows it only in development. */
  devServerUrl?: string
  /** Windows paths compare case-insensitively. */
  platform?: NodeJS.Platform
}

export interface UrlPolicy {
  /** The page the window loads, and the only page trusted to call the API. */
  isAppUrl(url: string): boolean
  /** Whether the renderer may load this URL at all (its own files, the dev server, data and blob URLs). */
  isAllowedRequest(url: string): boolean
  /** Origin of the dev server, or null when the app runs from its built files. */
  devOrigin: string | null
}

/**
 * The dev server URL electron-vite passes in ELECTRON_RENDERER_URL, honoured only when the app is
 * not packaged and the server is on this machine: a packaged app never loads anything over HTTP.
 */
export function devServerUrl(isPackaged: boolean, env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.ELECTRON_RENDERER_URL
  if (isPackaged || !raw) return undefined
  const url = parseUrl(raw)
  if (!url || url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) return undefined
  return url.href
}

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw)
  } catch {
    return null
  }
}

/**
 * A file URL's path, comparable with another: Chromium and Node percent-encode differently
 * (Vietnamese folder names, spaces), macOS may hand back NFD, and Windows ignores case.
 */
function filePathKey(url: URL, platform: NodeJS.Platform): string | null {
  const segments: string[] = []
  for (const raw of url.pathname.split('/')) {
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return null
    }
    // An escaped separator or dot segment ("..%2F..") could climb out of the renderer folder.
    if (segment === '.' || segment === '..' || /[/\\]/.test(segment)) return null
    segments.push(segment)
  }
  const key = `${url.host}|${segments.join('/').normalize('NFC')}`
  return platform === 'win32' ? key.toLowerCase() : key
}

export function createUrlPolicy(options: UrlPolicyOptions): UrlPolicy {
  const platform = options.platform ?? process.platform
  const devOrigin = options.devServerUrl ? new URL(options.devServerUrl).origin : null
  const indexKey = filePathKey(pathToFileURL(options.indexFile), platform)
  const rendererDirUrl = pathToFileURL(dirname(options.indexFile))
  const rendererDirKey = filePathKey(rendererDirUrl, platform)
  const devHost = devOrigin ? new URL(devOrigin).host : null

  function isAppUrl(raw: string): boolean {
    const url = parseUrl(raw)
    if (!url) return false
    if (devOrigin) return url.origin === devOrigin
    return url.protocol === 'file:' && filePathKey(url, platform) === indexKey
  }

  function isAllowedRequest(raw: string): boolean {
    const url = parseUrl(raw)
    if (!url) return false
    switch (url.protocol) {
      case 'http:':
      case 'https:':
        return devOrigin !== null && url.origin === devOrigin
      case 'ws:':
        // Vite's hot-reload socket, in development only.
        return devHost !== null && url.host === devHost
      case 'wss:':
        return false
      case 'file:': {
        // The built renderer's own files only: not the rest of the disk.
        if (devOrigin) return false
        const key = filePathKey(url, platform)
        return key !== null && rendererDirKey !== null && key.startsWith(`${rendererDirKey}/`)
      }
      default:
        // data:, blob:, devtools: and Chromium's internal schemes never leave the machine.
        return true
    }
  }

  return { isAppUrl, isAllowedRequest, devOrigin }
}

/** External links the app may hand to the system browser: https, with no credentials in them. */
export function isSafeExternalUrl(raw: string): boolean {
  if (raw.length > 2048) return false
  const url = parseUrl(raw)
  return (
    url !== null &&
    url.protocol === 'https:' &&
    url.hostname !== '' &&
    url.username === '' &&
    url.password === ''
  )
}

export interface HardenOptions {
  policy: UrlPolicy
  openExternal(url: string): Promise<void>
  log?: (message: string) => void
}

/** Every webContents (ours, devtools, any other): no webviews, no navigation away, no new windows. */
export function hardenWebContents(contents: WebContents, options: HardenOptions): void {
  const log = options.log ?? ((message: string) => console.warn(message))
  const denyForeign = (kind: string) => (event: { url: string; preventDefault(): void }) => {
    if (options.policy.isAppUrl(event.url)) return
    event.preventDefault()
    log(`[security] ${kind} denied: ${event.url}`)
  }

  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    log('[security] webview denied')
  })
  contents.on('will-navigate', denyForeign('navigation'))
  contents.on('will-frame-navigate', denyForeign('frame navigation'))
  contents.on('will-redirect', denyForeign('redirect'))
  contents.setWindowOpenHandler((details: HandlerDetails) => {
    if (isSafeExternalUrl(details.url)) {
      options.openExternal(details.url).catch((e: unknown) => {
        log(`[security] could not open ${details.url}: ${String(e)}`)
      })
    } else {
      log(`[security] window.open denied: ${details.url}`)
    }
    return { action: 'deny' }
  })
}

/** Session-wide: the CSP header, no remote requests, no permissions beyond clipboard writes. */
export function installSessionSecurity(session: Session, policy: UrlPolicy, csp: string): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = policy.isAllowedRequest(details.url)
    if (!allowed) console.warn(`[security] request blocked: ${details.url}`)
    callback({ cancel: !allowed })
  })

  session.webRequest.onHeadersReceived((details, callback) => {
    const protocol = parseUrl(details.url)?.protocol
    if (protocol !== 'http:' && protocol !== 'https:' && protocol !== 'file:') {
      callback({})
      return
    }
    const headers: Record<string, string[]> = {}
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value
    }
    headers['Content-Security-Policy'] = [csp]
    callback({ responseHeaders: headers })
  })

  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(GRANTED_PERMISSIONS.has(permission) && policy.isAppUrl(details.requestingUrl))
  })
  session.setPermissionCheckHandler((_contents, permission, _origin, details) => {
    return GRANTED_PERMISSIONS.has(permission) && policy.isAppUrl(details.requestingUrl ?? '')
  })
  session.setDevicePermissionHandler(() => false)
}
