// A streaming RFC 4180 CSV parser: push text chunks, get complete rows; quotes, CRLF and quoted newlines.

export interface CsvParser {
  /** Feed a chunk of decoded text; returns the rows completed by it. */
  push(chunk: string): string[][]
  /** Flush the last row (a file need not end with a newline). */
  end(): string[][]
  /** True when the input ended inside a quoted field. */
  readonly unbalanced: boolean
}

export function createCsvParser(delimiter = ','): CsvParser {
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

  function parse(text: string, rows: string[][]): void {
    const n = text.length
    let i = 0
    while (i < n) {
      if (inQuotes) {
        const q = text.indexOf('"', i)
        if (q < 0) {
          field += text.slice(i)
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
  }

  return {
    push(chunk) {
      const rows: string[][] = []
      parse(chunk, rows)
      return rows
    },
    end() {
      const rows: string[][] = []
      if (inQuotes) unbalanced = true
      if (field !== '' || row.length > 0) {
        row.push(field)
        rows.push(row)
      }
      field = ''
      row = []
      return rows
    },
    get unbalanced() {
      return unbalanced
    }
  }
}

/** Quote a value for CSV output when needed. */
export function csvField(v: string | number | null | undefined): string {
  if (v == null) return ''
  const s = String(v)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}
