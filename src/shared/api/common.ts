// Pieces of the contract every domain uses: the empty input, job ids, pages of rows, downloads.
import { z } from 'zod'
import { LANGUAGES } from '../i18n/languages'

export const empty = z.object({}).strict()

export const jobId = z.string().min(1).max(64)

/** A block of a server-side paged grid: rows startRow (inclusive) to endRow (exclusive). */
export const rowRange = { startRow: z.number().int().min(0), endRow: z.number().int().min(1) }

/** A page is never empty and never more than 1000 rows, so one call stays small. */
export const validRange = (v: { startRow: number; endRow: number }): boolean =>
  v.endRow > v.startRow && v.endRow - v.startRow <= 1000
export const rangeMessage = {
  message: 'endRow must be after startRow, at most 1000 rows per page',
  path: ['endRow']
}

/** The language of a file the backend writes (headers, coded values). */
export const lang = z.enum(LANGUAGES).default('vi')

/** What a call that starts long work answers: the job to follow (job/progress, job/done). */
export interface JobStarted {
  jobId: string
}

/** One page of a grid and the total the filter matches. */
export interface Page<T> {
  rows: T[]
  total: number
}

/** A file the backend made for the clerk: saved through the browser download (or Electron's dialog). */
export interface FileDownload {
  fileName: string
  mime: string
  base64: string
}
