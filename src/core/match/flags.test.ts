// Every flag the engine can raise has a clerk-readable label in both languages.
import { describe, expect, it } from 'vitest'
import { en } from '../../shared/i18n/en'
import { vi } from '../../shared/i18n/vi'
import { MATCH_FLAGS } from '../../shared/match'

describe('flag labels', () => {
  it('exist in Vietnamese and English for every flag', () => {
    for (const f of MATCH_FLAGS) {
      expect(vi.matchFlags[f], f).toBeTruthy()
      expect(en.matchFlags[f], f).toBeTruthy()
    }
  })
})
