// @vitest-environment jsdom
// The one data hook: late answers dropped, errors surfaced, invalidation reloads; the paged grid source.
import { act, renderHook, waitFor } from '@testing-library/react'
import type { GridApi, IGetRowsParams } from 'ag-grid-community'
import { describe, expect, it, vi } from 'vitest'
import type { ApiInput, RecordRow, SearchHit } from '../../shared/api'
import { ApiError } from '../../shared/errors'
import { fakeApi, setUpScreenTests } from '../test-support'
import { setApi } from './api'
import { invalidate, useApiMutation, useApiQuery } from './use-api'
import { usePagedSource } from './use-paged-source'

setUpScreenTests()

const hit = (id: number): SearchHit => ({
  id,
  recordKey: `DC${id}`,
  fullName: `Người ${id}`,
  dob: null,
  sex: null,
  idNumber: null,
  legacyId: null,
  residence: null,
  version: 1,
  score: 1
})

/** A search backend whose answers the test releases one by one, in any order. */
function heldSearch() {
  const pending: { q: string; answer: (hits: SearchHit[]) => void; fail: (e: unknown) => void }[] =
    []
  const fake = fakeApi({
    'search/population': (args: ApiInput<'search/population'>) =>
      new Promise<SearchHit[]>((answer, fail) => pending.push({ q: args.q, answer, fail }))
  })
  setApi(fake.api)
  return { fake, pending }
}

/** Lets an answer arrive: the release, then the state it sets. */
const settle = (release: () => void) =>
  act(async () => {
    release()
    await Promise.resolve()
  })

const search = (q: string | null) => (q === null ? null : { q, limit: 20 })

describe('useApiQuery', () => {
  it('keeps the answer to the latest arguments when an older one arrives late', async () => {
    const { pending } = heldSearch()
    const { result, rerender } = renderHook(
      ({ q }: { q: string }) => useApiQuery('search/population', search(q)),
      { initialProps: { q: 'ng' } }
    )
    expect(result.current.loading).toBe(true)
    rerender({ q: 'nguyen' })
    await waitFor(() => expect(pending.map((p) => p.q)).toEqual(['ng', 'nguyen']))
    await settle(() => pending[1]!.answer([hit(2)]))
    expect(result.current).toMatchObject({ data: [hit(2)], current: true, loading: false })
    await settle(() => pending[0]!.answer([hit(9)]))
    expect(result.current.data).toEqual([hit(2)])
    expect(result.current.dataArgs).toEqual({ q: 'nguyen', limit: 20 })
  })

  it('keeps the earlier answer while new arguments load, saying it is not current', async () => {
    const { pending } = heldSearch()
    const { result, rerender } = renderHook(
      ({ q }: { q: string }) => useApiQuery('search/population', search(q)),
      { initialProps: { q: 'an' } }
    )
    await waitFor(() => expect(pending).toHaveLength(1))
    await settle(() => pending[0]!.answer([hit(1)]))
    rerender({ q: 'anh' })
    expect(result.current).toMatchObject({ data: [hit(1)], current: false, loading: true })
  })

  it('drops the answer of a request made before a reload', async () => {
    const { pending } = heldSearch()
    const { result } = renderHook(() => useApiQuery('search/population', search('tam')))
    await waitFor(() => expect(pending).toHaveLength(1))
    act(() => result.current.reload())
    await waitFor(() => expect(pending).toHaveLength(2))
    await settle(() => pending[1]!.answer([hit(2)]))
    await settle(() => pending[0]!.answer([hit(1)]))
    expect(result.current.data).toEqual([hit(2)])
  })

  it('surfaces the error of the arguments asked, and clears it when they succeed', async () => {
    const { pending } = heldSearch()
    const { result, rerender } = renderHook(
      ({ q }: { q: string }) => useApiQuery('search/population', search(q)),
      { initialProps: { q: 'x' } }
    )
    await waitFor(() => expect(pending).toHaveLength(1))
    const refused = new ApiError({ code: 'validation', message: 'x', params: { detail: 'q' } })
    await settle(() => pending[0]!.fail(refused))
    expect(result.current).toMatchObject({ error: refused, loading: false, data: undefined })
    // Other arguments: that error was not theirs.
    rerender({ q: 'y' })
    expect(result.current.error).toBeNull()
    rerender({ q: 'x' })
    expect(result.current.error).toBe(refused)
    act(() => result.current.reload())
    await waitFor(() => expect(pending.length).toBeGreaterThanOrEqual(3))
    await settle(() => pending.at(-1)!.answer([hit(3)]))
    expect(result.current).toMatchObject({ error: null, data: [hit(3)], current: true })
  })

  it('asks nothing while its arguments are null, and holds nothing', async () => {
    const { fake } = heldSearch()
    const { result } = renderHook(() => useApiQuery('search/population', search(null)))
    await settle(() => undefined)
    expect(fake.calls).toEqual([])
    expect(result.current).toMatchObject({ data: undefined, loading: false, error: null })
  })

  it('holds an answer set by the screen without a call, and drops a request in flight', async () => {
    const { pending, fake } = heldSearch()
    const { result } = renderHook(() => useApiQuery('search/population', search('le')))
    await waitFor(() => expect(pending).toHaveLength(1))
    act(() => result.current.set([hit(7)]))
    await settle(() => pending[0]!.answer([hit(1)]))
    expect(result.current.data).toEqual([hit(7)])
    expect(fake.calls).toHaveLength(1)
  })
})

describe('invalidation', () => {
  it('an action reloads the queries it invalidates, and only those, after it succeeds', async () => {
    let views = 0
    let batches = 0
    const fake = fakeApi({
      'views/list': () => [{ name: `v${++views}`, view: { filter: {} } }],
      'batches/list': () => (batches++, []),
      'views/save': (args: ApiInput<'views/save'>) =>
        args.name === '' ? Promise.reject(new Error('no name')) : { name: args.name }
    })
    setApi(fake.api)
    const { result } = renderHook(() => ({
      views: useApiQuery('views/list', {}),
      batches: useApiQuery('batches/list', {}),
      save: useApiMutation('views/save', { invalidates: ['views/list'] })
    }))
    await waitFor(() => expect(result.current.views.data?.[0]?.name).toBe('v1'))
    await expect(result.current.save.run({ name: '', view: { filter: {} } })).rejects.toThrow()
    expect(views).toBe(1)
    await act(async () => {
      await result.current.save.run({ name: 'mine', view: { filter: {} } })
    })
    await waitFor(() => expect(result.current.views.data?.[0]?.name).toBe('v2'))
    expect(batches).toBe(1)
    // With no names, everything mounted reloads (a job finished).
    act(() => invalidate())
    await waitFor(() => expect([views, batches]).toEqual([3, 2]))
  })

  it('an unmounted query is not reloaded', async () => {
    let calls = 0
    setApi(fakeApi({ 'views/list': () => (calls++, []) }).api)
    const { unmount } = renderHook(() => useApiQuery('views/list', {}))
    await waitFor(() => expect(calls).toBe(1))
    unmount()
    act(() => invalidate(['views/list']))
    await settle(() => undefined)
    expect(calls).toBe(1)
  })

  it('a mutation is busy while its call runs', async () => {
    const release: (() => void)[] = []
    setApi(
      fakeApi({
        'views/save': () => new Promise((done) => release.push(() => done({ name: 'v' })))
      }).api
    )
    const { result } = renderHook(() => useApiMutation('views/save'))
    let running: Promise<unknown> = Promise.resolve()
    act(() => {
      running = result.current.run({ name: 'v', view: { filter: {} } })
    })
    expect(result.current.busy).toBe(true)
    await waitFor(() => expect(release).toHaveLength(1))
    await act(async () => {
      release[0]!()
      await running
    })
    expect(result.current.busy).toBe(false)
  })
})

describe('usePagedSource', () => {
  function params(): IGetRowsParams & { rows: RecordRow[][] } {
    const rows: RecordRow[][] = []
    return {
      startRow: 0,
      endRow: 100,
      sortModel: [],
      filterModel: {},
      context: undefined,
      successCallback: (r: RecordRow[]) => rows.push(r),
      failCallback: () => undefined,
      rows
    } as unknown as IGetRowsParams & { rows: RecordRow[][] }
  }

  it('reports pages of the current datasource only, and refreshes the grid when invalidated', async () => {
    const answers: ((total: number) => void)[] = []
    setApi(
      fakeApi({
        'records/list': () =>
          new Promise((done) => answers.push((total) => done({ rows: [], total })))
      }).api
    )
    const totals: number[] = []
    const { result, rerender } = renderHook(
      ({ search }: { search: string }) =>
        usePagedSource('records/list', {
          key: search,
          args: (p) => ({ table: 'population', search, startRow: p.startRow, endRow: p.endRow }),
          onPage: ({ total }) => totals.push(total)
        }),
      { initialProps: { search: 'an' } }
    )
    const first = result.current.datasource
    const old = params()
    first.getRows(old)
    rerender({ search: 'anh' })
    expect(result.current.datasource).not.toBe(first)
    result.current.datasource.getRows(params())
    await waitFor(() => expect(answers).toHaveLength(2))
    await settle(() => answers[1]!(5))
    await settle(() => answers[0]!(500))
    // The grid still gets its rows; the screen hears only of the current filter's total.
    expect(old.rows).toHaveLength(1)
    expect(totals).toEqual([5])

    const refreshInfiniteCache = vi.fn()
    result.current.onGridReady({ api: { refreshInfiniteCache } as unknown as GridApi })
    act(() => invalidate(['records/list']))
    expect(refreshInfiniteCache).toHaveBeenCalledTimes(1)
  })
})
