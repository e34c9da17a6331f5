// match/model: the model the screen shows (when, on which batches, its weights), the batches not
// matched yet, and one match run at a time.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBackend, type Backend, type Caller } from '../../src/backend/host'
import { importFile } from '../../src/backend/import/import-file'
import { COMPARISONS } from '../../src/core/match/compare'
import { DEFAULT_THRESHOLDS } from '../../src/core/match/model'
import { apiHelpers } from '../helpers/api'
import { importedCommune } from '../helpers/commune'
import { jobCtx, tempDir } from '../helpers/tmp'
import { signInAs } from '../helpers/users'

const dir = tempDir('doisoat-model-')
const dbPath = join(dir, 'm.db')
let backend: Backend
let clerk: Caller
let registryBatch = 0
const { call, fail } = apiHelpers(() => clerk)

async function matchNow(args: { source?: number }): Promise<void> {
  const { jobId } = await call('match/run', args)
  await backend.jobs.wait(jobId)
}

beforeAll(async () => {
  ;({ registryBatch } = await importedCommune({ dbPath, population: 1500, registry: 300, seed: 3 }))
  backend = createBackend({ dbPath })
  clerk = await signInAs(backend, 'canbo', 'clerk', undefined, 'Cán bộ Tư pháp')
}, 120_000)
afterAll(async () => {
  await backend?.close()
})

describe('match/model', () => {
  it('before any run: no model, and the register batch waits to be matched', async () => {
    const info = await call('match/model', {})
    expect(info.model).toBeNull()
    expect(info.lastRun).toBeNull()
    expect(info.unmatched).toMatchObject([
      { id: registryBatch, fileName: 'registry.csv', rows: 300 }
    ])
  })

  it('refuses a second run while one is going', async () => {
    const { jobId } = await call('match/run', {})
    expect((await fail('match/run', {})).code).toBe('match_running')
    await backend.jobs.wait(jobId)
    expect((await call('jobs/list', {})).find((j) => j.jobId === jobId)?.state).toBe('done')
  })

  it('after a full run: when and by whom it was fitted, on which batches, the weights per level', async () => {
    const info = await call('match/model', {})
    expect(info.unmatched).toEqual([])
    const model = info.model!
    expect(model.fittedBy).toBe('Cán bộ Tư pháp')
    expect(model.batches).toEqual([{ id: registryBatch, fileName: 'registry.csv' }])
    expect(model.sourceCount).toBe(300)
    expect(model.populationCount).toBe(1500)
    expect(info.lastRun).toMatchObject({
      runId: model.runId,
      batchId: null,
      thresholds: DEFAULT_THRESHOLDS
    })
    const name = model.comparisons.find((c) => c.field === 'name')!
    expect(name.levels.map((l) => l.level)).toEqual(COMPARISONS[0].levels)
    // Agreement is evidence for, disagreement against.
    expect(name.levels[0]!.weight).toBeGreaterThan(5)
    expect(name.levels.at(-1)!.weight).toBeLessThan(0)
    expect(model.prior).toBeLessThan(0)
  })

  it('a new batch waits; matched alone it keeps the fitted model and becomes the last run', async () => {
    const before = (await call('match/model', {})).model!
    const again = await importFile(
      {
        dbPath,
        kind: 'registry',
        file: join(dir, 'registry.csv'),
        allowDuplicate: true
      },
      jobCtx()
    )
    expect((await call('match/model', {})).unmatched.map((b) => b.id)).toEqual([again.batchId])
    await matchNow({ source: again.batchId })
    const info = await call('match/model', {})
    expect(info.unmatched).toEqual([])
    expect(info.model).toEqual(before)
    expect(info.lastRun).toMatchObject({ batchId: again.batchId, sourceCount: 300 })
    expect(info.lastRun!.runId).toBeGreaterThan(before.runId)
  })
})
