// Columns of the record grids: headers from fields.*, coded values shown in words, sorting only where SQL allows.
import type { ColDef } from 'ag-grid-community'
import type { TFunction } from 'i18next'
import { formatDate } from '../../../core/normalize/date'
import type { RecordRow } from '../../../shared/api'
import { SORTABLE_FIELDS } from '../../../shared/fields'

export type RecordTable = 'population' | 'source'

type Column = keyof RecordRow

const COLUMNS: { field: Column; width: number; tables?: RecordTable[] }[] = [
  { field: 'record_key', width: 150 },
  { field: 'full_name', width: 210 },
  { field: 'dob', width: 120 },
  { field: 'sex', width: 100 },
  { field: 'id_number', width: 170 },
  { field: 'legacy_id', width: 140 },
  { field: 'residence', width: 300 },
  { field: 'hometown', width: 220 },
  { field: 'father_name', width: 190 },
  { field: 'mother_name', width: 190 },
  { field: 'vital_status', width: 120 },
  { field: 'version', width: 110, tables: ['population'] }
]

const sortable = new Set<string>(SORTABLE_FIELDS)

function coded(t: TFunction, group: string) {
  return ({ value }: { value: unknown }): string =>
    typeof value === 'string' && value !== ''
      ? t(`values.${group}.${value}`, { defaultValue: value })
      : ''
}

export function recordColumns(table: RecordTable, t: TFunction): ColDef<RecordRow>[] {
  return COLUMNS.filter((c) => !c.tables || c.tables.includes(table)).map(({ field, width }) => {
    const col: ColDef<RecordRow> = {
      field,
      colId: field,
      headerName: t(`fields.${field}`),
      width,
      sortable: sortable.has(field)
    }
    if (field === 'dob') {
      col.valueFormatter = ({ value }: { value: unknown }) =>
        formatDate(typeof value === 'string' ? value : null)
    }
    if (field === 'sex') col.valueFormatter = coded(t, 'sex')
    if (field === 'vital_status') col.valueFormatter = coded(t, 'vital_status')
    if (field === 'id_number' || field === 'legacy_id' || field === 'version') {
      col.cellClass = 'cell-mono'
    }
    return col
  })
}
