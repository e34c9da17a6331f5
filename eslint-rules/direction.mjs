// Which part of src/ may import which (docs/ARCHITECTURE.md, "Parts and direction"): a local ESLint rule.
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path'

const SRC = resolve(import.meta.dirname, '..', 'src')

/** The part of src/ a path lies in (its first folder), or null outside src/. */
function partOf(path) {
  const rel = relative(SRC, path)
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null
  return rel.split(sep)[0]
}

/** @type {import('eslint').Rule.RuleModule} */
export const direction = {
  meta: {
    type: 'problem',
    docs: { description: 'A part of src/ imports only the parts it may depend on.' },
    schema: [
      { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } }
    ],
    messages: {
      wrong:
        'src/{{from}} must not import src/{{to}}: it may import only {{allowed}} (see docs/ARCHITECTURE.md).'
    }
  },
  create(context) {
    const allowedBy = context.options[0] ?? {}
    const file = context.physicalFilename
    const from = partOf(file)
    if (from === null || !Object.hasOwn(allowedBy, from)) return {}
    const allowed = allowedBy[from]
    const check = (node) => {
      if (!node || node.type !== 'Literal' || typeof node.value !== 'string') return
      // Bare names are packages; only relative paths can reach another part of src/.
      if (!node.value.startsWith('.')) return
      const to = partOf(resolve(dirname(file), node.value))
      if (to === null || to === from || allowed.includes(to)) return
      context.report({
        node,
        messageId: 'wrong',
        data: {
          from,
          to,
          allowed: allowed.length ? allowed.map((p) => `src/${p}`).join(', ') : 'itself'
        }
      })
    }
    return {
      ImportDeclaration: (n) => check(n.source),
      ExportNamedDeclaration: (n) => check(n.source),
      ExportAllDeclaration: (n) => check(n.source),
      ImportExpression: (n) => check(n.source),
      TSImportType: (n) => check(n.source ?? n.argument?.literal),
      CallExpression: (n) => {
        if (n.callee.type === 'Identifier' && n.callee.name === 'require') check(n.arguments[0])
      }
    }
  }
}

export default { rules: { direction } }
