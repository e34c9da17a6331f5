// The OpenAPI document and the reference gateway describe the same routes.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createGateway } from '../../src/gateway/server'
import type { GatewayDb } from '../../src/gateway/db'

const DOC = resolve(__dirname, '../../api/national-gateway.openapi.yaml')

/** `METHOD /path/{param}` for every operation under `paths:` (two-space indented YAML). */
function documented(): string[] {
  const lines = readFileSync(DOC, 'utf8').split('\n')
  const out: string[] = []
  let inPaths = false
  let path = ''
  for (const line of lines) {
    if (/^\S/.test(line)) inPaths = line === 'paths:'
    if (!inPaths) continue
    const p = /^ {2}(\/\S*):$/.exec(line)
    if (p) path = p[1]!
    const m = /^ {4}(get|put|post|delete|patch):$/.exec(line)
    if (m && path) out.push(`${m[1]!.toUpperCase()} ${path}`)
  }
  return out.sort()
}

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 and lists exactly the routes the gateway serves', async () => {
    const text = readFileSync(DOC, 'utf8')
    expect(text.startsWith('openapi: 3.1.0')).toBe(true)
    const routes: string[] = []
    const app = createGateway({
      db: {} as GatewayDb,
      adminToken: 'x',
      onRoute: (m, url) => routes.push(`${m} ${url.replace(/:(\w+)/g, '{$1}')}`)
    })
    await app.ready()
    await app.close()
    expect(routes.sort()).toEqual(documented())
    expect(routes.length).toBeGreaterThanOrEqual(16)
  })
})
