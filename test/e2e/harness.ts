// End-to-end harness: the real `doisoat` CLI seeds a database and serves it; Debian's Chromium drives the UI.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core'
import type { ApiInput, ApiName, ApiOutput } from '../../src/shared/api'
import type { Result } from '../../src/shared/errors'
import { valueOf } from '../helpers/api'

export const ROOT = resolve(__dirname, '../..')
export const RESULTS_DIR = join(ROOT, 'test-results')
const CLI = join(ROOT, 'bin/doisoat.cjs')
const URL_LINE = /(http:\/\/127\.0\.0\.1:(\d+)\/\?token=[^\s]+)/
/** Databases made here are encrypted, as everywhere: the CLI reads this passphrase from the environment. */
export const E2E_PASSPHRASE = 'e2e mật khẩu thử'
const ENV = { ...process.env, DOISOAT_LANG: 'vi', DOISOAT_PASSPHRASE: E2E_PASSPHRASE }

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs one `doisoat` command to completion; rejects with its output when it fails. */
export function runCli(
  args: string[],
  timeoutMs = 120_000,
  env: Record<string, string> = {}
): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      env: { ...ENV, ...env },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', (err) => {
      clearTimeout(timer)
      fail(err)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      const result = { code, stdout, stderr }
      if (code === 0) done(result)
      else fail(new Error(`doisoat ${args.join(' ')} exited ${code}\n${stdout}\n${stderr}`))
    })
  })
}

/** A fresh folder for one test file; remove it with the returned function. */
export function makeWorkDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'doisoat-e2e-'))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

export interface SeedOptions {
  population: number
  registry: number
  seed: number
}

/** Writes a synthetic commune's files (population, registry and its legacy encodings); returns the folder. */
export async function writeSample(
  dir: string,
  { population, registry, seed }: SeedOptions
): Promise<string> {
  const sample = join(dir, 'sample')
  await runCli([
    'sample',
    '--out',
    sample,
    '--population',
    String(population),
    '--registry',
    String(registry),
    '--seed',
    String(seed)
  ])
  return sample
}

/** Generates a synthetic commune with the CLI and imports both files into a new database. */
export async function seedDatabase(dir: string, options: SeedOptions): Promise<string> {
  const sample = await writeSample(dir, options)
  const db = join(dir, 'e2e.db')
  await runCli([
    'import',
    '--db',
    db,
    '--kind',
    'population',
    '--file',
    join(sample, 'population.csv')
  ])
  await runCli(['import', '--db', db, '--kind', 'registry', '--file', join(sample, 'registry.csv')])
  return db
}

/** The accounts every served e2e database has (synthetic; the password is the same for all). */
export const E2E_PASSWORD = 'mật-khẩu-e2e-1'
export const E2E_USERS = { admin: 'quantri', clerk: 'canbo', supervisor: 'giamsat' } as const
export type E2ERole = keyof typeof E2E_USERS

/** Creates the admin, a clerk and a supervisor with the CLI (`doisoat user add`), once per database. */
export async function createUsers(db: string): Promise<void> {
  const exists = await runCli(['user', 'key', '--db', db, '--name', E2E_USERS.supervisor]).then(
    () => true,
    () => false
  )
  if (exists) return
  const env = { DOISOAT_PASSWORD: E2E_PASSWORD, DOISOAT_NEW_PASSWORD: E2E_PASSWORD }
  const add = (role: E2ERole, display: string, by: string[] = []) =>
    runCli(
      [
        'user',
        'add',
        '--db',
        db,
        '--name',
        E2E_USERS[role],
        '--role',
        role,
        '--display',
        display,
        ...by
      ],
      60_000,
      env
    )
  await add('admin', 'Quản trị xã')
  await add('clerk', 'Cán bộ Tư pháp', ['--user', E2E_USERS.admin])
  await add('supervisor', 'Giám sát Huyện', ['--user', E2E_USERS.admin])
}

export interface Served {
  /** The address printed by `doisoat serve`, token included. */
  url: string
  origin: string
  token: string
  stop(): Promise<void>
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((done) => {
    const hard = setTimeout(() => child.kill('SIGKILL'), 5_000)
    child.once('exit', () => {
      clearTimeout(hard)
      done()
    })
    child.kill('SIGTERM')
  })
}

/**
 * Starts `doisoat serve --port 0` on a database and waits for the URL it prints. The database gets
 * the E2E_USERS first, unless `users: false` (a first run, where the UI creates the admin).
 */
export async function startServer(
  db: string,
  timeoutMs = 60_000,
  { users = true }: { users?: boolean } = {}
): Promise<Served> {
  if (users) await createUsers(db)
  const child = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', '0'], {
    cwd: ROOT,
    env: ENV,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  return new Promise((done, fail) => {
    const give = (err: Error): void => {
      clearTimeout(timer)
      void stopChild(child).then(() => fail(err))
    }
    const timer = setTimeout(
      () => give(new Error(`doisoat serve printed no URL in ${timeoutMs} ms:\n${output}`)),
      timeoutMs
    )
    child.on('error', give)
    child.on('exit', (code) => give(new Error(`doisoat serve exited ${code}:\n${output}`)))
    child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')))
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString('utf8')
      const m = URL_LINE.exec(output)
      if (!m) return
      clearTimeout(timer)
      child.removeAllListeners('exit')
      const url = new URL(m[1]!)
      done({
        url: url.href,
        origin: url.origin,
        token: url.searchParams.get('token') ?? '',
        stop: () => stopChild(child)
      })
    })
  })
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS
  })
}

// Console errors the UI is allowed to produce: none.
const EXPECTED_CONSOLE: RegExp[] = []

/** Collects page errors and console errors, so a test can assert the UI ran cleanly. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`))
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() !== 'error') return
    const text = msg.text()
    if (!EXPECTED_CONSOLE.some((re) => re.test(text))) errors.push(`console: ${text}`)
  })
  return errors
}

/** A file under test-results/ (`name` may name a folder too: 'screens/x.png'), its folder made. */
export function screenshotPath(name: string): string {
  const path = join(RESULTS_DIR, name)
  mkdirSync(dirname(path), { recursive: true })
  return path
}

/** Fills the sign-in form and waits for the main navigation. */
export async function signIn(page: Page, as: E2ERole): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(E2E_USERS[as])
  await page.getByLabel('Mật khẩu').fill(E2E_PASSWORD)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor()
}

/**
 * Opens the app in a new page, signs in (as the clerk unless `as` says otherwise) and waits for the
 * main navigation: the one way every e2e test enters the app.
 */
export async function openApp(
  browser: Browser,
  served: Served,
  { as = 'clerk', ...options }: Parameters<Browser['newPage']>[0] & { as?: E2ERole } = {}
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({
    viewport: { width: 1440, height: 900 },
    locale: 'vi-VN',
    ...options
  })
  const errors = watchErrors(page)
  await page.goto(served.url)
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor()
  await signIn(page, as)
  return { page, errors }
}

/**
 * The API the page uses, called from the test as a signed-in user (the clerk unless `as` says
 * otherwise): signs in once per server and role with the token, then sends the session cookie.
 */
export function apiAs(served: Served, as: E2ERole = 'clerk') {
  let cookie: Promise<string> | null = null
  const post = (name: string, args: unknown, extra: Record<string, string> = {}) =>
    fetch(`${served.origin}/api/${name}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${served.token}`,
        'Content-Type': 'application/json',
        ...extra
      },
      body: JSON.stringify(args)
    })
  const signInOnce = async (): Promise<string> => {
    const res = await post('auth/login', { username: E2E_USERS[as], password: E2E_PASSWORD })
    const body = (await res.json()) as { ok: boolean; error?: unknown }
    if (!body.ok) throw new Error(`auth/login as ${as}: ${JSON.stringify(body.error)}`)
    return res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
  }
  return async <N extends ApiName>(name: N, args: ApiInput<N>): Promise<ApiOutput<N>> => {
    cookie ??= signInOnce()
    const res = await post(name, args, { Cookie: await cookie })
    return valueOf(name, (await res.json()) as Result<unknown>)
  }
}

/** A call from inside the page, with the tab's token and the session cookie the sign-in set. */
export function pageCall<T>(page: Page, name: string, args: unknown): Promise<T> {
  return page.evaluate(
    async ([n, a]) => {
      const res = await fetch(`/api/${n}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${(globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }).sessionStorage.getItem('doisoat.token') ?? ''}`
        },
        body: JSON.stringify(a)
      })
      return await res.json()
    },
    [name, args] as const
  ) as Promise<T>
}

export interface SeededApp {
  /** The test file's folder: the sample files are in `sample/`. */
  dir: string
  db: string
  browser: Browser
  server: Served
  /** The API as the clerk, called from the test: what the screens must show. */
  clerkApi: ReturnType<typeof apiAs>
  /** Closes the browser, stops the server and removes the folder. */
  stop(): Promise<void>
}

/** A test file's commune: Chromium and a seeded database (matched when `match`), served in web mode. */
export async function startSeededApp(
  seed: SeedOptions,
  { match = false } = {}
): Promise<SeededApp> {
  const work = makeWorkDir()
  const browser = await launchBrowser()
  try {
    const db = await seedDatabase(work.dir, seed)
    if (match) await runCli(['match', '--db', db])
    const server = await startServer(db)
    return {
      dir: work.dir,
      db,
      browser,
      server,
      clerkApi: apiAs(server),
      async stop() {
        await browser.close()
        await server.stop()
        work.remove()
      }
    }
  } catch (err) {
    await browser.close()
    work.remove()
    throw err
  }
}
