// Matching started from the app: what the screen shows before a run (match/model: counts, the
// model last fitted, the batches not matched yet, population changes since), progress in records,
// one run at a time, cancel.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb } from '../../src/backend/db/open'
import { createBackend, type Backend, type Caller } from '../../src/backend/host'
import { importFile } from '../../src/backend/import/import-file'
import type { Events, MatchSummary } from '../../src/shared/api'
import { apiHelpers } from '../helpers/api'
import { importedCommune, type ImportedCommune } from '../helpers/commune'
import { jobCtx, tempDir } from '../helpers/tmp'
import { signInAs } from '../helpers/users'

const dir = tempDir('doisoat-match-status-')
const dbPath = join(dir, 'm.db')
let backend: Backend
let clerk: Caller
let commune: ImportedCommune
const { call, fail } = apiHelpers(() => clerk)

beforeAll(async () => {
  commune = await importedCommune({ dbPath, population: 400, registry: 80, seed: 13 })
  backend = createBackend({ dbPath, syncProbeMs: 0, backupCheckMs: 0 })
  clerk = await signInAs(backend, 'canbo', 'clerk')
}, 120_000)
afterAll(() => backend?.close())

/** Start a run through the API and follow it as the screen does: its events, then its end. */
async function run(args: { source?: number | 'all' } = {}) {
  const events: Events['job/progress'][] = []
  let done: Events['job/done'] | null = null
  const off = backend.onEvent((event, payload) => {
    if (event === 'job/progress') events.push(payload as Events['job/progress'])
    if (event === 'job/done') done = payload as Events['job/done']
  })
  const { jobId } = await call('match/run', args)
  await backend.jobs.wait(jobId)
  off()
  return { jobId, events, done: done as Events['job/done'] | null }
}

describe('before the first run', () => {
  it('says what would be compared, that no model is fitted, and which batch waits', async () => {
    const s = await call('match/model', {})
    expect(s.counts).toEqual({ population: 400, source: 80 })
    expect(s.model).toBeNull()
    expect(s.lastRun).toBeNull()
    expect(s.unmatched).toEqual([
      expect.objectContaining({ id: commune.registryBatch, fileName: 'registry.csv', rows: 80 })
    ])
    expect(s.populationChangedSince).toBe(400)
  })
})

describe('a run from the app', () => {
  it('reports progress in source records, then the model it fitted', async () => {
    const { events, done } = await run()
    const scan = events.filter((e) => e.phase === 'scan')
    const write = events.filter((e) => e.phase === 'write')
    expect(scan.length).toBeGreaterThan(0)
    for (const e of [...scan, ...write]) {
      expect(e.kind).toBe('match')
      expect(e.total).toBe(80)
      expect(e.done).toBeLessThanOrEqual(80)
    }
    expect(write.at(-1)?.done).toBe(80)
    expect(events.some((e) => e.phase === 'fit' && e.total === null)).toBe(true)
    expect(done?.state).toBe('done')
    const summary = done!.result as MatchSummary

    const s = await call('match/model', {})
    expect(s.model).toMatchObject({ runId: summary.runId, sourceCount: 80, populationCount: 400 })
    expect(s.lastRun).toMatchObject({
      runId: summary.runId,
      thresholds: { certain: 0.99, probable: 0.9, possible: 0.5 }
    })
    expect(s.unmatched).toEqual([])
    expect(s.populationChangedSince).toBe(0)
  })

  it('offers a register batch imported after it, then matches it with the same model', async () => {
    const lines = readFileSync(join(commune.dir, 'registry.csv'), 'utf8').split(/\r?\n/)
    const file = join(dir, 'them.csv')
    writeFileSync(file, [lines[0], ...lines.slice(1, 11)].join('\r\n') + '\r\n')
    const batch = await importFile(
      { dbPath, kind: 'registry', file, actor: 'canbo', allowDuplicate: true },
      jobCtx()
    )
    const before = await call('match/model', {})
    expect(before.unmatched.map((b) => [b.id, b.rows])).toEqual([[batch.batchId, 10]])
    const { done } = await run({ source: batch.batchId })
    expect(done?.state).toBe('done')
    const after = await call('match/model', {})
    expect(after.unmatched).toEqual([])
    // A single batch is scored with the full run's model: that model is still the one shown.
    expect(after.model?.runId).toBe(before.model?.runId)
    expect(after.lastRun?.batchId).toBe(batch.batchId)
  })

  it('counts population records changed since the full run', async () => {
    const lines = readFileSync(join(commune.dir, 'population.csv'), 'utf8').split('\n')
    const cells = lines[1]!.split(',')
    cells[1] = 'Đinh Thị Đổi Khác'
    const file = join(dir, 'dan-cu-moi.csv')
    writeFileSync(file, `${lines[0]}\n${cells.join(',')}\n`)
    await importFile({ dbPath, kind: 'population', file, actor: 'canbo' }, jobCtx())
    expect((await call('match/model', {})).populationChangedSince).toBe(1)
  })

  it('runs one at a time, and a cancelled run writes nothing', async () => {
    const runs = () => {
      const db = openDb(dbPath)
      const n = db.prepare('SELECT count(*) FROM match_run').pluck().get() as number
      db.close()
      return n
    }
    const before = runs()
    const { jobId } = await call('match/run', {})
    const running = () =>
      backend.jobs.list().filter((j) => j.kind === 'match' && j.state === 'running')
    expect(running().map((j) => j.jobId)).toEqual([jobId])
    expect((await fail('match/run', {})).code).toBe('match_running')
    expect(await call('jobs/cancel', { jobId })).toEqual({ cancelled: true })
    await backend.jobs.wait(jobId)
    expect(backend.jobs.list().find((j) => j.jobId === jobId)?.state).toBe('cancelled')
    expect(runs()).toBe(before)
    expect(running()).toEqual([])
  })
})
