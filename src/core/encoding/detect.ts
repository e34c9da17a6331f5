// How Vietnamese a decoded text looks: the score that picks an encoding among candidates.

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g
const SYLLABLE =
  /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?([aăâeêioôơuưy]{1,3})(ch|ng|nh|[cmnpt])?$/
const LETTER_RUN = /[\p{L}\p{M}]+/gu
const NON_ASCII = /[^\u0000-\u007f]/ // eslint-disable-line no-control-regex
// Characters that never appear in Vietnamese text: what a wrong decoding leaves behind.
const GARBAGE = /[\u0080-\u009f\u00a1-\u00bf\u00d7\u00f7\ufffd\u2000-\u206f\u2100-\u214f]/g

/** Is this word (any case) a well-formed Vietnamese syllable with at most one tone mark? */
export function isVietnameseSyllable(word: string): boolean {
  const nfd = word.toLowerCase().normalize('NFD')
  const tones = nfd.match(TONES)?.length ?? 0
  if (tones > 1) return false
  const base = nfd.replace(TONES, '').normalize('NFC')
  return SYLLABLE.test(base)
}

export interface TextScore {
  /** Words with non-ASCII letters that are valid Vietnamese syllables. */
  vietnamese: number
  /** Words with non-ASCII letters that are not, plus garbage characters. */
  broken: number
  /** vietnamese - 2 × broken: higher is better. */
  score: number
}

export function scoreVietnamese(text: string): TextScore {
  let vietnamese = 0
  let broken = text.match(GARBAGE)?.length ?? 0
  for (const w of text.match(LETTER_RUN) ?? []) {
    if (!NON_ASCII.test(w)) continue
    if (isVietnameseSyllable(w)) vietnamese++
    else broken++
  }
  return { vietnamese, broken, score: vietnamese - 2 * broken }
}

export interface Candidate<E extends string> {
  encoding: E
  text: string
}

export interface Detection<E extends string> {
  encoding: E
  /** 0..1: how clearly the winner beats the others and how clean it is. */
  confidence: number
  scores: { encoding: E; score: number; vietnamese: number; broken: number }[]
}

/** Pick the candidate decoding that reads most like Vietnamese. Ties keep the earlier candidate. */
export function pickEncoding<E extends string>(candidates: Candidate<E>[]): Detection<E> {
  const scores = candidates.map((c) => ({ encoding: c.encoding, ...scoreVietnamese(c.text) }))
  let best = scores[0]!
  for (const s of scores) if (s.score > best.score) best = s
  const others = scores.filter((s) => s !== best)
  const runnerUp = others.length ? Math.max(...others.map((s) => s.score)) : 0
  const words = best.vietnamese + best.broken
  let confidence: number
  if (words === 0)
    confidence = 1 // plain ASCII: every candidate reads the same
  else {
    const clean = best.vietnamese / words
    const margin =
      best.score <= 0 ? 0 : Math.min(1, (best.score - Math.max(runnerUp, 0)) / best.score)
    confidence = Math.round(clean * (0.5 + 0.5 * margin) * 100) / 100
  }
  return { encoding: best.encoding, confidence, scores }
}

/** UTF-8 read as Windows-1252 then saved again ("Nguyá»…n"): the marks of that accident. */
export function looksLikeMojibake(text: string): boolean {
  const hits = text.match(
    /(?:Ã[\u0080-\u00bf]|Ä[\u0080-\u00bf]|Æ[\u0080-\u00bf]|á[\u00ba\u00bb][\u0080-\u00bf\u2018-\u203a\u0152-\u0178])/g
  )
  return (hits?.length ?? 0) >= 2
}
