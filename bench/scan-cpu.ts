// CPU time of one thread's block index and scan, for comparing two versions of the matcher's code.
// `tsx bench/scan-cpu.ts --code DIR --db FILE`: DIR is a checkout of the code to measure (its
// src/ is loaded; default this one), FILE a database made by `doisoat link --db FILE` with
// DOISOAT_PASSPHRASE set to the same passphrase as here (`--passphrase`, default 'bench passphrase').
// Alternate two DIRs run after run on the same FILE: the machine's noise then falls on both.
import { resolve } from 'node:path'
import type * as Unlock from '../src/backend/crypto/unlock'
import type * as Open from '../src/backend/db/open'
import type * as Engine from '../src/core/match/engine'
import type * as Store from '../src/core/match/store'
import type * as Tables from '../src/core/normalize/address-tables'

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`)
  return at >= 0 ? process.argv[at + 1]! : fallback
}

async function main(): Promise<void> {
  const code = resolve(option('code', resolve(__dirname, '..')))
  const dbPath = resolve(option('db', ''))
  // The other checkout's modules, typed as this one's (the functions used here are the same).
  const src = <T>(p: string): Promise<T> => import(resolve(code, 'src', p)) as Promise<T>
  const { unlockDatabase } = await src<typeof Unlock>('backend/crypto/unlock')
  const { openDb } = await src<typeof Open>('backend/db/open')
  const { loadAddressIndex } = await src<typeof Tables>('core/normalize/address-tables')
  const { PopulationIndex, scan } = await src<typeof Engine>('core/match/engine')
  const { Lexicon, MATCH_COLUMNS, RecordStore } = await src<typeof Store>('core/match/store')
  unlockDatabase(dbPath, { passphrase: option('passphrase', 'bench passphrase') })
  const db = openDb(dbPath, { readonly: true })
  const lex = new Lexicon(await loadAddressIndex())
  const all = (table: string): unknown[][] =>
    db.prepare(`SELECT ${MATCH_COLUMNS} FROM ${table} ORDER BY id`).raw().all() as unknown[][]
  const popRows = all('population_record')
  const srcRows = all('source_record')
  const cpu = (): number => {
    const u = process.cpuUsage()
    return (u.user + u.system) / 1e6
  }
  let t = cpu()
  const lap = (): number => {
    const now = cpu()
    const d = now - t
    t = now
    return d
  }
  const pop = new RecordStore(lex, false, true)
  pop.reserve(popRows.length)
  for (const r of popRows) pop.addRaw(r)
  const load = lap()
  const index = new PopulationIndex(pop)
  const indexCpu = lap()
  const source = new RecordStore(lex, true, true)
  for (const r of srcRows) source.addRaw(r)
  lap()
  // The first scan warms the compiler; the best of the next three is the figure.
  let res = scan(index, source, 0, source.size, { keep: 6 })
  let scanCpu = Infinity
  lap()
  for (let k = 0; k < 3; k++) {
    res = scan(index, source, 0, source.size, { keep: 6 })
    scanCpu = Math.min(scanCpu, lap())
  }
  const round = (x: number): number => Math.round(x * 1000) / 1000
  console.log(
    JSON.stringify({
      code,
      load: round(load),
      index: round(indexCpu),
      scan: round(scanCpu),
      compared: res.compared,
      usPerPair: round((scanCpu / res.compared) * 1e6)
    })
  )
  db.close()
}

main().catch((e: unknown) => {
  console.error(e)
  process.exitCode = 1
})
