// A clerk's day in Chromium at 1366×768, from an empty database and through the screens alone
// (clicks, keys, typing, file choosers; no API call, no CLI against the app's database): first
// run; the admin creates a clerk and a supervisor; the clerk imports a population file and a TCVN3
// register, runs matching, reviews ten pairs with the keyboard and proposes two corrections; the
// supervisor approves one and rejects the other; sync to a gateway the test starts, set up on
// Đồng bộ; a newer population extract changes the approved record, whose pair comes back to
// review flagged; the report as PDF. A screenshot per step in test-results/day/. The clerk's files
// are made with `doisoat sample`; the gateway (the national side) is seeded from the same file.
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCsvParser } from '../../src/core/import/csv'
import { startGatewayProcess, type GatewayProcess } from '../../src/gateway/testing/gateway-process'
import {
  launchBrowser,
  makeWorkDir,
  screenshotPath,
  startServer,
  watchErrors,
  writeSample,
  type Served
} from './harness'

const VIEWPORT = { width: 1366, height: 768 }
const PASSWORD = 'mật-khẩu-ngày-1'
const GATEWAY_TOKEN = 'e2e-ngay-lam-viec'
const ACCOUNTS = {
  admin: { user: 'quantri', display: 'Quản trị xã' },
  clerk: { user: 'nguyenvanan', display: 'Nguyễn Văn Ân' },
  supervisor: { user: 'giamsat', display: 'Trần Thị Bình' }
} as const
type Role = keyof typeof ACCOUNTS
/** The long waits of a loaded machine: matching, imports, sync, printing. */
const SLOW = { timeout: 90_000 }
const STEP_MS = 300_000
/** The decisions, in turn, on pairs where nobody was found in the population data. */
const NOT_FOUND_KEYS = ['n', 'r', 'n', 'd', 'n', 'n', 'r', 'd', 'n']

const work = makeWorkDir()
let browser: Browser
let server: Served
let gateway: GatewayProcess | null = null
let sample: string
let page: Page
let errors: string[]

/** What the day carries from step to step, read off the screens. */
const day = {
  /** The population record keys of the two proposals, in the order they were made. */
  proposed: [] as string[],
  approvedKey: '',
  rejectedKey: ''
}

beforeAll(async () => {
  ;[browser, sample] = await Promise.all([
    launchBrowser(),
    writeSample(work.dir, { population: 1000, registry: 200, seed: 15 })
  ])
  server = await startServer(join(work.dir, 'xa.db'), 60_000, { users: false })
  page = await browser.newPage({ viewport: VIEWPORT, locale: 'vi-VN', acceptDownloads: true })
  errors = watchErrors(page)
}, STEP_MS)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await gateway?.stop()
  work.remove()
})

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: screenshotPath(join('day', `${name}.png`)) })
}

const nav = () => page.getByRole('navigation', { name: 'Điều hướng chính' })

async function signOut(): Promise<void> {
  await page.getByRole('button', { name: 'Đăng xuất' }).click()
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor()
}

async function signInAs(role: Role): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(ACCOUNTS[role].user)
  await page.getByLabel('Mật khẩu').fill(PASSWORD)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await nav().waitFor()
  expect(await page.getByTestId('signed-in-user').innerText()).toMatch(
    new RegExp(`^${ACCOUNTS[role].display} · `)
  )
}

async function switchTo(role: Role): Promise<void> {
  await signOut()
  await signInAs(role)
}

async function openScreen(name: string): Promise<void> {
  await nav().getByRole('button', { name, exact: true }).click()
}

/** The import screen: a file of a kind chosen, previewed, imported; the summary stays on screen. */
async function importFile(kind: string, file: string): Promise<void> {
  await openScreen('Nhập dữ liệu')
  await page.getByRole('heading', { name: 'Nhập dữ liệu', level: 1 }).waitFor()
  const again = page.getByRole('button', { name: 'Nhập tệp khác' })
  if (await again.isVisible()) await again.click()
  await page.getByRole('combobox', { name: 'Loại dữ liệu' }).selectOption({ label: kind })
  await page.getByTestId('file-input').setInputFiles(file)
  await page.getByTestId('import-preview').waitFor(SLOW)
  await page.locator('[data-testid="import-preview"][aria-busy="false"]').waitFor(SLOW)
  await page.getByRole('button', { name: /^Nhập [\d.]+ dòng$/ }).click()
  await page.getByTestId('import-summary').waitFor(SLOW)
}

const count = async (testId: string): Promise<number> =>
  Number((await page.getByTestId(testId).innerText()).replace(/\./g, ''))

/** The queue grid and the pair panel both lie inside the window, the pair beside the queue. */
async function bothInView(): Promise<void> {
  const inside = async (what: string, selector: string) => {
    const box = await page.locator(selector).first().boundingBox()
    expect(box, what).not.toBeNull()
    expect(box!.x, what).toBeGreaterThanOrEqual(0)
    expect(box!.y, what).toBeGreaterThanOrEqual(0)
    expect(box!.x + box!.width, what).toBeLessThanOrEqual(VIEWPORT.width)
    expect(box!.y + box!.height, what).toBeLessThanOrEqual(VIEWPORT.height)
    return box!
  }
  const queue = await inside('queue', '.queue-grid')
  const pair = await inside('pair', '.pair-panel')
  expect(pair.x, 'pair beside the queue').toBeGreaterThan(queue.x + queue.width - 1)
}

const pairView = () => page.getByTestId('pair-view')

/** The pair on screen, once loaded: its source record id and the population record it shows. */
async function pairOnScreen(): Promise<{ id: string; populationKey: string | null }> {
  await page.locator('[data-testid="pair-view"][aria-busy="false"]').waitFor()
  const id = (await pairView().getAttribute('data-source-id')) ?? ''
  const title = await pairView().locator('#pair-title').innerText()
  return { id, populationKey: /↔ (\S+)$/.exec(title)?.[1] ?? null }
}

async function queueTotal(): Promise<number> {
  const text = await page.getByTestId('queue-total').innerText()
  return Number(/^([\d.]+) bản ghi$/.exec(text)?.[1]?.replace(/\./g, '') ?? NaN)
}

/** The next pair is open and on screen (not `id`). */
async function movedOn(id: string): Promise<void> {
  await page
    .locator(`[data-testid="pair-view"][aria-busy="false"]:not([data-source-id="${id}"])`)
    .waitFor()
}

/** A correction of the national record's hometown, through the form: keys and clicks. */
async function proposeHometown(populationKey: string, value: string): Promise<void> {
  await page.keyboard.press('c')
  const form = page.getByRole('dialog', { name: /Đề xuất chỉnh sửa/ })
  await form.waitFor()
  // The side starts at "the population data is wrong"; no reason is chosen for the clerk.
  expect(await form.getByRole('radio', { name: 'Dữ liệu dân cư sai' }).isChecked()).toBe(true)
  expect(await form.getByLabel('Lý do', { exact: true }).inputValue()).toBe('')
  // Only the hometown: untick what the form ticked, tick the hometown.
  for (const row of await form.locator('tr[data-field]').all()) {
    const field = await row.getAttribute('data-field')
    const box = row.locator('input[type="checkbox"]')
    if ((field === 'hometown') !== (await box.isChecked())) await box.click()
  }
  const input = form.getByLabel('Giá trị đúng: Quê quán')
  await input.fill(value)
  await form.getByLabel('Lý do', { exact: true }).selectOption({ label: 'Lỗi đánh máy' })
  await form
    .getByLabel('Căn cứ (vd. số đăng ký khai sinh và ngày đăng ký)')
    .fill(`Trích lục khai sinh số ${day.proposed.length + 1}/2024`)
  await input.focus()
  await page.keyboard.press('Enter')
  const sent = page.getByTestId('correction-sent')
  await sent.waitFor()
  expect(await sent.innerText()).toContain('đang chờ giám sát viên duyệt')
  expect(await sent.innerText()).toContain(populationKey)
  expect(await sent.locator('li[data-field="hometown"]').innerText()).toContain(value)
  await shot(`05-review-correction-${day.proposed.length + 1}`)
  // Enter closes it (its button has the focus); the proposal is listed under this pair.
  await page.keyboard.press('Enter')
  await sent.waitFor({ state: 'detached' })
  await page.getByTestId('corrections-list').getByText(value).waitFor()
  day.proposed.push(populationKey)
}

/** The population file as the next extract: the record `key` with a new hometown and version. */
function newerExtract(key: string, into: string): void {
  const text = readFileSync(join(sample, 'population.csv'), 'utf8')
  const parser = createCsvParser(',')
  const rows = [...parser.push(text), ...parser.end()]
  const header = rows[0]!
  const at = (name: string): number => {
    const i = header.indexOf(name)
    expect(i, name).toBeGreaterThanOrEqual(0)
    return i
  }
  const row = rows.find((r) => r[at('rec_id')] === key)
  expect(row, key).toBeDefined()
  row![at('que_quan')] = 'Xã Đổi Mới, Tỉnh Ninh Bình'
  row![at('phien_ban')] = String(Number(row![at('phien_ban')]) + 5)
  const cell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
  writeFileSync(into, rows.map((r) => r.map(cell).join(',')).join('\n') + '\n')
}

/** The commune code of a population record, from the clerk's own file. */
function communeOf(key: string): string {
  const parser = createCsvParser(',')
  const rows = [
    ...parser.push(readFileSync(join(sample, 'population.csv'), 'utf8')),
    ...parser.end()
  ]
  const header = rows[0]!
  const row = rows.find((r) => r[header.indexOf('rec_id')] === key)!
  return row[header.indexOf('ma_xa')]!
}

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

describe("a clerk's day", () => {
  it(
    '1. first run: the admin account, from the first-run screen',
    async () => {
      await page.goto(server.url)
      await page
        .getByRole('heading', { name: 'Thiết lập lần đầu: tạo tài khoản quản trị' })
        .waitFor()
      expect(await page.locator('.brand-title').innerText()).toBe('Đối soát')
      await page.getByLabel('Tên đăng nhập').fill(ACCOUNTS.admin.user)
      await page.getByLabel('Họ và tên hiển thị').fill(ACCOUNTS.admin.display)
      await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD)
      await page.getByLabel('Nhập lại mật khẩu').fill(PASSWORD)
      await shot('01-first-run')
      await page.getByRole('button', { name: 'Tạo tài khoản quản trị' }).click()
      await nav().waitFor()
      expect(await page.getByTestId('signed-in-user').innerText()).toBe('Quản trị xã · Quản trị')
    },
    STEP_MS
  )

  it(
    '2. the admin creates a clerk and a supervisor from the accounts guide',
    async () => {
      const guide = page.getByRole('region', {
        name: 'Bước tiếp theo: tạo tài khoản cán bộ và giám sát viên'
      })
      await guide.waitFor()
      const clerk = guide.getByRole('form', { name: 'Cán bộ đối soát' })
      await clerk.getByLabel('Họ và tên hiển thị').fill(ACCOUNTS.clerk.display)
      // The user name is suggested from the display name.
      expect(await clerk.getByLabel('Tên đăng nhập').inputValue()).toBe(ACCOUNTS.clerk.user)
      await clerk.getByLabel('Mật khẩu').fill(PASSWORD)
      await clerk.getByRole('button', { name: 'Tạo tài khoản cán bộ' }).click()
      await guide
        .getByText(
          `Đã tạo tài khoản cán bộ ${ACCOUNTS.clerk.display} (tên đăng nhập: ${ACCOUNTS.clerk.user}).`,
          { exact: false }
        )
        .waitFor()
      const sup = guide.getByRole('form', { name: 'Giám sát viên' })
      await sup.getByLabel('Họ và tên hiển thị').fill(ACCOUNTS.supervisor.display)
      await sup.getByLabel('Tên đăng nhập').fill(ACCOUNTS.supervisor.user)
      await sup.getByLabel('Mật khẩu').fill(PASSWORD)
      await sup.getByRole('button', { name: 'Tạo tài khoản giám sát viên' }).click()
      await guide.getByText(/^Đã có tài khoản cán bộ và giám sát viên\./).waitFor()
      await shot('02-accounts')
    },
    STEP_MS
  )

  it(
    '3. the clerk imports the population file and the TCVN3 register',
    async () => {
      await switchTo('clerk')
      await importFile('Trích xuất CSDL dân cư', join(sample, 'population.csv'))
      expect(await count('summary-counts-read')).toBe(1000)
      expect(await count('summary-counts-accepted')).toBe(1000)
      await page.getByText(/^Đã nhập xong tệp population\.csv/).waitFor()

      await importFile('Sổ hộ tịch (tổng hợp)', join(sample, 'registry.tcvn3.csv'))
      expect(await page.getByTestId('encoding-detected').count()).toBe(0) // the preview has gone
      expect(await count('summary-counts-read')).toBe(200)
      const taken = await count('summary-counts-accepted')
      expect(taken + (await count('summary-counts-rejected'))).toBe(200)
      expect(taken).toBeGreaterThan(190)
      await page.getByText(/^Đã nhập xong tệp registry\.tcvn3\.csv/).waitFor()
      // The summary offers to match the new batch.
      await page.getByRole('button', { name: 'Đối soát lô này' }).waitFor()
      await shot('03-imported')
    },
    STEP_MS
  )

  it(
    '4. the clerk runs matching from the Đối soát screen: button, progress, done',
    async () => {
      await openScreen('Đối soát')
      await page.getByRole('heading', { name: 'Hàng đợi xem xét' }).waitFor()
      await page.getByText('Chưa đối soát lần nào.').first().waitFor()
      await page.getByRole('button', { name: 'Chạy đối soát', exact: true }).click()
      // The progress banner shows while it runs (the run may end before a second look, not before one).
      await page.getByTestId('match-progress').waitFor({ state: 'attached', ...SLOW })
      await shot('04-matching-progress')
      await expect
        .poll(() => page.getByTestId('match-status').innerText(), SLOW)
        .toMatch(/^Đã đối soát \d+ bản ghi: \d+ Chắc chắn/)
      await page.getByTestId('match-progress').waitFor({ state: 'detached', ...SLOW })
      await expect
        .poll(() => page.getByTestId('model-summary').innerText())
        .toMatch(/^Mô hình ước lượng lúc \d\d\/\d\d\/\d{4} \d\d:\d\d trên 1 lô/)
      await page.locator('.queue-grid .ag-row').first().waitFor(SLOW)
      await shot('04-matched')
    },
    STEP_MS
  )

  it(
    '5. the clerk reviews ten pairs with the keyboard and proposes two corrections',
    async () => {
      // Keyboard only from here: the heading takes the focus away from the button just pressed.
      await page.getByRole('heading', { name: 'Hàng đợi xem xét' }).click()
      const openAtStart = await queueTotal()
      expect(openAtStart).toBeGreaterThanOrEqual(12)
      await page.keyboard.press('j')
      let decided = 0
      let rejects = 0
      let notInPopulation = 0
      let duplicates = 0
      for (let step = 1; step <= 10; step++) {
        let pair = await pairOnScreen()
        await bothInView()
        if (step === 3) {
          // ↓ looks at the next pair, K comes back: moving decides nothing.
          await page.keyboard.press('ArrowDown')
          await movedOn(pair.id)
          await bothInView()
          await page.keyboard.press('k')
          await page.locator(`[data-testid="pair-view"][data-source-id="${pair.id}"]`).waitFor()
          pair = await pairOnScreen()
          expect(await queueTotal()).toBe(openAtStart - decided)
        }
        if (step === 6) {
          await page.keyboard.press('j')
          await movedOn(pair.id)
          await page.keyboard.press('ArrowUp')
          await page.locator(`[data-testid="pair-view"][data-source-id="${pair.id}"]`).waitFor()
          pair = await pairOnScreen()
        }
        // Each decision: C then A on a found pair (the matcher found few here: most open pairs are
        // people the extract lacks), and N, R and D on the others.
        let key: string
        if (pair.populationKey) {
          if (day.proposed.length < 2) {
            await proposeHometown(pair.populationKey, `Xã Thử Nghiệm ${day.proposed.length + 1}`)
            await bothInView()
          }
          key = 'a'
        } else
          key = NOT_FOUND_KEYS[(rejects + notInPopulation + duplicates) % NOT_FOUND_KEYS.length]!
        const want = {
          a: 'Đã chấp nhận liên kết',
          r: 'Đã bác bỏ liên kết',
          n: 'Không có trong CSDL dân cư',
          d: 'Bản ghi trùng lặp'
        }[key]!
        if (key === 'r') rejects++
        if (key === 'n') notInPopulation++
        if (key === 'd') duplicates++
        await page.keyboard.press(key)
        await movedOn(pair.id)
        decided++
        expect(await page.getByTestId('match-status').innerText()).toMatch(
          new RegExp(`^Đã ghi «${want}» cho .+\\. Nhấn U \\(hoặc Ctrl\\+Z\\) để hoàn tác\\.$`)
        )
        // The decided pair has left the open queue; the next one is on screen beside it.
        await expect.poll(queueTotal).toBe(openAtStart - decided)
        expect(await pairView().getByTestId('pair-state').innerText()).toBe(
          'Trạng thái: Chưa xem xét'
        )
        await bothInView()
        await shot(`05-review-${String(step).padStart(2, '0')}`)
      }
      expect(rejects).toBeGreaterThan(0)
      expect(notInPopulation).toBeGreaterThan(0)
      expect(duplicates).toBeGreaterThan(0)
      expect(day.proposed.length).toBeGreaterThan(0)

      // The pairs accepted automatically are hidden; the clerk shows them and corrects one.
      if (day.proposed.length < 2) {
        await page.getByRole('button', { name: 'Hiện các cặp này' }).click()
        await expect
          .poll(() => page.getByLabel('Trạng thái xem xét').inputValue())
          .toBe('auto_accepted')
        const before = await pairOnScreen()
        await page.getByRole('heading', { name: 'Hàng đợi xem xét' }).click()
        await page.keyboard.press('j')
        await movedOn(before.id)
        const pair = await pairOnScreen()
        expect(pair.populationKey).not.toBeNull()
        expect(await pairView().getByTestId('pair-state').innerText()).toBe(
          'Trạng thái: Tự động chấp nhận (Chắc chắn)'
        )
        await proposeHometown(pair.populationKey!, 'Xã Thử Nghiệm 2')
        await bothInView()
        await shot('05-review-11-auto-accepted')
      }
      expect(day.proposed).toHaveLength(2)
    },
    STEP_MS
  )

  it(
    '6. the supervisor approves one proposal and rejects the other, with confirmations',
    async () => {
      await switchTo('supervisor')
      await openScreen('Duyệt')
      const cards = page.getByTestId('approval-card')
      await cards.nth(1).waitFor()
      await page.getByTestId('approval-total').filter({ hasText: 'Số đề nghị: 2' }).waitFor()
      const first = await cards.first().innerText()
      expect(first).toContain(`Đề xuất bởi ${ACCOUNTS.clerk.display} lúc`)
      expect(first).toMatch(/Căn cứ: Trích lục khai sinh số [12]\/2024/)

      await cards.first().getByRole('button', { name: 'Duyệt…' }).click()
      const approve = page.getByRole('alertdialog', { name: 'Duyệt và ký đề nghị sửa' })
      await approve.waitFor()
      const said = await approve.innerText()
      const key = /đề nghị sửa bản ghi (\S+) \(/.exec(said)?.[1] ?? ''
      expect(day.proposed).toContain(key)
      expect(said).toMatch(/Quê quán: .* → Xã Thử Nghiệm [12]/)
      expect(said).toContain('Chữ ký số của bạn (khóa ')
      await shot('06-approve-confirm')
      await approve.getByRole('button', { name: 'Duyệt và ký' }).click()
      await page
        .getByRole('status')
        .filter({ hasText: /^Đã duyệt và ký đề nghị sửa bản ghi / })
        .waitFor()
      await page.getByTestId('approval-total').filter({ hasText: 'Số đề nghị: 1' }).waitFor()
      day.approvedKey = key
      day.rejectedKey = day.proposed.find((k) => k !== key)!

      await cards.first().getByRole('button', { name: 'Từ chối…' }).click()
      const reject = page.getByRole('alertdialog', { name: 'Từ chối đề nghị sửa' })
      await reject.waitFor()
      expect(await reject.innerText()).toContain(day.rejectedKey)
      expect(await reject.getByRole('button', { name: 'Từ chối đề nghị' }).isDisabled()).toBe(true)
      await reject.getByLabel('Lý do từ chối (bắt buộc)').fill('Trích lục không khớp sổ gốc')
      await shot('06-reject-confirm')
      await reject.getByRole('button', { name: 'Từ chối đề nghị' }).click()
      await page
        .getByRole('status')
        .filter({ hasText: /^Đã từ chối đề nghị sửa bản ghi .+ người đề xuất sẽ thấy lý do\.$/ })
        .waitFor()
      await page.getByTestId('approval-total').filter({ hasText: 'Số đề nghị: 0' }).waitFor()
      await shot('06-decided')
    },
    STEP_MS
  )

  it(
    '7. sync to a gateway the test starts, set up on the Đồng bộ screens',
    async () => {
      // The national side: its records from the same extract, its operator's token.
      gateway = await startGatewayProcess({
        dataDir: join(work.dir, 'gateway'),
        adminToken: GATEWAY_TOKEN,
        seedFrom: join(sample, 'population.csv')
      })
      await switchTo('admin')
      await openScreen('Đồng bộ')
      await page.getByText(/Chưa cấu hình đồng bộ/).waitFor()
      await page.getByLabel('Địa chỉ cổng quốc gia').fill(gateway.url)
      await page.getByLabel('Mã xã', { exact: true }).fill(communeOf(day.approvedKey))
      await page.getByLabel('Mã người vận hành', { exact: true }).fill(GATEWAY_TOKEN)
      await page.getByLabel(/^Tên máy trạm/).fill('UBND xã (một ngày làm việc)')
      await page.getByRole('button', { name: 'Đăng ký máy trạm với cổng' }).click()
      await page
        .getByText(/^Đã đăng ký máy trạm ws_\S+ cho xã \d+ và lưu cấu hình đồng bộ\.$/)
        .waitFor(SLOW)
      await page.getByRole('button', { name: 'Đăng ký khóa với cổng' }).click()
      await page
        .getByText(`Đã đăng ký khóa ký của ${ACCOUNTS.supervisor.display} với cổng quốc gia.`)
        .waitFor(SLOW)
      await page.getByRole('button', { name: 'Kiểm tra kết nối' }).click()
      const check = page.getByTestId('connection-check')
      await check.waitFor(SLOW)
      expect(await check.getByRole('listitem').allInnerTexts()).toEqual([
        `✓\nCổng quốc gia trả lời tại ${gateway.url}.`,
        '✓\nCổng nhận ra máy trạm này (UBND xã (một ngày làm việc)).',
        `✓\nKhóa ký của giám sát viên ${ACCOUNTS.supervisor.display} đã được cổng đăng ký.`
      ])
      await shot('07-sync-set-up')

      // The supervisor sends what was approved.
      await switchTo('supervisor')
      await openScreen('Đồng bộ')
      const tally = (label: string) => page.locator('.sync-count', { hasText: label }).locator('dd')
      await page.getByRole('button', { name: 'Đồng bộ ngay' }).click()
      // The screen's probe may sync between set-up steps 2 and 3: an approval of a supervisor the
      // gateway holds no key for yet waits unsent, and goes now; it is never parked.
      await expect.poll(() => tally('Đã gửi xong').innerText(), SLOW).toBe('1')
      expect(await tally('Chờ gửi').innerText()).toBe('0')
      expect(await tally('Tạm giữ').innerText()).toBe('0')
      expect(await tally('Xung đột').innerText()).toBe('0')
      const accepted = page.getByTestId('sync-accepted')
      await accepted.waitFor()
      const row = accepted.getByRole('row').nth(1)
      expect(await row.innerText()).toContain(day.approvedKey)
      expect(await row.innerText()).toContain('Quê quán:')
      expect(await page.getByTestId('sync-online').innerText()).toBe('Kết nối được cổng quốc gia')
      await shot('07-synced')
    },
    STEP_MS
  )

  it(
    '8. a newer population extract changes the approved record: its pair is back in review, flagged',
    async () => {
      const newer = join(work.dir, 'population-moi.csv')
      newerExtract(day.approvedKey, newer)
      await switchTo('clerk')
      await importFile('Trích xuất CSDL dân cư', newer)
      expect(await count('summary-counts-read')).toBe(1000)
      // The summary says what changed against the records held and what went back to review.
      const diff = page.getByTestId('population-diff')
      expect(await diff.locator('[data-count="changed"]').innerText()).toBe('1')
      expect(await diff.locator('[data-count="unchanged"]').innerText()).toBe('999')
      expect(await page.getByTestId('population-flagged').innerText()).toContain(
        'Hồ sơ dân cư đã thay đổi'
      )
      await shot('08-reimported')

      await openScreen('Đối soát')
      await page.getByRole('heading', { name: 'Hàng đợi xem xét' }).waitFor()
      await page.getByLabel('Dấu hiệu', { exact: true }).selectOption({
        label: 'Hồ sơ dân cư đã thay đổi'
      })
      await expect.poll(queueTotal, SLOW).toBe(1)
      const row = page.locator('.queue-grid .ag-row').first()
      await row.waitFor()
      expect(await row.locator('[col-id="flags"]').innerText()).toContain(
        'Hồ sơ dân cư đã thay đổi'
      )
      expect(await row.locator('[col-id="state"]').innerText()).toBe('Chờ xem xét')
      await page.getByRole('heading', { name: 'Hàng đợi xem xét' }).click()
      await page.keyboard.press('j')
      const pair = await pairOnScreen()
      expect(pair.populationKey).toBe(day.approvedKey)
      await pairView().locator('.flag-chip[data-flag="population_changed"]').waitFor()
      expect(
        await pairView().locator('.flag-chip[data-flag="population_changed"]').innerText()
      ).toBe('Hồ sơ dân cư đã thay đổi')
      expect(await pairView().getByTestId('pair-state').innerText()).toBe(
        'Trạng thái: Chưa xem xét'
      )
      // The newer extract's hometown is what the pair shows on the national side now.
      expect(
        await pairView().locator('tr[data-field="hometown"] td[data-side="national"]').innerText()
      ).toBe('Xã Đổi Mới, Tỉnh Ninh Bình')
      // Its history says it was reopened.
      expect(await pairView().getByTestId('pair-history').innerText()).toContain(
        'Mở lại để xem xét'
      )
      const section = pairView().getByTestId('population-change')
      // The side-by-side section (on main since this test was written): both versions of the
      // hometown, the newer extract's on the right.
      if ((await section.count()) > 0) {
        const row = section.locator('tr[data-field="hometown"]')
        expect(await row.locator('td[data-version="after"]').innerText()).toBe(
          'Xã Đổi Mới, Tỉnh Ninh Bình'
        )
        expect(await row.locator('td[data-version="before"]').innerText()).not.toBe(
          'Xã Đổi Mới, Tỉnh Ninh Bình'
        )
      }
      await bothInView()
      await shot('08-flagged-in-review')
    },
    STEP_MS
  )

  it(
    '9. the report as PDF from the report screen',
    async () => {
      await openScreen('Báo cáo')
      const preview = page.getByTestId('report-preview')
      await preview.waitFor(SLOW)
      expect(await preview.getByRole('heading', { level: 2 }).innerText()).toBe(
        'BIÊN BẢN ĐỐI SOÁT DỮ LIỆU'
      )
      await shot('09-report')
      const [pdf] = await Promise.all([
        page.waitForEvent('download', SLOW),
        page.getByRole('button', { name: 'Tải PDF' }).click()
      ])
      expect(pdf.suggestedFilename()).toMatch(/\.pdf$/)
      const saved = join(work.dir, pdf.suggestedFilename())
      await pdf.saveAs(saved)
      expect(readFileSync(saved).subarray(0, 5).toString('latin1')).toBe('%PDF-')
      if (hasPdftotext()) {
        const text = execFileSync('pdftotext', [saved, '-'], { encoding: 'utf8' }).replace(
          /\s+/g,
          ' '
        )
        expect(text).toContain('BIÊN BẢN ĐỐI SOÁT')
      }
      await page.getByTestId('report-saved').filter({ hasText: '.pdf' }).waitFor()
      await shot('09-report-saved')
      expect(errors).toEqual([])
    },
    STEP_MS
  )
})
