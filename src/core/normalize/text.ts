// Vietnamese text basics: NFC, the Đ lookalike, whitespace, and the folded (accent-free) key.

const COMBINING = /[\u0300-\u036f]/g

/**
 * Whether cleanText may change `s`: a combining mark, Ð/ð, a control character, a no-break or
 * zero-width space, two spaces in a row, or a space at either end. Most cells have none, and
 * the import path is hot: one pass over the characters, no regular expression.
 */
export function needsCleaning(s: string): boolean {
  const n = s.length
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x21) {
      if (c !== 0x20 || i === 0 || i === n - 1 || s.charCodeAt(i + 1) === 0x20) return true
    } else if (c >= 0x300) {
      if (c <= 0x36f || c === 0x200b) return true
    } else if (c === 0xd0 || c === 0xf0 || c === 0xa0) return true
  }
  return false
}

/** NFC, U+00D0 (Icelandic Eth) to Đ, collapsed whitespace, trimmed. Casing kept for display. */
export function cleanText(s: string): string {
  // Text without combining marks is NFC already for Vietnamese (precomposed letters only).
  if (!needsCleaning(s)) return s
  return s
    .normalize('NFC')
    .replace(/\u00d0/g, 'Đ')
    .replace(/\u00f0/g, 'đ')
    .replace(/[\s\u00a0\u200b]+/g, ' ')
    .trim()
}

/** Lower-case, accent-free key: đ→d (NFD does not decompose Đ), no tone or vowel marks. */
export function foldKey(s: string): string {
  return foldWords(cleanText(s).split(' '))
}

/** foldKey of text already cleaned and split on its spaces. */
export function foldWords(words: string[]): string {
  // Names repeat (Nguyễn, Văn, Thị...): fold each word once and remember it.
  let out = ''
  for (const w of words) {
    let f = foldCache.get(w)
    if (f === undefined) {
      f = foldWord(w)
      if (foldCache.size > 50_000) foldCache.clear()
      foldCache.set(w, f)
    }
    if (f !== '') out = out === '' ? f : `${out} ${f}`
  }
  return out
}

const foldCache = new Map<string, string>()

function foldWord(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/đ/g, 'd')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/ +/g, ' ')
    .trim()
}

/** Empty strings and whitespace become null; everything else is cleaned. */
export function textOrNull(s: string | null | undefined): string | null {
  if (s == null) return null
  const c = cleanText(s)
  return c === '' ? null : c
}
