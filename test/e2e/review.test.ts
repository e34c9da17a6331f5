// The review workstation in Chromium on web mode: a clerk filters to "name differs only in
// diacritics", opens a pair with the keyboard, sees the marked letters and the waterfall, accepts,
// proposes a date-of-birth correction, finds it listed, and accepts the rest in bulk.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiInput, ApiName, ApiOutput } from '../../src/shared/api'
import { baseChar, charDiff } from '../../src/core/review/char-diff'
import { formatDate } from '../../src/core/normalize/date'
import { openApp, screenshotPath, startSeededApp, type SeededApp } from './harness'

let app: SeededApp
beforeAll(async () => {
  app = await startSeededApp({ population: 3000, registry: 600, seed: 7 }, { match: true })
})
afterAll(() => app?.stop())

/** The same API the page uses, called from the test (as the clerk) to read back what the clerk did. */
function call<N extends ApiName>(name: N, args: ApiInput<N>): Promise<ApiOutput<N>> {
  return app.clerkApi(name, args)
}

const DIACRITICS_ONLY = {
  flag: ['name_diacritics'],
  flagMode: 'only',
  state: ['open']
} as const satisfies ApiInput<'review/queue'>['filter']

async function queueTotal(page: Page): Promise<number> {
  const text = await page.getByTestId('queue-total').innerText()
  return Number(text.replace(/\D/g, ''))
}

describe('review workstation', () => {
  it('filters, opens a pair, accepts with the keyboard, proposes a correction, bulk-accepts', async () => {
    const { page, errors } = await openApp(app.browser, app.server)
    await page.getByRole('button', { name: 'Đối soát', exact: true }).click()
    await page.getByRole('heading', { name: 'Hàng đợi xem xét' }).waitFor()
    await page.locator('.queue-grid .ag-row').first().waitFor()

    // Filter: only the flag "name typed without diacritics", open rows.
    await page
      .getByLabel('Dấu hiệu', { exact: true })
      .selectOption({ label: 'Họ tên gõ không dấu' })
    await page.getByLabel('Chỉ có dấu hiệu này').check()
    const expected = await call('review/queue', {
      filter: DIACRITICS_ONLY,
      startRow: 0,
      endRow: 5
    })
    expect(expected.total).toBeGreaterThan(3)
    await expect.poll(() => queueTotal(page)).toBe(expected.total)
    await page
      .locator(`.queue-grid .ag-row[row-id="${expected.rows[0]!.sourceRecordId}"]`)
      .waitFor()
    const flagCells = await page.locator('.queue-grid .ag-cell[col-id="flags"]').allInnerTexts()
    expect(flagCells.length).toBeGreaterThan(0)
    for (const text of flagCells) expect(text).toBe('Họ tên gõ không dấu')
    await page.screenshot({ path: screenshotPath('review-queue.png') })

    // A saved view per user: save this filter, clear, and get it back from the list.
    await page.getByLabel('Tên bộ lọc').fill('Chỉ khác dấu')
    await page.getByRole('button', { name: 'Lưu bộ lọc' }).click()
    await expect.poll(() => page.getByTestId('match-status').innerText()).toContain('Chỉ khác dấu')
    const views = await call('views/list', {})
    expect(views.map((v) => [v.name, v.view.filter])).toEqual([['Chỉ khác dấu', DIACRITICS_ONLY]])
    await page.getByRole('button', { name: 'Bỏ lọc' }).click()
    const all = await call('review/queue', { filter: { flagMode: 'any' }, startRow: 0, endRow: 1 })
    await expect.poll(() => queueTotal(page)).toBe(all.total)
    await page.getByLabel('Bộ lọc đã lưu').selectOption({ label: 'Chỉ khác dấu' })
    await expect.poll(() => queueTotal(page)).toBe(expected.total)

    // Keyboard only from here: J opens the first pair of the filtered queue.
    await page.getByRole('heading', { name: 'Hàng đợi xem xét' }).click() // focus leaves the select
    await page.keyboard.press('j')
    const first = expected.rows[0]!
    const view = page.locator(`[data-testid="pair-view"][data-source-id="${first.sourceRecordId}"]`)
    await view.waitFor()
    const pair = await call('review/pair', { sourceRecordId: first.sourceRecordId })
    expect(pair.flags).toEqual(['name_diacritics'])

    // The name row: the letters that differ only by their marks are marked as such.
    const diff = charDiff(pair.source.full_name, pair.population!.full_name)
    expect(diff.comparison).toBe('diacritics')
    const nameRow = view.locator('tr[data-field="full_name"]')
    const localMarks = await nameRow
      .locator('td[data-side="local"] mark[data-diff="diacritic"]')
      .allInnerTexts()
    const nationalMarks = await nameRow
      .locator('td[data-side="national"] mark[data-diff="diacritic"]')
      .allInnerTexts()
    expect(localMarks).toEqual(diff.left.filter((s) => s.kind === 'diacritic').map((s) => s.text))
    expect(nationalMarks).toEqual(
      diff.right.filter((s) => s.kind === 'diacritic').map((s) => s.text)
    )
    expect(nationalMarks.join('')).not.toBe(localMarks.join(''))
    expect([...nationalMarks.join('')].map(baseChar).join('')).toBe(localMarks.join(''))
    expect(await nameRow.locator('mark[data-diff="changed"]').count()).toBe(0)
    await expect.poll(() => nameRow.locator('td[data-comparison]').innerText()).toBe('Chỉ khác dấu')
    await expect
      .poll(() => view.locator('.flag-chip').allInnerTexts())
      .toEqual(['Họ tên gõ không dấu'])

    // The waterfall: prior, one bar per compared field, the total.
    const waterfall = view.getByTestId('waterfall')
    expect(await waterfall.locator('g.wf-bar').count()).toBe(pair.explanation.length + 2)
    expect(await waterfall.locator('g.wf-up').count()).toBeGreaterThan(0)
    expect(await waterfall.locator('figcaption').innerText()).toMatch(/xác suất \d/)
    await view.screenshot({ path: screenshotPath('review-pair.png') })

    // A accepts; the state is read back from the backend.
    await page.keyboard.press('a')
    await expect
      .poll(() => view.getByTestId('pair-state').innerText())
      .toBe('Trạng thái: Đã chấp nhận liên kết')
    const decided = await call('review/pair', { sourceRecordId: first.sourceRecordId })
    expect(decided.state).toBe('accepted')
    expect(decided.decisions.at(-1)).toMatchObject({ action: 'accept', stateAfter: 'accepted' })
    await expect.poll(() => queueTotal(page)).toBe(expected.total - 1)

    // C: propose a correction of the local date of birth.
    await page.keyboard.press('c')
    const form = page.getByRole('dialog', { name: /Đề xuất chỉnh sửa/ })
    await form.waitFor()
    await form.getByLabel('Dữ liệu tại địa phương sai').check()
    await form.locator('tr[data-field="full_name"] input[type="checkbox"]').uncheck()
    await form.locator('tr[data-field="dob"] input[type="checkbox"]').check()
    const dobInput = form.getByLabel('Giá trị đúng: Ngày sinh')
    expect(await dobInput.inputValue()).toBe(formatDate(pair.population!.dob))
    await dobInput.fill('31/02/1990')
    await form.getByRole('button', { name: 'Gửi đề xuất' }).click()
    await expect
      .poll(() => form.locator('tr[data-field="dob"] .field-error').innerText())
      .toContain('Không phải ngày hợp lệ')
    const newDob = pair.source.dob === '1990-06-15' ? '16/06/1990' : '15/06/1990'
    await dobInput.fill(newDob)
    await form.getByLabel('Lý do', { exact: true }).selectOption({ label: 'Sai ngày sinh' })
    await form
      .getByLabel('Căn cứ (vd. số đăng ký khai sinh và ngày đăng ký)')
      .fill('Giấy khai sinh số 123/2020, ngày 02/03/2020')
    await form.screenshot({ path: screenshotPath('review-correction.png') })
    await form.getByRole('button', { name: 'Gửi đề xuất' }).click()
    await form.waitFor({ state: 'detached' })

    const list = page.getByTestId('corrections-list')
    const row = list.locator('tbody tr').first()
    await expect.poll(() => row.locator('li[data-field="dob"]').innerText()).toContain(newDob)
    expect(await row.innerText()).toContain(pair.population!.record_key!)
    expect(await row.innerText()).toContain('Giấy khai sinh số 123/2020')
    const stored = await call('corrections/list', { startRow: 0, endRow: 10 })
    expect(stored.total).toBe(1)
    expect(stored.rows[0]).toMatchObject({
      sourceRecordId: first.sourceRecordId,
      side: 'local',
      reason: 'dob_wrong',
      state: 'proposed',
      fields: [
        { field: 'dob', oldValue: pair.source.dob, newValue: newDob.split('/').reverse().join('-') }
      ]
    })

    // J moves on (the accepted pair left the open queue); / links it by hand through quick search.
    await page.keyboard.press('j')
    const second = expected.rows[1]!
    const secondView = page.locator(
      `[data-testid="pair-view"][data-source-id="${second.sourceRecordId}"]`
    )
    await secondView.waitFor()
    await page.keyboard.press('/')
    const search = page.getByRole('combobox', { name: 'Tìm trong CSDL dân cư' })
    await search.waitFor()
    const query = `${second.populationName!.split(' ').reverse().join(' ')}`
    await search.fill(query)
    const hits = await call('search/population', { q: query, limit: 20 })
    expect(hits.length).toBeGreaterThan(0)
    await page
      .getByTestId('search-hits')
      .and(page.locator(`[data-query="${query}"]`))
      .waitFor()
    expect(
      await page.getByTestId('search-hits').getByRole('option').locator('.hit-name').allInnerTexts()
    ).toEqual(hits.map((h) => h.fullName))
    await page.keyboard.press('Enter')
    await expect
      .poll(() => secondView.getByTestId('pair-state').innerText())
      .toBe('Trạng thái: Đã liên kết với bản ghi khác')
    const relinked = await call('review/pair', { sourceRecordId: second.sourceRecordId })
    expect(relinked.state).toBe('relinked')
    expect(relinked.link?.populationRecordId).toBe(hits[0]!.id)

    // Bulk: the dialog states the count from the dry run; after it nothing is left open.
    const before = await call('review/bulk', {
      filter: DIACRITICS_ONLY,
      action: 'accept',
      dryRun: true
    })
    expect(before.count).toBe(expected.total - 2)
    await page.getByRole('button', { name: 'Chấp nhận hàng loạt…' }).click()
    const bulk = page.getByTestId('bulk-dialog')
    await bulk.waitFor()
    expect(await bulk.getByTestId('bulk-count').innerText()).toContain(
      `chấp nhận ${before.count} liên kết`
    )
    await bulk.getByRole('button', { name: `Chấp nhận ${before.count} liên kết` }).click()
    await bulk.waitFor({ state: 'detached' })
    await expect.poll(() => queueTotal(page)).toBe(0)
    const after = await call('review/bulk', {
      filter: DIACRITICS_ONLY,
      action: 'accept',
      dryRun: true
    })
    expect(after.count).toBe(0)

    // The overview screen, for the record.
    await page.getByRole('button', { name: 'Tổng quan', exact: true }).click()
    await page.getByRole('heading', { name: 'Tổng quan', exact: true }).waitFor()
    await page.screenshot({ path: screenshotPath('overview-dashboard.png'), fullPage: true })

    expect(errors).toEqual([])
    await page.close()
  })
})
