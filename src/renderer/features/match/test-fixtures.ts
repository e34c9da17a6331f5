// Test fixtures for the review screen: a real-shaped pair and queue rows (synthetic people).
import type { PairView, PopulationChange, QueueRow, RecordRow } from '../../../shared/api'

function record(id: number, patch: Partial<RecordRow>): RecordRow {
  return {
    id,
    record_key: null,
    batch_id: null,
    row_number: null,
    version: null,
    full_name: '',
    family_name: null,
    middle_name: null,
    given_name: null,
    dob: null,
    dob_precision: null,
    sex: null,
    id_number: null,
    legacy_id: null,
    other_id: null,
    residence: null,
    residence_province_code: null,
    residence_commune_code: null,
    residence_scheme: null,
    hometown: null,
    ethnicity: null,
    father_name: null,
    mother_name: null,
    spouse_name: null,
    vital_status: null,
    death_date: null,
    ...patch
  }
}

/** A registry row typed without diacritics beside its population record. */
export function diacriticPair(patch: Partial<PairView> = {}): PairView {
  const source = record(11, {
    record_key: 'HT-000011',
    batch_id: 2,
    row_number: 12,
    full_name: 'Nguyen Van Dung',
    dob: '1990-03-05',
    dob_precision: 'day',
    sex: 'M',
    id_number: '001090012345'
  })
  const population = record(501, {
    record_key: 'DC0000501',
    version: 3,
    full_name: 'Nguyễn Văn Dũng',
    dob: '1990-03-05',
    dob_precision: 'day',
    sex: 'M',
    id_number: '001090012345',
    father_name: 'Nguyễn Văn Hải'
  })
  const fields = (['full_name', 'dob', 'sex', 'id_number', 'father_name'] as const).map((f) => ({
    field: f,
    source: source[f],
    population: population[f],
    same: source[f] === population[f]
  }))
  return {
    runId: 1,
    source,
    population,
    fields,
    pairId: 77,
    grade: 'certain',
    probability: 0.9995,
    levels: { name: 'folded', dob: 'exact', sex: 'same', id: 'exact' },
    weights: { name: 6.5, dob: 9.1, sex: 1, id: 12 },
    flags: ['name_diacritics'],
    prior: -11.5,
    explanation: [
      { field: 'name', level: 'folded', weight: 6.5 },
      { field: 'dob', level: 'exact', weight: 9.1 },
      { field: 'sex', level: 'same', weight: 1 },
      { field: 'id', level: 'exact', weight: 12 },
      { field: 'hometown', level: 'different', weight: -2.1 }
    ],
    model: null,
    sameRecord: [],
    candidates: [
      {
        pairId: 77,
        rank: 1,
        populationRecordId: 501,
        populationKey: 'DC0000501',
        name: 'Nguyễn Văn Dũng',
        dob: '1990-03-05',
        idNumber: '001090012345',
        probability: 0.9995,
        grade: 'certain',
        flags: ['name_diacritics']
      },
      {
        pairId: 78,
        rank: 2,
        populationRecordId: 502,
        populationKey: 'DC0000502',
        name: 'Nguyễn Văn Dũng',
        dob: '1990-05-03',
        idNumber: null,
        probability: 0.41,
        grade: 'none',
        flags: ['name_diacritics', 'dob_swap']
      }
    ],
    state: 'open',
    link: null,
    decisions: [],
    corrections: [],
    userNames: {},
    ...patch
  }
}

export function queueRow(id: number, name: string): QueueRow {
  return {
    sourceRecordId: id,
    sourceKey: `HT-${String(id).padStart(6, '0')}`,
    name,
    dob: '1990-03-05',
    batchId: 2,
    commune: '00001',
    pairId: id + 1000,
    populationRecordId: id + 500,
    populationKey: `DC${String(id + 500).padStart(7, '0')}`,
    populationName: name,
    populationDob: '1990-03-05',
    grade: 'certain',
    probability: 0.999,
    flags: ['name_diacritics'],
    state: 'open'
  }
}

/**
 * The population record of diacriticPair() as changed by a sync pull after the link was made:
 * renamed, its date of birth and sex corrected, its ID number unchanged. `changedAt` is local time.
 */
export function changedPopulation(patch: Partial<PopulationChange> = {}): PopulationChange {
  const row = (
    field: string,
    before: string | null,
    after: string | null
  ): PopulationChange['fields'][number] => ({ field, before, after, changed: before !== after })
  return {
    populationRecordId: 501,
    recordKey: 'DC0000501',
    fromVersion: 3,
    toVersion: 4,
    cause: 'sync',
    changedAt: new Date(2026, 6, 12, 16, 33).toISOString(),
    fields: [
      row('full_name', 'Nguyễn Văn Dũng', 'Nguyễn Văn Dụng'),
      row('dob', '1990-03-05', '1990-05-03'),
      row('sex', 'M', 'F'),
      row('id_number', '001090012345', '001090012345'),
      row('hometown', null, null)
    ],
    ...patch
  }
}
