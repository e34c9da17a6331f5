// The queue's pure parts: the filter the toolbar edits, the API arguments for a block, the columns.
import type { ColDef, SortModelItem } from 'ag-grid-community'
import type { TFunction } from 'i18next'
import type { ApiInput, MatchGrade, QueueFilter, QueueRow } from '../../../shared/api'
import type { QueueSortField, ReviewState } from '../../../shared/review'
import { QUEUE_SORT_FIELDS } from '../../../shared/review'
import { formatDate } from '../../../core/normalize/date'

/** What the toolbar edits: one choice per filter ('' = all), simpler than the API's lists. */
export interface QueueChoice {
  grade: MatchGrade | ''
  flag: string
  flagOnly: boolean
  state: ReviewState | ''
  batchId: number | null
  commune: string
}

export const NO_CHOICE: QueueChoice = {
  grade: '',
  flag: '',
  flagOnly: false,
  state: '',
  batchId: null,
  commune: ''
}

export function toFilter(c: QueueChoice): QueueFilter {
  const f: QueueFilter = { flagMode: c.flagOnly ? 'only' : 'any' }
  if (c.grade) f.grade = [c.grade]
  if (c.flag) f.flag = [c.flag]
  if (c.state) f.state = [c.state]
  if (c.batchId != null) f.batchId = c.batchId
  const commune = c.commune.trim()
  if (commune) f.commune = commune
  return f
}

/** A saved view's filter back into toolbar choices (the first value of each list). */
export function fromFilter(f: QueueFilter): QueueChoice {
  return {
    grade: f.grade?.[0] ?? '',
    flag: f.flag?.[0] ?? '',
    flagOnly: f.flagMode === 'only',
    state: f.state?.[0] ?? '',
    batchId: f.batchId ?? null,
    commune: f.commune ?? ''
  }
}

export interface QueueSort {
  field: QueueSortField
  dir: 'asc' | 'desc'
}

function isSortField(colId: string): colId is QueueSortField {
  return (QUEUE_SORT_FIELDS as readonly string[]).includes(colId)
}

/** The grid's sort model as the API's sort (the first sortable column), or undefined. */
export function toSort(model: readonly SortModelItem[]): QueueSort | undefined {
  const first = model.find((m) => isSortField(m.colId))
  return first && isSortField(first.colId) ? { field: first.colId, dir: first.sort } : undefined
}

export function queueArgs(
  filter: QueueFilter,
  sort: QueueSort | undefined,
  startRow: number,
  endRow: number
): ApiInput<'review/queue'> {
  return sort ? { filter, sort, startRow, endRow } : { filter, startRow, endRow }
}

export function formatProbability(p: number, lng: string): string {
  return new Intl.NumberFormat(lng === 'vi' ? 'vi-VN' : 'en-US', {
    style: 'percent',
    maximumFractionDigits: p > 0.99 && p < 1 ? 2 : 1
  }).format(p)
}

/** A weight in bits, signed, one decimal, in the language's own decimal mark (+6,2 / −9,9). */
export function formatBits(n: number, lng: string): string {
  return new Intl.NumberFormat(lng === 'vi' ? 'vi-VN' : 'en-US', {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
    signDisplay: 'exceptZero'
  }).format(n)
}

export function flagWords(flags: readonly string[], t: TFunction): string {
  return flags.map((f) => t(`matchFlags.${f}`, { defaultValue: f })).join('; ')
}

/** Columns the queue always shows: who, what differs, where it stands. */
const ALWAYS_SHOWN = ['name', 'flags', 'state'] as const

/** The other columns, in the order they appear as the queue gets wider, with their widths. */
const WHEN_WIDE: readonly { colId: string; width: number }[] = [
  { colId: 'grade', width: 104 },
  { colId: 'dob', width: 100 },
  { colId: 'probability', width: 84 },
  { colId: 'populationName', width: 170 },
  { colId: 'sourceKey', width: 110 },
  { colId: 'populationDob', width: 100 },
  { colId: 'batchId', width: 60 },
  { colId: 'commune', width: 80 }
]

const MIN_WIDTH: Record<(typeof ALWAYS_SHOWN)[number], number> = {
  name: 130,
  flags: 120,
  state: 124
}

/** Room for the grid's vertical scrollbar and borders. */
const GRID_CHROME = 20

/**
 * The columns that fit a queue `width` pixels wide without scrolling sideways: the three that
 * always show (the flags and the state among them), then the others while there is room.
 */
export function visibleColumns(width: number): string[] {
  let used = GRID_CHROME + Object.values(MIN_WIDTH).reduce((a, b) => a + b, 0)
  const shown: string[] = [...ALWAYS_SHOWN]
  for (const c of WHEN_WIDE) {
    if (used + c.width > width) break
    used += c.width
    shown.push(c.colId)
  }
  return shown
}

/**
 * The states a clerk works through after a decision: those of the list on screen when it is
 * filtered by state (auto-accepted pairs, say), else the open ones.
 */
export function statesToReview(filter: QueueFilter): readonly ReviewState[] {
  return filter.state && filter.state.length > 0 ? filter.state : ['open']
}

/**
 * Where the next pair to review is in a block of queue rows (its state one of `states`), skipping
 * the pair just decided (it may still be listed when the filter shows decided pairs too); -1 when
 * the block has none.
 */
export function nextOpen(
  rows: readonly QueueRow[],
  decidedId: number,
  states: readonly ReviewState[] = ['open']
): number {
  return rows.findIndex((r) => states.includes(r.state) && r.sourceRecordId !== decidedId)
}

export function queueColumns(t: TFunction, lng: string): ColDef<QueueRow>[] {
  const c = (key: string): string => t(`queue.columns.${key}`)
  const width = (colId: string): number => WHEN_WIDE.find((w) => w.colId === colId)!.width
  const date = ({ value }: { value: unknown }): string =>
    formatDate((value as string | null) ?? null)
  return [
    {
      colId: 'sourceKey',
      field: 'sourceKey',
      headerName: c('sourceKey'),
      width: width('sourceKey')
    },
    {
      colId: 'name',
      field: 'name',
      headerName: c('name'),
      sortable: true,
      flex: 3,
      minWidth: MIN_WIDTH.name
    },
    {
      colId: 'dob',
      field: 'dob',
      headerName: c('dob'),
      sortable: true,
      width: width('dob'),
      valueFormatter: date
    },
    {
      colId: 'populationName',
      field: 'populationName',
      headerName: c('populationName'),
      width: width('populationName')
    },
    {
      colId: 'populationDob',
      field: 'populationDob',
      headerName: c('populationDob'),
      width: width('populationDob'),
      valueFormatter: date
    },
    {
      colId: 'grade',
      field: 'grade',
      headerName: c('grade'),
      sortable: true,
      width: width('grade'),
      valueFormatter: ({ value }) => (value ? t(`queue.grades.${String(value)}`) : '')
    },
    {
      colId: 'probability',
      field: 'probability',
      headerName: c('probability'),
      sortable: true,
      width: width('probability'),
      type: 'rightAligned',
      valueFormatter: ({ value }) =>
        typeof value === 'number' ? formatProbability(value, lng) : ''
    },
    {
      colId: 'flags',
      field: 'flags',
      headerName: c('flags'),
      flex: 2,
      minWidth: MIN_WIDTH.flags,
      valueFormatter: ({ value }) => (Array.isArray(value) ? flagWords(value as string[], t) : ''),
      tooltipValueGetter: ({ value }) =>
        Array.isArray(value) ? flagWords(value as string[], t) : ''
    },
    {
      colId: 'state',
      field: 'state',
      headerName: c('state'),
      sortable: true,
      width: MIN_WIDTH.state,
      valueFormatter: ({ value }) => (value ? t(`queue.stateShort.${String(value)}`) : '')
    },
    { colId: 'batchId', field: 'batchId', headerName: c('batch'), width: width('batchId') },
    { colId: 'commune', field: 'commune', headerName: c('commune'), width: width('commune') }
  ]
}
