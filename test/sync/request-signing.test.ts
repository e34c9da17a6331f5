// The request signature is the protocol's HMAC-SHA256, byte for byte what node:crypto computes.
import { createHash, createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { AUTH_HEADERS, signingString } from '../../src/core/sync/protocol'
import { signRequest } from '../../src/core/sync/request-signing'

describe('signRequest', () => {
  it('signs method, path, body hash, timestamp and nonce with the secret', async () => {
    const cred = { id: 'ws_1', secret: 'c2VjcmV0LXNlY3JldC1zZWNyZXQ' }
    const body = JSON.stringify({ họTên: 'Nguyễn Thị Hoà' })
    const h = await signRequest(cred, 'put', '/v1/corrections/x?a=1', body, 1_700_000_000_000)
    expect(h[AUTH_HEADERS.workstation]).toBe('ws_1')
    expect(h[AUTH_HEADERS.timestamp]).toBe('1700000000000')
    const nonce = h[AUTH_HEADERS.nonce]!
    expect(nonce).toMatch(/^[0-9a-f]{32}$/)
    const text = signingString(
      'PUT',
      '/v1/corrections/x?a=1',
      createHash('sha256').update(body).digest('hex'),
      '1700000000000',
      nonce
    )
    expect(h[AUTH_HEADERS.signature]).toBe(
      createHmac('sha256', cred.secret).update(text).digest('base64url')
    )
  })

  it('hashes a byte body as sent and draws a new nonce each time', async () => {
    const cred = { id: 'ws_2', secret: 'k' }
    const bytes = new Uint8Array([0, 255, 10, 13])
    const a = await signRequest(cred, 'POST', '/v1/x', bytes, 5)
    const b = await signRequest(cred, 'POST', '/v1/x', bytes, 5)
    expect(a[AUTH_HEADERS.nonce]).not.toBe(b[AUTH_HEADERS.nonce])
    const text = signingString(
      'POST',
      '/v1/x',
      createHash('sha256').update(bytes).digest('hex'),
      '5',
      a[AUTH_HEADERS.nonce]!
    )
    expect(a[AUTH_HEADERS.signature]).toBe(
      createHmac('sha256', 'k').update(text).digest('base64url')
    )
  })
})
