// Đồng bộ: whether the national gateway is reachable (probed every few seconds while the screen is
// open, the reason in words when not), "Kiểm tra kết nối" and "Đồng bộ ngay" with its progress,
// the outbox's counts, the accepted corrections, the refused and conflicting ones with what to do
// about each; for an admin, the set-up in steps (src/renderer/features/sync/sync-setup.tsx).
import { useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { SyncStatus, SyncSummary } from '../../../shared/api'
import { OUTBOX_STATES } from '../../../shared/outbox'
import { JobProgress } from '../../components/job-progress'
import { formatNumber, useLanguage } from '../../i18n'
import { describeError } from '../../lib/error-text'
import { formatDateTime } from '../../lib/format'
import { invalidate, useApiQuery } from '../../lib/use-api'
import { useJob, type JobDone } from '../../lib/use-job'
import { useUser } from '../auth/user-context'
import { AcceptedList } from './accepted-list'
import { useConnectionCheck } from './connection-check'
import { FollowUps, problemText, type Outcome } from './follow-up'
import { SyncSetup } from './sync-setup'
import './sync.css'

/** How often the open screen asks; the backend probes the gateway at most every few seconds. */
const REFRESH_MS = 3_000

function StatePanel({
  status,
  actions,
  check
}: {
  status: SyncStatus
  actions: ReactElement
  check: ReactElement | null
}): ReactElement {
  const { t } = useTranslation()
  const state = status.online === true ? 'is-online' : status.online === false ? 'is-offline' : ''
  return (
    <div className="panel sync-state">
      <div className="sync-state-head">
        <p className={`sync-online ${state}`} role="status" data-testid="sync-online">
          <span className="sync-dot" aria-hidden="true" />
          {status.online === true
            ? t('sync.status.online')
            : status.online === false
              ? t('sync.status.offline', { problem: problemText(t, status.problem) })
              : t('sync.status.unknown')}
        </p>
        {actions}
      </div>
      <p className="muted">
        {t('sync.status.gateway', { url: status.url, commune: status.commune })}
      </p>
      <p className="muted">
        {status.lastSyncAt
          ? t('sync.lastSync', { at: formatDateTime(status.lastSyncAt) })
          : t('sync.never')}
        {status.checkedAt
          ? ` · ${t('sync.status.checkedAt', { at: formatDateTime(status.checkedAt) })}`
          : ''}
      </p>
      {status.lastError && status.online !== false && (
        <p>{t('sync.lastError', { error: problemText(t, status.lastError) })}</p>
      )}
      {status.rematch > 0 && <p>{t('sync.rematch', { count: status.rematch })}</p>}
      {check}
    </div>
  )
}

export function SyncScreen(): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  const { user } = useUser()
  const statusQuery = useApiQuery('sync/status', { probe: true }, { refreshMs: REFRESH_MS })
  const status = statusQuery.data ?? null
  const [message, setMessage] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const failed =
    error ?? (statusQuery.error === null ? null : describeError(statusQuery.error, t, lng))

  const job = useJob('sync/run', (done: JobDone) => {
    if (done.state === 'done' && done.result) {
      const s = done.result as SyncSummary
      setMessage(
        s.online
          ? [
              t('sync.done', { ...s }),
              s.waitingForKey > 0 ? t('sync.waitingForKey', { count: s.waitingForKey }) : ''
            ].join(' ')
          : t('sync.offlineDone', { error: problemText(t, s.error) })
      )
    } else if (done.error) setError(describeError(done.error, t, lng))
    // A sync changes corrections, records and the review queue.
    invalidate()
  })
  const runNow = (): void => {
    setMessage(null)
    setError(null)
    job.start({}).catch((e: unknown) => setError(describeError(e, t, lng)))
  }
  const canRun = user.role === 'clerk' || user.role === 'supervisor'
  const followed = (o: Outcome): void => {
    setMessage(o.ok ? o.text : null)
    setError(o.ok ? null : o.text)
  }

  const check = useConnectionCheck(status?.online ?? null, statusQuery.reload)
  const actions = (
    <div className="sync-buttons">
      {check.button}
      {canRun &&
        (job.running ? (
          <JobProgress progress={job.progress} onCancel={() => void job.cancel()} />
        ) : (
          <button type="button" className="button button-primary" onClick={runNow}>
            {t('sync.runNow')}
          </button>
        ))}
    </div>
  )
  return (
    <section className="screen sync-screen">
      <h1 className="screen-title">{t('nav.sync')}</h1>
      <p className="sync-subtitle">{t('sync.title')}</p>
      {status && !status.configured && (
        <p className="alert alert-info">{t('sync.notConfigured')}</p>
      )}
      {status?.configured && <StatePanel status={status} actions={actions} check={check.result} />}
      {/* Setting sync up is the admin's job on this screen (admins do not run it). */}
      {user.role === 'admin' && status && <SyncSetup status={status} onSaved={statusQuery.set} />}
      {message && (
        <p className="alert alert-info" role="status">
          {message}
        </p>
      )}
      {failed && (
        <p role="alert" className="alert alert-error">
          {failed}
        </p>
      )}
      {status && (
        <div className="panel">
          <h2 className="panel-title">{t('sync.counts.title')}</h2>
          <dl className="sync-counts">
            {OUTBOX_STATES.map((s) => (
              <div key={s} className={`sync-count sync-count-${s}`}>
                <dt>{t(`sync.counts.${s}`)}</dt>
                <dd>{formatNumber(status.counts[s], lng)}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
      {status && (
        <FollowUps conflicts={status.conflicts} parked={status.parked} onDone={followed} />
      )}
      {status && <AcceptedList />}
    </section>
  )
}
