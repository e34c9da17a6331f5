// The reference national gateway: Fastify routes over the gateway database. Every route declares
// its guard (public, operator token, signed workstation request); the hooks decide on the route
// the router matched, never on the URL text, and refuse a route that declares none.
import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest
} from 'fastify'
import { z } from 'zod'
import type { SignedApproval } from '../core/review/signed-correction'
import {
  batchRequestSchema,
  MAX_PULL_LIMIT,
  personRecordSchema,
  signedApprovalSchema,
  supervisorRegistrationSchema,
  workstationRegistrationSchema,
  type BatchItemResult
} from '../core/sync/protocol'
import { authenticate, hasSignatureHeaders, registerWorkstation, type Workstation } from './auth'
import { checkSignature, correctionStatus, submitCorrection } from './corrections'
import { isoSql, openGatewayDb, SCHEMA_VERSION, type GatewayDb } from './db'
import { manifest, queriesSchema, reconcile } from './reconcile'
import { personOnly, pullPage, pulled, writeRecord, lockRecord } from './records'
import { seedFromFile, type SeedSummary } from './seed'

export interface GatewayOptions {
  db: GatewayDb
  /** Bearer token for /admin routes. */
  adminToken: string
  /** Clock for the signature window (tests move it). */
  now?: () => number
  /** Told of every route as it is registered, with its guard (tests list them). */
  onRoute?: (method: string, url: string, guard: Guard | undefined) => void
}

/** Who may call a route. */
export type Guard = 'public' | 'operator' | 'workstation'

declare module 'fastify' {
  interface FastifyContextConfig {
    guard?: Guard
  }
}

export const GUARDS: readonly Guard[] = ['public', 'operator', 'workstation']

const PUBLIC = { config: { guard: 'public' as Guard } }
const OPERATOR = { config: { guard: 'operator' as Guard } }
const WORKSTATION = { config: { guard: 'workstation' as Guard } }

const raw = new WeakMap<IncomingMessage, Buffer>()
const who = new WeakMap<IncomingMessage, Workstation>()

function fail(reply: FastifyReply, status: number, code: string, message: string, extra = {}) {
  return reply.code(status).send({ code, message, ...extra })
}

function parse<T>(schema: z.ZodType<T>, value: unknown, reply: FastifyReply): T | null {
  const r = schema.safeParse(value)
  if (r.success) return r.data
  void fail(reply, 400, 'validation', 'request does not match the protocol', {
    issues: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
  })
  return null
}

/**
 * The workstation that signed this request. A workstation route reached without one is a
 * programming error (a wrong guard): it fails the request, never answers for nobody.
 */
export function workstationOf(req: FastifyRequest): Workstation {
  const w = who.get(req.raw)
  if (!w) throw new Error('a workstation route ran without an authenticated workstation')
  return w
}
const ws = workstationOf

/** Fixed texts for the router's and parser's refusals: the request's own text is never echoed. */
function clientError(status: number, code?: string): { code: string; message: string } {
  if (status === 413) return { code: 'too_large', message: 'the request body is too large' }
  if (status === 415) return { code: 'unsupported_media_type', message: 'send application/json' }
  if (code === 'FST_ERR_BAD_URL' || code === 'FST_ERR_MAX_PARAM_LENGTH')
    return { code: 'bad_url', message: 'the request path is not valid' }
  if (code === 'bad_json') return { code: 'bad_request', message: 'body is not valid JSON' }
  return { code: 'bad_request', message: 'the request is not valid' }
}

export function createGateway(o: GatewayOptions): FastifyInstance {
  const { db } = o
  const now = o.now ?? Date.now
  // One spelling per route: no HEAD twins, no folding of case, slashes or ';' parameters. The
  // guards do not depend on these (they read the matched route), but a path that means one
  // thing only is easier to sign, log and reason about. (useSemicolonDelimiter is a router
  // option Fastify's types leave out.)
  const routerOptions = {
    caseSensitive: true,
    ignoreTrailingSlash: false,
    ignoreDuplicateSlashes: false,
    useSemicolonDelimiter: false
  }
  const app = Fastify({
    bodyLimit: 32 * 1024 * 1024,
    logger: false,
    exposeHeadRoutes: false,
    routerOptions,
    // A path that does not decode (bad percent-encoding, overlong UTF-8) or an oversized parameter.
    frameworkErrors: (err: FastifyError, _req: FastifyRequest, reply: FastifyReply) => {
      void reply.code(400).send(clientError(400, err.code))
    }
  })
  const onRoute = o.onRoute
  if (onRoute)
    app.addHook('onRoute', (r) => {
      for (const m of [r.method].flat()) onRoute(m, r.url, r.config?.guard)
    })

  // Bodies are kept as received: the request signature covers their exact bytes.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser(
    ['application/json', 'application/x-www-form-urlencoded'],
    { parseAs: 'buffer' },
    (req, body: Buffer, done) => {
      raw.set(req.raw, body)
      if (body.length === 0) return done(null, undefined)
      try {
        const text = body.toString('utf8')
        if ((req.headers['content-type'] ?? '').startsWith('application/json'))
          done(null, JSON.parse(text))
        else done(null, Object.fromEntries(new URLSearchParams(text)))
      } catch {
        done(
          Object.assign(new Error('body is not valid JSON'), { statusCode: 400, code: 'bad_json' }),
          undefined
        )
      }
    }
  )

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, _req, reply) => {
    const status =
      err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500
    if (status === 500) {
      // The caller learns nothing of the cause; the operator's log gets all of it.
      console.error('[gateway] internal error:', err)
      return reply.code(500).send({ code: 'internal', message: 'internal error' })
    }
    return reply.code(status).send(clientError(status, err.code))
  })
  app.setNotFoundHandler((_req, reply) => fail(reply, 404, 'not_found', 'no such route'))

  // Before the body is read: the route the router matched says who may call it. A route with no
  // guard is refused, so a route added without thinking about access is closed, not open.
  app.addHook('onRequest', async (req, reply) => {
    if (req.is404) return // the not-found handler answers; no route handler runs
    switch (req.routeOptions.config.guard) {
      case 'public':
        return
      case 'operator': {
        const got = Buffer.from(req.headers.authorization ?? '')
        const want = Buffer.from(`Bearer ${o.adminToken}`)
        if (got.length !== want.length || !timingSafeEqual(got, want))
          return fail(reply, 401, 'unauthorized', 'administration needs the operator token')
        return
      }
      case 'workstation':
        if (!hasSignatureHeaders(req.headers))
          return fail(reply, 401, 'missing_signature', 'request refused: missing_signature')
        return
      default:
        return fail(reply, 403, 'forbidden', 'this route is closed')
    }
  })

  // After the body is read: a workstation request's signature covers its exact bytes.
  app.addHook('preHandler', async (req, reply) => {
    if (req.is404 || req.routeOptions.config.guard !== 'workstation') return
    const body = raw.get(req.raw) ?? Buffer.alloc(0)
    const auth = await authenticate(db, req.method, req.url, req.headers, body, now())
    if (!auth.ok) return fail(reply, 401, auth.why, `request refused: ${auth.why}`)
    who.set(req.raw, auth.workstation)
  })

  app.get('/health', PUBLIC, (_req, reply) =>
    reply.send({ ok: true, database: db.kind, schema: SCHEMA_VERSION })
  )

  // ---- administration (the national operator) ----
  app.post('/admin/workstations', OPERATOR, async (req, reply) => {
    const b = parse(workstationRegistrationSchema, req.body, reply)
    if (!b) return reply
    return reply.code(201).send(await registerWorkstation(db, b.commune, b.name))
  })

  app.put<{ Params: { username: string } }>(
    '/admin/supervisors/:username',
    OPERATOR,
    async (req, reply) => {
      const b = parse(supervisorRegistrationSchema, req.body, reply)
      if (!b) return reply
      await db.tx(async (q) => {
        for (const commune of b.communes)
          await q.query(
            `INSERT INTO supervisor_key (username, commune, public_key) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING`,
            [req.params.username, commune, b.publicKey]
          )
      })
      return { username: req.params.username, communes: b.communes, publicKey: b.publicKey }
    }
  )

  // What the gateway holds, by area: an operator's overview (and how a relay finds its communes).
  app.get('/admin/areas', OPERATOR, async () => ({
    areas: await db.query<{ area: string; records: number }>(
      `SELECT commune AS area, count(*)::int AS records FROM person
       WHERE NOT deleted AND commune IS NOT NULL GROUP BY commune ORDER BY commune`
    )
  }))

  // Changes made on the national side by others (a birth, a move, a death, a merge).
  app.put<{ Params: { key: string } }>('/admin/records/:key', OPERATOR, async (req, reply) => {
    const b = parse(z.object({ record: personRecordSchema }), req.body, reply)
    if (!b) return reply
    const record = personOnly(b.record)
    const version = await db.tx((q) => writeRecord(q, req.params.key, record))
    return { key: req.params.key, version }
  })

  app.delete<{ Params: { key: string } }>('/admin/records/:key', OPERATOR, async (req, reply) => {
    const out = await db.tx(async (q) => {
      const cur = await lockRecord(q, req.params.key)
      if (!cur || cur.deleted) return null
      return writeRecord(q, cur.key, cur.record, { deleted: true })
    })
    if (out === null) return fail(reply, 404, 'not_found', `no record ${req.params.key}`)
    return { key: req.params.key, version: out, deleted: true }
  })

  // ---- workstations ----
  app.get('/v1/session', WORKSTATION, (req, reply) => reply.send({ workstation: ws(req) }))

  app.get<{ Params: { area: string }; Querystring: { cursor?: string; limit?: string } }>(
    '/v1/areas/:area/records',
    WORKSTATION,
    async (req, reply) => {
      if (req.params.area !== ws(req).commune)
        return fail(
          reply,
          403,
          'other_area',
          `this workstation pulls commune ${ws(req).commune} only`
        )
      const cursor = req.query.cursor ?? ''
      const limit = req.query.limit === undefined ? 1000 : Number(req.query.limit)
      if (!/^\d*$/.test(cursor) || !Number.isInteger(limit) || limit < 1 || limit > MAX_PULL_LIMIT)
        return fail(
          reply,
          400,
          'validation',
          `cursor must be a cursor from a previous page; limit 1..${MAX_PULL_LIMIT}`
        )
      const { json } = await pullPage(db, req.params.area, cursor, limit)
      return reply.type('application/json; charset=utf-8').send(json)
    }
  )

  app.get<{ Params: { key: string } }>('/v1/records/:key', WORKSTATION, async (req, reply) => {
    const rows = await db.query<Parameters<typeof pulled>[0]>(
      `SELECT key, commune, version, deleted, record FROM person WHERE key = $1 AND commune = $2`,
      [req.params.key, ws(req).commune]
    )
    if (!rows[0])
      return fail(reply, 404, 'not_found', `no record ${req.params.key} in this commune`)
    return pulled(rows[0])
  })

  const answer = async (reply: FastifyReply, a: SignedApproval) => {
    const r = await submitCorrection(db, ws(reply.request), a)
    if (r.replayed) void reply.header('idempotent-replayed', 'true')
    return reply.code(r.status).send(r.body)
  }

  app.put<{ Params: { uuid: string } }>(
    '/v1/corrections/:uuid',
    WORKSTATION,
    async (req, reply) => {
      const a = parse(signedApprovalSchema, req.body, reply)
      if (!a) return reply
      if (a.payload.uuid !== req.params.uuid)
        return fail(reply, 400, 'uuid_mismatch', 'the path UUID differs from payload.uuid')
      return answer(reply, a)
    }
  )

  app.post('/v1/corrections/batch', WORKSTATION, async (req, reply) => {
    const b = parse(batchRequestSchema, req.body, reply)
    if (!b) return reply
    const results: BatchItemResult[] = []
    // One transaction per item: one bad item never holds back the others.
    for (const item of b.items) {
      const a = signedApprovalSchema.safeParse(item)
      if (!a.success) {
        const id = (item as { payload?: { uuid?: unknown } } | null)?.payload?.uuid
        results.push({
          uuid: typeof id === 'string' ? id : null,
          status: 400,
          body: {
            code: 'validation',
            message: a.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
          }
        })
        continue
      }
      const r = await submitCorrection(db, ws(req), a.data)
      results.push({ uuid: a.data.payload.uuid, status: r.status, body: r.body })
    }
    return { results }
  })

  app.get<{ Params: { uuid: string } }>(
    '/v1/corrections/:uuid',
    WORKSTATION,
    async (req, reply) => {
      if (!/^[0-9a-f-]{36}$/.test(req.params.uuid))
        return fail(reply, 400, 'validation', 'not a UUID')
      const r = await correctionStatus(db, ws(req), req.params.uuid)
      if (!r)
        return fail(reply, 404, 'not_found', `no correction ${req.params.uuid} from this commune`)
      return r
    }
  )

  app.get<{ Params: { username: string } }>(
    '/v1/supervisors/:username',
    WORKSTATION,
    async (req) => {
      const keys = await db.query<{ commune: string; publicKey: string; registeredAt: string }>(
        `SELECT commune, public_key AS "publicKey", ${isoSql('registered_at')} AS "registeredAt"
       FROM supervisor_key WHERE username = $1 AND commune = $2 ORDER BY registered_at`,
        [req.params.username, ws(req).commune]
      )
      return { username: req.params.username, keys }
    }
  )

  app.post('/v1/signatures/verify', WORKSTATION, async (req, reply) => {
    const a = parse(signedApprovalSchema, req.body, reply)
    if (!a) return reply
    const r = await checkSignature(db, a, ws(req).commune)
    return r.ok ? { valid: true } : { valid: false, reason: r.reason, detail: r.detail }
  })

  app.get('/reconcile', PUBLIC, (req, reply) =>
    reply.send(manifest(`${req.protocol}://${req.host}`))
  )
  app.post('/v1/reconcile', WORKSTATION, async (req, reply) => {
    const body = req.body as { queries?: unknown } | undefined
    let queries: unknown = body?.queries
    if (typeof queries === 'string') {
      try {
        queries = JSON.parse(queries)
      } catch {
        return fail(reply, 400, 'validation', 'queries is not JSON')
      }
    }
    const q = parse(queriesSchema, queries, reply)
    if (!q) return reply
    return reconcile(db, q)
  })

  return app
}

export interface StartOptions {
  /** PostgreSQL URL; when absent, embedded PGlite in dataDir. */
  databaseUrl?: string
  dataDir?: string
  port?: number
  host?: string
  adminToken: string
  seedFrom?: string
  onSeed?: (s: SeedSummary) => void
}

export interface RunningGateway {
  url: string
  app: FastifyInstance
  db: GatewayDb
  seeded: SeedSummary | null
  close(): Promise<void>
}

export async function startGateway(o: StartOptions): Promise<RunningGateway> {
  const db = await openGatewayDb({ url: o.databaseUrl, dataDir: o.dataDir })
  let seeded: SeedSummary | null = null
  try {
    if (o.seedFrom) seeded = await seedFromFile(db, o.seedFrom, o.onSeed)
    const app = createGateway({ db, adminToken: o.adminToken })
    await app.listen({ port: o.port ?? 0, host: o.host ?? '127.0.0.1' })
    const addr = app.server.address()
    const port = typeof addr === 'object' && addr ? addr.port : o.port
    const host = o.host ?? '127.0.0.1'
    return {
      url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      app,
      db,
      seeded,
      async close() {
        await app.close()
        await db.close()
      }
    }
  } catch (e) {
    await db.close()
    throw e
  }
}
