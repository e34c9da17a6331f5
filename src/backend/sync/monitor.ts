// Whether the national gateway is reachable, and the one sync job at a time: a timer in the
// backend host probes the gateway (when configured) and starts a sync when it is reachable and
// something is due.
import type { Thresholds } from '../../core/match/model'
import type { SyncProblem, SyncSummary } from '../../shared/api'
import type { Db } from '../db/open'
import type { JobContext, JobRunner } from '../jobs/jobs'
import { runMatch } from '../match/run-match'
import { gatewayUrlProblem } from '../../core/sync/gateway-url'
import { syncConfig } from './outbox'
import { runSync, type SyncOptions } from './run-sync'
import { healthProblem } from './setup'

export const DEFAULT_PROBE_MS = 30_000

export class SyncMonitor {
  /** null until probed or tried by a run. */
  online: boolean | null = null
  /** Why the gateway could not be reached the last time it was tried. */
  problem: SyncProblem | null = null
  /** When the gateway was last probed or tried (wall clock, for the screen). */
  checkedAt: string | null = null
  /** Monotonic time of the last probe, so a screen asking often probes once every few seconds. */
  private checkedMono = -Infinity
  private probing: Promise<boolean | null> | null = null
  private jobId: string | null = null
  private timer: ReturnType<typeof setInterval> | null = null

  constructor(
    private readonly db: Db,
    private readonly jobs: JobRunner,
    private readonly o: { now: () => number; sync?: SyncOptions; dbPath?: string; actor?: string }
  ) {}

  /** Probe every `ms` (0: never); the timer does not keep the process alive. */
  start(ms: number): void {
    if (ms <= 0 || this.timer) return
    this.timer = setInterval(() => void this.probe(), ms)
    this.timer.unref()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  /** The running sync job's id, if any. */
  running(): string | null {
    if (!this.jobId) return null
    const j = this.jobs.list().find((x) => x.jobId === this.jobId)
    return j?.state === 'running' ? this.jobId : null
  }

  /**
   * Start a sync job, or return the one already running. `manual` (the clerk's button) pushes
   * every waiting item at once; the timer's runs leave items whose backoff has not passed.
   */
  run(manual = false): string {
    const current = this.running()
    if (current) return current
    this.jobId = this.jobs.start('sync', async (ctx) => {
      try {
        const s = await runSync(this.db, ctx, {
          now: this.o.now,
          ...this.o.sync,
          ignoreBackoff: manual
        })
        this.seen(s.online, s.error)
        return { ...s, rematched: await this.rematch(ctx) } satisfies SyncSummary
      } catch (e) {
        this.online = null
        this.problem = null
        throw e
      }
    })
    return this.jobId
  }

  /**
   * Records a pull changed are matched again at once, once the clerk has matched at all: a full
   * run with the last run's thresholds (clerks' decisions are kept by reruns). Returns how many
   * changed records it covered; 0 when there was nothing to do or no run yet.
   */
  private async rematch(ctx: JobContext): Promise<number> {
    if (!this.o.dbPath) return 0
    const waiting = this.db.prepare('SELECT count(*) FROM sync_rematch').pluck().get() as number
    const last = this.db
      .prepare("SELECT params_json FROM match_run WHERE state = 'done' ORDER BY id DESC LIMIT 1")
      .pluck()
      .get() as string | undefined
    if (waiting === 0 || last === undefined) return 0
    const { thresholds } = JSON.parse(last) as { thresholds?: Thresholds }
    await runMatch(
      { dbPath: this.o.dbPath, source: 'all', thresholds, actor: this.o.actor ?? 'sync' },
      ctx
    )
    return waiting
  }

  private due(): number {
    return this.db
      .prepare(
        "SELECT count(*) FROM outbox WHERE state IN ('pending', 'sent') AND next_attempt_at <= ?"
      )
      .pluck()
      .get(this.o.now()) as number
  }

  /** What a probe, a run or a connection check found. */
  seen(online: boolean, problem: SyncProblem | null): void {
    this.online = online
    this.problem = online ? null : (problem ?? 'unreachable')
    this.checkedAt = new Date(this.o.now()).toISOString()
    this.checkedMono = performance.now()
  }

  /**
   * GET /health with a short timeout; when reachable and either it just came back or items are
   * due, sync. Probes asked for while one is on its way share it.
   */
  probe(): Promise<boolean | null> {
    this.probing ??= this.probeOnce().finally(() => (this.probing = null))
    return this.probing
  }

  /** Probe unless the last look is younger than `maxAgeMs` (a screen polling the status). */
  async probeIfOlder(maxAgeMs: number): Promise<void> {
    if (performance.now() - this.checkedMono >= maxAgeMs) await this.probe()
  }

  private async probeOnce(): Promise<boolean | null> {
    const config = syncConfig(this.db)
    if (!config || gatewayUrlProblem(config.url)) {
      this.online = null
      this.problem = null
      return null
    }
    const problem = await healthProblem(config.url)
    const ok = problem === null
    const cameBack = ok && this.online !== true
    this.seen(ok, problem)
    if (ok && (cameBack || this.due() > 0) && !this.running()) this.run()
    return ok
  }
}
