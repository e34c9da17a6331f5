// Name keys on spellings a commune clerk meets every day, and their invariants (fast-check).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeVni, encodeVni } from '../encoding/vni'
import { foldKey } from './text'
import {
  canonicalSyllable,
  editDistance,
  foldToken,
  jaroWinkler,
  nameKey,
  phoneticToken
} from './vi-name'

describe('tone placement and i/y', () => {
  it('puts the tone where the modern convention does: Hoà = Hòa, Thuỷ = Thủy, Khoẻ = Khỏe', () => {
    expect(canonicalSyllable('hoà')).toBe(canonicalSyllable('hòa'))
    expect(canonicalSyllable('thuỷ')).toBe(canonicalSyllable('thủy'))
    expect(canonicalSyllable('khoẻ')).toBe(canonicalSyllable('khỏe'))
    // With a final consonant there is only one convention: Hoàng, Toán.
    expect(canonicalSyllable('hoàng')).toBe('hoàng')
    // "qu" is a consonant: Quý keeps its tone on y.
    expect(canonicalSyllable('quý')).toBe('quí')
  })

  it('treats Lý and Lí, Kỳ and Kì as the same spelling', () => {
    expect(canonicalSyllable('lý')).toBe(canonicalSyllable('lí'))
    expect(foldToken('Kỳ')).toBe(foldToken('Kì'))
    // ...but not the y of "uy" (Thúy is not Thúi).
    expect(foldToken('thúy')).not.toBe(foldToken('thúi'))
  })
})

describe('phonetic key', () => {
  it('merges the regional sound confusions', () => {
    expect(phoneticToken('dung')).toBe(phoneticToken('rung'))
    expect(phoneticToken('giang')).toBe(phoneticToken('dang'))
    expect(phoneticToken('xuan')).toBe(phoneticToken('suan'))
    expect(phoneticToken('trung')).toBe(phoneticToken('chun'))
    expect(phoneticToken('bat')).toBe(phoneticToken('bac'))
    // Tones are gone before the key: hỏi and ngã merge.
    expect(phoneticToken(foldToken('Mỹ'))).toBe(phoneticToken(foldToken('Mỷ')))
  })

  it('keeps different names apart', () => {
    expect(phoneticToken('lan')).not.toBe(phoneticToken('nam'))
    expect(phoneticToken('hung')).not.toBe(phoneticToken('hai'))
  })
})

describe('name keys', () => {
  it('splits family, middle and given names, with compound family names', () => {
    expect(nameKey('Tôn Nữ Thị Ngọc Hà')).toMatchObject({
      family: 'ton nu',
      middle: ['thi', 'ngoc'],
      given: 'ha'
    })
    expect(nameKey('NGUYỄN  văn   đức')).toMatchObject({
      family: 'nguyen',
      middle: ['van'],
      given: 'duc',
      marked: true
    })
    expect(nameKey('Nguyen Van Duc')?.marked).toBe(false)
    expect(nameKey(' 123 ')).toBeNull()
  })

  it('measures slips between names', () => {
    expect(editDistance('hung', 'hugn')).toBe(1)
    expect(editDistance('lan', 'lam')).toBe(1)
    expect(editDistance('nguyen', 'nguyne')).toBe(1)
    expect(editDistance('an', 'binh', 1)).toBe(2)
    expect(jaroWinkler('nguyen', 'nguyen')).toBe(1)
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3)
  })
})

const letter = fc.constantFrom(
  ...'aăâeêioôơuưyđbcdghklmnpqrstvx',
  ...'áàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ'
)
const word = fc.array(letter, { minLength: 1, maxLength: 6 }).map((a) => a.join(''))
const name = fc.array(word, { minLength: 1, maxLength: 5 }).map((a) => a.join(' '))

describe('invariants (property tests)', () => {
  it('canonical tone placement is idempotent', () => {
    fc.assert(
      fc.property(word, (w) => {
        const once = canonicalSyllable(w)
        expect(canonicalSyllable(once)).toBe(once)
      })
    )
  })

  it('NFC and NFD (Unikey "tổ hợp") give the same keys', () => {
    fc.assert(
      fc.property(name, (n) => {
        expect(nameKey(n.normalize('NFD'))).toEqual(nameKey(n.normalize('NFC')))
        expect(foldKey(n.normalize('NFD'))).toBe(foldKey(n))
      })
    )
  })

  it('folding is idempotent and leaves plain ASCII lower case', () => {
    fc.assert(
      fc.property(name, (n) => {
        const f = foldKey(n)
        expect(foldKey(f)).toBe(f)
        expect(f).toMatch(/^[a-z0-9 ]*$/)
      })
    )
  })

  it('a name survives a VNI encoding round trip with the same keys', () => {
    fc.assert(
      fc.property(name, (n) => {
        expect(nameKey(decodeVni(encodeVni(n)))).toEqual(nameKey(n))
      })
    )
  })
})
