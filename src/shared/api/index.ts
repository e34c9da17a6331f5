// The one API contract between the renderer (or CLI) and the backend: each domain's file holds its
// names, input schemas and output types side by side; this index merges them into one registry.
import type { z } from 'zod'
import type { ApiErrorShape } from '../errors'
import { appInputs, type AppOutputs } from './app'
import { approveInputs, type ApproveOutputs } from './approve'
import { authInputs, type AuthOutputs } from './auth'
import { backupInputs, type BackupOutputs, type BackupSummary } from './backup'
import { importInputs, type ImportOutputs, type ImportSummary } from './imports'
import { jobInputs, type JobEnd, type JobKind, type JobOutputs, type SampleResult } from './jobs'
import { learnInputs, type LearnOutputs, type LearnSummary } from './learn'
import { matchInputs, type MatchOutputs, type MatchSummary } from './match'
import { recordsInputs, type RecordsOutputs } from './records'
import { reportInputs, type ReportOutputs } from './reports'
import { reviewInputs, type ReviewOutputs } from './review'
import { settingsInputs, type SettingsOutputs } from './settings'
import { syncInputs, type SyncOutputs, type SyncSummary } from './sync'

export * from './app'
export * from './approve'
export * from './auth'
export * from './backup'
export * from './common'
export * from './imports'
export * from './jobs'
export * from './learn'
export * from './match'
export * from './records'
export * from './reports'
export * from './review'
export * from './settings'
export * from './sync'
export type { MatchGrade } from '../match'
export { USER_ROLES, type UserRole } from '../roles'

/** Input schemas, validated at the backend boundary. Names are 'domain/verb'. */
export const inputs = {
  ...appInputs,
  ...recordsInputs,
  ...importInputs,
  ...jobInputs,
  ...matchInputs,
  ...reviewInputs,
  ...authInputs,
  ...approveInputs,
  ...reportInputs,
  ...syncInputs,
  ...backupInputs,
  ...settingsInputs,
  ...learnInputs
} as const

export type ApiName = keyof typeof inputs
export type ApiInput<N extends ApiName> = z.input<(typeof inputs)[N]>
export type ApiParsedInput<N extends ApiName> = z.output<(typeof inputs)[N]>

/** Output types by handler name. */
export interface Outputs
  extends
    AppOutputs,
    RecordsOutputs,
    ImportOutputs,
    JobOutputs,
    MatchOutputs,
    ReviewOutputs,
    AuthOutputs,
    ApproveOutputs,
    ReportOutputs,
    SyncOutputs,
    BackupOutputs,
    SettingsOutputs,
    LearnOutputs {}

/** True when two object types have the same keys. */
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never]
  ? true
  : false
// Each domain lists an output for exactly its own inputs: a name added on one side only fails here.
const _eachDomainComplete: [
  SameKeys<typeof appInputs, AppOutputs>,
  SameKeys<typeof recordsInputs, RecordsOutputs>,
  SameKeys<typeof importInputs, ImportOutputs>,
  SameKeys<typeof jobInputs, JobOutputs>,
  SameKeys<typeof matchInputs, MatchOutputs>,
  SameKeys<typeof reviewInputs, ReviewOutputs>,
  SameKeys<typeof authInputs, AuthOutputs>,
  SameKeys<typeof approveInputs, ApproveOutputs>,
  SameKeys<typeof reportInputs, ReportOutputs>,
  SameKeys<typeof syncInputs, SyncOutputs>,
  SameKeys<typeof backupInputs, BackupOutputs>,
  SameKeys<typeof settingsInputs, SettingsOutputs>,
  SameKeys<typeof learnInputs, LearnOutputs>
] = [true, true, true, true, true, true, true, true, true, true, true, true, true]

export type ApiOutput<N extends ApiName> = Outputs[N]

/** Events pushed from backend to clients (window.api.on). */
export interface Events {
  /**
   * What `done` and `total` count depends on the job and phase: an import's phases ('read',
   * 'write', 'index') count bytes of its file; a match's 'scan' and 'write' count source records
   * ('fit' has no count); the sample's phases ('generate', 'population', 'registry') count records;
   * a sync's 'push' counts corrections and 'pull' records (no total).
   */
  'job/progress': {
    jobId: string
    kind: JobKind
    phase: string
    done: number
    total: number | null
  }
  'job/done': {
    jobId: string
    kind: JobKind
    state: JobEnd
    result?:
      ImportSummary | SampleResult | MatchSummary | LearnSummary | SyncSummary | BackupSummary
    error?: ApiErrorShape
  }
}
export type EventName = keyof Events

export const EVENT_NAMES: readonly EventName[] = ['job/progress', 'job/done']

export const API_NAMES = Object.keys(inputs) as ApiName[]

/** The surface the preload exposes as window.api, and web mode mirrors. */
export interface WindowApi {
  call<N extends ApiName>(name: N, args: ApiInput<N>): Promise<ApiOutput<N>>
  on<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void
}
