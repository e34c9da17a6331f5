// The parts of a zip file (an .xlsx), read one at a time and inflated as a stream, under caps on
// their decompressed size and on how much they expand: a small hostile file cannot make us
// allocate or churn through gigabytes.
import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs'
import { createInflateRaw } from 'node:zlib'
import type { Readable } from 'node:stream'
import { AppError } from '../../shared/errors'

export interface ZipLimits {
  /** Entries in the central directory. */
  entries: number
  /** Decompressed bytes ÷ compressed bytes beyond which a part is refused as a zip bomb... */
  ratio: number
  /** ...once it has produced more than this many bytes (small parts compress very well). */
  ratioGrace: number
}

export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  size: number
  localOffset: number
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

/** Refusals carry the file's name only: never a path of the machine (a temporary upload). */
export type Refuse = (
  code: 'xlsx_invalid' | 'xlsx_too_large' | 'xlsx_zip_bomb',
  params?: Record<string, number>
) => AppError

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length)
  const got = readSync(fd, buf, 0, length, position)
  return buf.subarray(0, got)
}

export class ZipParts {
  private readonly byName = new Map<string, ZipEntry>()

  private constructor(
    private readonly file: string,
    private readonly fileSize: number,
    private readonly limits: ZipLimits,
    private readonly refuse: Refuse
  ) {}

  /** Read the central directory (the list of parts at the end of the file). */
  static open(file: string, limits: ZipLimits, refuse: Refuse): ZipParts {
    const fd = openSync(file, 'r')
    try {
      const size = fstatSync(fd).size
      const zip = new ZipParts(file, size, limits, refuse)
      // The end record is in the last 22 bytes, or before a comment of at most 65,535 bytes.
      const tailStart = Math.max(0, size - 22 - 0xffff)
      const tail = readAt(fd, tailStart, size - tailStart)
      let at = -1
      for (let i = tail.length - 22; i >= 0; i--) {
        if (tail.readUInt32LE(i) === EOCD) {
          at = i
          break
        }
      }
      if (at < 0) throw refuse('xlsx_invalid')
      const count = tail.readUInt16LE(at + 10)
      const cdSize = tail.readUInt32LE(at + 12)
      const cdOffset = tail.readUInt32LE(at + 16)
      // Zip64 (parts of 4 GB and more) is no spreadsheet a clerk is given.
      if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff)
        throw refuse('xlsx_too_large')
      if (count > limits.entries) throw refuse('xlsx_invalid')
      if (cdOffset + cdSize > size) throw refuse('xlsx_invalid')
      const cd = readAt(fd, cdOffset, cdSize)
      let p = 0
      for (let n = 0; n < count; n++) {
        if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw refuse('xlsx_invalid')
        const flags = cd.readUInt16LE(p + 8)
        const method = cd.readUInt16LE(p + 10)
        const compressedSize = cd.readUInt32LE(p + 20)
        const uncompressed = cd.readUInt32LE(p + 24)
        const nameLen = cd.readUInt16LE(p + 28)
        const extraLen = cd.readUInt16LE(p + 30)
        const commentLen = cd.readUInt16LE(p + 32)
        const localOffset = cd.readUInt32LE(p + 42)
        if (p + 46 + nameLen > cd.length) throw refuse('xlsx_invalid')
        const name = cd.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen)
        p += 46 + nameLen + extraLen + commentLen
        // Encrypted parts: not a workbook this reader can open.
        if (flags & 1) throw refuse('xlsx_invalid')
        const key = partKey(name)
        if (!zip.byName.has(key))
          zip.byName.set(key, {
            name,
            method,
            compressedSize,
            size: uncompressed,
            localOffset
          })
      }
      return zip
    } finally {
      closeSync(fd)
    }
  }

  /** Part names are case-insensitive in OOXML, and may be written with a leading slash. */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get(partKey(name))
  }

  /**
   * The part's bytes, inflated chunk by chunk. Stops with a refusal as soon as it has produced
   * more than `maxBytes` or expands beyond the ratio; `onCompressed` reports the compressed bytes
   * read so far (progress).
   */
  async *read(
    e: ZipEntry,
    maxBytes: number,
    onCompressed?: (bytes: number) => void
  ): AsyncGenerator<Buffer> {
    // The declared size is a hint only (it can lie), but a part that admits to being too large
    // is refused before a byte of it is inflated.
    const tooLarge = () => this.refuse('xlsx_too_large', { max: Math.round(maxBytes / (1 << 20)) })
    if (e.size > maxBytes) throw tooLarge()
    if (e.method !== 0 && e.method !== 8) throw this.refuse('xlsx_invalid')
    const fd = openSync(this.file, 'r')
    let header: Buffer
    try {
      header = readAt(fd, e.localOffset, 30)
    } finally {
      closeSync(fd)
    }
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) throw this.refuse('xlsx_invalid')
    const start = e.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28)
    if (start + e.compressedSize > this.fileSize) throw this.refuse('xlsx_invalid')
    if (e.compressedSize === 0) return
    const raw = createReadStream(this.file, {
      start,
      end: start + e.compressedSize - 1,
      highWaterMark: 1 << 16
    })
    let compressed = 0
    raw.on('data', (c: string | Buffer) => {
      compressed += c.length
      onCompressed?.(compressed)
    })
    let out: Readable = raw
    if (e.method === 8) {
      const inflate = createInflateRaw({ chunkSize: 1 << 16 })
      raw.on('error', (err) => inflate.destroy(err))
      out = raw.pipe(inflate)
    }
    let produced = 0
    try {
      for await (const chunk of out) {
        const b = chunk as Buffer
        produced += b.length
        if (produced > maxBytes) throw tooLarge()
        if (produced > this.limits.ratioGrace && produced > this.limits.ratio * compressed)
          throw this.refuse('xlsx_zip_bomb')
        yield b
      }
    } catch (err) {
      if (err instanceof AppError) throw err
      throw this.refuse('xlsx_invalid')
    } finally {
      raw.destroy()
      out.destroy()
    }
  }

  /** A small part (workbook, relationships, styles, shared strings) as text. */
  async text(e: ZipEntry, maxBytes: number): Promise<string> {
    const chunks: Buffer[] = []
    for await (const c of this.read(e, maxBytes)) chunks.push(c)
    return Buffer.concat(chunks)
      .toString('utf8')
      .replace(/^\ufeff/, '')
  }
}

function partKey(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase()
}
