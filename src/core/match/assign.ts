// Assignment: one population record per person in the register, the strongest claim first.
import type { RecordFlag } from '../../shared/match'

export interface Assignment {
  /** Pair index chosen for each source record, -1 when none. */
  chosen: Int32Array
  /** Record-level flags per source record. */
  recordFlags: RecordFlag[][]
  /** Rows that lost a population record to a stronger claim by another row (see sameSource). */
  contested: number
}

/**
 * Greedy by probability, as Actual Budget's strictest-pass-first reconciliation: the strongest
 * pair claims its population record. A weaker claim on a record already taken links too when
 * `sameSource` says the two register rows are one person written twice (a re-registration, a
 * copy): all such rows link to that record and are flagged `duplicate_in_source`. Between
 * different people (twins, namesakes, siblings) it stays one-to-one: the weaker claim is then a
 * possible duplicate for the clerk, never a second link. A record only links when its pair
 * reaches `minP`.
 */
export function assignOneToOne(
  sourceCount: number,
  pairSrc: Int32Array,
  pairPop: Int32Array,
  probability: Float64Array,
  minP: number,
  duplicateP: number,
  /** Population records already linked elsewhere (other batches): never claimed again. */
  alreadyTaken: Iterable<number> = [],
  /** Are these two register rows (positions) the same person? Absent: never. */
  sameSource?: (a: number, b: number) => boolean
): Assignment {
  const n = pairSrc.length
  // Only pairs strong enough to link are ever claimed: sort those (a few per record, of dozens).
  const order: number[] = []
  for (let i = 0; i < n; i++) if (probability[i]! >= minP) order.push(i)
  order.sort((a, b) => probability[b]! - probability[a]! || a - b)
  const chosen = new Int32Array(sourceCount).fill(-1)
  /** Population record → the register rows holding it (-1: another batch). */
  const taken = new Map<number, number[]>()
  for (const p of alreadyTaken) taken.set(p, [-1])
  const recordFlags: RecordFlag[][] = Array.from({ length: sourceCount }, () => [])
  const flag = (s: number, f: RecordFlag): void => {
    if (!recordFlags[s]!.includes(f)) recordFlags[s]!.push(f)
  }
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
  let contested = 0
  for (const i of order) {
    const p = probability[i]!
    const s = pairSrc[i]!
    const pop = pairPop[i]!
    if (chosen[s] !== -1) continue
    const holders = taken.get(pop)
    if (holders !== undefined) {
      if (p === bestP[s]) contested++
      // The same person twice in the register: both rows link to the record, flagged together.
      if (sameSource && p === bestP[s] && holders.some((h) => h >= 0 && sameSource(h, s))) {
        chosen[s] = i
        holders.push(s)
        for (const h of holders) if (h >= 0) flag(h, 'duplicate_in_source')
        continue
      }
      // Another person holds it: the clerk decides, the link stays with the stronger claim.
      if (p >= duplicateP) flag(s, 'duplicate_in_source')
      continue
    }
    // A record that lost its best candidate to a stronger claim does not fall back to a weaker one.
    if (p < bestP[s]! && recordFlags[s]!.includes('duplicate_in_source')) continue
    chosen[s] = i
    taken.set(pop, [s])
  }
  for (let s = 0; s < sourceCount; s++) {
    if (chosen[s] === -1) recordFlags[s]!.push('unmatched')
    else if (secondP[s]! >= minP) recordFlags[s]!.push('close_second')
  }
  return { chosen, recordFlags, contested }
}
