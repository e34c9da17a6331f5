// Signed-in sessions: held in the backend's memory (with the unlocked signing key), ended by inactivity.
import { randomBytes, type KeyObject } from 'node:crypto'
import { AppError } from '../../shared/errors'
import type { UserRole } from '../../shared/roles'

/** Who is calling: a signed-in user, or the CLI's local operator (import, match, read-only). */
export interface Principal {
  username: string
  displayName: string
  role: UserRole | 'operator'
  /** The user's Ed25519 key, unlocked at sign-in; null for the operator. */
  privateKey: KeyObject | null
  publicKey: string | null
  fingerprint: string | null
}

interface Session {
  principal: Principal
  lastSeen: number
}

export const DEFAULT_SESSION_MINUTES = 15

export class SessionStore {
  private readonly sessions = new Map<string, Session>()
  constructor(
    readonly timeoutMinutes: number,
    private readonly now: () => number
  ) {}

  open(principal: Principal): string {
    const id = randomBytes(24).toString('base64url')
    this.sessions.set(id, { principal, lastSeen: this.now() })
    return id
  }

  /** The caller of a session id, refreshing its inactivity clock; an expired session is removed. */
  touch(id: string): Principal {
    const s = this.sessions.get(id)
    if (!s) throw new AppError('not_signed_in')
    if (this.expired(s)) {
      this.sessions.delete(id)
      throw new AppError('session_expired', { minutes: this.timeoutMinutes })
    }
    s.lastSeen = this.now()
    return s.principal
  }

  /** The caller of a live session without refreshing its clock; null when unknown or expired. */
  peek(id: string): Principal | null {
    const s = this.sessions.get(id)
    return s && !this.expired(s) ? s.principal : null
  }

  private expired(s: Session): boolean {
    return this.now() - s.lastSeen > this.timeoutMinutes * 60_000
  }

  close(id: string): void {
    this.sessions.delete(id)
  }

  /** After a restore: the accounts are those of another database. */
  closeAll(): void {
    this.sessions.clear()
  }

  /** After a password change the unlocked key is the same; after a user is disabled, sign them out. */
  closeUser(username: string): void {
    for (const [id, s] of this.sessions)
      if (s.principal.username === username) this.sessions.delete(id)
  }
}
