// The correction proposals made for the pair on screen: what changes, why, by whom, and where each stands.
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { CorrectionRow } from '../../../shared/api'
import { formatDateTime } from '../../lib/format'
import { displayValue } from './pair-panel'

export function PairCorrections({
  rows,
  userNames
}: {
  rows: readonly CorrectionRow[]
  userNames: Record<string, string>
}): ReactElement {
  const { t } = useTranslation()
  return (
    <section className="pair-section" aria-labelledby="pair-corrections-title">
      <h3 id="pair-corrections-title">
        {t('queue.corrections.title')} ({rows.length})
      </h3>
      {rows.length === 0 ? (
        <p className="muted">{t('queue.corrections.empty')}</p>
      ) : (
        <table className="data-table" data-testid="corrections-list">
          <thead>
            <tr>
              <th scope="col">{t('queue.corrections.change')}</th>
              <th scope="col">{t('queue.corrections.reason')}</th>
              <th scope="col">{t('queue.corrections.state')}</th>
              <th scope="col">{t('queue.corrections.by')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.uuid} data-uuid={r.uuid}>
                <td>
                  <ul className="change-list">
                    {r.fields.map((f) => (
                      <li key={f.field} data-field={f.field}>
                        {t(`fields.${f.field}`)}: {displayValue(f.field, f.oldValue, t) || '∅'} →{' '}
                        <strong>{displayValue(f.field, f.newValue, t)}</strong>
                      </li>
                    ))}
                  </ul>
                  <span className="muted small">{t(`review.sides.${r.side}`)}</span>
                </td>
                <td>
                  {t(`review.reasons.${r.reason}`)}
                  {r.reasonText ? `: ${r.reasonText}` : ''}
                  {r.evidence ? <div className="muted small">{r.evidence}</div> : null}
                </td>
                <td>{t(`review.correctionStates.${r.state}`)}</td>
                <td>
                  {userNames[r.proposedBy] ?? r.proposedBy}
                  <div className="muted small">{formatDateTime(r.proposedAt)}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
