// The chaos run (npm run test:chaos): N approved corrections from 3 workstations, each synced by
// a child process that is killed with SIGKILL at random moments (and, on its own, right after the
// gateway committed a batch and before the local commit), the fault proxy's faults on, the
// gateway process restarted. Then every conflict is proposed again on the current version (a new
// correction), approved, and synced under the same faults, with many more kills right after the
// gateway's commit. Then: every correction in the ledger exactly once, none lost, none applied
// twice, every stale one a conflict and not applied, every resubmission applied once, every
// outbox drained, every signature valid, every audit chain valid. Size: CHAOS_CORRECTIONS,
// CHAOS_KILLS, CHAOS_SEED.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { verifyAudit } from '../../src/backend/audit/audit'
import { newKeyPair, verifyBytes } from '../../src/backend/auth/crypto'
import { openDb, type Db } from '../../src/backend/db/open'
import { approveCorrection, type Decider } from '../../src/backend/review/approve'
import { proposeAgain } from '../../src/backend/review/followup'
import { saveSyncConfig } from '../../src/backend/sync/outbox'
import { runSync } from '../../src/backend/sync/run-sync'
import { approvalBytes, type SignedApproval } from '../../src/core/review/signed-correction'
import { PERSON_FIELDS } from '../../src/shared/fields'
import { adminRequest } from '../../src/gateway/client'
import { openGatewayDb } from '../../src/gateway/db'
import { startFaultProxy, type FaultProxy } from '../../src/gateway/testing/fault-proxy'
import { startGatewayProcess, type GatewayProcess } from '../../src/gateway/testing/gateway-process'
import { ADMIN, samplePopulation } from '../gateway/fixture'
import { jobCtx, tempDir } from '../helpers/tmp'
import { seeded } from './rng'

const N = Number(process.env.CHAOS_CORRECTIONS ?? 1000)
const KILLS = Number(process.env.CHAOS_KILLS ?? 50)
const SEED = Number(process.env.CHAOS_SEED ?? 2026)
const WORKSTATIONS = 3
const STALE_RATE = 0.05

const dir = tempDir('doisoat-chaos-')
const random = seeded(SEED)
const CLIENT = resolve(__dirname, 'client.ts')

let gp: GatewayProcess | undefined
let proxy: FaultProxy | undefined
const children = new Set<ChildProcess>()
afterAll(async () => {
  for (const c of children) c.kill('SIGKILL')
  await proxy?.close()
  await gp?.stop()
})

interface Ws {
  no: number
  db: Db
  dbPath: string
  cred: { id: string; secret: string }
  decider: Decider
  uuids: string[]
  /** population-side corrections: uuid → record key and base version */
  national: Map<string, { key: string; base: number }>
  /** conflicts proposed again: old uuid → the new correction's uuid */
  resubmitted: Map<string, string>
  /** Stale corrections a pull took back before they were sent (their record changed): never sent. */
  takenBack: Set<string>
}

const count = (db: Db, sql: string, ...p: unknown[]): number =>
  db
    .prepare(sql)
    .pluck()
    .get(...p) as number

describe(`chaos: ${N} corrections, ${WORKSTATIONS} workstations, ${KILLS} kills, seed ${SEED}`, () => {
  it('loses nothing, applies nothing twice, applies no stale correction', async () => {
    const started = Date.now()
    const population = await samplePopulation(dir, Math.max(600, Math.ceil(N / 2)), SEED)
    const dataDir = join(dir, 'gateway')
    gp = await startGatewayProcess({ dataDir, adminToken: ADMIN, seedFrom: population })
    const gw = gp
    const admin = <T>(method: string, path: string, body?: unknown) =>
      adminRequest<T>(gw.url, ADMIN, method, path, body)
    const areas = await admin<{ areas: { area: string; records: number }[] }>('GET', '/admin/areas')
    const commune = [...areas.body.areas].sort((a, b) => b.records - a.records)[0]!.area

    // Three workstations of one commune, each with its own credential and supervisor key.
    const wss: Ws[] = []
    for (let no = 0; no < WORKSTATIONS; no++) {
      const cred = await admin<{ id: string; secret: string }>('POST', '/admin/workstations', {
        commune,
        name: `máy ${no + 1}`
      })
      const key = newKeyPair()
      const username = `giamsat${no}`
      await admin('PUT', `/admin/supervisors/${username}`, {
        publicKey: key.publicKey,
        communes: [commune]
      })
      const dbPath = join(dir, `ws${no}.db`)
      const db = openDb(dbPath)
      saveSyncConfig(db, {
        url: gw.url,
        workstationId: cred.body.id,
        secret: cred.body.secret,
        commune
      })
      const first = await runSync(db, jobCtx())
      expect(first.online).toBe(true)
      const decider: Decider = {
        username,
        role: 'supervisor',
        privateKey: key.privateKey,
        publicKey: key.publicKey
      }
      const ws: Ws = {
        no,
        db,
        dbPath,
        cred: cred.body,
        decider,
        uuids: [],
        national: new Map(),
        resubmitted: new Map(),
        takenBack: new Set()
      }
      wss.push(ws)
      // Each workstation corrects its own share of the records on the national side, one
      // correction per record; the rest are local-side corrections (recorded, no version bump).
      const records = db
        .prepare(
          'SELECT id, record_key AS key, version, ethnicity FROM population_record ORDER BY id'
        )
        .all() as { id: number; key: string; version: number; ethnicity: string | null }[]
      const mine = records.filter((_, i) => i % WORKSTATIONS === no)
      const spare = mine.slice(Math.ceil(mine.length / 2))
      const share = Math.floor(N / WORKSTATIONS) + (no < N % WORKSTATIONS ? 1 : 0)
      const insert = db.prepare(
        `INSERT INTO correction (uuid, population_record_id, population_key, population_version, side,
           reason, evidence, state, proposed_by, proposed_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'typo', 'KS 1/2020', 'proposed', ?, '2026-11-27T01:00:00.000Z', 'then')`
      )
      const field = db.prepare(
        'INSERT INTO correction_field (correction_uuid, field, old_value, new_value) VALUES (?, ?, ?, ?)'
      )
      for (let i = 0; i < share; i++) {
        const uuid = randomUUID()
        const national = i < mine.length / 2
        // Local-side ones go to records nobody corrects nationally (the gateway checks their
        // base version too: a record changed by another correction would make them stale).
        const r = national ? mine[i]! : spare[Math.floor(random() * spare.length)]!
        insert.run(uuid, r.id, r.key, r.version, national ? 'population' : 'local', `canbo${no}`)
        if (national) {
          field.run(uuid, 'ethnicity', r.ethnicity, r.ethnicity === 'Thái' ? 'Mường' : 'Thái')
          ws.national.set(uuid, { key: r.key, base: r.version })
        } else field.run(uuid, 'hometown', null, `Xã thử ${no}-${i}`)
        approveCorrection(db, uuid, decider, '2026-11-27T02:00:00.000Z')
        ws.uuids.push(uuid)
      }
    }

    // The national side changes some corrected records meanwhile: those corrections are stale.
    const stale = new Set<string>()
    const current = new Map<string, Record<string, string | null>>()
    for (const ws of wss)
      for (const [uuid, n] of ws.national)
        if (random() < STALE_RATE) {
          stale.add(uuid)
          const rec = ws.db
            .prepare('SELECT * FROM population_record WHERE record_key = ?')
            .get(n.key) as Record<string, string | null>
          current.set(n.key, rec)
          const record: Record<string, string | null> = {}
          for (const f of PERSON_FIELDS) record[f] = rec[f] ?? null
          await admin('PUT', `/admin/records/${n.key}`, {
            record: { ...record, hometown: 'Đổi ở trung ương' }
          })
        }

    proxy = await startFaultProxy({
      target: gw.url,
      seed: SEED,
      rates: {
        drop_request: 0.03,
        drop_response: 0.05,
        duplicate: 0.03,
        reorder: 0.03,
        delay: 0.03,
        truncate: 0.03,
        error_500: 0.03,
        error_503: 0.03
      },
      maxDelayMs: 50,
      holdMs: 30
    })
    for (const ws of wss) {
      saveSyncConfig(ws.db, {
        url: proxy.url,
        workstationId: ws.cred.id,
        secret: ws.cred.secret,
        commune
      })
      ws.db.close()
    }

    // The chaos: client processes killed at random moments, the gateway restarted now and then.
    let kills = 0
    let ackKills = 0
    let restarts = 0
    const drained = new Set<number>()
    const spawnClient = (ws: Ws, o: { ackKill: string; batch?: string }): Promise<void> =>
      new Promise((done) => {
        const child = spawn(process.execPath, ['--import', 'tsx', CLIENT], {
          env: {
            ...process.env,
            CHAOS_DB: ws.dbPath,
            CHAOS_SEED: String(Math.floor(random() * 2 ** 31)),
            CHAOS_ACK_KILL: o.ackKill,
            // Paced while kills remain: a client then commits at most one batch of 10 before its
            // kill (2 s pause vs a life of 0.3–2.8 s), so all KILLS happen before the queues drain.
            CHAOS_PACE_MS: kills < KILLS ? '2000' : '0',
            CHAOS_BATCH: o.batch ?? (kills < KILLS ? '10' : '25')
          },
          stdio: ['ignore', 'ignore', 'inherit']
        })
        children.add(child)
        let killedByUs = false
        const timer =
          kills < KILLS
            ? setTimeout(
                () => {
                  if (kills >= KILLS || child.exitCode !== null) return
                  killedByUs = true
                  kills++
                  child.kill('SIGKILL')
                },
                300 + Math.floor(random() * 2500)
              )
            : null
        child.on('exit', (code, signal) => {
          if (timer) clearTimeout(timer)
          children.delete(child)
          if (signal === 'SIGKILL' && !killedByUs) ackKills++
          if (code === 0) drained.add(ws.no)
          done()
        })
      })
    const loops = wss.map(async (ws) => {
      while (!drained.has(ws.no)) await spawnClient(ws, { ackKill: '0.04' })
    })
    const restarter = (async () => {
      let next = 10
      while (drained.size < WORKSTATIONS) {
        await new Promise((r) => setTimeout(r, 200))
        if (kills >= next) {
          next += 10
          restarts++
          await gw.restart({ hard: restarts % 2 === 0 })
        }
      }
    })()
    await Promise.all([...loops, restarter])

    // Every conflict is proposed again as a new correction on the record as it stands now (the
    // pull brought the national change), approved by the supervisor, and synced under the same
    // faults, one item per batch, half of them followed by a kill between the gateway's commit
    // and ours.
    let resubmissions = 0
    for (const ws of wss) {
      ws.db = openDb(ws.dbPath)
      // A stale correction is answered by the gateway as a conflict, or, when a pull brought the
      // national change before it was sent, taken back here ('outdated'): proposed again either way.
      const conflicts = ws.db
        .prepare(
          "SELECT uuid FROM correction WHERE state IN ('conflict', 'outdated') ORDER BY uuid"
        )
        .pluck()
        .all() as string[]
      const outdated = new Set(
        ws.db
          .prepare("SELECT uuid FROM correction WHERE state = 'outdated'")
          .pluck()
          .all() as string[]
      )
      for (const uuid of conflicts) {
        if (outdated.has(uuid)) ws.takenBack.add(uuid)
        const again = proposeAgain(ws.db, uuid, `canbo${ws.no}`, '2026-11-28T01:00:00.000Z')
        approveCorrection(ws.db, again.uuid, ws.decider, '2026-11-28T02:00:00.000Z')
        ws.resubmitted.set(uuid, again.uuid)
        resubmissions++
      }
      ws.db.close()
    }
    const ackKillsBefore = ackKills
    drained.clear()
    await gw.restart({ hard: true })
    restarts++
    await Promise.all(
      wss.map(async (ws) => {
        while (!drained.has(ws.no)) await spawnClient(ws, { ackKill: '0.5', batch: '1' })
      })
    )
    const resubmitAckKills = ackKills - ackKillsBefore
    await proxy.close()
    proxy = undefined
    await gw.stop()
    gp = undefined

    // ---- invariants ----
    const g = await openGatewayDb({ dataDir })
    const ledger = await g.query<{ uuid: string; n: number; outcome: string }>(
      `SELECT uuid::text AS uuid, count(*)::int AS n, min(event) AS outcome FROM ledger
       WHERE event IN ('applied', 'recorded', 'conflict', 'rejected') GROUP BY uuid`
    )
    const decided = new Map(ledger.map((l) => [l.uuid, l]))
    const persons = await g.query<{
      key: string
      version: number
      record: Record<string, string | null>
    }>('SELECT key, version, record FROM person')
    const person = new Map(persons.map((p) => [p.key, p]))
    await g.close()
    let lost = 0
    let twice = 0
    let staleApplied = 0
    let conflicts = 0
    let resubmittedOnce = 0
    for (const w of wss) {
      const db = openDb(w.dbPath)
      expect(
        count(db, "SELECT count(*) FROM outbox WHERE state IN ('pending', 'sent', 'parked')")
      ).toBe(0)
      const stateOf = (uuid: string) =>
        db.prepare('SELECT state FROM correction WHERE uuid = ?').pluck().get(uuid)
      const outboxOf = (uuid: string) => {
        const row = db
          .prepare('SELECT state, payload_json AS payload FROM outbox WHERE correction_uuid = ?')
          .get(uuid) as { state: string; payload: string }
        const a = JSON.parse(row.payload) as SignedApproval
        expect(verifyBytes(a.publicKey, approvalBytes(a.payload), a.signature)).toBe(true)
        return row.state
      }
      for (const uuid of w.uuids) {
        const d = decided.get(uuid)
        const takenBack = w.takenBack.has(uuid)
        // Taken back before sending: the gateway never saw it, and must not have.
        if (takenBack) expect(d).toBeUndefined()
        else if (!d) lost++
        else if (d.n !== 1) twice++
        const n = w.national.get(uuid)
        if (stale.has(uuid)) {
          conflicts++
          // The stale one: a conflict answered once, or taken back unsent; never applied;
          // replaced by a new correction.
          if (!takenBack) expect(d?.outcome).toBe('conflict')
          if (d !== undefined && d.outcome !== 'conflict') staleApplied++
          expect(outboxOf(uuid)).toBe('closed')
          expect(stateOf(uuid)).toBe('superseded')
          const again = w.resubmitted.get(uuid)!
          const r = decided.get(again)
          if (!r) lost++
          else if (r.n !== 1) twice++
          expect(r?.outcome).toBe('applied')
          expect(outboxOf(again)).toBe('done')
          expect(stateOf(again)).toBe('accepted')
          // The national change, then the resubmission once: nothing else touched the record.
          const p = person.get(n!.key)!
          const wanted = current.get(n!.key)!.ethnicity === 'Thái' ? 'Mường' : 'Thái'
          if (p.version === n!.base + 2 && p.record.ethnicity === wanted) resubmittedOnce++
        } else {
          expect(outboxOf(uuid)).toBe('done')
          expect(stateOf(uuid)).toBe('accepted')
          expect(d?.outcome).toBe(n ? 'applied' : 'recorded')
          if (n) expect(person.get(n.key)!.version).toBe(n.base + 1) // applied once
        }
      }
      expect(verifyAudit(db).ok).toBe(true)
      db.close()
    }
    const seconds = Math.round((Date.now() - started) / 1000)
    console.log(
      `chaos seed ${SEED}: ${N} corrections, ${wss.length} workstations, kills ${kills} + ${ackKills} after the gateway's commit (${resubmitAckKills} while resubmitting), gateway restarts ${restarts}, stale ${stale.size}, resubmitted ${resubmissions} (taken back unsent ${wss.reduce((n, w) => n + w.takenBack.size, 0)}), ${seconds} s; lost ${lost}, twice ${twice}, stale applied ${staleApplied}, resubmissions applied once ${resubmittedOnce}`
    )
    expect({ lost, twice, staleApplied, conflicts, resubmissions, resubmittedOnce }).toEqual({
      lost: 0,
      twice: 0,
      staleApplied: 0,
      conflicts: stale.size,
      resubmissions: stale.size,
      resubmittedOnce: stale.size
    })
    expect(kills).toBe(KILLS)
    expect(ackKills).toBeGreaterThan(0)
    expect(resubmitAckKills).toBeGreaterThan(0)
  })
})
