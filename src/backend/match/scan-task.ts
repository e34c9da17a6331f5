// One scan task: read a slice of the population and the source rows from SQLite, block, compare.
import { loadAddressIndex } from '../../core/normalize/address-tables'
import { PopulationIndex, randomPatterns, scan } from '../../core/match/engine'
import type { PairBatch } from '../../core/match/engine'
import type { IdentifierStats } from '../../core/match/fit'
import { Lexicon, MATCH_COLUMNS, RecordStore } from '../../core/match/store'
import { openDb } from '../db/open'

export interface ScanTask {
  dbPath: string
  /** The data key in hex (a worker thread does not share the opener's key registry); null: clear. */
  keyHex: string | null
  /** Population rows with id in [popFrom, popTo]. */
  popFrom: number
  popTo: number
  /** Source rows: one batch, or every source batch. */
  sourceBatch: number | null
  /** Random pairs for u, drawn in this slice. */
  randomPairs: number
  keep: number
  seed: number
}

export interface ScanTaskResult {
  /** source_record ids in scan order (pairs' `src` indexes into it). */
  sourceIds: Int32Array
  pairs: PairBatch
  /** Pattern counts as [code, count] pairs. */
  patterns: [number, number][]
  random: [number, number][]
  /** Folded-name hashes and their counts (typed arrays: half a million entries move cheaply). */
  nameKeys: Int32Array
  nameCounts: Int32Array
  compared: number
  populationCount: number
  /** How the population slice's identifiers repeat (a person's, or a household's). */
  ids: IdentifierStats
  /** Milliseconds per phase in this thread. */
  timings: Record<'load' | 'index' | 'source' | 'scan' | 'random', number>
}

export function sourceQuery(batch: number | null): string {
  return batch === null
    ? `SELECT ${MATCH_COLUMNS} FROM source_record ORDER BY id`
    : `SELECT ${MATCH_COLUMNS} FROM source_record WHERE batch_id = @batch ORDER BY id`
}

export async function runScanTask(
  task: ScanTask,
  onProgress: (phase: 'load' | 'scan', done: number) => void
): Promise<ScanTaskResult> {
  let t = performance.now()
  const lap = (): number => {
    const now = performance.now()
    const d = now - t
    t = now
    return Math.round(d)
  }
  const lex = new Lexicon(await loadAddressIndex())
  // openDb picks the native binding made for Electron's ABI when main has set one.
  const db = openDb(task.dbPath, {
    readonly: true,
    key: task.keyHex === null ? null : Buffer.from(task.keyHex, 'hex')
  })
  try {
    const pop = new RecordStore(lex, false, true)
    const count = db
      .prepare('SELECT count(*) FROM population_record WHERE id BETWEEN ? AND ?')
      .pluck()
      .get(task.popFrom, task.popTo) as number
    pop.reserve(count)
    let n = 0
    for (const r of db
      .prepare(
        `SELECT ${MATCH_COLUMNS} FROM population_record WHERE id BETWEEN ? AND ? ORDER BY id`
      )
      .raw()
      .iterate(task.popFrom, task.popTo)) {
      pop.addRaw(r as unknown[])
      if ((++n & 65535) === 0) onProgress('load', n)
    }
    const load = lap()
    const index = new PopulationIndex(pop)
    const indexMs = lap()
    const src = new RecordStore(lex, true, true)
    const ids: number[] = []
    const stmt = db.prepare(sourceQuery(task.sourceBatch)).raw()
    const rows =
      task.sourceBatch === null ? stmt.iterate() : stmt.iterate({ batch: task.sourceBatch })
    for (const r of rows) {
      src.addRaw(r as unknown[])
      ids.push(src.dbId[src.size - 1]!)
    }
    const source = lap()
    const res = scan(index, src, 0, src.size, {
      keep: task.keep,
      onProgress: (d) => onProgress('scan', d)
    })
    const scanMs = lap()
    const random = randomPatterns(pop, src, task.randomPairs, task.seed)
    return {
      sourceIds: Int32Array.from(ids),
      pairs: res.pairs,
      patterns: [...res.patterns],
      random: [...random],
      nameKeys: Int32Array.from(index.nameCount.keys()),
      nameCounts: Int32Array.from(index.nameCount.values()),
      compared: res.compared,
      populationCount: pop.size,
      ids: index.ids,
      timings: { load, index: indexMs, source, scan: scanMs, random: lap() }
    }
  } finally {
    db.close()
  }
}
