// Contract of 'records/list': one page of population or source records for the grid.
import { z } from 'zod'
import type { PersonRecord } from '../fields'
import { SORTABLE_FIELDS } from '../fields'
import { rangeMessage, rowRange, validRange, type Page } from './common'

/** Which records a records view shows and in what order: shared by the grid and its export. */
export const recordsView = {
  table: z.enum(['population', 'source']),
  sort: z
    .object({ field: z.enum(SORTABLE_FIELDS), dir: z.enum(['asc', 'desc']) })
    .strict()
    .optional(),
  search: z.string().max(200).optional(),
  batchId: z.number().int().positive().optional()
}

export const recordsInputs = {
  'records/list': z
    .object({ ...recordsView, ...rowRange })
    .strict()
    .refine(validRange, rangeMessage)
} as const

export interface RecordsOutputs {
  'records/list': Page<RecordRow>
}

export interface RecordRow extends PersonRecord {
  id: number
  record_key: string | null
  batch_id: number | null
  row_number: number | null
  version: number | null
}
