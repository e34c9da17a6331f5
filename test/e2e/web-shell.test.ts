// The real app in web mode, in Chromium: Vietnamese shell, record grids on a seeded commune, token guard, first run.
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { foldKey } from '../../src/core/normalize/text'
import {
  E2E_PASSWORD,
  launchBrowser,
  makeWorkDir,
  openApp,
  screenshotPath,
  seedDatabase,
  startServer,
  watchErrors,
  type Served
} from './harness'

const NAV = [
  'Tổng quan',
  'Nhập dữ liệu',
  'Đối soát',
  'Dạy mô hình',
  'Duyệt',
  'Đồng bộ',
  'Báo cáo',
  'Sao lưu',
  'Cài đặt'
]
// Letters that exist only with Vietnamese diacritics: a name with one proves the text survived.
const DIACRITIC = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i

const work = makeWorkDir()
let browser: Browser
const servers: Served[] = []

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await Promise.all(servers.map((s) => s.stop()))
  work.remove()
})

async function serve(db: string, users = true): Promise<Served> {
  const server = await startServer(db, 60_000, { users })
  servers.push(server)
  return server
}

async function openPage(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' })
  const errors = watchErrors(page)
  await page.goto(url)
  return { page, errors }
}

/** Waits until check() returns a value that passes, then returns it (the grid loads in blocks). */
async function until<T>(
  what: string,
  check: () => Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs = 20_000
): Promise<T> {
  const end = Date.now() + timeoutMs
  let last: T = await check()
  while (!ok(last)) {
    if (Date.now() > end)
      throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`)
    await new Promise((r) => setTimeout(r, 100))
    last = await check()
  }
  return last
}

/** Full names in the rendered grid rows (header excluded, loading rows skipped). */
async function gridNames(page: Page): Promise<string[]> {
  const cells = await page.locator('[role="gridcell"][col-id="full_name"]').allInnerTexts()
  return cells.map((s) => s.trim()).filter((s) => s !== '')
}

const totalText = (page: Page): Promise<string> => page.getByTestId('records-total').innerText()

describe('web shell on a seeded commune', () => {
  let server: Served

  beforeAll(async () => {
    const db = await seedDatabase(work.dir, { population: 2000, registry: 400, seed: 1 })
    server = await serve(db)
  })

  it('shows the Vietnamese shell and pages real records, per table and by search', async () => {
    const { page, errors } = await openApp(browser, server)

    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' })
    await nav.waitFor()
    expect(await nav.getByRole('button').allInnerTexts()).toEqual(NAV)
    // The token left the address bar, and calls still work (it is kept for the tab).
    expect(page.url()).not.toContain('token=')

    const names = await until(
      '20 population rows',
      () => gridNames(page),
      (n) => n.length >= 20
    )
    expect(names.filter((n) => DIACRITIC.test(n)).length).toBeGreaterThanOrEqual(10)
    expect(names.every((n) => n === n.normalize('NFC'))).toBe(true)
    await until(
      'the total',
      () => totalText(page),
      (t) => t === 'Tổng số: 2.000 bản ghi'
    )
    expect(await page.getByTestId('count-population').innerText()).toBe('2.000')
    expect(await page.getByTestId('count-source').innerText()).toBe('400')
    // Coded values in words, dates the Vietnamese way.
    const sexes = await page.locator('[role="gridcell"][col-id="sex"]').allInnerTexts()
    expect(sexes.filter((s) => s === 'Nam' || s === 'Nữ').length).toBeGreaterThanOrEqual(10)
    const dobs = await page.locator('[role="gridcell"][col-id="dob"]').allInnerTexts()
    expect(dobs.filter((d) => /^(\d{2}\/)?(\d{2}\/)?\d{4}$/.test(d)).length).toBeGreaterThan(10)

    await page.getByRole('button', { name: 'Dữ liệu địa phương' }).click()
    await until(
      'the register total',
      () => totalText(page),
      (t) => t === 'Tổng số: 400 bản ghi'
    )
    const local = await until(
      'register rows',
      () => gridNames(page),
      (n) => n.length >= 20
    )
    // The version column belongs to the national records only.
    expect(await page.locator('[col-id="version"]').count()).toBe(0)

    // A given name: a few people share it, most do not.
    const person = local.find((n) => DIACRITIC.test(n)) ?? local[0]!
    const wanted = person.split(' ').at(-1)!
    await page.getByRole('searchbox', { name: 'Tìm kiếm bản ghi' }).fill(wanted)
    const filtered = await until(
      'the search to filter the grid',
      async () => ({ total: await totalText(page), names: await gridNames(page) }),
      (s) =>
        s.total !== 'Tổng số: 400 bản ghi' &&
        s.names.length > 0 &&
        s.names.every((n) => foldKey(n).includes(foldKey(wanted)))
    )
    expect(filtered.names).toContain(person)
    const count = Number(/Tổng số: ([\d.]+) bản ghi/.exec(filtered.total)?.[1]?.replace(/\./g, ''))
    expect(count).toBeGreaterThanOrEqual(1)
    expect(count).toBeLessThan(400)
    expect(filtered.names.length).toBeGreaterThanOrEqual(Math.min(count, 15))

    await page.screenshot({ path: screenshotPath('e2e-shell.png') })
    expect(errors).toEqual([])
    await page.close()
  })

  it('refuses API calls without the token (401)', async () => {
    const call = (headers: Record<string, string>) =>
      fetch(`${server.origin}/api/app/info`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: '{}'
      })
    const bare = await call({})
    expect(bare.status).toBe(401)
    expect(await bare.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    expect((await call({ authorization: 'Bearer wrong' })).status).toBe(401)
    expect((await fetch(`${server.origin}/api/events`)).status).toBe(401)
    // With the printed token the server answers, and asks for a sign-in before any data.
    const unsigned = await call({ authorization: `Bearer ${server.token}` })
    expect(unsigned.status).toBe(401)
    expect(await unsigned.json()).toMatchObject({ ok: false, error: { code: 'not_signed_in' } })
    const status = await fetch(`${server.origin}/api/auth/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
      body: '{}'
    })
    expect(status.status).toBe(200)
  })
})

describe('first run on an empty database', () => {
  it('creates the admin on the first-run screen, then offers the sample commune, its progress, the records', async () => {
    const server = await serve(join(work.dir, 'empty.db'), false)
    const { page, errors } = await openPage(server.url)

    await page.getByRole('heading', { name: 'Thiết lập lần đầu: tạo tài khoản quản trị' }).waitFor()
    await page.getByLabel('Tên đăng nhập').fill('quantri')
    await page.getByLabel('Họ và tên hiển thị').fill('Quản trị xã')
    await page.getByLabel('Mật khẩu', { exact: true }).fill(E2E_PASSWORD)
    await page.getByLabel('Nhập lại mật khẩu').fill(E2E_PASSWORD)
    await page.getByRole('button', { name: 'Tạo tài khoản quản trị' }).click()
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor()
    expect(await page.getByTestId('signed-in-user').innerText()).toBe('Quản trị xã · Quản trị')

    await page.getByRole('heading', { name: 'Chào mừng đến với Đối soát' }).waitFor()
    expect(await page.getByTestId('count-population').innerText()).toBe('0')
    await page.getByRole('button', { name: 'Tạo xã mẫu' }).click()
    await page.getByRole('progressbar').waitFor({ state: 'attached', timeout: 10_000 })
    expect(await page.getByRole('button', { name: 'Hủy' }).count()).toBe(1)
    // Best effort: a fast machine may finish the sample before the picture is taken.
    await page
      .getByText(/^Đang (sinh|nhập)/)
      .waitFor({ timeout: 5_000 })
      .then(() => page.screenshot({ path: screenshotPath('e2e-first-run-progress.png') }))
      .catch(() => null)

    const names = await until(
      'rows after the sample',
      () => gridNames(page),
      (n) => n.length >= 20,
      120_000
    )
    expect(names.filter((n) => DIACRITIC.test(n)).length).toBeGreaterThanOrEqual(10)
    expect(await page.getByRole('heading', { name: 'Chào mừng đến với Đối soát' }).count()).toBe(0)
    const population = await page.getByTestId('count-population').innerText()
    expect(Number(population.replace(/\./g, ''))).toBeGreaterThan(0)
    await until(
      'the total',
      () => totalText(page),
      (t) => t === `Tổng số: ${population} bản ghi`
    )

    await page.screenshot({ path: screenshotPath('e2e-first-run.png') })
    expect(errors).toEqual([])
    await page.close()
  })
})
