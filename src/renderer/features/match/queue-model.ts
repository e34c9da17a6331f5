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

export function flagWords(flags: readonly string[], t: TFunction): string {
  return flags.map((f) => t(`matchFlags.${f}`, { defaultValue: f })).join('; ')
}

export function queueColumns(t: TFunction, lng: string): ColDef<QueueRow>[] {
  const c = (key: string): string => t(`queue.columns.${key}`)
  return [
    { colId: 'sourceKey', field: 'sourceKey', headerName: c('sourceKey'), width: 120 },
    { colId: 'name', field: 'name', headerName: c('name'), sortable: true, width: 190 },
    {
      colId: 'dob',
      field: 'dob',
      headerName: c('dob'),
      sortable: true,
      width: 130,
      valueFormatter: ({ value }) => formatDate((value as string | null) ?? null)
    },
    {
      colId: 'populationName',
      field: 'populationName',
      headerName: c('populationName'),
      width: 190
    },
    {
      colId: 'populationDob',
      field: 'populationDob',
      headerName: c('populationDob'),
      width: 130,
      valueFormatter: ({ value }) => formatDate((value as string | null) ?? null)
    },
    {
      colId: 'grade',
      field: 'grade',
      headerName: c('grade'),
      sortable: true,
      width: 120,
      valueFormatter: ({ value }) => (value ? t(`queue.grades.${String(value)}`) : '')
    },
    {
      colId: 'probability',
      field: 'probability',
      headerName: c('probability'),
      sortable: true,
      width: 110,
      type: 'rightAligned',
      valueFormatter: ({ value }) =>
        typeof value === 'number' ? formatProbability(value, lng) : ''
    },
    {
      colId: 'flags',
      field: 'flags',
      headerName: c('flags'),
      flex: 1,
      minWidth: 220,
      valueFormatter: ({ value }) => (Array.isArray(value) ? flagWords(value as string[], t) : '')
    },
    {
      colId: 'state',
      field: 'state',
      headerName: c('state'),
      sortable: true,
      width: 170,
      valueFormatter: ({ value }) => (value ? t(`review.states.${String(value)}`) : '')
    },
    { colId: 'batchId', field: 'batchId', headerName: c('batch'), width: 70 },
    { colId: 'commune', field: 'commune', headerName: c('commune'), width: 90 }
  ]
}
