// @vitest-environment jsdom
// The teach view as a clerk reads and answers it: values in words and local formats, whole
// expected errors, and the review screen's answer keys.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { setApi } from '../../lib/api'
import { fakeApi, setUpScreenTests } from '../../test-support'
import { TeachScreen } from './teach-screen'
import { learnStatus, teachList, teachRow } from './test-fixtures'

setUpScreenTests()

function open() {
  const fake = fakeApi({
    'learn/status': () => learnStatus(),
    'learn/teach': () => teachList([teachRow(21), teachRow(22), teachRow(23), teachRow(24)]),
    'review/decide': () => ({ ok: true }),
    'learn/similar': () => ({ count: 0, applied: false })
  })
  setApi(fake.api)
  render(<TeachScreen />)
  return fake
}

const current = (): string | null =>
  document.querySelector('.teach-pair')?.getAttribute('data-source-id') ?? null

describe('the teach view', () => {
  it('writes dates, sex, probabilities and expected errors as a clerk reads them', async () => {
    open()
    const pair = await screen.findByTestId('teach-question')
    await waitFor(() => expect(current()).toBe('21'))
    const text = pair.textContent ?? ''
    expect(text).toContain('29/06/1996')
    expect(text).toContain('29/09/1996')
    expect(text).not.toMatch(/\d{4}-\d\d-\d\d/)
    const register = within(pair).getByText('Sổ hộ tịch').parentElement!
    expect(within(register).getByText('Nữ')).toBeTruthy()
    expect(within(pair).getByText('Nam')).toBeTruthy()
    expect(screen.getByTestId('teach-probability').textContent).toMatch(/0,3\s?%/)
    expect(screen.getByTestId('teach-probability').textContent).not.toContain('0.3')
    // 0.3 % is nowhere near a threshold: the reason shown is the pattern's.
    expect(text).toContain('nhiều cặp cùng kiểu chưa xét')
    expect(text).not.toContain('sát ngưỡng')
    await waitFor(() => expect(screen.getByTestId('expected-error').textContent).toBe('dưới 1'))
    expect(screen.getByTestId('teach-status').textContent).toContain('584')
    // The versions table: 14.62 → 0.01 becomes whole decisions.
    expect(screen.getByTestId('teach-versions').textContent).toContain('15 → dưới 1')
  })

  it('answers with the review screen’s letters: A same, R not this person, N absent, J next', async () => {
    const fake = open()
    await waitFor(() => expect(current()).toBe('21'))
    const answers = within(screen.getByTestId('teach-question'))
    for (const [label, key] of [
      ['Cùng một người', 'A'],
      ['Không phải người này', 'R'],
      ['Không có trong CSDL', 'N'],
      ['Bỏ qua', 'J']
    ])
      expect(answers.getByRole('button', { name: `${label} ${key}` })).toBeTruthy()
    // D and K mean "duplicate" and "previous pair" on the review screen: here they do nothing.
    fireEvent.keyDown(window, { key: 'd' })
    fireEvent.keyDown(window, { key: 'k' })
    await new Promise((r) => setTimeout(r, 30))
    expect(fake.argsOf('review/decide')).toEqual([])
    fireEvent.keyDown(window, { key: 'a' })
    await waitFor(() => expect(current()).toBe('22'))
    fireEvent.keyDown(window, { key: 'r' })
    await waitFor(() => expect(current()).toBe('23'))
    fireEvent.keyDown(window, { key: 'j' })
    await waitFor(() => expect(current()).toBe('24'))
    fireEvent.keyDown(window, { key: 'n' })
    await waitFor(() => expect(fake.argsOf('review/decide')).toHaveLength(3))
    expect(fake.argsOf('review/decide')).toEqual([
      { sourceRecordId: 21, action: 'relink', populationRecordId: 521 },
      { sourceRecordId: 22, action: 'reject' },
      { sourceRecordId: 24, action: 'not_in_population' }
    ])
  })
})
