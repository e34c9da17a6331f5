// A minimal signed HTTP client for the gateway protocol (tests, benchmarks, the sync client's base).
import type { SignedApproval } from '../core/review/signed-correction'
import type { BatchItemResult, CorrectionResult, PullPage } from '../core/sync/protocol'
import { signRequest } from '../core/sync/request-signing'
import type { WorkstationCredential } from './auth'

export interface HttpAnswer<T = unknown> {
  status: number
  headers: Headers
  body: T
}

export class GatewayClient {
  constructor(
    readonly url: string,
    readonly credential: Pick<WorkstationCredential, 'id' | 'secret' | 'commune'>,
    private readonly timeoutMs = 30_000
  ) {}

  /** One signed request; a fresh nonce each time, so a retry is a new request to the gateway. */
  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<HttpAnswer<T>> {
    const text = body === undefined ? '' : JSON.stringify(body)
    const headers = await signRequest(this.credential, method, path, text)
    if (body !== undefined) headers['content-type'] = 'application/json'
    const res = await fetch(this.url + path, {
      method,
      headers,
      body: body === undefined ? undefined : text,
      signal: AbortSignal.timeout(this.timeoutMs)
    })
    const payload = await res.text()
    return {
      status: res.status,
      headers: res.headers,
      body: (payload === '' ? null : JSON.parse(payload)) as T
    }
  }

  putCorrection(a: SignedApproval) {
    return this.request<CorrectionResult>('PUT', `/v1/corrections/${a.payload.uuid}`, a)
  }

  pushBatch(items: SignedApproval[]) {
    return this.request<{ results: BatchItemResult[] }>('POST', '/v1/corrections/batch', { items })
  }

  status(uuid: string) {
    return this.request<CorrectionResult>('GET', `/v1/corrections/${uuid}`)
  }

  pull(cursor = '', limit = 1000) {
    const q = new URLSearchParams({ cursor, limit: String(limit) })
    return this.request<PullPage>(
      'GET',
      `/v1/areas/${encodeURIComponent(this.credential.commune)}/records?${q.toString()}`
    )
  }
}

/** Operator calls (/admin) with the bearer token. */
export async function adminRequest<T = unknown>(
  url: string,
  token: string,
  method: string,
  path: string,
  body?: unknown
): Promise<HttpAnswer<T>> {
  const res = await fetch(url + path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' })
    },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  const text = await res.text()
  return {
    status: res.status,
    headers: res.headers,
    body: (text === '' ? null : JSON.parse(text)) as T
  }
}
