// @vitest-environment jsdom
// The model's learnt weights under the waterfall, and the rows of one person written twice.
import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { setUpScreenTests } from '../../test-support'
import { ModelWeights, SameRecordRows } from './model-weights'
import { diacriticPair } from './test-fixtures'

setUpScreenTests()

const level = (name: string, weight: number) => ({ level: name, m: 0.5, u: 0.01, weight })

describe('the model explained', () => {
  it('shows each used field with the weight of every level, the pair’s own level marked', () => {
    const pair = diacriticPair({
      model: {
        prior: -12.3,
        fields: [
          {
            field: 'name',
            used: true,
            levels: [level('exact', 11.2), level('folded', 6.5), level('different', -9)]
          },
          { field: 'id', used: true, levels: [level('exact', 17.7), level('different', -8.9)] },
          { field: 'other_id', used: false, levels: [level('exact', 1.4)] }
        ]
      }
    })
    render(<ModelWeights pair={pair} />)
    const box = screen.getByTestId('model-weights')
    expect(within(box).getByText('Trọng số mô hình học được từ hai tệp này')).toBeTruthy()
    expect(box.textContent).toContain('-12,3 bit')
    const name = box.querySelector('tr[data-field="name"]')!
    expect(name.querySelector('[data-level="folded"]')!.textContent).toBe('khác dấu +6,5')
    expect(name.querySelector('.mw-this')!.getAttribute('data-level')).toBe('folded')
    expect(box.querySelector('tr[data-field="id"] [data-level="different"]')!.textContent).toBe(
      'khác -8,9'
    )
    // A field the files do not both carry has no weight and no row.
    expect(box.querySelector('tr[data-field="other_id"]')).toBeNull()
  })

  it('shows nothing for a run without a saved model', () => {
    const { container } = render(<ModelWeights pair={diacriticPair()} />)
    expect(container.textContent).toBe('')
  })

  it('lists the other rows of the register linked to the same person', () => {
    const pair = diacriticPair({
      sameRecord: [
        {
          sourceRecordId: 12,
          sourceKey: 'HT-000012',
          rowNumber: 13,
          name: 'Nguyeenx Vawn Dungx',
          dob: '1990-03-05',
          grade: 'certain',
          probability: 0.998
        }
      ]
    })
    render(<SameRecordRows pair={pair} />)
    const box = screen.getByTestId('same-record')
    expect(box.textContent).toContain('1 dòng khác')
    expect(box.textContent).toContain('HT-000012 (dòng 13): Nguyeenx Vawn Dungx, 1990-03-05')
  })
})
