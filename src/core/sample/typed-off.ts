// A name as typed with the Vietnamese keyboard off: Telex ("Nguyeenx") or VNI ("Nguye6n4") keys left as letters.

const TELEX: Record<string, string> = {
  â: 'aa',
  ă: 'aw',
  ê: 'ee',
  ô: 'oo',
  ơ: 'ow',
  ư: 'uw',
  đ: 'dd'
}
const VNI: Record<string, string> = {
  â: 'a6',
  ă: 'a8',
  ê: 'e6',
  ô: 'o6',
  ơ: 'o7',
  ư: 'u7',
  đ: 'd9'
}
const TONE_TELEX: Record<string, string> = {
  '\u0301': 's',
  '\u0300': 'f',
  '\u0309': 'r',
  '\u0303': 'x',
  '\u0323': 'j'
}
const TONE_VNI: Record<string, string> = {
  '\u0301': '1',
  '\u0300': '2',
  '\u0309': '3',
  '\u0303': '4',
  '\u0323': '5'
}

/** A name typed with the Vietnamese keyboard off: "Nguyễn" → "Nguyeenx" (Telex) / "Nguye6n4" (VNI). */
export function typedOff(name: string, vni: boolean): string {
  return name
    .split(' ')
    .map((word) => {
      let tone = ''
      let out = ''
      for (const ch of word.normalize('NFD')) {
        if (TONE_TELEX[ch]) tone = ch
        else out += ch
      }
      const upper = out[0] !== out[0]!.toLowerCase()
      const base = [...out.normalize('NFC').toLowerCase()]
        .map((c) => (vni ? VNI : TELEX)[c] ?? c)
        .join('')
      const typed = base + (tone ? (vni ? TONE_VNI : TONE_TELEX)[tone]! : '')
      return upper ? typed[0]!.toUpperCase() + typed.slice(1) : typed
    })
    .join(' ')
}
