// `doisoat package export|import|decisions` and `doisoat verify-correction`: offline approval by file.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { AppError } from '../../shared/errors'
import { tr } from '../../shared/i18n'
import { fingerprintOf, groupFingerprint, verifyBytes } from '../../backend/auth/crypto'
import { trustedKey } from '../../backend/auth/users'
import { openDb } from '../../backend/db/open'
import { signedApprovalOf, verifyApproval } from '../../backend/review/approve'
import { approvalBytes, type SignedApproval } from '../../core/review/signed-correction'
import { checkOutputPath, writeFileAtomic } from '../../backend/files/write-atomic'
import { unlockCli } from '../unlock'
import type { CliContext, Command } from '../command'
import { withUser } from '../session'

const db = { name: 'db', type: 'string', required: true, arg: 'D' } as const
const user = { name: 'user', type: 'string', required: true, arg: 'U' } as const

/** Writes an exported package to --out and says so. */
async function writePackage(
  file: { content: string; count: number; packageId: string },
  out: string,
  ctx: CliContext
): Promise<number> {
  await writeFileAtomic(out, file.content)
  ctx.out(tr('cli.packageWritten', { file: out, count: file.count, id: file.packageId }, ctx.lang))
  return 0
}

export const packageExport: Command = {
  name: 'package export',
  options: [db, user, { name: 'out', type: 'string', required: true, arg: 'FILE' }],
  run(opts, ctx) {
    const out = resolve(String(opts.out))
    checkOutputPath(out)
    return withUser(resolve(String(opts.db)), String(opts.user), ctx, async (clerk) =>
      writePackage(await clerk.call('packages/exportProposals', {}), out, ctx)
    )
  }
}

export const packageDecisions: Command = {
  name: 'package decisions',
  options: [
    db,
    user,
    { name: 'package', type: 'string', required: true, arg: 'ID' },
    { name: 'out', type: 'string', required: true, arg: 'FILE' }
  ],
  run(opts, ctx) {
    const out = resolve(String(opts.out))
    checkOutputPath(out)
    return withUser(resolve(String(opts.db)), String(opts.user), ctx, async (sup) =>
      writePackage(
        await sup.call('packages/exportDecisions', { packageId: String(opts.package) }),
        out,
        ctx
      )
    )
  }
}

/** Imports either kind: proposals on a supervisor's machine, decisions on the clerk's. */
export const packageImport: Command = {
  name: 'package import',
  options: [db, user, { name: 'file', type: 'string', required: true, arg: 'FILE' }],
  async run(opts, ctx) {
    const path = resolve(String(opts.file))
    let kind: unknown
    try {
      kind = (JSON.parse(readFileSync(path, 'utf8')) as { kind?: unknown }).kind
    } catch (e) {
      throw new AppError('package_invalid', { file: path, detail: (e as Error).message })
    }
    return withUser(resolve(String(opts.db)), String(opts.user), ctx, async (u) => {
      const r =
        kind === 'decisions'
          ? await u.call('packages/importDecisions', { path })
          : await u.call('packages/importProposals', { path })
      ctx.out(
        r.alreadyImported
          ? tr('cli.packageAgain', { id: r.packageId }, ctx.lang)
          : tr(
              'cli.packageImported',
              { id: r.packageId, applied: r.applied, skipped: r.skipped },
              ctx.lang
            )
      )
      return 0
    })
  }
}

/**
 * Verifies an approval: stored in a database (--uuid), or a signed approval file (--file, the
 * form the gateway receives). With --db, the key must belong to a supervisor known there.
 */
export const verifyCorrection: Command = {
  name: 'verify-correction',
  options: [
    { name: 'db', type: 'string', arg: 'D' },
    { name: 'uuid', type: 'string', arg: 'UUID' },
    { name: 'file', type: 'string', arg: 'FILE' },
    { name: 'write', type: 'string', arg: 'FILE' }
  ],
  async run(opts, ctx) {
    const t = (k: string, p: Record<string, unknown> = {}) => tr(k, p, ctx.lang)
    if (!opts.uuid && !opts.file) throw new AppError('validation', { detail: t('cli.verifyWhat') })
    if (opts.db) await unlockCli(resolve(String(opts.db)), ctx)
    const d = opts.db ? openDb(resolve(String(opts.db)), { readonly: true }) : null
    try {
      if (opts.uuid) {
        if (!d) throw new AppError('validation', { detail: t('cli.verifyWhat') })
        const check = verifyApproval(d, String(opts.uuid))
        ctx.out(
          check.valid
            ? t('cli.approvalValid', {
                uuid: check.uuid,
                by: check.decidedBy,
                at: check.decidedAt,
                fingerprint: groupFingerprint(check.fingerprint ?? '')
              })
            : t('cli.approvalInvalid', { uuid: check.uuid, problem: check.problem })
        )
        const signed = signedApprovalOf(d, String(opts.uuid))
        if (opts.write && signed)
          await writeFileAtomic(resolve(String(opts.write)), `${JSON.stringify(signed, null, 2)}\n`)
        return check.valid ? 0 : 1
      }
      const file = resolve(String(opts.file))
      let signed: SignedApproval
      try {
        signed = JSON.parse(readFileSync(file, 'utf8')) as SignedApproval
      } catch (e) {
        throw new AppError('file_unreadable', { path: file, detail: (e as Error).message })
      }
      const uuid = String(signed.payload?.uuid ?? '?')
      let ok = false
      try {
        ok = verifyBytes(signed.publicKey, approvalBytes(signed.payload), signed.signature)
      } catch {
        ok = false
      }
      const fingerprint = ok ? fingerprintOf(signed.publicKey) : ''
      let problem = ok ? null : 'bad_signature'
      if (ok && d) {
        const who = trustedKey(d, fingerprint)
        if (!who || who.role !== 'supervisor' || who.username !== signed.payload.approvedBy)
          problem = 'untrusted_key'
      }
      ctx.out(
        problem
          ? t('cli.approvalInvalid', { uuid, problem })
          : t('cli.approvalValid', {
              uuid,
              by: signed.payload.approvedBy,
              at: signed.payload.approvedAt,
              fingerprint: groupFingerprint(fingerprint)
            })
      )
      if (!problem && !d) ctx.out(t('cli.approvalKeyUnchecked'))
      return problem ? 1 : 0
    } finally {
      d?.close()
    }
  }
}
