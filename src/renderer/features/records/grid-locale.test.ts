// The grid's own words, screen-reader texts included, come from the app's catalogue in each language.
import { describe, expect, it } from 'vitest'
import { createI18n } from '../../../shared/i18n'
import { gridLocaleText } from './grid-locale'

describe('gridLocaleText', () => {
  it('gives every grid text in Vietnamese, none of it the grid’s English', () => {
    const texts = gridLocaleText(createI18n('vi').t)
    expect(texts.ariaRowDeselect).toBe('Nhấn phím cách để bỏ chọn dòng này')
    for (const [key, text] of Object.entries(texts)) {
      expect(text, key).not.toMatch(/^grid\.|Press|Row|Column|Loading/)
    }
  })
})
