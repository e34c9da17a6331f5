// 'auth/*', 'users/*', 'trust/*': first run, sign-in and out, password change, user and key management.
import type { authInputs, SignInResult, TrustedKeyInfo } from '../../shared/api'
import { AppError } from '../../shared/errors'
import { appendAudit } from '../audit/audit'
import type { Principal } from '../auth/sessions'
import {
  authenticate,
  changePassword,
  createUser,
  listUsers,
  setActive,
  userCount
} from '../auth/users'
import type { HandlerContext, Handlers } from './types'

async function signIn(
  ctx: HandlerContext,
  username: string,
  password: string
): Promise<SignInResult> {
  const { user, privateKey } = await authenticate(ctx.db, username, password, ctx.now())
  const principal: Principal = {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    privateKey,
    publicKey: user.publicKey,
    fingerprint: user.fingerprint
  }
  if (ctx.session) ctx.sessions.close(ctx.session)
  return { user, session: ctx.sessions.open(principal) }
}

export const authHandlers: Handlers<keyof typeof authInputs> = {
  'auth/status': (_args, { db, user, sessions, now }) => ({
    setupNeeded: userCount(db) === 0,
    user:
      user && user.role !== 'operator'
        ? (listUsers(db, now()).find((u) => u.username === user.username) ?? null)
        : null,
    sessionMinutes: sessions.timeoutMinutes
  }),
  /** First run only: the first account is an admin, and it is signed in at once. */
  'auth/setup': async (args, ctx) => {
    if (userCount(ctx.db) > 0) throw new AppError('setup_done')
    // Checked again in the insert's transaction: two set-ups sent at once make one administrator.
    await createUser(ctx.db, { ...args, role: 'admin' }, args.username, ctx.now(), {
      firstOnly: true
    })
    return signIn(ctx, args.username, args.password)
  },
  'auth/login': (args, ctx) => signIn(ctx, args.username, args.password),
  'auth/logout': (_args, { session, sessions, user, db, now }) => {
    if (!session || !user) return { signedOut: false }
    sessions.close(session)
    db.transaction(() =>
      appendAudit(db, {
        actor: user.username,
        action: 'auth/logout',
        at: new Date(now()).toISOString()
      })
    ).immediate()
    return { signedOut: true }
  },
  'auth/changePassword': async (args, { db, actor, now }) => {
    await changePassword(db, actor, args.oldPassword, args.newPassword, now())
    return { changed: true }
  },
  'users/list': (_args, { db, now }) => listUsers(db, now()),
  'users/create': (args, { db, actor, now }) => createUser(db, args, actor, now()),
  'users/setActive': (args, { db, actor, now, sessions }) => {
    const u = setActive(db, args.username, args.active, actor, now())
    if (!args.active) sessions.closeUser(args.username)
    return u
  },
  'trust/list': (_args, { db }) =>
    db
      .prepare(
        `SELECT fingerprint, username, role, added_by AS addedBy, added_at AS addedAt
         FROM trusted_key ORDER BY username`
      )
      .all() as TrustedKeyInfo[],
  'trust/add': (args, { db, actor, now }) => {
    const at = new Date(now()).toISOString()
    db.transaction(() => {
      db.prepare(
        `INSERT INTO trusted_key (fingerprint, username, role, added_by, added_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (fingerprint) DO UPDATE SET username = excluded.username, role = excluded.role,
           added_by = excluded.added_by, added_at = excluded.added_at`
      ).run(args.fingerprint, args.username, args.role, actor, at)
      appendAudit(db, {
        actor,
        action: 'trust/add',
        entity: 'trusted_key',
        entityId: args.fingerprint,
        at,
        detail: { username: args.username, role: args.role }
      })
    }).immediate()
    return { ...args, addedBy: actor, addedAt: at }
  }
}
