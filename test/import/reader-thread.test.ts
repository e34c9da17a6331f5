// Large files are read on a worker thread while the main thread writes: the same rows, rejections,
// warnings and counts as reading on one thread, and a cancel still leaves nothing behind.
import { appendFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDb } from '../../src/backend/db/open'
import { importFile } from '../../src/backend/import/import-file'
import { KeyFilter } from '../../src/backend/import/produce'
import { writeSample } from '../../src/backend/sample/write-sample'
import type { SourceKind } from '../../src/shared/fields'
import { jobCtx, tempDir } from '../helpers/tmp'

const dir = tempDir()

function contents(db: string) {
  const conn = openDb(db)
  try {
    const strip = (rows: unknown[]) =>
      rows.map((r) => {
        const { id: _id, snapshot_at: _at, created_at: _c, ...rest } = r as Record<string, unknown>
        return rest
      })
    return {
      population: strip(conn.prepare('SELECT * FROM population_record ORDER BY id').all()),
      source: strip(conn.prepare('SELECT * FROM source_record ORDER BY id').all()),
      rejected: strip(conn.prepare('SELECT * FROM rejected_row ORDER BY id').all()),
      batches: strip(
        conn
          .prepare(
            `SELECT id, kind, rows_read, rows_accepted, rows_rejected, header_row, headers_json,
               mapping_json, warnings_json, encoding_used, delimiter FROM import_batch ORDER BY id`
          )
          .all()
      ),
      fts: conn
        .prepare("SELECT count(*) FROM population_fts WHERE population_fts MATCH 'nguyen'")
        .pluck()
        .get()
    }
  } finally {
    conn.close()
  }
}

describe('reading on a worker thread', () => {
  it('gives exactly the rows, rejections and counts of reading on the same thread', async () => {
    const files = await writeSample({
      outDir: join(dir, 'sample'),
      population: 4000,
      registry: 800,
      seed: 5,
      legacy: false
    })
    // A national key seen twice in one file, and a row without a name, birth date or identifier
    // (nothing that says who it is): both rejected, as read.
    const lines = readFileSync(files.population, 'utf8').split('\n')
    const cells = lines[1]!.split(',')
    for (const c of [1, 2, 4, 5]) cells[c] = ''
    appendFileSync(files.population, `${lines[2]}\n${cells.join(',')}\n`)

    const dbs: Record<string, string> = {}
    const summaries: Record<string, unknown[]> = {}
    for (const thread of [false, true]) {
      const db = join(dir, `thread-${thread}.db`)
      dbs[String(thread)] = db
      summaries[String(thread)] = []
      for (const [kind, file] of [
        ['population', files.population],
        ['registry', files.registry]
      ] as [SourceKind, string][]) {
        const s = await importFile({ dbPath: db, kind, file, readerThread: thread }, jobCtx())
        summaries[String(thread)]!.push(s)
      }
    }
    const [one, two] = [contents(dbs.false!), contents(dbs.true!)]
    expect(summaries.true).toEqual(summaries.false)
    expect(two).toEqual(one)
    expect(one.population).toHaveLength(4000)
    expect(one.source).toHaveLength(800)
    expect(one.rejected.map((r) => (r as { reasons_json: string }).reasons_json).sort()).toEqual([
      '["duplicate_key"]',
      '["no_name"]'
    ])
    expect(one.fts).toBeGreaterThan(0)
    // The repeated key's row is kept as read, though the reader sends most rows without cells.
    const repeated = one.rejected.find(
      (r) => (r as { reasons_json: string }).reasons_json === '["duplicate_key"]'
    ) as { raw_text: string; row_number: number }
    expect(repeated.raw_text).toBe(lines[2])
    expect(repeated.row_number).toBe(4002)
  })

  it('the key filter never takes a key it has seen for a new one', () => {
    const filter = new KeyFilter()
    const keys = Array.from({ length: 200_000 }, (_, i) => `DC${String(i).padStart(7, '0')}`)
    let maybe = 0
    for (const k of keys) if (filter.add(k)) maybe++
    for (const k of keys) expect(filter.add(k)).toBe(true)
    // Few false "maybe seen" at this size: most rows travel without their cells.
    expect(maybe).toBeLessThan(keys.length * 0.02)
  })

  it('a cancel mid-file stops the reader and writes nothing', async () => {
    const files = await writeSample({
      outDir: join(dir, 'cancel'),
      population: 30000,
      registry: 10,
      seed: 6,
      legacy: false
    })
    const db = join(dir, 'cancel.db')
    const controller = new AbortController()
    let writes = 0
    const run = importFile(
      { dbPath: db, kind: 'population', file: files.population, readerThread: true },
      {
        signal: controller.signal,
        progress: (phase) => {
          if (phase === 'write' && ++writes === 2) controller.abort()
        }
      }
    )
    await expect(run).rejects.toMatchObject({ code: 'job_cancelled' })
    expect(writes).toBeGreaterThanOrEqual(2)
    const conn = openDb(db)
    expect(conn.prepare('SELECT count(*) FROM import_batch').pluck().get()).toBe(0)
    expect(conn.prepare('SELECT count(*) FROM population_record').pluck().get()).toBe(0)
    conn.close()
  })

  it("the reader's errors reach the caller with their code", async () => {
    const file = join(dir, 'no-name.csv')
    appendFileSync(file, 'so_dinh_danh,ghi_chu\n001090001234,x\n')
    await expect(
      importFile(
        { dbPath: join(dir, 'err.db'), kind: 'registry', file, readerThread: true },
        jobCtx()
      )
    ).rejects.toMatchObject({ code: 'missing_columns' })
    const bin = join(dir, 'binary.csv')
    appendFileSync(bin, Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 7)))
    await expect(
      importFile(
        { dbPath: join(dir, 'err.db'), kind: 'registry', file: bin, readerThread: true },
        jobCtx()
      )
    ).rejects.toMatchObject({ code: 'file_binary' })
  })
})
