// Canonical JSON (sorted keys, no whitespace): the byte form that hashes and signatures cover.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json | undefined }

export function canonicalJson(value: Json | undefined): string {
  if (value === undefined || value === null) return 'null'
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`
  if (typeof value === 'object') {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort()
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('non-finite number')
  return JSON.stringify(value)
}
