// Reading a JSON file a person brought to this machine (a review package, a model file): a size
// cap before reading, then JSON, then its schema, each failure said with the file's own name.
import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import type { z } from 'zod'
import { AppError, type ErrorCode } from '../../shared/errors'

export function readJsonFile<S extends z.ZodType>(
  path: string,
  o: { maxBytes: number; schema: S; invalid: ErrorCode }
): z.output<S> {
  const file = basename(path)
  let text: string
  try {
    if (statSync(path).size > o.maxBytes) throw new Error('file too large')
    text = readFileSync(path, 'utf8')
  } catch (e) {
    throw new AppError('file_unreadable', { path, detail: (e as Error).message })
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new AppError(o.invalid, { file, detail: 'not JSON' })
  }
  const parsed = o.schema.safeParse(json)
  if (!parsed.success)
    throw new AppError(o.invalid, {
      file,
      detail: parsed.error.issues
        .map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`)
        .join('; ')
    })
  return parsed.data
}
