// The dashboard's backup card: the last good backup and its age, the warnings, a backup now.
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/error-alert'
import { useApiQuery } from '../../lib/use-api'
import { BackupState } from './backup-status'
import './backup.css'

/** Ages move while the screen is open: the status is asked again every minute. */
const REFRESH_MS = 60_000

export function BackupCard(): ReactElement {
  const { t } = useTranslation()
  const status = useApiQuery('backup/status', {}, { refreshMs: REFRESH_MS })
  const s = status.data
  const warn = !!s && (s.unbackedApprovals > 0 || s.lastFailure !== null || s.last === null)
  return (
    <section
      className={warn ? 'panel backup-card is-warn' : 'panel backup-card'}
      aria-labelledby="backup-card-title"
      data-testid="backup-card"
    >
      {s ? (
        <BackupState status={s} title={t('backup.card.title')} titleId="backup-card-title" />
      ) : (
        <h2 id="backup-card-title" className="panel-title">
          {t('backup.card.title')}
        </h2>
      )}
      {!s && status.error === null && <p className="muted">{t('overview.loading')}</p>}
      <ErrorAlert error={status.error} />
    </section>
  )
}
