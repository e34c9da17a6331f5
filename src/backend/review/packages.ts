// Review packages: proposals carried to an offline supervisor and signed decisions carried back.
import { randomUUID } from 'node:crypto'
import { basename } from 'node:path'
import { z } from 'zod'
import { canonicalJson, type Json } from '../../core/canonical-json'
import type { ApprovalPayload } from '../../core/review/signed-correction'
import type { PackageFile, PackageImport, PackageInfo } from '../../shared/api'
import { AppError } from '../../shared/errors'
import {
  APPROVAL_DECISIONS,
  CORRECTABLE_FIELDS,
  CORRECTION_REASONS,
  CORRECTION_SIDES,
  type ApprovalDecision
} from '../../shared/review'
import { KEY_ROLES, type UserRole } from '../../shared/roles'
import { appendAudit } from '../audit/audit'
import { fingerprintOf, sha256Hex, signBytes, verifyBytes } from '../auth/crypto'
import type { Principal } from '../auth/sessions'
import { trustedKey } from '../auth/users'
import type { Db } from '../db/open'
import { readJsonFile } from '../files/read-json-file'
import {
  approveCorrection,
  getCorrection,
  pairOf,
  rejectCorrection,
  type RejectionPayload
} from './approve'

export const PACKAGE_FORMAT = 'doisoat-review-package'
const MAX_PACKAGE_BYTES = 256 * 1024 * 1024

const signer = z
  .object({
    username: z.string().min(1).max(32),
    role: z.enum(KEY_ROLES),
    publicKey: z.string().min(1).max(200),
    fingerprint: z.string().regex(/^[0-9a-f]{64}$/)
  })
  .strict()

const person = z.record(z.string(), z.union([z.string(), z.number(), z.null()])).nullable()

const proposalItem = z
  .object({
    correction: z
      .object({
        uuid: z.uuid(),
        populationKey: z.string().min(1),
        populationVersion: z.number().int(),
        side: z.enum(CORRECTION_SIDES),
        reason: z.enum(CORRECTION_REASONS),
        reasonText: z.string().nullable(),
        evidence: z.string().nullable(),
        proposedBy: z.string().min(1),
        proposedAt: z.string().min(1),
        proposerFingerprint: z.string().nullable(),
        fields: z
          .array(
            z
              .object({
                field: z.enum(CORRECTABLE_FIELDS),
                oldValue: z.string().nullable(),
                newValue: z.string()
              })
              .strict()
          )
          .min(1)
      })
      .strict(),
    pair: z.object({ source: person, population: person }).strict(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/)
  })
  .strict()

const decisionItem = z
  .object({
    uuid: z.uuid(),
    decision: z.enum(APPROVAL_DECISIONS),
    reason: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()),
    signature: z.string().min(1),
    publicKey: z.string().min(1)
  })
  .strict()

const packageSchema = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    version: z.literal(1),
    kind: z.enum(['proposals', 'decisions']),
    id: z.uuid(),
    replyTo: z.uuid().nullable(),
    createdAt: z.string().min(1),
    signer,
    items: z.array(z.unknown()),
    itemsSha256: z.string().regex(/^[0-9a-f]{64}$/),
    signature: z.string().min(1)
  })
  .strict()
type PackageDoc = z.output<typeof packageSchema>

const itemHash = (item: Record<string, unknown>): string => {
  const { sha256: _s, ...rest } = item
  return sha256Hex(canonicalJson(rest as Json))
}

/** The signed part: everything but the signature, as canonical JSON. */
const bodyBytes = (doc: Omit<PackageDoc, 'signature'>): Uint8Array =>
  new TextEncoder().encode(canonicalJson(doc as unknown as Json))

function signPackage(
  db: Db,
  user: Principal,
  kind: PackageDoc['kind'],
  items: Record<string, unknown>[],
  replyTo: string | null,
  at: string
): PackageFile & { doc: PackageDoc } {
  if (
    !user.privateKey ||
    !user.publicKey ||
    !user.fingerprint ||
    user.role === 'operator' ||
    user.role === 'admin'
  )
    throw new AppError('forbidden', { username: user.username, action: `packages/${kind}` })
  const body: Omit<PackageDoc, 'signature'> = {
    format: PACKAGE_FORMAT,
    version: 1,
    kind,
    id: randomUUID(),
    replyTo,
    createdAt: at,
    signer: {
      username: user.username,
      role: user.role,
      publicKey: user.publicKey,
      fingerprint: user.fingerprint
    },
    items,
    itemsSha256: sha256Hex(canonicalJson(items as Json[]))
  }
  const bytes = bodyBytes(body)
  const doc: PackageDoc = { ...body, signature: signBytes(user.privateKey, bytes) }
  db.prepare(
    `INSERT INTO review_package (id, kind, direction, sha256, signer, signer_fingerprint, reply_to, items, at, by_user)
     VALUES (?, ?, 'export', ?, ?, ?, ?, ?, ?, ?)`
  ).run(
    doc.id,
    kind,
    sha256Hex(bytes),
    user.username,
    user.fingerprint,
    replyTo,
    items.length,
    at,
    user.username
  )
  appendAudit(db, {
    actor: user.username,
    action: `package/export_${kind}`,
    entity: 'review_package',
    entityId: doc.id,
    at,
    detail: { items: items.length, replyTo, sha256: sha256Hex(bytes) }
  })
  const stamp = at.slice(0, 19).replace(/[-:]/g, '').replace('T', '-')
  const name = kind === 'proposals' ? 'goi-duyet' : 'quyet-dinh'
  return {
    doc,
    packageId: doc.id,
    fileName: `${name}-${stamp}.json`,
    content: `${JSON.stringify(doc, null, 2)}\n`,
    count: items.length
  }
}

/** Clerk: every local proposal awaiting approval, with both records, signed by the clerk. */
export function exportProposals(db: Db, user: Principal, at: string): PackageFile {
  return db
    .transaction(() => {
      const uuids = db
        .prepare(
          "SELECT uuid FROM correction WHERE state = 'proposed' AND origin_package IS NULL ORDER BY proposed_at, uuid"
        )
        .pluck()
        .all() as string[]
      const fp = db.prepare('SELECT fingerprint FROM app_user WHERE username = ?').pluck()
      const items = uuids.map((uuid) => {
        const c = getCorrection(db, uuid)
        const { source, population } = pairOf(db, c)
        const item = {
          correction: {
            uuid: c.uuid,
            populationKey: c.populationKey,
            populationVersion: c.populationVersion,
            side: c.side,
            reason: c.reason,
            reasonText: c.reasonText,
            evidence: c.evidence,
            proposedBy: c.proposedBy,
            proposedAt: c.proposedAt,
            proposerFingerprint: (fp.get(c.proposedBy) as string | undefined) ?? null,
            fields: c.fields
          },
          pair: { source, population }
        }
        return { ...item, sha256: itemHash(item) }
      })
      const { doc: _d, ...file } = signPackage(db, user, 'proposals', items, null, at)
      return file
    })
    .immediate()
}

/** Supervisor: the decisions made here on one imported package, each signed, the file signed too. */
export function exportDecisions(
  db: Db,
  user: Principal,
  packageId: string,
  at: string
): PackageFile {
  return db
    .transaction(() => {
      const known = db
        .prepare(
          "SELECT 1 FROM review_package WHERE id = ? AND kind = 'proposals' AND direction = 'import'"
        )
        .get(packageId)
      if (!known) throw new AppError('not_found', { what: 'review_package', id: packageId })
      const rows = db
        .prepare(
          `SELECT a.correction_uuid AS uuid, a.decision, a.reason, a.payload_json, a.signature, a.public_key
           FROM approval a JOIN correction c ON c.uuid = a.correction_uuid
           WHERE c.origin_package = ? AND a.id = (SELECT max(id) FROM approval WHERE correction_uuid = c.uuid)
           ORDER BY a.id`
        )
        .all(packageId) as {
        uuid: string
        decision: ApprovalDecision
        reason: string | null
        payload_json: string
        signature: string
        public_key: string
      }[]
      const items = rows.map((r) => ({
        uuid: r.uuid,
        decision: r.decision,
        reason: r.reason,
        payload: JSON.parse(r.payload_json) as Record<string, unknown>,
        signature: r.signature,
        publicKey: r.public_key
      }))
      const { doc: _d, ...file } = signPackage(db, user, 'decisions', items, packageId, at)
      return file
    })
    .immediate()
}

/** Reads, checks integrity and signature, and checks the signer is trusted here for its role. */
function readPackage(
  db: Db,
  path: string,
  kind: PackageDoc['kind'],
  role: UserRole
): PackageDoc & { sha256: string } {
  const file = basename(path)
  const doc = readJsonFile(path, {
    maxBytes: MAX_PACKAGE_BYTES,
    schema: packageSchema,
    invalid: 'package_invalid'
  })
  if (doc.kind !== kind)
    throw new AppError('package_invalid', { file, detail: `a ${doc.kind} file, not ${kind}` })
  const { signature, ...body } = doc
  const bytes = bodyBytes(body)
  if (fingerprintOf(doc.signer.publicKey) !== doc.signer.fingerprint)
    throw new AppError('package_tampered', { file, detail: 'signer fingerprint' })
  if (!verifyBytes(doc.signer.publicKey, bytes, signature))
    throw new AppError('package_tampered', { file, detail: 'signature' })
  if (sha256Hex(canonicalJson(doc.items as Json[])) !== doc.itemsSha256)
    throw new AppError('package_tampered', { file, detail: 'itemsSha256' })
  const trusted = trustedKey(db, doc.signer.fingerprint)
  if (!trusted || trusted.role !== role || trusted.username !== doc.signer.username)
    throw new AppError('package_untrusted', {
      file,
      username: doc.signer.username,
      fingerprint: doc.signer.fingerprint,
      role
    })
  return { ...doc, sha256: sha256Hex(bytes) }
}

function alreadyImported(db: Db, id: string): boolean {
  return (
    db.prepare("SELECT 1 FROM review_package WHERE id = ? AND direction = 'import'").get(id) !==
    undefined
  )
}

function recordImport(
  db: Db,
  doc: PackageDoc & { sha256: string },
  by: string,
  at: string,
  applied: number,
  skipped: number
): void {
  db.prepare(
    `INSERT INTO review_package (id, kind, direction, sha256, signer, signer_fingerprint, reply_to, items, at, by_user)
     VALUES (?, ?, 'import', ?, ?, ?, ?, ?, ?, ?)`
  ).run(
    doc.id,
    doc.kind,
    doc.sha256,
    doc.signer.username,
    doc.signer.fingerprint,
    doc.replyTo,
    doc.items.length,
    at,
    by
  )
  appendAudit(db, {
    actor: by,
    action: `package/import_${doc.kind}`,
    entity: 'review_package',
    entityId: doc.id,
    at,
    detail: {
      signer: doc.signer.username,
      fingerprint: doc.signer.fingerprint,
      sha256: doc.sha256,
      applied,
      skipped
    }
  })
}

/** Supervisor's machine: the proposals become corrections to decide here; a second import changes nothing. */
export function importProposals(db: Db, user: Principal, path: string, at: string): PackageImport {
  const doc = readPackage(db, path, 'proposals', 'clerk')
  return db
    .transaction((): PackageImport => {
      if (alreadyImported(db, doc.id))
        return { packageId: doc.id, alreadyImported: true, applied: 0, skipped: doc.items.length }
      const items = doc.items.map((raw, i) => {
        const p = proposalItem.safeParse(raw)
        if (!p.success)
          throw new AppError('package_invalid', {
            file: basename(path),
            detail: `items.${i}: ${p.error.issues[0]?.message ?? ''}`
          })
        if (itemHash(p.data) !== p.data.sha256)
          throw new AppError('package_tampered', {
            file: basename(path),
            detail: `items.${i}.sha256`
          })
        return p.data
      })
      // The package row first: items refer to it.
      recordImport(db, doc, user.username, at, 0, 0)
      const exists = db.prepare('SELECT 1 FROM correction WHERE uuid = ?')
      let applied = 0
      for (const { correction: c, pair } of items) {
        if (exists.get(c.uuid)) continue
        db.prepare(
          `INSERT INTO correction (uuid, source_record_id, population_record_id, population_key,
             population_version, side, reason, reason_text, evidence, state, proposed_by, proposed_at,
             updated_at, origin_package)
           VALUES (?, NULL, NULL, ?, ?, ?, ?, ?, ?, 'proposed', ?, ?, ?, ?)`
        ).run(
          c.uuid,
          c.populationKey,
          c.populationVersion,
          c.side,
          c.reason,
          c.reasonText,
          c.evidence,
          c.proposedBy,
          c.proposedAt,
          at,
          doc.id
        )
        const f = db.prepare(
          'INSERT INTO correction_field (correction_uuid, field, old_value, new_value) VALUES (?, ?, ?, ?)'
        )
        for (const x of c.fields) f.run(c.uuid, x.field, x.oldValue, x.newValue)
        db.prepare(
          'INSERT INTO package_item (package_id, correction_uuid, proposer_fingerprint, pair_json) VALUES (?, ?, ?, ?)'
        ).run(doc.id, c.uuid, c.proposerFingerprint ?? doc.signer.fingerprint, JSON.stringify(pair))
        applied++
      }
      db.prepare("UPDATE review_package SET items = ? WHERE id = ? AND direction = 'import'").run(
        items.length,
        doc.id
      )
      return { packageId: doc.id, alreadyImported: false, applied, skipped: items.length - applied }
    })
    .immediate()
}

/** Clerk's machine: each decision verified against a known supervisor's key, then applied. */
export function importDecisions(db: Db, user: Principal, path: string, at: string): PackageImport {
  const doc = readPackage(db, path, 'decisions', 'supervisor')
  const file = basename(path)
  return db
    .transaction((): PackageImport => {
      if (alreadyImported(db, doc.id))
        return { packageId: doc.id, alreadyImported: true, applied: 0, skipped: doc.items.length }
      if (
        !doc.replyTo ||
        !db
          .prepare("SELECT 1 FROM review_package WHERE id = ? AND direction = 'export'")
          .get(doc.replyTo)
      )
        throw new AppError('package_invalid', {
          file,
          detail: 'it answers a package not exported from this database'
        })
      let applied = 0
      let skipped = 0
      doc.items.forEach((raw, i) => {
        const p = decisionItem.safeParse(raw)
        if (!p.success)
          throw new AppError('package_invalid', {
            file,
            detail: `items.${i}: ${p.error.issues[0]?.message ?? ''}`
          })
        const d = p.data
        const fp = fingerprintOf(d.publicKey)
        const who = trustedKey(db, fp)
        const decidedBy = d.decision === 'approve' ? d.payload.approvedBy : d.payload.rejectedBy
        if (!who || who.role !== 'supervisor' || who.username !== decidedBy)
          throw new AppError('package_untrusted', {
            file,
            username: String(decidedBy),
            fingerprint: fp,
            role: 'supervisor'
          })
        const c = getCorrection(db, d.uuid)
        if (c.state !== 'proposed') {
          skipped++
          return
        }
        const decider = {
          username: who.username,
          role: 'supervisor' as const,
          privateKey: null,
          publicKey: d.publicKey
        }
        if (d.decision === 'approve')
          approveCorrection(
            db,
            d.uuid,
            decider,
            at,
            { payload: d.payload as unknown as ApprovalPayload, signature: d.signature },
            doc.id
          )
        else
          rejectCorrection(
            db,
            d.uuid,
            decider,
            d.reason ?? '',
            at,
            { payload: d.payload as unknown as RejectionPayload, signature: d.signature },
            doc.id
          )
        applied++
      })
      recordImport(db, doc, user.username, at, applied, skipped)
      return { packageId: doc.id, alreadyImported: false, applied, skipped }
    })
    .immediate()
}

export function listPackages(db: Db): PackageInfo[] {
  return db
    .prepare(
      `SELECT p.id, p.kind, p.direction, p.signer, p.items, p.at,
         CASE WHEN p.kind = 'proposals' AND p.direction = 'import' THEN
           (SELECT count(*) FROM correction c WHERE c.origin_package = p.id AND c.state <> 'proposed')
         END AS decided
       FROM review_package p ORDER BY p.at DESC, p.id`
    )
    .all() as PackageInfo[]
}
