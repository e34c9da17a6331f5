// Setting sync up from the app: registering this workstation and the supervisors' keys through the
// gateway's operator API (with a token the operator gives the admin, used once and never stored),
// and the connection check behind "Kiểm tra kết nối" (health, this workstation's credential, each
// supervisor's key). Every call has a short timeout; a failure becomes an error code in words.
import type { ConnectionCheck, SupervisorKey, SyncProblem } from '../../shared/api'
import { gatewayUrlProblem } from '../../core/sync/gateway-url'
import { signRequest } from '../../core/sync/request-signing'
import { AppError } from '../../shared/errors'
import { problemOf } from './client'
import type { SyncConfig } from './outbox'

/** Long enough for a slow provincial link, short enough that the admin is not left waiting. */
export const SETUP_TIMEOUT_MS = 5_000
/** The health check answers at once when the gateway is up. */
export const HEALTH_TIMEOUT_MS = 3_000

interface Answer {
  status: number
  body: Record<string, unknown> | null
}

const base = (url: string): string => url.replace(/\/+$/, '')

/**
 * One HTTP call with a JSON answer; null (and the network's own words in the log, never on screen)
 * when the gateway cannot be reached.
 */
async function call(
  url: string,
  path: string,
  init: { method: string; headers?: Record<string, string>; body?: string },
  timeoutMs: number
): Promise<Answer | { problem: SyncProblem }> {
  let res: Response
  let text: string
  try {
    res = await fetch(base(url) + path, { ...init, signal: AbortSignal.timeout(timeoutMs) })
    text = await res.text()
  } catch (e) {
    const { problem, detail } = problemOf(e)
    console.warn(`[sync] ${init.method} ${base(url)}${path}: ${detail}`)
    return { problem }
  }
  try {
    const body = text === '' ? null : (JSON.parse(text) as unknown)
    return {
      status: res.status,
      body: typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : null
    }
  } catch {
    return { status: res.status, body: null }
  }
}

/** A call to the operator API: refused token, unreachable gateway and foreign answers in words. */
async function operatorCall(
  url: string,
  token: string,
  method: string,
  path: string,
  payload: unknown
): Promise<Answer> {
  if (gatewayUrlProblem(url)) throw new AppError('sync_url_insecure')
  const r = await call(
    url,
    path,
    {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(payload)
    },
    SETUP_TIMEOUT_MS
  )
  if ('problem' in r) throw new AppError('sync_gateway_unreachable', { url: base(url) })
  if (r.status === 401) throw new AppError('sync_operator_refused')
  return r
}

/** `POST /admin/workstations`: a new credential for this workstation, bound to the commune. */
export async function registerWorkstation(a: {
  url: string
  operatorToken: string
  commune: string
  name: string
}): Promise<SyncConfig> {
  const r = await operatorCall(a.url, a.operatorToken, 'POST', '/admin/workstations', {
    commune: a.commune,
    name: a.name
  })
  const b = r.body ?? {}
  if (r.status !== 201 || typeof b.id !== 'string' || typeof b.secret !== 'string') {
    console.warn(`[sync] workstation registration: HTTP ${r.status}`)
    throw new AppError('sync_gateway_invalid', { url: base(a.url) })
  }
  return {
    url: base(a.url),
    workstationId: b.id,
    secret: b.secret,
    commune: typeof b.commune === 'string' ? b.commune : a.commune
  }
}

/** `PUT /admin/supervisors/{username}` for each key, for the configured commune. */
export async function registerSupervisorKeys(
  config: SyncConfig,
  token: string,
  keys: SupervisorKey[]
): Promise<string[]> {
  const done: string[] = []
  for (const k of keys) {
    const r = await operatorCall(
      config.url,
      token,
      'PUT',
      `/admin/supervisors/${encodeURIComponent(k.username)}`,
      { publicKey: k.publicKey, communes: [config.commune] }
    )
    if (r.status !== 200) {
      console.warn(`[sync] supervisor key ${k.username}: HTTP ${r.status}`)
      throw new AppError('sync_gateway_invalid', { url: base(config.url) })
    }
    done.push(k.username)
  }
  return done
}

/** `GET /health` with a short timeout: null when up, else why not. */
export async function healthProblem(url: string): Promise<SyncProblem | null> {
  const r = await call(url, '/health', { method: 'GET' }, HEALTH_TIMEOUT_MS)
  if ('problem' in r) return r.problem
  if (r.status >= 500) return 'server_error'
  return r.status === 200 && r.body?.ok === true ? null : 'bad_response'
}

async function signedGet(config: SyncConfig, path: string): Promise<Answer | null> {
  const headers = await signRequest(
    { id: config.workstationId, secret: config.secret },
    'GET',
    path,
    ''
  )
  const r = await call(config.url, path, { method: 'GET', headers }, SETUP_TIMEOUT_MS)
  return 'problem' in r ? null : r
}

/** Everything "Kiểm tra kết nối" reports; never throws for what the gateway says. */
export async function checkConnection(
  config: SyncConfig,
  supervisors: SupervisorKey[]
): Promise<ConnectionCheck> {
  const out: ConnectionCheck = {
    url: config.url,
    reachable: false,
    problem: null,
    workstation: null,
    supervisors: supervisors.map((s) => ({
      username: s.username,
      displayName: s.displayName,
      registered: null
    }))
  }
  if (gatewayUrlProblem(config.url)) throw new AppError('sync_url_insecure')
  out.problem = await healthProblem(config.url)
  out.reachable = out.problem === null
  if (!out.reachable) return out
  const session = await signedGet(config, '/v1/session')
  if (session === null) return { ...out, reachable: false, problem: 'unreachable' }
  const ws = session.body?.workstation as { commune?: unknown; name?: unknown } | undefined
  if (session.status !== 200 || !ws) {
    const code = session.body?.code
    out.workstation = {
      ok: false,
      refusal: typeof code === 'string' ? code : 'other',
      name: null
    }
    return out
  }
  const name = typeof ws.name === 'string' ? ws.name : null
  // The credential is good but bound to another commune than the one configured here.
  if (ws.commune !== config.commune) {
    out.workstation = { ok: false, refusal: 'other_area', name }
    return out
  }
  out.workstation = { ok: true, refusal: null, name }
  for (const [i, s] of supervisors.entries()) {
    const r = await signedGet(config, `/v1/supervisors/${encodeURIComponent(s.username)}`)
    const keys = r?.status === 200 && Array.isArray(r.body?.keys) ? r.body.keys : null
    out.supervisors[i]!.registered =
      keys === null
        ? null
        : keys.some((k) => (k as { publicKey?: unknown }).publicKey === s.publicKey)
  }
  return out
}
