// The sample commune goes only into an empty database: never beside real records, whoever asks,
// and never twice at once.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createBackend, type Backend } from '../../src/backend/host'
import { importFile } from '../../src/backend/import/import-file'
import { openDb } from '../../src/backend/db/open'
import { jobCtx, tempDir } from '../helpers/tmp'
import { signInAs } from '../helpers/users'

const dir = tempDir('doisoat-sample-create-')
let n = 0
let backend: Backend | null = null
afterEach(async () => {
  await backend?.close()
  backend = null
})

function fresh(): { b: Backend; dbPath: string } {
  const dbPath = join(dir, `s${n++}.db`)
  backend = createBackend({ dbPath, syncProbeMs: 0 })
  return { b: backend, dbPath }
}

const count = (dbPath: string, table: string): number => {
  const db = openDb(dbPath, { readonly: true })
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
  } finally {
    db.close()
  }
}

describe('sample/create', () => {
  it('a database holding real records refuses it, for a clerk and an admin alike', async () => {
    const { b, dbPath } = fresh()
    const file = join(dir, `real-${n}.csv`)
    writeFileSync(file, 'Mã hồ sơ,Họ và tên,Năm sinh\nHS-1,Nguyễn Văn An,1990\n')
    await importFile({ dbPath, kind: 'registry', file }, jobCtx())
    for (const [user, role] of [
      ['quantri', 'admin'],
      ['canbo', 'clerk']
    ] as const) {
      const caller = await signInAs(b, user, role)
      const r = await caller.call('sample/create', {})
      expect(r.ok, role).toBe(false)
      expect(!r.ok && r.error.code).toBe('sample_not_empty')
      expect(!r.ok && r.error.message).toContain('người mẫu')
    }
    expect(count(dbPath, 'source_record')).toBe(1)
    expect(count(dbPath, 'population_record')).toBe(0)
  })

  it('an empty database takes it once; a second request while it runs is refused', async () => {
    const { b, dbPath } = fresh()
    const clerk = await signInAs(b, 'canbo', 'clerk')
    const args = { population: 200, registry: 40 }
    const first = await clerk.call('sample/create', args)
    expect(first.ok).toBe(true)
    const second = await clerk.call('sample/create', args)
    expect(!second.ok && second.error.code).toBe('sample_not_empty')
    await b.jobs.wait((first as { ok: true; value: { jobId: string } }).value.jobId)
    expect(count(dbPath, 'population_record')).toBe(200)
    const third = await clerk.call('sample/create', args)
    expect(!third.ok && third.error.code).toBe('sample_not_empty')
  }, 60_000)
})

describe('the sample as a clerk follows it', () => {
  it('counts its progress in records, and leaves no plaintext file behind', async () => {
    // A data folder of its own: nothing else in it.
    const dbPath = join(dir, 'own', 's.db')
    mkdirSync(dirname(dbPath))
    const b = (backend = createBackend({ dbPath, syncProbeMs: 0 }))
    const clerk = await signInAs(b, 'canbo', 'clerk')
    const progress: { phase: string; done: number; total: number | null }[] = []
    const off = b.onEvent((event, payload) => {
      if (event === 'job/progress') progress.push(payload as (typeof progress)[number])
    })
    const r = await clerk.call('sample/create', { population: 300, registry: 60 })
    if (!r.ok) throw new Error(r.error.code)
    await b.jobs.wait((r.value as { jobId: string }).jobId)
    off()
    for (const [phase, records] of [
      ['population', 300],
      ['registry', 60]
    ] as const) {
      const seen = progress.filter((p) => p.phase === phase)
      expect(seen.length, phase).toBeGreaterThan(0)
      for (const p of seen) {
        expect(p.total, phase).toBe(records)
        expect(p.done).toBeLessThanOrEqual(records)
      }
      expect(seen.at(-1)!.done, phase).toBe(records)
    }
    // The data folder holds the database and its own files, no sample CSV.
    const left = readdirSync(dirname(dbPath), { recursive: true }).map(String)
    expect(left.filter((f) => /doisoat-sample-|\.csv$/.test(f))).toEqual([])
  }, 60_000)
})
