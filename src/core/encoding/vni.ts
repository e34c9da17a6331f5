// VNI-Windows: the legacy two-byte Vietnamese encoding (base letter + mark byte), both directions.

/**
 * VNI fonts reuse Windows-1252 byte values as marks placed after an ASCII base letter:
 * "Nguyễn" is written N,g,u,y,e,0xE3,n. Tone bytes (lower / upper case):
 */
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'] as const // none, huyền, sắc, hỏi, ngã, nặng
const TONE_LOWER = [0, 0xf8, 0xf9, 0xfb, 0xf5, 0xef] // ø ù û õ ï
const TONE_UPPER = [0, 0xd8, 0xd9, 0xdb, 0xd5, 0xcf] // Ø Ù Û Õ Ï
/** â ê ô: circumflex alone, then circumflex fused with each tone. */
const CIRC_LOWER = [0xe2, 0xe0, 0xe1, 0xe5, 0xe3, 0xe4] // â à á å ã ä
const CIRC_UPPER = [0xc2, 0xc0, 0xc1, 0xc5, 0xc3, 0xc4]
/** ă: breve alone, then breve fused with each tone. */
const BREVE_LOWER = [0xea, 0xe8, 0xe9, 0xfa, 0xfc, 0xeb] // ê è é ú ü ë
const BREVE_UPPER = [0xca, 0xc8, 0xc9, 0xda, 0xdc, 0xcb]
/** i with a tone is one byte: ì í ỉ ĩ ị. */
const I_LOWER = [0x69, 0xec, 0xed, 0xe6, 0xf3, 0xf2]
const I_UPPER = [0x49, 0xcc, 0xcd, 0xc6, 0xd3, 0xd2]

/** Windows-1252 0x80–0x9F (the rest of the high half is Latin-1). */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

function cp1252Char(byte: number): string {
  return byte >= 0x80 && byte < 0xa0 ? CP1252_HIGH[byte - 0x80]! : String.fromCharCode(byte)
}

/** char → bytes, for encoding. */
const ENCODE = new Map<string, number[]>()
/** First byte → second byte → char, for two-byte decoding. */
const PAIRS = new Map<number, Map<number, string>>()
/** One-byte letters (ơ ư đ, i with tone, ỵ). */
const SINGLES = new Map<number, string>()

function letter(base: string, marks: string, tone: number, upper: boolean): string {
  const c = (base + marks + TONES[tone]!).normalize('NFC')
  return upper ? c.toUpperCase() : c
}

function addPair(b1: number, b2: number, ch: string): void {
  let m = PAIRS.get(b1)
  if (!m) PAIRS.set(b1, (m = new Map<number, string>()))
  if (!m.has(b2)) m.set(b2, ch)
}

/** A letter written as base + mark; the decoder also accepts the mark in the other case. */
function define(ch: string, bytes: number[], markOtherCase?: number): void {
  ENCODE.set(ch, bytes)
  if (bytes.length === 1) SINGLES.set(bytes[0]!, ch)
  else {
    addPair(bytes[0]!, bytes[1]!, ch)
    if (markOtherCase !== undefined) addPair(bytes[0]!, markOtherCase, ch)
  }
}

for (const upper of [false, true]) {
  const tone = upper ? TONE_UPPER : TONE_LOWER
  const otherTone = upper ? TONE_LOWER : TONE_UPPER
  const circ = upper ? CIRC_UPPER : CIRC_LOWER
  const otherCirc = upper ? CIRC_LOWER : CIRC_UPPER
  const breve = upper ? BREVE_UPPER : BREVE_LOWER
  const otherBreve = upper ? BREVE_LOWER : BREVE_UPPER
  const iBytes = upper ? I_UPPER : I_LOWER
  const code = (c: string): number => (upper ? c.toUpperCase() : c).charCodeAt(0)
  for (let t = 0; t < 6; t++) {
    for (const v of ['a', 'e', 'o', 'u', 'y']) {
      if (t === 0) continue
      if (v === 'y' && t === 5) continue // ỵ is a single byte, below
      define(letter(v, '', t, upper), [code(v), tone[t]!], otherTone[t])
    }
    for (const v of ['a', 'e', 'o'])
      define(letter(v, '\u0302', t, upper), [code(v), circ[t]!], otherCirc[t])
    define(letter('a', '\u0306', t, upper), [code('a'), breve[t]!], otherBreve[t])
    // ơ and ư are one byte each (ô ö / Ô Ö), followed by the ordinary tone byte.
    const horn = upper ? [0xd4, 0xd6] : [0xf4, 0xf6]
    ;['o', 'u'].forEach((v, k) => {
      const ch = letter(v, '\u031b', t, upper)
      if (t === 0) define(ch, [horn[k]!])
      else define(ch, [horn[k]!, tone[t]!], otherTone[t])
    })
    if (t > 0) define(letter('i', '', t, upper), [iBytes[t]!])
  }
  define(upper ? 'Ỵ' : 'ỵ', [upper ? 0xce : 0xee])
  define(upper ? 'Đ' : 'đ', [upper ? 0xd1 : 0xf1])
}
// Some converters write ỵ as y + dot-below like the other vowels; read that too.
addPair(0x79, 0xef, 'ỵ')
addPair(0x59, 0xcf, 'Ỵ')

/** High bytes that carry VNI meaning: any other Windows-1252 character may pass through as is. */
const VNI_BYTES = new Set<number>()
for (const bytes of ENCODE.values()) for (const b of bytes) if (b >= 0x80) VNI_BYTES.add(b)
const PASSTHROUGH = new Map<string, number>()
for (let b = 0x80; b < 0x100; b++) if (!VNI_BYTES.has(b)) PASSTHROUGH.set(cp1252Char(b), b)

/** UTF-16 code unit → its VNI bytes, packed: first byte | second byte << 8 (0: none). */
const ENCODE_TABLE = new Int32Array(0x10000)
for (const [ch, bytes] of ENCODE)
  ENCODE_TABLE[ch.charCodeAt(0)] = bytes[0]! | ((bytes[1] ?? 0) << 8)
for (const [ch, b] of PASSTHROUGH)
  if (ENCODE_TABLE[ch.charCodeAt(0)] === 0) ENCODE_TABLE[ch.charCodeAt(0)] = b

/** Vietnamese text to VNI-Windows bytes; characters VNI cannot hold become '?'. */
export function encodeVni(text: string): Uint8Array {
  const s = text.normalize('NFC')
  const out = new Uint8Array(s.length * 2)
  return out.subarray(0, encodeVniInto(s, out, 0))
}

/**
 * Encode NFC text into `out` from `offset` (room for two bytes per UTF-16 unit needed) and
 * return the offset after the last byte: for writers that fill one buffer line by line.
 */
export function encodeVniInto(nfcText: string, out: Uint8Array, offset: number): number {
  const s = nfcText
  let n = offset
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) {
      out[n++] = c
      continue
    }
    const packed = ENCODE_TABLE[c]!
    if (packed !== 0) {
      out[n++] = packed & 0xff
      if (packed > 0xff) out[n++] = packed >>> 8
      continue
    }
    // A surrogate pair is one character: one '?'.
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) i++
    out[n++] = 0x3f
  }
  return n
}

/** VNI-Windows bytes to NFC text: longest match (base + mark before the base alone). */
export function decodeVni(bytes: Uint8Array): string {
  let out = ''
  let run = 0
  const parts: string[] = []
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!
    const next = i + 1 < bytes.length ? bytes[i + 1]! : -1
    const pair = next >= 0x80 ? PAIRS.get(b)?.get(next) : undefined
    let ch: string
    if (pair !== undefined) {
      ch = pair
      i++
    } else if (b < 0x80) ch = String.fromCharCode(b)
    else ch = SINGLES.get(b) ?? cp1252Char(b)
    out += ch
    // Keep the concatenated string shallow on large inputs.
    if (++run === 8192) {
      parts.push(out)
      out = ''
      run = 0
    }
  }
  parts.push(out)
  return parts.join('')
}

/** The 134 Vietnamese letters outside ASCII (67 lower case, 67 upper case), for tests and tools. */
export const VIETNAMESE_LETTERS: readonly string[] = [...ENCODE.keys()]
