// The mapping the clerk edits: one field per file column, turned into the Mapping the backend reads.
import type { ImportPreview } from '../../../shared/api'
import { PERSON_FIELDS } from '../../../shared/fields'
import type { MappableField, Mapping } from '../../../shared/mapping'
import { MAPPABLE_FIELDS } from '../../../shared/mapping'
import { columnRef } from '../../../core/import/column-ref'

export type ColumnFields = (MappableField | null)[]

export { columnRef }

/** Field → column(s); a field on several columns lists them all (the importer joins them). */
export function fieldsFromColumns(headers: string[], columns: ColumnFields): Mapping['fields'] {
  const fields: Mapping['fields'] = {}
  columns.forEach((field, index) => {
    if (field === null) return
    const ref = columnRef(headers, index)
    const before = fields[field]
    fields[field] =
      before === undefined ? ref : [...(Array.isArray(before) ? before : [before]), ref]
  })
  return fields
}

/**
 * The columns after the clerk picks a field for one of them. A field belongs to one column, so
 * picking it moves it: the column that had it is no longer imported.
 */
export function assignColumn(
  columns: ColumnFields,
  index: number,
  field: MappableField | null
): ColumnFields {
  return columns.map((current, i) =>
    i === index ? field : field !== null && current === field ? null : current
  )
}

/** The whole mapping behind a preview, with this column choice: what a commit or a profile keeps. */
export function mappingFor(preview: ImportPreview, columns: ColumnFields): Mapping {
  // Encoding and sheet travel beside the mapping (the clerk's dropdowns), not inside it.
  const { encoding: _encoding, sheet: _sheet, ignore: _ignore, ...rest } = preview.mapping
  // A recognised column the clerk set to "not imported" stays so on the next preview.
  const before = new Set(preview.mapping.ignore ?? [])
  const ignore = columns.flatMap((f, i) => {
    const ref = columnRef(preview.headers, i)
    return f === null && (preview.columnFields[i] != null || before.has(ref)) ? [ref] : []
  })
  return {
    ...rest,
    fields: fieldsFromColumns(preview.headers, columns),
    ...(ignore.length ? { ignore } : {})
  }
}

/** The delimiter as a clerk reads it. */
export function delimiterLabel(delimiter: string, tab: string): string {
  return delimiter === '\t' ? tab : delimiter
}

const ORDER: readonly string[] = [
  ...MAPPABLE_FIELDS,
  ...PERSON_FIELDS.filter((f) => !(MAPPABLE_FIELDS as readonly string[]).includes(f))
]

/** The stored person fields the preview rows carry, in the usual order (internal keys left out). */
export function recordFields(preview: ImportPreview): string[] {
  const present = new Set<string>()
  for (const row of preview.rows) {
    for (const [key, value] of Object.entries(row.record ?? {})) {
      if (value !== null && value !== '') present.add(key)
    }
  }
  return ORDER.filter((f) => present.has(f))
}
