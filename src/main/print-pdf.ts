// The desktop app's PDF: the report page loaded in a hidden, offscreen window and printed by Chromium.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BrowserWindow } from 'electron'
import type { BrowserWindowConstructorOptions } from 'electron'

/**
 * No scripts, no preload, its own in-memory session (the app session refuses file: outside the
 * renderer folder); the page itself carries a CSP of default-src 'none'.
 */
export const PRINT_WINDOW_OPTIONS: BrowserWindowConstructorOptions = {
  show: false,
  webPreferences: {
    offscreen: true,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    javascript: false,
    partition: 'doisoat-print'
  }
}

export const PDF_OPTIONS = {
  pageSize: 'A4',
  printBackground: true,
  preferCSSPageSize: true
} as const

/** A temporary file rather than a data: URL, which Chromium caps at 2 MB (long correction lists). */
export async function printHtmlToPdf(html: string): Promise<Buffer> {
  const win = new BrowserWindow(PRINT_WINDOW_OPTIONS)
  let dir: string | null = null
  try {
    dir = await mkdtemp(join(tmpdir(), 'doisoat-print-'))
    const file = join(dir, 'report.html')
    await writeFile(file, html, 'utf8')
    await win.loadFile(file)
    return await win.webContents.printToPDF(PDF_OPTIONS)
  } finally {
    win.destroy()
    if (dir !== null) await rm(dir, { recursive: true, force: true })
  }
}
