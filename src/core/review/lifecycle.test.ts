import { describe, expect, it } from 'vitest'
import type { CORRECTION_STATES } from '../../shared/review'
import { approvalRefusal, CORRECTION_EVENTS, nextState } from './lifecycle'

describe('correction lifecycle', () => {
  it('follows the happy path from draft to accepted', () => {
    const path = ['propose', 'approve', 'queue', 'send', 'accept'] as const
    let s: (typeof CORRECTION_STATES)[number] = 'draft'
    const seen: string[] = []
    for (const e of path) {
      s = nextState(s, e)!
      seen.push(s)
    }
    expect(seen).toEqual(['proposed', 'approved', 'queued', 'sent', 'accepted'])
  })

  it('never sends a refused or conflicting correction back to review under its own UUID', () => {
    expect(nextState('sent', 'conflict')).toBe('conflict')
    expect(nextState('sent', 'refuse')).toBe('refused')
    for (const open of ['conflict', 'refused'] as const) {
      const out = CORRECTION_EVENTS.filter((e) => nextState(open, e) !== null)
      expect(out.sort()).toEqual(['supersede', 'withdraw'])
      expect(nextState(open, 'supersede')).toBe('superseded')
      expect(nextState(open, 'withdraw')).toBe('withdrawn')
    }
    for (const final of ['rejected', 'accepted', 'superseded', 'withdrawn'] as const)
      for (const e of CORRECTION_EVENTS) expect(nextState(final, e)).toBeNull()
  })

  it('refuses skipping steps', () => {
    expect(nextState('proposed', 'queue')).toBeNull()
    expect(nextState('draft', 'approve')).toBeNull()
    expect(nextState('approved', 'approve')).toBeNull()
    expect(nextState('queued', 'accept')).toBeNull()
    // Exactly one event leaves 'proposed' for each outcome.
    const fromProposed = CORRECTION_EVENTS.filter((e) => nextState('proposed', e) !== null)
    expect(fromProposed.sort()).toEqual(['approve', 'outdate', 'reject'])
  })

  it('takes back what was not sent when the record changed, never what is on its way', () => {
    for (const unsent of ['proposed', 'approved', 'queued'] as const)
      expect(nextState(unsent, 'outdate')).toBe('outdated')
    for (const gone of ['sent', 'accepted', 'refused', 'conflict', 'rejected'] as const)
      expect(nextState(gone, 'outdate')).toBeNull()
    // Outdated is never sent: it is proposed again on the new version, or withdrawn.
    const out = CORRECTION_EVENTS.filter((e) => nextState('outdated', e) !== null)
    expect(out.sort()).toEqual(['supersede', 'withdraw'])
  })

  it('lets only a supervisor decide, never on their own proposal', () => {
    expect(approvalRefusal({ role: 'clerk', decider: 'a', proposer: 'b' })).toBe('not_supervisor')
    expect(approvalRefusal({ role: 'admin', decider: 'a', proposer: 'b' })).toBe('not_supervisor')
    expect(approvalRefusal({ role: 'supervisor', decider: 'a', proposer: 'a' })).toBe(
      'own_proposal'
    )
    expect(
      approvalRefusal({
        role: 'supervisor',
        decider: 'a',
        proposer: 'b',
        deciderKey: 'K',
        proposerKey: 'K'
      })
    ).toBe('own_proposal')
    expect(approvalRefusal({ role: 'supervisor', decider: 'a', proposer: 'b' })).toBeNull()
  })
})
