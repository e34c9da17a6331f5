// Bytes to text for every encoding clerks' files come in: detection with a confidence, streaming decoders.
import iconv from 'iconv-lite'
import { StringDecoder } from 'node:string_decoder'
import { nfcStream, utf8Stream, type StreamDecoder as Decoder } from '../../core/encoding/utf8'
import { decodeVni } from '../../core/encoding/vni'
import { looksLikeMojibake, pickEncoding, type Candidate } from '../../core/encoding/detect'
import type { EncodingInfo } from '../../shared/api'
import { ENCODINGS, type Encoding } from '../../shared/encodings'
import { basename } from 'node:path'
import { AppError } from '../../shared/errors'

type StreamDecoder = Decoder<Buffer>

function iconvStream(name: string): StreamDecoder {
  const d = iconv.getDecoder(name, { stripBOM: true })
  return { write: (buf) => d.write(buf), end: () => d.end() ?? '' }
}

function vniStream(): StreamDecoder {
  let held: Buffer | null = null
  return {
    write(buf) {
      const all = held ? Buffer.concat([held, buf]) : buf
      // A letter and its mark byte may be split across chunks: keep the last byte for later.
      held = all.subarray(all.length - 1)
      return decodeVni(all.subarray(0, all.length - 1))
    },
    end() {
      const rest = held ? decodeVni(held) : ''
      held = null
      return rest
    }
  }
}

/** Windows-1252 byte of each character, for undoing UTF-8 that was read as Windows-1252. */
const CP1252_BYTE = new Map<string, number>()
for (let b = 0; b < 256; b++) {
  const ch = iconv.decode(Buffer.from([b]), 'windows1252')
  // The five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) pass through as C1 controls.
  CP1252_BYTE.set(ch === '\ufffd' ? String.fromCharCode(b) : ch, b)
}

/** "Nguyá»…n" → "Nguyễn": each character back to its byte, the bytes read as UTF-8 again. */
export function repairMojibake(text: string): string {
  const bytes = Buffer.alloc(text.length * 3)
  let n = 0
  for (const ch of text) {
    const b = CP1252_BYTE.get(ch)
    if (b !== undefined) bytes[n++] = b
    else n += bytes.write(ch, n, 'utf8')
  }
  return bytes.subarray(0, n).toString('utf8')
}

function mojibakeStream(): StreamDecoder {
  const utf8 = new StringDecoder('utf8')
  const again = new StringDecoder('utf8')
  const step = (text: string): string => {
    const bytes: number[] = []
    for (const ch of text) {
      const b = CP1252_BYTE.get(ch)
      if (b !== undefined) bytes.push(b)
      else bytes.push(...Buffer.from(ch, 'utf8'))
    }
    return again.write(Buffer.from(bytes))
  }
  return {
    write: (buf) => step(utf8.write(buf)),
    end: () => step(utf8.end()) + again.end()
  }
}

export function isEncoding(name: string): name is Encoding {
  return (ENCODINGS as readonly string[]).includes(name)
}

export function createDecoder(encoding: Encoding): StreamDecoder {
  switch (encoding) {
    case 'utf-8':
      return nfcStream(utf8Stream())
    case 'utf-16le':
      return nfcStream(iconvStream('utf16le'))
    case 'utf-16be':
      return nfcStream(iconvStream('utf16be'))
    case 'windows-1258':
      return nfcStream(iconvStream('windows1258'))
    case 'tcvn3':
      return nfcStream(iconvStream('tcvn'))
    case 'vni':
      return nfcStream(vniStream())
    case 'utf-8-mojibake':
      return nfcStream(mojibakeStream())
    case 'windows-1252':
      return iconvStream('windows1252')
  }
}

/** Decode a whole (sample) buffer. */
export function decodeAll(buf: Buffer, encoding: Encoding): string {
  const d = createDecoder(encoding)
  return d.write(buf) + d.end()
}

function validUtf8(buf: Buffer): boolean {
  // A sample may end inside a multi-byte character: drop up to 3 trailing bytes of it.
  let end = buf.length
  for (let k = 1; k <= 3 && end - k >= 0; k++) {
    const b = buf[end - k]!
    if ((b & 0xc0) === 0xc0) {
      end -= k
      break
    }
    if ((b & 0x80) === 0) break
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, end))
    return true
  } catch {
    return false
  }
}

function looksUtf16(buf: Buffer): 'utf-16le' | 'utf-16be' | null {
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le'
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be'
  // Without a BOM: text in UTF-16 has a zero byte in every other position for ASCII.
  let evenZeros = 0
  let oddZeros = 0
  const n = Math.min(buf.length, 4096) & ~1
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZeros++
    if (buf[i + 1] === 0) oddZeros++
  }
  if (n >= 8 && oddZeros > n / 2 / 3 && evenZeros < oddZeros / 8) return 'utf-16le'
  if (n >= 8 && evenZeros > n / 2 / 3 && oddZeros < evenZeros / 8) return 'utf-16be'
  return null
}

/** Binary files (executables, images, zip without an xlsx name) are refused, not decoded. */
function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 4096)
  let control = 0
  for (let i = 0; i < n; i++) {
    const b = buf[i]!
    if (b === 0 || b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++
  }
  return n > 0 && control / n > 0.1
}

/**
 * Detect the encoding of a file from its first bytes. Unicode is recognised structurally (BOM,
 * valid UTF-8, zero bytes); legacy Vietnamese encodings by which decoding reads as Vietnamese.
 */
export function detectEncoding(sample: Buffer, path = ''): EncodingInfo {
  const utf16 = looksUtf16(sample)
  if (utf16)
    return {
      detected: utf16,
      used: utf16,
      confidence: 1,
      candidates: [{ encoding: utf16, score: 1 }]
    }
  if (looksBinary(sample)) throw new AppError('file_binary', { file: basename(path) })
  const isUtf8 = validUtf8(sample)
  const names: Encoding[] = isUtf8
    ? looksLikeMojibake(sample.toString('utf8'))
      ? ['utf-8', 'utf-8-mojibake']
      : ['utf-8']
    : ['tcvn3', 'vni', 'windows-1258', 'windows-1252']
  if (names.length === 1)
    return {
      detected: 'utf-8',
      used: 'utf-8',
      confidence: 1,
      candidates: [{ encoding: 'utf-8', score: 1 }]
    }
  const candidates: Candidate<Encoding>[] = names.map((encoding) => ({
    encoding,
    text: decodeAll(sample, encoding)
  }))
  const picked = pickEncoding(candidates)
  return {
    detected: picked.encoding,
    used: picked.encoding,
    confidence: picked.confidence,
    candidates: picked.scores.map((s) => ({ encoding: s.encoding, score: s.score }))
  }
}
