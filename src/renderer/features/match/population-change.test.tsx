// @vitest-environment jsdom
// A pair whose population record changed under it: the notice above the pair, in the clerk's words.
import { fireEvent, render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { PairView } from '../../../shared/api'
import { setLanguage } from '../../i18n'
import { setUpScreenTests } from '../../test-support'
import { PairPanel } from './pair-panel'
import { changedPopulation, diacriticPair } from './test-fixtures'

setUpScreenTests()

function show(pair: PairView): void {
  render(
    <PairPanel
      pair={pair}
      loading={false}
      position={null}
      busy={false}
      onCommand={() => undefined}
      onLinkCandidate={() => undefined}
    />
  )
}

const changedPair = (): PairView =>
  diacriticPair({
    flags: ['name_diacritics', 'population_changed'],
    populationChange: changedPopulation()
  })

describe('a pair whose population record changed', () => {
  it('says so above the pair: versions, when, by what, each changed field before and after', () => {
    show(changedPair())
    const section = screen.getByTestId('population-change')
    const box = within(section)
    expect(box.getByRole('heading', { name: 'Hồ sơ dân cư đã thay đổi' })).toBeTruthy()
    expect(screen.getByTestId('population-change-summary').textContent).toBe(
      'Hồ sơ dân cư DC0000501 đã đổi từ phiên bản 3 sang phiên bản 4 lúc 12/07/2026 16:33, do đồng bộ nhận về từ CSDL quốc gia. Liên kết, quyết định và đề xuất sửa trước đây được làm trên phiên bản 3.'
    )
    // Before the pair's own comparison, in the scrolling body.
    const scroll = screen.getByTestId('pair-scroll')
    expect(scroll.contains(section)).toBe(true)
    expect(
      section.compareDocumentPosition(screen.getByTestId('pair-fields')) &
        Node.DOCUMENT_POSITION_FOLLOWING
    ).toBeTruthy()

    const cells = (field: string): string[] => {
      const tr = section.querySelector(`tr[data-field="${field}"]`)
      return tr ? [...tr.children].map((c) => c.textContent ?? '') : []
    }
    expect(box.getByRole('columnheader', { name: 'Phiên bản 3 (lúc đã xem xét)' })).toBeTruthy()
    expect(box.getByRole('columnheader', { name: 'Hiện nay (phiên bản 4)' })).toBeTruthy()
    expect(cells('full_name')).toEqual([
      'Họ và tên',
      'Nguyễn Văn Dũng',
      'Nguyễn Văn Dụng',
      'Đã đổi'
    ])
    expect(cells('dob')).toEqual(['Ngày sinh', '05/03/1990', '03/05/1990', 'Đã đổi'])
    expect(cells('sex')).toEqual(['Giới tính', 'Nam', 'Nữ', 'Đã đổi'])
    // A code in words is not diffed letter by letter ("N·am" against "N·ữ").
    expect(section.querySelectorAll('tr[data-field="sex"] mark')).toHaveLength(0)
    expect(section.querySelector('tr[data-field="full_name"]')!.getAttribute('data-changed')).toBe(
      'true'
    )
    // The letter that changed is marked, as in the pair's own table.
    expect(
      section.querySelector('tr[data-field="full_name"] td[data-version="after"] mark')!.textContent
    ).toBe('ụ')
    // Unchanged fields on request; fields empty on both versions never.
    expect(cells('id_number')).toEqual([])
    fireEvent.click(box.getByRole('button', { name: 'Hiện cả 1 trường không đổi' }))
    expect(cells('id_number')).toEqual([
      'Số định danh cá nhân',
      '001090012345',
      '001090012345',
      'Trùng khớp'
    ])
    expect(section.querySelector('tr[data-field="id_number"]')!.getAttribute('data-changed')).toBe(
      'false'
    )
    expect(cells('hometown')).toEqual([])
    expect(box.getByText(/Hãy quyết định lại: «Chấp nhận» \(A\)/)).toBeTruthy()
    // The flag says it in words too.
    expect(screen.getByText('Hồ sơ dân cư đã thay đổi', { selector: 'li.flag-chip' })).toBeTruthy()
  })

  it('names an import as the cause, and reads in English when switched', async () => {
    await setLanguage('en')
    show(diacriticPair({ populationChange: changedPopulation({ cause: 'import' }) }))
    const section = screen.getByTestId('population-change')
    expect(within(section).getByRole('heading', { name: 'Population record changed' })).toBeTruthy()
    expect(screen.getByTestId('population-change-summary').textContent).toContain(
      'from version 3 to version 4 on 12/07/2026 16:33, by an import of a newer population file'
    )
    const sex = section.querySelector('tr[data-field="sex"]')!
    expect([...sex.children].map((c) => c.textContent)).toEqual([
      'Sex',
      'Male',
      'Female',
      'Changed'
    ])
  })

  it('shows no such section on a pair whose record did not change', () => {
    show(diacriticPair())
    expect(screen.getByTestId('pair-fields')).toBeTruthy()
    expect(screen.queryByTestId('population-change')).toBeNull()
    show(diacriticPair({ populationChange: null }))
    expect(screen.queryByTestId('population-change')).toBeNull()
  })
})
