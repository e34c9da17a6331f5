// Legacy encodings told apart on the few accented words a short file has.
import { describe, expect, it } from 'vitest'
import { isVietnameseSyllable, looksLikeMojibake, pickEncoding, scoreVietnamese } from './detect'

describe('Vietnamese syllables', () => {
  it('accepts the vowel groups Vietnamese has, with and without a final consonant', () => {
    for (const w of [
      'Nguyễn',
      'Văn',
      'Thị',
      'Hường',
      'Quỳnh',
      'Giang',
      'giữa',
      'người',
      'khuya',
      'Khuỷu',
      'Tuyết',
      'Thoại',
      'xoong',
      'Yến',
      'yêu',
      'Hoè',
      'thuở',
      'Xoăn',
      'Tuấn',
      'Khuê',
      'Kiều',
      'Đức',
      'Hươu',
      'ngoẹo',
      'Cứu',
      'Lũy',
      'gìn',
      'Quốc'
    ])
      expect(isVietnameseSyllable(w), w).toBe(true)
  })

  it('refuses what a wrong decoding makes of a legacy file', () => {
    // VNI read as TCVN3, Windows-1258 read as VNI: vowel groups no word has.
    for (const w of ['Vaờn', 'Phaùm', 'Ngoùc', 'AỄnh', 'Voừ', 'Yeỏn', 'TraỔn', 'Thiị', 'Leâ'])
      expect(isVietnameseSyllable(w), w).toBe(false)
  })

  it('counts the syllables of names and places that nearly every list has', () => {
    expect(scoreVietnamese('Lê Văn An').score).toBeGreaterThan(scoreVietnamese('Lờ Vón An').score)
  })
})

describe('picking an encoding on a two-name file', () => {
  it('the decoding that reads as common Vietnamese wins, with a modest confidence', () => {
    const picked = pickEncoding([
      { encoding: 'tcvn3', text: 'Ho ten\nLờ Vón An\n' },
      { encoding: 'windows-1258', text: 'Ho ten\nLê Văn An\n' }
    ])
    expect(picked.encoding).toBe('windows-1258')
    expect(picked.confidence).toBeLessThan(0.8)
  })
})

describe('UTF-8 mojibake', () => {
  it('is suspected from a single mark, whichever Windows-1252 character the second byte became', () => {
    expect(looksLikeMojibake('LÃª VÄƒn An')).toBe(true) // ă → "Äƒ" (U+0192)
    expect(looksLikeMojibake('VÅ© Thá»‹ Hoa')).toBe(true)
    expect(looksLikeMojibake('Ä‘')).toBe(true) // đ → "Ä‘" (U+2018)
    expect(looksLikeMojibake('Lê Văn An, Vũ Thị Hoa')).toBe(false)
  })
})
