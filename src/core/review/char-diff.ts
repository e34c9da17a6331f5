// Character-level difference of two field values, telling a diacritic-only change from a real one.

/** same: identical; diacritic: same base letter, other marks (a/à, d/đ); changed: removed, added or replaced. */
export type DiffKind = 'same' | 'diacritic' | 'changed'

export interface DiffSegment {
  kind: DiffKind
  text: string
}

/** How two values compare as a whole: what the pair view says in words. */
export type FieldComparison = 'same' | 'diacritics' | 'different' | 'missing'

export interface CharDiff {
  /** The left value cut into runs, each marked against the right value. */
  left: DiffSegment[]
  right: DiffSegment[]
  comparison: FieldComparison
}

const COMBINING = /[\u0300-\u036f]/g

/** A character without its marks, case kept: à→a, Ế→E, đ→d, Đ→D. */
export function baseChar(c: string): string {
  if (c === 'đ') return 'd'
  if (c === 'Đ') return 'D'
  return c.normalize('NFD').replace(COMBINING, '')
}

/** Above this many cells the middle is marked changed as one run rather than aligned. */
const MAX_CELLS = 250_000

function push(out: DiffSegment[], kind: DiffKind, c: string): void {
  const last = out[out.length - 1]
  if (last && last.kind === kind) last.text += c
  else out.push({ kind, text: c })
}

/**
 * Align the two values on their base letters (longest common subsequence), so that "Nguyen Van A"
 * against "Nguyễn Văn A" marks only ễ and ă, and a dropped middle name marks only that word.
 */
export function charDiff(left: string | null, right: string | null): CharDiff {
  const a = Array.from((left ?? '').normalize('NFC'))
  const b = Array.from((right ?? '').normalize('NFC'))
  const l: DiffSegment[] = []
  const r: DiffSegment[] = []
  if (a.length === 0 || b.length === 0) {
    if (a.length > 0) l.push({ kind: 'changed', text: a.join('') })
    if (b.length > 0) r.push({ kind: 'changed', text: b.join('') })
    return { left: l, right: r, comparison: a.length === b.length ? 'same' : 'missing' }
  }
  const fa = a.map(baseChar)
  const fb = b.map(baseChar)

  // Common prefix and suffix first: most values differ in one place, and the table stays small.
  let start = 0
  while (start < a.length && start < b.length && fa[start] === fb[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && fa[endA - 1] === fb[endB - 1]) {
    endA--
    endB--
  }
  const mark = (i: number, j: number): void => {
    const kind: DiffKind = a[i] === b[j] ? 'same' : 'diacritic'
    push(l, kind, a[i]!)
    push(r, kind, b[j]!)
  }
  for (let i = 0; i < start; i++) mark(i, i)

  const n = endA - start
  const m = endB - start
  if (n > 0 && m > 0 && n * m <= MAX_CELLS) {
    // lcs[i][j]: length of the common subsequence of a[start+i..endA) and b[start+j..endB).
    const width = m + 1
    const lcs = new Uint32Array((n + 1) * width)
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        lcs[i * width + j] =
          fa[start + i] === fb[start + j]
            ? lcs[(i + 1) * width + j + 1]! + 1
            : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!)
    let i = 0
    let j = 0
    while (i < n && j < m) {
      if (fa[start + i] === fb[start + j]) {
        mark(start + i, start + j)
        i++
        j++
      } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
        push(l, 'changed', a[start + i]!)
        i++
      } else {
        push(r, 'changed', b[start + j]!)
        j++
      }
    }
    for (; i < n; i++) push(l, 'changed', a[start + i]!)
    for (; j < m; j++) push(r, 'changed', b[start + j]!)
  } else {
    for (let i = start; i < endA; i++) push(l, 'changed', a[i]!)
    for (let j = start; j < endB; j++) push(r, 'changed', b[j]!)
  }

  for (let k = 0; k < a.length - endA; k++) mark(endA + k, endB + k)

  const kinds = new Set([...l, ...r].map((s) => s.kind))
  const comparison: FieldComparison = kinds.has('changed')
    ? 'different'
    : kinds.has('diacritic')
      ? 'diacritics'
      : 'same'
  return { left: l, right: r, comparison }
}
