// The import screen in Chromium on web mode: a clerk imports a TCVN3 register, checks the preview, sees the summary.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCsvParser } from '../../src/core/import/csv'
import { cleanText } from '../../src/core/normalize/text'
import {
  launchBrowser,
  makeWorkDir,
  openApp,
  screenshotPath,
  startServer,
  writeSample,
  type Served
} from './harness'

// Letters that exist only with Vietnamese diacritics: a name with one proves the decoding.
const DIACRITIC = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i

const work = makeWorkDir()
let browser: Browser
let server: Served
let sample: string

beforeAll(async () => {
  ;[browser, sample] = await Promise.all([
    launchBrowser(),
    writeSample(work.dir, { population: 500, registry: 100, seed: 3 })
  ])
  server = await startServer(join(work.dir, 'import.db'))
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  work.remove()
})

/** Record key → full name, read from the UTF-8 register: what the TCVN3 copy must decode to. */
function namesByKey(file: string): Map<string, string> {
  const parser = createCsvParser(',')
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '')
  const [header, ...rows] = [...parser.push(text), ...parser.end()]
  const key = header!.indexOf('Mã hồ sơ')
  const name = header!.indexOf('Họ và tên')
  expect(key).toBeGreaterThanOrEqual(0)
  expect(name).toBeGreaterThanOrEqual(0)
  return new Map(rows.map((r) => [r[key] ?? '', cleanText(r[name] ?? '')]))
}

/** The rows of the "as stored" preview table: key and name cells of accepted rows. */
async function previewNames(page: Page): Promise<{ key: string; name: string }[]> {
  const accepted = page.getByTestId('preview-rows').locator('tbody tr:not(.row-rejected)')
  const keys = await accepted.locator('td[data-field="record_key"]').allInnerTexts()
  const names = await accepted.locator('td[data-field="full_name"]').allInnerTexts()
  expect(names).toHaveLength(keys.length)
  return keys.map((key, i) => ({ key, name: names[i]! }))
}

async function count(page: Page, testId: string): Promise<number> {
  const text = await page.getByTestId(testId).innerText()
  return Number(text.replace(/\./g, ''))
}

async function chooseRegistryFile(page: Page, file: string): Promise<void> {
  await page
    .getByRole('combobox', { name: 'Loại dữ liệu' })
    .selectOption({ label: 'Sổ hộ tịch (tổng hợp)' })
  await page.getByTestId('file-input').setInputFiles(file)
  await page.getByTestId('import-preview').waitFor({ timeout: 30_000 })
  await page.locator('[data-testid="import-preview"][aria-busy="false"]').waitFor()
}

describe('import screen', () => {
  it('imports a TCVN3 register: preview with correct Vietnamese, import, summary, duplicate prompt', async () => {
    const { page, errors } = await openApp(browser, server, {
      viewport: { width: 1366, height: 768 }
    })
    await page.getByRole('button', { name: 'Nhập dữ liệu' }).click()
    await page.getByRole('heading', { name: 'Nhập dữ liệu', level: 1 }).waitFor()

    const tcvn3 = join(sample, 'registry.tcvn3.csv')
    await chooseRegistryFile(page, tcvn3)

    // Encoding detected as TCVN3, the file read as a comma CSV with its header on row 1.
    const detected = await page.getByTestId('encoding-detected').innerText()
    expect(detected).toMatch(/^Nhận dạng: TCVN3 \(ABC, phông \.VnTime\), độ tin cậy \d+\s?%$/)
    expect(await page.getByTestId('picked-file').innerText()).toBe('registry.tcvn3.csv')
    expect(await page.getByTestId('delimiter').innerText()).toBe(',')
    expect(await page.getByTestId('header-row').innerText()).toBe('1')
    expect(
      await page.getByRole('combobox', { name: 'Trường dữ liệu cho cột "Họ và tên"' }).inputValue()
    ).toBe('full_name')

    // The names as they will be stored are the UTF-8 register's names, letter for letter (NFC).
    const expected = namesByKey(join(sample, 'registry.csv'))
    const shown = await previewNames(page)
    expect(shown.length).toBeGreaterThanOrEqual(10)
    for (const { key, name } of shown) {
      expect(expected.has(key)).toBe(true)
      expect(name).toBe(expected.get(key))
      expect(name).toBe(name.normalize('NFC'))
    }
    expect(shown.filter((s) => DIACRITIC.test(s.name)).length).toBeGreaterThanOrEqual(5)
    expect(await count(page, 'preview-counts-read')).toBe(100)
    await page.screenshot({ path: screenshotPath('e2e-import-preview.png'), fullPage: true })

    // Import, then the summary.
    const accepted = await count(page, 'preview-counts-accepted')
    await page.getByRole('button', { name: /^Nhập [\d.]+ dòng$/ }).click()
    await page.getByTestId('import-summary').waitFor({ timeout: 60_000 })
    const read = await count(page, 'summary-counts-read')
    const taken = await count(page, 'summary-counts-accepted')
    const rejected = await count(page, 'summary-counts-rejected')
    expect(read).toBe(100)
    expect(taken + rejected).toBe(read)
    expect(taken).toBe(accepted)
    await page.getByText(/^Đã nhập xong tệp registry\.tcvn3\.csv/).waitFor()
    if (rejected > 0) {
      // The rejected rows come from the server into the grid, reasons in words.
      await page
        .getByTestId('rejected-grid')
        .locator('[role="gridcell"][col-id="reasons"]')
        .first()
        .waitFor({ timeout: 20_000 })
    }
    await page.screenshot({ path: screenshotPath('e2e-import-summary.png'), fullPage: true })

    // The same file again: the clerk is asked before anything is written.
    await page.getByRole('button', { name: 'Nhập tệp khác' }).click()
    await chooseRegistryFile(page, tcvn3)
    const prompt = page.getByTestId('duplicate-prompt')
    await prompt.waitFor()
    expect(await prompt.innerText()).toMatch(
      /Tệp này đã được nhập \(lô số \d+, ngày \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\)\. Vẫn nhập lại\?/
    )
    expect(await prompt.getByRole('button', { name: 'Vẫn nhập lại' }).count()).toBe(1)
    expect(await page.getByTestId('duplicate-note').innerText()).toMatch(/^Tệp này đã được nhập/)
    await prompt.scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('e2e-import-duplicate.png') })

    expect(errors).toEqual([])
    await page.close()
  })

  it('shows the rejected rows in a grid and exports them as CSV', async () => {
    // The register with one more line that has no name: the importer must reject it, keep it, say why.
    const source = readFileSync(join(sample, 'registry.tcvn3.csv'))
    const eol = source.includes('\r\n') ? '\r\n' : '\n'
    const columns = source.subarray(0, source.indexOf('\n')).toString('latin1').split(',').length
    const extra = ['101', 'HT-009999', '', '01/01/1990', 'Nam'].concat(
      Array<string>(columns - 5).fill('')
    )
    const file = join(work.dir, 'so-ho-tich-them-dong.csv')
    const ending = source.at(-1) === 0x0a ? '' : eol
    writeFileSync(file, Buffer.concat([source, Buffer.from(`${ending}${extra.join(',')}${eol}`)]))

    const { page, errors } = await openApp(browser, server, {
      viewport: { width: 1366, height: 768 },
      acceptDownloads: true
    })
    await page.getByRole('button', { name: 'Nhập dữ liệu' }).click()
    await chooseRegistryFile(page, file)
    expect(await page.getByTestId('duplicate-prompt').count()).toBe(0)
    expect(await count(page, 'preview-counts-rejected')).toBeGreaterThanOrEqual(1)
    await page.getByRole('button', { name: /^Nhập [\d.]+ dòng$/ }).click()
    const summary = page.getByTestId('import-summary')
    await summary.waitFor({ timeout: 60_000 })
    expect(await count(page, 'summary-counts-read')).toBe(101)
    const rejected = await count(page, 'summary-counts-rejected')
    expect(rejected).toBeGreaterThanOrEqual(1)

    const grid = page.getByTestId('rejected-grid')
    const row = grid.locator('[role="row"]', { hasText: 'HT-009999' })
    await row.waitFor({ timeout: 20_000 })
    expect(await row.locator('[col-id="reasons"]').innerText()).toContain('thiếu họ tên')
    expect(await row.locator('[col-id="rowNumber"]').innerText()).toBe('102')
    await page.screenshot({ path: screenshotPath('e2e-import-rejected.png'), fullPage: true })

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      summary.getByRole('button', { name: 'Xuất CSV' }).click()
    ])
    expect(download.suggestedFilename()).toMatch(/\.csv$/)
    const saved = join(work.dir, download.suggestedFilename())
    await download.saveAs(saved)
    const csv = readFileSync(saved, 'utf8')
    expect(csv).toContain('HT-009999')
    expect(csv).toContain('thiếu họ tên')

    expect(errors).toEqual([])
    await page.close()
  })
})
