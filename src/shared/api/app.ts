// Contract of 'app/*' and 'batches/*': what the database holds.
import type { SourceKind } from '../fields'
import { empty } from './common'

export const appInputs = {
  'app/info': empty,
  'batches/list': empty
} as const

export interface AppOutputs {
  'app/info': AppInfo
  'batches/list': BatchSummary[]
}

export interface BatchSummary {
  id: number
  kind: SourceKind
  fileName: string
  sha256: string
  rowsRead: number
  rowsAccepted: number
  rowsRejected: number
  createdAt: string
}

export interface AppInfo {
  version: string
  schemaVersion: number
  dbPath: string
  counts: { population: number; source: number; batches: number; rejected: number }
  /** True when nothing has been imported yet: the UI offers a sample commune. */
  empty: boolean
}
