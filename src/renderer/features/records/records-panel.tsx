// Population and local-register records in one server-paged grid, with a table switch and a search box.
import type { IGetRowsParams } from 'ag-grid-community'
import { AgGridReact } from 'ag-grid-react'
import { useMemo, useRef, useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/error-alert'
import { GridExportButton } from '../../components/grid-export-button'
import type { ApiInput, RecordRow } from '../../../shared/api'
import { SORTABLE_FIELDS, type SortableField } from '../../../shared/fields'
import { formatNumber, useLanguage } from '../../i18n'
import { useDebounced } from '../../lib/use-debounced'
import { usePagedSource } from '../../lib/use-paged-source'
import { gridLocaleText } from './grid-locale'
import { gridTheme } from './grid-theme'
import { recordColumns, type RecordTable } from './record-columns'

const PAGE = 100
const TABLES: RecordTable[] = ['population', 'source']

function isSortable(colId: string): colId is SortableField {
  return (SORTABLE_FIELDS as readonly string[]).includes(colId)
}

/** The records/list arguments for one block the grid asks for. */
export function listArgs(
  table: RecordTable,
  search: string,
  params: IGetRowsParams
): ApiInput<'records/list'> {
  const args: ApiInput<'records/list'> = {
    table,
    startRow: params.startRow,
    endRow: params.endRow
  }
  const first = params.sortModel[0]
  if (first && isSortable(first.colId)) args.sort = { field: first.colId, dir: first.sort }
  if (search !== '') args.search = search
  return args
}

export function RecordsPanel(): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  const [table, setTable] = useState<RecordTable>('population')
  const [query, setQuery] = useState('')
  const search = useDebounced(query.trim(), 250)
  const [total, setTotal] = useState<number | null>(null)
  const [error, setError] = useState<unknown>(null)
  // The sort of the last block asked for: what an export of this view must follow.
  const sortRef = useRef<ApiInput<'records/list'>['sort']>(undefined)
  const { datasource, onGridReady } = usePagedSource('records/list', {
    key: JSON.stringify([table, search]),
    args: (params) => {
      const args = listArgs(table, search, params)
      sortRef.current = args.sort
      return args
    },
    onPage: ({ total: count }) => {
      setTotal(count)
      setError(null)
    },
    onError: setError
  })

  const columnDefs = useMemo(() => recordColumns(table, t), [table, t])
  const localeText = useMemo(() => gridLocaleText(t), [t])

  return (
    <section className="panel records-panel" aria-labelledby="records-title">
      <div className="panel-header">
        <h2 id="records-title" className="panel-title">
          {t('records.title')}
        </h2>
        <div className="toolbar">
          <div className="segmented" role="group" aria-label={t('records.table')}>
            {TABLES.map((name) => (
              <button
                key={name}
                type="button"
                aria-pressed={table === name}
                onClick={() => setTable(name)}
              >
                {t(`records.${name}`)}
              </button>
            ))}
          </div>
          <input
            className="search"
            type="search"
            value={query}
            placeholder={t('records.search')}
            aria-label={t('records.searchLabel')}
            maxLength={200}
            onChange={(e) => setQuery(e.target.value)}
          />
          <span className="total" data-testid="records-total" aria-live="polite">
            {total === null ? '' : t('records.total', { count: formatNumber(total, lng) })}
          </span>
          <GridExportButton
            testId="records-export"
            view={() => ({
              grid: 'records',
              table,
              ...(search !== '' ? { search } : {}),
              ...(sortRef.current ? { sort: sortRef.current } : {})
            })}
          />
        </div>
      </div>
      <ErrorAlert error={error} />
      <div className="grid-box">
        <AgGridReact<RecordRow>
          // Remount on a language switch: AG Grid reads its locale texts once.
          key={lng}
          theme={gridTheme}
          rowModelType="infinite"
          datasource={datasource}
          onGridReady={onGridReady}
          cacheBlockSize={PAGE}
          maxBlocksInCache={20}
          pagination
          paginationPageSize={PAGE}
          paginationPageSizeSelector={false}
          columnDefs={columnDefs}
          defaultColDef={{ sortable: false, resizable: true }}
          localeText={localeText}
          getRowId={({ data }) => String(data.id)}
        />
      </div>
    </section>
  )
}
