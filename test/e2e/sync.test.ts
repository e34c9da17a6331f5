// Đồng bộ in Chromium at 1366×768: the admin sets sync up through the screens alone against a
// gateway the test starts (address, commune, the operator's token; the supervisor's key), tests
// the connection, and sees it turn offline within seconds when the gateway goes away; corrections
// approved on Duyệt while it is down stay queued; it comes back, "Đồng bộ ngay" drains the queue
// and the accepted correction is listed; one whose national record changed meanwhile comes back
// as a conflict showing both versions; the clerk proposes it again, a supervisor approves, and it
// goes through.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PulledRecord } from '../../src/core/sync/protocol'
import { adminRequest, GatewayClient } from '../../src/gateway/client'
import { startGatewayProcess, type GatewayProcess } from '../../src/gateway/testing/gateway-process'
import {
  openApp,
  pageCall,
  screenshotPath,
  signIn,
  startSeededApp,
  type SeededApp
} from './harness'

const ADMIN_TOKEN = 'e2e-gateway-admin'
const screens = (name: string): string => screenshotPath(join('screens', name))
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
  it('is set up from the screens, turns offline in seconds, queues, drains, lists accepted, shows a conflict', async () => {
    const admin = <T>(method: string, path: string, body?: unknown) =>
      adminRequest<T>(gp.url, ADMIN_TOKEN, method, path, body)

    // Two population records of one commune: both will be corrected, one changed nationally.
    const { page } = await openApp(app.browser, app.server, {
      viewport: { width: 1366, height: 768 }
    })
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

    // The clerk proposes two corrections (the proposal form belongs to the review screen).
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
    }

    // The admin sets sync up with what the gateway's operator gave: address, commune, a token.
    await page.getByRole('button', { name: 'Đăng xuất' }).click()
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor()
    await signIn(page, 'admin')
    await page.getByRole('navigation').getByRole('button', { name: 'Đồng bộ' }).click()
    await page.getByText(/Chưa cấu hình đồng bộ/).waitFor()
    await page.screenshot({ path: screens('sync-1-not-configured.png') })
    await page.getByLabel('Địa chỉ cổng quốc gia').fill(gp.url)
    await page.getByLabel('Mã xã', { exact: true }).fill(commune)
    await page.getByLabel('Mã người vận hành', { exact: true }).fill(ADMIN_TOKEN)
    await page.getByLabel(/^Tên máy trạm/).fill('UBND xã (e2e)')
    await page.getByRole('button', { name: 'Đăng ký máy trạm với cổng' }).click()
    await page
      .getByText(/^Đã đăng ký máy trạm ws_\S+ cho xã \d+ và lưu cấu hình đồng bộ\.$/)
      .waitFor()
    await page.getByRole('button', { name: 'Đăng ký khóa với cổng' }).click()
    await page.getByText('Đã đăng ký khóa ký của Giám sát Huyện với cổng quốc gia.').waitFor()
    await page.getByRole('button', { name: 'Kiểm tra kết nối' }).click()
    const check = page.getByTestId('connection-check')
    await check.waitFor()
    expect(await check.getByRole('listitem').allInnerTexts()).toEqual([
      `✓\nCổng quốc gia trả lời tại ${gp.url}.`,
      '✓\nCổng nhận ra máy trạm này (UBND xã (e2e)).',
      '✓\nKhóa ký của giám sát viên Giám sát Huyện đã được cổng đăng ký.'
    ])
    await page
      .getByTestId('sync-online')
      .filter({ hasText: 'Kết nối được cổng quốc gia' })
      .waitFor()
    await page.screenshot({ path: screens('sync-2-set-up.png') })

    // The gateway goes away: the status says so within seconds, in words.
    await gp.stop()
    const wentAway = Date.now()
    await page
      .getByTestId('sync-online')
      .filter({ hasText: /^Ngoại tuyến — / })
      .waitFor()
    expect(Date.now() - wentAway).toBeLessThan(15_000)
    expect(await page.getByTestId('sync-online').innerText()).not.toMatch(/TypeError|fetch/)
    await page.screenshot({ path: screens('sync-3-offline.png') })

    // The supervisor approves both on Duyệt while the gateway is down.
    await page.getByRole('button', { name: 'Đăng xuất' }).click()
    await signIn(page, 'supervisor')
    await page.getByRole('navigation').getByRole('button', { name: 'Duyệt' }).click()
    for (let i = 0; i < 2; i++) {
      await page
        .getByTestId('approval-card')
        .first()
        .getByRole('button', { name: 'Duyệt…' })
        .click()
      await page.getByRole('alertdialog').getByRole('button', { name: 'Duyệt và ký' }).click()
      await page
        .getByRole('status')
        .filter({ hasText: /^Đã duyệt và ký đề nghị sửa/ })
        .waitFor()
      await page
        .getByTestId('approval-total')
        .filter({ hasText: `Số đề nghị: ${1 - i}` })
        .waitFor()
    }
    await page.getByRole('navigation').getByRole('button', { name: 'Đồng bộ' }).click()
    const count = (label: string) => page.locator('.sync-count', { hasText: label }).locator('dd')
    await expect.poll(() => count('Chờ gửi').innerText()).toBe('2')
    await page.getByRole('button', { name: 'Đồng bộ ngay' }).click()
    await page.getByText(/Không kết nối được cổng quốc gia: /).waitFor({ timeout: 60_000 })
    expect(await count('Chờ gửi').innerText()).toBe('2')
    await page.screenshot({ path: screens('sync-4-queued-offline.png') })

    // The gateway comes back; meanwhile the national side changed record b (the test reads it
    // with a workstation credential of its own).
    await gp.restart()
    const ws = await admin<{ id: string; secret: string }>('POST', '/admin/workstations', {
      commune,
      name: 'Máy đọc của bài kiểm tra'
    })
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
    expect(await page.getByTestId('sync-online').innerText()).toBe('Kết nối được cổng quốc gia')
    // The accepted one is listed: record, person, the change, when.
    const accepted = page.getByTestId('sync-accepted')
    await accepted.waitFor()
    const row = accepted.getByRole('row').nth(1)
    expect(await row.innerText()).toContain(a!.record_key)
    expect(await row.innerText()).toContain('Quê quán:')
    expect(await row.innerText()).toContain('→ Xã Thử 1')
    expect(await row.innerText()).toMatch(/\d\d\/\d\d\/\d{4} \d\d:\d\d/)
    await page.screenshot({ path: screens('sync-5-accepted-conflict.png'), fullPage: true })

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
    await page.getByRole('button', { name: 'Đăng xuất' }).click()
    await signIn(page, 'supervisor')
    await page.getByRole('navigation').getByRole('button', { name: 'Duyệt' }).click()
    await page.getByTestId('approval-card').getByRole('button', { name: 'Duyệt…' }).click()
    await page.getByRole('alertdialog').getByRole('button', { name: 'Duyệt và ký' }).click()
    await page.getByTestId('approval-total').filter({ hasText: 'Số đề nghị: 0' }).waitFor()
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
