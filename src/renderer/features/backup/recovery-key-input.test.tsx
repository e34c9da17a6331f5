// @vitest-environment jsdom
// The recovery key typed from paper: each group checked as it is typed, a pasted key spread over the
// eight fields whatever its separators and case, the wrong group named, 0/1/8 read as O/I/B.
import { fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import type { ReactElement } from 'react'
import { describe, expect, it } from 'vitest'
import { setLanguage } from '../../i18n'
import { setUpScreenTests } from '../../test-support'
import {
  EMPTY_GROUPS,
  RecoveryKeyInput,
  recoveryKeyOf,
  spreadRecoveryText
} from './recovery-key-input'

setUpScreenTests()

const KEY = 'ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567'
const PARTS = KEY.split('-')

let latest: string[] = [...EMPTY_GROUPS]
function Harness({ submitted = false }: { submitted?: boolean }): ReactElement {
  const [groups, setGroups] = useState<string[]>([...EMPTY_GROUPS])
  const change = (next: string[]): void => {
    latest = next
    setGroups(next)
  }
  return <RecoveryKeyInput groups={groups} onChange={change} showIncomplete={submitted} />
}

const field = (n: number): HTMLInputElement =>
  screen.getByLabelText<HTMLInputElement>(`Nhóm ${n} của khóa khôi phục`)
const status = (): string => screen.getByTestId('recovery-status').textContent ?? ''
const type = (n: number, value: string): void => {
  fireEvent.change(field(n), { target: { value } })
}
const paste = (n: number, text: string): void => {
  fireEvent.paste(field(n), { clipboardData: { getData: () => text } })
}

describe('RecoveryKeyInput', () => {
  it('checks each group as it is typed and moves on when a group is complete', () => {
    render(<Harness />)
    type(1, 'ab')
    expect(field(1).value).toBe('AB')
    expect(field(1).dataset.state).toBe('partial')
    expect(status()).toBe('Đã nhập đủ 0/8 nhóm.')
    type(1, 'abcd')
    expect(field(1).dataset.state).toBe('complete')
    expect(document.activeElement).toBe(field(2))
    expect(status()).toBe('Đã nhập đủ 1/8 nhóm.')
  })

  it('names the group with a character a key never has, and the character', () => {
    render(<Harness />)
    type(1, PARTS[0]!)
    type(2, PARTS[1]!)
    type(3, 'IJK9')
    expect(field(3).getAttribute('aria-invalid')).toBe('true')
    expect(field(3).dataset.state).toBe('invalid')
    expect(field(2).getAttribute('aria-invalid')).toBeNull()
    expect(status()).toBe(
      'Nhóm 3 có ký tự không có trong khóa khôi phục: “9”. Khóa chỉ gồm chữ A–Z và số 2–7; hãy đối chiếu với tờ giấy.'
    )
    expect(screen.getByRole('alert').textContent).toContain('Nhóm 3')
    // Corrected, the message goes.
    type(3, PARTS[2]!)
    expect(status()).toBe('Đã nhập đủ 3/8 nhóm.')
  })

  it('reads 0, 1 and 8 typed for O, I and B as the letters', () => {
    render(<Harness />)
    type(1, '0180')
    expect(field(1).value).toBe('OIBO')
    expect(field(1).dataset.state).toBe('complete')
  })

  it('spreads a whole key pasted into any field over the eight, with dashes, spaces or none, in any case', () => {
    for (const pasted of [KEY, KEY.toLowerCase().replaceAll('-', ' '), KEY.replaceAll('-', '')]) {
      const { unmount } = render(<Harness />)
      paste(4, `  ${pasted}\n`)
      expect(latest).toEqual(PARTS)
      expect(status()).toBe('Đủ 8 nhóm. Khóa sẽ được kiểm tra với dữ liệu khi bấm nút bên dưới.')
      expect(recoveryKeyOf(latest)).toMatchObject({ complete: true, canonical: KEY })
      unmount()
    }
  })

  it('a key typed in one run into the first field fills the fields as it goes', () => {
    render(<Harness />)
    type(1, 'ABCDEFGHIJ')
    expect(latest.slice(0, 3)).toEqual(['ABCD', 'EFGH', 'IJ'])
    expect(document.activeElement).toBe(field(3))
  })

  it('after a try to go on, an unfinished group is named', () => {
    render(<Harness submitted />)
    paste(1, 'ABCD-EFGH-IJKL-MNOP-QRS')
    expect(status()).toBe('Nhóm 5 chưa đủ 4 ký tự; hãy đối chiếu với tờ giấy.')
    expect(field(5).getAttribute('aria-invalid')).toBe('true')
    expect(recoveryKeyOf(latest).complete).toBe(false)
  })

  it('names the wrong group in English too', async () => {
    await setLanguage('en')
    render(<Harness />)
    fireEvent.change(screen.getByLabelText('Recovery key group 2'), { target: { value: 'ab@d' } })
    expect(status()).toBe(
      'Group 2 has characters a recovery key never has: “@”. The key only has letters A–Z and digits 2–7; check it against the paper.'
    )
  })
})

describe('spreadRecoveryText', () => {
  it('puts groups separated as written one per field, from the field pasted into', () => {
    const r = spreadRecoveryText(EMPTY_GROUPS, 2, 'ijkl mnop')
    expect(r.groups).toEqual(['', '', 'IJKL', 'MNOP', '', '', '', ''])
    expect(r.focus).toBe(4)
  })

  it('keeps what goes past the eighth field in it, which then says it is too long', () => {
    const r = spreadRecoveryText(EMPTY_GROUPS, 6, 'YZ234567AB')
    expect(r.groups.slice(6)).toEqual(['YZ23', '4567AB'])
    expect(recoveryKeyOf(r.groups).complete).toBe(false)
  })

  it('a pasted key with a wrong group keeps it in its place', () => {
    const r = spreadRecoveryText(EMPTY_GROUPS, 0, 'ABCD-EFGH-IJK9-MNOP-QRST-UVWX-YZ23-4567')
    expect(r.groups[2]).toBe('IJK9')
    expect(r.groups[3]).toBe('MNOP')
  })
})
