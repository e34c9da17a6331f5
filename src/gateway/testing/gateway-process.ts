// The gateway as a child process for tests: start, kill (SIGKILL or SIGTERM) and restart on the
// same port and data, as a real national endpoint goes away and comes back.
import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'

export interface GatewayProcessOptions {
  dataDir: string
  adminToken: string
  /** PostgreSQL instead of PGlite. */
  databaseUrl?: string
  seedFrom?: string
  /** 0: a free port on first start, then the same port on every restart. */
  port?: number
  /** How long starting (and seeding) may take; default two minutes. */
  startupMs?: number
}

export interface GatewayProcess {
  readonly url: string
  readonly pid: number
  /** Stop: SIGTERM (clean shutdown) or, with hard, SIGKILL. */
  stop(o?: { hard?: boolean }): Promise<void>
  restart(o?: { hard?: boolean }): Promise<void>
}

const BIN = resolve(__dirname, '../../../bin/doisoat.cjs')

function launch(
  o: GatewayProcessOptions,
  port: number
): Promise<{ child: ChildProcess; url: string }> {
  const args = [BIN, 'gateway', '--lang', 'en', '--port', String(port), '--data', o.dataDir]
  if (o.seedFrom) args.push('--seed-from', o.seedFrom)
  const env: NodeJS.ProcessEnv = { ...process.env, GATEWAY_ADMIN_TOKEN: o.adminToken }
  if (o.databaseUrl) env.DATABASE_URL = o.databaseUrl
  else delete env.DATABASE_URL
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
  const startupMs = o.startupMs ?? 120_000
  return new Promise((resolvePromise, reject) => {
    let out = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`gateway did not start in ${startupMs} ms:\n${out}`))
    }, startupMs)
    const onData = (d: Buffer) => {
      out += d.toString()
      const m = /listening: (http:\/\/\S+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        child.stdout.off('data', onData)
        child.stdout.resume()
        resolvePromise({ child, url: m[1]! })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (d: Buffer) => (out += d.toString()))
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`gateway exited (${code}) before listening:\n${out}`))
    })
  })
}

function stopChild(child: ChildProcess, hard: boolean): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((r) => {
    child.once('exit', () => r())
    child.kill(hard ? 'SIGKILL' : 'SIGTERM')
  })
}

export async function startGatewayProcess(o: GatewayProcessOptions): Promise<GatewayProcess> {
  let { child, url } = await launch(o, o.port ?? 0)
  const port = Number(new URL(url).port)
  // Seeding happens once; restarts keep the data.
  const again = { ...o, seedFrom: undefined }
  return {
    get url() {
      return url
    },
    get pid() {
      return child.pid!
    },
    stop: (s = {}) => stopChild(child, s.hard ?? false),
    async restart(s = {}) {
      await stopChild(child, s.hard ?? false)
      ;({ child, url } = await launch(again, port))
    }
  }
}
