// What a database holds and whether it is whole: row counts, the audit chain's end, integrity,
// and a schema exactly as the migrations made it. Backups are checked with it after writing and
// before a restore, and `doisoat db verify` prints it.
import type { SnapshotInfo } from '../../shared/api'
import { verifyAudit, type AuditVerdict } from '../audit/audit'
import { LATEST_VERSION } from '../db/migrations'
import { migrate, openDb, schemaVersion, type Db } from '../db/open'

/** What a snapshot of the database held; stored with each backup in backup_log. */
export interface BackupSnapshot {
  /** When the snapshot's read transaction began. */
  takenAt: string
  schemaVersion: number
  /** Rows of every table (virtual tables excepted). */
  counts: Record<string, number>
  lastAudit: { id: number; at: string; actor: string; action: string; hash: string } | null
  /** The highest approval id: approvals above it were made after this snapshot. */
  approvalMaxId: number
  /** Corrections approved but not yet accepted by the national side (outbox not done). */
  unsynced: { pending: number; sent: number; parked: number; conflict: number }
  /** The commune this database syncs (null before sync is configured). */
  commune: string | null
}

const has = (db: Db, table: string): boolean =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table) !==
  undefined

/** Read inside one transaction (the caller's), so every figure is of the same moment. */
export function takeSnapshot(db: Db, takenAt: string): BackupSnapshot {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
         AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`
    )
    .pluck()
    .all() as string[]
  const counts: Record<string, number> = {}
  for (const t of tables)
    counts[t] = db
      .prepare(`SELECT count(*) FROM "${t.replace(/"/g, '""')}"`)
      .pluck()
      .get() as number
  const lastAudit = has(db, 'audit_event')
    ? ((db
        .prepare('SELECT id, at, actor, action, hash FROM audit_event ORDER BY id DESC LIMIT 1')
        .get() as BackupSnapshot['lastAudit'] | undefined) ?? null)
    : null
  const unsynced = { pending: 0, sent: 0, parked: 0, conflict: 0 }
  if (has(db, 'outbox'))
    for (const r of db
      .prepare("SELECT state, count(*) AS n FROM outbox WHERE state <> 'done' GROUP BY state")
      .all() as { state: keyof typeof unsynced; n: number }[])
      unsynced[r.state] = r.n
  return {
    takenAt,
    schemaVersion: schemaVersion(db),
    counts,
    lastAudit,
    approvalMaxId: has(db, 'approval')
      ? (db.prepare('SELECT coalesce(max(id), 0) FROM approval').pluck().get() as number)
      : 0,
    unsynced,
    commune: has(db, 'sync_state')
      ? ((db.prepare("SELECT value FROM sync_state WHERE key = 'commune'").pluck().get() as
          string | undefined) ?? null)
      : null
  }
}

type SchemaEntry = string

const expected = new Map<number, Set<SchemaEntry>>()

function schemaOf(db: Db): Set<SchemaEntry> {
  const rows = db
    .prepare(
      `SELECT type, name, tbl_name, sql FROM sqlite_master
       WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`
    )
    .raw()
    .all() as (string | null)[][]
  return new Set(rows.map((r) => JSON.stringify(r)))
}

/** The schema the migrations give at `version`, from an in-memory database (cached). */
function expectedSchema(version: number): Set<SchemaEntry> {
  let s = expected.get(version)
  if (!s) {
    const mem = openDb(':memory:', { migrate: false })
    try {
      migrate(mem, version)
      s = schemaOf(mem)
    } finally {
      mem.close()
    }
    expected.set(version, s)
  }
  return s
}

export interface DatabaseCheck {
  ok: boolean
  /** 'ok', or SQLite's first findings. */
  integrity: string[]
  audit: AuditVerdict
  /**
   * 'ok': tables, indexes and triggers are exactly those of the migrations at its version;
   * 'too_new': written by a newer app; 'unexpected': objects the app never makes (a foreign or
   * altered file: its triggers or views would run inside this app).
   */
  schema: 'ok' | 'too_new' | 'unexpected'
  unexpected: string[]
  snapshot: BackupSnapshot
}

/** Integrity, audit chain, schema and counts of an open database (read only). */
export function checkDatabase(db: Db, takenAt = new Date().toISOString()): DatabaseCheck {
  const found = db.pragma('integrity_check(20)') as { integrity_check: string }[]
  const integrity = found.map((r) => r.integrity_check)
  const version = schemaVersion(db)
  let schema: DatabaseCheck['schema'] = 'ok'
  const unexpected: string[] = []
  if (version > LATEST_VERSION) schema = 'too_new'
  else {
    const want = expectedSchema(version)
    const got = schemaOf(db)
    for (const e of got)
      if (!want.has(e)) unexpected.push(`+${(JSON.parse(e) as string[]).slice(0, 2).join(' ')}`)
    for (const e of want)
      if (!got.has(e)) unexpected.push(`-${(JSON.parse(e) as string[]).slice(0, 2).join(' ')}`)
    if (unexpected.length) schema = 'unexpected'
  }
  // The audit chain and the counts mean something only on a database whose pages and schema hold.
  const whole = integrity.length === 1 && integrity[0] === 'ok' && schema === 'ok'
  const audit: AuditVerdict =
    whole && has(db, 'audit_event')
      ? verifyAudit(db)
      : {
          ok: whole,
          checked: 0,
          lastId: null,
          brokenAt: null,
          problem: null,
          after: null,
          missingIds: null
        }
  const snapshot = whole
    ? takeSnapshot(db, takenAt)
    : {
        takenAt,
        schemaVersion: version,
        counts: {},
        lastAudit: null,
        approvalMaxId: 0,
        unsynced: { pending: 0, sent: 0, parked: 0, conflict: 0 },
        commune: null
      }
  return { ok: whole && audit.ok, integrity, audit, schema, unexpected, snapshot }
}

/** Why two snapshots of what should be the same database differ; null when they agree. */
export function snapshotDifference(a: BackupSnapshot, b: BackupSnapshot): string | null {
  if (a.schemaVersion !== b.schemaVersion) return `schema ${a.schemaVersion} / ${b.schemaVersion}`
  const tables = new Set([...Object.keys(a.counts), ...Object.keys(b.counts)])
  for (const t of tables)
    if (a.counts[t] !== b.counts[t]) return `${t}: ${a.counts[t] ?? '-'} / ${b.counts[t] ?? '-'}`
  if ((a.lastAudit?.hash ?? null) !== (b.lastAudit?.hash ?? null)) return 'audit_event: last hash'
  return null
}

/** A snapshot as the API gives it: no hashes, what the screens show. */
export function snapshotInfo(s: BackupSnapshot): SnapshotInfo {
  return {
    takenAt: s.takenAt,
    schemaVersion: s.schemaVersion,
    counts: s.counts,
    lastAudit: s.lastAudit && {
      id: s.lastAudit.id,
      at: s.lastAudit.at,
      actor: s.lastAudit.actor,
      action: s.lastAudit.action
    },
    unsynced: s.unsynced,
    commune: s.commune
  }
}
