// The gateway reads its seed file itself: UTF-8 CSV in chunks, anything else refused with a reason.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readSeedFile, type SeedRow } from '../../src/gateway/seed-file'
import { AppError } from '../../src/shared/errors'
import { tempDir } from '../helpers/tmp'

const dir = tempDir('doisoat-seed-file-')

async function rows(file: string): Promise<SeedRow[]> {
  const out: SeedRow[] = []
  for await (const chunk of readSeedFile(file)) out.push(...chunk)
  return out
}

function write(name: string, data: string | Buffer): string {
  const path = join(dir, name)
  writeFileSync(path, data)
  return path
}

async function refusal(file: string): Promise<{ code: string; params: unknown }> {
  try {
    await rows(file)
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, params: e.params }
    throw e
  }
  throw new Error('not refused')
}

describe('readSeedFile', () => {
  it('reads rows across chunks, without the BOM, in NFC, with the delimiter of the file', async () => {
    const nfd = 'Nguyễn Thị Hoà'.normalize('NFD')
    const lines = ['ma;ho_ten', ...Array.from({ length: 40_000 }, (_, i) => `${i};${nfd} "${i}"`)]
    const file = write('population.csv', '\ufeff' + lines.join('\r\n') + '\r\n')
    const got = await rows(file)
    expect(got).toHaveLength(40_001)
    expect(got[0]).toEqual({ n: 1, values: ['ma', 'ho_ten'] })
    expect(got[40_000]).toEqual({ n: 40_001, values: ['39999', 'Nguyễn Thị Hoà "39999"'] })
    expect(got.every((r) => r.values[1] === r.values[1]!.normalize('NFC'))).toBe(true)
  })

  it('refuses a spreadsheet, text that is not UTF-8, an empty file and an unclosed quote', async () => {
    expect(await refusal(write('p.xlsx', Buffer.from('PK\x03\x04rest', 'latin1')))).toEqual({
      code: 'file_unreadable',
      params: expect.objectContaining({ detail: 'not a CSV file' })
    })
    // "Nguyễn" in TCVN3 bytes: not valid UTF-8.
    const tcvn3 = Buffer.from([0x4e, 0x67, 0x75, 0x79, 0xd5, 0x6e, 0x0d, 0x0a])
    expect(await refusal(write('p-tcvn3.csv', tcvn3))).toEqual({
      code: 'file_unreadable',
      params: expect.objectContaining({ detail: 'not UTF-8 text' })
    })
    expect((await refusal(write('empty.csv', ''))).code).toBe('file_empty')
    expect(await refusal(write('quote.csv', 'a,b\n1,"open\n'))).toEqual({
      code: 'file_unreadable',
      params: expect.objectContaining({ detail: 'unbalanced_quotes' })
    })
  })
})
