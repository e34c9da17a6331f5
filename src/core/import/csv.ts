// A streaming RFC 4180 CSV parser: push text chunks, get complete rows; quotes, CRLF and quoted newlines.

export interface CsvParser {
  /** Feed a chunk of decoded text; returns the rows completed by it. */
  push(chunk: string): string[][]
  /** Flush the last row (a file need not end with a newline). */
  end(): string[][]
  /** True when the input ended inside a quoted field. */
  readonly unbalanced: boolean
  /**
   * When the input ended inside a quoted field: the text of that last row as read, from its
   * first character to the end (the row itself is not returned), so that the lines after the
   * line the quote opened on can be read again.
   */
  readonly broken: string | null
}

/**
 * `wholeLines`: read a complete line at once when it holds no doubled quote, no quoted line
 * break and no lone CR (most lines of most files): a few `indexOf` calls per line instead of a
 * step per character. Other lines, and lines cut by a chunk's end, take the character path. The
 * two paths give the same rows (property-tested); `false` is for that test.
 */
export function createCsvParser(delimiter = ',', wholeLines = true): CsvParser {
  const delim = delimiter.charCodeAt(0)
  const QUOTE = 34
  const CR = 13
  const LF = 10
  let field = ''
  let row: string[] = []
  let inQuotes = false
  let quoteSeen = false // the previous char closed a quote or was a doubled quote's first half
  let pendingCr = false
  let unbalanced = false
  // The raw text of the row being read, from chunks already passed (a row cut by a chunk's end).
  let pendingRaw = ''
  let broken: string | null = null

  /**
   * The cells of the line text[start, end) (end at its LF), or null when the line needs the
   * character path. Cells are unquoted only when the quote opens the cell and closes at its end.
   */
  function wholeLine(text: string, start: number, end: number): string[] | null {
    let stop = end
    if (stop > start && text.charCodeAt(stop - 1) === CR) stop--
    const cells: string[] = []
    let at = start
    for (;;) {
      if (at < stop && text.charCodeAt(at) === QUOTE) {
        const close = text.indexOf('"', at + 1)
        if (close < 0 || close >= stop) return null
        const after = close + 1
        if (after < stop && text.charCodeAt(after) !== delim) return null
        cells.push(text.slice(at + 1, close))
        if (after >= stop) break
        at = after + 1
      } else {
        let next = text.indexOf(delimiter, at)
        if (next < 0 || next > stop) next = stop
        cells.push(text.slice(at, next))
        if (next >= stop) break
        at = next + 1
      }
    }
    return cells
  }

  function parse(text: string, rows: string[][]): void {
    const n = text.length
    let i = 0
    // Where the row being read began in this chunk (0: in an earlier one, see pendingRaw).
    let rowStart = 0
    const rowEnded = (next: number): void => {
      rowStart = next
      pendingRaw = ''
    }
    // Where the next LF, quote and CR are (-1: none left): each searched again only once passed,
    // so that a chunk is scanned once even when its lines end in lone CRs.
    let lf = -2
    let quoteAt = -2
    let crAt = -2
    while (i < n) {
      if (wholeLines && !inQuotes && !quoteSeen && !pendingCr && field === '' && row.length === 0) {
        if (lf !== -1 && lf < i) lf = text.indexOf('\n', i)
        if (lf >= 0) {
          if (crAt !== -1 && crAt < i) crAt = text.indexOf('\r', i)
          // A CR other than the one before the LF ends a row of its own: character path.
          if (crAt === -1 || crAt >= lf - 1) {
            if (quoteAt !== -1 && quoteAt < i) quoteAt = text.indexOf('"', i)
            let cells: string[] | null
            if (quoteAt === -1 || quoteAt > lf) {
              cells = text.slice(i, crAt >= 0 && crAt === lf - 1 ? lf - 1 : lf).split(delimiter)
            } else cells = wholeLine(text, i, lf)
            if (cells !== null) {
              rows.push(cells)
              i = lf + 1
              rowEnded(i)
              continue
            }
          }
        }
      }
      if (inQuotes) {
        const q = text.indexOf('"', i)
        if (q < 0) {
          field += text.slice(i)
          pendingRaw += text.slice(rowStart)
          return
        }
        field += text.slice(i, q)
        inQuotes = false
        quoteSeen = true
        i = q + 1
        continue
      }
      const c = text.charCodeAt(i)
      if (quoteSeen) {
        quoteSeen = false
        if (c === QUOTE) {
          // a doubled quote inside a quoted field
          field += '"'
          inQuotes = true
          i++
          continue
        }
      }
      if (pendingCr) {
        pendingCr = false
        if (c === LF) {
          i++
          rowEnded(i)
          continue
        }
      }
      if (c === delim) {
        row.push(field)
        field = ''
        i++
      } else if (c === LF || c === CR) {
        row.push(field)
        rows.push(row)
        row = []
        field = ''
        pendingCr = c === CR
        i++
        rowEnded(i)
      } else if (c === QUOTE && field === '') {
        inQuotes = true
        i++
      } else {
        // Plain run: copy up to the next special character in one slice.
        let j = i + 1
        while (j < n) {
          const d = text.charCodeAt(j)
          if (d === delim || d === LF || d === CR || d === QUOTE) break
          j++
        }
        field += text.slice(i, j)
        i = j
        if (j < n && text.charCodeAt(j) === QUOTE) {
          // a stray quote in the middle of an unquoted field is kept as text
          field += '"'
          i++
        }
      }
    }
    if (inQuotes || quoteSeen || field !== '' || row.length > 0) pendingRaw += text.slice(rowStart)
  }

  return {
    push(chunk) {
      const rows: string[][] = []
      parse(chunk, rows)
      return rows
    },
    end() {
      const rows: string[][] = []
      if (inQuotes) {
        // The quote never closed: what followed it is no cell of this row. The caller decides.
        unbalanced = true
        broken = pendingRaw
      } else if (field !== '' || row.length > 0) {
        row.push(field)
        rows.push(row)
      }
      field = ''
      row = []
      pendingRaw = ''
      return rows
    },
    get unbalanced() {
      return unbalanced
    },
    get broken() {
      return broken
    }
  }
}

/** The delimiter that splits the first lines into the same number (> 1) of cells most often. */
export function detectDelimiter(text: string): string {
  const lines = text
    .split(/\r?\n|\r/)
    .filter((l) => l.trim() !== '')
    .slice(0, 30)
  let best = ','
  let bestScore = 0
  for (const d of [',', ';', '\t', '|']) {
    const parser = createCsvParser(d)
    const rows = [...parser.push(lines.join('\n') + '\n'), ...parser.end()]
    const counts = new Map<number, number>()
    for (const r of rows) if (r.length > 1) counts.set(r.length, (counts.get(r.length) ?? 0) + 1)
    for (const [width, freq] of counts) {
      const score = freq * 1000 + width
      if (score > bestScore) {
        best = d
        bestScore = score
      }
    }
  }
  return best
}

/** Quote a value for CSV output when needed. */
export function csvField(v: string | number | null | undefined): string {
  if (v == null) return ''
  const s = String(v)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}
