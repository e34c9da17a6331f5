// Who may call each gateway route is decided on the route the router matched: every route declares
// a guard, a route without one is refused, a workstation route never runs for nobody, and every
// protected path sent in other spellings (encoded, double-encoded, other case, extra slashes, dot
// segments, trailing slash, matrix parameters, encoded slashes, backslashes, null bytes, overlong
// UTF-8, absolute form) is refused as the plain path is, and changes nothing.
import { randomUUID } from 'node:crypto'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PulledRecord } from '../../src/core/sync/protocol'
import { signRequest } from '../../src/core/sync/request-signing'
import type { GatewayDb } from '../../src/gateway/db'
import { createGateway, GUARDS, workstationOf, type Guard } from '../../src/gateway/server'
import { tempDir } from '../helpers/tmp'
import {
  ADMIN,
  BACKENDS,
  correction,
  newSupervisor,
  samplePopulation,
  startTestGateway,
  type TestGateway
} from './fixture'

/** Every route with its guard, as the gateway registers them (no database needed to list them). */
async function routes(): Promise<{ method: string; url: string; guard: Guard | undefined }[]> {
  const out: { method: string; url: string; guard: Guard | undefined }[] = []
  const app = createGateway({
    db: {} as GatewayDb,
    adminToken: 'x',
    onRoute: (method, url, guard) => out.push({ method, url, guard })
  })
  await app.ready()
  await app.close()
  return out
}

const fakeDb = { kind: 'pglite', query: () => Promise.resolve([]) } as unknown as GatewayDb

describe('route guards', () => {
  it('every route declares a guard; only /health and the reconciliation manifest are public', async () => {
    const all = await routes()
    expect(all.length).toBeGreaterThanOrEqual(16)
    for (const r of all) expect(GUARDS, `${r.method} ${r.url}`).toContain(r.guard)
    expect(
      all
        .filter((r) => r.guard === 'public')
        .map((r) => `${r.method} ${r.url}`)
        .sort()
    ).toEqual(['GET /health', 'GET /reconcile'])
    for (const r of all.filter((x) => x.url.startsWith('/admin/')))
      expect(r.guard, r.url).toBe('operator')
    for (const r of all.filter((x) => x.url.startsWith('/v1/')))
      expect(r.guard, r.url).toBe('workstation')
  })

  it('refuses a route registered without a guard, before its handler runs', async () => {
    const app = createGateway({ db: fakeDb, adminToken: 'x' })
    let ran = false
    app.post('/admin/extra', () => {
      ran = true
      return { ok: true }
    })
    const res = await app.inject({
      method: 'POST',
      url: '/admin/extra',
      headers: { authorization: 'Bearer x', 'content-type': 'application/json' },
      payload: '{}'
    })
    expect(res.statusCode).toBe(403)
    expect(res.json()).toMatchObject({ code: 'forbidden' })
    expect(ran).toBe(false)
    await app.close()
  })

  it('fails a workstation handler reached without a workstation, never answering for nobody', async () => {
    const app = createGateway({ db: fakeDb, adminToken: 'x' })
    // A route given the wrong guard by mistake: the handler asks who signed, and nobody did.
    app.get('/v1/mistake', { config: { guard: 'public' } }, (req) => ({
      workstation: workstationOf(req)
    }))
    const res = await app.inject({ method: 'GET', url: '/v1/mistake' })
    expect(res.statusCode).toBe(500)
    expect(res.json()).toEqual({ code: 'internal', message: 'internal error' })
    await app.close()
  })

  it('never echoes the request path in an error', async () => {
    const app = createGateway({ db: fakeDb, adminToken: 'x' })
    for (const url of ['/nope<script>', '/admin/records/%E0%A4%A', '/v1/records/%C0%AF']) {
      const res = await app.inject({ method: 'GET', url })
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400)
      expect(res.body, url).not.toMatch(/script|%E0|%C0|URI malformed/i)
    }
    await app.close()
  })
})

/** One request exactly as written (no client-side normalisation of the path). */
function rawRequest(
  url: string,
  method: string,
  target: string,
  headers: Record<string, string> = {},
  body = ''
): Promise<number> {
  const { hostname, port } = new URL(url)
  const head = [
    `${method} ${target} HTTP/1.1`,
    `Host: ${hostname}:${port}`,
    'Connection: close',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    ...(body || method !== 'GET' ? ['Content-Type: application/json'] : []),
    `Content-Length: ${Buffer.byteLength(body)}`,
    '',
    ''
  ].join('\r\n')
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname)
    let got = ''
    socket.setEncoding('latin1')
    socket.on('data', (d: string) => (got += d))
    socket.on('error', reject)
    socket.on('close', () => {
      const m = /^HTTP\/1\.1 (\d{3})/.exec(got)
      if (m) resolve(Number(m[1]))
      else reject(new Error(`no HTTP answer to ${method} ${target}: ${JSON.stringify(got)}`))
    })
    // Written, not ended: a half-closed socket may be dropped before a slow answer is sent.
    // 'Connection: close' has the server close it after answering.
    socket.write(Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(body)]))
  })
}

/** Percent-encode the letter at `i` of the path (hex in `hexCase`). */
const encodeAt = (p: string, i: number, hexCase: 'lower' | 'upper' = 'lower'): string => {
  const hex = p.charCodeAt(i).toString(16)
  return `${p.slice(0, i)}%${hexCase === 'lower' ? hex.toLowerCase() : hex.toUpperCase()}${p.slice(i + 1)}`
}

/** Spellings the router takes to the same route: the outcome must be the plain path's. */
function sameRoute(p: string): string[] {
  const second = p.indexOf('/', 1) + 1
  return [
    encodeAt(p, 1), // /%61dmin/..., /%761/...
    encodeAt(p, 2, 'upper'),
    encodeAt(p, second), // a letter of the second segment
    p.replace(/[a-z0-9]/g, (c) => `%${c.charCodeAt(0).toString(16)}`), // every letter and digit
    p.replace(/[a-z]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    `${p}?x=1`,
    `${p}#x`,
    `http://127.0.0.1${p}`, // absolute form: the router takes the path part
    `http://evil.example${p}`
  ]
}

/** Spellings that are another path, or no valid path at all: refused or not found, never served. */
function otherPath(p: string): string[] {
  const [, first, ...rest] = p.split('/')
  const tail = rest.join('/')
  return [
    `/%25${first!.charCodeAt(0).toString(16)}${p.slice(2)}`, // double-encoded: %2561
    p.toUpperCase(),
    `/${first![0]!.toUpperCase()}${first!.slice(1)}/${tail}`,
    `/${first}/${tail.toUpperCase()}`,
    `/${p}`,
    `//${first}//${tail}`,
    `/${first}//${tail}`,
    `/x/../${first}/${tail}`,
    `/./${first}/${tail}`,
    `/${first}/./${tail}`,
    `/x/%2e%2e/${first}/${tail}`,
    `/%2e/${first}/${tail}`,
    `/${first}/${tail}/..`,
    `${p}/`,
    `/${first};x=1/${tail}`,
    `${p};x=1`,
    `/${first}%2f${tail}`,
    `/${first}%2F${tail}`,
    `/${first}\\${tail}`,
    `\\${first}\\${tail}`,
    `/${first}%5c${tail}`,
    `/${first}%00/${tail}`,
    `/${first}\u0000/${tail}`, // a raw NUL: Node's parser refuses the request line
    `${p}%00`,
    `/%c1%a1${p.slice(2)}`, // overlong UTF-8 for 'a'
    `/${first}%c0%af${tail}`, // overlong UTF-8 for '/'
    `/%ef%bd%81${p.slice(2)}`, // fullwidth 'a'
    `/${first}%20/${tail}`,
    `/${first}/${tail}%3fx=1`,
    `/${first}/${tail}%23x`,
    `/%u0061${p.slice(2)}`,
    `/${first}/%`
  ]
}

const dir = tempDir('doisoat-gateway-guards-')
let population = ''
beforeAll(async () => {
  population = await samplePopulation(dir, 80, 11)
}, 60_000)

describe.each(BACKENDS)('protected gateway paths in other spellings, on %s', (backend) => {
  let t: TestGateway
  let record: PulledRecord
  beforeAll(async () => {
    t = await startTestGateway(backend, dir, population)
    record = (await t.all()).find((r) => r.record)!
  }, 120_000)
  afterAll(async () => {
    await t?.gw.close()
  })

  /** What an attacker without credentials would try on each protected route. */
  function attempts(): { route: string; path: string; body: string }[] {
    const approval = correction(t.supervisor, record, [
      { field: 'ethnicity', oldValue: null, newValue: 'Tày' }
    ])
    const intruder = newSupervisor('ke-gian')
    const json = (v: unknown) => JSON.stringify(v)
    return [
      {
        route: 'POST /admin/workstations',
        path: '/admin/workstations',
        body: json({ commune: t.commune, name: 'máy lạ' })
      },
      {
        route: 'PUT /admin/supervisors/:username',
        path: '/admin/supervisors/ke-gian',
        body: json({ publicKey: intruder.publicKey, communes: [t.commune] })
      },
      { route: 'GET /admin/areas', path: '/admin/areas', body: '' },
      {
        route: 'PUT /admin/records/:key',
        path: `/admin/records/${record.key}`,
        body: json({ record: { ...record.record, full_name: 'Kẻ Gian' } })
      },
      { route: 'DELETE /admin/records/:key', path: `/admin/records/${record.key}`, body: '' },
      { route: 'GET /v1/session', path: '/v1/session', body: '' },
      {
        route: 'GET /v1/areas/:area/records',
        path: `/v1/areas/${t.commune}/records`,
        body: ''
      },
      { route: 'GET /v1/records/:key', path: `/v1/records/${record.key}`, body: '' },
      {
        route: 'PUT /v1/corrections/:uuid',
        path: `/v1/corrections/${approval.payload.uuid}`,
        body: json(approval)
      },
      {
        route: 'POST /v1/corrections/batch',
        path: '/v1/corrections/batch',
        body: json({ items: [approval] })
      },
      { route: 'GET /v1/corrections/:uuid', path: `/v1/corrections/${randomUUID()}`, body: '' },
      { route: 'GET /v1/supervisors/:username', path: '/v1/supervisors/giamsat1', body: '' },
      { route: 'POST /v1/signatures/verify', path: '/v1/signatures/verify', body: json(approval) },
      {
        route: 'POST /v1/reconcile',
        path: '/v1/reconcile',
        body: json({ queries: { q0: { query: 'Nguyễn' } } })
      }
    ]
  }

  async function snapshot() {
    const [state] = await t.gw.db.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM workstation) AS workstations,
              (SELECT count(*)::int FROM supervisor_key) AS keys,
              (SELECT count(*)::int FROM correction) AS corrections,
              (SELECT count(*)::int FROM ledger) AS ledger,
              (SELECT max(seq)::int FROM person) AS seq`
    )
    const [person] = await t.gw.db.query<{ version: number; deleted: boolean; record: unknown }>(
      'SELECT version, deleted, record FROM person WHERE key = $1',
      [record.key]
    )
    return { ...state, person }
  }

  it('tries every route that is not public', async () => {
    const guarded = (await routes()).filter((r) => r.guard !== 'public')
    expect(
      attempts()
        .map((a) => a.route)
        .sort()
    ).toEqual(guarded.map((r) => `${r.method} ${r.url}`).sort())
  })

  it('refuses every spelling without credentials as it refuses the plain path, and changes nothing', async () => {
    const before = await snapshot()
    const seen: string[] = []
    for (const a of attempts()) {
      const method = a.route.split(' ')[0]!
      const plain = await rawRequest(t.gw.url, method, a.path, {}, a.body)
      expect([401], a.route).toContain(plain)
      for (const target of sameRoute(a.path)) {
        const status = await rawRequest(t.gw.url, method, target, {}, a.body)
        seen.push(`${status} ${method} ${target}`)
        expect(status, `${method} ${target}`).toBe(plain)
      }
      for (const target of otherPath(a.path)) {
        const status = await rawRequest(t.gw.url, method, target, {}, a.body)
        seen.push(`${status} ${method} ${target}`)
        // Another route's guard (a parameter that took the rest), no route, or no valid path.
        expect([400, 401, 404], `${method} ${target}`).toContain(status)
      }
    }
    expect(seen.length).toBeGreaterThan(500)
    expect(await snapshot()).toEqual(before)
  })

  it('with the operator token, the same spellings reach the route and the others reach none', async () => {
    const auth = { authorization: `Bearer ${ADMIN}` }
    expect(await rawRequest(t.gw.url, 'GET', '/admin/areas', auth)).toBe(200)
    for (const target of sameRoute('/admin/areas'))
      expect(await rawRequest(t.gw.url, 'GET', target, auth), target).toBe(200)
    for (const target of otherPath('/admin/areas'))
      expect([400, 404], target).toContain(await rawRequest(t.gw.url, 'GET', target, auth))
  })

  it('a signed request is bound to the exact spelling it signed', async () => {
    const path = `/v1/records/${record.key}`
    const encoded = encodeAt(path, 1)
    // Signed for the plain path, sent encoded: the signature does not cover what arrived.
    const headers = await signRequest(t.client.credential, 'GET', path)
    expect(await rawRequest(t.gw.url, 'GET', encoded, headers)).toBe(401)
    expect(await rawRequest(t.gw.url, 'GET', path, headers)).toBe(200)
  })
})
