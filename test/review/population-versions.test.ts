// Population updates are versioned, never silent: an import of a newer extract or a sync pull
// keeps the old content, and the links, decisions and corrections made on it go back to review,
// flagged and shown side by side; an unsent correction is taken back and never sent; nothing is
// re-pointed to another person; an unchanged re-import changes nothing.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAudit } from '../../src/backend/audit/audit'
import { openDb, type Db } from '../../src/backend/db/open'
import type { Caller } from '../../src/backend/host'
import { importFile, previewImport } from '../../src/backend/import/import-file'
import { runMatch } from '../../src/backend/match/run-match'
import type { PushOutcome, SyncClient } from '../../src/backend/sync/client'
import { setSyncValue } from '../../src/backend/sync/outbox'
import { runSync } from '../../src/backend/sync/run-sync'
import { createCsvParser, csvField } from '../../src/core/import/csv'
import type { SignedApproval } from '../../src/core/review/signed-correction'
import type { PulledRecord } from '../../src/core/sync/protocol'
import type { CorrectionRow, QueueRow } from '../../src/shared/api'
import { PERSON_FIELDS, type PersonRecord } from '../../src/shared/fields'
import { REVIEW_STATES } from '../../src/shared/review'
import { apiHelpers } from '../helpers/api'
import { generatedCommune, type Commune } from '../helpers/commune'
import { jobCtx, tempDir } from '../helpers/tmp'
import { signInAs } from '../helpers/users'

const dir = tempDir('doisoat-versions-')
const dbPath = join(dir, 'v.db')
let c: Commune
let sup: Caller
let db: Db

const clerk = apiHelpers(() => c.clerk)
const supervisor = apiHelpers(() => sup)

beforeAll(async () => {
  c = await generatedCommune({ dbPath, population: 300, registry: 60, seed: 21, clerk: 'canbo' })
  sup = await signInAs(c.backend, 'giamsat', 'supervisor')
  db = openDb(dbPath)
  // A gateway address the stub clients below stand in for.
  setSyncValue(db, 'url', 'http://127.0.0.1:9')
  setSyncValue(db, 'workstation_id', 'ws')
  setSyncValue(db, 'secret', 's'.repeat(32))
  setSyncValue(db, 'commune', '00001')
}, 180_000)
afterAll(async () => {
  db?.close()
  await c?.backend.close()
})

// ---- the population file as cells, edited and written back ------------------------------------

function readPopulation(): { header: string[]; rows: string[][] } {
  const p = createCsvParser(',')
  const rows = [...p.push(readFileSync(join(c.dir, 'population.csv'), 'utf8')), ...p.end()]
  return { header: rows[0]!, rows: rows.slice(1).filter((r) => r.length > 1) }
}

let files = 0
function writePopulation(rows: string[][]): string {
  const { header } = readPopulation()
  const path = join(dir, `population-${++files}.csv`)
  writeFileSync(path, [header, ...rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n')
  return path
}

/** A population row with some cells replaced (by header name). */
function edit(row: string[], cells: Record<string, string>): string[] {
  const { header } = readPopulation()
  const out = [...row]
  for (const [name, value] of Object.entries(cells)) out[header.indexOf(name)] = value
  return out
}

const rowOf = (key: string): string[] => readPopulation().rows.find((r) => r[0] === key)!

const reimport = (file: string, allowDuplicate = false) =>
  importFile({ dbPath, kind: 'population', file, actor: 'canbo', allowDuplicate }, jobCtx())

// ---- what the database holds ---------------------------------------------------------------

interface Held {
  id: number
  version: number
  [field: string]: string | number | null
}
const held = (key: string): Held =>
  db.prepare('SELECT * FROM population_record WHERE record_key = ?').get(key) as Held
const count = (sql: string, ...args: unknown[]): number =>
  db
    .prepare(sql)
    .pluck()
    .get(...args) as number
const correctionState = (uuid: string) =>
  db.prepare('SELECT state FROM correction WHERE uuid = ?').pluck().get(uuid)
const outboxState = (uuid: string) =>
  db.prepare('SELECT state FROM outbox WHERE correction_uuid = ?').pluck().get(uuid)
const auditOf = (action: string, entityId: string) =>
  (
    db
      .prepare('SELECT detail_json FROM audit_event WHERE action = ? AND entity_id = ? ORDER BY id')
      .pluck()
      .all(action, entityId) as string[]
  ).map((d) => JSON.parse(d) as Record<string, unknown>)

/** Source records with a link the run made, not yet used by another test. */
const used = new Set<number>()
async function linkedRecord(): Promise<QueueRow> {
  const q = await clerk.call('review/queue', {
    startRow: 0,
    endRow: 1000,
    filter: { state: ['auto_accepted'] }
  })
  const row = q.rows.find((r) => !used.has(r.sourceRecordId) && r.populationRecordId !== null)!
  used.add(row.sourceRecordId)
  return row
}

/** A correction of the hometown, proposed by the clerk and approved by the supervisor: queued. */
async function approvedCorrection(row: QueueRow): Promise<CorrectionRow> {
  const proposed = await clerk.call('corrections/propose', {
    sourceRecordId: row.sourceRecordId,
    populationRecordId: row.populationRecordId!,
    side: 'population',
    fields: [{ field: 'hometown', value: `Xã Thử Nghiệm ${row.sourceRecordId}, Tỉnh Mẫu` }],
    reason: 'typo'
  })
  const state = await supervisor.call('approvals/decide', {
    uuid: proposed.uuid,
    decision: 'approve'
  })
  expect(state).toMatchObject({ state: 'queued' })
  return proposed
}

/** A sync client standing in for the gateway: records what is pushed, answers as told. */
function stubClient(o: { answer?: (a: SignedApproval) => PushOutcome; pull?: PulledRecord[] }): {
  client: SyncClient
  pushed: string[]
} {
  const pushed: string[] = []
  let pending = o.pull ?? []
  const client = {
    pushBatch: (items: SignedApproval[]) => {
      pushed.push(...items.map((a) => a.payload.uuid))
      return Promise.resolve(
        items.map(
          (a) =>
            o.answer?.(a) ?? {
              kind: 'retry_later' as const,
              uuid: a.payload.uuid,
              reason: 'unreachable' as const
            }
        )
      )
    },
    pull: () => {
      const records = pending
      pending = []
      return Promise.resolve({ area: '00001', records, cursor: 'c', more: false })
    }
  } as unknown as SyncClient
  return { client, pushed }
}

/** A pulled copy of a held record, with fields changed and the next version. */
function pulled(h: Held, changes: Partial<PersonRecord>, version = h.version + 1): PulledRecord {
  const record = Object.fromEntries(
    PERSON_FIELDS.map((f) => [f, h[f] ?? null])
  ) as unknown as PersonRecord
  return { key: String(h.record_key), version, deleted: false, record: { ...record, ...changes } }
}

// ---- the tests -------------------------------------------------------------------------------

let first: { row: QueueRow; correction: CorrectionRow }

describe('an unchanged re-import', () => {
  it('changes nothing: same versions and content, no history, work and corrections as they were', async () => {
    first = { row: await linkedRecord(), correction: undefined as unknown as CorrectionRow }
    await clerk.call('review/decide', {
      sourceRecordId: first.row.sourceRecordId,
      action: 'accept'
    })
    first.correction = await approvedCorrection(first.row)

    const snapshot = () => ({
      records: db
        .prepare(`SELECT record_key, version, ${PERSON_FIELDS.join(', ')} FROM population_record`)
        .all(),
      links: db.prepare('SELECT * FROM link ORDER BY source_record_id').all(),
      states: db.prepare('SELECT * FROM review_state ORDER BY source_record_id').all(),
      corrections: db.prepare('SELECT uuid, state FROM correction ORDER BY uuid').all(),
      outbox: db.prepare('SELECT correction_uuid, state FROM outbox').all(),
      versions: count('SELECT count(*) FROM population_record_version'),
      flags: count('SELECT count(*) FROM review_population_change'),
      changedEvents: count("SELECT count(*) FROM audit_event WHERE action = 'population/changed'")
    })
    const before = snapshot()
    const file = join(c.dir, 'population.csv')
    const preview = await previewImport({ dbPath, kind: 'population', file }, jobCtx())
    expect(preview.population).toEqual({
      new: 0,
      changed: 0,
      unchanged: 300,
      older: 0,
      samples: []
    })
    const summary = await reimport(file, true)
    expect(summary.population).toEqual({
      new: 0,
      changed: 0,
      unchanged: 300,
      older: 0,
      flagged: 0,
      takenBack: 0
    })
    expect(snapshot()).toEqual(before)
    expect(correctionState(first.correction.uuid)).toBe('queued')
    expect(outboxState(first.correction.uuid)).toBe('pending')
  })
})

describe('a population preview and its import', () => {
  it('count new, changed, unchanged and older records by key, with the changes field by field', async () => {
    // Records no link or correction uses: this test is about the counts and the history.
    const free = (version: number, n: number) =>
      (
        db
          .prepare(
            `SELECT record_key FROM population_record WHERE version >= ?
               AND id NOT IN (SELECT population_record_id FROM link)
               AND id NOT IN (SELECT population_record_id FROM candidate_pair) ORDER BY id LIMIT ?`
          )
          .pluck()
          .all(version, n) as string[]
      ).map(rowOf)
    const [stale] = free(2, 1) as [string[]]
    // Three others (a key twice in one file would be rejected as a repeat).
    const [unchangedA, changed, unchangedB] = free(1, 4)
      .filter((r) => r[0] !== stale[0])
      .slice(0, 3) as [string[], string[], string[]]
    const key = changed[0]!
    const before = held(key)
    const staleBefore = held(stale[0]!)
    const renamed = edit(changed, { ho_ten: 'Hoàng Thị Đổi Tên', dan_toc: 'Chứt' })
    const newA = edit(unchangedA, { rec_id: 'DC-MOI-1', ho_ten: 'Lò Văn Mới' })
    const newB = edit(unchangedB, { rec_id: 'DC-MOI-2', ho_ten: 'Cà Thị Mới' })
    // Last year's copy of a record: an older version in the file, another name.
    const older = edit(stale, { ho_ten: 'Tên Cũ Hơn', phien_ban: String(staleBefore.version - 1) })
    const file = writePopulation([unchangedA, renamed, newA, unchangedB, newB, older])

    const preview = await previewImport({ dbPath, kind: 'population', file }, jobCtx())
    expect(preview.counts).toEqual({ read: 6, accepted: 6, rejected: 0 })
    expect(preview.population).toMatchObject({ new: 2, changed: 1, unchanged: 2, older: 1 })
    expect(preview.population!.samples).toEqual([
      {
        rowNumber: 3,
        recordKey: key,
        fromVersion: before.version,
        toVersion: before.version + 1,
        fields: [
          { field: 'full_name', before: before.full_name, after: 'Hoàng Thị Đổi Tên' },
          { field: 'ethnicity', before: before.ethnicity, after: 'Chứt' }
        ]
      }
    ])
    // The same on a worker thread (where large files and spreadsheets are read).
    const threaded = await previewImport(
      { dbPath, kind: 'population', file, readerThread: true },
      jobCtx()
    )
    expect(threaded.population).toEqual(preview.population)

    const records = count('SELECT count(*) FROM population_record')
    const summary = await reimport(file)
    expect(summary.population).toEqual({
      new: 2,
      changed: 1,
      unchanged: 2,
      older: 1,
      flagged: 0,
      takenBack: 0
    })
    // The older copy changed nothing.
    expect(held(stale[0]!)).toEqual(staleBefore)
    // The old content is kept as a version; the record moved on; nothing was deleted.
    expect(count('SELECT count(*) FROM population_record')).toBe(records + 2)
    const after = held(key)
    expect(after).toMatchObject({
      id: before.id,
      version: before.version + 1,
      full_name: 'Hoàng Thị Đổi Tên',
      ethnicity: 'Chứt'
    })
    const kept = db
      .prepare('SELECT * FROM population_record_version WHERE record_key = ?')
      .all(key) as Record<string, unknown>[]
    expect(kept).toHaveLength(1)
    expect(kept[0]).toMatchObject({
      population_record_id: before.id,
      version: before.version,
      replaced_by_version: before.version + 1,
      cause: 'import',
      cause_batch_id: summary.batchId
    })
    expect(JSON.parse(kept[0]!.fields_json as string)).toMatchObject({
      full_name: before.full_name,
      ethnicity: before.ethnicity,
      dob: before.dob
    })
    expect(() => db.prepare('DELETE FROM population_record_version').run()).toThrow(/append-only/)
    expect(
      db
        .prepare(
          'SELECT records_new, records_changed, records_unchanged FROM import_batch WHERE id = ?'
        )
        .get(summary.batchId)
    ).toEqual({ records_new: 2, records_changed: 1, records_unchanged: 2 })
  })
})

describe('a re-import that changes a record with an approved correction', () => {
  it('takes the correction back, never sends it, and puts the pair back in review with both versions', async () => {
    const { row, correction } = first
    const P = row.populationRecordId!
    const before = held(row.populationKey!)
    const other = edit(rowOf(row.populationKey!), {
      ho_ten: 'Trịnh Văn Người Khác',
      gioi_tinh: before.sex === 'M' ? 'Nữ' : 'Nam',
      ngay_sinh: '01/01/1931',
      so_dinh_danh: '001931000001'
    })
    const file = writePopulation([other])
    const preview = await previewImport({ dbPath, kind: 'population', file }, jobCtx())
    expect(preview.population).toMatchObject({ new: 0, changed: 1, unchanged: 0 })
    expect(preview.population!.samples[0]!.fields.map((f) => f.field)).toEqual(
      expect.arrayContaining(['full_name', 'dob', 'sex', 'id_number'])
    )

    const summary = await reimport(file)
    expect(summary.population).toEqual({
      new: 0,
      changed: 1,
      unchanged: 0,
      older: 0,
      flagged: 1,
      takenBack: 1
    })
    // The signature over the old content is never sent.
    expect(correctionState(correction.uuid)).toBe('outdated')
    expect(outboxState(correction.uuid)).toBe('closed')
    const { client, pushed } = stubClient({})
    await runSync(db, jobCtx(), { makeClient: () => client })
    expect(pushed).not.toContain(correction.uuid)
    expect(
      (await supervisor.fail('approvals/decide', { uuid: correction.uuid, decision: 'approve' }))
        .code
    ).toBe('population_changed')

    // Back in review, flagged, on the same record, both versions side by side.
    const pair = await clerk.call('review/pair', { sourceRecordId: row.sourceRecordId })
    expect(pair.state).toBe('open')
    expect(pair.link).toMatchObject({ populationRecordId: P, populationVersion: before.version })
    expect(pair.population?.id).toBe(P)
    expect(pair.populationChange).toMatchObject({
      populationRecordId: P,
      recordKey: row.populationKey,
      fromVersion: before.version,
      toVersion: before.version + 1,
      cause: 'import'
    })
    const field = (f: string) => pair.populationChange!.fields.find((x) => x.field === f)!
    expect(field('full_name')).toEqual({
      field: 'full_name',
      before: before.full_name,
      after: 'Trịnh Văn Người Khác',
      changed: true
    })
    expect(field('id_number')).toMatchObject({ before: before.id_number, after: '001931000001' })
    expect(field('ethnicity')).toMatchObject({ changed: false })
    expect(pair.corrections.find((x) => x.uuid === correction.uuid)?.state).toBe('outdated')
    expect(pair.decisions.at(-1)).toMatchObject({
      action: 'reopen',
      stateBefore: 'accepted',
      stateAfter: 'open'
    })

    const flagged = await clerk.call('review/queue', {
      startRow: 0,
      endRow: 100,
      filter: { flag: ['population_changed'] }
    })
    expect(flagged.rows.map((r) => [r.sourceRecordId, r.state])).toEqual([
      [row.sourceRecordId, 'open']
    ])
    // No bulk action passes over it: each change needs a look at both versions.
    const bulk = await clerk.call('review/bulk', {
      filter: { flag: ['population_changed'] },
      action: 'accept',
      dryRun: true
    })
    expect(bulk.count).toBe(0)

    // Audited: what the change touched, and the correction taken back.
    expect(auditOf('population/changed', row.populationKey!)).toEqual([
      expect.objectContaining({
        cause: 'import',
        batchId: summary.batchId,
        fromVersion: before.version,
        toVersion: before.version + 1,
        flagged: [row.sourceRecordId],
        reopened: [row.sourceRecordId],
        takenBack: [correction.uuid]
      })
    ])
    expect(auditOf('correction/outdate', correction.uuid)).toEqual([
      expect.objectContaining({ from: 'queued', to: 'outdated', reason: 'population_changed' })
    ])
    expect(verifyAudit(db).ok).toBe(true)

    // A new match run never moves the link to another person while the change waits for a look.
    await runMatch({ dbPath, workers: 1 }, jobCtx())
    expect(
      db
        .prepare('SELECT population_record_id FROM link WHERE source_record_id = ?')
        .pluck()
        .get(row.sourceRecordId)
    ).toBe(P)
    const again = await clerk.call('review/pair', { sourceRecordId: row.sourceRecordId })
    expect(again.flags).toContain('population_changed')

    // The clerk proposes again on the new version, then decides: the flag is settled.
    const resubmitted = await clerk.call('corrections/resubmit', { uuid: correction.uuid })
    expect(resubmitted).toMatchObject({ populationVersion: before.version + 1, state: 'proposed' })
    expect(correctionState(correction.uuid)).toBe('superseded')
    await clerk.call('review/decide', {
      sourceRecordId: row.sourceRecordId,
      action: 'relink',
      populationRecordId: P
    })
    const settled = await clerk.call('review/pair', { sourceRecordId: row.sourceRecordId })
    expect(settled.populationChange).toBeNull()
    expect(settled.flags).not.toContain('population_changed')
    expect(settled.link).toMatchObject({ populationVersion: before.version + 1 })
    const still = await clerk.call('review/queue', {
      startRow: 0,
      endRow: 10,
      filter: { flag: ['population_changed'], state: [...REVIEW_STATES] }
    })
    expect(still.total).toBe(0)
  })
})

describe('a sync pull that changes a record', () => {
  it('does the same: the automatic link reopened and flagged, the queued correction taken back', async () => {
    const row = await linkedRecord()
    const correction = await approvedCorrection(row)
    const before = held(row.populationKey!)
    // The gateway cannot take the correction now (it stays pending); the pull brings a change.
    const { client, pushed } = stubClient({
      pull: [pulled(before, { full_name: 'Phạm Thị Đã Đổi', dob: '1950-02-03' })]
    })
    const summary = await runSync(db, jobCtx(), { makeClient: () => client })
    expect(pushed).toEqual([correction.uuid])
    expect(summary).toMatchObject({ changed: 1 })
    expect(correctionState(correction.uuid)).toBe('outdated')
    expect(outboxState(correction.uuid)).toBe('closed')
    const second = stubClient({})
    await runSync(db, jobCtx(), { makeClient: () => second.client, ignoreBackoff: true })
    expect(second.pushed).not.toContain(correction.uuid)

    const pair = await clerk.call('review/pair', { sourceRecordId: row.sourceRecordId })
    expect(pair.state).toBe('open')
    expect(pair.decisions.at(-1)).toMatchObject({
      action: 'reopen',
      stateBefore: 'auto_accepted',
      actor: 'dong-bo'
    })
    expect(pair.link?.populationRecordId).toBe(row.populationRecordId)
    // The queue as the screen opens it (no filter: auto-accepted links hidden) lists it, flagged.
    const queue = await clerk.call('review/queue', { startRow: 0, endRow: 1000 })
    expect(
      queue.rows
        .filter((r) => r.flags.includes('population_changed'))
        .map((r) => [r.sourceRecordId, r.state])
    ).toEqual([[row.sourceRecordId, 'open']])
    expect(pair.populationChange).toMatchObject({
      cause: 'sync',
      fromVersion: before.version,
      toVersion: before.version + 1
    })
    expect(pair.populationChange!.fields.find((f) => f.field === 'full_name')).toEqual({
      field: 'full_name',
      before: before.full_name,
      after: 'Phạm Thị Đã Đổi',
      changed: true
    })
    expect(
      db
        .prepare(
          'SELECT cause, version FROM population_record_version WHERE population_record_id = ?'
        )
        .all(row.populationRecordId)
    ).toEqual([{ cause: 'sync', version: before.version }])
    expect(auditOf('population/changed', row.populationKey!)).toEqual([
      expect.objectContaining({ cause: 'sync', takenBack: [correction.uuid] })
    ])
  })

  it('pulling back the change our own accepted correction made sends nothing back to review', async () => {
    const row = await linkedRecord()
    await clerk.call('review/decide', { sourceRecordId: row.sourceRecordId, action: 'accept' })
    const correction = await approvedCorrection(row)
    const before = held(row.populationKey!)
    const hometown = correction.fields[0]!.newValue
    const { client } = stubClient({
      answer: (a) => ({
        kind: 'accepted',
        uuid: a.payload.uuid,
        result: {
          uuid: a.payload.uuid,
          outcome: 'applied',
          status: 201,
          populationKey: a.payload.populationKey,
          version: before.version + 1,
          receivedAt: new Date().toISOString()
        }
      }),
      pull: [pulled(before, { hometown })]
    })
    await runSync(db, jobCtx(), { makeClient: () => client })
    expect(correctionState(correction.uuid)).toBe('accepted')
    expect(held(row.populationKey!)).toMatchObject({ version: before.version + 1, hometown })
    const pair = await clerk.call('review/pair', { sourceRecordId: row.sourceRecordId })
    expect(pair.state).toBe('accepted')
    expect(pair.populationChange).toBeNull()
    expect(auditOf('population/changed', row.populationKey!)).toEqual([])
    // The content it replaced is still kept.
    expect(
      count(
        'SELECT count(*) FROM population_record_version WHERE population_record_id = ?',
        row.populationRecordId
      )
    ).toBe(1)
  })
})

describe('our own accepted correction pulled back, with another waiting on the same record', () => {
  it('takes the other one back (its base version is gone) and shows it for review', async () => {
    const row = await linkedRecord()
    await clerk.call('review/decide', { sourceRecordId: row.sourceRecordId, action: 'accept' })
    const first = await approvedCorrection(row)
    const before = held(row.populationKey!)
    const second = await clerk.call('corrections/propose', {
      sourceRecordId: row.sourceRecordId,
      populationRecordId: row.populationRecordId!,
      side: 'population',
      fields: [{ field: 'ethnicity', value: 'Chứt' }],
      reason: 'typo'
    })
    const { client } = stubClient({
      answer: (a) => ({
        kind: 'accepted',
        uuid: a.payload.uuid,
        result: {
          uuid: a.payload.uuid,
          outcome: 'applied',
          status: 201,
          populationKey: a.payload.populationKey,
          version: before.version + 1,
          receivedAt: new Date().toISOString()
        }
      }),
      pull: [pulled(before, { hometown: first.fields[0]!.newValue })]
    })
    await runSync(db, jobCtx(), { makeClient: () => client })
    expect(correctionState(first.uuid)).toBe('accepted')
    // Proposed on the version before: never approved as it stands, proposed again instead.
    expect(correctionState(second.uuid)).toBe('outdated')
    const pair = await clerk.call('review/pair', { sourceRecordId: row.sourceRecordId })
    expect(pair.populationChange).toMatchObject({ fromVersion: before.version, cause: 'sync' })
    expect(pair.state).toBe('open')
    const again = await clerk.call('corrections/resubmit', { uuid: second.uuid })
    expect(again).toMatchObject({ populationVersion: before.version + 1, state: 'proposed' })
  })
})
