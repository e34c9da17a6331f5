// The streaming CSV parser: the same rows however the text is cut into chunks.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createCsvParser, csvField } from './csv'

function parseAll(
  text: string,
  cuts: number[] = [],
  delimiter = ',',
  wholeLines = true
): string[][] {
  const p = createCsvParser(delimiter, wholeLines)
  const rows: string[][] = []
  let at = 0
  for (const c of [...cuts].sort((a, b) => a - b)) {
    rows.push(...p.push(text.slice(at, c)))
    at = c
  }
  rows.push(...p.push(text.slice(at)), ...p.end())
  return rows
}

describe('csv parser', () => {
  it('handles quotes, doubled quotes, CRLF and quoted newlines', () => {
    expect(parseAll('a,b\r\n"x, y","say ""hi"""\r\n"line1\r\nline2",\r\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['line1\r\nline2', '']
    ])
  })

  it('works with semicolons and tabs, and without a final newline', () => {
    expect(parseAll('a;b\n1;2', [], ';')).toEqual([
      ['a', 'b'],
      ['1', '2']
    ])
    expect(parseAll('a\tb\n1\t2\n', [], '\t')).toEqual([
      ['a', 'b'],
      ['1', '2']
    ])
  })

  it('reports an unbalanced quote at the end of input, and keeps that row as read', () => {
    const p = createCsvParser()
    expect(p.push('a,"b\nc')).toEqual([])
    expect(p.end()).toEqual([])
    expect(p.unbalanced).toBe(true)
    expect(p.broken).toBe('a,"b\nc')
  })

  it('keeps the unclosed row as read whatever the chunks and the path (property)', () => {
    const head = fc.array(fc.constantFrom('x,y', '"p,q",r', 's;t', '"u""v"'), { maxLength: 3 })
    const tail = fc.string({
      unit: fc.constantFrom('a', ',', '\n', '\r\n', 'Đ', '""'),
      maxLength: 20
    })
    fc.assert(
      fc.property(
        head,
        tail,
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.boolean(),
        (h, t, raw, whole) => {
          const lines = h.map((l) => `${l}\n`).join('')
          const brokenRow = `k,"${t}`
          const text = lines + brokenRow
          const p = createCsvParser(',', whole)
          let at = 0
          const rows: string[][] = []
          for (const c of raw.map((x) => x % (text.length + 1)).sort((a, b) => a - b)) {
            rows.push(...p.push(text.slice(at, c)))
            at = c
          }
          rows.push(...p.push(text.slice(at)), ...p.end())
          // The tail holds no quote of its own (only doubled ones): the quote stays open.
          expect(p.unbalanced).toBe(true)
          expect(p.broken).toBe(brokenRow)
          expect(rows).toEqual(parseAll(lines))
        }
      ),
      { numRuns: 1000 }
    )
  })

  it('gives the same rows for any chunking (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'ă', ',', '"', '\n', '\r\n', ' ', 'Đ') })
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (table, rawCuts) => {
          const text =
            table.map((r) => r.map((v) => `"${v.replace(/"/g, '""')}"`).join(',')).join('\n') + '\n'
          const cuts = rawCuts.map((c) => c % (text.length + 1))
          expect(parseAll(text, cuts)).toEqual(table)
        }
      )
    )
  })

  it('reads whole lines exactly as character by character, for any text and chunking (property)', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'ă', ',', ';', '"', '""', '\n', '\r\n', '\r', ' ', 'Đ'),
      maxLength: 60
    })
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 4 }), fc.boolean(), (t, rawCuts, semi) => {
        const cuts = rawCuts.map((c) => c % (t.length + 1))
        const d = semi ? ';' : ','
        expect(parseAll(t, cuts, d, true)).toEqual(parseAll(t, cuts, d, false))
      }),
      { numRuns: 2000 }
    )
    expect(parseAll('a,"b,c",d\r\n"x""y",z\nq"r,s\n', [], ',', true)).toEqual([
      ['a', 'b,c', 'd'],
      ['x"y', 'z'],
      ['q"r', 's']
    ])
  })

  it('quotes a field only when it must', () => {
    expect(csvField('Nguyễn Văn An')).toBe('Nguyễn Văn An')
    expect(csvField('Thôn 3, Xã A')).toBe('"Thôn 3, Xã A"')
    expect(csvField('a "b"')).toBe('"a ""b"""')
    expect(csvField(null)).toBe('')
  })
})
