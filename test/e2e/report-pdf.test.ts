// The report as PDF from the command line: printed by the system's Chromium, read back with
// poppler (pdftotext, pdftoppm). Here, not in `npm test`: both are system packages (see README).
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Backend } from '../../src/backend/host'
import type { QueueRow } from '../../src/shared/api'
import { main } from '../../src/cli/main'
import { apiHelpers } from '../helpers/api'
import { generatedCommune } from '../helpers/commune'
import { encryptedDatabase } from '../helpers/encrypted'
import { tempDir } from '../helpers/tmp'

const RESULTS = resolve(__dirname, '../../test-results')
const dir = tempDir('doisoat-report-pdf-')
const dbPath = join(dir, 'r.db')
let backend: Backend
let registryBatch = 0
let corrected: QueueRow
let restorePassphrase = (): void => undefined

beforeAll(async () => {
  const c = await generatedCommune({
    dbPath,
    population: 1000,
    registry: 200,
    seed: 11,
    // Encrypted, as the app's databases are: the CLI opens it with the passphrase.
    create: (path) => (restorePassphrase = encryptedDatabase(path)),
    clerk: 'tranvanbinh',
    clerkName: 'Trần Văn Bình'
  })
  ;({ registryBatch, backend } = c)
  const { call } = apiHelpers(() => c.clerk)
  const rows = await call('review/queue', {
    startRow: 0,
    endRow: 200,
    filter: { flag: ['dob_one_digit', 'dob_swap'], state: ['open', 'auto_accepted'] }
  })
  corrected = rows.rows.find(
    (r) => r.populationRecordId !== null && /[À-ỹ]/.test(r.populationName ?? '')
  )!
  await call('corrections/propose', {
    sourceRecordId: corrected.sourceRecordId,
    populationRecordId: corrected.populationRecordId!,
    side: 'population',
    fields: [{ field: 'dob' }],
    reason: 'dob_wrong',
    evidence: 'GKS số 15/2001'
  })
}, 180_000)

afterAll(async () => {
  await backend?.close()
  restorePassphrase()
})

describe('the report as PDF', () => {
  it('through the CLI: Vietnamese text extracts intact; page 1 is saved as PNG', async () => {
    const out = join(dir, 'bien-ban.pdf')
    const lines: string[] = []
    const code = await main(
      ['report', '--db', dbPath, '--batch', String(registryBatch), '--out', out],
      { out: (l) => lines.push(l), err: (l) => lines.push(l) }
    )
    expect(lines.join('\n')).toContain('Đã ghi biên bản vào')
    expect(code).toBe(0)
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-')
    // Reading order, whitespace collapsed: a table cell may wrap, its words stay in order.
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    expect(text).toContain('BIÊN BẢN ĐỐI SOÁT DỮ LIỆU')
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
    expect(text).toContain('Số liệu tổng hợp')
    expect(text).toContain(corrected.populationName!)
    expect(text).toContain('THỦ TRƯỞNG ĐƠN VỊ')
    mkdirSync(RESULTS, { recursive: true })
    const png = join(RESULTS, 'report-page1')
    rmSync(`${png}.png`, { force: true })
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', out, png])
    expect(existsSync(`${png}.png`)).toBe(true)
    expect(readFileSync(`${png}.png`).subarray(1, 4).toString()).toBe('PNG')
  }, 120_000)
})
