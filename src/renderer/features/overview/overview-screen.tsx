// Tổng quan: the counts from app/info, the first-run welcome card, running jobs, the review dashboard, the record grid.
import { useEffect, useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppInfo } from '../../../shared/api'
import { useLanguage } from '../../i18n'
import { api } from '../../lib/api'
import { describeError } from '../../lib/error-text'
import { RecordsPanel } from '../records/records-panel'
import { CountTiles } from './count-tiles'
import { DashboardPanel } from './dashboard-panel'
import { JobsPanel } from './jobs-panel'
import { WelcomeCard } from './welcome-card'

type Loaded = { info: AppInfo; error?: undefined } | { info?: undefined; error: unknown }

export function OverviewScreen(): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  const [generation, setGeneration] = useState(0)
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [skipped, setSkipped] = useState(false)

  useEffect(() => {
    let current = true
    api.call('app/info', {}).then(
      (info) => current && setLoaded({ info }),
      (error: unknown) => current && setLoaded({ error })
    )
    return () => {
      current = false
    }
  }, [generation])

  const info = loaded?.info
  return (
    <section className="screen">
      <h1 className="screen-title">{t('overview.title')}</h1>
      {loaded === null && <p className="muted">{t('overview.loading')}</p>}
      {loaded?.error !== undefined && (
        <div className="alert alert-error" role="alert">
          {describeError(loaded.error, t, lng)}
        </div>
      )}
      {info?.empty && !skipped && (
        <WelcomeCard
          onCreated={() => setGeneration((g) => g + 1)}
          onSkip={() => setSkipped(true)}
        />
      )}
      {info && <CountTiles counts={info.counts} />}
      {info && !info.empty && <JobsPanel onJobDone={() => setGeneration((g) => g + 1)} />}
      {info && !info.empty && <DashboardPanel generation={generation} />}
      {info && (!info.empty || skipped) && <RecordsPanel key={generation} />}
    </section>
  )
}
