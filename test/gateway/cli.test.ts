// `doisoat gateway`: help and a clear error for a missing seed file, in both languages.
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main'

async function run(argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('doisoat gateway', () => {
  it('documents its options', async () => {
    const r = await run(['gateway', '--help', '--lang', 'en'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('--seed-from FILE')
    expect(r.out).toContain('DATABASE_URL')
  })
  it('says which seed file is missing, before opening any database', async () => {
    const vi = await run(['gateway', '--seed-from', '/no/such/population.csv', '--port', '0'])
    expect(vi.code).toBe(1)
    expect(vi.err).toBe('Không tìm thấy tệp "/no/such/population.csv".')
    const en = await run(['gateway', '--seed-from', '/no/such/population.csv', '--lang', 'en'])
    expect(en.err).toBe('File "/no/such/population.csv" not found.')
  })
})
