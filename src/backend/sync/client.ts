// The app's side of the national-gateway protocol over HTTP: push signed corrections in batches
// with retries (exponential backoff with jitter for 5xx, timeouts and cut connections), sort
// each item's answer into accepted / conflict / parked, and pull records by cursor.
// It keeps no state: the outbox decides what to send (approved, signed corrections only) and
// commits what comes back.
import type { SignedApproval } from '../../core/review/signed-correction'
import { backoffDelay, type BackoffOptions } from '../../core/sync/backoff'
import type {
  BatchItemResult,
  CorrectionResult,
  GatewayErrorBody,
  PullPage
} from '../../core/sync/protocol'
import type { SyncProblem } from '../../shared/api'
import { AppError } from '../../shared/errors'
import { signRequest } from '../../core/sync/request-signing'

export interface SyncEndpoint {
  /** Base URL of the national endpoint, e.g. https://gateway.example.vn */
  url: string
  workstationId: string
  secret: string
  commune: string
}

/** What became of one correction. */
export type PushOutcome =
  | { kind: 'accepted'; uuid: string; result: CorrectionResult } // applied or recorded (201)
  | { kind: 'conflict'; uuid: string; result: CorrectionResult } // 412: back to review
  // Other 4xx: the gateway will never take it as sent. `reason` is its code, `detail` its own
  // words (for the audit trail, not for the clerk).
  | { kind: 'parked'; uuid: string; status: number; reason: string; detail?: string }
  | { kind: 'retry_later'; uuid: string; reason: SyncProblem } // retries exhausted (offline, 5xx)

export interface ClientOptions {
  timeoutMs?: number
  /** Attempts per request before giving up for now (the outbox keeps the items). */
  maxAttempts?: number
  backoff?: BackoffOptions
  random?: () => number
  sleep?: (ms: number) => Promise<void>
}

/** The gateway refused the workstation itself (401): no item is at fault, none is parked. */
export class SyncAuthError extends Error {
  constructor(readonly code: string) {
    super(`the national gateway refused this workstation: ${code}`)
    this.name = 'SyncAuthError'
  }
}

/** Retries were exhausted (network down, gateway failing): try again later. */
export class SyncUnavailableError extends Error {
  constructor(readonly lastProblem: SyncProblem) {
    super(`the national gateway is unavailable: ${lastProblem}`)
    this.name = 'SyncUnavailableError'
  }
}

type Attempt<T> =
  { ok: true; status: number; body: T } | { ok: false; problem: SyncProblem; detail: string }

/** What went wrong, in a word the app can say in the clerk's language, and the details for the log. */
export function problemOf(err: unknown): { problem: SyncProblem; detail: string } {
  const e = err as Error & { cause?: { code?: string; message?: string } }
  const cause = e?.cause ? ` (${e.cause.code ?? ''} ${e.cause.message ?? ''})` : ''
  const detail = `${e?.name ?? 'Error'}: ${e?.message ?? String(err)}${cause}`
  if (e?.name === 'TimeoutError') return { problem: 'timeout', detail }
  if (e instanceof SyntaxError) return { problem: 'bad_response', detail }
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(e?.cause?.code ?? ''))
    return { problem: 'tls', detail }
  return { problem: 'unreachable', detail }
}

const TRANSIENT = new Set([408, 425, 429, 500, 502, 503, 504])

export function createSyncClient(e: SyncEndpoint, o: ClientOptions = {}) {
  const timeoutMs = o.timeoutMs ?? 30_000
  const maxAttempts = o.maxAttempts ?? 6
  const backoff = o.backoff ?? { baseMs: 500, maxMs: 30_000 }
  const random = o.random ?? Math.random
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))

  /** One signed request; a cut connection, a timeout or an unreadable body is a problem, not a throw. */
  async function once<T>(method: string, path: string, body?: unknown): Promise<Attempt<T>> {
    const text = body === undefined ? '' : JSON.stringify(body)
    const headers = await signRequest({ id: e.workstationId, secret: e.secret }, method, path, text)
    if (body !== undefined) headers['content-type'] = 'application/json'
    try {
      const res = await fetch(e.url + path, {
        method,
        headers,
        body: body === undefined ? undefined : text,
        signal: AbortSignal.timeout(timeoutMs)
      })
      const payload = await res.text()
      if (TRANSIENT.has(res.status))
        return { ok: false, problem: 'server_error', detail: `HTTP ${res.status}` }
      return { ok: true, status: res.status, body: JSON.parse(payload) as T }
    } catch (err) {
      return { ok: false, ...problemOf(err) }
    }
  }

  /** Retry transient failures with backoff; each retry is signed anew (a fresh nonce). */
  async function withRetries<T>(method: string, path: string, body?: unknown) {
    let last: { problem: SyncProblem; detail: string } = { problem: 'unreachable', detail: '' }
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      if (attempt > 0) await sleep(backoffDelay(attempt - 1, backoff, random))
      const r = await once<T>(method, path, body)
      if (!r.ok) {
        last = r
        continue
      }
      if (r.status === 401)
        throw new SyncAuthError((r.body as unknown as GatewayErrorBody).code ?? 'unauthorized')
      return r
    }
    // The clerk is told the kind of problem in words; what the network layer said goes to the log.
    console.warn(`[sync] ${method} ${e.url}${path}: ${maxAttempts} attempts, last: ${last.detail}`)
    throw new SyncUnavailableError(last.problem)
  }

  function outcome(
    uuid: string,
    status: number,
    body: CorrectionResult | GatewayErrorBody
  ): PushOutcome {
    if (status === 201 || status === 200)
      return { kind: 'accepted', uuid, result: body as CorrectionResult }
    if (status === 412) return { kind: 'conflict', uuid, result: body as CorrectionResult }
    if (TRANSIENT.has(status)) return { kind: 'retry_later', uuid, reason: 'server_error' }
    const b = body as Partial<CorrectionResult & GatewayErrorBody>
    return {
      kind: 'parked',
      uuid,
      status,
      reason: b.reason ?? b.code ?? `http_${status}`,
      detail: b.detail ?? b.message
    }
  }

  return {
    /**
     * Push corrections in one batch request. Safe to repeat: the gateway answers a UUID it
     * already decided with its first result, so a lost answer costs a resend, never a second
     * application. Throws SyncUnavailableError when retries are exhausted (nothing is parked).
     */
    async pushBatch(items: SignedApproval[]): Promise<PushOutcome[]> {
      if (items.length === 0) return []
      const r = await withRetries<{ results: BatchItemResult[] } & Partial<GatewayErrorBody>>(
        'POST',
        '/v1/corrections/batch',
        { items }
      )
      if (
        r.status !== 200 ||
        !Array.isArray(r.body.results) ||
        r.body.results.length !== items.length
      ) {
        // The batch as a whole was refused (e.g. 400 too many items): every item says why.
        return items.map((a) => ({
          kind: 'parked' as const,
          uuid: a.payload.uuid,
          status: r.status,
          reason: r.body.code ?? `http_${r.status}`,
          detail: r.body.message
        }))
      }
      return r.body.results.map((res, i) => outcome(items[i]!.payload.uuid, res.status, res.body))
    },

    /** Push one correction with PUT (idempotent by UUID). */
    async push(a: SignedApproval): Promise<PushOutcome> {
      const r = await withRetries<CorrectionResult | GatewayErrorBody>(
        'PUT',
        `/v1/corrections/${a.payload.uuid}`,
        a
      )
      return outcome(a.payload.uuid, r.status, r.body)
    },

    /**
     * The public keys the gateway holds for one supervisor of this commune; null when it could
     * not say (offline, refused, an older gateway): the caller then sends as before.
     */
    async supervisorKeys(username: string): Promise<string[] | null> {
      const r = await once<{ keys?: { publicKey?: unknown }[] }>(
        'GET',
        `/v1/supervisors/${encodeURIComponent(username)}`
      )
      if (!r.ok || r.status !== 200 || !Array.isArray(r.body.keys)) return null
      return r.body.keys.map((k) => k.publicKey).filter((k): k is string => typeof k === 'string')
    },

    /** One page of the commune's changes after `cursor` ('' from the beginning). */
    async pull(cursor: string, limit = 1000): Promise<PullPage> {
      const q = new URLSearchParams({ cursor, limit: String(limit) })
      const r = await withRetries<PullPage & Partial<GatewayErrorBody>>(
        'GET',
        `/v1/areas/${encodeURIComponent(e.commune)}/records?${q.toString()}`
      )
      if (r.status === 200) return r.body
      console.warn(
        `[sync] pull refused: HTTP ${r.status} ${r.body.code ?? ''} ${r.body.message ?? ''}`
      )
      // 403: the gateway knows this workstation for another commune than the one configured.
      throw new AppError(r.status === 403 ? 'sync_other_area' : 'sync_failed')
    }
  }
}

export type SyncClient = ReturnType<typeof createSyncClient>
