// How Vietnamese a decoded text looks: the score that picks an encoding among candidates.

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g
const SYLLABLE =
  /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?([aăâeêioôơuưy]{1,3})(ch|ng|nh|[cmnpt])?$/
const LETTER_RUN = /[\p{L}\p{M}]+/gu
const NON_ASCII = /[^\u0000-\u007f]/ // eslint-disable-line no-control-regex
// Characters that never appear in Vietnamese text: what a wrong decoding leaves behind.
const GARBAGE = /[\u0080-\u009f\u00a1-\u00bf\u00d7\u00f7\ufffd\u2000-\u206f\u2100-\u214f]/g

/** Vowel groups that may take a final consonant (or none). */
const CLOSABLE = new Set('a ă â e ê i o ô ơ u ư y iê yê uô ươ oa oă oe uâ uê uy uyê oo'.split(' '))
/** Vowel groups that end the syllable: no final consonant after them. */
const OPEN = new Set(
  'ai ao au ay âu ây eo êu ia iu oi ôi ơi ui ưi ưu ua ưa uơ iêu yêu oai oay oao oeo uôi ươi ươu uây uya uyu'.split(
    ' '
  )
)

/**
 * Is this word (any case) a well-formed Vietnamese syllable with at most one tone mark? The
 * vowel group must be one Vietnamese has, and may take a final consonant only if it can: what
 * a wrong legacy decoding makes ("Vaờn", "Ngoùc", "Yeỏn") has no such group.
 */
export function isVietnameseSyllable(word: string): boolean {
  const nfd = word.toLowerCase().normalize('NFD')
  const tones = nfd.match(TONES)?.length ?? 0
  if (tones > 1) return false
  const base = nfd.replace(TONES, '').normalize('NFC')
  const m = SYLLABLE.exec(base)
  if (!m) return false
  const vowels = m[2]!
  return CLOSABLE.has(vowels) || (m[3] === undefined && OPEN.has(vowels))
}

/**
 * Syllables (lower case, NFC) that nearly every list of Vietnamese names and addresses has: the
 * tie-breaker when a short file's few words read as valid syllables in two encodings.
 */
const COMMON_SYLLABLES = new Set(
  (
    'nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đào đinh mai trương ' +
    'văn thị đức hữu minh quang thành công xuân thu hồng hương lan anh tuấn hùng dũng hải sơn ' +
    'thôn xóm xã phường huyện quận tỉnh thành phố ấp tổ số nhà đường ' +
    'họ tên ngày tháng năm sinh giới tính nữ địa chỉ nơi thường trú quê quán dân tộc'
  ).split(' ')
)

export interface TextScore {
  /** Words with non-ASCII letters that are valid Vietnamese syllables. */
  vietnamese: number
  /** Words with non-ASCII letters that are not, plus garbage characters. */
  broken: number
  /** Of the Vietnamese words, those among the commonest syllables of names and places. */
  common: number
  /** vietnamese + common - 2 × broken: higher is better. */
  score: number
}

export function scoreVietnamese(text: string): TextScore {
  let vietnamese = 0
  let common = 0
  let broken = text.match(GARBAGE)?.length ?? 0
  for (const w of text.match(LETTER_RUN) ?? []) {
    if (!NON_ASCII.test(w)) continue
    if (isVietnameseSyllable(w)) {
      vietnamese++
      if (COMMON_SYLLABLES.has(w.toLowerCase())) common++
    } else broken++
  }
  return { vietnamese, common, broken, score: vietnamese + common - 2 * broken }
}

export interface Candidate<E extends string> {
  encoding: E
  text: string
}

export interface Detection<E extends string> {
  encoding: E
  /** 0..1: how clearly the winner beats the others and how clean it is. */
  confidence: number
  scores: { encoding: E; score: number; vietnamese: number; common: number; broken: number }[]
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

/** What Windows-1252 shows for a UTF-8 continuation byte (0x80–0xBF). */
const CONTINUATION =
  '[\\u0080-\\u00bf\\u0152\\u0153\\u0160\\u0161\\u0178\\u017d\\u017e\\u0192\\u02c6\\u02dc\\u2013\\u2014\\u2018-\\u201e\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203a\\u20ac\\u2122]'
const MOJIBAKE = new RegExp(`(?:[ÃÄÅÆ]${CONTINUATION}|á[\\u00ba\\u00bb]${CONTINUATION})`)

/**
 * UTF-8 read as Windows-1252 then saved again ("Nguyá»…n", "VÄƒn", "VÅ©"): one mark of that
 * accident is enough to let the repaired reading compete; the scores decide between them.
 */
export function looksLikeMojibake(text: string): boolean {
  return MOJIBAKE.test(text)
}
