// Request signing of the gateway protocol: HMAC-SHA256 over method, path, body hash, timestamp and
// nonce. Both sides (the app's sync client, the gateway's check) compute it here, through WebCrypto,
// which Node, Electron and browsers all provide, so this module stays free of node:* imports.
import { AUTH_HEADERS, signingString } from './protocol'

/** What a workstation signs with: its id (sent) and its secret (never sent). */
export interface SigningCredential {
  id: string
  /** base64url; only used as the HMAC key. */
  secret: string
}

const utf8 = new TextEncoder()

/** The bytes as WebCrypto takes them; text is UTF-8, as the body goes over the wire. */
function bytes(data: Uint8Array | string): Uint8Array<ArrayBuffer> {
  return typeof data === 'string' ? utf8.encode(data) : new Uint8Array(data)
}

function hex(b: Uint8Array): string {
  let s = ''
  for (const x of b) s += x.toString(16).padStart(2, '0')
  return s
}

function base64url(b: Uint8Array): string {
  let s = ''
  for (const x of b) s += String.fromCharCode(x)
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

async function sha256Hex(data: Uint8Array | string): Promise<string> {
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes(data))))
}

/** The HMAC of one request under the workstation's secret (raw bytes). */
export async function requestMac(
  secret: string,
  method: string,
  pathWithQuery: string,
  body: Uint8Array | string,
  timestamp: string,
  nonce: string
): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    'raw',
    utf8.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign']
  )
  const text = signingString(method, pathWithQuery, await sha256Hex(body), timestamp, nonce)
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, utf8.encode(text)))
}

/** Headers that sign one request (what a client adds; the body must be sent byte for byte). */
export async function signRequest(
  cred: SigningCredential,
  method: string,
  pathWithQuery: string,
  body: Uint8Array | string = '',
  now = Date.now()
): Promise<Record<string, string>> {
  const timestamp = String(now)
  // A fresh nonce per request: the gateway accepts each nonce once, so a retry is signed anew.
  const nonce = hex(crypto.getRandomValues(new Uint8Array(16)))
  const mac = await requestMac(cred.secret, method, pathWithQuery, body, timestamp, nonce)
  return {
    [AUTH_HEADERS.workstation]: cred.id,
    [AUTH_HEADERS.timestamp]: timestamp,
    [AUTH_HEADERS.nonce]: nonce,
    [AUTH_HEADERS.signature]: base64url(mac)
  }
}
