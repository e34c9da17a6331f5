// Quick search (diacritics, word order, date, ID prefix) and correction proposals on hand-made records.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb, type Db } from '../../src/backend/db/open'
import { createBackend, type Backend, type Caller } from '../../src/backend/host'
import { parseQuickQuery } from '../../src/core/review/quick-search'
import { rebuildPopulationFts } from '../../src/backend/review/search'
import { tempDir } from '../helpers/tmp'
import { apiHelpers, valueOf } from '../helpers/api'
import { signInAs } from '../helpers/users'
import { importFile } from '../../src/backend/import/import-file'
import { writeSample } from '../../src/backend/sample/write-sample'

const dir = tempDir('doisoat-search-')
const dbPath = join(dir, 's.db')
let backend: Backend
let clerk: Caller
let db: Db

const { call, fail } = apiHelpers(() => clerk)

const people = [
  ['DC1', 'Nguyễn Văn An', 'nguyen van an', '1990-03-05', 'M', '001090012345'],
  ['DC2', 'Nguyễn Văn Anh', 'nguyen van anh', '1991-07-12', 'M', '001091054321'],
  ['DC3', 'Trần Thị An', 'tran thi an', '1990-03-05', 'F', '031190000777'],
  ['DC4', 'Lê An Nguyên', 'le an nguyen', '1985-01-01', 'M', null],
  ['DC5', 'Phạm Thị Hoa', 'pham thi hoa', '1970', 'F', '079170123456']
] as const

beforeAll(async () => {
  db = openDb(dbPath)
  db.prepare(
    `INSERT INTO import_batch (id, kind, file_name, file_sha256, file_size, rows_read, rows_accepted,
       rows_rejected, created_at) VALUES (1, 'registry', 'so.csv', 'abc', 1, 1, 1, 0, 'then')`
  ).run()
  db.prepare(
    `INSERT INTO source_record (id, batch_id, row_number, record_key, raw_json, full_name, name_key,
       dob, dob_precision, sex) VALUES (1, 1, 2, 'HT-1', '{}', 'Nguyễn Văn Ân', 'nguyen van an',
       '1990-05-03', 'day', 'M')`
  ).run()
  const ins = db.prepare(
    `INSERT INTO population_record (record_key, full_name, name_key, dob, sex, id_number, version,
       snapshot_at) VALUES (?, ?, ?, ?, ?, ?, 3, 'then')`
  )
  for (const p of people) ins.run(...p)
  backend = createBackend({ dbPath })
  clerk = await signInAs(backend, 'clerk.lan', 'clerk')
})
afterAll(async () => {
  await backend.close()
  db.close()
})

const keys = async (q: string): Promise<string[]> =>
  (await call('search/population', { q, limit: 10 })).map((h) => h.recordKey)

describe('quick search', () => {
  it('finds Nguyễn Văn An typed with or without diacritics, in any order', async () => {
    expect((await keys('nguyen van an'))[0]).toBe('DC1')
    expect((await keys('Nguyễn Văn An'))[0]).toBe('DC1')
    expect((await keys('an nguyen'))[0]).toBe('DC1')
    // Lê An Nguyên has the same words: found too, but the whole name ranks first.
    expect(await keys('an nguyen')).toContain('DC4')
  })

  it('answers as the clerk types: a word being typed is a prefix', async () => {
    expect(await keys('nguyen van a')).toEqual(expect.arrayContaining(['DC1', 'DC2']))
    expect((await keys('nguyen van anh'))[0]).toBe('DC2')
    expect(await keys('n')).toEqual([])
  })

  it('finds by a date written dd/mm/yyyy, and narrows a name by it', async () => {
    expect((await keys('05/03/1990')).sort()).toEqual(['DC1', 'DC3'])
    expect(await keys('an 05/03/1990')).toEqual(expect.arrayContaining(['DC1', 'DC3']))
    expect(await keys('tran 05/03/1990')).toEqual(['DC3'])
  })

  it('finds by an ID prefix and by a record key', async () => {
    expect(await keys('0010900')).toEqual(['DC1'])
    expect(await keys('07917')).toEqual(['DC5'])
    expect(await keys('dc5')).toEqual(['DC5'])
  })

  it('follows population records as they are updated and deleted', async () => {
    db.prepare(
      "UPDATE population_record SET full_name = 'Phạm Thị Hoà', name_key = 'pham thi hoa lan' WHERE record_key = 'DC5'"
    ).run()
    expect(await keys('hoa lan')).toEqual(['DC5'])
    db.prepare("DELETE FROM population_record WHERE record_key = 'DC4'").run()
    expect(await keys('le an')).not.toContain('DC4')
  })

  it('can be rebuilt in one pass after a bulk load without the trigger', async () => {
    db.exec('DROP TRIGGER population_fts_insert')
    db.prepare(
      `INSERT INTO population_record (record_key, full_name, name_key, dob, version, snapshot_at)
       VALUES ('DC9', 'Đỗ Thị Mai', 'do thi mai', '2001-02-03', 1, 'then')`
    ).run()
    expect(await keys('do thi mai')).toEqual([])
    rebuildPopulationFts(db)
    expect(await keys('mai do')).toEqual(['DC9'])
    expect((await keys('nguyen van an'))[0]).toBe('DC1')
  })

  it('reads a query into words, the word being typed, a date and ID digits', () => {
    expect(parseQuickQuery('Nguyễn Văn A')).toEqual({
      words: ['nguyen', 'van'],
      partial: 'a',
      date: null,
      digits: []
    })
    expect(parseQuickQuery('an 5/3/1990 00109 ')).toEqual({
      words: ['an'],
      partial: null,
      date: '1990-03-05',
      digits: ['00109']
    })
  })
})

describe('correction proposals', () => {
  const popId = (key: string): number =>
    db.prepare('SELECT id FROM population_record WHERE record_key = ?').pluck().get(key) as number

  it('stores the fields, the author, the population version, and an audit event', async () => {
    const c = await call('corrections/propose', {
      sourceRecordId: 1,
      populationRecordId: popId('DC1'),
      side: 'population',
      fields: [{ field: 'dob', value: '03/05/1990' }, { field: 'full_name' }],
      reason: 'dob_day_month_swap',
      reasonText: 'Giấy khai sinh ghi 03/05/1990',
      evidence: 'GKS số 12/2020'
    })
    expect(c).toMatchObject({
      state: 'proposed',
      proposedBy: 'clerk.lan',
      populationVersion: 3,
      populationKey: 'DC1',
      side: 'population'
    })
    expect(c.uuid).toMatch(/^[0-9a-f-]{36}$/)
    // A value left out is pre-filled from the other side (the local record here).
    expect(c.fields).toEqual([
      { field: 'dob', oldValue: '1990-03-05', newValue: '1990-05-03' },
      { field: 'full_name', oldValue: 'Nguyễn Văn An', newValue: 'Nguyễn Văn Ân' }
    ])
    const ev = db
      .prepare(
        "SELECT actor, entity_id, detail_json FROM audit_event WHERE action = 'correction/propose'"
      )
      .get() as { actor: string; entity_id: string; detail_json: string }
    expect(ev.actor).toBe('clerk.lan')
    expect(ev.entity_id).toBe(c.uuid)
    expect(JSON.parse(ev.detail_json)).toMatchObject({ populationVersion: 3 })
    const list = await call('corrections/list', { state: 'proposed', startRow: 0, endRow: 10 })
    expect(list.total).toBe(1)
    expect(list.rows[0]!.fields).toHaveLength(2)
    const pair = await call('review/pair', { sourceRecordId: 1 })
    expect(pair.corrections.map((x) => x.uuid)).toEqual([c.uuid])
  })

  it('refuses a value that does not parse, and stores nothing', async () => {
    const bad = async (field: 'dob' | 'sex' | 'id_number' | 'full_name', value: string) =>
      fail('corrections/propose', {
        sourceRecordId: 1,
        populationRecordId: popId('DC1'),
        side: 'population',
        fields: [{ field, value }],
        reason: 'typo'
      })
    const e = await bad('dob', '31/02/1990')
    expect(e.code).toBe('validation')
    expect(e.issues?.[0]?.path).toBe('fields.0.value')
    expect((await bad('sex', 'X')).code).toBe('validation')
    expect((await bad('id_number', '12345')).code).toBe('validation')
    expect((await bad('full_name', '  ')).code).toBe('validation')
    expect(
      (
        await fail('corrections/propose', {
          sourceRecordId: 1,
          populationRecordId: popId('DC1'),
          side: 'local',
          fields: [{ field: 'sex', value: 'M' }],
          reason: 'other'
        })
      ).code
    ).toBe('validation')
    expect(db.prepare('SELECT count(*) FROM correction').pluck().get()).toBe(1)
  })
})

describe('quick search after a bulk import', () => {
  it('finds records loaded with the deferred-index path (triggers dropped, index refilled)', async () => {
    const dir = tempDir('doisoat-fts-')
    const files = await writeSample({
      outDir: dir,
      population: 30_000,
      registry: 10,
      seed: 4,
      legacy: false
    })
    const dbPath = join(dir, 'bulk.db')
    const ctx = { signal: new AbortController().signal, progress: () => undefined }
    await importFile({ dbPath, kind: 'population', file: files.population }, ctx)
    const backend = createBackend({ dbPath })
    const user = await signInAs(backend, 'clerk.bulk', 'clerk')
    const first = await user.call('records/list', {
      table: 'population',
      startRow: 0,
      endRow: 1
    })
    const person = valueOf('records/list', first).rows[0]!
    const hits = await user.call('search/population', { q: person.full_name, limit: 5 })
    expect(hits.ok && valueOf('search/population', hits).some((h) => h.id === person.id)).toBe(true)
    const db = openDb(dbPath, { readonly: true })
    const triggers = db
      .prepare(
        "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'population_fts_%'"
      )
      .pluck()
      .get()
    db.close()
    expect(triggers).toBe(3)
    await backend.close()
  })
})
