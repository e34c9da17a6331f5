// `doisoat sample`: writes the files and says so; wrong sizes get a clear message and exit code 2.
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commandHelp, parseOptions, type CliContext } from '../command'
import { sample } from './sample'

let root: string

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'doisoat-sample-cli-'))
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

function context(
  lang: 'vi' | 'en' = 'vi'
): CliContext & { outLines: string[]; errLines: string[] } {
  const outLines: string[] = []
  const errLines: string[] = []
  return {
    lang,
    out: (l) => outLines.push(l),
    err: (l) => errLines.push(l),
    signal: new AbortController().signal,
    outLines,
    errLines
  }
}

async function run(argv: string[], lang: 'vi' | 'en' = 'vi') {
  const ctx = context(lang)
  const code = await sample.run(parseOptions(sample, argv, lang), ctx)
  return { code, out: ctx.outLines.join('\n'), err: ctx.errLines.join('\n') }
}

describe('doisoat sample', () => {
  it('writes the sample and lists the files', async () => {
    const dir = join(root, 'ok')
    const r = await run(['--out', dir, '--population', '300', '--registry', '60', '--seed', '4'])
    expect(r.code).toBe(0)
    expect(r.out).toContain(dir)
    expect(r.out).toContain('population.csv')
    expect(r.out).toContain('registry.vni.csv')
    expect((await readdir(dir)).length).toBe(7)
  })

  it('skips the legacy copies with --no-legacy', async () => {
    const dir = join(root, 'plain')
    const r = await run(['--out', dir, '--population', '50', '--registry', '5', '--no-legacy'])
    expect(r.code).toBe(0)
    expect((await readdir(dir)).sort()).toEqual(['population.csv', 'registry.csv', 'truth.csv'])
  })

  it('refuses a registry larger than the population, in Vietnamese and English', async () => {
    const vi = await run(['--out', join(root, 'x'), '--population', '10', '--registry', '20'])
    expect(vi.code).toBe(2)
    expect(vi.err).toContain('không được lớn hơn')
    const en = await run(['--out', join(root, 'x'), '--population', '10', '--registry', '20'], 'en')
    expect(en.code).toBe(2)
    expect(en.err).toContain('cannot exceed')
  })

  it('refuses negative numbers', async () => {
    const r = await run(['--out', join(root, 'y'), '--population', '-5'])
    expect(r.code).toBe(2)
    expect(r.err).toContain('--population')
  })

  it('has help in both languages', () => {
    expect(commandHelp(sample, 'vi')).toContain('Sinh dữ liệu mẫu')
    expect(commandHelp(sample, 'en')).toContain('--no-legacy')
    expect(commandHelp(sample, 'en')).toContain('synthetic')
  })
})
