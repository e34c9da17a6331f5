// Real-shaped 'learn/*' answers for the teach view's jsdom tests (synthetic people, ISO as stored).
import type { LearnStatus, TeachList, TeachRow } from '../../../shared/api'

/** One question: a register row beside the population record the model put next to it. */
export function teachRow(sourceRecordId: number, over: Partial<TeachRow> = {}): TeachRow {
  return {
    sourceRecordId,
    pairId: 1000 + sourceRecordId,
    populationRecordId: 500 + sourceRecordId,
    source: {
      key: `HT-${String(sourceRecordId).padStart(6, '0')}`,
      name: 'Lò Thị Hoa',
      dob: '1996-06-29',
      sex: 'F',
      residence: 'Xã Đông Sơn',
      father: 'Lò Văn Pọm',
      mother: null
    },
    population: {
      key: `DC${String(500 + sourceRecordId).padStart(7, '0')}`,
      name: 'Lò Thị Hoa',
      dob: '1996-09-29',
      sex: 'M',
      residence: 'Xã Đông Sơn',
      father: 'Lò Văn Pọm',
      mother: 'Cầm Thị Xuân'
    },
    probability: 0.003,
    grade: 'none',
    levels: { name: 'exact', dob: 'different' },
    flags: [],
    reason: 'pattern',
    value: 0.4,
    otherProbability: 0.0125,
    similar: 3,
    patternLabels: 2,
    ...over
  }
}

export function teachList(rows: TeachRow[] = [teachRow(21), teachRow(22)]): TeachList {
  return { runId: 4, rows, expectedError: 0.01, openPairs: 584 }
}

/** A learnt version in use above the fitted one it learnt from. */
export function learnStatus(over: Partial<LearnStatus> = {}): LearnStatus {
  const summary = { labels: 0, match: 0, not: 0, byProfile: {}, profiles: [], patterns: 0 }
  return {
    runId: 4,
    activeVersionId: 2,
    versions: [
      {
        id: 2,
        parentId: 1,
        origin: 'learnt',
        active: true,
        summary: {
          ...summary,
          labels: 12,
          match: 8,
          not: 4,
          patterns: 3,
          runId: 4,
          expectedError: { before: 14.62, after: 0.01 },
          openPairs: 584,
          regraded: 7
        },
        signer: null,
        createdBy: 'Cán bộ Tư pháp',
        createdAt: '2026-12-06T08:15:00.000Z'
      },
      {
        id: 1,
        parentId: null,
        origin: 'fitted',
        active: false,
        summary: { ...summary, runId: 3 },
        signer: null,
        createdBy: 'Cán bộ Tư pháp',
        createdAt: '2026-12-05T08:15:00.000Z'
      }
    ],
    labels: { total: 12, match: 8, not: 4 },
    newLabels: 2,
    expectedError: 0.01,
    openPairs: 584,
    ...over
  }
}
