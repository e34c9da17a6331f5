// The recovery key as typed: groups checked one by one, look-alikes forgiven, a paste cut in eight.
import { describe, expect, it } from 'vitest'
import { checkRecoveryGroup, checkRecoveryKey, normalizeRecoveryKey } from './recovery-key'

const KEY = 'ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567'

describe('checkRecoveryGroup', () => {
  it('says empty, partial, complete or invalid as each character is typed', () => {
    expect(checkRecoveryGroup('').state).toBe('empty')
    expect(checkRecoveryGroup('a').state).toBe('partial')
    expect(checkRecoveryGroup('ab2').state).toBe('partial')
    expect(checkRecoveryGroup('ab27')).toEqual({ text: 'AB27', state: 'complete', badChars: [] })
    expect(checkRecoveryGroup('ABCDE').state).toBe('invalid')
  })

  it('reads 0, 1 and 8 as O, I and B, and names the characters no key can hold', () => {
    expect(checkRecoveryGroup('0l18').text).toBe('OLIB')
    expect(checkRecoveryGroup('0l18').state).toBe('complete')
    expect(checkRecoveryGroup('AB9Đ')).toEqual({
      text: 'AB9Đ',
      state: 'invalid',
      badChars: ['9', 'Đ']
    })
  })
})

describe('checkRecoveryKey', () => {
  it('accepts the key however it is pasted: dashes, spaces, lower case, one run', () => {
    for (const typed of [
      KEY,
      KEY.toLowerCase(),
      KEY.replace(/-/g, ' '),
      KEY.replace(/-/g, ''),
      `  ${KEY.replace(/-/g, '  ')}\n`
    ]) {
      const c = checkRecoveryKey(typed)
      expect(c.complete, typed).toBe(true)
      expect(c.canonical).toBe(KEY)
    }
  })

  it('shows which group is short or wrong, and what is left over', () => {
    const short = checkRecoveryKey(KEY.slice(0, 17))
    expect(short.complete).toBe(false)
    expect(short.groups.map((g) => g.state)).toEqual([
      'complete',
      'complete',
      'complete',
      'partial',
      'empty',
      'empty',
      'empty',
      'empty'
    ])
    // Separated as on paper: a character left out is found in its own group, not at the end.
    const missing = checkRecoveryKey(KEY.replace('IJKL', 'IJL'))
    expect(missing.groups.map((g) => g.state)).toEqual([
      'complete',
      'complete',
      'partial',
      'complete',
      'complete',
      'complete',
      'complete',
      'complete'
    ])
    const bad = checkRecoveryKey(KEY.replace('MNOP', 'MN9P'))
    expect(bad.groups[3]!.state).toBe('invalid')
    expect(bad.canonical).toBeNull()
    const long = checkRecoveryKey(`${KEY}-ABCD`)
    expect(long.complete).toBe(false)
    expect(long.extra).toBe('ABCD')
  })

  it('normalises exactly as the backend derives the key', () => {
    expect(normalizeRecoveryKey('ab-c d_e.f')).toBe('ABCDEF')
  })
})
