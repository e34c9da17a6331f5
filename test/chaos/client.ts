// One workstation's sync process for the chaos run: syncs until its outbox is drained, then
// exits 0. The parent kills it with SIGKILL at random moments; with CHAOS_ACK_KILL it also kills
// itself right after the gateway answered a batch and before the answer is committed locally.
import { openDb, allowPlainDatabases } from '../../src/backend/db/open'
import { createSyncClient } from '../../src/backend/sync/client'
import { runSync } from '../../src/backend/sync/run-sync'
import { seeded } from './rng'

allowPlainDatabases()
const db = openDb(process.env.CHAOS_DB!)
const random = seeded(Number(process.env.CHAOS_SEED ?? 1))
const ackKill = Number(process.env.CHAOS_ACK_KILL ?? 0)
// While the parent still has kills to make, it paces its clients (a pause before each batch,
// smaller batches), so kills land mid-work whatever the machine's speed; then full speed.
const paceMs = Number(process.env.CHAOS_PACE_MS ?? 0)
const batchSize = Number(process.env.CHAOS_BATCH ?? 25)
const left = db.prepare("SELECT count(*) FROM outbox WHERE state IN ('pending', 'sent')").pluck()

async function main(): Promise<void> {
  while ((left.get() as number) > 0) {
    await runSync(
      db,
      { signal: new AbortController().signal, progress: () => undefined },
      {
        batchSize,
        random,
        itemBackoff: { baseMs: 5, maxMs: 100 },
        makeClient: (c) => {
          const client = createSyncClient(c, {
            backoff: { baseMs: 5, maxMs: 200 },
            maxAttempts: 8,
            timeoutMs: 5_000,
            random
          })
          return {
            ...client,
            async pushBatch(items) {
              if (paceMs > 0) await new Promise((r) => setTimeout(r, paceMs))
              const out = await client.pushBatch(items)
              // The gateway has committed; the local acknowledgement has not happened yet.
              if (random() < ackKill) process.kill(process.pid, 'SIGKILL')
              return out
            }
          }
        }
      }
    )
    await new Promise((r) => setTimeout(r, 20))
  }
  db.close()
}

void main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e)
    process.exit(3)
  }
)
