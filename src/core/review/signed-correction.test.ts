import { describe, expect, it } from 'vitest'
import { approvalBytes, type ApprovalPayload } from './signed-correction'

const base: ApprovalPayload = {
  uuid: '0b7c6f0e-1d2a-4c3b-9e8f-7a6b5c4d3e2f',
  populationKey: 'P000123',
  baseVersion: 3,
  side: 'population',
  fields: [
    { field: 'dob', oldValue: '1990-03-12', newValue: '1990-12-03' },
    { field: 'full_name', oldValue: 'Nguyễn Văn An', newValue: 'Nguyễn Văn Ân' }
  ],
  reason: 'registry_evidence',
  evidence: 'KS 123/1990',
  proposedBy: 'canbo1',
  proposedAt: '2026-11-27T01:00:00.000Z',
  approvedBy: 'giamsat1',
  approvedAt: '2026-11-27T02:00:00.000Z'
}
const text = (p: ApprovalPayload): string => new TextDecoder().decode(approvalBytes(p))

describe('approval bytes', () => {
  it('do not depend on field order or key order', () => {
    const reordered = { ...base, fields: [...base.fields].reverse() }
    expect(text(reordered)).toBe(text(base))
    expect(text(base).indexOf('"dob"')).toBeLessThan(text(base).indexOf('"full_name"'))
  })
  it('change when any value changes', () => {
    expect(text({ ...base, baseVersion: 4 })).not.toBe(text(base))
    const edited = base.fields.map((f) => ({ ...f, newValue: f.newValue + ' ' }))
    expect(text({ ...base, fields: edited })).not.toBe(text(base))
  })
  it('are UTF-8 of NFC text as given', () => {
    expect(text(base)).toContain('Nguyễn Văn Ân')
  })
})
