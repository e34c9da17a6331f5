// Names for a file's columns: how a mapping refers to one, and the key each cell is kept under.

/** How a mapping names a column: its header text when that is unique, else its position ("#3"). */
export function columnRef(headers: string[], index: number): string {
  const text = headers[index]?.trim() ?? ''
  const unique = text !== '' && headers.filter((h) => h.trim() === text).length === 1
  return unique ? text : `#${index + 1}`
}

/**
 * One distinct key per column, for cells kept as {"key": "value"}: the header text; a repeated
 * header gets " (2)", " (3)"... (skipping texts another column already has); an empty one its
 * position "#7". No two columns share a key, so no cell overwrites another.
 */
export function columnKeys(headers: string[]): string[] {
  const texts = headers.map((h, i) => h.trim() || `#${i + 1}`)
  const taken = new Set(texts)
  const first = new Set<string>()
  return texts.map((text) => {
    if (!first.has(text)) {
      first.add(text)
      return text
    }
    let n = 2
    while (taken.has(`${text} (${n})`)) n++
    const key = `${text} (${n})`
    taken.add(key)
    return key
  })
}
