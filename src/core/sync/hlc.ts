// Hybrid logical clock (Kulkarni et al., 2014): device times that order events even when a
// laptop's wall clock is wrong or jumps back. A timestamp is (wall ms, counter, node).

export interface Hlc {
  /** Milliseconds since epoch: the largest physical time seen, never decreasing. */
  wall: number
  /** Orders events within one wall millisecond. */
  counter: number
  node: string
}

export class HlcDriftError extends Error {
  constructor(
    readonly remote: Hlc,
    readonly physical: number
  ) {
    super(`remote clock ${remote.wall} is more than the allowed drift ahead of ${physical}`)
    this.name = 'HlcDriftError'
  }
}

export interface HlcClock {
  /** A timestamp for a local event (send or write). */
  now(): Hlc
  /** Merge a timestamp received from elsewhere; the result orders after both. */
  receive(remote: Hlc): Hlc
  /** The last timestamp issued (to persist, so a restart never goes back). */
  last(): Hlc
}

/**
 * A clock for one node. `physical` is the wall clock (injected for tests); `start` is the last
 * persisted timestamp; a remote time more than `maxDriftMs` ahead of ours is refused rather
 * than dragging every later event into the future.
 */
export function createHlc(
  node: string,
  physical: () => number,
  o: { start?: Hlc; maxDriftMs?: number } = {}
): HlcClock {
  if (node === '' || node.includes('-')) throw new Error('HLC node id must be non-empty, no "-"')
  const maxDrift = o.maxDriftMs ?? 24 * 3_600_000
  let wall = o.start?.wall ?? 0
  let counter = o.start?.counter ?? 0
  const stamp = (): Hlc => ({ wall, counter, node })
  return {
    now() {
      const pt = physical()
      if (pt > wall) {
        wall = pt
        counter = 0
      } else counter++
      return stamp()
    },
    receive(remote) {
      const pt = physical()
      if (remote.wall - pt > maxDrift) throw new HlcDriftError(remote, pt)
      const next = Math.max(wall, remote.wall, pt)
      if (next === wall && next === remote.wall) counter = Math.max(counter, remote.counter) + 1
      else if (next === wall) counter++
      else if (next === remote.wall) counter = remote.counter + 1
      else counter = 0
      wall = next
      return stamp()
    },
    last: stamp
  }
}

/** Total order: wall, then counter, then node id. */
export function compareHlc(a: Hlc, b: Hlc): number {
  if (a.wall !== b.wall) return a.wall < b.wall ? -1 : 1
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1
  return a.node < b.node ? -1 : a.node > b.node ? 1 : 0
}

/** Text form whose string order is the clock order: 15-digit wall, 6-digit counter, node. */
export function formatHlc(t: Hlc): string {
  return `${String(t.wall).padStart(15, '0')}-${String(t.counter).padStart(6, '0')}-${t.node}`
}

export function parseHlc(s: string): Hlc | null {
  const m = /^(\d{15})-(\d{6})-([^-]+)$/.exec(s)
  return m ? { wall: Number(m[1]), counter: Number(m[2]), node: m[3]! } : null
}
