// Web mode's defences as an attacker meets them: path spellings, traversal, uploads, files, events.
import { lstatSync, mkdirSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { connect } from 'node:net'
import { join } from 'node:path'
import Fastify from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBackend, type Backend } from '../../src/backend/host'
import { requireGuards, startWebServer, type WebServer } from '../../src/backend/web/server'
import { UploadStore } from '../../src/backend/web/uploads'
import { tempDir } from '../helpers/tmp'
import { signInAs, TEST_ADMIN, TEST_PASSWORD } from '../helpers/users'

const dir = tempDir()
const uploadDir = join(dir, 'web.db.uploads')
const FILE_CAP = 64 * 1024
const HELD_CAP = 160 * 1024
/** A file next to the served folder that no request may read. */
const SECRET = 'BÍ-MẬT-KHÔNG-ĐƯỢC-LỘ'
let backend: Backend
/** The backend's clock: moved forward to let sessions expire. */
let clock = Date.now()
let web: WebServer
const cookies: Record<'clerk' | 'supervisor' | 'admin', string> = {
  clerk: '',
  supervisor: '',
  admin: ''
}

interface Answer {
  status: number
  type: string
  text: string
  cookie: string
}

/** One raw HTTP request: the path goes out exactly as written (no URL normalisation). */
function raw(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string | Buffer
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: web.port, method, path, headers }, (res) => {
      const type = String(res.headers['content-type'] ?? '')
      let text = ''
      res.on('data', (c: Buffer) => {
        text += c.toString('utf8')
        // An event stream never ends by itself: its first bytes are enough.
        if (type.includes('event-stream')) res.destroy()
      })
      const cookie = String(res.headers['set-cookie']?.[0] ?? '').split(';')[0]!
      const done = () => resolve({ status: res.statusCode ?? 0, type, text, cookie })
      res.on('end', done)
      res.on('close', done)
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** A request line exactly as written, over a bare socket: the whole answer as text. */
function rawLine(
  method: string,
  target: string,
  headers: Record<string, string>,
  body: string
): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(web.port, '127.0.0.1')
    let got = ''
    socket.setEncoding('utf8')
    socket.on('data', (c: string) => (got += c))
    socket.on('close', () => resolve(got))
    socket.on('error', reject)
    const head = [
      `${method} ${target} HTTP/1.1`,
      `Host: 127.0.0.1:${web.port}`,
      'Connection: close',
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
      `Content-Length: ${Buffer.byteLength(body)}`,
      '',
      ''
    ].join('\r\n')
    // Written, not ended: a half-closed socket would lose the answer.
    socket.write(head + body)
  })
}

const auth = (cookie = '', token = web.token): Record<string, string> => ({
  ...(token ? { authorization: `Bearer ${token}` } : {}),
  ...(cookie ? { cookie } : {})
})

async function call(
  name: string,
  args: unknown,
  cookie = cookies.clerk
): Promise<{ status: number; body: { ok: boolean; value?: unknown; error?: { code: string } } }> {
  const res = await raw('POST', `/api/${name}`, auth(cookie), JSON.stringify(args))
  return { status: res.status, body: JSON.parse(res.text) as never }
}

async function upload(name: string, bytes: string | Buffer, cookie = cookies.clerk) {
  const res = await raw('POST', `/api/upload?name=${encodeURIComponent(name)}`, auth(cookie), bytes)
  return {
    status: res.status,
    text: res.text,
    body: JSON.parse(res.text) as {
      ok: boolean
      value?: { path: string }
      error?: { code: string }
    }
  }
}

/** Every file under the upload folder, relative to it. */
function stored(): string[] {
  return readdirSync(uploadDir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    statSync(join(uploadDir, f)).isFile()
  )
}

async function signInOverHttp(username: string): Promise<string> {
  const res = await raw(
    'POST',
    '/api/auth/login',
    auth(),
    JSON.stringify({ username, password: TEST_PASSWORD })
  )
  expect(res.cookie).toMatch(/^doisoat_session_\d+=/)
  expect(res.text).not.toContain(res.cookie.split('=')[1])
  return res.cookie
}

beforeAll(async () => {
  const renderer = join(dir, 'renderer')
  mkdirSync(renderer)
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Đối soát</title>')
  writeFileSync(join(dir, 'secret.txt'), SECRET)
  // Leftovers of an earlier run (a crash): the server must delete them at start.
  mkdirSync(join(uploadDir, 'old'), { recursive: true })
  writeFileSync(join(uploadDir, 'old', 'so-ho-tich.csv'), 'Họ và tên\nNguyễn Văn Cũ\n')
  backend = createBackend({ dbPath: join(dir, 'web.db'), now: () => clock })
  web = await startWebServer({
    backend,
    rendererDir: renderer,
    uploadDir,
    port: 0,
    limits: { file: FILE_CAP, total: HELD_CAP }
  })
  await signInAs(backend, 'canbo', 'clerk')
  await signInAs(backend, 'giamsat', 'supervisor')
  cookies.clerk = await signInOverHttp('canbo')
  cookies.supervisor = await signInOverHttp('giamsat')
  cookies.admin = await signInOverHttp(TEST_ADMIN)
})
afterAll(async () => {
  await web.close()
  await backend.close()
})

/** The spellings an attacker tries for a protected path, each a request the router sees raw. */
function spellings(path: string): string[] {
  const [, first, ...rest] = path.split('/')
  const tail = rest.join('/')
  const encodeAll = (s: string) =>
    [...s].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('')
  return [
    `/${encodeAll(first!)}/${tail}`, // percent-encoded
    `/%61${first!.slice(1)}/${tail}`,
    `/${first}/${encodeAll(tail)}`, // encoded slashes and letters
    `/%25${(0x61).toString(16)}${first!.slice(1)}/${tail}`, // double-encoded
    `/${first}/${tail.replace(/\//g, '%252F')}`,
    path.toUpperCase(), // mixed case
    `/${first!.toUpperCase()}/${tail}`,
    `/${first![0]!.toUpperCase()}${first!.slice(1)}/${tail}`,
    path.replace(/\//g, '//'), // repeated slashes
    `//${first}/${tail}`,
    `/${first}/./${tail}`, // dot segments
    `/${first}/x/../${tail}`,
    `/x/../${first}/${tail}`,
    `/${first}/%2e/${tail}`,
    `/${first}/%2e%2e/${first}/${tail}`,
    `${path}/`, // trailing slash
    `${path}//`,
    `${path};x=1`, // matrix parameters
    `/${first};x=1/${tail}`,
    `/${first}/${tail.replace('/', ';x=1/')}`,
    `/${first}%2F${tail}`, // encoded slashes
    `/${first}%2f${tail}`,
    `/${first}/${tail.replace('/', '%2F')}`,
    `/${first}\\${tail}`,
    `${path}%00`,
    `${path}%20`,
    `${path}?x=1`,
    `${path}#frag`
  ]
}

const PROTECTED = [
  { method: 'POST', path: '/api/app/info', body: '{}' },
  { method: 'POST', path: '/api/upload', body: 'Họ và tên\nTrần Thị Bích\n' },
  { method: 'GET', path: '/api/events' },
  {
    method: 'POST',
    path: '/api/import/preview',
    body: JSON.stringify({ kind: 'registry', path: '/etc/passwd' })
  }
] as const

const REFUSED = ['not_signed_in', 'unknown_handler', 'validation']

/** A JSON answer of the API: what it says, or null when the answer is not one (the page, a bare status). */
function result(a: Answer): { ok: boolean; code?: string } | null {
  if (!a.type.startsWith('application/json')) return null
  try {
    const r = JSON.parse(a.text) as { ok?: unknown; error?: { code?: string } }
    return typeof r.ok === 'boolean' ? { ok: r.ok, code: r.error?.code } : null
  } catch {
    return null
  }
}

describe('protected paths in every spelling', () => {
  for (const p of PROTECTED) {
    it(`${p.method} ${p.path}: no spelling gets past the token or the session`, async () => {
      const before = stored().length
      const plain = await raw(p.method, p.path, {}, 'body' in p ? p.body : undefined)
      expect(plain.status).toBe(401)
      for (const s of spellings(p.path)) {
        for (const headers of [{}, auth('', 'wrong-token'), auth(cookies.clerk, '')]) {
          const a = await raw(p.method, s, headers, 'body' in p ? p.body : undefined)
          const r = result(a)
          // Either the API answered, exactly as it does for the plain path without a token,
          // or the request never reached the API at all (the page, or a bare refusal).
          if (r)
            expect({ spelling: s, status: a.status, ...r }).toEqual({
              spelling: s,
              status: 401,
              ok: false,
              code: 'unauthorized'
            })
          else expect(a.text).not.toMatch(/"ok":true|schemaVersion|root:|^: connected/)
          expect(a.type).not.toMatch(/event-stream/)
        }
      }
      expect(stored().length).toBe(before)
    })
  }

  it('the token without a session reaches no upload, event stream or import in any spelling', async () => {
    const before = stored().length
    for (const p of PROTECTED.slice(1)) {
      for (const s of [p.path, ...spellings(p.path)]) {
        const a = await raw(p.method, s, auth(), 'body' in p ? p.body : undefined)
        const r = result(a)
        // The plain path asks for a sign-in; a spelling that is another address of the API
        // names nothing there (or is not even a call's JSON): refused all the same.
        if (r)
          expect({ spelling: s, ok: r.ok, refused: REFUSED.includes(r.code ?? '') }).toEqual({
            spelling: s,
            ok: false,
            refused: true
          })
        else expect(a.text).not.toMatch(/"ok":true|root:|^: connected/)
        if (s === p.path) expect([a.status, r?.code]).toEqual([401, 'not_signed_in'])
        expect(a.type).not.toMatch(/event-stream/)
      }
    }
    expect(stored().length).toBe(before)
  })

  it('request lines a client library would not send: absolute form, raw NUL, overlong UTF-8', async () => {
    const before = stored().length
    const targets = [
      `http://127.0.0.1:${web.port}/api/upload`,
      `http://evil.example/api/upload`,
      '/api/upl\u0000oad',
      '/api\u0000/upload',
      '/api%c0%afupload',
      '/api/%c0%ae%c0%ae/api/upload',
      '/api/upload\t'
    ]
    // No credentials, the token without a session, a session without the token: never stored.
    const partial: Record<string, string>[] = [
      {},
      { Authorization: `Bearer ${web.token}` },
      { Cookie: cookies.clerk }
    ]
    for (const target of targets)
      for (const headers of partial) {
        const a = await rawLine('POST', target, headers, 'Họ và tên\nA\n')
        expect({ target, headers, answered: /^HTTP\/1\.1 4\d\d /.test(a) }).toEqual({
          target,
          headers,
          answered: true
        })
        expect(a).not.toContain('"ok":true')
      }
    expect(stored().length).toBe(before)
    // With both, the absolute form is the plain path: the probes above did reach the route.
    const both = { Authorization: `Bearer ${web.token}`, Cookie: cookies.clerk }
    expect(await rawLine('POST', targets[0]!, both, 'Họ và tên\nA\n')).toContain('"ok":true')
    web.uploads.sweep(() => false)
  })

  it('signed in, a spelling that reaches the API is the plain path, or names nothing', async () => {
    const plain = await raw('POST', '/api/app/info', auth(cookies.clerk), '{}')
    expect(result(plain)).toEqual({ ok: true, code: undefined })
    for (const s of spellings('/api/app/info')) {
      const a = await raw('POST', s, auth(cookies.clerk), '{}')
      const r = result(a)
      if (!r) continue
      if (r.ok) expect(a.text).toBe(plain.text)
      else {
        expect({ spelling: s, code: r.code }).toEqual({ spelling: s, code: 'unknown_handler' })
        // The address is not repeated back in the message.
        expect(a.text).not.toMatch(/app\/info|%|;/)
      }
    }
  })
})

describe('static files', () => {
  it('never serves a file outside the renderer folder, whatever the spelling', async () => {
    for (const s of [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/..%2Fsecret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/..%252fsecret.txt',
      '/.%2e/secret.txt',
      '/%c0%ae%c0%ae/secret.txt',
      '/..\\secret.txt',
      '/..%5csecret.txt',
      '/x/../../secret.txt',
      '//..//secret.txt',
      '/....//secret.txt',
      '/..;/secret.txt',
      '/%2e%2e/web.db',
      '/..%2f..%2fweb.db',
      `/${dir}/secret.txt`,
      `//${dir.slice(1)}/secret.txt`
    ]) {
      const a = await raw('GET', s)
      expect({ s, leaked: a.text.includes(SECRET) || a.text.includes('SQLite') }).toEqual({
        s,
        leaked: false
      })
    }
  })

  it('answers the page with its strict headers, and nothing for other methods', async () => {
    const page = await raw('GET', '/some/screen')
    expect(page.status).toBe(200)
    expect(page.text).toContain('Đối soát')
    expect((await raw('POST', '/index.html', {}, 'x')).status).toBe(405)
    expect((await raw('DELETE', '/')).status).toBe(405)
  })
})

describe('caps on a request body', () => {
  it('refuses a JSON body over 1 MB before the handler sees it', async () => {
    const big = JSON.stringify({ username: 'x'.repeat(2 << 20), password: 'y' })
    const a = await raw('POST', '/api/auth/login', auth(), big)
    expect(a.status).toBe(413)
    expect(result(a)).toEqual({ ok: false, code: 'validation' })
  })
})

describe('files a call names in web mode (only this session’s uploads)', () => {
  it('refuses server paths, relative paths and symbolic links, and starts no job', async () => {
    const link = join(dir, 'link.csv')
    symlinkSync(join(dir, 'secret.txt'), link)
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
    const jobsBefore = backend.jobs.list().length
    for (const path of [
      '/etc/passwd',
      join(dir, 'secret.txt'),
      link,
      'secret.txt',
      '../secret.txt',
      './web.db',
      'web.db',
      `file://${join(dir, 'secret.txt')}`,
      'upload:../../secret.txt',
      `upload:${'A'.repeat(24)}`
    ]) {
      for (const name of ['import/preview', 'import/file']) {
        const { status, body } = await call(name, { kind: 'registry', path })
        expect({ path, name, status, code: body.error?.code }).toEqual({
          path,
          name,
          status: 404,
          code: 'upload_unknown'
        })
        expect(JSON.stringify(body)).not.toContain(SECRET)
      }
      const pkg = await call('packages/importProposals', { path }, cookies.supervisor)
      expect(pkg.body.error?.code).toBe('upload_unknown')
      const dec = await call('packages/importDecisions', { path })
      expect(dec.body.error?.code).toBe('upload_unknown')
    }
    expect(backend.jobs.list().length).toBe(jobsBefore)
  })

  it('refuses another session’s upload, and an upload’s place on the server', async () => {
    const mine = await upload('so.csv', 'Mã hồ sơ,Họ và tên\nHT-1,Lê Văn Tám\n')
    const id = mine.body.value!.path
    const other = await signInOverHttp('canbo')
    const theirs = await call('import/preview', { kind: 'registry', path: id }, other)
    expect(theirs.body.error?.code).toBe('upload_unknown')
    const onDisk = join(
      uploadDir,
      stored().find((f) => f.endsWith('so.csv'))!
    )
    const byPath = await call('import/preview', { kind: 'registry', path: onDisk })
    expect(byPath.body.error?.code).toBe('upload_unknown')
    expect((await call('import/preview', { kind: 'registry', path: id })).body.ok).toBe(true)
    await call('auth/logout', {}, other)
    const imported = await call('import/file', { kind: 'registry', path: id })
    await backend.jobs.wait((imported.body.value as { jobId: string }).jobId)
    expect(stored()).toEqual([])
  })
})

describe('uploads', () => {
  it('deleted the leftovers of an earlier run at start, and keep the folder private', () => {
    expect(readdirSync(uploadDir)).not.toContain('old')
    expect(statSync(uploadDir).mode & 0o777).toBe(0o700)
  })

  it('never follow a symbolic link planted where their folder goes', () => {
    const target = join(dir, 'elsewhere')
    mkdirSync(target)
    writeFileSync(join(target, 'keep.txt'), SECRET)
    const planted = join(dir, 'planted.uploads')
    symlinkSync(target, planted)
    const store = new UploadStore(planted, { file: 10, total: 10 })
    expect(lstatSync(planted).isDirectory()).toBe(true)
    expect(readdirSync(target)).toEqual(['keep.txt'])
    store.close()
  })

  it('need a signed-in user whose role imports files', async () => {
    const none = await upload('a.csv', 'x', '')
    expect([none.status, none.body.error?.code]).toEqual([401, 'not_signed_in'])
    const admin = await upload('a.csv', 'x', cookies.admin)
    expect([admin.status, admin.body.error?.code]).toEqual([403, 'forbidden'])
    expect(stored()).toEqual([])
    const sup = await upload('goi.json', '{}', cookies.supervisor)
    expect(sup.body.ok).toBe(true)
    // A package file is read once: refused here, it is gone all the same.
    const pkg = await call(
      'packages/importProposals',
      { path: sup.body.value!.path },
      cookies.supervisor
    )
    expect(pkg.body.ok).toBe(false)
    expect(stored()).toEqual([])
  })

  it('are stored privately under an id, with the clerk’s file name made safe', async () => {
    const up = await upload('../../..', 'Họ và tên\nNguyễn Văn An\n')
    expect(up.body.value!.path).toMatch(/^upload:[\w-]{24}$/)
    const files = stored()
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(/^[\w-]{24}\/upload$/)
    expect(statSync(join(uploadDir, files[0]!)).mode & 0o777).toBe(0o600)
    expect(statSync(join(uploadDir, files[0]!, '..')).mode & 0o777).toBe(0o700)
    await call('auth/logout', {}, await signInOverHttp('canbo')) // another session: mine stays
    expect(stored()).toHaveLength(1)
    const release = await call('import/file', { kind: 'registry', path: up.body.value!.path })
    await backend.jobs.wait((release.body.value as { jobId: string }).jobId)
    expect(stored()).toEqual([])
  })

  it('are deleted when their import fails, and their place never shows in an error', async () => {
    const binary = await upload('anh.csv', Buffer.from([0, 1, 2, 3, 0, 0, 255, 0, 7, 0]))
    const id = binary.body.value!.path
    const preview = await raw(
      'POST',
      '/api/import/preview',
      auth(cookies.clerk),
      JSON.stringify({ kind: 'registry', path: id })
    )
    expect(result(preview)).toEqual({ ok: false, code: 'file_binary' })
    expect(preview.text).toContain('anh.csv')
    expect(preview.text).not.toContain(uploadDir)
    expect(stored()).toHaveLength(1)
    const started = await call('import/file', { kind: 'registry', path: id })
    await backend.jobs.wait((started.body.value as { jobId: string }).jobId)
    expect(stored()).toEqual([])
  })

  it('stay when their import stops at a file already imported, for the clerk to confirm', async () => {
    const text = 'Mã hồ sơ,Họ và tên\nHT-77,Đinh Thị Hạnh\n'
    const first = await upload('so-1.csv', text)
    const done = await call('import/file', { kind: 'registry', path: first.body.value!.path })
    await backend.jobs.wait((done.body.value as { jobId: string }).jobId)
    const again = (await upload('so-2.csv', text)).body.value!.path
    const refused = await call('import/file', { kind: 'registry', path: again })
    await backend.jobs.wait((refused.body.value as { jobId: string }).jobId)
    expect(stored()).toHaveLength(1)
    const confirmed = await call('import/file', {
      kind: 'registry',
      path: again,
      allowDuplicate: true
    })
    await backend.jobs.wait((confirmed.body.value as { jobId: string }).jobId)
    expect(stored()).toEqual([])
  })

  it('of a session that ended are swept', async () => {
    const up = await upload('cu.csv', 'Họ và tên\nA\n')
    expect(up.body.ok).toBe(true)
    web.uploads.sweep(() => true)
    expect(stored()).toHaveLength(1)
    web.uploads.sweep((owner) => owner !== cookies.clerk.split('=')[1])
    expect(stored()).toEqual([])
  })

  it('over the file cap leave nothing behind, declared or streamed', async () => {
    const big = Buffer.alloc(FILE_CAP + 1, 0x41)
    const declared = await upload('lon.csv', big)
    expect([declared.status, declared.body.error?.code]).toEqual([413, 'upload_too_large'])
    // Sent in chunks without a length: refused while it arrives, the partial file removed.
    const streamed = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: web.port,
          method: 'POST',
          path: '/api/upload?name=lon.csv',
          headers: { ...auth(cookies.clerk), 'transfer-encoding': 'chunked' }
        },
        (res) => {
          let text = ''
          res.on('data', (c: Buffer) => (text += c.toString('utf8')))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
        }
      )
      req.on('error', reject)
      for (let i = 0; i < 20; i++) req.write(Buffer.alloc(FILE_CAP / 8, 0x42))
      req.end()
    })
    expect(streamed.status).toBe(413)
    expect(stored()).toEqual([])
    expect(readdirSync(uploadDir)).toEqual([])
  })

  it('together stay under the held cap; what is refused leaves nothing', async () => {
    const chunk = Buffer.alloc(FILE_CAP - 10, 0x43)
    const a = await upload('a.csv', chunk)
    const b = await upload('b.csv', chunk)
    expect([a.body.ok, b.body.ok]).toEqual([true, true])
    const c = await upload('c.csv', chunk)
    expect([c.status, c.body.error?.code]).toEqual([413, 'upload_too_large'])
    expect(stored()).toHaveLength(2)
    expect(readdirSync(uploadDir)).toHaveLength(2)
  })

  it('go with the session that sent them when it signs out', async () => {
    expect(stored().length).toBeGreaterThan(0)
    const out = await call('auth/logout', {})
    expect(out.status).toBe(200)
    expect(stored()).toEqual([])
    cookies.clerk = await signInOverHttp('canbo')
  })
})

describe('the event stream', () => {
  async function open(cookie: string) {
    const ac = new AbortController()
    const res = await fetch(`http://127.0.0.1:${web.port}/api/events?token=${web.token}`, {
      headers: { cookie },
      signal: ac.signal
    })
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/)
    const reader = res.body!.getReader()
    expect(new TextDecoder().decode((await reader.read()).value)).toContain(': connected')
    /** Everything the stream still sends until the server ends it. */
    const rest = async (): Promise<string> => {
      let text = ''
      for (;;) {
        const { value, done } = await reader.read()
        if (done) return text
        text += new TextDecoder().decode(value)
      }
    }
    return { rest, abort: () => ac.abort() }
  }

  it('needs a signed-in session as well as the token', async () => {
    const noSession = await raw('GET', `/api/events?token=${web.token}`)
    expect([noSession.status, result(noSession)?.code]).toEqual([401, 'not_signed_in'])
    const expired = await raw('GET', `/api/events?token=${web.token}`, { cookie: 'x=1' })
    expect(expired.status).toBe(401)
  })

  it('ends when its session signs out, before any further event', async () => {
    const cookie = await signInOverHttp('canbo')
    const stream = await open(cookie)
    await call('auth/logout', {}, cookie)
    backend.jobs.start('sample', () => Promise.resolve(undefined))
    expect(await stream.rest()).not.toContain('event:')
  })

  it('ends when its session expires, and sends that session nothing more', async () => {
    const cookie = await signInOverHttp('canbo')
    const stream = await open(cookie)
    clock += 16 * 60_000
    const jobId = backend.jobs.start('sample', () => Promise.resolve(undefined))
    await backend.jobs.wait(jobId)
    expect(await stream.rest()).not.toContain(jobId)
    cookies.clerk = await signInOverHttp('canbo')
  })
})

describe('deny by default', () => {
  it('refuses to start with an /api route that declares no guard', async () => {
    const app = Fastify()
    await app.register((api, _opts, done) => {
      requireGuards(api)
      api.get('/guarded', { config: { webGuard: 'token' } }, () => 'ok')
      expect(() => api.get('/open', () => 'open')).toThrow(/declares no guard/)
      done()
    })
    await app.close()
  })
})
