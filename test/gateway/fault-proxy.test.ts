// The fault proxy does what each fault says, to the server and to the client, at seeded rates.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  FAULTS,
  startFaultProxy,
  type Fault,
  type FaultProxy
} from '../../src/gateway/testing/fault-proxy'

/** An upstream that records what reached it and answers with a body naming the request. */
let upstream: http.Server
let target = ''
let seen: string[] = []
beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      seen.push(`${req.method} ${req.url} ${Buffer.concat(chunks).toString()}`)
      const body = JSON.stringify({ echo: req.url, filler: 'x'.repeat(2000) })
      res.writeHead(201, { 'content-type': 'application/json', 'x-upstream': 'yes' })
      res.end(body)
    })
  })
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r))
  target = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((r) => upstream.close(() => r())))
beforeEach(() => {
  seen = []
})

async function call(
  url: string,
  path: string,
  body = 'b'
): Promise<{ status: number; text: string } | { error: string }> {
  try {
    const res = await fetch(url + path, {
      method: 'POST',
      body,
      headers: { 'content-type': 'text/plain' }
    })
    return { status: res.status, text: await res.text() }
  } catch (e) {
    return { error: String((e as Error).cause ?? e) }
  }
}

async function only(fault: Fault, fn: (p: FaultProxy) => Promise<void>): Promise<void> {
  const p = await startFaultProxy({
    target,
    seed: 1,
    rates: { [fault]: 1 },
    maxDelayMs: 20,
    holdMs: 2000
  })
  try {
    await fn(p)
  } finally {
    await p.close()
  }
}

describe('fault proxy', () => {
  it('passes requests through untouched when no fault is drawn', async () => {
    const p = await startFaultProxy({ target, seed: 1, rates: {} })
    const r = await call(p.url, '/a?x=1', 'hello')
    expect(r).toMatchObject({ status: 201 })
    expect(JSON.parse((r as { text: string }).text).echo).toBe('/a?x=1')
    expect(seen).toEqual(['POST /a?x=1 hello'])
    expect(p.log).toEqual([
      { n: 1, method: 'POST', path: '/a?x=1', fault: 'none', upstreamStatus: 201 }
    ])
    await p.close()
  })

  it('drop_request: the server never sees it, the client loses the connection', () =>
    only('drop_request', async (p) => {
      expect(await call(p.url, '/d')).toHaveProperty('error')
      expect(seen).toEqual([])
      expect(p.log[0]).toMatchObject({ fault: 'drop_request', upstreamStatus: null })
    }))

  it('drop_response: the server handled it, the client loses the connection', () =>
    only('drop_response', async (p) => {
      expect(await call(p.url, '/r')).toHaveProperty('error')
      expect(seen).toEqual(['POST /r b'])
      expect(p.log[0]).toMatchObject({ fault: 'drop_response', upstreamStatus: 201 })
    }))

  it('duplicate: the server receives the request twice, the client one answer', () =>
    only('duplicate', async (p) => {
      expect(await call(p.url, '/twice', 'same')).toMatchObject({ status: 201 })
      expect(seen).toEqual(['POST /twice same', 'POST /twice same'])
      expect(p.log[0]).toMatchObject({ fault: 'duplicate', duplicateStatus: 201 })
    }))

  it('truncate: the server handled it, the client gets part of the body and an error', () =>
    only('truncate', async (p) => {
      const r = await call(p.url, '/t')
      // Either the body read fails, or (depending on timing of the cut) it is visibly short.
      if ('text' in r) expect(r.text.length).toBeLessThan(2000)
      else expect(r.error).toBeTruthy()
      expect(seen).toEqual(['POST /t b'])
    }))

  it('error_500 after the server handled it; error_503 without reaching it', async () => {
    await only('error_500', async (p) => {
      expect(await call(p.url, '/e')).toMatchObject({ status: 500 })
      expect(seen).toEqual(['POST /e b'])
    })
    seen = []
    await only('error_503', async (p) => {
      expect(await call(p.url, '/u')).toMatchObject({ status: 503 })
      expect(seen).toEqual([])
    })
  })

  it('delay: forwarded late but intact', () =>
    only('delay', async (p) => {
      expect(await call(p.url, '/slow')).toMatchObject({ status: 201 })
      expect(seen).toEqual(['POST /slow b'])
    }))

  it('reorder: a held request reaches the server after a later one', async () => {
    const p = await startFaultProxy({ target, seed: 1, rates: { reorder: 1 }, holdMs: 10_000 })
    const first = call(p.url, '/first')
    // Wait until the proxy holds the first request, then let the second pass untouched.
    while (p.log.length < 1) await new Promise((r) => setTimeout(r, 5))
    p.setRates({})
    const second = await call(p.url, '/second')
    expect(second).toMatchObject({ status: 201 })
    expect(await first).toMatchObject({ status: 201 })
    expect(seen).toEqual(['POST /second b', 'POST /first b'])
    await p.close()
  })

  it('draws faults from its seed: same seed, same faults; rates respected', async () => {
    const rates = Object.fromEntries(FAULTS.map((f) => [f, 0.06])) as Record<Fault, number>
    const runs: string[][] = []
    for (let i = 0; i < 2; i++) {
      const p = await startFaultProxy({ target, seed: 42, rates, maxDelayMs: 5, holdMs: 5 })
      for (let k = 0; k < 150; k++) await call(p.url, `/n${k}`)
      runs.push(p.log.map((e) => e.fault))
      const c = p.counts()
      // 150 draws at 6 % each: every fault shows up, and about half the requests pass.
      for (const f of FAULTS) expect(c[f], f).toBeGreaterThan(0)
      expect(c.none).toBeGreaterThan(40)
      expect(c.none).toBeLessThan(110)
      await p.close()
    }
    expect(runs[1]).toEqual(runs[0])
    const other = await startFaultProxy({ target, seed: 43, rates, maxDelayMs: 5, holdMs: 5 })
    for (let k = 0; k < 150; k++) await call(other.url, `/n${k}`)
    expect(other.log.map((e) => e.fault)).not.toEqual(runs[0])
    await other.close()
  })

  it('refuses rates that add up to more than 1 or name unknown faults', async () => {
    await expect(
      startFaultProxy({ target, seed: 1, rates: { error_500: 0.7, error_503: 0.5 } })
    ).rejects.toThrow(/add up/)
    await expect(
      startFaultProxy({ target, seed: 1, rates: { nope: 0.1 } as never })
    ).rejects.toThrow(/unknown fault/)
  })
})
