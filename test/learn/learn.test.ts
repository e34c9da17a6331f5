// Learning from decisions on a generated commune: re-fit as a job, decided rows untouched, rollback exact, model files signed and free of personal data.
import Database from 'better-sqlite3'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Events, LearnSummary } from '../../src/shared/api'
import { verifyAudit } from '../../src/backend/audit/audit'
import { type Backend } from '../../src/backend/host'
import { openDb } from '../../src/backend/db/open'
import { readTruth } from '../../bench/eval'
import { apiHelpers } from '../helpers/api'
import { generatedCommune } from '../helpers/commune'
import { tempDir } from '../helpers/tmp'
import { signInAs, TEST_ADMIN } from '../helpers/users'

const dir = tempDir('doisoat-learn-')
const dbPath = join(dir, 'xa.db')
const otherDir = tempDir('doisoat-learn-other-')
const otherPath = join(otherDir, 'xb.db')
let backend: Backend
let other: Backend
let clerk: ReturnType<typeof apiHelpers>
let clerkB: ReturnType<typeof apiHelpers>
let fingerprint = ''
let fittedVersion = 0
let learntVersion = 0
let modelFile = ''

const raw = (path = dbPath) => new Database(path, { readonly: true })

async function runJob(on: Backend, start: () => Promise<{ jobId: string }>): Promise<LearnSummary> {
  let done: Events['job/done'] | undefined
  const off = on.onEvent((e, p) => {
    if (e === 'job/done') done = p as Events['job/done']
  })
  const { jobId } = await start()
  await on.jobs.wait(jobId)
  off()
  if (done?.state !== 'done') throw new Error(`learn ${done?.state}: ${done?.error?.message}`)
  return done.result as LearnSummary
}

/** Every decided row as it stands: state, link, pair, who and when. */
function decidedRows(): unknown[] {
  const db = raw()
  const rows = db
    .prepare(
      `SELECT rs.source_record_id, rs.state, rs.population_record_id, rs.pair_id, rs.decided_by,
         rs.decided_at, l.population_record_id AS linked
       FROM review_state rs LEFT JOIN link l ON l.source_record_id = rs.source_record_id
       WHERE rs.state <> 'open' ORDER BY rs.source_record_id`
    )
    .all()
  db.close()
  return rows
}

/** A run's grades and probabilities per register row (and its candidates'), in a fixed order. */
function grades(runId: number): unknown[] {
  const db = raw()
  const rows = db
    .prepare(
      `SELECT m.source_record_id, m.grade, cp.population_record_id, cp.rank, cp.probability,
         cp.grade AS pairGrade, cp.weights_json
       FROM match_result m LEFT JOIN candidate_pair cp ON cp.run_id = m.run_id
         AND cp.source_record_id = m.source_record_id
       WHERE m.run_id = ? ORDER BY m.source_record_id, cp.rank`
    )
    .all(runId)
  db.close()
  return rows
}

beforeAll(async () => {
  const c = await generatedCommune({
    dbPath,
    population: 3000,
    registry: 600,
    seed: 21,
    clerk: 'canbo.xa'
  })
  backend = c.backend
  clerk = apiHelpers(() => c.clerk)
  fingerprint = (await clerk.call('auth/status', {})).user!.fingerprint!
  const b = await generatedCommune({
    dbPath: otherPath,
    population: 2000,
    registry: 400,
    seed: 22,
    clerk: 'canbo.xb'
  })
  other = b.backend
  clerkB = apiHelpers(() => b.clerk)
  // A clerk answers the teach view's questions from the truth file.
  const truth = readTruth(join(c.dir, 'truth.csv'))
  const db = raw()
  const keyOf = db.prepare('SELECT record_key FROM source_record WHERE id = ?').pluck()
  const popKey = db.prepare('SELECT record_key FROM population_record WHERE id = ?').pluck()
  const popId = db.prepare('SELECT id FROM population_record WHERE record_key = ?').pluck()
  const list = await clerk.call('learn/teach', { limit: 60 })
  expect(list.rows.length).toBe(60)
  for (const q of list.rows) {
    const t = truth.get(keyOf.get(q.sourceRecordId) as string)!
    const shown = popKey.get(q.populationRecordId) as string
    const id = t.pop ? (popId.get(t.pop) as number | undefined) : undefined
    if (t.pop === shown && q.grade !== 'none')
      await clerk.call('review/decide', { sourceRecordId: q.sourceRecordId, action: 'accept' })
    else if (id !== undefined)
      await clerk.call('review/decide', {
        sourceRecordId: q.sourceRecordId,
        action: 'relink',
        populationRecordId: id
      })
    else if (q.sourceRecordId % 2 === 0)
      await clerk.call('review/decide', { sourceRecordId: q.sourceRecordId, action: 'reject' })
    else
      await clerk.call('review/decide', {
        sourceRecordId: q.sourceRecordId,
        action: 'not_in_population'
      })
  }
  db.close()
}, 240_000)
afterAll(async () => {
  await backend?.close()
  await other?.close()
})

describe('re-fit from decisions', () => {
  it('refuses to learn before any decision, with a message that says what to do', async () => {
    // learn/refit starts a job: the refusal comes as the job's end.
    let done: Events['job/done'] | undefined
    const off = other.onEvent((n, p) => {
      if (n === 'job/done') done = p as Events['job/done']
    })
    const { jobId } = await clerkB.call('learn/refit', {})
    await other.jobs.wait(jobId)
    off()
    expect(done?.state).toBe('failed')
    expect(done?.error?.code).toBe('learn_no_labels')
    expect(done?.error?.message).toMatch(/Chưa có quyết định/)
  })

  it('learns as a job, stores a new version beside the fitted one, and never changes a decided row', async () => {
    const before = decidedRows()
    expect(before.length).toBe(60)
    const status0 = await clerk.call('learn/status', {})
    expect(status0.labels.total).toBe(60)
    const firstRun = status0.runId!
    const result = await runJob(backend, () => clerk.call('learn/refit', {}))
    learntVersion = result.versionId
    expect(decidedRows()).toEqual(before)
    const status = await clerk.call('learn/status', {})
    expect(status.runId).toBe(result.runId)
    expect(status.runId).not.toBe(firstRun)
    expect(status.activeVersionId).toBe(learntVersion)
    expect(status.versions.map((v) => v.origin)).toEqual(['learnt', 'fitted'])
    fittedVersion = status.versions[1]!.id
    const learnt = status.versions[0]!
    expect(learnt.parentId).toBe(fittedVersion)
    expect(learnt.summary.labels).toBe(60)
    expect(learnt.summary.expectedError?.before).toBeGreaterThan(0)
    // Decided rows are left out of the open pairs the new version graded (rows with a candidate).
    expect(learnt.summary.openPairs).toBe(status.openPairs)
    expect(status.openPairs).toBeLessThanOrEqual(600 - 60)
    expect(status.openPairs).toBeGreaterThan(450)
    // The weights of every level, before and after.
    const detail = await clerk.call('learn/version', { versionId: learntVersion })
    expect(detail.parent?.id).toBe(fittedVersion)
    const name = detail.changes.filter((c) => c.field === 'name')
    expect(name.length).toBeGreaterThan(3)
    expect(name.every((c) => c.before !== null && Number.isFinite(c.after))).toBe(true)
    expect(detail.changes.some((c) => Math.abs(c.after - c.before!) > 0.01)).toBe(true)
    // A second re-fit with more decisions still leaves every decision as it was.
    const open = await clerk.call('learn/teach', { limit: 5 })
    for (const q of open.rows)
      await clerk.call('review/decide', { sourceRecordId: q.sourceRecordId, action: 'reject' })
    const before2 = decidedRows()
    const again = await runJob(backend, () => clerk.call('learn/refit', {}))
    expect(decidedRows()).toEqual(before2)
    learntVersion = again.versionId
    const db = raw()
    expect(
      db.prepare("SELECT count(*) FROM audit_event WHERE action = 'model/refit'").pluck().get()
    ).toBe(2)
    db.close()
    expect(verifyAudit(openDb(dbPath)).ok).toBe(true)
  }, 240_000)

  it('rolls back to the fitted version: every grade and probability exactly as it was', async () => {
    const db = raw()
    const fittedRun = db
      .prepare('SELECT min(id) FROM match_run WHERE model_version_id = ?')
      .pluck()
      .get(fittedVersion) as number
    db.close()
    const original = grades(fittedRun)
    const learntRun = (await clerk.call('learn/status', {})).runId!
    // The learnt version graded something differently (else a rollback proves nothing).
    expect(grades(learntRun)).not.toEqual(original)
    const decided = decidedRows()
    const r = await runJob(backend, () =>
      clerk.call('learn/rollback', { versionId: fittedVersion })
    )
    expect(r.versionId).toBe(fittedVersion)
    expect(grades(r.runId)).toEqual(original)
    expect(decidedRows()).toEqual(decided)
    const status = await clerk.call('learn/status', {})
    expect(status.activeVersionId).toBe(fittedVersion)
    // And forward again to the learnt version, exactly.
    const forward = await runJob(backend, () =>
      clerk.call('learn/rollback', { versionId: learntVersion })
    )
    expect(grades(forward.runId)).toEqual(grades(learntRun))
  }, 240_000)
})

describe('model files', () => {
  it('exports a version with weights and counts only: no name, key or ID of the set is in it', async () => {
    const file = await clerk.call('learn/export', { versionId: learntVersion })
    expect(file.fileName).toMatch(/^mo-hinh-.*\.json$/)
    modelFile = join(dir, file.fileName)
    writeFileSync(modelFile, file.content)
    const text = file.content.toLowerCase()
    const db = raw()
    const values = new Set<string>()
    for (const table of ['population_record', 'source_record'])
      for (const col of [
        'full_name',
        'name_key',
        'father_name',
        'mother_name',
        'record_key',
        'id_number',
        'other_id',
        'residence'
      ])
        for (const v of db.prepare(`SELECT DISTINCT ${col} FROM ${table}`).pluck().all())
          if (typeof v === 'string' && v.length >= 4) values.add(v.toLowerCase())
    db.close()
    expect(values.size).toBeGreaterThan(3000)
    const found = [...values].filter((v) => text.includes(v))
    expect(found).toEqual([])
  })

  it('refuses an unknown signer and a tampered file, and writes nothing', async () => {
    const count = () => {
      const db = raw(otherPath)
      const n = db.prepare('SELECT count(*) FROM model_version').pluck().get()
      db.close()
      return n
    }
    const n0 = count()
    expect((await clerkB.fail('learn/import', { path: modelFile })).code).toBe(
      'model_file_untrusted'
    )
    const admin = apiHelpers(await signInAs(other, TEST_ADMIN, 'admin').then((x) => () => x))
    await admin.call('trust/add', {
      username: 'canbo.xa',
      role: 'clerk',
      fingerprint: fingerprint.replace(/(.{4})/g, '$1 ')
    })
    const doc = JSON.parse(readFileSync(modelFile, 'utf8')) as {
      model: { layers: { global: { levels: number[][] } }[]; labels: number }
    }
    // One weight nudged: a model that grades differently than the one signed.
    doc.model.layers[0]!.global.levels[0]![0]! += 0.5
    const tampered = join(dir, 'tampered.json')
    writeFileSync(tampered, JSON.stringify(doc))
    const e = await clerkB.fail('learn/import', { path: tampered })
    expect(e.code).toBe('model_file_tampered')
    expect(e.message).toMatch(/bị thay đổi sau khi ký/)
    // A name slipped in where only weights belong is refused too.
    const withName = JSON.parse(readFileSync(modelFile, 'utf8')) as Record<string, unknown>
    ;(withName.model as Record<string, unknown>).note = 'Nguyễn Văn An'
    writeFileSync(join(dir, 'named.json'), JSON.stringify(withName))
    expect((await clerkB.fail('learn/import', { path: join(dir, 'named.json') })).code).toBe(
      'model_file_invalid'
    )
    expect(count()).toBe(n0)
  })

  it('imports on another commune with a preview, and applies it as a job', async () => {
    const preview = await clerkB.call('learn/import', { path: modelFile })
    expect(preview.alreadyImported).toBe(false)
    expect(preview.signer).toBe('canbo.xa')
    expect(preview.summary.labels).toBe(65)
    expect(preview.regrade.openPairs).toBe((await clerkB.call('learn/status', {})).openPairs)
    expect(preview.changes.some((c) => c.before !== c.after)).toBe(true)
    // Importing nothing new a second time.
    const again = await clerkB.call('learn/import', { path: modelFile })
    expect(again).toMatchObject({ versionId: preview.versionId, alreadyImported: true })
    const r = await runJob(other, () =>
      clerkB.call('learn/apply', { versionId: preview.versionId })
    )
    const status = await clerkB.call('learn/status', {})
    expect(status.activeVersionId).toBe(preview.versionId)
    // The preview's count of changed grades is what applying did.
    const v = status.versions.find((x) => x.id === preview.versionId)!
    expect(v.summary.regraded).toBe(preview.regrade.changed)
    expect(r.runId).toBe(status.runId)
  }, 240_000)
})

describe('the same for K similar pairs', () => {
  it('counts first, refuses a stale count, applies to every open pair of the kind in one audited event', async () => {
    const list = await clerk.call('learn/teach', { limit: 200 })
    const q = list.rows.find((r) => r.similar >= 2 && r.grade !== 'none')!
    expect(q).toBeDefined()
    await clerk.call('review/decide', { sourceRecordId: q.sourceRecordId, action: 'reject' })
    const dry = await clerk.call('learn/similar', {
      sourceRecordId: q.sourceRecordId,
      action: 'reject',
      dryRun: true
    })
    expect(dry).toEqual({ count: q.similar, applied: false })
    const stale = await clerk.fail('learn/similar', {
      sourceRecordId: q.sourceRecordId,
      action: 'reject',
      dryRun: false,
      expectedCount: dry.count + 1
    })
    expect(stale.code).toBe('count_changed')
    const done = await clerk.call('learn/similar', {
      sourceRecordId: q.sourceRecordId,
      action: 'reject',
      dryRun: false,
      expectedCount: dry.count
    })
    expect(done).toEqual({ count: dry.count, applied: true })
    const db = raw()
    const ev = db
      .prepare("SELECT detail_json FROM audit_event WHERE action = 'review/similar_reject'")
      .pluck()
      .all() as string[]
    expect(ev.length).toBe(1)
    const ids = (JSON.parse(ev[0]!) as { sourceRecordIds: number[] }).sourceRecordIds
    expect(ids.length).toBe(dry.count)
    const states = db
      .prepare(
        `SELECT state FROM review_state WHERE source_record_id IN (${ids.map(() => '?').join(',')})`
      )
      .pluck()
      .all(...ids)
    expect(states).toEqual(ids.map(() => 'rejected'))
    db.close()
    // Nothing like it is left open.
    const after = await clerk.call('learn/similar', {
      sourceRecordId: q.sourceRecordId,
      action: 'reject',
      dryRun: true
    })
    expect(after.count).toBe(0)
  })
})
