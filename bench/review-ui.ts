// The review screen in Chromium over a large queue: how long a clerk waits for rows after a jump
// through the scroll bar, for the next pair (J), and for a filter change. Medians of samples.
// Usage: tsx bench/review-ui.ts --db PATH [--samples 15]   (e.g. the database bench/review.ts builds)
import { loadavg } from 'node:os'
import type { Page } from 'playwright-core'
import { launchBrowser, openApp, startServer } from '../test/e2e/harness'

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const round = (x: number): number => Math.round(x * 10) / 10

// Browser-side code as text: the Node-side tsconfig has no DOM types, and should not get them.
const JUMP = `async (f, n) => {
  const viewport = document.querySelector('.queue-grid .ag-body-vertical-scroll-viewport')
  const t0 = performance.now()
  viewport.scrollTop = f * (viewport.scrollHeight - viewport.clientHeight)
  viewport.dispatchEvent(new Event('scroll'))
  for (;;) {
    await new Promise((r) => requestAnimationFrame(r))
    const rows = [...document.querySelectorAll('.queue-grid .ag-row')]
    const loading = document.querySelector('.queue-grid .ag-row [class*="skeleton"], .queue-grid .ag-row .ag-loading')
    const top = Math.max(...rows.map((r) => Number(r.getAttribute('row-index'))))
    if (!loading && rows.length > 0 && top >= Math.floor(0.9 * f * n)) return performance.now() - t0
    if (performance.now() - t0 > 30000) return NaN
  }
}`
const PAIR_CHANGED = `(before) => {
  const el = document.querySelector('[data-testid="pair-view"]')
  return el !== null && el.getAttribute('data-source-id') !== before && el.getAttribute('aria-busy') === 'false'
}`
const TOTAL_CHANGED = `(old) => document.querySelector('[data-testid="queue-total"]')?.textContent !== old`

/** Waits, frame by frame inside the page, until a condition (text) holds; waitForFunction would eval, which the CSP forbids. */
async function until(page: Page, condition: string): Promise<void> {
  await page.evaluate(
    `(async () => { for (;;) { if (${condition}) return; await new Promise((r) => requestAnimationFrame(r)) } })()`
  )
}

/** Scrolls the grid to a fraction of its height; resolves with ms until the rows shown have data. */
async function jump(page: Page, fraction: number, rows: number): Promise<number> {
  return Number(await page.evaluate(`(${JUMP})(${fraction}, ${rows})`))
}

async function main(): Promise<void> {
  const db = arg('db')
  if (!db) throw new Error('--db PATH is required')
  const samples = Number(arg('samples') ?? 15)
  const server = await startServer(db, 600_000)
  const browser = await launchBrowser()
  try {
    const { page, errors } = await openApp(browser, server)
    let t0 = performance.now()
    await page.getByRole('button', { name: 'Đối soát', exact: true }).click()
    await page.evaluate(`(async () => {
      for (;;) {
        const total = document.querySelector('[data-testid="queue-total"]')?.textContent ?? ''
        const row = document.querySelector('.queue-grid .ag-row[row-index="0"] [col-id="name"]')
        if (total !== '' && row && row.textContent !== '') return
        await new Promise((r) => setTimeout(r, 20))
      }
    })()`)
    const firstOpen = performance.now() - t0
    const total = await page.getByTestId('queue-total').innerText()

    const jumps: number[] = []
    const rows = Number(total.replace(/\D/g, ''))
    for (let i = 0; i < samples; i++) jumps.push(await jump(page, ((i * 7919) % 997) / 997, rows))

    await page.getByRole('heading', { name: 'Hàng đợi xem xét' }).click()
    const nexts: number[] = []
    for (let i = 0; i < samples; i++) {
      const before = await page.evaluate(
        `document.querySelector('[data-testid="pair-view"]')?.getAttribute('data-source-id') ?? null`
      )
      t0 = performance.now()
      await page.keyboard.press('j')
      await until(page, `(${PAIR_CHANGED})(${JSON.stringify(before)})`)
      nexts.push(performance.now() - t0)
    }

    const filters: number[] = []
    const flags = ['name_diacritics', 'dob_swap', 'name_typo', 'id_missing', 'address_old_naming']
    for (const flag of flags) {
      const old = await page.getByTestId('queue-total').innerText()
      t0 = performance.now()
      await page.getByRole('combobox', { name: 'Dấu hiệu', exact: true }).selectOption(flag)
      await until(page, `(${TOTAL_CHANGED})(${JSON.stringify(old)})`)
      await page.locator('.queue-grid .ag-row[row-index="0"]').first().waitFor()
      filters.push(performance.now() - t0)
    }

    console.log(
      JSON.stringify({
        queue: total,
        load1: round(loadavg()[0]!),
        firstOpenMs: round(firstOpen),
        jumpMedianMs: round(median(jumps)),
        jumpMaxMs: round(Math.max(...jumps)),
        nextPairMedianMs: round(median(nexts)),
        nextPairMaxMs: round(Math.max(...nexts)),
        filterMedianMs: round(median(filters)),
        filterMaxMs: round(Math.max(...filters)),
        samples,
        pageErrors: errors
      })
    )
  } finally {
    await browser.close()
    await server.stop()
  }
}

void main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
