// Who runs a CLI command: a user signed in with --user (password from the environment or a hidden
// prompt), or the local operator (the OS account) for import, match and reading; and the backend
// a command runs on (withBackend, withUser, withOperator).
import { existsSync } from 'node:fs'
import { userInfo } from 'node:os'
import { createInterface } from 'node:readline'
import { Writable } from 'node:stream'
import type { ApiInput, ApiName, ApiOutput } from '../shared/api'
import { AppError } from '../shared/errors'
import { tr } from '../shared/i18n'
import { createBackend, type Backend } from '../backend/host'
import type { CliContext } from './command'
import { unlockCli } from './unlock'

/** The name the CLI's unauthenticated work (import, match) is audited under. */
export function operatorName(): string {
  let name = 'unknown'
  try {
    name = userInfo().username
  } catch {
    // No passwd entry (some containers): keep 'unknown'.
  }
  return `cli:${name}`
}

/** A password from `envName`, else asked on the terminal without echo. */
export async function readPassword(prompt: string, envName: string): Promise<string> {
  const fromEnv = process.env[envName]
  if (fromEnv) return fromEnv
  if (!process.stdin.isTTY)
    throw new AppError('validation', { detail: tr('cli.noPassword', { env: envName }) })
  let muted = false
  const output = new Writable({
    write(chunk: Buffer, _enc, done) {
      if (!muted) process.stderr.write(chunk)
      done()
    }
  })
  const rl = createInterface({ input: process.stdin, output, terminal: true })
  try {
    return await new Promise<string>((resolve) => {
      rl.question(`${prompt}: `, (answer) => {
        process.stderr.write('\n')
        resolve(answer)
      })
      muted = true
    })
  } finally {
    rl.close()
  }
}

export interface CliUser {
  call<N extends ApiName>(name: N, args: ApiInput<N>): Promise<ApiOutput<N>>
}

/** Signs `username` in on `backend`; each call then throws the API error as an AppError. */
export async function signInCli(
  backend: Backend,
  username: string,
  ctx: CliContext
): Promise<CliUser> {
  const password = await readPassword(
    tr('cli.passwordFor', { user: username }, ctx.lang),
    'DOISOAT_PASSWORD'
  )
  const r = await backend.call('auth/login', { username, password })
  if (!r.ok) throw new AppError(r.error.code, r.error.params ?? {})
  const session = (r.value as { session: string }).session
  return asCliUser(backend, session)
}

export function asCliUser(backend: Backend, session: string): CliUser {
  return {
    async call(name, args) {
      const r = await backend.call(name, args, session)
      if (!r.ok) throw new AppError(r.error.code, r.error.params ?? {}, r.error.issues)
      return r.value as ApiOutput<typeof name>
    }
  }
}

/** Unlocks the database at `dbPath`, runs `work` on a backend over it, then closes the backend. */
export async function withBackend<T>(
  dbPath: string,
  ctx: CliContext,
  work: (backend: Backend) => Promise<T>,
  o: { create?: boolean } = {}
): Promise<T> {
  await unlockCli(dbPath, ctx, o)
  const backend = createBackend({ dbPath })
  try {
    return await work(backend)
  } finally {
    await backend.close()
  }
}

/** `withBackend`, signed in as `username` (see signInCli). */
export function withUser<T>(
  dbPath: string,
  username: string,
  ctx: CliContext,
  work: (user: CliUser) => Promise<T>
): Promise<T> {
  return withBackend(dbPath, ctx, async (backend) => work(await signInCli(backend, username, ctx)))
}

/** `withBackend` as the local operator, on a database that must already exist. */
export async function withOperator<T>(
  dbPath: string,
  ctx: CliContext,
  work: (operator: CliUser) => Promise<T>
): Promise<T> {
  if (!existsSync(dbPath)) throw new AppError('file_not_found', { path: dbPath })
  return withBackend(dbPath, ctx, (backend) =>
    work(asCliUser(backend, backend.operatorSession(operatorName())))
  )
}
