// Seeding the gateway from a population file (as `doisoat sample` writes it), through the app's
// CSV parser, header recognition and row normalisation: one parser, not a second one.
import { detectHeaderRow, planColumns, type ColumnPlan } from '../core/import/headers'
import { toCanonical } from '../core/import/row'
import { resolveAddress } from '../core/normalize/address'
import { loadAddressIndex } from '../core/normalize/address-tables'
import type { GatewayDb } from './db'
import { insertRecords, personOnly } from './records'
import { readSeedFile, type SeedRow } from './seed-file'

export interface SeedSummary {
  read: number
  inserted: number
  rejected: number
  /** Rows whose key was already in the gateway (a second seeding of the same file). */
  existing: number
}

const BLOCK = 5000
const HEADER_SCAN = 30

export async function seedFromFile(
  db: GatewayDb,
  file: string,
  onProgress?: (s: SeedSummary) => void
): Promise<SeedSummary> {
  const index = await loadAddressIndex()
  const summary: SeedSummary = { read: 0, inserted: 0, rejected: 0, existing: 0 }
  let header: { row: number; width: number; plan: ColumnPlan } | null = null
  const early: SeedRow[] = []
  let block: { key: string; version: number; record: ReturnType<typeof personOnly> }[] = []
  const blank = (r: SeedRow) => r.values.every((v) => v.trim() === '')

  const flush = async (): Promise<void> => {
    if (block.length === 0) return
    const rows = block
    block = []
    const n = await db.tx((q) => insertRecords(q, rows))
    summary.inserted += n
    summary.existing += rows.length - n
    onProgress?.(summary)
  }
  const take = (row: SeedRow): void => {
    if (!header || row.n <= header.row || blank(row)) return
    summary.read++
    const r = toCanonical(row.values, {
      kind: 'population',
      plan: header.plan,
      headerLength: header.width,
      strictWidth: true,
      resolveAddress: (text) => resolveAddress(text, index)
    })
    if (!r.ok || !r.record.record_key) {
      summary.rejected++
      return
    }
    block.push({
      key: r.record.record_key,
      version: r.record.version ?? 1,
      record: personOnly(r.record)
    })
  }
  const startHeader = (): void => {
    const rows = early.filter((r) => !blank(r))
    const at =
      rows[
        detectHeaderRow(
          rows.map((r) => r.values),
          'population',
          HEADER_SCAN
        )
      ]
    if (!at) throw new Error(`${file}: no header row`)
    const plan = planColumns(at.values, 'population')
    if (
      !plan.fieldColumns.record_key ||
      (!plan.fieldColumns.full_name && !plan.fieldColumns.given_name)
    )
      throw new Error(`${file}: no record key or name column`)
    header = { row: at.n, width: at.values.length, plan }
    for (const r of early) take(r)
  }

  for await (const chunk of readSeedFile(file)) {
    for (const row of chunk) {
      if (header) take(row)
      else {
        early.push(row)
        if (early.length >= HEADER_SCAN) startHeader()
      }
    }
    if (block.length >= BLOCK) await flush()
  }
  if (!header) startHeader()
  await flush()
  return summary
}
