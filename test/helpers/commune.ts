// A generated commune for tests: a seeded sample imported (population, then register), matched,
// and a clerk signed in to a backend on it.
import { dirname, join } from 'node:path'
import { createBackend, type Backend, type Caller } from '../../src/backend/host'
import { importFile } from '../../src/backend/import/import-file'
import { runMatch } from '../../src/backend/match/run-match'
import { writeSample } from '../../src/backend/sample/write-sample'
import { jobCtx } from './tmp'
import { signInAs } from './users'

export interface CommuneOptions {
  /** The database; the sample files are written beside it. */
  dbPath: string
  population: number
  registry: number
  seed: number
  /** Runs first, before anything is written (e.g. to create the database encrypted). */
  create?: (dbPath: string) => void
}

export interface ImportedCommune {
  /** Where population.csv, registry.csv and truth.csv are. */
  dir: string
  registryBatch: number
}

/** The sample written and imported: population first, then the register. */
export async function importedCommune(o: CommuneOptions): Promise<ImportedCommune> {
  const dir = dirname(o.dbPath)
  o.create?.(o.dbPath)
  await writeSample({
    outDir: dir,
    population: o.population,
    registry: o.registry,
    seed: o.seed,
    legacy: false
  })
  await importFile(
    { dbPath: o.dbPath, kind: 'population', file: join(dir, 'population.csv') },
    jobCtx()
  )
  const registry = await importFile(
    { dbPath: o.dbPath, kind: 'registry', file: join(dir, 'registry.csv') },
    jobCtx()
  )
  return { dir, registryBatch: registry.batchId }
}

export interface Commune extends ImportedCommune {
  runId: number
  backend: Backend
  clerk: Caller & { session: string }
}

/** Imported, matched (on `workers` threads, 1 by default) and a clerk signed in. */
export async function generatedCommune(
  o: CommuneOptions & { workers?: number; clerk: string; clerkName?: string }
): Promise<Commune> {
  const imported = await importedCommune(o)
  const { runId } = await runMatch({ dbPath: o.dbPath, workers: o.workers ?? 1 }, jobCtx())
  const backend = createBackend({ dbPath: o.dbPath })
  const clerk = await signInAs(backend, o.clerk, 'clerk', undefined, o.clerkName ?? o.clerk)
  return { ...imported, runId, backend, clerk }
}
