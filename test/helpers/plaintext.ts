// Looking for a plaintext leak: names and ID numbers of a generated population file, searched as
// UTF-8 bytes in whatever a test wrote (a database, its WAL, a backup, a key file).
import { readFileSync } from 'node:fs'

/** `n` full names (UTF-8, NFC) and `n` 12-digit ID numbers from a population file. */
export function knownValues(file: string, n = 100): { names: string[]; ids: string[] } {
  const names = new Set<string>()
  const ids = new Set<string>()
  for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
    const f = line.split(',')
    if (f.length < 5) continue
    if (names.size < n && f[1]!.length > 8) names.add(f[1]!.normalize('NFC'))
    if (ids.size < n && /^\d{12}$/.test(f[4]!)) ids.add(f[4]!)
  }
  return { names: [...names], ids: [...ids] }
}

/** The values that appear in `bytes`. */
export const found = (bytes: Buffer, values: string[]): string[] =>
  values.filter((v) => bytes.includes(Buffer.from(v, 'utf8')))
