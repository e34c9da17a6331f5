// Child process of xlsx-hostile.test.ts: previews and imports each file given, then prints what
// happened and how far the process's peak memory (worker threads included) rose above the
// peak after a warm-up on a small ordinary workbook.
import { join } from 'node:path'
import { allowPlainDatabases } from '../../src/backend/db/open'
import { importFile, previewImport } from '../../src/backend/import/import-file'

allowPlainDatabases()
const ctx = { signal: new AbortController().signal, progress: () => undefined }

async function attempt(dir: string, file: string, n: number) {
  const o = { dbPath: join(dir, `memory-${n}.db`), kind: 'registry' as const, file }
  const outcome: Record<string, unknown> = {}
  try {
    const p = await previewImport(o, ctx)
    outcome.preview = { read: p.counts.read, missing: p.missing, reasons: p.rejectedReasons }
  } catch (e) {
    outcome.preview = { code: (e as { code?: string }).code ?? String(e) }
  }
  try {
    const s = await importFile(o, ctx)
    outcome.import = { accepted: s.rowsAccepted, rejected: s.rowsRejected }
  } catch (e) {
    outcome.import = { code: (e as { code?: string }).code ?? String(e) }
  }
  return outcome
}

async function main(): Promise<void> {
  const [dir, warm, ...files] = process.argv.slice(2)
  await attempt(dir!, warm!, 0)
  const base = process.resourceUsage().maxRSS
  const outcomes = []
  for (const [i, f] of files.entries()) outcomes.push(await attempt(dir!, f, i + 1))
  const growthMb = (process.resourceUsage().maxRSS - base) / 1024
  process.stdout.write(JSON.stringify({ outcomes, growthMb }))
}

void main()
