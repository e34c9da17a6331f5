// Users: creation, sign-in with lockout, password change (re-encrypting the signing key), password
// reset (a new signing key, the old one kept for what it signed), listing.
import type { KeyObject } from 'node:crypto'
import type { UserRole } from '../../shared/roles'
import type { UserInfo } from '../../shared/api'
import type { PasswordResetResult, RetrustPlace } from '../../shared/api'
import { AppError } from '../../shared/errors'
import { appendAudit } from '../audit/audit'
import type { Db } from '../db/open'
import { checkPassword, hashPassword, newKeyPair, openPrivateKey, sealPrivateKey } from './crypto'

/** Failed sign-ins in a row before the account locks, and for how long. */
export const MAX_FAILED_LOGINS = 5
export const LOCKOUT_MINUTES = 15
export const MIN_PASSWORD_LENGTH = 8

interface UserDbRow {
  username: string
  display_name: string
  role: UserRole
  password_hash: string | null
  key_salt: Buffer | null
  private_key_enc: Buffer | null
  public_key: string
  fingerprint: string
  disabled: number
  failed_count: number
  locked_until: string | null
  created_at: string
}

function info(r: UserDbRow, now: number): UserInfo {
  return {
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    active: r.disabled === 0,
    locked: r.locked_until !== null && Date.parse(r.locked_until) > now,
    fingerprint: r.fingerprint,
    publicKey: r.public_key,
    createdAt: r.created_at
  }
}

const getUser = (db: Db, username: string): UserDbRow | undefined =>
  db.prepare('SELECT * FROM app_user WHERE username = ?').get(username) as UserDbRow | undefined

export function userCount(db: Db): number {
  return db.prepare('SELECT count(*) FROM app_user').pluck().get() as number
}

export function checkNewPassword(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    throw new AppError('weak_password', { min: MIN_PASSWORD_LENGTH })
}

export async function createUser(
  db: Db,
  u: { username: string; displayName: string; role: UserRole; password: string },
  by: string,
  now: number,
  o: { firstOnly?: boolean } = {}
): Promise<UserInfo> {
  checkNewPassword(u.password)
  if (getUser(db, u.username)) throw new AppError('user_exists', { username: u.username })
  const keys = newKeyPair()
  const [hash, sealed] = await Promise.all([
    hashPassword(u.password),
    sealPrivateKey(keys.privateKey, u.password)
  ])
  const at = new Date(now).toISOString()
  db.transaction(() => {
    // Checked again inside the write, after the slow hashing: two admins may create the same name
    // at once, and two first-run set-ups must not both make an administrator.
    if (o.firstOnly && userCount(db) > 0) throw new AppError('setup_done')
    if (getUser(db, u.username)) throw new AppError('user_exists', { username: u.username })
    db.prepare(
      `INSERT INTO app_user (username, display_name, role, password_hash, key_salt, private_key_enc,
         public_key, fingerprint, created_by, created_at, password_changed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    ).run(
      u.username,
      u.displayName,
      u.role,
      hash,
      sealed.keySalt,
      sealed.sealed,
      keys.publicKey,
      keys.fingerprint,
      by,
      at,
      at
    )
    appendAudit(db, {
      actor: by,
      action: 'user/create',
      entity: 'app_user',
      entityId: u.username,
      at,
      detail: { role: u.role, displayName: u.displayName, fingerprint: keys.fingerprint }
    })
  }).immediate()
  return info(getUser(db, u.username)!, now)
}

export interface SignedIn {
  user: UserInfo
  privateKey: KeyObject
}

/**
 * Checks a password. Five failures in a row lock the account for 15 minutes; while locked even
 * the right password is refused, and the message says how long is left. Sign-ins run in parallel
 * (web mode, and scrypt is asynchronous), so every count and lock decision is made inside the
 * write transaction, on the row as it is then, never on what was read before the hashing.
 */
export async function authenticate(
  db: Db,
  username: string,
  password: string,
  now: number
): Promise<SignedIn> {
  const at = new Date(now).toISOString()
  const u = getUser(db, username)
  const minutesLeft = (until: string): number =>
    Math.max(1, Math.ceil((Date.parse(until) - now) / 60_000))
  const lockOf = (): string | null => {
    const until = db
      .prepare('SELECT locked_until FROM app_user WHERE username = ?')
      .pluck()
      .get(username) as string | null | undefined
    return until && Date.parse(until) > now ? until : null
  }
  const refuse = (until: string): never => {
    db.transaction(() =>
      appendAudit(db, {
        actor: username,
        action: 'auth/login_refused',
        at,
        detail: { locked: true }
      })
    ).immediate()
    throw new AppError('account_locked', { username, minutes: minutesLeft(until) })
  }
  const lockedBefore = u ? lockOf() : null
  if (lockedBefore) refuse(lockedBefore)
  const ok = u?.password_hash ? await checkPassword(password, u.password_hash) : false
  if (!u || !ok) {
    const lockedUntil = db
      .transaction((): string | null => {
        let until: string | null = null
        if (u) {
          // One atomic step per failure: twenty parallel wrong passwords count twenty, and a
          // failure that lands while another has just locked the account leaves the lock alone.
          const counted = db
            .prepare(
              `UPDATE app_user SET failed_count = failed_count + 1
               WHERE username = ? AND (locked_until IS NULL OR locked_until <= ?)
               RETURNING failed_count`
            )
            .pluck()
            .get(username, at) as number | undefined
          if (counted === undefined) until = lockOf()
          else if (counted >= MAX_FAILED_LOGINS) {
            until = new Date(now + LOCKOUT_MINUTES * 60_000).toISOString()
            db.prepare(
              'UPDATE app_user SET failed_count = 0, locked_until = ? WHERE username = ?'
            ).run(until, username)
          }
        }
        appendAudit(db, {
          actor: username,
          action: 'auth/login_failed',
          at,
          detail: { knownUser: u !== undefined, locked: until !== null }
        })
        return until
      })
      .immediate()
    if (lockedUntil)
      throw new AppError('account_locked', { username, minutes: minutesLeft(lockedUntil) })
    throw new AppError('login_failed')
  }
  if (u.disabled !== 0 || !u.key_salt || !u.private_key_enc)
    throw new AppError('account_disabled', { username })
  const privateKey = await openPrivateKey(
    { keySalt: u.key_salt, sealed: u.private_key_enc },
    password
  )
  // Wrong passwords sent alongside this one may have locked the account while it was hashed.
  const lockedMeanwhile = db
    .transaction((): string | null => {
      const until = lockOf()
      if (until) return until
      db.prepare(
        'UPDATE app_user SET failed_count = 0, locked_until = NULL WHERE username = ?'
      ).run(username)
      appendAudit(db, { actor: username, action: 'auth/login', at, detail: { role: u.role } })
      return null
    })
    .immediate()
  if (lockedMeanwhile) refuse(lockedMeanwhile)
  return { user: info({ ...u, locked_until: null }, now), privateKey }
}

/** New password: new hash, and the same signing key sealed again under the new password. */
export async function changePassword(
  db: Db,
  username: string,
  oldPassword: string,
  newPassword: string,
  now: number
): Promise<void> {
  const u = getUser(db, username)
  if (!u) throw new AppError('not_found', { what: 'app_user', id: username })
  checkNewPassword(newPassword)
  if (!u.password_hash || !u.key_salt || !u.private_key_enc)
    throw new AppError('account_disabled', { username })
  if (!(await checkPassword(oldPassword, u.password_hash))) throw new AppError('wrong_password')
  const key = await openPrivateKey({ keySalt: u.key_salt, sealed: u.private_key_enc }, oldPassword)
  const [hash, sealed] = await Promise.all([
    hashPassword(newPassword),
    sealPrivateKey(key, newPassword)
  ])
  const at = new Date(now).toISOString()
  db.transaction(() => {
    db.prepare(
      `UPDATE app_user SET password_hash = ?, key_salt = ?, private_key_enc = ?,
         password_changed_at = ? WHERE username = ?`
    ).run(hash, sealed.keySalt, sealed.sealed, at, username)
    appendAudit(db, {
      actor: username,
      action: 'auth/password_change',
      entity: 'app_user',
      entityId: username,
      at
    })
  }).immediate()
}

/**
 * Where a role's public key is trusted besides this database: a supervisor's by the national
 * gateway (it checks approvals) and by the clerks' machines (decision packages); a clerk's by
 * the supervisors' machines (proposal packages). An admin signs nothing that travels.
 */
const RETRUST: Record<UserRole, RetrustPlace[]> = {
  supervisor: ['gateway', 'clerk_machines'],
  clerk: ['supervisor_machines'],
  admin: []
}

/**
 * A new password for a user who cannot give the old one. The signing key was sealed under the
 * old password and cannot be opened, so a new key pair replaces it; the old public key is kept in
 * retired_user_key, so what it signed before now still verifies (and nothing signed later does).
 */
async function replaceCredentials(
  db: Db,
  u: UserDbRow,
  newPassword: string,
  by: string,
  action: 'user/reset_password' | 'auth/recover_admin',
  now: number
): Promise<PasswordResetResult> {
  checkNewPassword(newPassword)
  const keys = newKeyPair()
  const [hash, sealed] = await Promise.all([
    hashPassword(newPassword),
    sealPrivateKey(keys.privateKey, newPassword)
  ])
  const at = new Date(now).toISOString()
  db.transaction(() => {
    db.prepare(
      `INSERT INTO retired_user_key (fingerprint, username, role, public_key, retired_at, retired_by)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (fingerprint) DO NOTHING`
    ).run(u.fingerprint, u.username, u.role, u.public_key, at, by)
    db.prepare(
      `UPDATE app_user SET password_hash = ?, key_salt = ?, private_key_enc = ?, public_key = ?,
         fingerprint = ?, failed_count = 0, locked_until = NULL, password_changed_at = ?
       WHERE username = ?`
    ).run(hash, sealed.keySalt, sealed.sealed, keys.publicKey, keys.fingerprint, at, u.username)
    appendAudit(db, {
      actor: by,
      action,
      entity: 'app_user',
      entityId: u.username,
      at,
      detail: { oldFingerprint: u.fingerprint, newFingerprint: keys.fingerprint, role: u.role }
    })
  }).immediate()
  return {
    user: info(getUser(db, u.username)!, now),
    oldFingerprint: u.fingerprint,
    retrust: RETRUST[u.role]
  }
}

/** An admin resets a clerk's or supervisor's password (never their own, nor another admin's). */
export async function resetPassword(
  db: Db,
  username: string,
  newPassword: string,
  by: string,
  now: number
): Promise<PasswordResetResult> {
  const u = getUser(db, username)
  if (!u?.fingerprint) throw new AppError('not_found', { what: 'app_user', id: username })
  // Admins prove themselves with the recovery key instead: one admin cannot take another's account.
  if (u.role === 'admin' || username === by) throw new AppError('reset_not_allowed', { username })
  return replaceCredentials(db, u, newPassword, by, 'user/reset_password', now)
}

/** An admin who forgot their password, once the caller has checked the recovery key. */
export async function recoverAdmin(
  db: Db,
  username: string,
  newPassword: string,
  now: number
): Promise<PasswordResetResult> {
  const u = getUser(db, username)
  if (!u?.fingerprint || u.role !== 'admin') throw new AppError('reset_not_allowed', { username })
  return replaceCredentials(db, u, newPassword, username, 'auth/recover_admin', now)
}

/**
 * How a user is named on screen: their display name when this machine has the account, else the
 * user name as it came (a proposer or approver from another machine's review package).
 */
export function displayNameOf(db: Db, username: string): string {
  return (
    (db.prepare('SELECT display_name FROM app_user WHERE username = ?').pluck().get(username) as
      string | undefined) ?? username
  )
}

export function listUsers(db: Db, now: number): UserInfo[] {
  return (
    db
      .prepare('SELECT * FROM app_user WHERE fingerprint IS NOT NULL ORDER BY role, username')
      .all() as UserDbRow[]
  ).map((r) => info(r, now))
}

export function setActive(
  db: Db,
  username: string,
  active: boolean,
  by: string,
  now: number
): UserInfo {
  const at = new Date(now).toISOString()
  db.transaction(() => {
    const u = getUser(db, username)
    if (!u) throw new AppError('not_found', { what: 'app_user', id: username })
    if (!active && u.role === 'admin') {
      const admins = db
        .prepare("SELECT count(*) FROM app_user WHERE role = 'admin' AND disabled = 0")
        .pluck()
        .get() as number
      if (admins <= 1) throw new AppError('last_admin')
    }
    // Re-enabling also lifts a lockout: the admin has spoken to the person.
    db.prepare(
      'UPDATE app_user SET disabled = ?, failed_count = 0, locked_until = NULL WHERE username = ?'
    ).run(active ? 0 : 1, username)
    appendAudit(db, {
      actor: by,
      action: active ? 'user/enable' : 'user/disable',
      entity: 'app_user',
      entityId: username,
      at
    })
  }).immediate()
  return info(getUser(db, username)!, now)
}

/**
 * Keys this database trusts for a role: its own users' and those an admin registered; and, for
 * something signed at `signedAt`, a local user's key retired by a password reset after that.
 */
export function trustedKey(
  db: Db,
  fingerprint: string,
  signedAt?: string
): { username: string; role: UserRole; local: boolean } | null {
  const local = db
    .prepare('SELECT username, role FROM app_user WHERE fingerprint = ? AND disabled = 0')
    .get(fingerprint) as { username: string; role: UserRole } | undefined
  if (local) return { ...local, local: true }
  if (signedAt !== undefined) {
    const retired = db
      .prepare(
        'SELECT username, role FROM retired_user_key WHERE fingerprint = ? AND retired_at > ?'
      )
      .get(fingerprint, signedAt) as { username: string; role: UserRole } | undefined
    if (retired) return { ...retired, local: true }
  }
  const remote = db
    .prepare('SELECT username, role FROM trusted_key WHERE fingerprint = ?')
    .get(fingerprint) as { username: string; role: UserRole } | undefined
  return remote ? { ...remote, local: false } : null
}
