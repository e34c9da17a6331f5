// The notice on a pair whose population record changed after the work on it was done: which
// version to which, when and by what, the fields before and after, and what the clerk does next.
import { useId, useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { PopulationChange as Change } from '../../../shared/api'
import { charDiff } from '../../../core/review/char-diff'
import { formatDateTime, formatValue, isCoded } from '../../lib/format'
import { DiffText } from './diff-text'
import { keyLabel } from './shortcuts'

export function PopulationChange({ change }: { change: Change }): ReactElement {
  const { t } = useTranslation()
  const titleId = useId()
  const [showAll, setShowAll] = useState(false)
  // Fields empty on both versions say nothing; unchanged ones are there on request only, so the
  // change itself stays in view above the pair.
  const rows = change.fields
    .map((f) => ({
      ...f,
      before: formatValue(f.field, f.before, t),
      after: formatValue(f.field, f.after, t)
    }))
    .filter((f) => f.before !== '' || f.after !== '')
  const unchanged = rows.filter((f) => !f.changed).length
  const shown = showAll ? rows : rows.filter((f) => f.changed)
  return (
    <section
      className="population-change"
      data-testid="population-change"
      aria-labelledby={titleId}
    >
      <h3 id={titleId}>{t('queue.populationChange.title')}</h3>
      <p data-testid="population-change-summary">
        {t('queue.populationChange.summary', {
          key: change.recordKey,
          from: change.fromVersion,
          to: change.toVersion,
          at: formatDateTime(change.changedAt),
          cause: t(`queue.populationChange.cause.${change.cause}`)
        })}
      </p>
      <table className="pair-table">
        <thead>
          <tr>
            <th scope="col">{t('queue.pair.field')}</th>
            <th scope="col">
              {t('queue.populationChange.before', { version: change.fromVersion })}
            </th>
            <th scope="col">{t('queue.populationChange.after', { version: change.toVersion })}</th>
            <th scope="col">{t('queue.pair.compare')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((f) => {
            const d = f.changed && !isCoded(f.field) ? charDiff(f.before, f.after) : null
            return (
              <tr
                key={f.field}
                data-field={f.field}
                data-changed={f.changed}
                className={f.changed ? 'cmp-different' : 'cmp-same'}
              >
                <th scope="row">{t(`fields.${f.field}`, { defaultValue: f.field })}</th>
                <td data-version="before">{d ? <DiffText segments={d.left} /> : f.before}</td>
                <td data-version="after">{d ? <DiffText segments={d.right} /> : f.after}</td>
                <td className="cmp-word" data-comparison={f.changed ? 'different' : 'same'}>
                  {t(f.changed ? 'queue.populationChange.changed' : 'queue.pair.comparison.same')}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {unchanged > 0 && (
        <button
          type="button"
          className="button"
          aria-expanded={showAll}
          onClick={() => setShowAll((v) => !v)}
        >
          {showAll
            ? t('queue.populationChange.hideUnchanged')
            : t('queue.populationChange.showUnchanged', { count: unchanged })}
        </button>
      )}
      <p className="population-change-hint">
        {t('queue.populationChange.hint', {
          accept: keyLabel('accept'),
          reject: keyLabel('reject'),
          relink: keyLabel('search')
        })}
      </p>
    </section>
  )
}
