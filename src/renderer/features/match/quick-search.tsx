// Quick search to link by hand: population records as the clerk types (debounced; a late answer
// to an older query is dropped), chosen with the arrows and Enter or a click.
import { useEffect, useRef, useState } from 'react'
import type { KeyboardEvent, ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { SearchHit } from '../../../shared/api'
import { formatDate } from '../../../core/normalize/date'
import { ErrorAlert } from '../../components/error-alert'
import { useApiQuery } from '../../lib/use-api'
import { useDebounced } from '../../lib/use-debounced'

export const SEARCH_DEBOUNCE_MS = 150

export interface QuickSearchProps {
  /** Pre-filled text, e.g. the source record's name. */
  initial: string
  onPick: (hit: SearchHit) => void
  onClose: () => void
}

export function QuickSearch({ initial, onPick, onClose }: QuickSearchProps): ReactElement {
  const { t } = useTranslation()
  const [query, setQuery] = useState(initial)
  const q = useDebounced(query.trim(), SEARCH_DEBOUNCE_MS)
  // A late answer to an older query is never shown: the query hook keeps only the latest.
  const search = useApiQuery('search/population', q === '' ? null : { q, limit: 20 })
  const { current, error } = search
  const hits = current ? (search.data ?? []) : []
  const pending = search.loading
  // The highlighted hit, for the list it was chosen in: a new answer starts at its first hit.
  const [chosen, setChosen] = useState<{ among: SearchHit[]; index: number }>({
    among: [],
    index: 0
  })
  const active = chosen.among === hits ? chosen.index : 0
  const setActive = (move: (i: number) => number): void =>
    setChosen({ among: hits, index: move(active) })
  // Enter pressed before the answer to the typed text arrived: link its first hit on arrival.
  const pickOnArrival = useRef(false)
  const pick = useRef(onPick)
  const typed = useRef(query)
  useEffect(() => {
    pick.current = onPick
    typed.current = query.trim()
  })
  const input = useRef<HTMLInputElement>(null)

  useEffect(() => {
    input.current?.focus()
    input.current?.select()
  }, [])

  const arrived = current ? search.data : undefined
  useEffect(() => {
    if (!arrived || !pickOnArrival.current || !arrived[0] || q !== typed.current) return
    pickOnArrival.current = false
    pick.current(arrived[0])
  }, [arrived, q])

  function onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault()
      onClose()
    } else if (e.key === 'ArrowDown') {
      e.preventDefault()
      setActive((i) => Math.min(i + 1, hits.length - 1))
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      setActive((i) => Math.max(i - 1, 0))
    } else if (e.key === 'Enter') {
      e.preventDefault()
      const hit = hits[active]
      if (hit && q === query.trim()) onPick(hit)
      // Typed text not answered yet: link the first hit of its answer.
      else if (query.trim() !== '' && q !== query.trim()) pickOnArrival.current = true
    }
  }

  const optionId = (i: number): string => `quick-search-hit-${i}`
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog quick-search"
        role="dialog"
        aria-modal="true"
        aria-labelledby="quick-search-title"
        onKeyDown={onKeyDown}
      >
        <h2 id="quick-search-title" className="panel-title">
          {t('queue.search.title')}
        </h2>
        <input
          ref={input}
          className="search wide"
          type="search"
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls="quick-search-hits"
          aria-activedescendant={hits.length > 0 ? optionId(active) : undefined}
          aria-label={t('queue.search.label')}
          placeholder={t('review.searchHint')}
          value={query}
          maxLength={200}
          onChange={(e) => {
            pickOnArrival.current = false
            setQuery(e.target.value)
          }}
        />
        <p className="muted small">{t('queue.search.keys')}</p>
        <div aria-live="polite" className="muted small">
          {pending
            ? t('queue.search.searching')
            : q !== '' && hits.length === 0 && !error
              ? t('queue.search.noHits')
              : ''}
        </div>
        <ErrorAlert error={error} />
        <ul
          id="quick-search-hits"
          className="hit-list"
          role="listbox"
          aria-label={t('queue.search.results')}
          data-testid="search-hits"
          data-query={current ? q : undefined}
        >
          {hits.map((h, i) => (
            <li
              key={h.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'hit active' : 'hit'}
              onMouseEnter={() => setActive(() => i)}
              onClick={() => onPick(h)}
            >
              <span className="hit-name">{h.fullName}</span>
              <span>{formatDate(h.dob)}</span>
              <span className="cell-mono">{h.idNumber ?? h.legacyId ?? ''}</span>
              <span className="muted">{h.residence ?? ''}</span>
              <span className="cell-mono muted">{h.recordKey}</span>
            </li>
          ))}
        </ul>
        <div className="actions">
          <button type="button" className="button" onClick={onClose}>
            {t('queue.search.close')}
          </button>
        </div>
      </div>
    </div>
  )
}
