// 'import/*' and 'profiles/*': preview, commit (a job), rejected rows and their export, mapping profiles.
import type { importInputs, Profile, RejectedRow } from '../../shared/api'
import { AppError } from '../../shared/errors'
import type { SourceKind } from '../../shared/fields'
import { tr } from '../../shared/i18n'
import { mappingSchema, type Mapping } from '../../shared/mapping'
import { appendAudit } from '../audit/audit'
import type { Db } from '../db/open'
import { toCsv, toXlsx } from '../import/export'
import { importFile, previewImport } from '../import/import-file'
import type { Handlers } from './types'

interface ProfileRow {
  name: string
  kind: SourceKind
  mapping_json: string
  updated_at: string
}

function profile(db: Db, kind: SourceKind, name: string): Mapping {
  const row = db
    .prepare('SELECT mapping_json FROM import_profile WHERE kind = ? AND name = ?')
    .get(kind, name) as { mapping_json: string } | undefined
  if (!row) throw new AppError('not_found', { what: name })
  return mappingSchema.parse(JSON.parse(row.mapping_json))
}

/** A saved profile under the explicit mapping: the clerk's latest choices win field by field. */
function effectiveMapping(
  db: Db,
  args: { kind: SourceKind; profile?: string; mapping?: Mapping }
): Mapping | undefined {
  if (!args.profile) return args.mapping
  const base = profile(db, args.kind, args.profile)
  if (!args.mapping) return base
  return { ...base, ...args.mapping, fields: { ...base.fields, ...args.mapping.fields } }
}

function rejectedRows(db: Db, batchId: number, limit: number, offset: number): RejectedRow[] {
  const rows = db
    .prepare(
      `SELECT row_number, raw_text, reasons_json FROM rejected_row WHERE batch_id = ?
       ORDER BY row_number LIMIT ? OFFSET ?`
    )
    .all(batchId, limit, offset) as { row_number: number; raw_text: string; reasons_json: string }[]
  return rows.map((r) => ({
    rowNumber: r.row_number,
    rawText: r.raw_text,
    reasons: JSON.parse(r.reasons_json) as string[]
  }))
}

export const importHandlers: Handlers<keyof typeof importInputs> = {
  // A preview keeps the file: the clerk may preview it again with another encoding or mapping.
  'import/preview': (args, { db, dbPath, files }) =>
    previewImport(
      {
        dbPath,
        kind: args.kind,
        file: files.path(args.path),
        encoding: args.encoding,
        sheet: args.sheet,
        mapping: effectiveMapping(db, args)
      },
      { signal: new AbortController().signal, progress: () => undefined }
    ),
  'import/file': (args, { db, jobs, dbPath, actor, files }) => {
    const file = files.path(args.path)
    const mapping = effectiveMapping(db, args)
    return {
      jobId: jobs.start('import', async (ctx) => {
        let keep = false
        try {
          return await importFile(
            {
              dbPath,
              kind: args.kind,
              file,
              allowDuplicate: args.allowDuplicate,
              actor,
              encoding: args.encoding,
              sheet: args.sheet,
              mapping
            },
            ctx
          )
        } catch (e) {
          // Already imported: the clerk is asked next whether to import it anyway, from this file.
          keep = e instanceof AppError && e.code === 'duplicate_file'
          throw e
        } finally {
          if (!keep) files.release(args.path)
        }
      })
    }
  },
  'import/rejected': (args, { db }) => ({
    rows: rejectedRows(db, args.batchId, args.endRow - args.startRow, args.startRow),
    total: db
      .prepare('SELECT count(*) FROM rejected_row WHERE batch_id = ?')
      .pluck()
      .get(args.batchId) as number
  }),
  'import/exportRejected': async (args, { db }) => {
    const batch = db
      .prepare('SELECT file_name FROM import_batch WHERE id = ?')
      .get(args.batchId) as { file_name: string } | undefined
    if (!batch) throw new AppError('not_found', { what: `#${args.batchId}` })
    const header = [tr('export.rowNumber'), tr('export.reasons'), tr('export.rawText')]
    const rows = rejectedRows(db, args.batchId, -1, 0).map((r) => [
      r.rowNumber,
      r.reasons.map((x) => tr(`rejected.${x}`)).join('; '),
      r.rawText
    ])
    const base = `${batch.file_name.replace(/\.[^.]*$/, '')}-dong-bi-tu-choi`
    if (args.format === 'csv') {
      return {
        fileName: `${base}.csv`,
        mime: 'text/csv',
        base64: toCsv(header, rows).toString('base64')
      }
    }
    const xlsx = await toXlsx(tr('export.rejectedSheet'), header, rows)
    return {
      fileName: `${base}.xlsx`,
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      base64: xlsx.toString('base64')
    }
  },
  'profiles/list': (_args, { db }) =>
    (
      db
        .prepare('SELECT name, kind, mapping_json, updated_at FROM import_profile ORDER BY name')
        .all() as ProfileRow[]
    ).map((r): Profile => ({
      name: r.name,
      kind: r.kind,
      mapping: mappingSchema.parse(JSON.parse(r.mapping_json)),
      updatedAt: r.updated_at
    })),
  'profiles/save': (args, { db, actor }) => {
    const now = new Date().toISOString()
    db.transaction(() => {
      db.prepare(
        `INSERT INTO import_profile (name, kind, mapping_json, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (kind, name) DO UPDATE SET mapping_json = excluded.mapping_json,
           updated_at = excluded.updated_at`
      ).run(args.name, args.kind, JSON.stringify(args.mapping), actor, now, now)
      appendAudit(db, {
        actor,
        action: 'profile.save',
        entity: 'import_profile',
        entityId: args.name,
        detail: { kind: args.kind }
      })
    })()
    return { name: args.name, kind: args.kind, mapping: args.mapping, updatedAt: now }
  },
  'dialog/openFile': () => {
    throw new AppError('unsupported_here')
  }
}
