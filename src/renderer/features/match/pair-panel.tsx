// The pair view: the action bar (each action has a key; see shortcuts.ts) above a body that scrolls
// on its own: flags, how the population record changed since the work on it (when it did), both
// records field by field with character-level differences, the waterfall, other candidates, this
// pair's correction proposals and its history.
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { PairView } from '../../../shared/api'
import { CORRECTABLE_FIELDS, type CorrectableField } from '../../../shared/review'
import { charDiff, type CharDiff, type FieldComparison } from '../../../core/review/char-diff'
import { differenceMatters } from '../../../core/review/difference'
import { formatDate } from '../../../core/normalize/date'
import { useLanguage } from '../../i18n'
import { formatDateTime } from '../../lib/format'
import { DiffText } from './diff-text'
import { PairCorrections } from './pair-corrections'
import { PopulationChange } from './population-change'
import { formatProbability } from './queue-model'
import { keyLabel, type Command } from './shortcuts'
import { ModelWeights, SameRecordRows } from './model-weights'
import { Waterfall } from './waterfall'

/** The fields a clerk compares: those a correction may change (derived parts and codes left out). */
export const PAIR_FIELDS: readonly CorrectableField[] = CORRECTABLE_FIELDS

/** A stored value as the clerk reads it: dates dd/mm/yyyy, codes in words. */
export function displayValue(
  field: string,
  value: string | number | null | undefined,
  t: TFunction
): string {
  if (value == null || value === '') return ''
  const s = String(value)
  if (field === 'dob' || field === 'death_date') return formatDate(s)
  if (field === 'sex' || field === 'vital_status')
    return t(`values.${field}.${s}`, { defaultValue: s })
  return s
}

/**
 * How a field compares as the clerk is told: a difference the correction rule calls only writing
 * (an abbreviated level word, tone placement, case) is said so and left unmarked, so the eye goes
 * to the differences a correction would fix.
 */
export function shownDiff(
  field: CorrectableField,
  source: string | number | null | undefined,
  population: string | number | null | undefined,
  d: CharDiff
): { comparison: FieldComparison | 'writing'; left: CharDiff['left']; right: CharDiff['right'] } {
  const differs = d.comparison === 'different' || d.comparison === 'diacritics'
  if (!differs || differenceMatters(field, source, population)) return d
  const plain = (segments: CharDiff['left']) => [
    { kind: 'same' as const, text: segments.map((s) => s.text).join('') }
  ]
  return { comparison: 'writing', left: plain(d.left), right: plain(d.right) }
}

/** The action bar: a short label on each button (two rows fit beside the queue), the full one as its title. */
const ACTIONS: { command: Command; label: string; primary?: boolean }[] = [
  { command: 'accept', label: 'review.actions.accept', primary: true },
  { command: 'reject', label: 'review.actions.reject' },
  { command: 'search', label: 'review.actions.relink' },
  { command: 'duplicate', label: 'review.actions.duplicate' },
  { command: 'notInPopulation', label: 'review.actions.not_in_population' },
  { command: 'note', label: 'review.actions.note' },
  { command: 'correct', label: 'queue.correction.title' },
  { command: 'reopen', label: 'review.actions.reopen' },
  { command: 'undo', label: 'queue.undo.button' }
]

export interface PairPanelProps {
  pair: PairView | null
  loading: boolean
  position: { index: number; total: number } | null
  busy: boolean
  onCommand: (command: Command) => void
  onLinkCandidate: (populationRecordId: number) => void
  /** Only these actions are offered (a supervisor reads and proposes; clerks decide). */
  allowed?: (command: Command) => boolean
  /** A decision made here can be taken back (U). */
  canUndo?: boolean
}

export function PairPanel({
  pair,
  loading,
  position,
  busy,
  onCommand,
  allowed = () => true,
  canUndo = false,
  onLinkCandidate
}: PairPanelProps): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  if (!pair)
    return (
      <section className="panel pair-panel pair-empty" aria-labelledby="pair-title">
        <h2 id="pair-title" className="panel-title">
          {t('queue.pair.title')}
        </h2>
        <p className="muted">{t(loading ? 'queue.pair.loading' : 'queue.pair.empty')}</p>
      </section>
    )
  const byField = new Map(pair.fields.map((f) => [f.field, f]))
  const others = pair.candidates.filter(
    (c) => c.populationRecordId !== pair.population?.id || c.pairId !== pair.pairId
  )
  const name = (user: string): string => pair.userNames[user] ?? user
  // Reopen only changes a decision that exists; undo only what this screen did.
  const offered = ACTIONS.filter(
    (a) =>
      allowed(a.command) &&
      (a.command !== 'reopen' || pair.state !== 'open') &&
      (a.command !== 'accept' || pair.population !== null) &&
      (a.command !== 'undo' || canUndo)
  )
  return (
    <section
      className="panel pair-panel"
      aria-labelledby="pair-title"
      aria-busy={loading}
      data-testid="pair-view"
      data-source-id={pair.source.id}
    >
      <div className="pair-head">
        <div className="panel-header">
          <h2 id="pair-title" className="panel-title">
            {t('queue.pair.title')}: {pair.source.record_key ?? pair.source.id}
            {pair.population ? ` ↔ ${pair.population.record_key}` : ''}
          </h2>
          <div className="pair-facts">
            {position && (
              <span>
                {t('queue.pair.position', { index: position.index + 1, total: position.total })}
              </span>
            )}
            <span className={`badge grade-${pair.grade}`}>
              {t('queue.pair.grade', { grade: t(`queue.grades.${pair.grade}`) })}
            </span>
            <span>
              {t('queue.pair.probability', { value: formatProbability(pair.probability, lng) })}
            </span>
            <span className={`badge state-${pair.state}`} data-testid="pair-state">
              {t('queue.pair.state', { state: t(`review.states.${pair.state}`) })}
            </span>
          </div>
        </div>

        <div className="pair-actions" role="toolbar" aria-label={t('queue.pair.actions')}>
          {offered.map((a) => (
            <button
              key={a.command}
              type="button"
              className={a.primary ? 'button button-primary' : 'button'}
              disabled={busy}
              aria-keyshortcuts={keyLabel(a.command) || undefined}
              title={t(a.label)}
              onClick={() => onCommand(a.command)}
            >
              {t(`queue.act.${a.command}`)}{' '}
              {keyLabel(a.command) && <kbd>{keyLabel(a.command)}</kbd>}
            </button>
          ))}
        </div>
      </div>

      <div className="pair-scroll" data-testid="pair-scroll">
        <div className="pair-flags">
          <strong>{t('queue.pair.flags')}:</strong>{' '}
          {pair.flags.length === 0 ? (
            <span className="muted">{t('queue.pair.noFlags')}</span>
          ) : (
            <ul className="flag-list">
              {pair.flags.map((f) => (
                <li key={f} className="flag-chip" data-flag={f}>
                  {t(`matchFlags.${f}`, { defaultValue: f })}
                </li>
              ))}
            </ul>
          )}
        </div>

        {pair.populationChange && <PopulationChange change={pair.populationChange} />}

        <div className="pair-body">
          <table className="pair-table" data-testid="pair-fields">
            <thead>
              <tr>
                <th scope="col">{t('queue.pair.field')}</th>
                <th scope="col">{t('queue.pair.local')}</th>
                <th scope="col">{t('queue.pair.national')}</th>
                <th scope="col">{t('queue.pair.compare')}</th>
              </tr>
            </thead>
            <tbody>
              {PAIR_FIELDS.map((field) => {
                const f = byField.get(field)
                const left = displayValue(field, f?.source, t)
                const right = displayValue(field, f?.population, t)
                if (left === '' && right === '') return null
                const d = shownDiff(field, f?.source, f?.population, charDiff(left, right))
                return (
                  <tr key={field} data-field={field} className={`cmp-${d.comparison}`}>
                    <th scope="row">{t(`fields.${field}`)}</th>
                    <td data-side="local">
                      <DiffText segments={d.left} />
                    </td>
                    <td data-side="national">
                      {pair.population ? <DiffText segments={d.right} /> : ''}
                    </td>
                    <td className="cmp-word" data-comparison={d.comparison}>
                      {pair.population ? t(`queue.pair.comparison.${d.comparison}`) : ''}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
          {!pair.population && <p className="muted">{t('queue.pair.noPopulation')}</p>}
          <div className="pair-explain">
            <h3>{t('queue.waterfall.title')}</h3>
            <Waterfall pair={pair} />
            <ModelWeights pair={pair} />
          </div>
        </div>
        <SameRecordRows pair={pair} />

        <h3>{t('queue.pair.candidates')}</h3>
        {others.length === 0 ? (
          <p className="muted">{t('queue.pair.noCandidates')}</p>
        ) : (
          <table className="data-table" data-testid="pair-candidates">
            <thead>
              <tr>
                <th scope="col">{t('queue.pair.rank')}</th>
                <th scope="col">{t('fields.record_key')}</th>
                <th scope="col">{t('fields.full_name')}</th>
                <th scope="col">{t('fields.dob')}</th>
                <th scope="col">{t('fields.id_number')}</th>
                <th scope="col">{t('queue.columns.probability')}</th>
                <th scope="col">{t('queue.columns.flags')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {others.map((c) => (
                <tr key={c.pairId}>
                  <td>{c.rank}</td>
                  <td className="cell-mono">{c.populationKey}</td>
                  <td>{c.name}</td>
                  <td>{formatDate(c.dob)}</td>
                  <td className="cell-mono">{c.idNumber ?? ''}</td>
                  <td>{formatProbability(c.probability, lng)}</td>
                  <td>
                    {c.flags.map((f) => t(`matchFlags.${f}`, { defaultValue: f })).join('; ')}
                  </td>
                  <td>
                    {allowed('search') && (
                      <button
                        type="button"
                        className="button"
                        disabled={busy}
                        onClick={() => onLinkCandidate(c.populationRecordId)}
                      >
                        {t('queue.pair.linkThis')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}

        <PairCorrections rows={pair.corrections} userNames={pair.userNames} />

        {pair.decisions.length > 0 && (
          <>
            <h3>{t('queue.pair.history')}</h3>
            <ul className="history" data-testid="pair-history">
              {pair.decisions.map((d) => (
                <li key={d.id}>
                  {t(d.undoes === null ? 'queue.pair.decided' : 'queue.pair.undone', {
                    at: formatDateTime(d.at),
                    actor: name(d.actor),
                    action: t(`review.actions.${d.action}`),
                    state: t(`review.states.${d.stateAfter}`)
                  })}
                  {d.bulk ? ` (${t('queue.pair.bulk')})` : ''}
                  {d.note ? ` — ${d.note}` : ''}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  )
}
