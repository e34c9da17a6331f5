// Review packages between two databases: clerk → supervisor → clerk, tampering refused, imports idempotent.
import { generateKeyPairSync, sign } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBackend, type Backend } from '../../src/backend/host'
import { verifyAudit } from '../../src/backend/audit/audit'
import { openDb } from '../../src/backend/db/open'
import { canonicalJson, type Json } from '../../src/core/canonical-json'
import { apiHelpers } from '../helpers/api'
import { tempDir } from '../helpers/tmp'
import { signInAs, TEST_ADMIN } from '../helpers/users'
import { seedPairs } from './fixture'

const dir = tempDir('doisoat-pkg-')
const clerkDb = join(dir, 'xa.db')
const supDb = join(dir, 'huyen.db')
let xa: Backend
let huyen: Backend
let clerk: ReturnType<typeof apiHelpers>
let sup: ReturnType<typeof apiHelpers>
let proposals = ''

beforeAll(async () => {
  seedPairs(clerkDb)
  xa = createBackend({ dbPath: clerkDb })
  huyen = createBackend({ dbPath: supDb })
  const c = await signInAs(xa, 'canbo', 'clerk')
  const s = await signInAs(huyen, 'giamsat', 'supervisor')
  clerk = apiHelpers(() => c)
  sup = apiHelpers(() => s)
})
afterAll(async () => {
  await xa.close()
  await huyen.close()
})

const write = (name: string, text: string): string => {
  const p = join(dir, name)
  writeFileSync(p, text)
  return p
}

/** Each admin registers the other machine's key by its fingerprint (read out over the phone). */
async function trust(
  on: Backend,
  username: string,
  role: 'clerk' | 'supervisor',
  fingerprint: string
) {
  const admin = apiHelpers(await signInAs(on, TEST_ADMIN, 'admin').then((x) => () => x))
  await admin.call('trust/add', {
    username,
    role,
    fingerprint: fingerprint.replace(/(.{4})/g, '$1 ')
  })
}

describe('review package round trip', () => {
  it('exports the proposals signed by the clerk; an unknown signer is refused on the other machine', async () => {
    for (const id of [1, 2, 3])
      await clerk.call('corrections/propose', {
        sourceRecordId: id,
        populationRecordId: id,
        side: 'population',
        fields: [{ field: 'dob' }],
        reason: 'dob_day_month_swap'
      })
    const file = await clerk.call('packages/exportProposals', {})
    expect(file.count).toBe(3)
    expect(file.fileName).toMatch(/^goi-duyet-.*\.json$/)
    proposals = write('goi.json', file.content)
    const refused = await sup.fail('packages/importProposals', { path: proposals })
    expect(refused.code).toBe('package_untrusted')
    expect(refused.message).toMatch(/chưa được đăng ký/)
  })

  it('refuses a tampered package with a clear message and writes nothing', async () => {
    const me = await clerk.call('auth/status', {})
    await trust(huyen, 'canbo', 'clerk', me.user!.fingerprint)
    const doc = JSON.parse(readFileSync(proposals, 'utf8')) as {
      items: { correction: { fields: { newValue: string }[] } }[]
    }
    doc.items[0]!.correction.fields[0]!.newValue = '1999-01-01'
    const bad = await sup.fail('packages/importProposals', {
      path: write('sua.json', JSON.stringify(doc))
    })
    expect(bad.code).toBe('package_tampered')
    expect(bad.message).toMatch(/đã bị thay đổi sau khi ký/)
    const junk = await sup.fail('packages/importProposals', {
      path: write('rac.json', '{"format": 1}')
    })
    expect(junk.code).toBe('package_invalid')
    expect((await sup.call('approvals/list', { startRow: 0, endRow: 10 })).total).toBe(0)
  })

  it('imports once on the supervisor machine with the pair data; a second import changes nothing', async () => {
    const first = await sup.call('packages/importProposals', { path: proposals })
    expect(first).toMatchObject({ alreadyImported: false, applied: 3, skipped: 0 })
    const again = await sup.call('packages/importProposals', { path: proposals })
    expect(again).toMatchObject({ alreadyImported: true, applied: 0 })
    const list = await sup.call('approvals/list', { startRow: 0, endRow: 10, state: 'proposed' })
    expect(list.total).toBe(3)
    const one = list.rows.find((r) => r.populationKey === 'DC1')!
    expect(one).toMatchObject({
      packageId: first.packageId,
      proposedBy: 'canbo',
      sourceRecordId: null
    })
    expect(one.source).toMatchObject({ full_name: 'Nguyễn Văn Ân', dob: '1990-05-03' })
    expect(one.population).toMatchObject({ dob: '1990-03-05' })
  })

  it('carries signed decisions back; the clerk machine verifies and applies them once', async () => {
    const { rows } = await sup.call('approvals/list', {
      startRow: 0,
      endRow: 10,
      state: 'proposed'
    })
    const [a, b] = rows.sort((x, y) => x.populationKey.localeCompare(y.populationKey))
    await sup.call('approvals/decide', { uuid: a!.uuid, decision: 'approve' })
    await sup.call('approvals/decide', {
      uuid: b!.uuid,
      decision: 'reject',
      reason: 'Giấy khai sinh không khớp'
    })
    // On the supervisor's machine an approval waits to go back; it is not queued for sync there.
    expect(
      (await sup.call('approvals/list', { startRow: 0, endRow: 10, state: 'approved' })).total
    ).toBe(1)
    const pkgs = await sup.call('packages/list', {})
    const decisions = await sup.call('packages/exportDecisions', { packageId: pkgs[0]!.id })
    expect(decisions.count).toBe(2)
    const path = write('quyet-dinh.json', decisions.content)

    // The clerk machine does not know the supervisor yet.
    expect((await clerk.fail('packages/importDecisions', { path })).code).toBe('package_untrusted')
    const supKey = (await sup.call('auth/status', {})).user!.fingerprint
    await trust(xa, 'giamsat', 'supervisor', supKey)

    const applied = await clerk.call('packages/importDecisions', { path })
    expect(applied).toMatchObject({ alreadyImported: false, applied: 2, skipped: 0 })
    expect(await clerk.call('packages/importDecisions', { path })).toMatchObject({
      alreadyImported: true,
      applied: 0
    })
    const queued = await clerk.call('approvals/list', { startRow: 0, endRow: 10, state: 'queued' })
    expect(queued.rows.map((r) => r.uuid)).toEqual([a!.uuid])
    expect(await clerk.call('corrections/verify', { uuid: a!.uuid })).toMatchObject({
      valid: true,
      decidedBy: 'giamsat',
      fingerprint: supKey
    })
    const rejected = await clerk.call('approvals/list', {
      startRow: 0,
      endRow: 10,
      state: 'rejected'
    })
    expect(rejected.rows[0]!.approval).toMatchObject({ reason: 'Giấy khai sinh không khớp' })
    const db = openDb(clerkDb, { readonly: true })
    expect(verifyAudit(db).ok).toBe(true)
    const actions = db
      .prepare("SELECT action FROM audit_event WHERE action LIKE 'package/%'")
      .pluck()
      .all()
    db.close()
    expect(actions).toEqual(['package/export_proposals', 'package/import_decisions'])
  })

  it('refuses forged decisions: altered in the file, or signed by a key that is no known supervisor', async () => {
    // A fresh proposal and a fresh round trip for it.
    await clerk.call('corrections/propose', {
      sourceRecordId: 3,
      populationRecordId: 3,
      side: 'population',
      fields: [{ field: 'full_name', value: 'Lê Văn Cương' }],
      reason: 'typo'
    })
    const out = await clerk.call('packages/exportProposals', {})
    const imported = await sup.call('packages/importProposals', {
      path: write('goi2.json', out.content)
    })
    const { rows } = await sup.call('approvals/list', {
      startRow: 0,
      endRow: 10,
      filter: { packageId: imported.packageId }
    })
    const target = rows.find((r) => r.fields[0]!.field === 'full_name')!
    await sup.call('approvals/decide', { uuid: target.uuid, decision: 'approve' })
    const decisions = await sup.call('packages/exportDecisions', { packageId: imported.packageId })

    // 1. The value changed in the file: the file signature breaks.
    const altered = JSON.parse(decisions.content) as Record<string, unknown> & {
      items: { payload: { fields: { newValue: string }[] } }[]
      itemsSha256: string
      signature: string
    }
    altered.items[0]!.payload.fields[0]!.newValue = 'Lê Văn Khác'
    expect(
      (
        await clerk.fail('packages/importDecisions', {
          path: write('d1.json', JSON.stringify(altered))
        })
      ).code
    ).toBe('package_tampered')

    // 2. A forger re-signs the whole file with their own key under the supervisor's name.
    const forger = generateKeyPairSync('ed25519')
    const spki = forger.publicKey.export({ type: 'spki', format: 'der' }).toString('base64')
    const { createHash } = await import('node:crypto')
    const fp = createHash('sha256').update(Buffer.from(spki, 'base64')).digest('hex')
    const forged = {
      ...altered,
      signer: { username: 'giamsat', role: 'supervisor', publicKey: spki, fingerprint: fp }
    }
    forged.items[0]!.payload.fields[0]!.newValue = 'Lê Văn Khác'
    ;(forged.items[0] as Record<string, unknown>).publicKey = spki
    ;(forged.items[0] as Record<string, unknown>).signature = 'AAAA'
    const items = forged.items as unknown as Json[]
    forged.itemsSha256 = createHash('sha256').update(canonicalJson(items)).digest('hex')
    const { signature: _s, ...body } = forged
    forged.signature = sign(
      null,
      Buffer.from(canonicalJson(body as unknown as Json)),
      forger.privateKey
    ).toString('base64')
    const untrusted = await clerk.fail('packages/importDecisions', {
      path: write('d2.json', JSON.stringify(forged))
    })
    expect(untrusted.code).toBe('package_untrusted')

    // The correction is untouched, and the genuine file still applies.
    const waiting = await clerk.call('approvals/list', {
      startRow: 0,
      endRow: 10,
      state: 'proposed'
    })
    expect(waiting.rows.map((r) => r.uuid)).toContain(target.uuid)
    const ok = await clerk.call('packages/importDecisions', {
      path: write('d3.json', decisions.content)
    })
    expect(ok.applied).toBe(1)
    expect((await clerk.call('corrections/verify', { uuid: target.uuid })).valid).toBe(true)
  })
})
