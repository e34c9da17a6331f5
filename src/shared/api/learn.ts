// Contract of 'learn/*': the matcher learning from clerks' decisions (teach view, re-fits, versions, model files).
import { z } from 'zod'
import type { MatchGrade } from '../match'
import { empty, type JobStarted } from './common'
import type { MatchSummary } from './match'

const versionId = z.number().int().positive()

/** What a clerk may do to every open pair like the one just decided. */
export const SIMILAR_ACTIONS = ['accept', 'reject'] as const
export type SimilarAction = (typeof SIMILAR_ACTIONS)[number]

export const learnInputs = {
  'learn/status': empty,
  /** The open pairs whose answers would tell the model most, most telling first. */
  'learn/teach': z.object({ limit: z.number().int().min(1).max(200).default(20) }).strict(),
  /** Learn again from every decision: a job that re-grades the open pairs with a new version. */
  'learn/refit': empty,
  /** Grade the open pairs with an earlier version again (a job). */
  'learn/rollback': z.object({ versionId }).strict(),
  /** A version's weights beside its parent's, for the whole register or one profile. */
  'learn/version': z.object({ versionId, profile: z.string().max(80).optional() }).strict(),
  /**
   * The same decision for every open pair like this record's (same level pattern and flags):
   * counted first (dryRun), applied only while the count confirmed still holds.
   */
  'learn/similar': z
    .object({
      sourceRecordId: z.number().int().positive(),
      action: z.enum(SIMILAR_ACTIONS),
      dryRun: z.boolean(),
      expectedCount: z.number().int().min(0).optional()
    })
    .strict(),
  /** A version as a signed file: weights and counts, nothing about any person. */
  'learn/export': z.object({ versionId }).strict(),
  /** Read a signed model file: checked, kept as a version not yet applied, and what it would change. */
  'learn/import': z.object({ path: z.string().min(1).max(4096) }).strict(),
  /** Grade the open pairs with an imported version (a job). */
  'learn/apply': z.object({ versionId }).strict()
} as const

export interface LearnOutputs {
  'learn/status': LearnStatus
  'learn/teach': TeachList
  'learn/refit': JobStarted
  'learn/rollback': JobStarted
  'learn/version': VersionDetail
  'learn/similar': { count: number; applied: boolean }
  'learn/export': ModelFile
  'learn/import': ModelImportPreview
  'learn/apply': JobStarted
}

/** A learn job's result: the run that re-graded the open pairs, and the version it graded with. */
export interface LearnSummary extends MatchSummary {
  versionId: number
}

/** What a version learnt from and what it did to the open pairs. */
export interface VersionSummary {
  /** Decisions it learnt from: all, true pairs among them, rows that are not a candidate. */
  labels: number
  match: number
  not: number
  /** The same per profile ('kind|commune'). */
  byProfile: Record<string, { match: number; not: number }>
  /** Profiles with enough decisions to be learnt on their own. */
  profiles: string[]
  /** Level patterns that got a correction of their own. */
  patterns: number
  /** The run it graded first (null: not applied yet). */
  runId: number | null
  /** Expected wrong link decisions among the open pairs: under the version before, and this one. */
  expectedError?: { before: number | null; after: number }
  openPairs?: number
  /** Open rows whose grade it changed. */
  regraded?: number
}

export interface ModelVersionInfo {
  id: number
  parentId: number | null
  origin: 'fitted' | 'learnt' | 'imported'
  /** The version grading the queue now. */
  active: boolean
  summary: VersionSummary
  /** Who signed an imported file. */
  signer: string | null
  createdBy: string
  createdAt: string
}

export interface LearnStatus {
  runId: number | null
  activeVersionId: number | null
  versions: ModelVersionInfo[]
  labels: { total: number; match: number; not: number }
  /** Decisions made since the version grading the queue was learnt. */
  newLabels: number
  expectedError: number
  openPairs: number
}

/** One field's level weight in two models (bits; before is null without a parent). */
export interface LevelChange {
  field: string
  level: string
  used: boolean
  before: number | null
  after: number
}

export interface VersionDetail {
  version: ModelVersionInfo
  parent: ModelVersionInfo | null
  /** Profiles with a part of their own in this version. */
  profiles: string[]
  profile: string | null
  changes: LevelChange[]
  /** The largest pattern corrections: the levels of the pattern and the bits it adds. */
  patterns: { levels: Record<string, string | null>; bits: number }[]
}

export type TeachReason = 'threshold' | 'unseen' | 'disagree' | 'pattern'

/** The fields a clerk compares to answer a question. */
export interface TeachPerson {
  key: string | null
  name: string
  dob: string | null
  sex: string | null
  residence: string | null
  father: string | null
  mother: string | null
}

export interface TeachRow {
  sourceRecordId: number
  pairId: number
  populationRecordId: number
  source: TeachPerson
  population: TeachPerson
  probability: number
  grade: MatchGrade
  levels: Record<string, string | null>
  flags: string[]
  reason: TeachReason
  /** Expected wrong decisions one answer may clear (the order of the list). */
  value: number
  /** The pair under the version before (null: no other version to ask). */
  otherProbability: number | null
  /** Other open pairs with the same level pattern and flags ("the same for K similar pairs"). */
  similar: number
  /** Decisions already made on pairs of the same pattern. */
  patternLabels: number
}

export interface TeachList {
  runId: number | null
  rows: TeachRow[]
  expectedError: number
  openPairs: number
}

export interface ModelFile {
  fileName: string
  /** The whole signed file (JSON text). */
  content: string
}

export interface ModelImportPreview {
  versionId: number
  /** The same file was imported before: nothing new was kept. */
  alreadyImported: boolean
  signer: string
  fingerprint: string
  createdAt: string
  summary: VersionSummary
  /** Level weights now and once applied, for the whole register. */
  changes: LevelChange[]
  /** Open pairs whose grade would change, and how many would gain or lose a link. */
  regrade: { openPairs: number; changed: number; linked: number; unlinked: number }
}
