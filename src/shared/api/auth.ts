// Contract of 'auth/*', 'users/*' and 'trust/*': first run, sign-in and out, users, trusted keys.
import { z } from 'zod'
import type { KeyRole, UserRole } from '../roles'
import { KEY_ROLES, USER_ROLES } from '../roles'
import { empty } from './common'

/** A user name: a-z, digits, . _ -, 2 to 32 characters, after trimming and lowercasing. */
const USERNAME_RULE = /^[a-z0-9][a-z0-9._-]{1,31}$/

/** Whether the server will take this user name; forms check it before sending. */
export function validUsername(v: string): boolean {
  return USERNAME_RULE.test(v.trim().toLowerCase())
}

const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(USERNAME_RULE, 'letters a-z, digits, . _ -, 2 to 32 characters')
const displayName = z.string().trim().min(1).max(100)

export const authInputs = {
  'auth/status': empty,
  'auth/setup': z.object({ username, displayName, password: z.string().min(1).max(200) }).strict(),
  'auth/login': z
    .object({
      username: z.string().trim().toLowerCase().min(1).max(32),
      password: z.string().min(1).max(200)
    })
    .strict(),
  'auth/logout': empty,
  'auth/changePassword': z
    .object({ oldPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) })
    .strict(),
  'users/list': empty,
  'users/create': z
    .object({
      username,
      displayName,
      role: z.enum(USER_ROLES),
      password: z.string().min(1).max(200)
    })
    .strict(),
  'users/setActive': z.object({ username, active: z.boolean() }).strict(),
  'trust/list': empty,
  'trust/add': z
    .object({
      username,
      role: z.enum(KEY_ROLES),
      /** SHA-256 of the key (hex), as read from the other machine; spaces are ignored. */
      fingerprint: z
        .string()
        .transform((v) => v.replace(/\s+/g, '').toLowerCase())
        .pipe(z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 fingerprint: 64 hex digits'))
    })
    .strict()
} as const

export interface AuthOutputs {
  'auth/status': AuthStatus
  'auth/setup': SignInResult
  'auth/login': SignInResult
  'auth/logout': { signedOut: boolean }
  'auth/changePassword': { changed: true }
  'users/list': UserInfo[]
  'users/create': UserInfo
  'users/setActive': UserInfo
  'trust/list': TrustedKeyInfo[]
  'trust/add': TrustedKeyInfo
}

/** A user as the API shows them (never a hash or a private key). */
export interface UserInfo {
  username: string
  displayName: string
  role: UserRole
  active: boolean
  locked: boolean
  /** SHA-256 of the public key (hex): what another machine's admin registers. */
  fingerprint: string
  /** Ed25519 public key, SPKI DER, base64. */
  publicKey: string
  createdAt: string
}

export interface AuthStatus {
  /** No user yet: the first-run screen creates the admin. */
  setupNeeded: boolean
  user: UserInfo | null
  sessionMinutes: number
}

/** The session id never reaches the renderer: the host keeps it (IPC) or sets a cookie (web). */
export interface SignInResult {
  user: UserInfo
  session?: string
}

export interface TrustedKeyInfo {
  fingerprint: string
  username: string
  role: KeyRole
  addedBy: string
  addedAt: string
}
