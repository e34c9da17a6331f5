// Temporary folders for tests, removed after each test file.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'

export function tempDir(prefix = 'doisoat-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** Run a job function without a runner: no progress, never cancelled unless the signal says so. */
export function jobCtx(signal: AbortSignal = new AbortController().signal) {
  return { signal, progress: () => undefined }
}
