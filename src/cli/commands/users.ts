// `doisoat user add|list|key` and `doisoat trust add`: accounts and trusted keys from the command line.
import { resolve } from 'node:path'
import { KEY_ROLES, USER_ROLES, type KeyRole } from '../../shared/roles'
import { AppError } from '../../shared/errors'
import { tr } from '../../shared/i18n'
import { groupFingerprint } from '../../backend/auth/crypto'
import { openReadonly } from '../unlock'
import type { Command } from '../command'
import type { PasswordResetResult } from '../../shared/api'
import type { CliContext } from '../command'
import { readPassword, signInCli, withBackend, withUser } from '../session'
import { secretFromOptions } from '../unlock'

const db = { name: 'db', type: 'string', required: true, arg: 'D' } as const
const user = { name: 'user', type: 'string', arg: 'U' } as const

export const userAdd: Command = {
  name: 'user add',
  options: [
    db,
    { name: 'name', type: 'string', required: true, arg: 'N' },
    { name: 'role', type: 'string', required: true, choices: USER_ROLES, arg: 'R' },
    { name: 'display', type: 'string', arg: 'TEXT' },
    user
  ],
  run(opts, ctx) {
    return withBackend(
      resolve(String(opts.db)),
      ctx,
      async (backend) => {
        const username = String(opts.name)
        const args = {
          username,
          displayName: String(opts.display ?? username),
          password: await readPassword(
            tr('cli.newPasswordFor', { user: username }, ctx.lang),
            'DOISOAT_NEW_PASSWORD'
          )
        }
        const status = await backend.call('auth/status', {})
        const setupNeeded = status.ok && (status.value as { setupNeeded: boolean }).setupNeeded
        if (setupNeeded) {
          // First run: the first account is the admin, created without signing in.
          if (opts.role !== 'admin')
            throw new AppError('validation', { detail: tr('cli.firstUserAdmin', {}, ctx.lang) })
          const r = await backend.call('auth/setup', args)
          if (!r.ok) throw new AppError(r.error.code, r.error.params ?? {})
        } else {
          if (!opts.user)
            throw new AppError('validation', {
              detail: tr('cli.needUser', { command: 'user add' }, ctx.lang)
            })
          const admin = await signInCli(backend, String(opts.user), ctx)
          await admin.call('users/create', {
            ...args,
            role: opts.role as (typeof USER_ROLES)[number]
          })
        }
        ctx.out(tr('cli.userAdded', { user: username, role: String(opts.role) }, ctx.lang))
        return 0
      },
      { create: true }
    )
  }
}

export const userList: Command = {
  name: 'user list',
  options: [db, { ...user, required: true }],
  run(opts, ctx) {
    return withUser(resolve(String(opts.db)), String(opts.user), ctx, async (admin) => {
      for (const u of await admin.call('users/list', {}))
        ctx.out(
          `${u.username.padEnd(16)} ${u.role.padEnd(11)} ${u.active ? '' : '(off) '}${u.locked ? '(locked) ' : ''}${groupFingerprint(u.fingerprint)}`
        )
      return 0
    })
  }
}

/** A user's public key and fingerprint: what the other machine's admin registers. Public data. */
export const userKey: Command = {
  name: 'user key',
  options: [db, { name: 'name', type: 'string', required: true, arg: 'N' }],
  async run(opts, ctx) {
    const d = await openReadonly(resolve(String(opts.db)), ctx)
    try {
      const row = d
        .prepare(
          'SELECT role, public_key AS publicKey, fingerprint FROM app_user WHERE username = ?'
        )
        .get(String(opts.name)) as
        { role: string; publicKey: string; fingerprint: string } | undefined
      if (!row?.fingerprint)
        throw new AppError('not_found', { what: `app_user ${String(opts.name)}` })
      ctx.out(
        tr(
          'cli.userKey',
          {
            user: String(opts.name),
            role: row.role,
            fingerprint: groupFingerprint(row.fingerprint)
          },
          ctx.lang
        )
      )
      ctx.out(row.publicKey)
      return Promise.resolve(0)
    } finally {
      d.close()
    }
  }
}

export const trustAdd: Command = {
  name: 'trust add',
  options: [
    db,
    { ...user, required: true },
    { name: 'name', type: 'string', required: true, arg: 'N' },
    { name: 'role', type: 'string', required: true, choices: KEY_ROLES, arg: 'R' },
    { name: 'fingerprint', type: 'string', required: true, arg: 'HEX' }
  ],
  run(opts, ctx) {
    return withUser(resolve(String(opts.db)), String(opts.user), ctx, async (admin) => {
      const t = await admin.call('trust/add', {
        username: String(opts.name),
        role: opts.role as KeyRole,
        fingerprint: String(opts.fingerprint)
      })
      ctx.out(
        tr(
          'cli.trusted',
          { user: t.username, role: t.role, fingerprint: groupFingerprint(t.fingerprint) },
          ctx.lang
        )
      )
      return 0
    })
  }
}

function printReset(ctx: CliContext, r: PasswordResetResult): void {
  ctx.out(
    tr(
      'cli.backup.resetDone',
      {
        user: r.user.username,
        role: r.user.role,
        fingerprint: groupFingerprint(r.user.fingerprint),
        old: groupFingerprint(r.oldFingerprint)
      },
      ctx.lang
    )
  )
  if (r.retrust.length === 0) ctx.out(tr('cli.backup.noRetrust', {}, ctx.lang))
  else {
    ctx.out(tr('cli.backup.retrustTitle', {}, ctx.lang))
    for (const place of r.retrust) ctx.out(`  - ${tr(`backup.retrust.${place}`, {}, ctx.lang)}`)
  }
}

/**
 * A forgotten password. With --user an admin resets a clerk's or supervisor's; without it an admin
 * resets their own, proving control of the database with the recovery key.
 */
export const userResetPassword: Command = {
  name: 'user reset-password',
  options: [db, { name: 'name', type: 'string', required: true, arg: 'N' }, user],
  run(opts, ctx) {
    const path = resolve(String(opts.db))
    const username = String(opts.name)
    const newPassword = () =>
      readPassword(tr('cli.newPasswordFor', { user: username }, ctx.lang), 'DOISOAT_NEW_PASSWORD')
    if (opts.user)
      return withUser(path, String(opts.user), ctx, async (admin) => {
        printReset(
          ctx,
          await admin.call('users/resetPassword', { username, newPassword: await newPassword() })
        )
        return 0
      })
    const recoveryKey = secretFromOptions(ctx).recoveryKey
    if (recoveryKey === undefined)
      throw new AppError('validation', { detail: tr('cli.backup.resetWhich', {}, ctx.lang) })
    return withBackend(path, ctx, async (backend) => {
      const r = await backend.call('auth/recoverAdmin', {
        username,
        recoveryKey,
        newPassword: await newPassword()
      })
      if (!r.ok) throw new AppError(r.error.code, r.error.params ?? {})
      printReset(ctx, r.value as PasswordResetResult)
      return 0
    })
  }
}
