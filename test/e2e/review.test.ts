// The review workstation at 1366×768 in Chromium on web mode, with what a clerk does only: runs
// matching from the screen, reads the model, reviews pairs with the keyboard (decisions move on,
// a decided pair asks before it changes, U undoes), proposes a correction, links by search,
// imports a new batch and matches it from the import summary. On every step the queue and the
// pair are both inside the window.
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiInput, ApiName, ApiOutput } from '../../src/shared/api'
import { formatDate } from '../../src/core/normalize/date'
import { RESULTS_DIR, openApp, startSeededApp, type SeededApp } from './harness'
import { mkdirSync } from 'node:fs'

const VIEWPORT = { width: 1366, height: 768 }
const SHOTS = join(RESULTS_DIR, 'review')

let app: SeededApp
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  // Imported, not matched: matching is started from the screen.
  app = await startSeededApp({ population: 3000, registry: 600, seed: 7 })
})
afterAll(() => app?.stop())

/** The same API the page uses, called from the test (as the clerk) to read back what the clerk did. */
function call<N extends ApiName>(name: N, args: ApiInput<N>): Promise<ApiOutput<N>> {
  return app.clerkApi(name, args)
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) })
}

/** The queue grid and the pair panel both lie inside the window; so do the state and flag columns. */
async function bothInView(page: Page): Promise<void> {
  const inside = async (what: string, selector: string) => {
    const box = await page.locator(selector).first().boundingBox()
    expect(box, what).not.toBeNull()
    expect(box!.x, what).toBeGreaterThanOrEqual(0)
    expect(box!.y, what).toBeGreaterThanOrEqual(0)
    expect(box!.x + box!.width, what).toBeLessThanOrEqual(VIEWPORT.width)
    expect(box!.y + box!.height, what).toBeLessThanOrEqual(VIEWPORT.height)
    return box!
  }
  const grid = await inside('queue', '.queue-grid')
  const pair = await inside('pair', '.pair-panel')
  expect(pair.x, 'pair beside the queue').toBeGreaterThan(grid.x + grid.width - 1)
  await inside('menu', 'nav.shell-nav')
  for (const col of ['flags', 'state']) {
    const header = await page.locator(`.queue-grid .ag-header-cell[col-id="${col}"]`).boundingBox()
    expect(header, col).not.toBeNull()
    expect(header!.x + header!.width, col).toBeLessThanOrEqual(grid.x + grid.width)
  }
}

const pairId = async (page: Page): Promise<number> =>
  Number(await page.getByTestId('pair-view').getAttribute('data-source-id'))

async function stateOf(id: number): Promise<string> {
  return (await call('review/pair', { sourceRecordId: id })).state
}

describe('review workstation at 1366×768', () => {
  it('runs matching, reviews with the keyboard, undoes, proposes a correction, matches a new batch', async () => {
    const { page, errors } = await openApp(app.browser, app.server, { viewport: VIEWPORT })
    await page.getByRole('button', { name: 'Đối soát', exact: true }).click()
    await page.getByRole('heading', { name: 'Hàng đợi xem xét' }).waitFor()
    await page.getByText('Chưa đối soát lần nào.').first().waitFor()
    await shot(page, '01-before-matching')

    // Matching from the screen: progress in records, then the summary of the run.
    await page.getByRole('button', { name: 'Chạy đối soát', exact: true }).click()
    await expect
      .poll(() => page.getByTestId('match-status').innerText(), { timeout: 60_000 })
      .toMatch(/^Đã đối soát 600 bản ghi: \d+ Chắc chắn/)
    const runs = await call('match/runs', {})
    expect(runs).toHaveLength(1)
    await page.locator('.queue-grid .ag-row').first().waitFor()
    await expect
      .poll(() => page.getByTestId('model-summary').innerText())
      .toMatch(/^Mô hình ước lượng lúc \d\d\/\d\d\/\d{4} \d\d:\d\d trên 1 lô/)
    await shot(page, '02-matched')

    // The model, explained: a weight per comparison level.
    await page.getByRole('button', { name: 'Xem mô hình' }).click()
    const model = page.getByTestId('model-dialog')
    await model.waitFor()
    const info = await call('match/model', {})
    const nameWeights = model.locator('tr[data-field="name"] li')
    expect(await nameWeights.count()).toBe(info.model!.comparisons[0]!.levels.length)
    expect(await model.locator('tr[data-field="name"] li[data-level="exact"]').innerText()).toMatch(
      /^trùng khớp \+\d+,\d$/
    )
    await shot(page, '03-model')
    await page.keyboard.press('Escape')
    await model.waitFor({ state: 'detached' })

    // Keyboard only from here. J opens the first open pair.
    const open0 = await call('review/queue', {
      filter: { flagMode: 'any', state: ['open'] },
      startRow: 0,
      endRow: 5
    })
    await page.keyboard.press('j')
    await page
      .locator(`[data-testid="pair-view"][data-source-id="${open0.rows[0]!.sourceRecordId}"]`)
      .waitFor()
    await bothInView(page)
    await shot(page, '04-pair-open')

    // A accepts and moves on to the next open pair; the accepted one leaves the open queue.
    const first = open0.rows[0]!.sourceRecordId
    await page.keyboard.press('a')
    await expect.poll(() => pairId(page)).toBe(open0.rows[1]!.sourceRecordId)
    expect(await page.getByTestId('match-status').innerText()).toMatch(
      /^Đã ghi «Đã chấp nhận liên kết» cho .+\. Nhấn U \(hoặc Ctrl\+Z\) để hoàn tác\.$/
    )
    await expect
      .poll(() => page.getByTestId('pair-view').innerText())
      .toContain(`Dòng 1 / ${open0.total - 1}`)
    expect(await stateOf(first)).toBe('accepted')
    await bothInView(page)
    await shot(page, '05-accepted-next')

    // R now rejects the pair on screen, never the one accepted before it.
    const second = open0.rows[1]!.sourceRecordId
    await page.keyboard.press('r')
    await expect.poll(() => pairId(page)).toBe(open0.rows[2]!.sourceRecordId)
    expect(await stateOf(first)).toBe('accepted')
    expect(await stateOf(second)).toBe('rejected')

    // U undoes the last decision (the rejection) and shows that pair again; Ctrl+Z the one before.
    await page.keyboard.press('u')
    await expect.poll(() => pairId(page)).toBe(second)
    await expect.poll(() => stateOf(second)).toBe('open')
    expect(await page.getByTestId('match-status').innerText()).toMatch(/^Đã hoàn tác «Bác bỏ/)
    await page.keyboard.press('Control+z')
    await expect.poll(() => pairId(page)).toBe(first)
    await expect.poll(() => stateOf(first)).toBe('open')
    await bothInView(page)
    await shot(page, '06-undone')

    // Decide the first again, then look at every state: a decided pair asks before it changes.
    await page.keyboard.press('a')
    await expect.poll(() => stateOf(first)).toBe('accepted')
    await page.getByLabel('Trạng thái xem xét').selectOption({ label: 'Tất cả' })
    await page.getByRole('heading', { name: 'Hàng đợi xem xét' }).click()
    const all = await call('review/queue', {
      filter: { flagMode: 'any' },
      startRow: 0,
      endRow: 600
    })
    const at = all.rows.findIndex((r) => r.sourceRecordId === first)
    await page.keyboard.press('j')
    for (let i = 0; i < at; i++) await page.keyboard.press('j')
    await expect.poll(() => pairId(page)).toBe(first)
    await page.keyboard.press('r')
    const change = page.getByTestId('change-dialog')
    await change.waitFor()
    expect(await change.getByTestId('change-text').innerText()).toMatch(
      /đã có quyết định «Đã chấp nhận liên kết»\. Đổi thành «Đã bác bỏ liên kết»\?$/
    )
    await shot(page, '07-change-asked')
    // Enter keeps it (the safe button has the focus).
    await page.keyboard.press('Enter')
    await change.waitFor({ state: 'detached' })
    expect(await stateOf(first)).toBe('accepted')
    // Asked again, Tab to "change", Enter: changed on purpose.
    await page.keyboard.press('r')
    await change.waitFor()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await expect.poll(() => stateOf(first)).toBe('rejected')
    await page.keyboard.press('u')
    await expect.poll(() => stateOf(first)).toBe('accepted')

    // C: a correction of the local date of birth for the pair on screen.
    const pair = await call('review/pair', { sourceRecordId: first })
    await page.keyboard.press('c')
    const form = page.getByRole('dialog', { name: /Đề xuất chỉnh sửa/ })
    await form.waitFor()
    expect(await form.getByLabel('Lý do', { exact: true }).inputValue()).toBe('')
    await page.keyboard.press('ArrowDown') // the side: local
    // Only the date of birth: untick whatever else the form ticked as a difference that matters.
    const rows = await form.locator('tr[data-field]').all()
    const fields = await Promise.all(rows.map((row) => row.getAttribute('data-field')))
    for (const field of fields) {
      const box = form.locator(`tr[data-field="${field}"] input[type="checkbox"]`)
      const ticked = await box.isChecked()
      if ((field === 'dob') !== ticked) {
        await box.focus()
        await page.keyboard.press('Space')
      }
    }
    const dobInput = form.getByLabel('Giá trị đúng: Ngày sinh')
    expect(await dobInput.inputValue()).toBe(formatDate(pair.population!.dob))
    const newDob = pair.source.dob === '1990-06-15' ? '16/06/1990' : '15/06/1990'
    await dobInput.focus()
    await page.keyboard.press('Control+a')
    await page.keyboard.type(newDob)
    // No reason chosen: not sent, the reason says so and has the focus.
    await page.keyboard.press('Enter')
    await form.getByText('Hãy chọn lý do.').waitFor()
    // The focus moves once the message is drawn: wait for it rather than read it at once.
    await expect.poll(() => page.locator(':focus').getAttribute('aria-label')).toBe('Lý do')
    await shot(page, '08-correction-reason')
    await form.getByLabel('Lý do', { exact: true }).selectOption({ label: 'Sai ngày sinh' })
    await form
      .getByLabel('Căn cứ (vd. số đăng ký khai sinh và ngày đăng ký)')
      .fill('Giấy khai sinh số 123/2020, ngày 02/03/2020')
    await form.getByRole('button', { name: 'Gửi đề xuất' }).click()
    const sent = page.getByTestId('correction-sent')
    await sent.waitFor()
    expect(await sent.innerText()).toContain('đang chờ giám sát viên duyệt')
    // The local register is the side corrected here (the national value is taken): it is named.
    expect(await sent.innerText()).toContain(`${pair.source.record_key}`)
    expect(await sent.locator('li[data-field="dob"]').innerText()).toContain(newDob)
    await shot(page, '09-correction-sent')
    await page.keyboard.press('Enter')
    await sent.waitFor({ state: 'detached' })
    const listed = page.getByTestId('corrections-list')
    await expect.poll(() => listed.locator('tbody tr').count()).toBe(1)
    expect(await listed.innerText()).toContain('Giấy khai sinh số 123/2020')
    await bothInView(page)
    await shot(page, '10-pair-proposal')
    // The proposal is listed under its own pair only.
    await page.keyboard.press('j')
    await expect.poll(() => pairId(page)).not.toBe(first)
    expect(await page.getByTestId('corrections-list').count()).toBe(0)

    // / links the pair on screen by search; Enter picks the first hit; the screen moves on.
    const target = await pairId(page)
    const shown = await call('review/pair', { sourceRecordId: target })
    // The open pairs first in the queue may have nobody found: then search the family name alone.
    const name = shown.population?.full_name ?? shown.source.full_name.split(' ')[0]!
    await page.keyboard.press('/')
    const search = page.getByRole('combobox', { name: 'Tìm trong CSDL dân cư' })
    await search.waitFor()
    await page.keyboard.press('Control+a')
    await page.keyboard.type(name)
    const hits = await call('search/population', { q: name, limit: 20 })
    expect(hits.length).toBeGreaterThan(0)
    await page
      .getByTestId('search-hits')
      .and(page.locator(`[data-query="${name}"]`))
      .waitFor()
    await page.keyboard.press('Enter')
    await expect.poll(() => stateOf(target)).toBe('relinked')
    expect((await call('review/pair', { sourceRecordId: target })).link?.populationRecordId).toBe(
      hits[0]!.id
    )
    await expect.poll(() => pairId(page)).not.toBe(target)

    // A new register batch: the import summary offers to match it, and that opens the run here.
    await page.getByRole('button', { name: 'Nhập dữ liệu' }).click()
    await importRegister(page, join(app.dir, 'sample', 'registry.tcvn3.csv'))
    await page.getByRole('button', { name: 'Đối soát lô này' }).click()
    await page.getByRole('heading', { name: 'Hàng đợi xem xét' }).waitFor()
    await expect
      .poll(() => page.getByTestId('match-status').innerText(), { timeout: 60_000 })
      .toMatch(/^Đã đối soát 600 bản ghi/)
    const afterImport = await call('match/model', {})
    expect(afterImport.unmatched).toEqual([])
    expect(afterImport.lastRun!.batchId).not.toBeNull()
    // Matched with the model already estimated, not a new one.
    expect(afterImport.model!.runId).toBe(runs[0]!.id)
    await bothInView(page)
    await shot(page, '11-batch-matched')

    // Another batch, imported and left: the review screen lists it with its own button.
    await page.getByRole('button', { name: 'Nhập dữ liệu' }).click()
    await importRegister(page, join(app.dir, 'sample', 'registry.vni.csv'))
    await page.getByRole('button', { name: 'Đối soát', exact: true }).click()
    const waiting = page.getByTestId('unmatched-batches')
    await waiting.waitFor()
    expect(await waiting.innerText()).toContain('registry.vni.csv')
    await bothInView(page)
    await shot(page, '12-batch-waiting')
    await waiting.getByRole('button', { name: 'Đối soát lô này' }).click()
    await expect
      .poll(() => page.getByTestId('match-status').innerText(), { timeout: 60_000 })
      .toMatch(/^Đã đối soát 600 bản ghi/)
    await waiting.waitFor({ state: 'detached' })
    expect((await call('match/model', {})).unmatched).toEqual([])

    // The same screen in English: the model line, the keys and the states in English words.
    await page.getByRole('button', { name: 'English' }).click()
    await expect
      .poll(() => page.getByTestId('model-summary').innerText())
      .toMatch(/^Model estimated \d\d\/\d\d\/\d{4} \d\d:\d\d on 1 batch/)
    await page.getByRole('heading', { level: 1 }).first().click()
    await page.keyboard.press('j')
    await page.getByTestId('pair-view').waitFor()
    // Reject is offered on every pair (Accept only where someone was found for the record).
    const actions = await page.getByTestId('pair-view').getByRole('toolbar').innerText()
    expect(actions).toContain('Reject')
    expect(actions).not.toContain('Bác bỏ')
    await bothInView(page)
    await shot(page, '13-english')

    expect(errors).toEqual([])
    await page.close()
  })
})

/** The import screen: a register file chosen, previewed, imported; the summary stays on screen. */
async function importRegister(page: Page, file: string): Promise<void> {
  await page.getByRole('heading', { name: 'Nhập dữ liệu', level: 1 }).waitFor()
  await page
    .getByRole('combobox', { name: 'Loại dữ liệu' })
    .selectOption({ label: 'Sổ hộ tịch (tổng hợp)' })
  await page.getByTestId('file-input').setInputFiles(file)
  await page.getByTestId('import-preview').waitFor({ timeout: 30_000 })
  await page.locator('[data-testid="import-preview"][aria-busy="false"]').waitFor()
  await page.getByRole('button', { name: /^Nhập [\d.]+ dòng$/ }).click()
  await page.getByTestId('import-summary').waitFor({ timeout: 60_000 })
}
