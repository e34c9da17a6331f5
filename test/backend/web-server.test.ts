// Web mode's HTTP surface: token, validation, nothing written on bad input, events over SSE.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LATEST_VERSION } from '../../src/backend/db/migrations'
import { createBackend, type Backend } from '../../src/backend/host'
import { startWebServer, type WebServer } from '../../src/backend/web/server'
import { tempDir } from '../helpers/tmp'
import { signInAs, TEST_PASSWORD } from '../helpers/users'

const dir = tempDir()
let backend: Backend
let web: WebServer
/** The session cookie of the clerk signed in over HTTP. */
let cookie = ''

beforeAll(async () => {
  const renderer = join(dir, 'renderer')
  mkdirSync(renderer)
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Đối soát</title>')
  backend = createBackend({ dbPath: join(dir, 'web.db') })
  web = await startWebServer({
    backend,
    rendererDir: renderer,
    uploadDir: join(dir, 'web.db.uploads'),
    port: 0
  })
  await signInAs(backend, 'canbo', 'clerk')
  const res = await api('auth/login', { username: 'canbo', password: TEST_PASSWORD })
  cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!
})
afterAll(async () => {
  await web.close()
  await backend.close()
})

const api = (name: string, body: unknown, token: string | null = web.token, session = cookie) =>
  fetch(`http://127.0.0.1:${web.port}/api/${name}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(session ? { cookie: session } : {})
    },
    body: JSON.stringify(body)
  })

describe('web mode server', () => {
  it('listens on 127.0.0.1 and prints a URL with the token', () => {
    expect(web.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${web.port}/\\?token=[\\w-]{20,}$`))
  })

  it('refuses every /api request without the right token with 401', async () => {
    for (const token of [null, 'wrong', `${web.token}x`]) {
      const res = await api('app/info', {}, token)
      expect(res.status).toBe(401)
      const body = (await res.json()) as { ok: boolean; error: { code: string; message: string } }
      expect(body).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
      expect(body.error.message).toMatch(/mã truy cập/)
    }
    expect((await fetch(`http://127.0.0.1:${web.port}/api/anything`)).status).toBe(401)
    expect((await fetch(`http://127.0.0.1:${web.port}/api/events`)).status).toBe(401)
  })

  it('keeps the session in an HttpOnly cookie for this port, and asks for a sign-in without it', async () => {
    expect(cookie).toMatch(new RegExp(`^doisoat_session_${web.port}=[\\w-]{20,}$`))
    const noSession = await api('app/info', {}, web.token, '')
    expect(noSession.status).toBe(401)
    expect(await noSession.json()).toMatchObject({ ok: false, error: { code: 'not_signed_in' } })
    const login = await api(
      'auth/login',
      { username: 'canbo', password: TEST_PASSWORD },
      web.token,
      ''
    )
    expect(login.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/)
    const body = (await login.json()) as { value: Record<string, unknown> }
    expect(body.value.session).toBeUndefined()
    expect(body.value.user).toMatchObject({ username: 'canbo', role: 'clerk' })
    const other = (login.headers.get('set-cookie') ?? '').split(';')[0]!
    const out = await api('auth/logout', {}, web.token, other)
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/)
    expect((await api('app/info', {}, web.token, other)).status).toBe(401)
  })

  it('refuses a clerk what only an admin may do, with 403', async () => {
    const res = await api('users/list', {})
    expect(res.status).toBe(403)
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('answers a valid call', async () => {
    const res = await api('app/info', {})
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      ok: true
      value: { empty: boolean; schemaVersion: number }
    }
    expect(body.value).toMatchObject({ empty: true, schemaVersion: LATEST_VERSION })
  })

  it('returns a validation error for arguments that fail the schema, and writes nothing', async () => {
    const res = await api('import/file', { kind: 'bogus', path: '' })
    expect(res.status).toBe(400)
    const body = (await res.json()) as { error: { code: string; issues: { path: string }[] } }
    expect(body.error.code).toBe('validation')
    expect(body.error.issues.map((i) => i.path).sort()).toEqual(['kind', 'path'])
    const extra = await api('records/list', {
      table: 'population',
      startRow: 0,
      endRow: 10,
      drop: 'x'
    })
    expect(extra.status).toBe(400)
    const info = (await (await api('app/info', {})).json()) as {
      value: { counts: Record<string, number> }
    }
    expect(info.value.counts).toEqual({ population: 0, source: 0, batches: 0, rejected: 0 })
  })

  it('404s an unknown handler and 400s broken JSON', async () => {
    expect((await api('nope/never', {})).status).toBe(404)
    const res = await fetch(`http://127.0.0.1:${web.port}/api/app/info`, {
      method: 'POST',
      headers: { authorization: `Bearer ${web.token}` },
      body: '{not json'
    })
    expect(res.status).toBe(400)
  })

  it('refuses a foreign Host header (DNS rebinding) and foreign origins', async () => {
    const http = await import('node:http')
    const status = await new Promise<number>((resolve) => {
      http
        .get(
          { host: '127.0.0.1', port: web.port, path: '/', headers: { host: 'evil.example:80' } },
          (r) => {
            r.resume()
            resolve(r.statusCode ?? 0)
          }
        )
        .end()
    })
    expect(status).toBe(421)
    const res = await fetch(`http://127.0.0.1:${web.port}/api/app/info`, {
      method: 'POST',
      headers: { authorization: `Bearer ${web.token}`, origin: 'http://evil.example' },
      body: '{}'
    })
    expect(res.status).toBe(401)
  })

  it('serves the renderer with a strict CSP and no path traversal', async () => {
    const res = await fetch(`http://127.0.0.1:${web.port}/`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/)
    expect(await res.text()).toContain('Đối soát')
    const trav = await fetch(`http://127.0.0.1:${web.port}/..%2f..%2fweb.db`)
    expect(await trav.text()).not.toContain('SQLite')
  })

  it('streams job events to a signed-in client holding the token', async () => {
    const ac = new AbortController()
    const res = await fetch(`http://127.0.0.1:${web.port}/api/events?token=${web.token}`, {
      headers: { cookie },
      signal: ac.signal
    })
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/)
    const reader = res.body!.getReader()
    const path = await upload('r.csv', 'Mã hồ sơ,Họ và tên\nHT-1,Nguyễn Văn An\n')
    const started = (await (await api('import/file', { kind: 'registry', path })).json()) as {
      value: { jobId: string }
    }
    let text = ''
    while (!text.includes('event: job/done')) {
      const { value, done } = await reader.read()
      if (done) break
      text += new TextDecoder().decode(value)
    }
    ac.abort()
    const done = text.split('\n\n').find((f) => f.startsWith('event: job/done'))!
    const payload = JSON.parse(done.split('\ndata: ')[1]!) as {
      jobId: string
      state: string
      result: { rowsAccepted: number }
    }
    expect(payload).toMatchObject({
      jobId: started.value.jobId,
      state: 'done',
      result: { rowsAccepted: 1 }
    })
  })
})

/** Uploads a file as the signed-in clerk; resolves with the id the import calls name it by. */
async function upload(name: string, text: string): Promise<string> {
  const res = await fetch(
    `http://127.0.0.1:${web.port}/api/upload?name=${encodeURIComponent(name)}`,
    { method: 'POST', headers: { authorization: `Bearer ${web.token}`, cookie }, body: text }
  )
  const body = (await res.json()) as { ok: boolean; value: { path: string } }
  expect(body.ok).toBe(true)
  return body.value.path
}

describe('web mode upload', () => {
  it('takes a file from a signed-in clerk with the token, and previews it by its upload id', async () => {
    const body = Buffer.from('Mã hồ sơ,Họ và tên\nHT-9,Trần Thị Bích\n', 'utf8')
    const url = `http://127.0.0.1:${web.port}/api/upload?name=${encodeURIComponent('sổ hộ tịch.csv')}`
    expect((await fetch(url, { method: 'POST', body })).status).toBe(401)
    const res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${web.token}`, cookie },
      body
    })
    const { value } = (await res.json()) as { value: { path: string } }
    expect(value.path).toMatch(/^upload:[\w-]+$/)
    const preview = (await (
      await api('import/preview', { kind: 'registry', path: value.path })
    ).json()) as {
      value: {
        fileName: string
        counts: { accepted: number }
        rows: { record: { full_name: string } }[]
      }
    }
    expect(preview.value).toMatchObject({ fileName: 'sổ hộ tịch.csv', counts: { accepted: 1 } })
    expect(preview.value.rows[0]!.record.full_name).toBe('Trần Thị Bích')
  })
})
