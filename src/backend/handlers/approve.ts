// 'approvals/*', 'packages/*', 'corrections/verify' and what follows a refusal or conflict
// ('corrections/resubmit|resign|withdraw'): four-eyes decisions and review packages.
import type { approveInputs } from '../../shared/api'
import { AppError } from '../../shared/errors'
import type { UserRole } from '../../shared/roles'
import type { Principal } from '../auth/sessions'
import {
  approvalItem,
  approveCorrection,
  bulkTargets,
  getCorrection,
  listApprovals,
  rejectCorrection,
  verifyApproval,
  type Decider
} from '../review/approve'
import { proposeAgain, resignCorrection, withdrawCorrection } from '../review/followup'
import {
  exportDecisions,
  exportProposals,
  importDecisions,
  importProposals,
  listPackages
} from '../review/packages'
import type { HandlerContext, Handlers } from './types'

/** The signed-in caller; the permission table already let only real users through. */
function caller(ctx: HandlerContext): Principal {
  if (!ctx.user || ctx.user.role === 'operator') throw new AppError('not_signed_in')
  return ctx.user
}

function decider(ctx: HandlerContext): Decider {
  const u = caller(ctx)
  if (!u.publicKey) throw new AppError('not_signed_in')
  return {
    username: u.username,
    role: u.role as UserRole,
    privateKey: u.privateKey,
    publicKey: u.publicKey
  }
}

const iso = (ctx: HandlerContext): string => new Date(ctx.now()).toISOString()

/** A package file is read once: an upload is gone afterwards, whether it was applied or refused. */
function readOnce<T>(ctx: HandlerContext, ref: string, read: (file: string) => T): T {
  try {
    return read(ctx.files.path(ref))
  } finally {
    ctx.files.release(ref)
  }
}

export const approveHandlers: Handlers<keyof typeof approveInputs> = {
  'corrections/resubmit': (args, ctx) => proposeAgain(ctx.db, args.uuid, ctx.actor, iso(ctx)),
  'corrections/resign': (args, ctx) => resignCorrection(ctx.db, args.uuid, decider(ctx), iso(ctx)),
  'corrections/withdraw': (args, ctx) =>
    withdrawCorrection(ctx.db, args.uuid, ctx.actor, iso(ctx), args.reason ?? null),
  'corrections/verify': (args, { db }) => verifyApproval(db, args.uuid),
  'approvals/list': (args, { db }) =>
    listApprovals(db, args.state, args.filter, args.startRow, args.endRow),
  'approvals/decide': (args, ctx) => {
    const d = decider(ctx)
    if (args.decision === 'approve') approveCorrection(ctx.db, args.uuid, d, iso(ctx))
    else rejectCorrection(ctx.db, args.uuid, d, args.reason ?? '', iso(ctx))
    return approvalItem(ctx.db, getCorrection(ctx.db, args.uuid))
  },
  'approvals/bulk': (args, ctx) => {
    const d = decider(ctx)
    const { db } = ctx
    return db
      .transaction(() => {
        const { uuids, own } = bulkTargets(db, args.filter, d.username)
        if (args.dryRun) return { count: uuids.length, ownExcluded: own, applied: false }
        if (args.expectedCount !== undefined && args.expectedCount !== uuids.length)
          throw new AppError('count_changed', {
            expected: args.expectedCount,
            actual: uuids.length
          })
        const at = iso(ctx)
        for (const uuid of uuids) {
          if (args.decision === 'approve') approveCorrection(db, uuid, d, at)
          else rejectCorrection(db, uuid, d, args.reason ?? '', at)
        }
        return { count: uuids.length, ownExcluded: own, applied: true }
      })
      .immediate()
  },
  'packages/list': (_args, { db }) => listPackages(db),
  'packages/exportProposals': (_args, ctx) => exportProposals(ctx.db, caller(ctx), iso(ctx)),
  'packages/importProposals': (args, ctx) =>
    readOnce(ctx, args.path, (file) => importProposals(ctx.db, caller(ctx), file, iso(ctx))),
  'packages/exportDecisions': (args, ctx) =>
    exportDecisions(ctx.db, caller(ctx), args.packageId, iso(ctx)),
  'packages/importDecisions': (args, ctx) =>
    readOnce(ctx, args.path, (file) => importDecisions(ctx.db, caller(ctx), file, iso(ctx)))
}
