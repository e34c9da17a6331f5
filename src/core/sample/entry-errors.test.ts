// The entry-error primitives: each changes what it says, and only that.
import { describe, expect, it } from 'vitest'
import {
  abbreviateAddress,
  dobOneDigit,
  flipTonePlacement,
  idOneDigit,
  isoToDmy,
  shiftIso,
  stripDiacritics,
  typo,
  validDate
} from './entry-errors'
import { Rng, Selection, Weighted } from './prng'

describe('entry errors', () => {
  it('strips diacritics, including Đ', () => {
    expect(stripDiacritics('Nguyễn Văn Đức')).toBe('Nguyen Van Duc')
    expect(stripDiacritics('ĐẶNG THỊ HƯỜNG')).toBe('DANG THI HUONG')
  })

  it('moves the tone between the two vowels of oa, oe, uy, never after qu', () => {
    expect(flipTonePlacement('Hòa')).toBe('Hoà')
    expect(flipTonePlacement('Hoà')).toBe('Hòa')
    expect(flipTonePlacement('Thủy')).toBe('Thuỷ')
    expect(flipTonePlacement('Thúy')).toBe('Thuý')
    expect(flipTonePlacement('Khỏe')).toBe('Khoẻ')
    expect(flipTonePlacement('Quý')).toBeNull()
    expect(flipTonePlacement('Hùng')).toBeNull()
    expect(flipTonePlacement('Hoan')).toBeNull()
  })

  it('makes a typo that changes the word, keeping tones alone when asked', () => {
    const r = new Rng(5)
    for (let i = 0; i < 200; i++) {
      const out = typo('Nguyễn', r, i % 2 === 0)
      expect(out).not.toBe('Nguyễn')
      if (i % 2 === 0) expect(stripDiacritics(out)).not.toBe('Nguyen')
    }
  })

  it('changes one digit of a date and keeps it a real date', () => {
    const r = new Rng(9)
    for (let i = 0; i < 200; i++) {
      const out = dobOneDigit('29/02/2000', r)
      if (out === null) continue
      const diff = [...out].filter((c, k) => c !== '29/02/2000'[k]).length
      expect(diff).toBe(1)
      expect(
        validDate(Number(out.slice(0, 2)), Number(out.slice(3, 5)), Number(out.slice(6)))
      ).toBe(true)
    }
  })

  it('shifts dates across months and years, and formats them the Vietnamese way', () => {
    expect(shiftIso('2000-03-01', 1)).toBe('2000-02-29')
    expect(shiftIso('1990-01-10', 30)).toBe('1989-12-11')
    expect(isoToDmy('1990-01-10')).toBe('10/01/1990')
    expect(isoToDmy('1990')).toBe('1990')
  })

  it('changes exactly one digit of an ID', () => {
    const r = new Rng(3)
    for (let i = 0; i < 100; i++) {
      const out = idOneDigit('001090123456', r)
      expect(out).toMatch(/^\d{12}$/)
      expect([...out].filter((c, k) => c !== '001090123456'[k])).toHaveLength(1)
    }
  })

  it('abbreviates addresses as clerks do', () => {
    const r = new Rng(1)
    for (let i = 0; i < 50; i++) {
      const a = abbreviateAddress('Tổ dân phố 4', 'Phường 12', 'Thành phố Hồ Chí Minh', r)
      expect(a).not.toContain('Thành phố Hồ Chí Minh')
      expect(a).not.toContain('Phường')
      expect(a).toMatch(/HCM|Hồ Chí Minh/)
    }
  })
})

describe('seeded randomness', () => {
  it('repeats with a seed and differs between seeds and streams', () => {
    const a = Array.from({ length: 5 }, (_, i) => new Rng(42).uint32() + i)
    const b = Array.from({ length: 5 }, (_, i) => new Rng(42).uint32() + i)
    expect(a).toEqual(b)
    expect(new Rng(42).uint32()).not.toBe(new Rng(43).uint32())
    expect(new Rng(42, 1).uint32()).not.toBe(new Rng(42, 2).uint32())
  })

  it('picks by weight', () => {
    const r = new Rng(7)
    const w = new Weighted([
      ['a', 9],
      ['b', 1]
    ])
    let a = 0
    for (let i = 0; i < 10_000; i++) if (w.pick(r) === 'a') a++
    expect(a).toBeGreaterThan(8700)
    expect(a).toBeLessThan(9300)
  })

  it('selection sampling takes exactly the wanted number', () => {
    for (const [total, wanted] of [
      [10, 0],
      [10, 10],
      [1000, 137],
      [1, 1]
    ] as const) {
      const s = new Selection(total, wanted, new Rng(total + wanted))
      let taken = 0
      for (let i = 0; i < total; i++) if (s.take()) taken++
      expect(taken).toBe(wanted)
    }
  })
})
