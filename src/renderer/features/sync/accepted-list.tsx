// The corrections the national side accepted: record, person, each field old → new, who approved
// it and when the gateway accepted it; newest first.
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/error-alert'
import { formatDateTime, formatValue } from '../../lib/format'
import { useApiQuery } from '../../lib/use-api'

/** The most recent ones; the total says how many there are in all. */
const SHOWN = 50

export function AcceptedList(): ReactElement {
  const { t } = useTranslation()
  const query = useApiQuery('sync/accepted', { startRow: 0, endRow: SHOWN })
  const page = query.data
  const value = (field: string, v: string | null): string => formatValue(field, v, t) || '—'
  return (
    <section className="panel" aria-labelledby="sync-accepted">
      <h2 id="sync-accepted" className="panel-title">
        {t('sync.accepted.title')}
        {page && page.total > 0 ? ` (${page.total})` : ''}
      </h2>
      <ErrorAlert error={query.error} />
      {page && page.total === 0 && <p className="muted">{t('sync.accepted.none')}</p>}
      {page && page.total > 0 && (
        <table className="simple-table sync-accepted" data-testid="sync-accepted">
          <thead>
            <tr>
              <th>{t('sync.accepted.record')}</th>
              <th>{t('sync.accepted.person')}</th>
              <th>{t('sync.accepted.changes')}</th>
              <th>{t('sync.accepted.approvedBy')}</th>
              <th>{t('sync.accepted.at')}</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((r) => (
              <tr key={r.uuid}>
                <td className="cell-mono">{r.populationKey}</td>
                <td>{r.fullName ?? '—'}</td>
                <td>
                  {r.fields.map((f) => (
                    <div key={f.field}>
                      {t(`fields.${f.field}`, { defaultValue: f.field })}:{' '}
                      <del>{value(f.field, f.oldValue)}</del> →{' '}
                      <ins>{value(f.field, f.newValue)}</ins>
                    </div>
                  ))}
                </td>
                <td>{r.approvedBy}</td>
                <td>{formatDateTime(r.acceptedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page && page.total > page.rows.length && (
        <p className="muted">
          {t('sync.accepted.more', { shown: page.rows.length, total: page.total })}
        </p>
      )}
    </section>
  )
}
