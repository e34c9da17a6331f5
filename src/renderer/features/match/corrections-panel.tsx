// The proposals already made (newest first): what a clerk has sent for approval, and its state.
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { formatNumber, useLanguage } from '../../i18n'
import { ErrorAlert } from '../../components/error-alert'
import { formatDateTime } from '../../lib/format'
import { useApiQuery } from '../../lib/use-api'
import { displayValue } from './pair-panel'

const SHOWN = 100

/** Reloaded by any call that invalidates corrections/list (a proposal just made). */
export function CorrectionsPanel(): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  const { data, error } = useApiQuery('corrections/list', { startRow: 0, endRow: SHOWN })
  const rows = data?.rows ?? null
  const total = data?.total ?? 0

  return (
    <section className="panel" aria-labelledby="corrections-title">
      <div className="panel-header">
        <h2 id="corrections-title" className="panel-title">
          {t('queue.corrections.title')}
        </h2>
        <span className="total" data-testid="corrections-total">
          {t('queue.corrections.total', { count: formatNumber(total, lng) })}
        </span>
      </div>
      <ErrorAlert error={error} />
      {rows !== null && rows.length === 0 && (
        <p className="muted">{t('queue.corrections.empty')}</p>
      )}
      {rows !== null && rows.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" data-testid="corrections-list">
            <thead>
              <tr>
                <th scope="col">{t('queue.corrections.when')}</th>
                <th scope="col">{t('queue.corrections.record')}</th>
                <th scope="col">{t('queue.corrections.change')}</th>
                <th scope="col">{t('queue.corrections.side')}</th>
                <th scope="col">{t('queue.corrections.reason')}</th>
                <th scope="col">{t('queue.corrections.evidence')}</th>
                <th scope="col">{t('queue.corrections.state')}</th>
                <th scope="col">{t('queue.corrections.by')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.uuid} data-uuid={r.uuid}>
                  <td>{formatDateTime(r.proposedAt)}</td>
                  <td className="cell-mono">{r.populationKey}</td>
                  <td>
                    <ul className="change-list">
                      {r.fields.map((f) => (
                        <li key={f.field} data-field={f.field}>
                          {t(`fields.${f.field}`)}: {displayValue(f.field, f.oldValue, t) || '∅'} →{' '}
                          <strong>{displayValue(f.field, f.newValue, t)}</strong>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>{t(`review.sides.${r.side}`)}</td>
                  <td>
                    {t(`review.reasons.${r.reason}`)}
                    {r.reasonText ? `: ${r.reasonText}` : ''}
                  </td>
                  <td>{r.evidence ?? ''}</td>
                  <td>{t(`review.correctionStates.${r.state}`)}</td>
                  <td>{r.proposedBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
