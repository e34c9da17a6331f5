import { defineConfig } from 'vitest/config'

// npm run test:chaos: the seeded chaos run (test/chaos), apart from `npm test`.
export default defineConfig({
  test: {
    include: ['test/chaos/**/*.test.ts'],
    testTimeout: 1_800_000,
    hookTimeout: 300_000,
    pool: 'forks',
    setupFiles: ['test/helpers/plain-db.ts']
  }
})
