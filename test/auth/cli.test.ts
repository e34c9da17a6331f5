// The CLI side of users and approval: accounts, trusted keys, packages and verify-correction, as a clerk would run them.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb } from '../../src/backend/db/open'
import { createBackend } from '../../src/backend/host'
import { main } from '../../src/cli/main'
import { apiHelpers } from '../helpers/api'
import { encryptedDatabase } from '../helpers/encrypted'
import { tempDir } from '../helpers/tmp'
import { signInAs, TEST_PASSWORD } from '../helpers/users'
import { seedPairs } from './fixture'

const dir = tempDir('doisoat-auth-cli-')
const db = join(dir, 'cli.db')

async function run(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

/** `doisoat user add` on the test database, signed in as `by` when given. */
const addUser = (name: string, role: string, by?: string) =>
  run('user', 'add', '--db', db, '--name', name, '--role', role, ...(by ? ['--user', by] : []))

const saved = { ...process.env }
let restorePassphrase = (): void => undefined
beforeAll(() => {
  process.env.DOISOAT_PASSWORD = TEST_PASSWORD
  process.env.DOISOAT_NEW_PASSWORD = TEST_PASSWORD
  restorePassphrase = encryptedDatabase(db)
  seedPairs(db)
})
afterAll(() => {
  restorePassphrase()
  process.env.DOISOAT_PASSWORD = saved.DOISOAT_PASSWORD
  process.env.DOISOAT_NEW_PASSWORD = saved.DOISOAT_NEW_PASSWORD
  if (saved.DOISOAT_PASSWORD === undefined) delete process.env.DOISOAT_PASSWORD
  if (saved.DOISOAT_NEW_PASSWORD === undefined) delete process.env.DOISOAT_NEW_PASSWORD
})

describe('doisoat user / trust / package / verify-correction', () => {
  it('has help for every new command', async () => {
    for (const c of [
      ['user', 'add'],
      ['user', 'list'],
      ['user', 'key'],
      ['trust', 'add'],
      ['package', 'export'],
      ['package', 'import'],
      ['package', 'decisions'],
      ['verify-correction']
    ]) {
      const r = await run(...c, '--help')
      expect(r.code, c.join(' ')).toBe(0)
      expect(r.out).not.toMatch(/cli\.help\./)
    }
  })

  it('creates the first admin without signing in, then only an admin adds users', async () => {
    expect((await addUser('canbo', 'clerk')).code).toBe(1)
    expect((await addUser('quantri', 'admin')).code).toBe(0)
    const noAdmin = await addUser('canbo', 'clerk')
    expect(noAdmin.code).toBe(1)
    expect(noAdmin.err).toContain('--user')
    expect((await addUser('canbo', 'clerk', 'quantri')).code).toBe(0)
    expect((await addUser('giamsat', 'supervisor', 'quantri')).code).toBe(0)
    const byClerk = await addUser('x9', 'admin', 'canbo')
    expect(byClerk.code).toBe(1)
    expect(byClerk.err).toMatch(/không có quyền/)
    const list = await run('user', 'list', '--db', db, '--user', 'quantri')
    expect(list.out).toMatch(/canbo\s+clerk/)
    const key = await run('user', 'key', '--db', db, '--name', 'giamsat')
    expect(key.out).toMatch(/dấu vân tay: ([0-9a-f]{4} ){15}[0-9a-f]{4}/)
    const wrong = await run('user', 'list', '--db', db, '--user', 'quantri', '--lang', 'en')
    expect(wrong.code).toBe(0)
  })

  it('verifies a stored approval and a signed approval file, and says when one is altered', async () => {
    const b = createBackend({ dbPath: db })
    const clerk = apiHelpers(await signInAs(b, 'canbo', 'clerk').then((x) => () => x))
    const sup = apiHelpers(await signInAs(b, 'giamsat', 'supervisor').then((x) => () => x))
    const c = await clerk.call('corrections/propose', {
      sourceRecordId: 1,
      populationRecordId: 1,
      side: 'population',
      fields: [{ field: 'dob' }],
      reason: 'dob_day_month_swap'
    })
    await sup.call('approvals/decide', { uuid: c.uuid, decision: 'approve' })
    await b.close()

    const file = join(dir, 'approval.json')
    const ok = await run('verify-correction', '--db', db, '--uuid', c.uuid, '--write', file)
    expect(ok).toMatchObject({ code: 0 })
    expect(ok.out).toMatch(/^HỢP LỆ: .* giamsat/)
    expect((await run('verify-correction', '--file', file)).code).toBe(0)
    expect((await run('verify-correction', '--file', file, '--db', db)).code).toBe(0)
    const signed = JSON.parse(readFileSync(file, 'utf8')) as {
      payload: { fields: { newValue: string }[] }
    }
    signed.payload.fields[0]!.newValue = '1990-05-04'
    writeFileSync(file, JSON.stringify(signed))
    const bad = await run('verify-correction', '--file', file)
    expect(bad.code).toBe(1)
    expect(bad.out).toMatch(/KHÔNG HỢP LỆ/)
    const raw = openDb(db)
    raw
      .prepare('UPDATE correction_field SET new_value = ? WHERE correction_uuid = ?')
      .run('1990-05-04', c.uuid)
    raw.close()
    const stored = await run('verify-correction', '--db', db, '--uuid', c.uuid)
    expect(stored.code).toBe(1)
    expect(stored.out).toContain('payload_mismatch')
  })

  it('exports a package as a signed-in clerk, and refuses without the password', async () => {
    const out = join(dir, 'goi.json')
    const b = createBackend({ dbPath: db })
    const clerk = apiHelpers(await signInAs(b, 'canbo', 'clerk').then((x) => () => x))
    await clerk.call('corrections/propose', {
      sourceRecordId: 2,
      populationRecordId: 2,
      side: 'population',
      fields: [{ field: 'dob' }],
      reason: 'dob_day_month_swap'
    })
    await b.close()
    const r = await run('package', 'export', '--db', db, '--user', 'canbo', '--out', out)
    expect(r.code).toBe(0)
    expect((JSON.parse(readFileSync(out, 'utf8')) as { items: unknown[] }).items).toHaveLength(1)
    process.env.DOISOAT_PASSWORD = 'sai-mat-khau'
    const wrong = await run('package', 'export', '--db', db, '--user', 'canbo', '--out', out)
    process.env.DOISOAT_PASSWORD = TEST_PASSWORD
    expect(wrong.code).toBe(1)
    expect(wrong.err).toBe('Sai tên đăng nhập hoặc mật khẩu.')
  })
})
