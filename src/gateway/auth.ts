// Workstation authentication: a credential bound to one commune; every request is signed
// (src/core/sync/request-signing.ts) and checked here; a nonce is accepted once.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { AUTH_HEADERS, REPLAY_WINDOW_MS } from '../core/sync/protocol'
import { requestMac, type SigningCredential } from '../core/sync/request-signing'
import type { GatewayDb } from './db'

export interface WorkstationCredential extends SigningCredential {
  commune: string
}

export interface Workstation {
  id: string
  commune: string
  name: string
}

export async function registerWorkstation(
  db: GatewayDb,
  commune: string,
  name: string
): Promise<WorkstationCredential> {
  const id = `ws_${randomBytes(9).toString('base64url')}`
  const secret = randomBytes(32).toString('base64url')
  await db.query('INSERT INTO workstation (id, secret, commune, name) VALUES ($1, $2, $3, $4)', [
    id,
    secret,
    commune,
    name
  ])
  return { id, secret, commune }
}

export type AuthFailure =
  | 'missing_signature'
  | 'unknown_workstation'
  | 'clock_skew'
  | 'bad_request_signature'
  | 'replayed_request'

export type AuthResult = { ok: true; workstation: Workstation } | { ok: false; why: AuthFailure }

type Headers = Record<string, string | string[] | undefined>

const one = (h: Headers, name: string): string | null => {
  const v = h[name]
  return typeof v === 'string' && v !== '' ? v : null
}

/** The signature headers, well formed, or null: checked before the body is read. */
function signatureHeaders(h: Headers) {
  const id = one(h, AUTH_HEADERS.workstation)
  const ts = one(h, AUTH_HEADERS.timestamp)
  const nonce = one(h, AUTH_HEADERS.nonce)
  const sig = one(h, AUTH_HEADERS.signature)
  if (!id || !ts || !nonce || !sig || !/^\d{1,15}$/.test(ts) || nonce.length > 64) return null
  return { id, ts, nonce, sig }
}

export const hasSignatureHeaders = (h: Headers): boolean => signatureHeaders(h) !== null

let sinceSweep = 0

/** Check a request's signature; the nonce is recorded only when everything else holds. */
export async function authenticate(
  db: GatewayDb,
  method: string,
  pathWithQuery: string,
  headers: Headers,
  body: Uint8Array | string,
  now = Date.now()
): Promise<AuthResult> {
  const given = signatureHeaders(headers)
  if (!given) return { ok: false, why: 'missing_signature' }
  const { id, ts, nonce, sig } = given
  const rows = await db.query<{ secret: string; commune: string; name: string }>(
    'SELECT secret, commune, name FROM workstation WHERE id = $1',
    [id]
  )
  const ws = rows[0]
  if (!ws) return { ok: false, why: 'unknown_workstation' }
  if (Math.abs(now - Number(ts)) > REPLAY_WINDOW_MS) return { ok: false, why: 'clock_skew' }
  const want = await requestMac(ws.secret, method, pathWithQuery, body, ts, nonce)
  const got = Buffer.from(sig, 'base64url')
  if (got.length !== want.length || !timingSafeEqual(got, want))
    return { ok: false, why: 'bad_request_signature' }
  // The primary key settles a replayed nonce, even two copies arriving at the same moment.
  const fresh = await db.query(
    `INSERT INTO request_nonce (workstation_id, nonce) VALUES ($1, $2)
     ON CONFLICT DO NOTHING RETURNING nonce`,
    [id, nonce]
  )
  if (fresh.length === 0) return { ok: false, why: 'replayed_request' }
  // Nonces older than the window can never be replayed (the timestamp check refuses them).
  if (++sinceSweep >= 1000) {
    sinceSweep = 0
    await db.query(`DELETE FROM request_nonce WHERE at < now() - interval '1 millisecond' * $1`, [
      2 * REPLAY_WINDOW_MS
    ])
  }
  return { ok: true, workstation: { id, commune: ws.commune, name: ws.name } }
}
