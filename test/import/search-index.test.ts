// A large import refills the quick-search index after its commit, not inside it; an import told
// not to (doisoat link) leaves a pending mark that the first search acts on.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDb, type Db } from '../../src/backend/db/open'
import { importFile } from '../../src/backend/import/import-file'
import { searchIndexPending, searchPopulation } from '../../src/backend/review/search'
import { writeSample } from '../../src/backend/sample/write-sample'
import { jobCtx, tempDir } from '../helpers/tmp'

const dir = tempDir()

/** Record ids whose folded name has the word, by the index and by a scan of the table. */
function byIndexAndByScan(db: Db, word: string): [number[], number[]] {
  const indexed = db
    .prepare('SELECT rowid FROM population_fts WHERE population_fts MATCH ? ORDER BY rowid')
    .pluck()
    .all(`name:${word}`) as number[]
  const scanned = db
    .prepare(
      `SELECT id FROM population_record WHERE ' ' || name_key || ' ' LIKE '% ' || ? || ' %' ORDER BY id`
    )
    .pluck()
    .all(word) as number[]
  return [indexed, scanned]
}

/** 30,000 population rows: large enough for the bulk path (indexes and triggers dropped). */
const sample = (name: string, seed: number) =>
  writeSample({ outDir: join(dir, name), population: 30000, registry: 10, seed, legacy: false })

describe('quick-search index after a bulk import', () => {
  it('is refilled after the commit: every record is found, nothing left pending', async () => {
    const files = await sample('a', 8)
    const db = join(dir, 'a.db')
    const phases: string[] = []
    await importFile(
      { dbPath: db, kind: 'population', file: files.population },
      { signal: new AbortController().signal, progress: (p) => phases.push(p) }
    )
    // The refill comes after the last write, i.e. after the commit.
    expect(phases.lastIndexOf('search')).toBeGreaterThan(phases.lastIndexOf('write'))
    const conn = openDb(db)
    try {
      expect(searchIndexPending(conn)).toBe(false)
      for (const word of ['nguyen', 'thi', 'hoa']) {
        const [indexed, scanned] = byIndexAndByScan(conn, word)
        expect(scanned.length, word).toBeGreaterThan(0)
        expect(indexed, word).toEqual(scanned)
      }
    } finally {
      conn.close()
    }
  })

  it('left pending (link), is refilled by the first search, which finds the record', async () => {
    const files = await sample('b', 9)
    const db = join(dir, 'b.db')
    await importFile(
      { dbPath: db, kind: 'population', file: files.population, searchIndex: false },
      jobCtx()
    )
    const conn = openDb(db)
    try {
      expect(searchIndexPending(conn)).toBe(true)
      expect(conn.prepare('SELECT count(*) FROM population_fts').pluck().get()).toBe(0)
      // A record from the middle of the file, looked up by its name and date of birth.
      const line = readFileSync(files.population, 'utf8').split('\n')[15000]!.split(',')
      const [key, name, dob] = [line[0]!, line[1]!, line[2]!]
      const [y, m, d] = dob.split('-')
      const hits = searchPopulation(conn, `${name} ${d}/${m}/${y}`, 20)
      expect(hits.map((h) => h.recordKey)).toContain(key)
      expect(searchIndexPending(conn)).toBe(false)
      const [indexed, scanned] = byIndexAndByScan(conn, 'van')
      expect(indexed).toEqual(scanned)
    } finally {
      conn.close()
    }
  })

  it('a small import next to a large table keeps the index by triggers, with nothing pending', async () => {
    const files = await sample('c', 10)
    const db = join(dir, 'c.db')
    await importFile({ dbPath: db, kind: 'population', file: files.population }, jobCtx())
    const small = join(dir, 'small.csv')
    const lines = readFileSync(files.population, 'utf8').split('\n')
    const header = lines[0]!
    // Three new records (new keys) with a name no one else has.
    const rows = [1, 2, 3].map((i) => {
      const cells = lines[i]!.split(',')
      cells[0] = `NEW${i}`
      cells[1] = `Khổng Tử Tiêu ${['An', 'Bình', 'Chi'][i - 1]}`
      return cells.join(',')
    })
    writeFileSync(small, [header, ...rows].join('\n') + '\n')
    await importFile({ dbPath: db, kind: 'population', file: small }, jobCtx())
    const conn = openDb(db)
    try {
      expect(searchIndexPending(conn)).toBe(false)
      const [indexed] = byIndexAndByScan(conn, 'tieu')
      expect(indexed).toHaveLength(3)
    } finally {
      conn.close()
    }
  })
})
