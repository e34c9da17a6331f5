// Seeded pseudo-random numbers for the sample generator (sfc32): one seed, one data set, anywhere.

/** splitmix32 step, to spread a small seed over the four words of sfc32. */
function splitmix(state: number): [number, number] {
  state = (state + 0x9e3779b9) | 0
  let z = state
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  return [state, (z ^ (z >>> 16)) >>> 0]
}

export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number

  /** `stream` gives independent sequences from one seed (population, selection, errors...). */
  constructor(seed: number, stream = 0) {
    let s = (seed ^ Math.imul(stream + 1, 0x632be5ab)) | 0
    let w: number
    ;[s, w] = splitmix(s)
    this.a = w
    ;[s, w] = splitmix(s)
    this.b = w
    ;[s, w] = splitmix(s)
    this.c = w
    ;[, w] = splitmix(s)
    this.d = w
    for (let i = 0; i < 12; i++) this.uint32()
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n)
  }

  /** Integer in [lo, hi], both included. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1)
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!
  }

  /** In-place Fisher–Yates shuffle. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1)
      const t = items[i]!
      items[i] = items[j]!
      items[j] = t
    }
    return items
  }
}

/** Pick from weighted items in O(log n): cumulative weights and a binary search. */
export class Weighted<T> {
  private readonly items: T[]
  private readonly cumulative: Float64Array
  private readonly total: number

  constructor(entries: readonly (readonly [T, number])[]) {
    const kept = entries.filter(([, w]) => w > 0)
    if (kept.length === 0) throw new Error('Weighted: no item with a positive weight')
    this.items = kept.map(([v]) => v)
    this.cumulative = new Float64Array(kept.length)
    let sum = 0
    kept.forEach(([, w], i) => {
      sum += w
      this.cumulative[i] = sum
    })
    this.total = sum
  }

  pick(rng: Rng): T {
    const x = rng.next() * this.total
    let lo = 0
    let hi = this.cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.cumulative[mid]! > x) hi = mid
      else lo = mid + 1
    }
    return this.items[lo]!
  }
}

/**
 * Selection sampling (Knuth's Algorithm S): called once for each of `total` items in order,
 * says yes exactly `wanted` times, each subset equally likely, with no memory of the items.
 */
export class Selection {
  private seen = 0
  private chosen = 0
  constructor(
    private readonly total: number,
    private readonly wanted: number,
    private readonly rng: Rng
  ) {}

  take(): boolean {
    const left = this.total - this.seen
    const need = this.wanted - this.chosen
    this.seen++
    if (need <= 0 || left <= 0) return false
    if (this.rng.next() * left < need) {
      this.chosen++
      return true
    }
    return false
  }
}
