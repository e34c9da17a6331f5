// Writing text in the legacy Vietnamese encodings clerks' files still arrive in: TCVN3, VNI, Windows-1258.
import iconv from 'iconv-lite'
import { VIETNAMESE_LETTERS, encodeVniInto } from '../../core/encoding/vni'

export const LEGACY_ENCODINGS = ['tcvn3', 'vni', 'cp1258'] as const
export type LegacyEncoding = (typeof LEGACY_ENCODINGS)[number]

/**
 * Encode NFC text into `out` from `offset`; returns the offset after the last byte. `out` needs
 * room for two bytes per UTF-16 unit. Characters an encoding cannot hold become '?'.
 */
export type EncodeInto = (nfcText: string, out: Uint8Array, offset: number) => number

/**
 * A single-byte encoder whose table comes from iconv-lite's decoder (so the bytes are exactly
 * what iconv-lite, and the importer, read back): UTF-16 unit → one byte, or two bytes when the
 * code page writes the letter as base + combining tone (Windows-1258).
 */
function tableEncoder(
  encoding: string,
  extra?: (letter: string, byteOf: Map<string, number>) => number[] | null
): EncodeInto {
  const byteOf = new Map<string, number>()
  for (let b = 255; b >= 0; b--) {
    const ch = iconv.decode(Buffer.from([b]), encoding)
    if (ch.length === 1 && ch !== '\ufffd') byteOf.set(ch, b)
  }
  // Packed: (first byte + 1) | (second byte + 1) << 9; 0 = not encodable.
  const table = new Int32Array(0x10000)
  for (const [ch, b] of byteOf) table[ch.charCodeAt(0)] = b + 1
  if (extra) {
    for (const letter of VIETNAMESE_LETTERS) {
      const code = letter.charCodeAt(0)
      if (table[code] !== 0) continue
      const bytes = extra(letter, byteOf)
      if (bytes) table[code] = bytes[0]! + 1 + ((bytes[1] ?? -1) + 1) * 512
    }
  }
  return (s, out, offset) => {
    let n = offset
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i)
      const packed = c < 0x80 ? c + 1 : table[c]!
      if (packed === 0) {
        if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) i++
        out[n++] = 0x3f // '?', as iconv-lite writes what it cannot hold
        continue
      }
      out[n++] = (packed & 511) - 1
      if (packed >= 512) out[n++] = (packed >>> 9) - 1
    }
    return n
  }
}

const TONES = '\u0300\u0301\u0303\u0309\u0323'

/**
 * Windows-1258 has the letters with their vowel marks (â ă ê ô ơ ư đ) and a few toned ones
 * (á à é...), other tones only as combining marks: "ế" is written ê + U+0301.
 */
function cp1258Decomposed(letter: string, byteOf: Map<string, number>): number[] | null {
  let tone = ''
  let rest = ''
  for (const c of letter.normalize('NFD')) {
    if (TONES.includes(c)) tone += c
    else rest += c
  }
  const base = byteOf.get(rest.normalize('NFC'))
  const mark = byteOf.get(tone)
  return base !== undefined && mark !== undefined ? [base, mark] : null
}

export const ENCODE_INTO: Record<LegacyEncoding, EncodeInto> = {
  tcvn3: tableEncoder('tcvn'),
  vni: encodeVniInto,
  cp1258: tableEncoder('windows1258', cp1258Decomposed)
}

/** Encode text (normalised to NFC first); characters an encoding cannot hold become '?'. */
export function encodeLegacy(text: string, encoding: LegacyEncoding): Uint8Array {
  const s = text.normalize('NFC')
  const out = new Uint8Array(s.length * 2)
  return out.subarray(0, ENCODE_INTO[encoding](s, out, 0))
}
