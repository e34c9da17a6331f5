// Quick search to link by hand: population records as the clerk types (debounced; a late answer
// to an older query is dropped), chosen with the arrows and Enter or a click.
import { useEffect, useRef, useState } from 'react'
import type { KeyboardEvent, ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { SearchHit } from '../../../shared/api'
import { formatDate } from '../../../core/normalize/date'
import { useLanguage } from '../../i18n'
import { api } from '../../lib/api'
import { describeError } from '../../lib/error-text'
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
  const lng = useLanguage()
  const [query, setQuery] = useState(initial)
  const q = useDebounced(query.trim(), SEARCH_DEBOUNCE_MS)
  // Each answer remembers its query: a late answer to an older query is never shown.
  const [result, setResult] = useState<{ q: string; hits: SearchHit[]; error: unknown }>({
    q: '',
    hits: [],
    error: null
  })
  const [active, setActive] = useState(0)
  const seq = useRef(0)
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

  useEffect(() => {
    const mine = ++seq.current
    if (q === '') return
    api.call('search/population', { q, limit: 20 }).then(
      (found) => {
        if (mine !== seq.current) return // an answer to an older query: drop it
        setResult({ q, hits: found, error: null })
        setActive(0)
        if (pickOnArrival.current && found[0] && q === typed.current) {
          pickOnArrival.current = false
          pick.current(found[0])
        }
      },
      (err: unknown) => {
        if (mine === seq.current) setResult({ q, hits: [], error: err })
      }
    )
  }, [q])

  const current = q !== '' && result.q === q
  const hits = current ? result.hits : []
  const error = current ? result.error : null
  const pending = q !== '' && !current

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
        {error !== null && (
          <div className="alert alert-error" role="alert">
            {describeError(error, t, lng)}
          </div>
        )}
        <ul
          id="quick-search-hits"
          className="hit-list"
          role="listbox"
          aria-label={t('queue.search.results')}
          data-testid="search-hits"
          data-query={current ? result.q : undefined}
        >
          {hits.map((h, i) => (
            <li
              key={h.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'hit active' : 'hit'}
              onMouseEnter={() => setActive(i)}
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
