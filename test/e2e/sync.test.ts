// Đồng bộ in Chromium: corrections approved while the national gateway is down stay queued; the
// gateway comes back, "Đồng bộ ngay" drains the queue and the corrections are accepted; one whose
// national record changed meanwhile comes back as a conflict showing both versions; the clerk
// proposes it again, a supervisor approves, and it goes through.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PulledRecord } from '../../src/core/sync/protocol'
import { adminRequest, GatewayClient } from '../../src/gateway/client'
import { startGatewayProcess, type GatewayProcess } from '../../src/gateway/testing/gateway-process'
import {
  openApp,
  pageCall,
  runCli,
  screenshotPath,
  signIn,
  startSeededApp,
  type SeededApp
} from './harness'

const ADMIN_TOKEN = 'e2e-gateway-admin'
let app: SeededApp
let gp: GatewayProcess

beforeAll(async () => {
  app = await startSeededApp({ population: 300, registry: 60, seed: 4 })
  // The national side, seeded from the same population file the workstation imported.
  gp = await startGatewayProcess({
    dataDir: join(app.dir, 'gateway'),
    adminToken: ADMIN_TOKEN,
    seedFrom: join(app.dir, 'sample', 'population.csv')
  })
})
afterAll(async () => {
  await app?.stop()
  await gp?.stop()
})

interface Pop {
  id: number
  record_key: string
  residence_commune_code: string | null
  hometown: string | null
}

describe('Đồng bộ', () => {
  it('queues offline, drains when the gateway is back, shows a conflict with both versions', async () => {
    const admin = <T>(method: string, path: string, body?: unknown) =>
      adminRequest<T>(gp.url, ADMIN_TOKEN, method, path, body)

    // Two population records of one commune: both will be corrected, one changed nationally.
    const { page } = await openApp(app.browser, app.server)
    const all = await pageCall<{ value: { rows: Pop[] } }>(page, 'records/list', {
      table: 'population',
      startRow: 0,
      endRow: 300
    })
    const byCommune = new Map<string, Pop[]>()
    for (const r of all.value.rows)
      if (r.residence_commune_code)
        byCommune.set(r.residence_commune_code, [
          ...(byCommune.get(r.residence_commune_code) ?? []),
          r
        ])
    const [commune, people] = [...byCommune.entries()].sort((a, b) => b[1].length - a[1].length)[0]!
    const [a, b] = people
    const src = await pageCall<{ value: { rows: { id: number }[] } }>(page, 'records/list', {
      table: 'source',
      startRow: 0,
      endRow: 2
    })

    // The national operator registers this workstation and the supervisor's key.
    const ws = await admin<{ id: string; secret: string }>('POST', '/admin/workstations', {
      commune,
      name: 'UBND xã (e2e)'
    })
    const key = (await runCli(['user', 'key', '--db', app.db, '--name', 'giamsat'])).stdout
      .trim()
      .split('\n')
      .pop()!
    await admin('PUT', '/admin/supervisors/giamsat', { publicKey: key, communes: [commune] })
    await gp.stop()

    // The clerk proposes two corrections; the supervisor approves them while offline.
    const uuids: string[] = []
    for (const [i, r] of [a!, b!].entries()) {
      const c = await pageCall<{ ok: boolean; value: { uuid: string } }>(
        page,
        'corrections/propose',
        {
          sourceRecordId: src.value.rows[i]!.id,
          populationRecordId: r.id,
          side: 'population',
          fields: [{ field: 'hometown', value: `Xã Thử ${i + 1}` }],
          reason: 'typo',
          evidence: `KS ${i + 1}/2020`
        }
      )
      expect(c.ok).toBe(true)
      uuids.push(c.value.uuid)
    }
    await page.getByRole('button', { name: 'Đăng xuất' }).click()
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor()
    await signIn(page, 'admin')
    await page.getByRole('navigation').getByRole('button', { name: 'Đồng bộ' }).click()
    await page.getByLabel('Địa chỉ cổng quốc gia').fill(gp.url)
    await page.getByLabel('Mã máy trạm').fill(ws.body.id)
    await page.getByLabel('Khóa bí mật của máy trạm').fill(ws.body.secret)
    await page.getByLabel('Mã xã').fill(commune)
    await page.getByRole('button', { name: 'Lưu cấu hình' }).click()
    await page.getByText('Đã lưu cấu hình đồng bộ.').waitFor()
    await page.getByRole('button', { name: 'Đăng xuất' }).click()
    await signIn(page, 'supervisor')
    for (const uuid of uuids) {
      const d = await pageCall<{ ok: boolean }>(page, 'approvals/decide', {
        uuid,
        decision: 'approve'
      })
      expect(d.ok).toBe(true)
    }
    await page.getByRole('navigation').getByRole('button', { name: 'Đồng bộ' }).click()
    const count = (label: string) => page.locator('.sync-count', { hasText: label }).locator('dd')
    await expect.poll(() => count('Chờ gửi').innerText()).toBe('2')
    await page.getByRole('button', { name: 'Đồng bộ ngay' }).click()
    await page.getByText(/Không kết nối được cổng quốc gia: /).waitFor({ timeout: 60_000 })
    expect(await count('Chờ gửi').innerText()).toBe('2')
    await page.screenshot({ path: screenshotPath('e2e-sync-offline.png') })

    // The gateway comes back; meanwhile the national side changed record b.
    await gp.restart()
    const gwClient = new GatewayClient(gp.url, { ...ws.body, commune })
    const current = await gwClient.request<PulledRecord>('GET', `/v1/records/${b!.record_key}`)
    expect(current.status).toBe(200)
    const national = current.body.record!
    await admin('PUT', `/admin/records/${b!.record_key}`, {
      record: { ...national, hometown: 'Đổi ở trung ương' }
    })
    // "Đồng bộ ngay" (the backend's probe may have started the same sync already: either way
    // one run drains the queue).
    await page.getByRole('button', { name: 'Đồng bộ ngay' }).click()
    await page.getByText(/Đã đồng bộ: /).waitFor({ timeout: 60_000 })
    const alerts = await page.getByRole('alert').allInnerTexts()
    expect(alerts).toEqual([])
    await expect.poll(() => count('Đã gửi xong').innerText(), { timeout: 30_000 }).toBe('1')
    expect(await count('Chờ gửi').innerText()).toBe('0')
    expect(await count('Xung đột').innerText()).toBe('1')
    const conflict = page.getByRole('article', { name: `Bản ghi ${b!.record_key}` })
    await conflict.waitFor()
    expect(await conflict.getByText('Xã Thử 2').count()).toBe(1)
    expect(await conflict.getByText('Đổi ở trung ương').count()).toBe(1)
    expect(await page.getByText('Đang kết nối được cổng quốc gia').count()).toBe(1)
    await page.screenshot({ path: screenshotPath('e2e-sync-online.png'), fullPage: true })

    // The clerk proposes it again on the national record as it is now: a new correction that the
    // supervisor approves, and that goes through on the next sync.
    await page.getByRole('button', { name: 'Đăng xuất' }).click()
    await signIn(page, 'clerk')
    await page.getByRole('navigation').getByRole('button', { name: 'Đồng bộ' }).click()
    await page
      .getByRole('article', { name: `Bản ghi ${b!.record_key}` })
      .getByRole('button', { name: 'Đề nghị lại' })
      .click()
    await page.getByText(`Đã lập đề nghị mới cho bản ghi ${b!.record_key}`).waitFor()
    await page.getByText('Không có xung đột.').waitFor()
    const again = await pageCall<{ value: { rows: { uuid: string }[] } }>(page, 'approvals/list', {
      startRow: 0,
      endRow: 10,
      state: 'proposed'
    })
    expect(again.value.rows).toHaveLength(1)
    await page.getByRole('button', { name: 'Đăng xuất' }).click()
    await signIn(page, 'supervisor')
    const ok = await pageCall<{ ok: boolean }>(page, 'approvals/decide', {
      uuid: again.value.rows[0]!.uuid,
      decision: 'approve'
    })
    expect(ok.ok).toBe(true)
    await page.getByRole('navigation').getByRole('button', { name: 'Đồng bộ' }).click()
    await page.getByRole('button', { name: 'Đồng bộ ngay' }).click()
    await expect.poll(() => count('Đã gửi xong').innerText(), { timeout: 60_000 }).toBe('2')
    expect(await count('Xung đột').innerText()).toBe('0')
    expect(await count('Đã xử lý').innerText()).toBe('1')
    const now = await gwClient.request<PulledRecord>('GET', `/v1/records/${b!.record_key}`)
    expect(now.body.record).toMatchObject({ hometown: 'Xã Thử 2' })
    expect(now.body.version).toBe(current.body.version + 2)
    await page.close()
  })
})
