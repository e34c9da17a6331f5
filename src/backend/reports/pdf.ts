// HTML to PDF outside Electron (web mode, CLI, tests): headless Chromium through playwright-core.
import { existsSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { AppError } from '../../shared/errors'

const EXECUTABLES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync']

async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core')
  const path = process.env.CHROMIUM_PATH ?? EXECUTABLES.find((p) => existsSync(p))
  if (path) return chromium.launch({ executablePath: path, args: ARGS })
  // No Chromium on the usual paths (Windows): the Edge or Chrome the system has.
  try {
    return await chromium.launch({ channel: 'msedge', args: ARGS })
  } catch {
    return chromium.launch({ channel: 'chrome', args: ARGS })
  }
}

/** An A4 PDF of a self-contained page; the page may load nothing from anywhere. */
export async function htmlToPdf(html: string): Promise<Buffer> {
  let browser: Browser
  try {
    browser = await launch()
  } catch (e) {
    const detail = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 200)
    throw new AppError('pdf_unavailable', { detail })
  }
  try {
    const page = await browser.newPage({ javaScriptEnabled: false })
    await page.route('**/*', (route) => route.abort())
    await page.setContent(html, { waitUntil: 'load' })
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
  } finally {
    await browser.close()
  }
}
