// Quick search of population records: FTS5 finds a short list, fuse.js ranks it as the clerk types.
import Fuse from 'fuse.js'
import type { SearchHit } from '../../shared/api'
import { ftsQuery, parseQuickQuery } from '../../core/review/quick-search'
import { FTS_VALUES } from '../db/migrations/004-review'
import type { Db } from '../db/open'

/** How many FTS hits are ranked: enough for namesakes of a common name, few enough for fuse. */
const SHORT_LIST = 200

interface Row extends Omit<SearchHit, 'score'> {
  nameKey: string
}

export function searchPopulation(db: Db, q: string, limit: number): SearchHit[] {
  // After a bulk import whose refill did not run (a `doisoat link` database, a crash), the first
  // search pays for it once.
  refreshSearchIndex(db)
  const query = parseQuickQuery(q)
  const ids: number[] = []
  const seen = new Set<number>()
  const fts = db
    .prepare('SELECT rowid FROM population_fts WHERE population_fts MATCH ? LIMIT ?')
    .pluck()
  // Whole words first: "an" must find An before the thousands of Anh that also start with it.
  const passes = [ftsQuery(query, true)]
  if (query.partial) passes.push(ftsQuery(query, false))
  for (const expr of passes) {
    if (!expr || ids.length >= SHORT_LIST) continue
    for (const id of fts.all(expr, SHORT_LIST) as number[])
      if (!seen.has(id) && ids.length < SHORT_LIST) {
        seen.add(id)
        ids.push(id)
      }
  }
  if (ids.length === 0) return []
  const rows = db
    .prepare(
      `SELECT p.id, p.record_key AS recordKey, p.full_name AS fullName, p.name_key AS nameKey, p.dob,
         p.sex, p.id_number AS idNumber, p.legacy_id AS legacyId, p.residence, p.version
       FROM json_each(?) j JOIN population_record p ON p.id = j.value`
    )
    .all(JSON.stringify(ids)) as Row[]

  const typed = [...query.words, ...(query.partial ? [query.partial] : [])]
  const scores = new Map<number, number>()
  if (typed.length > 0) {
    // Extended search: each typed word is matched on its own, so word order does not matter.
    const fuse = new Fuse(rows, {
      keys: ['nameKey'],
      includeScore: true,
      ignoreLocation: true,
      threshold: 1,
      useExtendedSearch: true
    })
    for (const r of fuse.search(typed.join(' '))) scores.set(r.item.id, 1 - (r.score ?? 1))
  }
  const wanted = typed.slice().sort().join(' ')
  return rows
    .map(({ nameKey, ...r }) => {
      let score = typed.length > 0 ? (scores.get(r.id) ?? 0) * 0.8 : 0.8
      // The same words in any order is as good as it gets for a name.
      if (typed.length > 0 && nameKey.split(' ').sort().join(' ') === wanted) score += 0.2
      return { ...r, score: Math.round(Math.min(1, score) * 1000) / 1000 }
    })
    .sort((a, b) => b.score - a.score || a.id - b.id)
    .slice(0, limit)
}

/**
 * Refill the quick-search index from population_record in one statement: one pass costs far less
 * than a trigger call per row. A bulk import drops the triggers for speed (as it drops indexes),
 * marks the index pending in its own transaction and leaves the refill to refreshSearchIndex.
 */
export function rebuildPopulationFts(db: Db): void {
  db.transaction(() => {
    db.exec("INSERT INTO population_fts (population_fts) VALUES ('delete-all')")
    // Merging segments while one statement fills the index cost a third of its time (1,000,000
    // rows: 5.9 s → 4.1 s, 49 segments instead of 10, the same query times); merging is back on
    // (FTS5's default, 4) for the triggers' later writes.
    db.exec("INSERT INTO population_fts (population_fts, rank) VALUES ('automerge', 0)")
    db.exec(`INSERT INTO population_fts (rowid, name, dob, ids)
      SELECT id, ${FTS_VALUES} FROM population_record`)
    db.exec("INSERT INTO population_fts (population_fts, rank) VALUES ('automerge', 4)")
    db.prepare("DELETE FROM pending_rebuild WHERE name = 'population_fts'").run()
  })()
}

/** Mark the quick-search index as missing rows (inside the transaction that wrote them). */
export function markSearchIndexPending(db: Db): void {
  db.prepare(
    "INSERT OR REPLACE INTO pending_rebuild (name, since) VALUES ('population_fts', ?)"
  ).run(new Date().toISOString())
}

export function searchIndexPending(db: Db): boolean {
  return (
    db.prepare("SELECT 1 FROM pending_rebuild WHERE name = 'population_fts'").pluck().get() !==
    undefined
  )
}

/** Refill the quick-search index if an import left it pending; true when it did. */
export function refreshSearchIndex(db: Db): boolean {
  if (!searchIndexPending(db)) return false
  rebuildPopulationFts(db)
  return true
}
