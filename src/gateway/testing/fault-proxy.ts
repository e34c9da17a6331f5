// A fault-injecting HTTP proxy for sync tests: between a client and the gateway it drops
// requests, drops responses after the server committed, duplicates, reorders, delays,
// truncates bodies and answers 500/503, each at a seeded rate, so a failing run can be replayed.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Rng } from '../../core/sample/prng'

export const FAULTS = [
  'drop_request', // the request never reaches the server; the client's connection is cut
  'drop_response', // the server handles (and commits) it; the client's connection is cut
  'duplicate', // the server receives it twice; the client gets the first answer
  'reorder', // held back until a later request has gone through (or holdMs passed)
  'delay', // forwarded after a random delay up to maxDelayMs
  'truncate', // the server handles it; the client gets half the body, then the cut
  'error_500', // the server handles it; the client gets 500 instead of the answer
  'error_503' // the server never sees it; the client gets 503
] as const
export type Fault = (typeof FAULTS)[number]

export type FaultRates = Partial<Record<Fault, number>>

export interface ProxyOptions {
  /** Base URL of the server, e.g. http://127.0.0.1:4790 */
  target: string
  seed: number
  /** Probability of each fault per request; the sum must be ≤ 1 (the rest pass through). */
  rates: FaultRates
  maxDelayMs?: number
  holdMs?: number
  port?: number
}

export interface ProxyLogEntry {
  n: number
  method: string
  path: string
  fault: Fault | 'none'
  /** Status the server answered (for faults that forward); null when it never saw the request. */
  upstreamStatus: number | null
  /** The duplicate's own status (a replayed signed request is refused by the gateway). */
  duplicateStatus?: number | null
  /** The server could not be reached (e.g. it is restarting). */
  upstreamError?: string
}

export interface FaultProxy {
  url: string
  log: ProxyLogEntry[]
  counts(): Record<Fault | 'none', number>
  setRates(rates: FaultRates): void
  /** Point the proxy at another server (e.g. after a gateway restart on a new port). */
  setTarget(target: string): void
  close(): Promise<void>
}

interface Upstream {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'proxy-connection',
  'content-length',
  'host'
])

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function checkRates(rates: FaultRates): void {
  let sum = 0
  for (const [k, v] of Object.entries(rates)) {
    if (!(FAULTS as readonly string[]).includes(k)) throw new Error(`unknown fault ${k}`)
    if (v < 0 || v > 1) throw new Error(`rate of ${k} must be in [0, 1]`)
    sum += v
  }
  if (sum > 1 + 1e-9) throw new Error(`fault rates add up to ${sum} > 1`)
}

export async function startFaultProxy(o: ProxyOptions): Promise<FaultProxy> {
  checkRates(o.rates)
  let rates = o.rates
  let target = new URL(o.target)
  const rng = new Rng(o.seed, 7)
  const maxDelay = o.maxDelayMs ?? 200
  const holdMs = o.holdMs ?? 100
  const log: ProxyLogEntry[] = []
  const held: (() => void)[] = []
  const agent = new http.Agent({ keepAlive: true })

  // One draw per request, in arrival order: the same seed gives the same faults.
  const pick = (): Fault | 'none' => {
    let x = rng.next()
    for (const f of FAULTS) {
      const r = rates[f] ?? 0
      if (x < r) return f
      x -= r
    }
    return 'none'
  }

  const forward = (req: http.IncomingMessage, body: Buffer): Promise<Upstream> =>
    new Promise((resolve, reject) => {
      const headers: http.OutgoingHttpHeaders = {}
      for (const [k, v] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(k)) headers[k] = v
      headers['content-length'] = body.length
      const up = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers,
          agent
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 502,
              headers: res.headers,
              body: Buffer.concat(chunks)
            })
          )
          res.on('error', reject)
        }
      )
      up.on('error', reject)
      up.end(body)
    })

  const releaseHeld = (): void => {
    for (const release of held.splice(0)) release()
  }

  const send = (res: http.ServerResponse, u: Upstream): void => {
    const headers: http.OutgoingHttpHeaders = {}
    for (const [k, v] of Object.entries(u.headers)) if (!HOP_BY_HOP.has(k)) headers[k] = v
    headers['content-length'] = u.body.length
    res.writeHead(u.status, headers)
    res.end(u.body)
  }

  const cut = (res: http.ServerResponse): void => {
    res.socket?.destroy()
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const body = await readBody(req)
      const fault = pick()
      const entry: ProxyLogEntry = {
        n: log.length + 1,
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        fault,
        upstreamStatus: null
      }
      log.push(entry)
      try {
        if (fault === 'drop_request') return cut(res)
        if (fault === 'error_503') {
          res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' })
          res.end(JSON.stringify({ code: 'unavailable', message: 'injected 503' }))
          return
        }
        if (fault === 'reorder')
          await new Promise<void>((r) => {
            const timer = setTimeout(r, holdMs)
            held.push(() => {
              clearTimeout(timer)
              setImmediate(r)
            })
          })
        if (fault === 'delay')
          await new Promise((r) => setTimeout(r, Math.floor(rng.next() * maxDelay) + 1))
        const pending = forward(req, body)
        // Requests held for reordering go once this later one has been handed to the server.
        if (fault !== 'reorder') setImmediate(releaseHeld)
        const u = await pending
        entry.upstreamStatus = u.status
        if (fault === 'duplicate') {
          const again = await forward(req, body).catch(() => null)
          entry.duplicateStatus = again?.status ?? null
        }
        if (fault === 'drop_response') return cut(res)
        if (fault === 'error_500') {
          res.writeHead(500, { 'content-type': 'application/json' })
          res.end(JSON.stringify({ code: 'internal', message: 'injected 500' }))
          return
        }
        if (fault === 'truncate') {
          const headers: http.OutgoingHttpHeaders = { ...u.headers }
          for (const k of HOP_BY_HOP) delete headers[k]
          headers['content-length'] = u.body.length
          res.writeHead(u.status, headers)
          res.write(u.body.subarray(0, Math.floor(u.body.length / 2)))
          // Flush what was written, then cut: the client sees a body shorter than announced.
          setTimeout(() => cut(res), 5)
          return
        }
        send(res, u)
      } catch (e) {
        // The server is unreachable (stopped, restarting): what a client would see from a gateway.
        entry.upstreamError = (e as Error).message
        if (!res.headersSent) {
          res.writeHead(502, { 'content-type': 'application/json' })
          res.end(JSON.stringify({ code: 'bad_gateway', message: 'server unreachable' }))
        } else cut(res)
      }
    })()
  })
  server.keepAliveTimeout = 1000
  await new Promise<void>((r) => server.listen(o.port ?? 0, '127.0.0.1', r))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    counts() {
      const c = Object.fromEntries([...FAULTS, 'none'].map((f) => [f, 0])) as Record<
        Fault | 'none',
        number
      >
      for (const e of log) c[e.fault]++
      return c
    },
    setRates(r) {
      checkRates(r)
      rates = r
    },
    setTarget(t) {
      target = new URL(t)
    },
    async close() {
      releaseHeld()
      agent.destroy()
      server.closeAllConnections()
      await new Promise<void>((r) => server.close(() => r()))
    }
  }
}
