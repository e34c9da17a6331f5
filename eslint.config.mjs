// Lint rules for the whole repo; the folder decides what code may import.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import house from './eslint-rules/direction.mjs'

/**
 * What each part of src/ may import besides itself. The renderer is a web page that reaches data
 * only through window.api; the backend and the gateway are the two ends of sync and share only
 * the protocol in core; main starts the backend; the CLI drives the backend and the gateway.
 */
const DIRECTION = {
  shared: [],
  core: ['shared'],
  renderer: ['core', 'shared'],
  preload: ['shared'],
  backend: ['core', 'shared'],
  gateway: ['core', 'shared'],
  main: ['backend', 'core', 'shared'],
  cli: ['backend', 'gateway', 'core', 'shared']
}

const pureRestriction = {
  patterns: [
    {
      group: ['node:*'],
      message: 'src/core and src/shared are pure: no node:* modules (do I/O in src/backend).'
    },
    {
      group: ['electron', 'electron/*'],
      message: 'src/core and src/shared are pure: no electron.'
    },
    {
      group: ['better-sqlite3', 'better-sqlite3/*'],
      message: 'src/core and src/shared are pure: no database access.'
    },
    {
      group: ['react', 'react/*', 'react-dom', 'react-dom/*'],
      message: 'src/core and src/shared are pure: no React.'
    },
    {
      group: ['fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'stream', 'http'],
      message: 'src/core and src/shared are pure: no Node built-ins.'
    }
  ]
}

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'tmp/**']
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: [
            '*.mjs',
            '*.cjs',
            'bin/*.cjs',
            'scripts/*.mjs',
            'eslint-rules/*.mjs'
          ]
        },
        tsconfigRootDir: import.meta.dirname
      },
      globals: { ...globals.node }
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }]
    }
  },
  {
    files: ['**/*.cjs', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    rules: {
      ...tseslint.configs.disableTypeChecked.rules,
      '@typescript-eslint/no-require-imports': 'off'
    }
  },
  {
    // Test matchers (expect.any, expect.stringContaining) are typed any by design.
    files: ['test/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off'
    }
  },
  {
    files: ['src/**'],
    plugins: { house },
    rules: { 'house/direction': ['error', DIRECTION] }
  },
  {
    files: ['src/core/**', 'src/shared/**'],
    rules: { 'no-restricted-imports': ['error', pureRestriction] }
  },
  {
    files: ['src/renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules }
  }
)
