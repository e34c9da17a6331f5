// The gateway's database: PostgreSQL through `pg` (DATABASE_URL), or embedded PGlite in a folder.
// One small interface over both, the schema, and transactions that retry on serialization races.
import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
}

export interface GatewayDb extends Queryable {
  readonly kind: 'pglite' | 'postgres'
  /** Run fn in one transaction: committed when it resolves, rolled back when it throws. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/** Open PostgreSQL when a URL is given, else PGlite in `dataDir` (created when missing). */
export async function openGatewayDb(o: { url?: string; dataDir?: string }): Promise<GatewayDb> {
  const db = o.url ? openPostgres(o.url) : await openPglite(o.dataDir)
  try {
    await migrate(db)
  } catch (e) {
    await db.close()
    throw e
  }
  return db
}

async function openPglite(dataDir: string | undefined): Promise<GatewayDb> {
  if (dataDir) mkdirSync(dataDir, { recursive: true })
  const lite = await PGlite.create(dataDir)
  return {
    kind: 'pglite',
    async query<T>(sql: string, params?: unknown[]) {
      return (await lite.query<T>(sql, params)).rows
    },
    // PGlite runs one transaction at a time: concurrent requests queue here.
    tx<T>(fn: (q: Queryable) => Promise<T>) {
      return lite.transaction((t) =>
        fn({
          async query<R>(sql: string, params?: unknown[]) {
            return (await t.query<R>(sql, params)).rows
          }
        })
      )
    },
    close: () => lite.close()
  }
}

function openPostgres(url: string): GatewayDb {
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  // An idle client losing its server connection must not crash the gateway.
  pool.on('error', () => undefined)
  const run = async <T>(c: pg.Pool | pg.PoolClient, sql: string, params?: unknown[]) =>
    (await c.query(sql, params)).rows as T[]
  return {
    kind: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    async tx<T>(fn: (q: Queryable) => Promise<T>) {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const out = await fn({ query: (sql, params) => run(client, sql, params) })
        await client.query('COMMIT')
        return out
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw e
      } finally {
        client.release()
      }
    },
    close: () => pool.end()
  }
}

export const SCHEMA_VERSION = 1

/**
 * The whole schema, idempotent. `ledger` is append-only: a trigger refuses UPDATE, DELETE and
 * TRUNCATE, so a request once recorded stays as it was. `correction.uuid` is the primary key:
 * concurrent duplicates are settled by the constraint, never by a read-then-write.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS gw_meta (k text PRIMARY KEY, v text NOT NULL);
CREATE SEQUENCE IF NOT EXISTS change_seq;
CREATE TABLE IF NOT EXISTS person (
  key text PRIMARY KEY,
  commune text,
  version integer NOT NULL,
  seq bigint NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  name_key text,
  given_key text,
  id_number text,
  dob text,
  record jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS person_commune_seq ON person (commune, seq);
CREATE INDEX IF NOT EXISTS person_name_key ON person (name_key);
CREATE INDEX IF NOT EXISTS person_id_number ON person (id_number);
CREATE INDEX IF NOT EXISTS person_dob_given ON person (dob, given_key);
CREATE TABLE IF NOT EXISTS workstation (
  id text PRIMARY KEY,
  secret text NOT NULL,
  commune text NOT NULL,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS request_nonce (
  workstation_id text NOT NULL,
  nonce text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workstation_id, nonce)
);
CREATE TABLE IF NOT EXISTS supervisor_key (
  username text NOT NULL,
  commune text NOT NULL,
  public_key text NOT NULL,
  registered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (username, commune, public_key)
);
CREATE TABLE IF NOT EXISTS correction (
  uuid uuid PRIMARY KEY,
  content_hash text NOT NULL,
  workstation_id text NOT NULL,
  commune text NOT NULL,
  population_key text NOT NULL,
  status integer NOT NULL,
  outcome text NOT NULL,
  result jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS ledger (
  seq bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  workstation_id text NOT NULL,
  uuid uuid NOT NULL,
  event text NOT NULL,
  status integer NOT NULL,
  request jsonb NOT NULL,
  result jsonb NOT NULL
);
CREATE INDEX IF NOT EXISTS ledger_uuid ON ledger (uuid);
CREATE OR REPLACE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger is append-only (% refused)', TG_OP;
END $$;
CREATE OR REPLACE TRIGGER ledger_no_update_delete BEFORE UPDATE OR DELETE ON ledger
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE OR REPLACE TRIGGER ledger_no_truncate BEFORE TRUNCATE ON ledger
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
`

async function migrate(db: GatewayDb): Promise<void> {
  await db.tx(async (q) => {
    // Two gateways starting on one server at once: the second waits for the first's schema.
    if (db.kind === 'postgres') await q.query('SELECT pg_advisory_xact_lock(7007)')
    for (const stmt of SCHEMA.split(/;\n(?=CREATE)/)) await q.query(stmt)
    const rows = await q.query<{ v: string }>(`SELECT v FROM gw_meta WHERE k = 'schema'`)
    const found = rows[0] ? Number(rows[0].v) : null
    if (found !== null && found > SCHEMA_VERSION)
      throw new Error(`gateway database schema ${found} is newer than this gateway`)
    await q.query(
      `INSERT INTO gw_meta (k, v) VALUES ('schema', $1) ON CONFLICT (k) DO UPDATE SET v = $1`,
      [String(SCHEMA_VERSION)]
    )
  })
}

/** An ISO 8601 UTC text for a timestamptz column (the same from pg and PGlite). */
export function isoSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
}
