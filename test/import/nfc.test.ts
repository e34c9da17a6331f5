// The decoders normalise to NFC line by line, only where a line may need it: the same text as
// normalising everything.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toNfc } from '../../src/core/encoding/utf8'

describe('toNfc', () => {
  it('equals NFC of the whole text (property)', () => {
    const unit = fc.constantFrom(
      'a',
      'e',
      'o',
      'u',
      'N',
      'ă',
      'ơ',
      'ư',
      'ễ',
      'Đ',
      ',',
      ' ',
      '"',
      '\n',
      '\r\n',
      '\u0300',
      '\u0301',
      '\u0303',
      '\u0309',
      '\u0323',
      '\u0302',
      '\u0306',
      '\u031b',
      '\u2019',
      '\u212b'
    )
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 80 }), (t) => {
        expect(toNfc(t)).toBe(t.normalize('NFC'))
      }),
      { numRuns: 3000 }
    )
  })

  it('leaves precomposed Vietnamese untouched and mends the decomposed line only', () => {
    const precomposed = 'DC1,Nguyễn Thị Ánh,1990-01-02\nDC2,Trần Văn Đức,1991-03-04\n'
    expect(toNfc(precomposed)).toBe(precomposed)
    const nfd = 'DC3,Nguyê\u0303n Thi\u0323 A\u0301nh\n'
    expect(toNfc(precomposed + nfd + precomposed)).toBe(
      precomposed + 'DC3,Nguyễn Thị Ánh\n' + precomposed
    )
  })
})
