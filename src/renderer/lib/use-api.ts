// The renderer's one data hook: calls as queries (loaded, reloaded, invalidated, late answers
// dropped, loading and error kept) and as actions run on demand that invalidate what they change.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ApiInput, ApiName, ApiOutput } from '../../shared/api'
import { api } from './api'

/** What reloads each call name's mounted queries and grids: invalidation goes through here. */
const reloaders = new Map<ApiName, Set<() => void>>()

/**
 * Reloads every mounted query (and grid) of these calls; with no names, every one: a finished job
 * (an import, a match run, a sync) may have changed anything.
 */
export function invalidate(names?: readonly ApiName[]): void {
  for (const [name, set] of reloaders)
    if (!names || names.includes(name)) for (const reload of [...set]) reload()
}

/** Runs `reload` whenever one of `names` is invalidated, while the component is mounted. */
export function useInvalidation(names: readonly ApiName[], reload: () => void): void {
  const latest = useRef(reload)
  useEffect(() => {
    latest.current = reload
  })
  const key = names.join(' ')
  useEffect(() => {
    const run = (): void => latest.current()
    const list = key.split(' ') as ApiName[]
    for (const name of list) {
      const set = reloaders.get(name) ?? new Set()
      reloaders.set(name, set)
      set.add(run)
    }
    return () => {
      for (const name of list) reloaders.get(name)?.delete(run)
    }
  }, [key])
}

export interface ApiQuery<N extends ApiName> {
  /**
   * The latest answer; an earlier answer stays while a newer request is pending (see `current`).
   * Undefined before the first answer, and whenever the query is off (args null).
   */
  data: ApiOutput<N> | undefined
  /** The arguments `data` answers. */
  dataArgs: ApiInput<N> | undefined
  /** `data` answers the arguments asked now, not earlier ones. */
  current: boolean
  /** The arguments asked now have no answer yet, or a request for them is on its way. */
  loading: boolean
  /** Why the request for the arguments asked now failed; null once one succeeds. */
  error: unknown
  /** Ask again with the same arguments; an answer to an earlier request no longer counts. */
  reload: () => void
  /** Hold this answer instead (what an action already answered), without a call. */
  set: (data: ApiOutput<N>) => void
}

interface Held<N extends ApiName> {
  data: ApiOutput<N> | undefined
  /** The arguments (as JSON) `data` answers, and those `error` answers. */
  key: string | null
  args: ApiInput<N> | undefined
  error: unknown
  errorKey: string | null
  loading: boolean
}

const NOTHING = { data: undefined, key: null, args: undefined, error: null, errorKey: null }

/**
 * One API call as a query: made on mount and whenever `args` change (compared by value), never
 * when `args` is null; `refreshMs` asks again on a timer (a status that changes by itself). Only
 * the answer to the latest request is kept: a late answer to older arguments, or to a request
 * made before a reload, is dropped.
 */
export function useApiQuery<N extends ApiName>(
  name: N,
  args: ApiInput<N> | null,
  { refreshMs }: { refreshMs?: number } = {}
): ApiQuery<N> {
  const key = args === null ? null : JSON.stringify(args)
  const [held, setHeld] = useState<Held<N>>({ ...NOTHING, loading: false })
  const latestArgs = useRef(args)
  useEffect(() => {
    latestArgs.current = args
  })
  // Each request takes a number; only the newest one's answer is kept.
  const seq = useRef({ n: 0 })

  const load = useCallback(() => {
    const asked = latestArgs.current
    if (key === null || asked === null) return
    const counter = seq.current
    const mine = ++counter.n
    setHeld((h) => (h.loading ? h : { ...h, loading: true }))
    api.call(name, asked).then(
      (data) => {
        if (mine === counter.n) setHeld({ ...NOTHING, data, key, args: asked, loading: false })
      },
      (error: unknown) => {
        if (mine === counter.n) setHeld((h) => ({ ...h, error, errorKey: key, loading: false }))
      }
    )
  }, [name, key])

  useEffect(() => {
    load()
    // Unmounted, or asked with other arguments: whatever is on its way no longer counts.
    const counter = seq.current
    return () => {
      counter.n++
    }
  }, [load])

  useEffect(() => {
    if (!refreshMs || key === null) return
    const timer = setInterval(load, refreshMs)
    return () => clearInterval(timer)
  }, [load, refreshMs, key])

  useInvalidation([name], load)

  const set = useCallback(
    (data: ApiOutput<N>) => {
      seq.current.n++
      setHeld({ ...NOTHING, data, key, args: latestArgs.current ?? undefined, loading: false })
    },
    [key]
  )

  const on = key !== null
  const failed = on && held.errorKey === key
  return {
    data: on ? held.data : undefined,
    dataArgs: on ? held.args : undefined,
    current: on && held.key === key,
    // Until the effect asks, new arguments are already waiting for their answer.
    loading: on && (held.loading || (held.key !== key && !failed)),
    error: failed ? held.error : null,
    reload: load,
    set
  }
}

export interface ApiAction<N extends ApiName> {
  /** Makes the call; on success reloads what it invalidates. Rejects with the call's error. */
  run: (args: ApiInput<N>) => Promise<ApiOutput<N>>
  /** The same for a button: the error stays in `error`, `then` gets the answer. */
  mutate: (args: ApiInput<N>, then?: (answer: ApiOutput<N>) => void) => void
  /** A call is on its way. */
  busy: boolean
  /** Why the last call failed; null again when the next one starts. */
  error: unknown
}

/** A call made on demand: a change (a decision, a save), or a read a key or a button asks for. */
export function useApiMutation<N extends ApiName>(
  name: N,
  options: { invalidates?: readonly ApiName[] } = {}
): ApiAction<N> {
  const [pending, setPending] = useState(0)
  const [error, setError] = useState<unknown>(null)
  const invalidates = options.invalidates?.join(' ') ?? ''
  const run = useCallback(
    async (args: ApiInput<N>): Promise<ApiOutput<N>> => {
      setPending((n) => n + 1)
      setError(null)
      try {
        const out = await api.call(name, args)
        if (invalidates !== '') invalidate(invalidates.split(' ') as ApiName[])
        return out
      } catch (e) {
        setError(e)
        throw e
      } finally {
        setPending((n) => n - 1)
      }
    },
    [name, invalidates]
  )
  const mutate = useCallback(
    (args: ApiInput<N>, then?: (answer: ApiOutput<N>) => void) =>
      void run(args).then(then, () => undefined),
    [run]
  )
  return { run, mutate, busy: pending > 0, error }
}
