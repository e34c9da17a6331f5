// The sample files on disk: exact headers and counts, byte-identical per seed, legacy copies that decode back.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCsvParser } from '../../core/import/csv'
import { decodeVni } from '../../core/encoding/vni'
import { ERROR_TYPES, hasDiacritics } from '../../core/sample/entry-errors'
import { AppError } from '../../shared/errors'
import { writeSample, type SampleFiles } from './write-sample'

const POPULATION_HEADER =
  'rec_id,ho_ten,ngay_sinh,gioi_tinh,so_dinh_danh,so_cmnd,noi_thuong_tru,ma_tinh,ma_xa,que_quan,dan_toc,ho_ten_cha,ho_ten_me,ho_ten_vo_chong,tinh_trang,ngay_mat,phien_ban'
const REGISTRY_HEADER =
  'STT,Mã hồ sơ,Họ và tên,Ngày sinh,Giới tính,Số định danh/CMND,Nơi thường trú,Quê quán,Dân tộc,Họ tên cha,Họ tên mẹ,Tình trạng,Ngày mất'
const TRUTH_HEADER = 'registry_key,population_key,error_types,lookalike_keys,lookalike_kind'

const N = 2000
const M = 400

let root: string
let files: SampleFiles
let again: SampleFiles
let other: SampleFiles
const progress: [number, number][] = []

function parse(text: string): Record<string, string>[] {
  const p = createCsvParser(',')
  const rows = [...p.push(text), ...p.end()]
  const header = rows.shift()!
  return rows.map((r) => {
    expect(r).toHaveLength(header.length)
    return Object.fromEntries(header.map((h, i) => [h, r[i]!]))
  })
}

const read = (f: string): Promise<string> => readFile(f, 'utf8')

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'doisoat-sample-test-'))
  files = await writeSample({
    outDir: join(root, 'a'),
    population: N,
    registry: M,
    seed: 1,
    onProgress: (done, total) => progress.push([done, total])
  })
  again = await writeSample({ outDir: join(root, 'b'), population: N, registry: M, seed: 1 })
  other = await writeSample({ outDir: join(root, 'c'), population: N, registry: M, seed: 2 })
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('writeSample', () => {
  it('writes the files with exact headers, encodings and line ends', async () => {
    expect((await readdir(join(root, 'a'))).sort()).toEqual([
      'population.csv',
      'registry.cp1258.csv',
      'registry.csv',
      'registry.tcvn3.csv',
      'registry.vni.csv',
      'registry.xlsx',
      'truth.csv'
    ])
    const pop = await read(files.population)
    expect(pop.startsWith(POPULATION_HEADER + '\n')).toBe(true)
    expect(pop).not.toContain('\r')
    const reg = await read(files.registry)
    expect(reg.startsWith('\ufeff' + REGISTRY_HEADER + '\r\n')).toBe(true)
    expect(reg.split('\r\n')).toHaveLength(M + 2)
    expect(reg.replace(/\r\n/g, '')).not.toContain('\n')
    expect((await read(files.truth)).startsWith(TRUTH_HEADER + '\n')).toBe(true)
  })

  it('writes exactly N population rows and M registry rows, keyed in order', async () => {
    const pop = parse(await read(files.population))
    const reg = parse((await read(files.registry)).slice(1))
    const truth = parse(await read(files.truth))
    expect(pop).toHaveLength(N)
    expect(reg).toHaveLength(M)
    expect(truth).toHaveLength(M)
    pop.forEach((p, i) => expect(p.rec_id).toBe('DC' + String(i + 1).padStart(7, '0')))
    reg.forEach((r, i) => {
      expect(r.STT).toBe(String(i + 1))
      expect(r['Mã hồ sơ']).toBe('HT-' + String(i + 1).padStart(6, '0'))
      expect(truth[i]!.registry_key).toBe(r['Mã hồ sơ'])
    })
    expect(progress.at(-1)).toEqual([N, N])
  })

  it('writes valid population fields, IDs consistent with sex and birth year', async () => {
    for (const p of parse(await read(files.population))) {
      expect(p.ngay_sinh).toMatch(/^\d{4}(-\d{2}-\d{2})?$/)
      expect(['Nam', 'Nữ']).toContain(p.gioi_tinh)
      expect(p.ma_tinh).toMatch(/^\d{2}$/)
      expect(p.ma_xa).toMatch(/^\d{5}$/)
      expect(p.noi_thuong_tru?.split(', ')).toHaveLength(3)
      expect(p.so_cmnd).toMatch(/^(\d{9})?$/)
      expect(p.phien_ban).toMatch(/^[1-5]$/)
      expect(['Còn sống', 'Đã mất']).toContain(p.tinh_trang)
      expect(p.ngay_mat === '').toBe(p.tinh_trang === 'Còn sống')
      if (p.so_dinh_danh) {
        expect(p.so_dinh_danh).toMatch(/^\d{12}$/)
        const d = Number(p.so_dinh_danh[3])
        expect(d % 2 === 0 ? 'Nam' : 'Nữ').toBe(p.gioi_tinh)
        const year = 1900 + Math.floor(d / 2) * 100 + Number(p.so_dinh_danh.slice(4, 6))
        expect(String(year)).toBe(p.ngay_sinh?.slice(0, 4))
      }
    }
  })

  it('answers for every registry row in truth.csv', async () => {
    const pop = new Map(parse(await read(files.population)).map((p) => [p.rec_id, p]))
    const reg = parse((await read(files.registry)).slice(1))
    const truth = parse(await read(files.truth))
    let outside = 0
    truth.forEach((t, i) => {
      const r = reg[i]!
      if (t.population_key === '') outside++
      else expect(pop.has(t.population_key ?? '')).toBe(true)
      const errors = t.error_types ? t.error_types.split('|') : []
      for (const e of errors) expect(ERROR_TYPES).toContain(e)
      const keys = t.lookalike_keys ? t.lookalike_keys.split('|') : []
      const kinds = t.lookalike_kind ? t.lookalike_kind.split('|') : []
      expect(kinds).toHaveLength(keys.length)
      for (const k of keys) expect(pop.has(k)).toBe(true)
      for (const k of kinds) expect(['twin', 'sibling', 'namesake']).toContain(k)
      const p = t.population_key ? pop.get(t.population_key)! : null
      if (!p) return
      // A few planted errors, checked on the files themselves.
      if (errors.includes('strip_diacritics')) expect(hasDiacritics(r['Họ và tên']!)).toBe(false)
      if (errors.includes('swap_day_month')) {
        const [y, m, d] = (p.ngay_sinh ?? '').split('-')
        expect(r['Ngày sinh']).toBe(`${m}/${d}/${y}`)
      }
      if (errors.length === 0) {
        expect(r['Họ và tên']).toBe(p.ho_ten)
        expect(r['Nơi thường trú']).toBe(p.noi_thuong_tru)
        expect(r['Số định danh/CMND']).toBe(p.so_dinh_danh || p.so_cmnd)
      }
    })
    expect(outside / M).toBeGreaterThanOrEqual(0.12)
    expect(outside / M).toBeLessThanOrEqual(0.15)
  })

  it('is byte-identical for the same seed and different for another', async () => {
    const all = (f: SampleFiles): string[] => [f.population, f.registry, f.truth, ...f.legacy]
    for (const [a, b] of all(files).map((f, i) => [f, all(again)[i]!] as const)) {
      expect((await readFile(a)).equals(await readFile(b))).toBe(true)
    }
    expect((await readFile(files.population)).equals(await readFile(other.population))).toBe(false)
    expect((await readFile(files.registry)).equals(await readFile(other.registry))).toBe(false)
  })

  it('writes legacy copies that decode back to the same rows', async () => {
    // Legacy encodings cannot hold combining marks: they carry the composed (NFC) text.
    const utf8 = (await read(files.registry)).slice(1).normalize('NFC')
    const [tcvn3, vni, cp1258] = await Promise.all(files.legacy.map((f) => readFile(f)))
    expect(files.legacy.map((f) => f.split(/[\\/]/).pop())).toEqual([
      'registry.tcvn3.csv',
      'registry.vni.csv',
      'registry.cp1258.csv'
    ])
    expect(iconv.decode(tcvn3!, 'tcvn')).toBe(utf8)
    expect(decodeVni(vni!)).toBe(utf8)
    expect(iconv.decode(cp1258!, 'windows1258').normalize('NFC')).toBe(utf8)
    // They really are legacy bytes, not UTF-8.
    expect(vni!.toString('utf8')).not.toBe(utf8)
  })

  it('can skip the legacy copies', async () => {
    const f = await writeSample({
      outDir: join(root, 'd'),
      population: 50,
      registry: 10,
      seed: 1,
      legacy: false
    })
    expect(f.legacy).toEqual([])
    expect((await readdir(join(root, 'd'))).sort()).toEqual([
      'population.csv',
      'registry.csv',
      'truth.csv'
    ])
  })

  it('stops when cancelled and leaves no partial files', async () => {
    const before = new AbortController()
    before.abort()
    await expect(
      writeSample({
        outDir: join(root, 'e'),
        population: 100,
        registry: 10,
        seed: 1,
        signal: before.signal
      })
    ).rejects.toBeInstanceOf(AppError)
    expect(await readdir(join(root, 'e'))).toEqual([])

    const midway = new AbortController()
    const run = writeSample({
      outDir: join(root, 'f'),
      population: 30_000,
      registry: 100,
      seed: 1,
      signal: midway.signal,
      onProgress: () => midway.abort()
    })
    await expect(run).rejects.toMatchObject({ code: 'job_cancelled' })
    expect(await readdir(join(root, 'f'))).toEqual([])
  })

  it('refuses a registry larger than the population', async () => {
    await expect(
      writeSample({ outDir: join(root, 'g'), population: 10, registry: 20, seed: 1 })
    ).rejects.toBeInstanceOf(RangeError)
  })
})
