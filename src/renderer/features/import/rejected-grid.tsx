// The rejected rows of one batch in a server-paged grid: row number, reasons in words, the raw line.
import type { ColDef } from 'ag-grid-community'
import { AgGridReact } from 'ag-grid-react'
import { useMemo, useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { RejectedRow } from '../../../shared/api'
import { useLanguage } from '../../i18n'
import { usePagedSource } from '../../lib/use-paged-source'
import { gridLocaleText } from '../records/grid-locale'
import { gridTheme } from '../records/grid-theme'
import { importErrorText, reasonText } from './import-format'

const PAGE = 100

/** Tall enough for its rows (a few rejected lines need no empty box), scrolling beyond a screenful. */
function gridHeight(rows: number): number {
  return Math.min(420, Math.max(150, 52 + rows * 42 + 4))
}

export function RejectedGrid({ batchId, rows }: { batchId: number; rows: number }): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  const [error, setError] = useState<unknown>(null)
  const { datasource, onGridReady } = usePagedSource('import/rejected', {
    key: String(batchId),
    args: ({ startRow, endRow }) => ({ batchId, startRow, endRow }),
    onPage: () => setError(null),
    onError: setError
  })

  const columnDefs = useMemo<ColDef<RejectedRow>[]>(
    () => [
      {
        field: 'rowNumber',
        colId: 'rowNumber',
        headerName: t('import.row'),
        width: 90,
        cellClass: 'cell-mono'
      },
      {
        field: 'reasons',
        colId: 'reasons',
        headerName: t('import.reasons'),
        width: 280,
        valueFormatter: ({ value }: { value: unknown }) =>
          Array.isArray(value) ? value.map((r) => reasonText(String(r), t)).join('; ') : ''
      },
      {
        field: 'rawText',
        colId: 'rawText',
        headerName: t('import.rawText'),
        flex: 1,
        minWidth: 400
      }
    ],
    [t]
  )
  const localeText = useMemo(() => gridLocaleText(t), [t])

  return (
    <>
      {error !== null && (
        <p className="alert alert-error" role="alert">
          {importErrorText(error, t, lng)}
        </p>
      )}
      <div
        className="rejected-grid"
        style={{ height: gridHeight(rows) }}
        data-testid="rejected-grid"
      >
        <AgGridReact<RejectedRow>
          key={lng}
          theme={gridTheme}
          rowModelType="infinite"
          datasource={datasource}
          onGridReady={onGridReady}
          cacheBlockSize={PAGE}
          maxBlocksInCache={20}
          columnDefs={columnDefs}
          defaultColDef={{ sortable: false, resizable: true }}
          localeText={localeText}
          getRowId={({ data }) => String(data.rowNumber)}
        />
      </div>
    </>
  )
}
