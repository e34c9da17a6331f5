import { describe, expect, it } from 'vitest'
import { backoffDelay } from './backoff'
import { compareHlc, createHlc, formatHlc, HlcDriftError, parseHlc, type Hlc } from './hlc'

describe('hybrid logical clock', () => {
  it('never goes back when the wall clock does, and keeps order within a millisecond', () => {
    let t = 1_000
    const c = createHlc('a', () => t)
    const seen: Hlc[] = [c.now(), c.now()]
    t = 500 // the laptop's clock was set back
    seen.push(c.now(), c.now())
    t = 2_000
    seen.push(c.now())
    for (let i = 1; i < seen.length; i++) expect(compareHlc(seen[i - 1]!, seen[i]!)).toBe(-1)
    expect(seen.map((s) => [s.wall, s.counter])).toEqual([
      [1000, 0],
      [1000, 1],
      [1000, 2],
      [1000, 3],
      [2000, 0]
    ])
  })

  it('orders a received event after the remote one, even from a laptop whose clock is behind', () => {
    const server = createHlc('srv', () => 10_000)
    const laptop = createHlc('lap', () => 4_000) // six seconds slow
    const remote = server.now()
    const after = laptop.receive(remote)
    expect(compareHlc(remote, after)).toBe(-1)
    expect(compareHlc(after, laptop.now())).toBe(-1)
    expect(after.wall).toBe(10_000)
  })

  it('refuses a remote time too far ahead instead of jumping into the future', () => {
    const c = createHlc('a', () => 0, { maxDriftMs: 1000 })
    expect(() => c.receive({ wall: 5000, counter: 0, node: 'b' })).toThrow(HlcDriftError)
    expect(c.now().wall).toBe(0)
  })

  it('resumes after a restart from the persisted timestamp', () => {
    const c1 = createHlc('a', () => 9_000)
    c1.now()
    const saved = c1.now()
    const c2 = createHlc('a', () => 1_000, { start: saved })
    expect(compareHlc(saved, c2.now())).toBe(-1)
  })

  it('formats to text whose sort order is the clock order, and parses back', () => {
    const stamps: Hlc[] = [
      { wall: 5, counter: 10, node: 'b' },
      { wall: 40, counter: 0, node: 'a' },
      { wall: 5, counter: 2, node: 'z' },
      { wall: 5, counter: 2, node: 'c' }
    ]
    const byText = [...stamps].sort((x, y) => (formatHlc(x) < formatHlc(y) ? -1 : 1))
    expect(byText).toEqual([...stamps].sort(compareHlc))
    for (const s of stamps) expect(parseHlc(formatHlc(s))).toEqual(s)
    expect(parseHlc('nonsense')).toBeNull()
  })
})

describe('backoff with full jitter', () => {
  it('grows exponentially up to the cap, and is spread by the random draw', () => {
    const o = { baseMs: 100, maxMs: 5000 }
    expect([0, 1, 2, 3, 10].map((a) => backoffDelay(a, o, () => 0.999999))).toEqual([
      99, 199, 399, 799, 4999
    ])
    expect(backoffDelay(3, o, () => 0)).toBe(0)
    expect(backoffDelay(3, o, () => 0.5)).toBe(400)
  })
})
