// What the app writes beside a database (keys, backups, logs, samples) never reaches git.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../..')

/** The .gitignore's patterns as tests on a path (the forms this file uses: *, a leading or trailing /). */
function ignored(path: string): boolean {
  const patterns = readFileSync(join(ROOT, '.gitignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
  const parts = path.split('/')
  return patterns.some((p) => {
    const folder = p.endsWith('/')
    const anchored = p.startsWith('/')
    const glob = p.replace(/^\//, '').replace(/\/$/, '')
    const re = new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`)
    // A folder pattern matches a folder on the way; a name pattern any part (the last one too).
    const candidates = anchored ? [parts[0]!] : folder ? parts.slice(0, -1) : parts
    return candidates.some((c) => re.test(c))
  })
}

describe('.gitignore', () => {
  it('ignores key files and what else a database leaves beside it', () => {
    for (const path of [
      'doisoat.db',
      'doisoat.db.keys.json',
      'sample.db.keys.json',
      'xa/doisoat.db.keys.json.damaged-2026-12-07T10-00-00',
      'doisoat-backups/doisoat-24991-2026-12-07-101500.bak',
      'doisoat-backups/doisoat-24991-2026-12-07-101500.bak.keys.json',
      'doisoat.db.before-restore-2026-12-07',
      'doisoat.db.lock',
      'doisoat-errors.log',
      'doisoat-sample-1-1765000000000/population.csv',
      'doisoat.db.uploads/4242-abc/so-ho-tich.csv'
    ])
      expect(ignored(path), path).toBe(true)
  })

  it('does not ignore the sources', () => {
    for (const path of ['src/backend/host.ts', 'README.md', 'package-lock.json', '.gitignore'])
      expect(ignored(path), path).toBe(false)
  })
})
