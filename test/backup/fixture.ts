// An encrypted database holding a generated commune (population and registry imported), with its
// recovery key and passphrase; and an audit event edited behind the app's back.
import { join } from 'node:path'
import { unlockDatabase } from '../../src/backend/crypto/unlock'
import type { Db } from '../../src/backend/db/open'
import { importFile } from '../../src/backend/import/import-file'
import { writeSample } from '../../src/backend/sample/write-sample'
import { jobCtx } from '../helpers/tmp'

export const FAST_SCRYPT = { N: 1 << 12, r: 8, p: 1 }
export const PASSPHRASE = 'cụm mật khẩu sao lưu'

export interface SampleDb {
  dbPath: string
  key: Buffer
  recoveryKey: string
  sampleDir: string
  population: string
  registry: string
}

export async function encryptedSampleDb(
  dir: string,
  name: string,
  o: { population?: number; registry?: number; seed?: number } = {}
): Promise<SampleDb> {
  const sampleDir = join(dir, `${name}-sample`)
  const files = await writeSample({
    outDir: sampleDir,
    population: o.population ?? 2000,
    registry: o.registry ?? 400,
    seed: o.seed ?? 11,
    legacy: false
  })
  const dbPath = join(dir, `${name}.db`)
  const made = unlockDatabase(
    dbPath,
    {},
    { create: { passphrase: PASSPHRASE, scrypt: FAST_SCRYPT } }
  )
  await importFile({ dbPath, kind: 'population', file: files.population }, jobCtx())
  await importFile({ dbPath, kind: 'registry', file: files.registry }, jobCtx())
  return {
    dbPath,
    key: made.key,
    recoveryKey: made.recoveryKey!,
    sampleDir,
    population: files.population,
    registry: files.registry
  }
}

/**
 * Edit an audit event behind the app's back (the trigger that forbids it dropped, then put back
 * as it was): the schema is the app's again, only the chain is broken.
 */
export function editAuditEvent(db: Db, id: number): void {
  const trigger = db
    .prepare("SELECT sql FROM sqlite_master WHERE name = 'audit_event_no_update'")
    .pluck()
    .get() as string
  db.exec('DROP TRIGGER audit_event_no_update')
  db.prepare("UPDATE audit_event SET actor = 'ai đó' WHERE id = ?").run(id)
  db.exec(trigger)
}
