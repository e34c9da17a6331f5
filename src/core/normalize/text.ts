// Vietnamese text basics: NFC, the Đ lookalike, whitespace, and the folded (accent-free) key.

const COMBINING = /[\u0300-\u036f]/g

/** NFC, U+00D0 (Icelandic Eth) to Đ, collapsed whitespace, trimmed. Casing kept for display. */
export function cleanText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\u00d0/g, 'Đ')
    .replace(/\u00f0/g, 'đ')
    .replace(/[\s\u00a0\u200b]+/g, ' ')
    .trim()
}

/** Lower-case, accent-free key: đ→d (NFD does not decompose Đ), no tone or vowel marks. */
export function foldKey(s: string): string {
  return cleanText(s)
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
