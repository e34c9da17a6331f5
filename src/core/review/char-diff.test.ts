import { describe, expect, it } from 'vitest'
import { baseChar, charDiff, type DiffSegment } from './char-diff'

const text = (segs: DiffSegment[], kind: DiffSegment['kind']): string[] =>
  segs.filter((s) => s.kind === kind).map((s) => s.text)

describe('charDiff', () => {
  it('marks a name typed without diacritics letter by letter, as diacritics only', () => {
    const d = charDiff('Nguyen Van Dung', 'Nguyễn Văn Dũng')
    expect(d.comparison).toBe('diacritics')
    expect(text(d.left, 'diacritic')).toEqual(['e', 'a', 'u'])
    expect(text(d.right, 'diacritic')).toEqual(['ễ', 'ă', 'ũ'])
    expect(text(d.left, 'changed')).toEqual([])
    expect(d.left.map((s) => s.text).join('')).toBe('Nguyen Van Dung')
    expect(d.right.map((s) => s.text).join('')).toBe('Nguyễn Văn Dũng')
  })

  it('treats đ and d as the same letter with another mark', () => {
    const d = charDiff('Do Duc', 'Đỗ Đức')
    expect(d.comparison).toBe('diacritics')
    expect(text(d.right, 'diacritic')).toEqual(['Đỗ', 'Đứ'])
  })

  it('marks a dropped middle name as changed on one side only', () => {
    const d = charDiff('Hà Toàn', 'Hà Bá Toàn')
    expect(d.comparison).toBe('different')
    expect(text(d.left, 'changed')).toEqual([])
    expect(text(d.right, 'changed').join('')).toBe('Bá ')
    expect(text(d.left, 'same').join('')).toBe('Hà Toàn')
  })

  it('marks a one-digit date difference on both sides', () => {
    const d = charDiff('21/03/2023', '21/08/2023')
    expect(d.comparison).toBe('different')
    expect(text(d.left, 'changed')).toEqual(['3'])
    expect(text(d.right, 'changed')).toEqual(['8'])
  })

  it('combines a real change and a diacritic change in one value', () => {
    const d = charDiff('Lang Hoai Tai', 'Lăng Hoài Tài')
    expect(d.comparison).toBe('diacritics')
    const e = charDiff('Huynh Thanh Luc', 'Hoàng Thanh Lực')
    expect(e.comparison).toBe('different')
    expect(text(e.right, 'diacritic')).toContain('ự')
  })

  it('reads decomposed input (NFD) as the same letters', () => {
    expect(charDiff('Nguye\u0302\u0303n', 'Nguyễn').comparison).toBe('same')
  })

  it('says missing when one side has no value, same when neither has', () => {
    expect(charDiff(null, '012345678901')).toEqual({
      left: [],
      right: [{ kind: 'changed', text: '012345678901' }],
      comparison: 'missing'
    })
    expect(charDiff('', null).comparison).toBe('same')
  })

  it('keeps every character of long unrelated values without aligning them', () => {
    const a = 'x'.repeat(600)
    const b = 'y'.repeat(600)
    const d = charDiff(a, b)
    expect(d.left).toEqual([{ kind: 'changed', text: a }])
    expect(d.right).toEqual([{ kind: 'changed', text: b }])
  })

  it('strips marks but keeps case in baseChar', () => {
    expect(['à', 'Ế', 'đ', 'Đ', 'ư', 'x'].map(baseChar)).toEqual(['a', 'E', 'd', 'D', 'u', 'x'])
  })
})
