// The direction rules of docs/ARCHITECTURE.md fail lint: each wrong import is reported, right ones are not.
import { ESLint } from 'eslint'
import { join } from 'node:path'
import tseslint from 'typescript-eslint'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../..')

// The repository's config as it is; only type-aware parsing is off, since these files exist
// only in memory (the import rules need no types).
const eslint = new ESLint({ cwd: ROOT, overrideConfig: tseslint.configs.disableTypeChecked })

/** The rules that fired on `code`, linted as if it were the file at `path`. */
async function fired(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) })
  return result!.messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`)
}

const DIRECTION = 'house/direction'
const PURE = 'no-restricted-imports'

/** [file, import, the rule that must fire]: one wrong import per rule. */
const WRONG: [string, string, string][] = [
  ['src/renderer/features/x/a.ts', '../../../backend/host', DIRECTION],
  ['src/renderer/features/x/a.ts', '../../../main/window', DIRECTION],
  ['src/renderer/features/x/a.ts', '../../../gateway/server', DIRECTION],
  ['src/renderer/lib/a.ts', '../../cli/main', DIRECTION],
  ['src/backend/sync/a.ts', '../../gateway/auth', DIRECTION],
  ['src/backend/a.ts', '../main/window', DIRECTION],
  ['src/backend/review/a.ts', '../../renderer/lib/api', DIRECTION],
  ['src/backend/a.ts', '../cli/main', DIRECTION],
  ['src/gateway/a.ts', '../backend/import/table-reader', DIRECTION],
  ['src/gateway/a.ts', '../main/window', DIRECTION],
  ['src/gateway/testing/a.ts', '../../renderer/lib/api', DIRECTION],
  ['src/gateway/a.ts', '../cli/main', DIRECTION],
  ['src/main/a.ts', '../renderer/lib/api', DIRECTION],
  ['src/preload/a.ts', '../backend/host', DIRECTION],
  ['src/core/match/a.ts', '../../backend/db/open', DIRECTION],
  ['src/shared/api/a.ts', '../../core/match/model', DIRECTION],
  ['src/core/a.ts', 'node:fs', PURE],
  ['src/core/a.ts', 'fs', PURE],
  ['src/shared/a.ts', 'electron', PURE],
  ['src/core/review/a.ts', 'better-sqlite3', PURE],
  ['src/shared/a.ts', 'react', PURE]
]

describe('import direction (ESLint with the repository config)', () => {
  it.each(WRONG)('%s importing %s fails %s', async (file, from, rule) => {
    const got = await fired(file, `import { x } from '${from}'\nexport const y = x\n`)
    expect(got).toHaveLength(1)
    expect(got[0]).toContain(`${rule}: `)
  })

  it('catches every way of importing: type-only, re-export, dynamic import, require', async () => {
    const file = 'src/renderer/lib/a.ts'
    const forms = [
      `import type { Db } from '../../backend/db/open'\nexport type T = Db\n`,
      `export { createBackend } from '../../backend/host'\n`,
      `export * from '../../backend/host'\n`,
      `export const m = () => import('../../backend/host')\n`,
      `export type T = import('../../backend/host').Backend\n`,
      `// eslint-disable-next-line @typescript-eslint/no-require-imports\nexport const m = require('../../backend/host') as unknown\n`
    ]
    for (const code of forms) {
      // (An import() type also breaks consistent-type-imports; only the direction matters here.)
      const got = (await fired(file, code)).filter((m) => m.startsWith(`${DIRECTION}: `))
      expect(got, code).toEqual([
        `${DIRECTION}: src/renderer must not import src/backend: it may import only src/core, src/shared (see docs/ARCHITECTURE.md).`
      ])
    }
  })

  it('passes the imports each part may make', async () => {
    const right: [string, string][] = [
      [
        'src/renderer/features/x/a.ts',
        `import { MATCH_GRADES } from '../../../shared/match'\nimport { formatDate } from '../../../core/normalize/date'\nimport { api } from '../../lib/api'\nexport const y = [MATCH_GRADES, formatDate, api]\n`
      ],
      [
        'src/gateway/a.ts',
        `import { createHash } from 'node:crypto'\nimport Fastify from 'fastify'\nimport { signRequest } from '../core/sync/request-signing'\nimport { AppError } from '../shared/errors'\nimport { seedFromFile } from './seed'\nexport const y = [createHash, Fastify, signRequest, AppError, seedFromFile]\n`
      ],
      [
        'src/main/a.ts',
        `import { app } from 'electron'\nimport { toErrorShape } from '../backend/errors'\nexport const y = [app, toErrorShape]\n`
      ],
      [
        'src/cli/a.ts',
        `import { createBackend } from '../backend/host'\nimport { startGateway } from '../gateway/server'\nexport const y = [createBackend, startGateway]\n`
      ],
      [
        'src/core/match/a.ts',
        `import { MATCH_GRADES } from '../../shared/match'\nimport { COMPARISONS } from './compare'\nexport const y = [MATCH_GRADES, COMPARISONS]\n`
      ]
    ]
    for (const [file, code] of right) expect(await fired(file, code), file).toEqual([])
  })
})
