// @vitest-environment jsdom
// Every screen, for every role, rendered in Vietnamese over real-shaped data (and its dialogs and
// help opened): no text a person reads may be an i18n key, an English word from the list below, a
// raw key name, a code, or an ISO date. The same walk in English must not show an ISO date either,
// and each language writes a time one way only.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type {
  ApiName,
  AppInfo,
  ApprovalItem,
  ReviewDashboard,
  ReviewTimeline,
  SyncStatus,
  UserInfo
} from '../shared/api'
import type { UserRole } from '../shared/roles'
import { buildReport } from '../core/reports/report'
import { en } from '../shared/i18n/en'
import { App } from './app'
import { setLanguage } from './i18n'
import { setApi } from './lib/api'
import './lib/grid-setup'
import { changedPopulation, diacriticPair, queueRow } from './features/match/test-fixtures'
import { learnStatus, teachList } from './features/teach/test-fixtures'
import { fakeApi, setUpScreenTests } from './test-support'

/** English (and program) words that must never reach a Vietnamese screen. */
const ENGLISH = [
  'Error',
  'TypeError',
  'undefined',
  'null',
  'NaN',
  'ArrowDown',
  'ArrowUp',
  'Invalid',
  'failed',
  'fetch',
  'true',
  'false',
  'object',
  'Loading',
  'Cancel',
  'Save',
  'Submit',
  'Hometown',
  'binary',
  'unbalanced',
  'timeout',
  'unreachable'
]
const ENGLISH_WORD = new RegExp(`\\b(${ENGLISH.join('|')})\\b`)
/** An i18n key left untranslated: "sync.problems.other", "review.reasons.typo". */
const I18N_KEY = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_]+)+$/
/** A code as a program writes it: snake_case words ("unknown_supervisor", "dob_swap"). */
const SNAKE_CODE = /\b[a-z]+_[a-z_]+\b/
const ISO_DATE = /\b\d{4}-\d\d-\d\d\b/
/** Times as this app writes them: dd/mm/yyyy HH:mm, never "12/7/2026, 4:33:03 PM". */
const LOCALE_TIME = /\d{1,2}:\d\d:\d\d|\b[AP]M\b|, \d{1,2}:\d\d/

/** Everything a person reads: text nodes, and the labels, titles and placeholders of elements. */
function readable(root: HTMLElement): string[] {
  const out: string[] = []
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement
    // Identifiers shown on purpose, to be read out or copied, are set as code.
    if (parent?.closest('script, style, code, [aria-hidden="true"]')) continue
    const text = (n.textContent ?? '').trim()
    if (text) out.push(text)
  }
  for (const el of root.querySelectorAll<HTMLElement>('[aria-label], [title], [placeholder]'))
    for (const attr of ['aria-label', 'title', 'placeholder']) {
      const v = el.getAttribute(attr)?.trim()
      if (v) out.push(v)
    }
  for (const el of root.querySelectorAll('option')) out.push(el.textContent ?? '')
  return out
}

/** The texts that break the rules, each with why; empty when the screen reads well. */
function problems(texts: string[], lng: 'vi' | 'en'): string[] {
  const bad: string[] = []
  for (const text of texts) {
    if (I18N_KEY.test(text)) bad.push(`i18n key: ${text}`)
    if (ISO_DATE.test(text)) bad.push(`ISO date: ${text}`)
    if (LOCALE_TIME.test(text)) bad.push(`browser time format: ${text}`)
    if (lng === 'vi' && ENGLISH_WORD.test(text)) bad.push(`English: ${text}`)
    if (SNAKE_CODE.test(text)) bad.push(`code: ${text}`)
  }
  return bad
}

const user = (role: UserRole, username: string, displayName: string): UserInfo => ({
  username,
  displayName,
  role,
  active: true,
  locked: false,
  fingerprint: 'ab'.repeat(32),
  publicKey: 'MCowBQYDK2VwAyEA',
  createdAt: '2026-11-27T00:00:00.000Z'
})
const USERS: Record<UserRole, UserInfo> = {
  admin: user('admin', 'quantri', 'Quản trị xã'),
  clerk: user('clerk', 'canbo', 'Cán bộ Tư pháp'),
  supervisor: user('supervisor', 'giamsat', 'Giám sát Huyện')
}

const INFO: AppInfo = {
  version: '0.1.0',
  schemaVersion: 9,
  dbPath: '/home/canbo/doisoat.db',
  counts: { population: 2000, source: 400, batches: 2, rejected: 3 },
  empty: false
}
const DASHBOARD: ReviewDashboard = {
  runId: 4,
  total: 1200,
  byGrade: { certain: 900, probable: 150, possible: 50, none: 100 },
  byFlag: { name_diacritics: 80, dob_swap: 12 },
  byState: {
    open: 700,
    auto_accepted: 0,
    accepted: 400,
    rejected: 20,
    relinked: 5,
    duplicate: 15,
    not_in_population: 50,
    noted: 10
  } as ReviewDashboard['byState'],
  batches: [{ batchId: 2, fileName: 'so-ho-tich.csv', total: 1200, decided: 500, remaining: 700 }]
}
const TIMELINE: ReviewTimeline = {
  days: [
    { date: '2026-11-20', decisions: 120, cumulative: 120 },
    { date: '2026-11-21', decisions: 80, cumulative: 200 }
  ]
} as ReviewTimeline
const BATCHES = [
  {
    id: 1,
    kind: 'population' as const,
    fileName: 'dan-cu.csv',
    sha256: 'aa',
    rowsRead: 2000,
    rowsAccepted: 2000,
    rowsRejected: 0,
    createdAt: '2026-11-20T02:00:00.000Z'
  },
  {
    id: 2,
    kind: 'registry' as const,
    fileName: 'so-ho-tich.csv',
    sha256: 'bb',
    rowsRead: 403,
    rowsAccepted: 400,
    rowsRejected: 3,
    createdAt: '2026-11-21T02:00:00.000Z'
  }
]
const proposal = (uuid: string, state: ApprovalItem['state'], by = 'canbo'): ApprovalItem => ({
  uuid,
  sourceRecordId: 11,
  populationRecordId: 501,
  populationKey: 'DC0000501',
  populationVersion: 3,
  side: 'population',
  reason: 'dob_day_month_swap',
  reasonText: 'Giấy khai sinh ghi ngày 03/05/1990',
  evidence: 'KS 1/1990',
  state,
  proposedBy: by,
  proposedByName: by === 'canbo' ? 'Cán bộ Tư pháp' : 'Giám sát Huyện',
  proposedAt: '2026-11-27T01:00:00.000Z',
  fields: [
    { field: 'dob', oldValue: '1990-03-05', newValue: '1990-05-03' },
    { field: 'sex', oldValue: 'M', newValue: 'F' }
  ],
  batchId: 2,
  packageId: null,
  source: { full_name: 'Nguyen Van Dung', dob: '1990-05-03', sex: 'F', id_number: null },
  population: {
    full_name: 'Nguyễn Văn Dũng',
    dob: '1990-03-05',
    sex: 'M',
    id_number: '001090012345'
  },
  approval:
    state === 'proposed'
      ? null
      : {
          decision: state === 'rejected' ? 'reject' : 'approve',
          reason: state === 'rejected' ? 'Thiếu giấy tờ' : null,
          decidedBy: 'giamsat',
          decidedByName: 'Giám sát Huyện',
          decidedAt: '2026-11-28T03:00:00.000Z',
          fingerprint: 'cd'.repeat(32)
        }
})
const outboxItem = (uuid: string, state: 'parked' | 'conflict') => ({
  uuid,
  state,
  populationKey: uuid === 'c1' ? 'DC0000001' : 'DC0000009',
  baseVersion: 2,
  fields: [{ field: 'dob', oldValue: '1990-03-05', newValue: '1990-05-03' }],
  proposedBy: 'canbo',
  approvedBy: 'giamsat',
  approvedByName: 'Giám sát Huyện',
  attempts: 1,
  lastError: state === 'parked' ? 'unknown_supervisor' : null,
  updatedAt: '2026-11-27T05:00:00.000Z',
  current:
    state === 'conflict'
      ? { version: 3, record: { full_name: 'Lò Văn A', dob: '1990-06-03', sex: 'M' } }
      : null
})
const SYNC: SyncStatus = {
  configured: true,
  url: 'https://cong.example.vn',
  commune: '26734',
  workstationId: 'ws_abc',
  online: false,
  problem: 'timeout',
  checkedAt: '2026-11-27T05:01:00.000Z',
  counts: { pending: 12, sent: 0, parked: 1, conflict: 1, done: 40, closed: 2 },
  lastSyncAt: '2026-11-27T05:00:00.000Z',
  lastError: 'timeout',
  rematch: 3,
  jobId: null,
  parked: [outboxItem('p1', 'parked')],
  conflicts: [outboxItem('c1', 'conflict')]
}
const REPORT = buildReport({
  scope: { kind: 'batch', batchId: 2 },
  commune: { code: '21109', name: 'Xã Đông Sơn, Tỉnh Quảng Ngãi' },
  batches: [
    {
      batchId: 2,
      fileName: 'so-ho-tich.csv',
      kind: 'registry',
      createdAt: '2026-11-02T08:00:00.000Z',
      rowsRead: 12,
      rowsAccepted: 11,
      rowsRejected: 1
    }
  ],
  run: { id: 3, startedAt: '2026-11-03T09:00:00.000Z' },
  generatedAt: '2026-11-27T10:00:00.000Z',
  generatedBy: 'Nguyễn Thị Lan',
  period: { from: '2026-11-04T01:00:00.000Z', to: '2026-11-20T01:00:00.000Z' },
  groups: [
    { grade: 'certain', state: 'accepted', flags: ['name_diacritics'], count: 4 },
    { grade: 'probable', state: 'open', flags: ['name_typo', 'dob_swap'], count: 2 }
  ],
  corrections: [
    {
      uuid: 'b',
      populationKey: 'DC-0002',
      name: 'Trần Thị Thủy',
      side: 'population',
      reason: 'dob_day_month_swap',
      reasonText: null,
      evidence: 'GKS số 12/2001',
      state: 'approved',
      proposedBy: 'canbo1',
      proposedAt: '2026-11-10T02:00:00.000Z',
      fields: [{ field: 'dob', oldValue: '2001-05-03', newValue: '2001-03-05' }]
    }
  ]
})

type Handler = (args: never) => unknown
/** A backend with something real-shaped behind every call the screens make. */
function backend(role: UserRole): Partial<Record<ApiName, Handler>> {
  const rows = [queueRow(11, 'Nguyen Van Dung'), queueRow(12, 'Trần Thị Bình')]
  return {
    'auth/status': () => ({ setupNeeded: false, user: USERS[role], sessionMinutes: 15 }),
    'app/info': () => INFO,
    'jobs/list': () => [],
    'review/dashboard': () => DASHBOARD,
    'review/timeline': () => TIMELINE,
    'records/list': () => ({
      rows: [
        {
          id: 1,
          record_key: 'DC000001',
          full_name: 'Nguyễn Thị Hoà',
          dob: '1990-03-05',
          sex: 'F',
          vital_status: 'alive'
        }
      ],
      total: 1
    }),
    'batches/list': () => BATCHES,
    'profiles/list': () => [],
    'views/list': () => [],
    'match/runs': () => [],
    'match/model': () => ({
      model: {
        runId: 4,
        fittedAt: '2026-12-06T08:15:00.000Z',
        fittedBy: 'Cán bộ Tư pháp',
        batches: [{ id: 2, fileName: 'so-ho-tich.csv' }],
        sourceCount: 1200,
        populationCount: 20000,
        prior: -9.5,
        comparisons: [
          {
            field: 'full_name',
            levels: [
              { level: 'exact', weight: 6.2 },
              { level: 'different', weight: -5.1 }
            ]
          }
        ]
      },
      lastRun: {
        runId: 4,
        at: '2026-12-06T08:15:00.000Z',
        by: 'Cán bộ Tư pháp',
        batchId: null,
        sourceCount: 1200,
        thresholds: { certain: 0.99, probable: 0.9, possible: 0.5 }
      },
      unmatched: [
        { id: 3, fileName: 'khai-sinh.csv', rows: 40, createdAt: '2026-12-07T02:00:00.000Z' }
      ],
      counts: { population: 20000, source: 1240 },
      populationChangedSince: 12
    }),
    'review/queue': () => ({ rows, total: rows.length }),
    'review/pair': () => ({
      ...diacriticPair(),
      flags: ['name_diacritics', 'population_changed'],
      populationChange: changedPopulation({ changedAt: '2026-11-28T03:04:05.000Z' }),
      decisions: [
        {
          id: 1,
          action: 'accept',
          actor: 'canbo',
          at: '2026-11-27T03:04:05.000Z',
          note: null,
          populationRecordId: 501
        }
      ],
      corrections: [proposal('a', 'proposed')]
    }),
    'corrections/list': () => ({ rows: [proposal('a', 'proposed')], total: 1 }),
    'approvals/list': () => ({
      rows: [
        proposal('a', 'proposed'),
        proposal('b', 'proposed', 'giamsat'),
        proposal('c', 'queued'),
        proposal('d', 'rejected')
      ],
      total: 4
    }),
    'packages/list': () => [
      {
        id: '00000000-0000-4000-8000-000000000001',
        kind: 'proposals',
        direction: 'import',
        signer: 'canbo',
        items: 3,
        at: '2026-11-26T02:00:00.000Z',
        decided: 1
      }
    ],
    'sync/status': () => SYNC,
    'sync/accepted': () => ({
      rows: [
        {
          uuid: 'x1',
          populationKey: 'DC0000042',
          fullName: 'Lò Thị Bình',
          fields: [{ field: 'sex', oldValue: 'M', newValue: 'F' }],
          proposedBy: 'Cán bộ Tư pháp',
          approvedBy: 'Giám sát Huyện',
          acceptedAt: '2026-12-07T09:33:00.000Z',
          version: 4
        }
      ],
      total: 1
    }),
    'sync/supervisors': () => [
      {
        username: 'giamsat',
        displayName: 'Giám sát Huyện',
        publicKey: 'MCowBQYDK2VwAyEA',
        fingerprint: 'ab'.repeat(32)
      }
    ],
    'sync/test': () => ({
      url: 'https://cong.example.vn',
      reachable: true,
      problem: null,
      workstation: { ok: false, refusal: 'clock_skew', name: null },
      supervisors: []
    }),
    'reports/scopes': () => ({
      batches: [
        {
          batchId: 2,
          fileName: 'so-ho-tich.csv',
          kind: 'registry',
          createdAt: '2026-11-02T08:00:00.000Z'
        }
      ],
      communes: [{ code: '21109', name: 'Xã Đông Sơn', records: 12 }]
    }),
    'reports/build': () => REPORT,
    'users/list': () => Object.values(USERS),
    'trust/list': () => [
      {
        fingerprint: 'ef'.repeat(32),
        username: 'giamsat2',
        role: 'supervisor',
        addedBy: 'quantri',
        addedAt: '2026-11-25T01:00:00.000Z'
      }
    ],
    'learn/status': () => learnStatus(),
    'learn/teach': () => teachList(),
    'backup/status': () => null,
    'backup/list': () => []
  }
}

setUpScreenTests()

/** Opens every screen of the role's menu (and what a screen opens: the pair, help, a dialog). */
async function walk(role: UserRole, lng: 'vi' | 'en'): Promise<string[]> {
  const fake = fakeApi(backend(role))
  setApi(fake.api)
  await setLanguage(lng)
  render(<App />)
  const nav = await screen.findByRole('navigation')
  const found: string[] = []
  const look = async (where: string): Promise<void> => {
    // Let queries answer and grids render.
    await act(() => new Promise((r) => setTimeout(r, 60)))
    for (const p of problems(readable(document.body), lng)) found.push(`${where}: ${p}`)
  }
  const items = within(nav).getAllByRole('button')
  for (const i of items.keys()) {
    const item = within(nav).getAllByRole('button')[i]!
    const name = item.textContent ?? ''
    fireEvent.click(item)
    await look(`${role} ${name}`)
    if (name === (lng === 'vi' ? 'Đối soát' : 'Reconcile')) {
      // The keys help, opened as a clerk opens it.
      fireEvent.keyDown(document.body, { key: '?' })
      await look(`${role} ${name} (keys help)`)
      fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' })
    }
    if (name === (lng === 'vi' ? 'Duyệt' : 'Approve') && role === 'supervisor') {
      const approve = screen.queryAllByRole('button', {
        name: lng === 'vi' ? 'Duyệt…' : 'Approve…'
      })
      if (approve[0]) {
        fireEvent.click(approve[0])
        await look(`${role} ${name} (confirmation)`)
        fireEvent.click(screen.getByRole('button', { name: lng === 'vi' ? 'Hủy' : 'Cancel' }))
      }
    }
    if (name === (lng === 'vi' ? 'Đồng bộ' : 'Sync')) {
      const test = screen.queryByRole('button', {
        name: lng === 'vi' ? 'Kiểm tra kết nối' : 'Test connection'
      })
      if (test) {
        fireEvent.click(test)
        await look(`${role} ${name} (connection test)`)
      }
    }
  }
  // Nothing the screens asked for was missing from the scripted backend (else the walk saw less).
  const asked = new Set(fake.calls.map((c) => c.name))
  const scripted = new Set(Object.keys(backend(role)))
  expect([...asked].filter((n) => !scripted.has(n))).toEqual([])
  return found
}

describe('every screen in Vietnamese', () => {
  for (const role of ['clerk', 'supervisor', 'admin'] as const)
    it(`as ${role}: no i18n key, English word, raw key name, code or ISO date`, async () => {
      expect(await walk(role, 'vi')).toEqual([])
    })
})

describe('every screen in English', () => {
  for (const role of ['clerk', 'supervisor', 'admin'] as const)
    it(`as ${role}: no ISO date and no browser-default time format`, async () => {
      const found = await walk(role, 'en')
      expect(found.filter((f) => /ISO date|browser time|i18n key/.test(f))).toEqual([])
    })
})

describe('one term per idea', () => {
  it('says "Hometown" one way in English', () => {
    expect(JSON.stringify(en)).not.toMatch(/Home town/i)
    expect(JSON.stringify(en)).toMatch(/Hometown/)
  })
})

describe('the checker', () => {
  it('finds what it looks for', async () => {
    document.body.innerHTML = `<div><p>sync.problems.other</p><p>Lỗi TypeError: fetch failed</p>
      <p>Ngày 1978-04-07</p><kbd>ArrowDown</kbd><p title="12/7/2026, 4:33:03 PM">x</p>
      <p>unknown_supervisor</p></div>`
    const found = problems(readable(document.body), 'vi')
    expect(found).toEqual([
      'i18n key: sync.problems.other',
      'English: Lỗi TypeError: fetch failed',
      'ISO date: Ngày 1978-04-07',
      'English: ArrowDown',
      'code: unknown_supervisor',
      'browser time format: 12/7/2026, 4:33:03 PM'
    ])
    await waitFor(() => expect(true).toBe(true))
  })
})
