// Vietnamese text basics: NFC, the Đ lookalike, whitespace, and the folded (accent-free) key.

const COMBINING = /[\u0300-\u036f]/g

/** Anything cleanText would change; most cells have none, and the import path is hot. */
const NEEDS_CLEANING = /[\u0300-\u036f\u00d0\u00f0\u00a0\u200b\t\n\r\f\v]| {2}|^ | $/

/** NFC, U+00D0 (Icelandic Eth) to Đ, collapsed whitespace, trimmed. Casing kept for display. */
export function cleanText(s: string): string {
  // Text without combining marks is NFC already for Vietnamese (precomposed letters only).
  if (!NEEDS_CLEANING.test(s)) return s
  return s
    .normalize('NFC')
    .replace(/\u00d0/g, 'Đ')
    .replace(/\u00f0/g, 'đ')
    .replace(/[\s\u00a0\u200b]+/g, ' ')
    .trim()
}

/** Lower-case, accent-free key: đ→d (NFD does not decompose Đ), no tone or vowel marks. */
export function foldKey(s: string): string {
  // Names repeat (Nguyễn, Văn, Thị...): fold each word once and remember it.
  const words = cleanText(s).split(' ')
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
