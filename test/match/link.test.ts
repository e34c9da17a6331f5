// Linkage end to end on generated districts: accuracy thresholds, workers, CLI files, API handlers.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { evaluate, readLinks, readTruth } from '../../bench/eval'
import { createBackend } from '../../src/backend/host'
import { isMemoryDatabase, isPlainDatabaseFile, openDb } from '../../src/backend/db/open'
import { signInAs } from '../helpers/users'
import { runMatch } from '../../src/backend/match/run-match'
import { main } from '../../src/cli/main'
import { withTemporaryDatabase, writeLinks } from '../../src/cli/commands/link'
import { valueOf } from '../helpers/api'
import { importedCommune } from '../helpers/commune'
import { jobCtx, tempDir } from '../helpers/tmp'

const dir = tempDir('doisoat-match-')
const dbPath = join(dir, 'm.db')
let registryBatch = 0

beforeAll(async () => {
  // A seed and size the engine was never tuned on.
  const c = await importedCommune({ dbPath, population: 5000, registry: 1000, seed: 21 })
  registryBatch = c.registryBatch
}, 60_000)

describe('matching a generated commune', () => {
  it('links the register to the population file accurately, and grades certain links safely', async () => {
    const s = await runMatch({ dbPath, workers: 1 }, jobCtx())
    expect(s.sourceCount).toBe(1000)
    const out = join(dir, 'links.csv')
    await writeLinks(dbPath, s.runId, out, false)
    const m = evaluate(readTruth(join(dir, 'truth.csv')), readLinks(out))
    expect(m.f1).toBeGreaterThanOrEqual(0.98)
    expect(m.certainPrecision).toBeGreaterThanOrEqual(0.995)
    // Twins, siblings and namesakes are people the clerk must not be handed as links.
    const hard = Object.values(m.hardNegatives).reduce((n, h) => n + h.falseLinks, 0)
    expect(hard).toBeLessThanOrEqual(2)
    expect(m.flagAccuracy).toBeGreaterThanOrEqual(0.97)
  }, 60_000)

  it('gives the same links on two worker threads', async () => {
    const one = await runMatch({ dbPath, workers: 1 }, jobCtx())
    const two = await runMatch({ dbPath, workers: 2 }, jobCtx())
    // Keys on one field alone are dropped where a slice of the population shares them too
    // often: a half slice drops no block the whole keeps, so it compares as many pairs or more.
    expect(two.compared).toBeGreaterThanOrEqual(one.compared)
    expect(Math.abs(two.grades.certain - one.grades.certain)).toBeLessThanOrEqual(5)
    expect(Math.abs(two.grades.none - one.grades.none)).toBeLessThanOrEqual(5)
  }, 60_000)

  it('matches a new batch against the population with the saved model, no full rerun', async () => {
    const s = await runMatch({ dbPath, source: registryBatch }, jobCtx())
    expect(s.sourceCount).toBe(1000)
    expect(s.grades.certain).toBeGreaterThan(800)
  }, 60_000)

  it('writes no pair to a record another connection deleted while it scanned', async () => {
    // Clean run: every stored pair points at existing records.
    const clean = await runMatch({ dbPath, workers: 1 }, jobCtx())
    const conn = openDb(dbPath)
    try {
      expect(conn.pragma('foreign_key_check')).toEqual([])
      const victim = conn
        .prepare('SELECT population_record_id FROM candidate_pair WHERE run_id = ? LIMIT 1')
        .pluck()
        .get(clean.runId) as number
      // Between the scan and the write, another connection deletes a record the scan paired:
      // the write must check its keys (and refuse), not store a pair to nothing.
      const ctx = {
        signal: new AbortController().signal,
        progress: (phase: string, done: number) => {
          if (phase !== 'write' || done !== 0) return
          // As a sync pull removing a record does: earlier runs' pairs go with it (cascade).
          conn.prepare('DELETE FROM population_record WHERE id = ?').run(victim)
        }
      }
      await expect(runMatch({ dbPath, workers: 1 }, ctx)).rejects.toThrow(/FOREIGN KEY/)
      expect(conn.pragma('foreign_key_check')).toEqual([])
      expect(
        conn.prepare('SELECT count(*) FROM match_run WHERE id > ?').pluck().get(clean.runId)
      ).toBe(0)
    } finally {
      conn.close()
    }
  }, 60_000)

  it('is cancellable', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(runMatch({ dbPath, workers: 1 }, jobCtx(controller.signal))).rejects.toMatchObject(
      { code: 'job_cancelled' }
    )
  }, 60_000)
})

describe('match API', () => {
  it('runs as a job, pages pairs by flag, and explains a pair field by field', async () => {
    const backend = createBackend({ dbPath })
    const clerk = await signInAs(backend, 'canbo', 'clerk')
    try {
      const started = await clerk.call('match/run', { source: 'all' })
      expect(started.ok).toBe(true)
      const jobId = valueOf('match/run', started).jobId
      await backend.jobs.wait(jobId)
      const runs = valueOf('match/runs', await clerk.call('match/runs', {}))
      const runId = runs[0]!.id
      const pairs = valueOf(
        'match/pairs',
        await clerk.call('match/pairs', { runId, flag: 'dob_swap' })
      )
      expect(pairs.total).toBeGreaterThan(0)
      expect(pairs.rows.every((r) => r.flags.includes('dob_swap'))).toBe(true)
      const e = valueOf(
        'match/explain',
        await clerk.call('match/explain', { pairId: pairs.rows[0]!.id })
      )
      expect(e.steps.map((s) => s.field)).toContain('dob')
      const sum = e.prior + e.steps.reduce((a, s) => a + s.weight, 0)
      expect(sum).toBeCloseTo(e.total, 6)
    } finally {
      await backend.close()
    }
  }, 60_000)
})

describe('doisoat link', () => {
  /** `doisoat link` on the generated sample files; the lines it printed. */
  const linkSample = async (out: string, extra: string[] = []): Promise<string[]> => {
    const lines: string[] = []
    const code = await main(
      [
        'link',
        '--registry',
        join(dir, 'registry.csv'),
        '--population',
        join(dir, 'population.csv'),
        '--out',
        out,
        ...extra
      ],
      { out: (l) => lines.push(l), err: (l) => lines.push(l) }
    )
    expect(code, lines.join('\n')).toBe(0)
    return lines
  }

  it('links the sample files with no mapping given', async () => {
    const out = join(dir, 'cli-links.csv')
    await linkSample(out)
    const rows = readFileSync(out, 'utf8').trim().split('\n')
    expect(rows[0]).toBe('registry_key,population_key,probability,grade,flags,registry_row')
    expect(rows).toHaveLength(1001)
    expect(rows[1]).toMatch(/^HT-\d{6},(DC\d{7})?,[01]\.\d{6},(certain|probable|possible|none),/)
  }, 60_000)

  it('works in a temporary database in memory by default: no file anywhere, the same links as in a database file', async () => {
    const linkDirs = () => readdirSync(tmpdir()).filter((n) => n.startsWith('doisoat-link-'))
    const before = linkDirs()
    const run = async (out: string, extra: string[] = []) =>
      JSON.parse((await linkSample(out, ['--json', ...extra])).at(-1)!) as {
        database: string
        rows: number
      }
    const inMemory = await run(join(dir, 'mem-links.csv'))
    expect(inMemory).toMatchObject({ database: 'memory', rows: 1000 })
    // Had SQLite taken the name for a file name, a file "file:/doisoat-link-…" would be here.
    expect(readdirSync(process.cwd()).filter((n) => n.startsWith('file:'))).toEqual([])
    expect(linkDirs()).toEqual(before)
    const passphrase = join(dir, 'link-passphrase.txt')
    writeFileSync(passphrase, 'a passphrase for the link test\n')
    const onDisk = await run(join(dir, 'file-links.csv'), [
      '--db',
      join(dir, 'link-file.db'),
      '--passphrase-file',
      passphrase
    ])
    expect(onDisk).toMatchObject({ database: 'file', rows: 1000 })
    expect(readFileSync(join(dir, 'mem-links.csv'), 'utf8')).toBe(
      readFileSync(join(dir, 'file-links.csv'), 'utf8')
    )
  }, 60_000)

  it('uses an encrypted temporary file when the files are too large for memory, or memory fills up', async () => {
    const seen: string[] = []
    const small = await withTemporaryDatabase(1000, (db) => {
      seen.push(db)
      return Promise.resolve({ n: 1 })
    })
    expect(small.database).toBe('memory')
    expect(isMemoryDatabase(seen[0]!)).toBe(true)
    const large = await withTemporaryDatabase(2 ** 40, (db) => {
      seen.push(db)
      expect(existsSync(dirname(db))).toBe(true)
      // Encrypted with a key of its own: the file is not a plain SQLite file.
      const conn = openDb(db)
      conn.close()
      expect(isPlainDatabaseFile(db)).toBe(false)
      return Promise.resolve({ n: 2 })
    })
    expect(large).toEqual({ n: 2, database: 'file' })
    expect(existsSync(dirname(seen[1]!))).toBe(false)
    // Memory ran out half-way: the whole link runs again in a file.
    const full = await withTemporaryDatabase(1000, (db) => {
      seen.push(db)
      if (isMemoryDatabase(db))
        return Promise.reject(
          Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })
        )
      return Promise.resolve({ n: 3 })
    })
    expect(full).toEqual({ n: 3, database: 'file' })
    expect(seen.slice(2).map(isMemoryDatabase)).toEqual([true, false])
  })

  it('links English-headed files with mapping files', async () => {
    const pop = join(dir, 'en-population.csv')
    const reg = join(dir, 'en-registry.csv')
    writeFileSync(
      pop,
      [
        'person_id,surname,given name,date of birth,gender,national id,street,commune,province',
        'P1,Nguyễn Văn,Hùng,19850312,M,020085012345,Thôn 5,Xã Thiện Thuật,Tỉnh Lạng Sơn',
        'P2,Trần Thị,Mai,19900101,F,020190000111,Thôn 2,Xã Tân Văn,Tỉnh Lạng Sơn',
        'P3,Lê Văn,Nam,19700505,M,020070000222,Thôn 1,Xã Bình Gia,Tỉnh Lạng Sơn'
      ].join('\n') + '\n'
    )
    writeFileSync(
      reg,
      [
        'case,surname,given name,date of birth,gender,national id,street,commune,province',
        'R1,Nguyen Van,Hung,19850312,M,020085012345,Thon 5,Xa Thien Thuat,Lang Son',
        'R2,Trần Thị,Mai,19900101,F,,Thôn 2,Xã Tân Văn,Tỉnh Lạng Sơn',
        'R3,Phạm Văn,Đức,19600101,M,,Thôn 9,Xã Bình Gia,Tỉnh Lạng Sơn'
      ].join('\n') + '\n'
    )
    const mapping = (key: string) => ({
      dateFormat: 'ymd',
      fields: {
        record_key: key,
        family_name: 'surname',
        given_name: 'given name',
        dob: 'date of birth',
        sex: 'gender',
        id_number: 'national id',
        residence_street: 'street',
        residence_commune: 'commune',
        residence_province: 'province'
      }
    })
    writeFileSync(join(dir, 'm-pop.json'), JSON.stringify(mapping('person_id')))
    writeFileSync(join(dir, 'm-reg.json'), JSON.stringify(mapping('case')))
    const out = join(dir, 'en-links.csv')
    const lines: string[] = []
    const code = await main(
      [
        'link',
        '--registry',
        reg,
        '--population',
        pop,
        '--out',
        out,
        '--mapping-registry',
        join(dir, 'm-reg.json'),
        '--mapping-population',
        join(dir, 'm-pop.json')
      ],
      { out: (l) => lines.push(l), err: (l) => lines.push(l) }
    )
    expect(code, lines.join('\n')).toBe(0)
    const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1)
    const byKey = new Map(rows.map((r) => [r.split(',')[0], r.split(',')]))
    expect(byKey.get('R1')?.[1]).toBe('P1')
    expect(byKey.get('R2')?.[1]).toBe('P2')
    // Nobody in the population file: unmatched, not linked to the nearest look-alike.
    expect(byKey.get('R3')?.[1]).toBe('')
    expect(byKey.get('R3')?.[3]).toBe('none')
  }, 60_000)
})
