// One-to-one assignment: a population record links to at most one source record, the strongest first.
import type { RecordFlag } from '../../shared/match'

export interface Assignment {
  /** Pair index chosen for each source record, -1 when none. */
  chosen: Int32Array
  /** Record-level flags per source record. */
  recordFlags: RecordFlag[][]
}

/**
 * Greedy by probability, as Actual Budget's strictest-pass-first reconciliation: the strongest
 * pair claims its population record; a weaker claim on the same record is a possible duplicate
 * inside the source, never a second link. A record only links when its pair reaches `minP`.
 */
export function assignOneToOne(
  sourceCount: number,
  pairSrc: Int32Array,
  pairPop: Int32Array,
  probability: Float64Array,
  minP: number,
  duplicateP: number,
  /** Population records already linked elsewhere (other batches): never claimed again. */
  alreadyTaken: Iterable<number> = []
): Assignment {
  const n = pairSrc.length
  // Only pairs strong enough to link are ever claimed: sort those (a few per record, of dozens).
  const order: number[] = []
  for (let i = 0; i < n; i++) if (probability[i]! >= minP) order.push(i)
  order.sort((a, b) => probability[b]! - probability[a]! || a - b)
  const chosen = new Int32Array(sourceCount).fill(-1)
  const taken = new Map<number, number>()
  for (const p of alreadyTaken) taken.set(p, -1)
  const recordFlags: RecordFlag[][] = Array.from({ length: sourceCount }, () => [])
  const bestP = new Float64Array(sourceCount)
  const secondP = new Float64Array(sourceCount)
  for (let i = 0; i < n; i++) {
    const s = pairSrc[i]!
    const p = probability[i]!
    if (p > bestP[s]!) {
      secondP[s] = bestP[s]!
      bestP[s] = p
    } else if (p > secondP[s]!) secondP[s] = p
  }
  for (const i of order) {
    const p = probability[i]!
    const s = pairSrc[i]!
    const pop = pairPop[i]!
    if (chosen[s] !== -1) continue
    const holder = taken.get(pop)
    if (holder !== undefined) {
      // The same person twice in the extract: the clerk decides, the link stays with the stronger.
      if (p >= duplicateP && !recordFlags[s]!.includes('duplicate_in_source'))
        recordFlags[s]!.push('duplicate_in_source')
      continue
    }
    // A record that lost its best candidate to a stronger claim does not fall back to a weaker one.
    if (p < bestP[s]! && recordFlags[s]!.includes('duplicate_in_source')) continue
    chosen[s] = i
    taken.set(pop, s)
  }
  for (let s = 0; s < sourceCount; s++) {
    if (chosen[s] === -1) recordFlags[s]!.push('unmatched')
    else if (secondP[s]! >= minP) recordFlags[s]!.push('close_second')
  }
  return { chosen, recordFlags }
}
