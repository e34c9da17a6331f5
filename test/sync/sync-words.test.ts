// Every way a sync can go wrong has words for people in both languages: the problem kinds, the
// gateway's refusal reasons, and every error code the API can return.
import { describe, expect, it } from 'vitest'
import { REJECT_REASONS } from '../../src/core/sync/protocol'
import { SYNC_PROBLEMS } from '../../src/shared/api'
import { ERROR_CODES } from '../../src/shared/errors'
import { en } from '../../src/shared/i18n/en'
import { vi } from '../../src/shared/i18n/vi'

describe('sync words', () => {
  it('names every problem kind and refusal reason in Vietnamese and English', () => {
    for (const lang of [vi, en]) {
      for (const p of SYNC_PROBLEMS) expect(lang.sync.problems[p], p).toBeTruthy()
      for (const r of REJECT_REASONS)
        expect((lang.sync.refusals as Record<string, string>)[r], r).toBeTruthy()
    }
  })

  it('has a message for every error code, never showing the code itself', () => {
    for (const lang of [vi, en])
      for (const code of ERROR_CODES) {
        const text = (lang.errors as Record<string, string>)[code]
        expect(text, code).toBeTruthy()
        expect(text, code).not.toContain(code)
      }
  })
})
