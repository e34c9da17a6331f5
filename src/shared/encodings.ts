// The text encodings the importer reads, with the names a clerk sees.

export const ENCODINGS = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1258',
  'tcvn3',
  'vni',
  'utf-8-mojibake',
  'windows-1252'
] as const
export type Encoding = (typeof ENCODINGS)[number]
