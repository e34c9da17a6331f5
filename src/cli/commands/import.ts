// `doisoat import`: preview an extract (what will happen) and load it, printing progress and the counts.
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { ImportPreview, ImportSummary } from '../../shared/api'
import { formatDate } from '../../core/normalize/date'
import { ENCODINGS } from '../../shared/encodings'
import { AppError } from '../../shared/errors'
import { SOURCE_KINDS, type SourceKind } from '../../shared/fields'
import { tr, type Language } from '../../shared/i18n'
import { mappingSchema, type Mapping } from '../../shared/mapping'
import { importFile, previewImport } from '../../backend/import/import-file'
import { operatorName } from '../session'
import type { Command, CliContext } from '../command'
import { unlockCli } from '../unlock'

/** Read and validate a --mapping file; its problems are reported with the path of the bad key. */
export function readMappingFile(path: string): Mapping {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch (e) {
    throw new AppError('file_unreadable', { path, detail: (e as Error).message })
  }
  const parsed = mappingSchema.safeParse(json)
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(mapping)'}: ${i.message}`)
      .join('; ')
    throw new AppError('validation', { detail: `${path}: ${detail}` })
  }
  return parsed.data
}

function printCounts(
  ctx: CliContext,
  counts: { rejectedReasons: Record<string, number>; warnings: Record<string, number> }
): void {
  for (const [reason, n] of Object.entries(counts.rejectedReasons)) {
    ctx.out(`  - ${tr(`rejected.${reason}`, {}, ctx.lang)}: ${n}`)
  }
  for (const [warning, n] of Object.entries(counts.warnings)) {
    ctx.out(`  ! ${tr(`warnings.${warning}`, {}, ctx.lang)}: ${n}`)
  }
}

/** Characters of a cell the preview prints: a cell of megabytes stays in the file, not the terminal. */
export const PREVIEW_CELL_CHARS = 80

/** A value as the preview prints it: on one line, and cut (its length said) when long. */
export function previewCell(v: string | number | null | undefined, lang: Language): string {
  const s = String(v ?? '').replace(/[\r\n\t]+/g, ' ')
  if (s.length <= PREVIEW_CELL_CHARS) return s
  return `${s.slice(0, PREVIEW_CELL_CHARS)}… ${tr('cli.preview.longCell', { length: s.length }, lang)}`
}

/** Changes printed field by field in a preview (the counts cover the whole file). */
const PRINTED_CHANGES = 5

function printPreview(p: ImportPreview, lang: Language, out: (l: string) => void): void {
  const t = (k: string, o: Record<string, unknown> = {}) => tr(k, o, lang)
  const c = (v: string | number | null | undefined) => previewCell(v, lang)
  out(t('cli.preview.file', { file: p.fileName, format: p.format.toUpperCase(), size: p.size }))
  if (p.encoding) {
    out(
      t('cli.preview.encoding', {
        encoding: t(`encodings.${p.encoding.used}`),
        detected: t(`encodings.${p.encoding.detected}`),
        confidence: Math.round(p.encoding.confidence * 100)
      })
    )
    if (p.encoding.confidence < 0.8) out(t('cli.preview.lowConfidence'))
  }
  if (p.delimiter)
    out(t('cli.preview.delimiter', { delimiter: p.delimiter === '\t' ? 'Tab' : p.delimiter }))
  if (p.sheet) out(t('cli.preview.sheet', { sheet: p.sheet, sheets: (p.sheets ?? []).join(', ') }))
  out(t('cli.preview.header', { row: p.headerRow }))
  p.headers.forEach((h, i) => {
    const f = p.columnFields[i]
    out(
      `  ${String(i + 1).padStart(3)}. ${c(h) || '—'} → ${f ? `${t(`fields.${f}`)} (${f})` : t('cli.preview.ignored')}`
    )
  })
  out(t('cli.preview.rows'))
  for (const r of p.rows.slice(0, 5)) {
    const rec = r.record
    out(
      rec
        ? `  ${r.rowNumber}: ${[rec.full_name, rec.dob, rec.sex, rec.id_number ?? rec.legacy_id, rec.residence].map(c).join(' | ')}`
        : `  ${r.rowNumber}: ✗ ${(r.rejected ?? []).map((x) => t(`rejected.${x}`)).join(', ')}`
    )
  }
  out(t('cli.preview.counts', p.counts))
  if (p.population) {
    const d = p.population
    out(t('cli.preview.population', { ...d }))
    for (const s of d.samples.slice(0, PRINTED_CHANGES)) {
      out(
        t('cli.preview.change', {
          key: c(s.recordKey),
          row: s.rowNumber,
          from: s.fromVersion,
          to: s.toVersion
        })
      )
      for (const f of s.fields)
        out(
          t('cli.preview.changeField', {
            field: t(`fields.${f.field}`),
            before: c(f.before) || '—',
            after: c(f.after) || '—'
          })
        )
    }
    const more = d.changed - Math.min(d.samples.length, PRINTED_CHANGES)
    if (more > 0) out(t('cli.preview.moreChanges', { count: more }))
  }
  if (p.missing.length)
    out(t('cli.preview.missing', { fields: p.missing.map((m) => t(`fields.${m}`)).join(', ') }))
  if (p.duplicateOf)
    out(
      t('errors.duplicate_file', {
        batchId: p.duplicateOf.batchId,
        date: formatDate(p.duplicateOf.createdAt.slice(0, 10))
      })
    )
}

export const importCommand: Command = {
  name: 'import',
  options: [
    { name: 'db', type: 'string', required: true, arg: 'D' },
    { name: 'kind', type: 'string', required: true, choices: SOURCE_KINDS, arg: 'K' },
    { name: 'file', type: 'string', required: true, arg: 'F' },
    {
      name: 'encoding',
      type: 'string',
      default: 'auto',
      choices: ['auto', ...ENCODINGS],
      arg: 'E'
    },
    { name: 'mapping', type: 'string', arg: 'M.json' },
    { name: 'sheet', type: 'string', arg: 'S' },
    { name: 'dry-run', type: 'boolean' },
    { name: 'allow-duplicate', type: 'boolean' }
  ],
  async run(opts, ctx) {
    const sheet =
      opts.sheet === undefined
        ? undefined
        : /^\d+$/.test(String(opts.sheet))
          ? Number(opts.sheet)
          : String(opts.sheet)
    const o = {
      dbPath: resolve(String(opts.db)),
      kind: opts.kind as SourceKind,
      file: resolve(String(opts.file)),
      encoding: String(opts.encoding),
      sheet,
      mapping: opts.mapping ? readMappingFile(resolve(String(opts.mapping))) : undefined,
      allowDuplicate: opts['allow-duplicate'] === true,
      actor: operatorName()
    }
    if (!existsSync(o.file)) throw new AppError('file_not_found', { path: o.file })
    await unlockCli(o.dbPath, ctx, { create: true })
    const preview = await previewImport(o, { signal: ctx.signal, progress: () => undefined })
    printPreview(preview, ctx.lang, ctx.out)
    printCounts(ctx, preview)
    if (opts['dry-run']) {
      ctx.out(tr('cli.preview.dryRun', {}, ctx.lang))
      return preview.missing.length ? 1 : 0
    }
    let lastPercent = -1
    const summary: ImportSummary = await importFile(o, {
      signal: ctx.signal,
      progress: (_phase, done, total) => {
        const percent = total ? Math.floor((done / total) * 100) : 0
        if (process.stderr.isTTY && percent !== lastPercent) {
          lastPercent = percent
          process.stderr.write(`\r${tr('cli.progress', { percent }, ctx.lang)}`)
        }
      }
    })
    if (process.stderr.isTTY) process.stderr.write('\n')
    ctx.out(
      tr(
        'cli.imported',
        {
          file: summary.fileName,
          read: summary.rowsRead,
          accepted: summary.rowsAccepted,
          rejected: summary.rowsRejected,
          batchId: summary.batchId
        },
        ctx.lang
      )
    )
    if (summary.population) ctx.out(tr('cli.importedPopulation', summary.population, ctx.lang))
    printCounts(ctx, summary)
    return 0
  }
}
