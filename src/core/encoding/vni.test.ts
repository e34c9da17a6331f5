// VNI-Windows: every Vietnamese letter round-trips, and bytes match what VNI fonts show.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { VIETNAMESE_LETTERS, decodeVni, encodeVni } from './vni'

// Bytes shown as Windows-1252/Latin-1 text, the way a VNI font file looks in a plain editor.
const latin1 = (bytes: Uint8Array): string => String.fromCharCode(...bytes)
const fromLatin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0))

describe('VNI-Windows', () => {
  it('knows all 134 Vietnamese letters outside ASCII, 67 per case', () => {
    expect(VIETNAMESE_LETTERS).toHaveLength(134)
    expect(new Set(VIETNAMESE_LETTERS).size).toBe(134)
    const lower = VIETNAMESE_LETTERS.filter((c) => c === c.toLowerCase())
    expect(lower).toHaveLength(67)
    for (const c of lower) expect(VIETNAMESE_LETTERS).toContain(c.toUpperCase())
  })

  it('round-trips every letter, alone and in words, upper and lower case', () => {
    for (const c of VIETNAMESE_LETTERS) {
      expect(decodeVni(encodeVni(c))).toBe(c)
      const word = `x${c}n ${c}${c}`
      expect(decodeVni(encodeVni(word))).toBe(word)
    }
    const all = VIETNAMESE_LETTERS.join('')
    expect(decodeVni(encodeVni(all))).toBe(all)
    let ascii = ''
    for (let c = 0x20; c < 0x7f; c++) ascii += String.fromCharCode(c)
    expect(decodeVni(encodeVni(ascii + '\r\n\t'))).toBe(ascii + '\r\n\t')
  })

  it('writes the bytes VNI fonts use', () => {
    expect(latin1(encodeVni('Nguyễn'))).toBe('Nguyeãn')
    expect(latin1(encodeVni('Lượng'))).toBe('Löôïng')
    expect(latin1(encodeVni('Đặng Văn Hòa'))).toBe('Ñaëng Vaên Hoøa')
    expect(latin1(encodeVni('Thị Thủy'))).toBe('Thò Thuûy')
    expect(latin1(encodeVni('ỵ Ỵ í Ĩ'))).toBe('î Î í Ó')
    expect(latin1(encodeVni('NGUYỄN'))).toBe('NGUYEÃN')
  })

  it('reads a mark typed in the other case, and text in NFD', () => {
    expect(decodeVni(fromLatin1('NGUYEãN'))).toBe('NGUYỄN')
    expect(decodeVni(fromLatin1('Nguyeãn'))).toBe('Nguyễn')
    expect(decodeVni(encodeVni('Nguyễn'.normalize('NFD')))).toBe('Nguyễn')
  })

  it('writes ? for what VNI cannot hold, and reads stray bytes as Windows-1252', () => {
    expect(latin1(encodeVni('a中b'))).toBe('a?b')
    expect(latin1(encodeVni('😀'))).toBe('?')
    expect(decodeVni(fromLatin1('\x93x\x94'))).toBe('“x”')
  })

  it('round-trips any text made of Vietnamese letters, ASCII and punctuation', () => {
    const alphabet = [...VIETNAMESE_LETTERS, ...'abcdefghijklmnopqrstuvwxyzADĐ0123456789 ,."/-\r\n']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }), (chars) => {
        const s = chars.join('')
        expect(decodeVni(encodeVni(s))).toBe(s)
      }),
      { numRuns: 300 }
    )
  })
})
