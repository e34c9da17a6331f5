// A server-paged AG Grid (infinite row model) over one paged call: blocks fetched on demand, pages
// of an older filter dropped, the grid refreshed when its call is invalidated.
import type { GridApi, IDatasource, IGetRowsParams } from 'ag-grid-community'
import { useCallback, useEffect, useMemo, useRef } from 'react'
import type { ApiInput, ApiName, ApiOutput } from '../../shared/api'
import { api } from './api'
import { useInvalidation } from './use-api'

/** The calls that answer one block of rows with the total. */
type PagedName = {
  [N in ApiName]: ApiOutput<N> extends { rows: unknown[]; total: number } ? N : never
}[ApiName]

export interface PagedSource<N extends PagedName> {
  /** What to ask for one block; a new `key` makes a new datasource: the grid starts at row 0. */
  key: string
  args: (params: IGetRowsParams) => ApiInput<N>
  /** Each block of the current datasource, as it arrives. */
  onPage?: (answer: ApiOutput<N>) => void
  onError?: (err: unknown) => void
}

export function usePagedSource<N extends PagedName>(
  name: N,
  source: PagedSource<N>
): { datasource: IDatasource; onGridReady: (e: { api: GridApi }) => void } {
  // Callbacks through a ref: a new parent closure must not rebuild the datasource (and refetch).
  const latest = useRef(source)
  useEffect(() => {
    latest.current = source
  })
  const live = useRef<IDatasource | null>(null)
  const grid = useRef<GridApi | null>(null)

  const { key, args } = source
  const datasource = useMemo<IDatasource>(() => {
    const ds: IDatasource = {
      getRows(params) {
        // The arguments of the render that made this datasource: the grid may ask before effects run.
        api.call(name, args(params)).then(
          (answer) => {
            // A block asked for under an older filter tells nothing about the current one.
            if (live.current === ds) latest.current.onPage?.(answer)
            params.successCallback(answer.rows, answer.total)
          },
          (err: unknown) => {
            if (live.current === ds) latest.current.onError?.(err)
            params.failCallback()
          }
        )
      }
    }
    return ds
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new key is a new datasource
  }, [name, key])
  useEffect(() => {
    live.current = datasource
  }, [datasource])

  useInvalidation([name], () => grid.current?.refreshInfiniteCache())
  const onGridReady = useCallback((e: { api: GridApi }) => {
    grid.current = e.api
  }, [])
  return { datasource, onGridReady }
}
