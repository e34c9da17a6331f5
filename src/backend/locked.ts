// A backend whose database waits for its recovery key: the keychain lost (a reinstall, another
// machine), the key file damaged, or a key changed elsewhere. It answers 'keys/status' and
// 'keys/unlock' only; once the recovery key (or the passphrase) opens the database, the key is kept
// again (keychain or passphrase) and the real backend takes over.
import { existsSync, renameSync } from 'node:fs'
import { inputs } from '../shared/api'
import { AppError, type Result } from '../shared/errors'
import { appendAudit } from './audit/audit'
import { recoveryDataKey } from './backup/restore'
import { keyOpens } from './crypto/db-file'
import { keyFilePath, readKeyFile, unwrapKeys, type KeyFile } from './crypto/key-file'
import { passphraseStore } from './crypto/key-store'
import { finishRekey } from './crypto/unlock'
import { openDb, setDatabaseKey } from './db/open'
import { toErrorShape } from './errors'
import { createBackend, type Backend, type BackendOptions, type EventListener } from './host'
import { JobRunner } from './jobs/jobs'

type UnlockArgs = { recoveryKey?: string; passphrase?: string; newPassphrase?: string }

const fail = (e: unknown): Result<never> => ({ ok: false, error: toErrorShape(e) })

/** The key file, or null when it is missing or damaged. */
function keyFileIfReadable(dbPath: string): KeyFile | null {
  try {
    return readKeyFile(dbPath)
  } catch {
    return null
  }
}

/** A damaged key file is kept beside, never overwritten: support may want to look at it. */
function moveDamagedKeyFile(dbPath: string, at: number): void {
  const path = keyFilePath(dbPath)
  if (existsSync(path) && !keyFileIfReadable(dbPath))
    renameSync(path, `${path}.damaged-${new Date(at).toISOString().replace(/[-:.]/g, '')}`)
}

export function createLockedBackend(opts: BackendOptions): Backend {
  const now = opts.now ?? Date.now
  const keyStore = opts.keyStore ?? passphraseStore()
  const listeners = new Set<EventListener>()
  const idle = new JobRunner(() => undefined)
  let inner: Backend | null = null
  let unlocking: Promise<{ unlocked: true }> | null = null

  async function unlock(args: UnlockArgs): Promise<{ unlocked: true }> {
    const { dbPath } = opts
    let key: Buffer | null = null
    if (args.recoveryKey !== undefined) {
      key = recoveryDataKey(args.recoveryKey)
      if (!keyOpens(dbPath, key)) throw new AppError('recovery_key_wrong')
    } else {
      const found = unwrapKeys(keyFileIfReadable(dbPath), { passphrase: args.passphrase })
      key = found.map((f) => f.key).find((k) => keyOpens(dbPath, k)) ?? null
      if (!key) throw new AppError('db_wrong_key', { path: dbPath })
    }
    // Nothing has changed so far: a wrong key leaves every file as it was.
    if (!keyStore.canKeep(dbPath, key, args.newPassphrase))
      throw new AppError('passphrase_required', { path: dbPath })
    moveDamagedKeyFile(dbPath, now())
    const file = readKeyFile(dbPath)
    if (file) finishRekey(dbPath, file, key)
    await keyStore.keep(dbPath, key, args.newPassphrase)
    setDatabaseKey(dbPath, key)
    const db = openDb(dbPath)
    try {
      db.transaction(() =>
        appendAudit(db, {
          actor: 'app',
          action: 'db/unlock',
          at: new Date(now()).toISOString(),
          detail: { with: args.recoveryKey !== undefined ? 'recovery_key' : 'passphrase' }
        })
      ).immediate()
    } finally {
      db.close()
    }
    inner = createBackend({ ...opts, keyStore })
    inner.onEvent((event, payload) => {
      for (const l of listeners) l(event, payload)
    })
    return { unlocked: true }
  }

  const backend: Backend = {
    get jobs() {
      return inner?.jobs ?? idle
    },
    async call(name, args, session) {
      if (inner) return inner.call(name, args, session)
      if (name === 'keys/status') return { ok: true, value: { locked: true, store: keyStore.kind } }
      if (name !== 'keys/unlock') return fail(new AppError('recovery_needed'))
      const parsed = inputs['keys/unlock'].safeParse(args ?? {})
      if (!parsed.success)
        return fail(new AppError('validation', { detail: parsed.error.issues[0]?.message ?? '' }))
      try {
        // Two tries at once (a double click) unlock once.
        unlocking ??= unlock(parsed.data)
        return { ok: true, value: await unlocking }
      } catch (e) {
        return fail(e)
      } finally {
        unlocking = null
      }
    },
    as(session) {
      return { call: (name, args) => backend.call(name, args, session) }
    },
    principal(session, touch) {
      // Locked: nobody is signed in until the recovery key has opened the database.
      return inner ? inner.principal(session, touch) : null
    },
    operatorSession(name) {
      if (!inner) throw new AppError('recovery_needed')
      return inner.operatorSession(name)
    },
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async close() {
      await inner?.close()
    }
  }
  return backend
}
