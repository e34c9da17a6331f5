// Quick search text to an FTS5 query: folded name words in any order, a date, ID digits.
import { parseDate } from '../normalize/date'
import { foldKey } from '../normalize/text'

export interface QuickQuery {
  /** Folded name words typed in full (followed by more text). */
  words: string[]
  /** The word being typed (the last one, unless the text ends with a space): a prefix. */
  partial: string | null
  /** A full date typed as dd/mm/yyyy, yyyy-mm-dd...: ISO parts. */
  date: string | null
  /** Digit runs that are not a date: ID or CMND prefixes. */
  digits: string[]
}

const DATE_LIKE = /^\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?$/

export function parseQuickQuery(q: string): QuickQuery {
  const out: QuickQuery = { words: [], partial: null, date: null, digits: [] }
  const typing = !/\s$/.test(q)
  const parts = q.trim().split(/\s+/).filter(Boolean)
  parts.forEach((part, i) => {
    if (DATE_LIKE.test(part)) {
      // "05/03/19" on the way to "05/03/1990" is not 2019 yet.
      if (typing && i === parts.length - 1 && !/\d{4}$|^\d{4}/.test(part)) return
      const d = parseDate(part)
      if (d && d.precision !== 'year') out.date = d.iso
      return
    }
    if (/^\d+$/.test(part)) {
      // A bare year is a date part too: '1990' finds people born in 1990.
      if (part.length === 4 && /^(18|19|20|21)/.test(part)) out.date ??= part
      else out.digits.push(part)
      return
    }
    const ws = foldKey(part).split(' ').filter(Boolean)
    // Only the last word is being typed; a split word before it ("Nguyễn-Văn") is complete.
    if (typing && i === parts.length - 1) out.partial = ws.pop() ?? null
    out.words.push(...ws)
  })
  return out
}

const quote = (t: string): string => `"${t.replace(/"/g, '""')}"`

/**
 * The FTS5 MATCH expression, or null when nothing is selective enough to search on (one
 * letter). `exact` turns the word being typed into a whole word, the first pass of two.
 */
export function ftsQuery(q: QuickQuery, exact: boolean): string | null {
  // A word with digits may be a record key (DC000123) rather than a name.
  const col = (w: string): string => (/\d/.test(w) ? '{name ids}' : 'name')
  const terms: string[] = q.words.map((w) => `${col(w)} : ${quote(w)}`)
  // One letter matches a fifth of the country: it ranks the short list but does not search.
  if (q.partial && (q.partial.length >= 2 || terms.length === 0))
    terms.push(`${col(q.partial)} : ${quote(q.partial)}${exact ? '' : ' *'}`)
  if (q.date) terms.push(`dob : ${quote(q.date.replace(/-/g, ' '))}`)
  for (const d of q.digits) if (d.length >= 3) terms.push(`ids : ${quote(d)} *`)
  if (terms.length === 0) return null
  if (terms.length === 1 && q.partial && q.partial.length < 2 && q.words.length === 0) return null
  return terms.join(' AND ')
}
