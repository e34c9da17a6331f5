// Web mode: the built renderer and the same handlers over HTTP on 127.0.0.1, guarded by a token.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { pipeline } from 'node:stream/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { basename, extname, join, normalize, sep } from 'node:path'
import type { ApiErrorShape, ErrorCode, Result } from '../../shared/errors'
import { AppError } from '../../shared/errors'
import { contentSecurityPolicy } from '../../shared/csp'
import { toErrorShape } from '../errors'
import { takeSession } from '../auth/carry'
import { ownerOnlyFolder, removeLeftovers } from '../files/data-dir'
import type { Backend } from '../host'
import { MAX_UPLOAD_BYTES as MAX_UPLOAD } from '../../shared/api'

const CSP = contentSecurityPolicy()

const MAX_BODY = 1 << 20

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf'
}

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
  internal: 500
}

export interface WebServerOptions {
  backend: Backend
  rendererDir: string
  port?: number
  token?: string
  /**
   * Where uploaded files wait while they are previewed and imported: the app's data folder
   * (`uploads/` beside the database), never the working directory. Default: the system's
   * temporary folder.
   */
  uploadsDir?: string
}

export interface WebServer {
  url: string
  port: number
  token: string
  server: Server
  close(): Promise<void>
}

function send(res: ServerResponse, status: number, body: Result<unknown>): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff'
  })
  res.end(text)
}

function sendError(res: ServerResponse, error: ApiErrorShape): void {
  send(res, STATUS[error.code] ?? 422, { ok: false, error })
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) {
        reject(new AppError('validation', { detail: 'request body too large' }))
        req.destroy()
        return
      }
      chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}

function sessionCookie(name: string, session: string | null): string {
  const flags = 'Path=/api; HttpOnly; SameSite=Strict'
  return session ? `${name}=${session}; ${flags}` : `${name}=; ${flags}; Max-Age=0`
}

export async function startWebServer(o: WebServerOptions): Promise<WebServer> {
  const token = o.token ?? randomBytes(24).toString('base64url')
  const tokenBuf = Buffer.from(token)
  const clients = new Set<ServerResponse>()
  let origin = ''
  let cookieName = 'doisoat_session'
  let uploadDir: string | null = null
  let uploads = 0
  const uploadsRoot = o.uploadsDir ?? join(tmpdir(), 'doisoat-uploads')
  // Uploads a killed server could not remove (plaintext people) go at the next start.
  removeLeftovers(uploadsRoot)

  /** A browser cannot hand us a path: it sends the bytes, we keep them in a private temp folder. */
  async function receiveUpload(req: IncomingMessage, url: URL): Promise<string> {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > MAX_UPLOAD) throw new AppError('validation', { detail: 'file too large' })
    const name = basename(url.searchParams.get('name') ?? 'upload.csv').replace(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u001f<>:"|?*]/g,
      '_'
    )
    // One folder per server process, owner-only, removed when the server closes.
    uploadDir ??= mkdtempSync(join(ownerOnlyFolder(uploadsRoot), `${process.pid}-`))
    const dir = join(uploadDir, String(++uploads))
    mkdirSync(dir)
    const path = join(dir, name || 'upload.csv')
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_UPLOAD) req.destroy(new Error('file too large'))
    })
    await pipeline(req, createWriteStream(path, { mode: 0o600 }))
    return path
  }

  const tokenOk = (candidate: string | null | undefined): boolean => {
    if (!candidate) return false
    const b = Buffer.from(candidate)
    return b.length === tokenBuf.length && timingSafeEqual(b, tokenBuf)
  }

  const unsubscribe = o.backend.onEvent((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`
    for (const c of clients) c.write(frame)
  })

  function serveStatic(pathname: string, res: ServerResponse): void {
    const rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '')
    let file = join(o.rendererDir, rel === '' ? 'index.html' : rel)
    if (!file.startsWith(o.rendererDir + sep) && file !== o.rendererDir) {
      res.writeHead(403).end()
      return
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(o.rendererDir, 'index.html')
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'cache-control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600'
    })
    createReadStream(file).pipe(res)
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin)
    // DNS-rebinding guard: only our own host name reaches us.
    const host = req.headers.host ?? ''
    if (host !== url.host && host !== `localhost:${url.port}`) {
      res.writeHead(421).end()
      return
    }
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end()
        return
      }
      serveStatic(url.pathname, res)
      return
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1]
    if (
      !tokenOk(bearer) &&
      !(url.pathname === '/api/events' && tokenOk(url.searchParams.get('token')))
    ) {
      sendError(res, toErrorShape(new AppError('unauthorized')))
      return
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive'
      })
      res.write(': connected\n\n')
      clients.add(res)
      req.on('close', () => clients.delete(res))
      return
    }
    if (req.method !== 'POST') {
      res.writeHead(405).end()
      return
    }
    const requestOrigin = req.headers.origin
    if (
      requestOrigin &&
      requestOrigin !== origin &&
      requestOrigin !== `http://localhost:${url.port}`
    ) {
      sendError(res, toErrorShape(new AppError('unauthorized')))
      return
    }
    if (url.pathname === '/api/upload') {
      send(res, 200, { ok: true, value: { path: await receiveUpload(req, url) } })
      return
    }
    const name = url.pathname.slice('/api/'.length)
    let args: unknown
    try {
      const body = await readBody(req)
      args = body.trim() === '' ? {} : JSON.parse(body)
    } catch (e) {
      sendError(
        res,
        toErrorShape(
          e instanceof AppError ? e : new AppError('validation', { detail: 'invalid JSON' })
        )
      )
      return
    }
    // The session travels in an HttpOnly cookie named for this port: page scripts never see it.
    const session = readCookie(req, cookieName) ?? null
    const { result, session: next } = takeSession(name, await o.backend.call(name, args, session))
    if (next !== undefined) res.setHeader('set-cookie', sessionCookie(cookieName, next))
    if (result.ok) send(res, 200, result)
    else sendError(res, result.error)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) sendError(res, toErrorShape(e))
      else res.end()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(o.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  origin = `http://127.0.0.1:${port}`
  cookieName = `doisoat_session_${port}`
  return {
    url: `${origin}/?token=${token}`,
    port,
    token,
    server,
    async close() {
      unsubscribe()
      for (const c of clients) c.end()
      await new Promise<void>((r) => server.close(() => r()))
      if (uploadDir) rmSync(uploadDir, { recursive: true, force: true })
    }
  }
}
