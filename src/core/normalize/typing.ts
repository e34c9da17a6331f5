// Telex and VNI typing residue (a name typed with the Vietnamese keyboard switched off): "Nguyeenx
// Vawn Thij", "Nguye6n"; read back as the syllables meant, only when the whole name says so.

/** Consonants a Vietnamese syllable may start with (longest first). */
const INITIALS = [
  'ngh',
  'ng',
  'nh',
  'ch',
  'gh',
  'gi',
  'kh',
  'ph',
  'qu',
  'th',
  'tr',
  'b',
  'c',
  'd',
  'đ',
  'g',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'x',
  ''
]

/** Open rhymes (no final consonant). */
const OPEN =
  'a e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iu oa oe oi ôi ơi ua ui uy ưa ưi ưu uya iêu yêu oai oay oeo uây uôi ươi ươu uyu uê uơ oao'
/** Nuclei that take a final consonant, with the finals each takes. */
const CLOSED: Record<string, string> = {
  a: 'c ch m n ng nh p t',
  ă: 'c m n ng p t',
  â: 'c m n ng p t',
  e: 'c m n ng p t',
  ê: 'ch m n nh p t',
  i: 'ch m n nh p t',
  o: 'c m n ng p t',
  ô: 'c m n ng p t',
  ơ: 'm n p t',
  u: 'c m n ng p t',
  ư: 'c m n ng t',
  iê: 'c m n ng p t',
  yê: 'm n t',
  oa: 'c ch m n ng nh p t',
  oă: 'c m n ng t',
  oe: 'm n ng t',
  uâ: 'n ng t',
  uê: 'ch nh',
  uô: 'c m n ng t',
  ươ: 'c m n ng p t',
  uy: 'ch n nh p t',
  uyê: 'n t'
}

const RHYMES = new Set<string>(OPEN.split(' '))
for (const [nucleus, finals] of Object.entries(CLOSED))
  for (const f of finals.split(' ')) RHYMES.add(nucleus + f)
/** Rhymes that end in a stop: they take only the sharp or the heavy tone. */
const STOP = /(c|ch|p|t)$/

const FOLD: Record<string, string> = { ă: 'a', â: 'a', ê: 'e', ô: 'o', ơ: 'o', ư: 'u', đ: 'd' }
const fold = (s: string): string => s.replace(/[ăâêôơưđ]/g, (c) => FOLD[c]!)
const FOLDED_RHYMES = new Set([...RHYMES].map(fold))

/** Split a lower-case syllable (quality marks, no tone) into a valid initial and rhyme. */
function split(s: string, rhymes: ReadonlySet<string>): string | null {
  for (const init of INITIALS) {
    if (!s.startsWith(init)) continue
    const rhyme = s.slice(init.length)
    if (rhymes.has(rhyme)) return rhyme
    // "gi" and "qu" are consonants before a vowel, a vowel of the rhyme otherwise (gì, quý).
    if ((init === 'gi' || init === 'qu') && rhymes.has(init[1]! + rhyme)) return init[1]! + rhyme
  }
  return null
}

/** Is this ASCII word already a Vietnamese syllable written without marks ("nguyen", "tuan")? */
export function isPlainSyllable(w: string): boolean {
  return split(w.replace(/đ/g, 'd'), FOLDED_RHYMES) !== null
}

const TONE: Record<string, string> = {
  s: '\u0301',
  f: '\u0300',
  r: '\u0309',
  x: '\u0303',
  j: '\u0323',
  '1': '\u0301',
  '2': '\u0300',
  '3': '\u0309',
  '4': '\u0303',
  '5': '\u0323'
}
const VOWEL = /[aăâeêioôơuưy]/
const QUALITY = /[ăâêôơư]/

/** Put the tone mark on the vowel the modern convention chooses. */
function withTone(s: string, tone: string): string {
  if (!tone) return s
  const chars = [...s]
  let start = chars.findIndex((c) => VOWEL.test(c))
  let end = start
  while (end + 1 < chars.length && VOWEL.test(chars[end + 1]!)) end++
  if (start > 0 && end > start) {
    const prev = chars[start - 1]
    if ((prev === 'q' && chars[start] === 'u') || (prev === 'g' && chars[start] === 'i')) start++
  }
  let at = -1
  for (let i = end; i >= start; i--) if (QUALITY.test(chars[i]!)) at = at < 0 ? i : at
  if (at < 0) {
    const len = end - start + 1
    at = len === 1 ? start : len === 3 ? start + 1 : end < chars.length - 1 ? end : start
  }
  chars[at] = chars[at]! + tone
  return chars.join('').normalize('NFC')
}

/**
 * How sure a decoded word is. A doubled vowel alone is common in foreign names (Lee, Moore), as
 * are a final s (Hans), -ow (Low) and a tone key on two letters (Max, Raj); a tone key on a
 * longer word, đ typed dd or a horn before a final consonant are not; two signs in one word
 * (Nguyeenx, Tuaans) settle it.
 */
const WEAK = 1
const MEDIUM = 2
const STRONG = 3
const CERTAIN = 4

interface Decoded {
  text: string
  strength: number
}

function valid(s: string, tone: string): boolean {
  const rhyme = split(s, RHYMES)
  if (rhyme === null) return false
  // A stop final takes only the sharp or the heavy tone (các, cạc; never cà).
  if (STOP.test(rhyme) && tone && tone !== '\u0301' && tone !== '\u0323') return false
  return true
}

/** A Telex word read back ("nguyeenx" → "nguyễn"), or null when it is not one. */
function decodeTelex(w: string): Decoded | null {
  let s = w
  let tone = ''
  let strength = 0
  let signs = 0
  const sign = (k: number): void => {
    strength = Math.max(strength, k)
    signs++
  }
  const last = s[s.length - 1]!
  if (s.length > 1 && 'sfrxj'.includes(last) && VOWEL.test(s)) {
    tone = TONE[last]!
    s = s.slice(0, -1)
    sign(last === 's' || s.length < 3 ? MEDIUM : STRONG)
  } else {
    // The tone key typed right after the vowel, before the final consonant ("bifnh").
    const mid = /^([^aeiouy]*[aeiouy]+)([sfrxj])([cmnpt]|ch|ng|nh)$/.exec(s)
    if (mid) {
      tone = TONE[mid[2]!]!
      s = mid[1]! + mid[3]!
      sign(STRONG)
    }
  }
  // The horn typed after the final consonant ("ducw" for đức).
  if (s.endsWith('w') && /[aou][^aeiouyw]+w$/.test(s)) {
    const at = s.search(/[aou][^aeiouyw]+w$/)
    s = s.slice(0, at + 1) + 'w' + s.slice(at + 1, -1)
  }
  if (s.startsWith('dd')) {
    s = 'đ' + s.slice(2)
    sign(STRONG)
  }
  const horn = /uwow|uwo|uow/.exec(s)
  if (horn) {
    s = s.replace(horn[0], 'ươ')
    sign(STRONG)
  } else {
    const w2 = /([aou])w/.exec(s)
    if (w2) {
      s = s.replace(w2[0], w2[1] === 'a' ? 'ă' : w2[1] === 'o' ? 'ơ' : 'ư')
      sign(s.length > w2.index + 1 ? STRONG : MEDIUM)
    } else if (/^[^aeiouy]+w/.test(s)) {
      s = s.replace('w', 'ư')
      sign(STRONG)
    }
  }
  const hat = /aa|ee|oo/.exec(s)
  // "Lees", "Loos": a doubled vowel ending the word before an s is English as often as Telex.
  let foreignLike = false
  if (hat) {
    foreignLike = last === 's' && hat.index + 2 === s.length
    s = s.replace(hat[0], hat[0] === 'aa' ? 'â' : hat[0] === 'ee' ? 'ê' : 'ô')
    sign(WEAK)
  }
  if (signs === 0 || !valid(s, tone)) return null
  return { text: withTone(s, tone), strength: signs >= 2 && !foreignLike ? CERTAIN : strength }
}

/** A VNI word read back ("nguye64n" → "nguyễn"), or null when it is not one. */
function decodeVni(w: string): string | null {
  if (!/^[a-z]*[a-z][a-z1-9]*$/.test(w) || !/\d/.test(w)) return null
  let s = ''
  let tone = ''
  for (const c of w) {
    if (c >= '1' && c <= '5') {
      if (tone) return null
      tone = TONE[c]!
    } else if (c === '6' || c === '7' || c === '8' || c === '9') {
      const from = { '6': 'aeo', '7': 'ou', '8': 'a', '9': 'd' }[c]
      const to: Record<string, string> =
        c === '6'
          ? { a: 'â', e: 'ê', o: 'ô' }
          : c === '7'
            ? { o: 'ơ', u: 'ư' }
            : c === '8'
              ? { a: 'ă' }
              : { d: 'đ' }
      let at = -1
      for (let i = s.length - 1; i >= 0; i--)
        if (from.includes(s[i]!)) {
          at = i
          break
        }
      if (at < 0) return null
      // "uo7": both letters of ươ take the horn.
      if (c === '7' && s[at] === 'o' && s[at - 1] === 'u')
        s = s.slice(0, at - 1) + 'ư' + s.slice(at)
      s = s.slice(0, at) + to[s[at]!] + s.slice(at + 1)
    } else s += c
  }
  return valid(s, tone) ? withTone(s, tone) : null
}

/**
 * The words of a lower-case name with Telex or VNI residue read back, or null to leave it as
 * written. Unmistakable means: every word is a Vietnamese syllable (as written, or once read
 * back); with VNI, a digit inside a word is proof enough; with Telex, one word shows two signs,
 * or two words need reading back and one shows a sign foreign names do not have. A name with any
 * non-ASCII letter was typed with the keyboard on and is never touched.
 */
export function repairTyping(words: readonly string[]): string[] | null {
  let vni = false
  for (const w of words) {
    if (!/^[a-z0-9]+$/.test(w)) return null
    if (/\d/.test(w)) vni = true
  }
  if (vni) {
    const out: string[] = []
    for (const w of words) {
      if (!/\d/.test(w)) {
        if (!isPlainSyllable(w)) return null
        out.push(w)
        continue
      }
      const d = decodeVni(w)
      if (d === null) return null
      out.push(d)
    }
    return out
  }
  if (words.length < 2) return null
  const out: string[] = []
  let decoded = 0
  let strongest = 0
  for (const w of words) {
    if (isPlainSyllable(w)) {
      out.push(w)
      continue
    }
    const d = decodeTelex(w)
    if (d === null) return null
    decoded++
    strongest = Math.max(strongest, d.strength)
    out.push(d.text)
  }
  return (decoded >= 2 && strongest >= STRONG) || strongest === CERTAIN ? out : null
}
