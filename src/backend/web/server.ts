// Web mode: the built renderer and the same handlers over HTTP on 127.0.0.1 (Fastify), guarded by a token.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Readable } from 'node:stream'
import fastifyCookie from '@fastify/cookie'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import { API_NAMES, type ApiName } from '../../shared/api'
import { AppError, type ErrorCode, type Result } from '../../shared/errors'
import { contentSecurityPolicy } from '../../shared/csp'
import { toErrorShape } from '../errors'
import { allowed } from '../auth/permissions'
import { takeSession } from '../auth/carry'
import type { Backend } from '../host'
import { MAX_UPLOAD_BYTES as MAX_UPLOAD } from '../../shared/api'
import { UploadStore, type UploadLimits } from './uploads'

const CSP = contentSecurityPolicy()

const MAX_BODY = 1 << 20
/** Two files of the largest size may wait for their import at once, whoever sent them. */
const MAX_UPLOADS_HELD = MAX_UPLOAD * 2
/** How often event streams and uploads are checked against the sessions that opened them. */
const SWEEP_MS = 30_000

/** The calls that read a file a browser names: an upload is for a role that may make one of them. */
const FILE_CALLS: readonly ApiName[] = [
  'import/preview',
  'import/file',
  'packages/importProposals',
  'packages/importDecisions'
]

const STATUS: Partial<Record<ErrorCode, number>> = {
  validation: 400,
  unauthorized: 401,
  not_signed_in: 401,
  session_expired: 401,
  login_failed: 401,
  account_locked: 423,
  forbidden: 403,
  not_supervisor: 403,
  own_proposal: 403,
  illegal_transition: 409,
  unknown_handler: 404,
  not_found: 404,
  job_not_found: 404,
  duplicate_file: 409,
  upload_unknown: 404,
  upload_too_large: 413,
  internal: 500
}

/**
 * What an /api route demands, declared on the route itself (Fastify route config) and read from
 * the route that matched, never from the URL's text. Every one needs the token and our origin.
 * - `token`: nothing more here; behind it the handler registry's permission table decides
 *   who may call what (signing in is public);
 * - `signedIn`: a signed-in user (the event stream); the token may come in the query string,
 *   since EventSource cannot send a header;
 * - `fileCaller`: a signed-in user whose role may call one of FILE_CALLS (uploads).
 */
type WebGuard = 'token' | 'signedIn' | 'fileCaller'

declare module 'fastify' {
  interface FastifyContextConfig {
    webGuard?: WebGuard
  }
}

export interface WebServerOptions {
  backend: Backend
  rendererDir: string
  /** The private folder uploads wait in: next to the database, emptied at start and at close. */
  uploadDir: string
  port?: number
  token?: string
  /** Caps on a JSON body and on uploads (tests make them small). */
  limits?: { body?: number } & Partial<UploadLimits>
}

export interface WebServer {
  url: string
  port: number
  token: string
  server: Server
  /** The uploads waiting for their import (tests look at them). */
  uploads: UploadStore
  close(): Promise<void>
}

/** Deny by default: a route that declares no guard is a programming error, refused at start. */
export function requireGuards(instance: FastifyInstance): void {
  instance.addHook('onRoute', (route) => {
    if (!route.config?.webGuard) throw new Error(`web route ${route.url} declares no guard`)
  })
}

export async function startWebServer(o: WebServerOptions): Promise<WebServer> {
  const { backend } = o
  const token = o.token ?? randomBytes(24).toString('base64url')
  const tokenBuf = Buffer.from(token)
  const bodyLimit = o.limits?.body ?? MAX_BODY
  const uploads = new UploadStore(o.uploadDir, {
    file: o.limits?.file ?? MAX_UPLOAD,
    total: o.limits?.total ?? MAX_UPLOADS_HELD
  })
  /** Open event streams, each with the session that opened it. */
  const streams = new Map<ServerResponse, string>()
  // Known once listening; until then nothing is served.
  let origins: string[] = []
  let hosts: string[] = []
  let cookieName = 'doisoat_session'

  const tokenOk = (candidate: unknown): boolean => {
    if (typeof candidate !== 'string') return false
    const b = Buffer.from(candidate)
    return b.length === tokenBuf.length && timingSafeEqual(b, tokenBuf)
  }
  const sessionOf = (req: FastifyRequest): string | null => req.cookies[cookieName] ?? null

  /** Why `guard` turns this request away; null when it passes. */
  function refusal(req: FastifyRequest, guard: WebGuard): AppError | null {
    const query = req.query as Record<string, unknown>
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1]
    if (!tokenOk(bearer) && !(guard === 'signedIn' && tokenOk(query.token)))
      return new AppError('unauthorized')
    const origin = req.headers.origin
    if (origin !== undefined && !origins.includes(origin)) return new AppError('unauthorized')
    if (guard === 'token') return null
    const user = backend.principal(sessionOf(req), guard === 'fileCaller')
    if (!user) return new AppError('not_signed_in')
    if (guard === 'fileCaller' && !FILE_CALLS.some((n) => allowed(n, user.role)))
      return new AppError('forbidden', { username: user.username, action: 'upload' })
    return null
  }

  /** Every JSON answer goes through here: an upload's place on the server never reaches the page. */
  const json = (reply: FastifyReply, status: number, body: Result<unknown>): FastifyReply =>
    reply
      .code(status)
      .header('content-type', 'application/json; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .send(uploads.scrub(JSON.stringify(body)))
  const refuse = (reply: FastifyReply, e: unknown): FastifyReply => {
    const error = toErrorShape(e)
    return json(reply, STATUS[error.code] ?? 422, { ok: false, error })
  }

  const app: FastifyInstance = Fastify({
    logger: false,
    bodyLimit,
    // One path, one route: doubled and trailing slashes reach the route (and its guards) they spell.
    routerOptions: { ignoreDuplicateSlashes: true, ignoreTrailingSlash: true },
    return503OnClosing: true
  })

  // DNS-rebinding guard, before any routing: only our own host name reaches us.
  app.addHook('onRequest', async (req, reply) => {
    if (!hosts.includes(req.headers.host ?? '')) return reply.code(421).send()
  })
  await app.register(fastifyCookie)

  await app.register(
    async (api) => {
      requireGuards(api)

      api.addHook('onRequest', async (req, reply) => {
        // The route that matched decides; an address that matched none needs the token, like all.
        const guard = req.routeOptions.config.webGuard ?? 'token'
        const problem = refusal(req, guard)
        if (!problem) return
        // The body of a refused request is never read: close rather than drain it.
        reply.header('connection', 'close')
        return refuse(reply, problem)
      })

      api.setErrorHandler((err: Error & { statusCode?: number }, _req, reply) => {
        if (err instanceof AppError) return refuse(reply, err)
        if (err.statusCode === 413)
          return json(reply, 413, {
            ok: false,
            error: toErrorShape(new AppError('validation', { detail: 'request body too large' }))
          })
        if (err.statusCode !== undefined && err.statusCode < 500)
          return refuse(reply, new AppError('validation', { detail: 'invalid request' }))
        return refuse(reply, err)
      })
      // Any other /api address, in any method: past the token, there is nothing there.
      const nothing = (_req: FastifyRequest, reply: FastifyReply) =>
        refuse(reply, new AppError('unknown_handler', { name: '' }))
      api.all('/*', { config: { webGuard: 'token' } }, nothing)
      api.setNotFoundHandler(nothing)

      // Bodies are JSON whatever the client calls them; an empty body is no arguments.
      api.removeAllContentTypeParsers()
      api.addContentTypeParser('*', { parseAs: 'string' }, (_req, body: string, done) => {
        try {
          done(null, body.trim() === '' ? {} : (JSON.parse(body) as unknown))
        } catch {
          done(new AppError('validation', { detail: 'invalid JSON' }), undefined)
        }
      })

      api.post<{ Params: { domain: string; verb: string } }>(
        '/:domain/:verb',
        { config: { webGuard: 'token' } },
        async (req, reply) => {
          const name = `${req.params.domain}/${req.params.verb}`
          // A name the registry does not know is not repeated back: it is whatever the address said.
          if (!(API_NAMES as readonly string[]).includes(name)) return nothing(req, reply)
          // The session travels in an HttpOnly cookie named for this port: page scripts never see it.
          const session = sessionOf(req)
          const files = uploads.source(session ?? '')
          const called = await backend.call(name, req.body, session, files)
          const { result, session: next } = takeSession(name, called)
          if (next !== undefined) {
            const flags = { path: '/api', httpOnly: true, sameSite: 'strict' } as const
            if (next) reply.setCookie(cookieName, next, flags)
            else reply.setCookie(cookieName, '', { ...flags, maxAge: 0 })
            // The session that sent this is over: its uploads and event streams go with it.
            if (session) endSession(session)
          }
          if (result.ok) return json(reply, 200, result)
          return json(reply, STATUS[result.error.code] ?? 422, result)
        }
      )

      // A browser cannot hand over a path: it sends the bytes, kept until their import.
      await api.register((upload, _opts, done) => {
        upload.removeAllContentTypeParsers()
        upload.addContentTypeParser('*', (_req, payload, done) => done(null, payload))
        upload.post<{ Querystring: { name?: string } }>(
          '/upload',
          { config: { webGuard: 'fileCaller' } },
          async (req, reply) => {
            const declared = Number(req.headers['content-length'] ?? 0)
            const owner = sessionOf(req) ?? ''
            try {
              const id = await uploads.receive(
                req.body as Readable,
                String(req.query.name ?? 'upload.csv'),
                owner,
                declared
              )
              return json(reply, 200, { ok: true, value: { path: id } })
            } catch (e) {
              // The rest of a refused body is not read: the connection closes after the answer.
              reply.header('connection', 'close')
              return refuse(reply, e)
            }
          }
        )
        done()
      })

      api.get('/events', { config: { webGuard: 'signedIn' } }, (req, reply) => {
        reply.hijack()
        const res = reply.raw
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
          connection: 'keep-alive'
        })
        res.write(': connected\n\n')
        streams.set(res, sessionOf(req) ?? '')
        req.raw.on('close', () => streams.delete(res))
      })
    },
    { prefix: '/api' }
  )

  await app.register(fastifyStatic, {
    root: o.rendererDir,
    wildcard: true,
    index: ['index.html'],
    dotfiles: 'ignore',
    cacheControl: false,
    etag: false,
    lastModified: false,
    setHeaders(res, path) {
      res.header('content-security-policy', CSP)
      res.header('x-content-type-options', 'nosniff')
      res.header('referrer-policy', 'no-referrer')
      res.header('x-frame-options', 'DENY')
      res.header('cache-control', path.endsWith('index.html') ? 'no-store' : 'max-age=3600')
    }
  })
  // Outside /api only the page answers: a refused or broken request gets its status, no details.
  app.setErrorHandler((err: Error & { statusCode?: number }, _req, reply) =>
    reply.code(err.statusCode !== undefined && err.statusCode < 500 ? err.statusCode : 500).send()
  )
  app.setNotFoundHandler((req, reply) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply.code(405).send()
    return reply.sendFile('index.html')
  })

  /** A stream lives as long as the session that opened it: signed out or expired, it ends. */
  const live = (res: ServerResponse): boolean => {
    if (backend.principal(streams.get(res), false)) return true
    streams.delete(res)
    res.end()
    return false
  }
  function endSession(session: string): void {
    uploads.sweep((owner) => owner !== session)
    for (const [res, owner] of [...streams]) if (owner === session) live(res)
  }
  // Job events are the workstation's (every role sees them in jobs/list and on the dashboard),
  // so every signed-in stream receives each of them.
  const unsubscribe = backend.onEvent((event, payload) => {
    const frame = uploads.scrub(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`)
    for (const res of [...streams.keys()]) if (live(res)) res.write(frame)
  })
  const sweeper = setInterval(() => {
    for (const res of [...streams.keys()]) if (live(res)) res.write(': still here\n\n')
    uploads.sweep((owner) => backend.principal(owner, false) !== null)
  }, SWEEP_MS)
  sweeper.unref()

  await app.listen({ port: o.port ?? 0, host: '127.0.0.1' })
  const port = (app.server.address() as AddressInfo).port
  origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`]
  hosts = [`127.0.0.1:${port}`, `localhost:${port}`]
  cookieName = `doisoat_session_${port}`
  return {
    url: `${origins[0]}/?token=${token}`,
    port,
    token,
    server: app.server,
    uploads,
    async close() {
      clearInterval(sweeper)
      unsubscribe()
      for (const res of streams.keys()) res.end()
      streams.clear()
      await app.close()
      uploads.close()
    }
  }
}
