// One place per fact: the shared enumerations and the upload limit are written out in src/shared only.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as encodings from '../../src/shared/encodings'
import * as fields from '../../src/shared/fields'
import * as languages from '../../src/shared/i18n/languages'
import * as match from '../../src/shared/match'
import * as outbox from '../../src/shared/outbox'
import * as review from '../../src/shared/review'
import * as roles from '../../src/shared/roles'
import { MAX_UPLOAD_BYTES } from '../../src/shared/api'

const ROOT = join(import.meta.dirname, '../..')

/** Every exported list of names in the shared vocabulary modules. */
const LISTS = Object.entries<unknown>({
  ...encodings,
  ...fields,
  ...languages,
  ...match,
  ...outbox,
  ...review,
  ...roles
}).filter(
  (e): e is [string, readonly string[]] =>
    Array.isArray(e[1]) && e[1].length >= 2 && e[1].every((v) => typeof v === 'string')
)

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const QUOTE = `['"\`]`
const SEP = '\\s*[,|]\\s*'

/**
 * The whole list written out as quoted literals in order: an array (a, b) or a union type
 * (a | b), with no other item before or after it (a longer list that contains it is another fact).
 */
function copyPattern(list: readonly string[]): RegExp {
  const items = list.map((v) => `${QUOTE}${escape(v)}${QUOTE}`).join(SEP)
  return new RegExp(`(?<!${QUOTE}${SEP})${items}(?!${SEP}${QUOTE})`)
}

/** A limit on uploads set to a number: the limit defined a second time. */
const UPLOAD_LIMIT = /\w*(max\w*upload|upload\w*(limit|max|bytes|size))\w*\s*[=:]\s*\d/i

function copiesIn(text: string): string[] {
  const found = LISTS.filter(([, list]) => copyPattern(list).test(text)).map(([name]) => name)
  if (UPLOAD_LIMIT.test(text)) found.push('MAX_UPLOAD_BYTES')
  return found
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx|mts|cts|mjs|cjs)$/.test(e.name) ? [path] : []
  })
}

/**
 * Where a list may be written out: its own module, the migrations (a migration is the schema as it
 * was when it shipped; a changed list needs a new migration, not an edit of an old one), and the
 * tests (expected values are meant to be spelt out).
 */
function exempt(file: string): boolean {
  return (
    file.startsWith('src/shared/') ||
    file.startsWith('src/backend/db/migrations/') ||
    /\.test\.tsx?$/.test(file)
  )
}

describe('one place per fact', () => {
  it('finds the shared lists to guard', () => {
    const names = LISTS.map(([n]) => n)
    for (const n of ['MATCH_GRADES', 'PAIR_FLAGS', 'RECORD_FLAGS', 'USER_ROLES', 'KEY_ROLES'])
      expect(names).toContain(n)
    for (const n of ['OUTBOX_STATES', 'REVIEW_STATES', 'CORRECTION_STATES', 'CORRECTION_REASONS'])
      expect(names).toContain(n)
    for (const n of ['APPROVAL_DECISIONS', 'LANGUAGES', 'SOURCE_KINDS']) expect(names).toContain(n)
  })

  it('recognises a copy in any of its usual shapes', () => {
    expect(copiesIn(`const G = ['certain', 'probable', 'possible', 'none']`)).toEqual([
      'MATCH_GRADES'
    ])
    expect(copiesIn(`type G =\n  | "certain"\n  | "probable"\n  | "possible"\n  | "none"`)).toEqual(
      ['MATCH_GRADES']
    )
    expect(copiesIn('role: z.enum([`clerk`, `supervisor`])')).toEqual(['KEY_ROLES'])
    expect(copiesIn('const MAX_UPLOAD = 512 * 1024 * 1024')).toEqual(['MAX_UPLOAD_BYTES'])
    expect(copiesIn(`maxUploadBytes: ${MAX_UPLOAD_BYTES},`)).toEqual(['MAX_UPLOAD_BYTES'])
    // Not copies: one value, another fact's longer list, another limit of the same size.
    expect(copiesIn(`const grade: MatchGrade = 'certain'`)).toEqual([])
    expect(copiesIn(`const EVENTS = ['propose', 'approve', 'reject', 'queue']`)).toEqual([])
    expect(copiesIn('scrypt(p, salt, 32, { maxmem: 512 * 1024 * 1024 })')).toEqual([])
    expect(copiesIn('let uploads = 0')).toEqual([])
  })

  it('no file outside src/shared writes out a shared list or the upload limit', () => {
    const copies = sourceFiles(join(ROOT, 'src'))
      .map((path) => relative(ROOT, path).split('\\').join('/'))
      .filter((file) => !exempt(file))
      .flatMap((file) =>
        copiesIn(readFileSync(join(ROOT, file), 'utf8')).map((list) => `${file}: ${list}`)
      )
    expect(copies).toEqual([])
  })
})
