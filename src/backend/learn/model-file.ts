// Model files: what a version learnt (weights and counts, nothing about any person) signed for another commune, checked on import.
import { randomUUID } from 'node:crypto'
import { basename } from 'node:path'
import { z } from 'zod'
import { canonicalJson } from '../../core/canonical-json'
import { COMPARISONS } from '../../core/match/compare'
import { bitsOf, layersBits, type AdjustLayer } from '../../core/match/learn'
import { gradeOf, type ModelParams } from '../../core/match/model'
import type { ModelFile, ModelImportPreview, VersionSummary } from '../../shared/api'
import { AppError } from '../../shared/errors'
import { KEY_ROLES } from '../../shared/roles'
import { appendAudit } from '../audit/audit'
import { fingerprintOf, sha256Hex, signBytes, verifyBytes } from '../auth/crypto'
import type { Principal } from '../auth/sessions'
import { trustedKey } from '../auth/users'
import type { Db } from '../db/open'
import { readJsonFile } from '../files/read-json-file'
import { openPairs } from './teach'
import {
  ensureActiveVersion,
  getVersion,
  insertVersion,
  latestRun,
  levelChanges,
  type VersionRow
} from './versions'

export const MODEL_FORMAT = 'doisoat-model'
/** A model file holds a few thousand numbers; anything much larger is not one. */
const MAX_MODEL_BYTES = 8 * 1024 * 1024

const bits = z.number().finite().min(-64).max(64)
const part = z
  .object({
    levels: z.array(z.array(bits).max(16)).length(COMPARISONS.length),
    patterns: z.record(z.string().regex(/^\d{1,20}$/), bits),
    labels: z.object({ match: z.number().int().min(0), nonMatch: z.number().int().min(0) }).strict()
  })
  .strict()
/** A profile is a register kind and a commune code: never a name or a record. */
const profile = z.string().regex(/^[a-z_-]{0,32}\|[0-9A-Za-z._-]{0,16}$/)
const layer = z
  .object({
    origin: z.enum(['local', 'imported']),
    global: part,
    profiles: z.record(profile, part)
  })
  .strict()
const counts = z.object({ match: z.number().int().min(0), not: z.number().int().min(0) }).strict()

/** What the file carries: the learnt layers and how many decisions taught them. */
const modelBody = z
  .object({
    layers: z.array(layer).min(1).max(16),
    labels: z.number().int().min(0),
    match: z.number().int().min(0),
    not: z.number().int().min(0),
    byProfile: z.record(profile, counts)
  })
  .strict()

const fileSchema = z
  .object({
    format: z.literal(MODEL_FORMAT),
    version: z.literal(1),
    id: z.uuid(),
    createdAt: z.string().min(1).max(40),
    signer: z
      .object({
        username: z.string().min(1).max(32),
        role: z.enum(KEY_ROLES),
        publicKey: z.string().min(1).max(200),
        fingerprint: z.string().regex(/^[0-9a-f]{64}$/)
      })
      .strict(),
    model: modelBody,
    signature: z.string().min(1).max(200)
  })
  .strict()
type ModelDoc = z.output<typeof fileSchema>

const bodyBytes = (doc: Omit<ModelDoc, 'signature'>): Uint8Array =>
  new TextEncoder().encode(canonicalJson(doc))

/**
 * A version as a signed file. Only the layers learnt from decisions travel: the fitted m and u
 * describe this commune's data and are fitted again wherever the file is applied.
 */
export function exportModel(db: Db, user: Principal, versionId: number, at: string): ModelFile {
  if (!user.privateKey || !user.publicKey || !user.fingerprint || user.role === 'operator')
    throw new AppError('forbidden', { username: user.username, action: 'learn/export' })
  const role = user.role as (typeof KEY_ROLES)[number]
  if (!(KEY_ROLES as readonly string[]).includes(role))
    throw new AppError('forbidden', { username: user.username, action: 'learn/export' })
  const v = getVersion(db, versionId)
  const layers = v.params.layers ?? []
  if (layers.length === 0) throw new AppError('learn_no_labels')
  const body: Omit<ModelDoc, 'signature'> = {
    format: MODEL_FORMAT,
    version: 1,
    id: randomUUID(),
    createdAt: at,
    signer: {
      username: user.username,
      role,
      publicKey: user.publicKey,
      fingerprint: user.fingerprint
    },
    model: {
      layers: JSON.parse(JSON.stringify(layers)) as AdjustLayer[],
      labels: v.summary.labels,
      match: v.summary.match,
      not: v.summary.not,
      byProfile: v.summary.byProfile
    }
  }
  // What is signed is checked against the schema first: a file this app would refuse is never made.
  const doc = fileSchema.parse({ ...body, signature: signBytes(user.privateKey, bodyBytes(body)) })
  appendAudit(db, {
    actor: user.username,
    action: 'model/export',
    entity: 'model_version',
    entityId: versionId,
    at,
    detail: { fileId: doc.id, sha256: sha256Hex(bodyBytes(body)) }
  })
  const stamp = at.slice(0, 19).replace(/[-:]/g, '').replace('T', '-')
  return { fileName: `mo-hinh-${stamp}.json`, content: `${JSON.stringify(doc, null, 2)}\n` }
}

/** Reads a model file and checks its form, its signature and that its signer is trusted here. */
export function readModelFile(db: Db, path: string): ModelDoc {
  const file = basename(path)
  const doc = readJsonFile(path, {
    maxBytes: MAX_MODEL_BYTES,
    schema: fileSchema,
    invalid: 'model_file_invalid'
  })
  const { signature, ...body } = doc
  if (fingerprintOf(doc.signer.publicKey) !== doc.signer.fingerprint)
    throw new AppError('model_file_tampered', { file, detail: 'signer fingerprint' })
  if (!verifyBytes(doc.signer.publicKey, bodyBytes(body), signature))
    throw new AppError('model_file_tampered', { file, detail: 'signature' })
  const trusted = trustedKey(db, doc.signer.fingerprint, doc.createdAt)
  if (!trusted || trusted.username !== doc.signer.username)
    throw new AppError('model_file_untrusted', {
      file,
      username: doc.signer.username,
      fingerprint: doc.signer.fingerprint
    })
  return doc
}

/** The model a file makes here: the version grading the queue, with the file's layers on top. */
function importedParams(base: ModelParams, doc: ModelDoc): ModelParams {
  const own = (base.layers ?? []).filter((l) => l.origin === 'local')
  const brought = doc.model.layers.map((l) => ({ ...l, origin: 'imported' as const }))
  return { ...base, layers: [...own, ...brought] }
}

/**
 * Keep a model file as a version not yet applied, and say what applying it would change: each
 * level's weight, and the open pairs whose grade would move (scored exactly: the file adds its
 * layers' bits to what the current model gives each pair). A file imported before is not kept twice.
 */
export function importModel(db: Db, user: Principal, path: string, at: string): ModelImportPreview {
  const doc = readModelFile(db, path)
  return db
    .transaction(() => {
      const existing = db
        .prepare('SELECT id FROM model_version WHERE file_id = ?')
        .pluck()
        .get(doc.id) as number | undefined
      const activeId = ensureActiveVersion(db, user.username, at)
      const active = getVersion(db, activeId)
      let version: VersionRow
      if (existing !== undefined) version = getVersion(db, existing)
      else {
        const summary: VersionSummary = {
          labels: doc.model.labels,
          match: doc.model.match,
          not: doc.model.not,
          byProfile: doc.model.byProfile,
          profiles: [...new Set(doc.model.layers.flatMap((l) => Object.keys(l.profiles)))],
          patterns: doc.model.layers.reduce((n, l) => n + Object.keys(l.global.patterns).length, 0),
          runId: null
        }
        const id = insertVersion(db, {
          parentId: activeId,
          origin: 'imported',
          params: importedParams(active.params, doc),
          summary,
          actor: user.username,
          at,
          file: { id: doc.id, signer: doc.signer.username, fingerprint: doc.signer.fingerprint }
        })
        appendAudit(db, {
          actor: user.username,
          action: 'model/import',
          entity: 'model_version',
          entityId: id,
          at,
          detail: {
            fileId: doc.id,
            signer: doc.signer.username,
            fingerprint: doc.signer.fingerprint
          }
        })
        version = getVersion(db, id)
      }
      const run = latestRun(db)!
      const t = run.params.thresholds
      const regrade = { openPairs: 0, changed: 0, linked: 0, unlinked: 0 }
      for (const p of openPairs(db, run.id)) {
        const now = bitsOf(p.probability)
        const then =
          now -
          layersBits(run.params.layers, p.profile, p.levels) +
          layersBits(version.params.layers, p.profile, p.levels)
        const a = gradeOf(p.probability, t)
        const b = gradeOf(1 / (1 + 2 ** -then), t)
        regrade.openPairs++
        if (a !== b) regrade.changed++
        if (a === 'none' && b !== 'none') regrade.linked++
        if (a !== 'none' && b === 'none') regrade.unlinked++
      }
      return {
        versionId: version.id,
        alreadyImported: existing !== undefined,
        signer: doc.signer.username,
        fingerprint: doc.signer.fingerprint,
        createdAt: doc.createdAt,
        summary: version.summary,
        changes: levelChanges(active.params, version.params),
        regrade
      }
    })
    .immediate()
}
