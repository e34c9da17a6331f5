// Dashboard and reports in Chromium through web mode: charts show the API's counts; reports download as PDF and XLSX.
import ExcelJS from 'exceljs'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiInput, ApiName, ApiOutput, QueueRow } from '../../src/shared/api'
import { openApp, screenshotPath, startSeededApp, type SeededApp } from './harness'

let app: SeededApp
let corrected: QueueRow

/** The same API the page uses, called directly (as the clerk): the figures the screen must show. */
function api<N extends ApiName>(name: N, args: ApiInput<N>): Promise<ApiOutput<N>> {
  return app.clerkApi(name, args)
}

const vi = (n: number): string => new Intl.NumberFormat('vi-VN').format(n)

async function dataValue(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).getAttribute('data-value'))
}

beforeAll(async () => {
  app = await startSeededApp({ population: 2000, registry: 400, seed: 21 }, { match: true })
  // A clerk's morning: six links accepted, two rejected, a date of birth corrected.
  const queue = await api('review/queue', {
    startRow: 0,
    endRow: 8,
    filter: { grade: ['certain'], flagMode: 'any', state: ['auto_accepted'] }
  })
  for (const [i, row] of queue.rows.entries())
    await api('review/decide', {
      sourceRecordId: row.sourceRecordId,
      action: i < 6 ? 'accept' : 'reject'
    })
  const dob = await api('review/queue', {
    startRow: 0,
    endRow: 100,
    filter: {
      flag: ['dob_one_digit', 'dob_swap'],
      flagMode: 'any',
      state: ['open', 'auto_accepted']
    }
  })
  corrected = dob.rows.find(
    (r) => r.populationRecordId !== null && /[À-ỹ]/.test(r.populationName ?? '')
  )!
  await api('corrections/propose', {
    sourceRecordId: corrected.sourceRecordId,
    populationRecordId: corrected.populationRecordId!,
    side: 'population',
    fields: [{ field: 'dob' }],
    reason: 'dob_wrong'
  })
})

afterAll(() => app?.stop())

describe('Tổng quan (dashboard)', () => {
  it('shows the API counts as tiles, bars by grade and flag, the progress line and batches', async () => {
    const dash = await api('review/dashboard', {})
    const timeline = await api('review/timeline', {})
    const { page, errors } = await openApp(app.browser, app.server)
    await page.getByTestId('dashboard').waitFor({ timeout: 30_000 })

    expect(await page.getByTestId('dash-total').innerText()).toBe(vi(dash.total))
    expect(await page.getByTestId('dash-decided').innerText()).toBe(vi(8))
    expect(await page.getByTestId('dash-remaining').innerText()).toBe(vi(dash.byState.open))

    for (const g of ['certain', 'probable', 'possible', 'none'] as const)
      expect(await dataValue(page, `chart-grades-${g}`)).toBe(dash.byGrade[g])
    const flags = Object.entries(dash.byFlag).filter(([, n]) => n > 0)
    expect(flags.length).toBeGreaterThan(3)
    expect(await page.getByTestId('chart-flags').locator('g.bar').count()).toBe(flags.length)
    for (const [flag, n] of flags) expect(await dataValue(page, `chart-flags-${flag}`)).toBe(n)
    // Charts are images with a name for screen readers, and each bar says its figure.
    const chart = page.getByRole('img', { name: /Sai lệch theo loại/ })
    expect(await chart.count()).toBe(1)
    expect(
      await page.getByTestId('chart-flags-name_diacritics').locator('title').textContent()
    ).toBe(`Họ tên gõ không dấu: ${vi(dash.byFlag.name_diacritics ?? 0)}`)

    expect(Number(await page.getByTestId('chart-progress').getAttribute('data-total'))).toBe(
      timeline.total
    )
    expect(timeline.total).toBe(8)
    const batch = dash.batches[0]!
    expect(await page.getByTestId(`batch-${batch.batchId}-decided`).innerText()).toBe(vi(8))
    expect(await page.getByTestId(`batch-${batch.batchId}-remaining`).innerText()).toBe(
      vi(batch.remaining)
    )
    await page.screenshot({ path: screenshotPath('e2e-dashboard.png'), fullPage: true })
    expect(errors).toEqual([])
    await page.close()
  })

  it('exports every row of the records grid, not only the loaded page', async () => {
    const { page, errors } = await openApp(app.browser, app.server, { acceptDownloads: true })
    await page.getByTestId('records-total').filter({ hasText: /\d/ }).waitFor()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('records-export').getByRole('button', { name: 'Xuất CSV' }).click()
    ])
    const saved = join(app.dir, download.suggestedFilename())
    await download.saveAs(saved)
    const bytes = readFileSync(saved)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n')
    expect(lines[0]).toContain('Họ và tên')
    expect(lines).toHaveLength(2000 + 1)
    await page.getByRole('status').filter({ hasText: 'Đã xuất 2.000 dòng' }).waitFor()
    expect(errors).toEqual([])
    await page.close()
  })
})

describe('Báo cáo (reports)', () => {
  it('previews the batch report and downloads it as PDF and XLSX with Vietnamese text', async () => {
    const scopes = await api('reports/scopes', {})
    const report = await api('reports/build', { batchId: scopes.batches[0]!.batchId })
    const { page, errors } = await openApp(app.browser, app.server, { acceptDownloads: true })
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('button', { name: 'Báo cáo' })
      .click()
    const preview = page.getByTestId('report-preview')
    await preview.waitFor()
    expect(await preview.getByRole('heading', { level: 2 }).innerText()).toBe(
      'BIÊN BẢN ĐỐI SOÁT DỮ LIỆU'
    )
    expect(await page.getByTestId('report-total').innerText()).toBe(vi(report.summary.total))
    expect(await page.getByTestId('report-decided').innerText()).toBe(vi(8))
    expect(await page.getByTestId('report-corrections').innerText()).toContain(
      corrected.populationName!
    )
    await page.screenshot({ path: screenshotPath('e2e-reports.png'), fullPage: true })

    const [pdf] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Tải PDF' }).click()
    ])
    expect(pdf.suggestedFilename()).toMatch(/^bien-ban-doi-soat-lo-\d+-\d{4}-\d\d-\d\d\.pdf$/)
    const pdfPath = join(app.dir, pdf.suggestedFilename())
    await pdf.saveAs(pdfPath)
    const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' '
    )
    expect(text).toContain('BIÊN BẢN ĐỐI SOÁT DỮ LIỆU')
    expect(text).toContain(corrected.populationName!)
    await page.getByTestId('report-saved').filter({ hasText: '.pdf' }).waitFor()

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải Excel (XLSX)' }).click()
    ])
    const xlsxPath = join(app.dir, xlsx.suggestedFilename())
    await xlsx.saveAs(xlsxPath)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(xlsxPath)
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Tổng hợp',
      'Sai lệch',
      'Đính chính',
      'Ký xác nhận'
    ])
    expect(wb.worksheets[0]!.getCell('A1').value).toBe('Biên bản đối soát dữ liệu')

    // By commune: the preview follows the choice.
    await page.getByRole('button', { name: 'Theo xã' }).click()
    const commune = scopes.communes[0]!
    await page
      .getByTestId('report-total')
      .filter({ hasText: new RegExp(`^${vi(commune.records).replace('.', '\\.')}$`) })
      .waitFor()
    expect(await preview.innerText()).toContain(commune.name ?? commune.code)
    expect(errors).toEqual([])
    await page.close()
  })
})
