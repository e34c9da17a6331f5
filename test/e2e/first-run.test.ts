// First run in Chromium at 1366×768, from an empty database and through the screens alone: the
// app's name and the language switch on the first-run page; the admin account; the overview asks
// for the clerk and supervisor accounts and creates them from its forms; both then sign in.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import {
  launchBrowser,
  makeWorkDir,
  screenshotPath,
  startServer,
  watchErrors,
  type Served
} from './harness'

const work = makeWorkDir()
let browser: Browser
let server: Served

beforeAll(async () => {
  browser = await launchBrowser()
  server = await startServer(join(work.dir, 'xa.db'), 60_000, { users: false })
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
  work.remove()
})

const screens = (name: string): string => screenshotPath(join('screens', name))
const PASSWORD = 'mật-khẩu-xã-1'

describe('first run', () => {
  it('guides the new admin to the clerk and supervisor accounts, who then sign in', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' })
    const errors = watchErrors(page)
    await page.goto(server.url)
    const setup = page.getByRole('heading', { name: 'Thiết lập lần đầu: tạo tài khoản quản trị' })
    await setup.waitFor()
    // The app says what it is, and speaks English on request.
    expect(await page.locator('.brand-title').innerText()).toBe('Đối soát')
    await page
      .getByRole('group', { name: 'Ngôn ngữ' })
      .getByRole('button', { name: 'English' })
      .click()
    await page.getByRole('heading', { name: 'First run: create the administrator' }).waitFor()
    await page
      .getByRole('group', { name: 'Language' })
      .getByRole('button', { name: 'Tiếng Việt' })
      .click()
    await setup.waitFor()
    await page.screenshot({ path: screens('first-run-1-admin.png') })

    await page.getByLabel('Tên đăng nhập').fill('quantri')
    await page.getByLabel('Họ và tên hiển thị').fill('Quản trị xã')
    await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD)
    await page.getByLabel('Nhập lại mật khẩu').fill(PASSWORD)
    await page.getByRole('button', { name: 'Tạo tài khoản quản trị' }).click()

    const guide = page.getByRole('region', {
      name: 'Bước tiếp theo: tạo tài khoản cán bộ và giám sát viên'
    })
    await guide.waitFor()
    await page.screenshot({ path: screens('first-run-2-guide.png') })
    const clerk = guide.getByRole('form', { name: 'Cán bộ đối soát' })
    await clerk.getByLabel('Họ và tên hiển thị').fill('Nguyễn Văn Ân')
    expect(await clerk.getByLabel('Tên đăng nhập').inputValue()).toBe('nguyenvanan')
    await clerk.getByLabel('Mật khẩu').fill(PASSWORD)
    await clerk.getByRole('button', { name: 'Tạo tài khoản cán bộ' }).click()
    await guide
      .getByText('Đã tạo tài khoản cán bộ Nguyễn Văn Ân (tên đăng nhập: nguyenvanan).', {
        exact: false
      })
      .waitFor()

    const sup = guide.getByRole('form', { name: 'Giám sát viên' })
    await sup.getByLabel('Họ và tên hiển thị').fill('Trần Thị Bình')
    await sup.getByLabel('Tên đăng nhập').fill('giamsat')
    await sup.getByLabel('Mật khẩu').fill(PASSWORD)
    await sup.getByRole('button', { name: 'Tạo tài khoản giám sát viên' }).click()
    await guide.getByText(/^Đã có tài khoản cán bộ và giám sát viên\./).waitFor()
    await page.screenshot({ path: screens('first-run-3-accounts.png') })

    for (const [name, display, menu] of [
      ['nguyenvanan', 'Nguyễn Văn Ân · Cán bộ', 'Nhập dữ liệu'],
      ['giamsat', 'Trần Thị Bình · Giám sát', 'Duyệt']
    ] as const) {
      await page.getByRole('button', { name: 'Đăng xuất' }).click()
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor()
      expect(await page.locator('.brand-title').innerText()).toBe('Đối soát')
      await page.getByLabel('Tên đăng nhập').fill(name)
      await page.getByLabel('Mật khẩu').fill(PASSWORD)
      await page.getByRole('button', { name: 'Đăng nhập' }).click()
      const nav = page.getByRole('navigation', { name: 'Điều hướng chính' })
      await nav.waitFor()
      expect(await page.getByTestId('signed-in-user').innerText()).toBe(display)
      expect(await nav.getByRole('button', { name: menu }).count()).toBe(1)
    }
    await page.screenshot({ path: screens('first-run-4-supervisor.png') })
    expect(errors).toEqual([])
    await page.close()
  })
})
