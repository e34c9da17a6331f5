// `doisoat sample`: stream a synthetic population, registry and truth file (plus legacy copies) to disk.
import { createWriteStream, type WriteStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { once } from 'node:events'
import { resolve, join } from 'node:path'
import { finished } from 'node:stream/promises'
import { AppError } from '../../shared/errors'
import { SampleGenerator } from '../../core/sample/generator'
import {
  POPULATION_HEADER,
  REGISTRY_HEADER,
  TRUTH_HEADER,
  populationLine,
  registryLine,
  truthLine
} from '../../core/sample/format'
import { encodeLegacy, type LegacyEncoding } from './legacy-encodings'

export interface SampleOptions {
  outDir: string
  population: number
  registry: number
  seed: number
  /** Default true: also write the registry in TCVN3, VNI-Windows and Windows-1258. */
  legacy?: boolean
  onProgress?: (done: number, total: number) => void
  signal?: AbortSignal
}

export interface SampleFiles {
  population: string
  registry: string
  truth: string
  legacy: string[]
}

/** Text is handed to the streams in chunks of about this many characters. */
const CHUNK_CHARS = 64 * 1024
const PROGRESS_EVERY = 10_000

const LEGACY_FILES: [LegacyEncoding, string][] = [
  ['tcvn3', 'registry.tcvn3.csv'],
  ['vni', 'registry.vni.csv'],
  ['cp1258', 'registry.cp1258.csv']
]

/** A file being written: text is buffered, encoded, and written with backpressure. */
class Sink {
  private readonly stream: WriteStream
  private error: Error | null = null
  private pending = ''

  constructor(
    readonly path: string,
    private readonly encode: (text: string) => Uint8Array
  ) {
    this.stream = createWriteStream(path, { highWaterMark: 1 << 20 })
    this.stream.on('error', (e) => {
      this.error = e
    })
  }

  async add(text: string): Promise<void> {
    this.pending += text
    if (this.pending.length >= CHUNK_CHARS) await this.flush()
  }

  async flush(): Promise<void> {
    if (this.error) throw this.error
    if (this.pending === '') return
    const bytes = this.encode(this.pending)
    this.pending = ''
    if (!this.stream.write(bytes)) await once(this.stream, 'drain')
  }

  async close(): Promise<void> {
    await this.flush()
    this.stream.end()
    await finished(this.stream)
  }

  destroy(): void {
    this.stream.destroy()
  }
}

/** UTF-8 in one pass (Buffer.from measures the length first, then writes: twice the work). */
function utf8(text: string): Uint8Array {
  const buf = Buffer.allocUnsafe(text.length * 3)
  return buf.subarray(0, buf.write(text, 0, 'utf8'))
}

/**
 * Generate and write the sample. Memory stays flat whatever the size: people are made in
 * households, in blocks of a few thousand, and each block is written before the next is made.
 */
export async function writeSample(o: SampleOptions): Promise<SampleFiles> {
  const generator = new SampleGenerator({
    population: o.population,
    registry: o.registry,
    seed: o.seed
  })
  const dir = resolve(o.outDir)
  await mkdir(dir, { recursive: true })
  const population = new Sink(join(dir, 'population.csv'), utf8)
  const registry = new Sink(join(dir, 'registry.csv'), utf8)
  const truth = new Sink(join(dir, 'truth.csv'), utf8)
  const legacy =
    o.legacy === false
      ? []
      : LEGACY_FILES.map(([enc, file]) => new Sink(join(dir, file), (t) => encodeLegacy(t, enc)))
  const sinks = [population, registry, truth, ...legacy]

  try {
    await population.add(POPULATION_HEADER + '\n')
    await registry.add('\ufeff' + REGISTRY_HEADER + '\r\n')
    await truth.add(TRUTH_HEADER + '\n')
    for (const s of legacy) await s.add(REGISTRY_HEADER + '\r\n')

    let rows = 0
    let reported = 0
    let n = 0
    for (let block = generator.next(); block; block = generator.next()) {
      if (o.signal?.aborted) throw new AppError('job_cancelled')
      let pop = ''
      for (const p of block.population) pop += populationLine(p)
      let reg = ''
      let tru = ''
      for (const e of block.registry) {
        n++
        reg += registryLine(n, e)
        tru += truthLine(n, e)
      }
      await population.add(pop)
      await registry.add(reg)
      await truth.add(tru)
      for (const s of legacy) await s.add(reg)
      rows += block.population.length
      if (rows - reported >= PROGRESS_EVERY) {
        reported = rows
        o.onProgress?.(rows, o.population)
      }
    }
    if (o.signal?.aborted) throw new AppError('job_cancelled')
    for (const s of sinks) await s.close()
    if (reported !== rows || rows === 0) o.onProgress?.(rows, o.population)
  } catch (e) {
    for (const s of sinks) s.destroy()
    await Promise.all(sinks.map((s) => rm(s.path, { force: true })))
    throw e
  }
  return {
    population: population.path,
    registry: registry.path,
    truth: truth.path,
    legacy: legacy.map((s) => s.path)
  }
}
