// Tổng quan: the counts from app/info, the first-run welcome card, running jobs, the review dashboard, the record grid.
import { useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/error-alert'
import { invalidate, useApiQuery } from '../../lib/use-api'
import { AccountsGuide } from '../auth/accounts-guide'
import { useUser } from '../auth/user-context'
import { BackupCard } from '../backup/backup-card'
import { RecordsPanel } from '../records/records-panel'
import { CountTiles } from './count-tiles'
import { DashboardPanel } from './dashboard-panel'
import { JobsPanel } from './jobs-panel'
import { WelcomeCard } from './welcome-card'

/** A finished job (the sample, an import, a match run, a sync) may have changed any figure. */
const reloadAll = (): void => invalidate()

export function OverviewScreen(): ReactElement {
  const { t } = useTranslation()
  const { data: info, error } = useApiQuery('app/info', {})
  const [skipped, setSkipped] = useState(false)
  const { user } = useUser()

  return (
    <section className="screen">
      <h1 className="screen-title">{t('overview.title')}</h1>
      {!info && error === null && <p className="muted">{t('overview.loading')}</p>}
      <ErrorAlert error={error} />
      {user.role === 'admin' && <AccountsGuide />}
      {info?.empty && !skipped && (
        <WelcomeCard onCreated={reloadAll} onSkip={() => setSkipped(true)} />
      )}
      {info && <CountTiles counts={info.counts} />}
      {info && !info.empty && <BackupCard />}
      {info && !info.empty && <JobsPanel onJobDone={reloadAll} />}
      {info && !info.empty && <DashboardPanel />}
      {info && (!info.empty || skipped) && <RecordsPanel />}
    </section>
  )
}
