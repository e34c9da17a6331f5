// The review queue grid: AG Grid's infinite row model over review/queue, 100 rows a block, so a
// million pairs cost what a hundred do; sorting is done by the backend.
import {
  ColumnApiModule,
  ModuleRegistry,
  RowApiModule,
  RowSelectionModule,
  ScrollApiModule,
  TooltipModule,
  type GridApi
} from 'ag-grid-community'
import { AgGridReact } from 'ag-grid-react'
import { useEffect, useMemo, useRef } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { QueueFilter, QueueRow } from '../../../shared/api'
import { useLanguage } from '../../i18n'
import '../../lib/grid-setup'
import { usePagedSource } from '../../lib/use-paged-source'
import { gridLocaleText } from '../records/grid-locale'
import { gridTheme } from '../records/grid-theme'
import { queueArgs, queueColumns, toSort, visibleColumns, type QueueSort } from './queue-model'

// What this grid needs beyond the shared set: scrolling to, selecting and reading rows by index,
// showing columns as it widens, and the full flag list of a cell cut short.
ModuleRegistry.registerModules([
  ColumnApiModule,
  RowApiModule,
  RowSelectionModule,
  ScrollApiModule,
  TooltipModule
])

/** Show the columns that fit this width; the rest wait until the clerk widens the queue. */
function fitColumns(api: GridApi<QueueRow>, width: number): void {
  if (width <= 0) return
  const shown = new Set(visibleColumns(width))
  const columns = api.getColumns() ?? []
  const ids = columns.map((c) => c.getColId())
  api.setColumnsVisible(
    ids.filter((id) => shown.has(id)),
    true
  )
  api.setColumnsVisible(
    ids.filter((id) => !shown.has(id)),
    false
  )
}

export const QUEUE_BLOCK = 100

export interface QueueGridProps {
  filter: QueueFilter
  onReady: (api: GridApi<QueueRow>) => void
  onLoaded: (total: number, runId: number | null) => void
  onError: (err: unknown) => void
  onSortChange: (sort: QueueSort | undefined) => void
  onOpen: (index: number, row: QueueRow) => void
}

export function QueueGrid(props: QueueGridProps): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  // Callbacks through a ref: a new parent closure must not rebuild the datasource (and refetch).
  const cb = useRef(props)
  useEffect(() => {
    cb.current = props
  })
  const { filter } = props
  // A new filter is a new datasource: the grid drops its cache and starts again at row 0.
  const { datasource, onGridReady } = usePagedSource('review/queue', {
    key: JSON.stringify(filter),
    args: (params) => queueArgs(filter, toSort(params.sortModel), params.startRow, params.endRow),
    onPage: ({ total, runId }) => cb.current.onLoaded(total, runId),
    onError: (err) => cb.current.onError(err)
  })

  // Until the grid knows its width, the columns that always fit.
  const columnDefs = useMemo(
    () =>
      queueColumns(t, lng).map((col) => ({
        ...col,
        hide: !visibleColumns(0).includes(col.colId!)
      })),
    [t, lng]
  )
  const localeText = useMemo(() => gridLocaleText(t), [t])

  return (
    <div className="grid-box queue-grid" aria-label={t('queue.gridLabel')} role="region">
      <AgGridReact<QueueRow>
        // Remount on a language switch: AG Grid reads its locale texts once.
        key={lng}
        theme={gridTheme}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={QUEUE_BLOCK}
        // Compact rows: more of the queue beside the pair on a laptop screen.
        rowHeight={34}
        headerHeight={36}
        maxBlocksInCache={50}
        columnDefs={columnDefs}
        defaultColDef={{ sortable: false, resizable: true }}
        localeText={localeText}
        rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
        getRowId={({ data }) => String(data.sourceRecordId)}
        tooltipShowDelay={400}
        onGridReady={(e) => {
          onGridReady(e)
          cb.current.onReady(e.api)
        }}
        onGridSizeChanged={(e) => fitColumns(e.api, e.clientWidth)}
        onSortChanged={(e) => {
          const model = e.api
            .getColumnState()
            .filter((c) => c.sort)
            .map((c) => ({ colId: c.colId, sort: c.sort! }))
          cb.current.onSortChange(toSort(model))
        }}
        onRowClicked={(e) => {
          if (e.data && e.rowIndex != null) cb.current.onOpen(e.rowIndex, e.data)
        }}
        onCellKeyDown={(e) => {
          const key = (e.event as KeyboardEvent | null | undefined)?.key
          if (key === 'Enter' && e.data && e.rowIndex != null) {
            e.node.setSelected(true)
            cb.current.onOpen(e.rowIndex, e.data)
          }
        }}
      />
    </div>
  )
}
