// Đồng bộ: whether the national gateway is reachable, the outbox's counts, the last sync, the
// refused and conflicting corrections (a conflict shows both versions) with what to do about
// each (propose again, re-sign, withdraw), "Đồng bộ ngay" with its progress; an admin enters the
// gateway address and the workstation's credentials.
import { useState } from 'react'
import type { FormEvent, ReactElement } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { CorrectionRow, OutboxItem, SyncStatus, SyncSummary } from '../../../shared/api'
import { OUTBOX_STATES } from '../../../shared/outbox'
import { JobProgress } from '../../components/job-progress'
import { formatNumber, useLanguage } from '../../i18n'
import { describeError } from '../../lib/error-text'
import { useApiMutation, useApiQuery } from '../../lib/use-api'
import { useJob, type JobDone } from '../../lib/use-job'
import { useUser } from '../auth/user-context'
import './sync.css'

const REFRESH_MS = 10_000
/** What a follow-up (resubmit, re-sign, withdraw) changes on screens that may be mounted. */
const FOLLOWED = ['sync/status', 'corrections/list', 'approvals/list'] as const

/** What happened to one item, for the status line; an error is already in words. */
type Outcome = { ok: true; text: string } | { ok: false; text: string }

/** The three ways on from a refusal or a conflict; the backend checks roles and four eyes again. */
function FollowUp({
  item,
  onDone
}: {
  item: OutboxItem
  onDone: (o: Outcome) => void
}): ReactElement | null {
  const { t } = useTranslation()
  const lng = useLanguage()
  const { user } = useUser()
  const [confirming, setConfirming] = useState(false)
  const resubmit = useApiMutation('corrections/resubmit', { invalidates: FOLLOWED })
  const resign = useApiMutation('corrections/resign', { invalidates: FOLLOWED })
  const withdraw = useApiMutation('corrections/withdraw', { invalidates: FOLLOWED })
  const busy = resubmit.busy || resign.busy || withdraw.busy
  if (user.role !== 'clerk' && user.role !== 'supervisor') return null
  const key = item.populationKey
  const run = (call: () => Promise<CorrectionRow>, done: (r: CorrectionRow) => string): void => {
    call().then(
      (r) => onDone({ ok: true, text: done(r) }),
      (e: unknown) => onDone({ ok: false, text: describeError(e, t, lng) })
    )
  }
  if (confirming)
    return (
      <div className="sync-actions" role="group">
        <span>{t('sync.actions.confirmWithdraw', { key })}</span>
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            run(
              () => withdraw.run({ uuid: item.uuid }),
              () => t('sync.actions.withdrawn', { key })
            )
          }
        >
          {t('sync.actions.withdrawYes')}
        </button>
        <button type="button" onClick={() => setConfirming(false)}>
          {t('sync.actions.cancel')}
        </button>
      </div>
    )
  const canResign =
    item.state === 'parked' && user.role === 'supervisor' && item.proposedBy !== user.username
  return (
    <div className="sync-actions" role="group">
      <button
        type="button"
        disabled={busy}
        title={t('sync.actions.resubmitHint')}
        onClick={() =>
          run(
            () => resubmit.run({ uuid: item.uuid }),
            (r) => t('sync.actions.resubmitted', { key, version: r.populationVersion })
          )
        }
      >
        {t('sync.actions.resubmit')}
      </button>
      {canResign && (
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            run(
              () => resign.run({ uuid: item.uuid }),
              () => t('sync.actions.resigned', { key })
            )
          }
        >
          {t('sync.actions.resign')}
        </button>
      )}
      <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
        {t('sync.actions.withdraw')}
      </button>
    </div>
  )
}

/** A refusal code or a connection problem, in words. */
const refusalText = (t: TFunction, code: string | null): string =>
  t(`sync.refusals.${code ?? 'other'}`, { defaultValue: t('sync.refusals.other') })
const problemText = (t: TFunction, code: string | null): string =>
  t(`sync.problems.${code ?? 'other'}`, { defaultValue: t('sync.problems.other') })

function ConflictCard({
  item,
  onDone
}: {
  item: OutboxItem
  onDone: (o: Outcome) => void
}): ReactElement {
  const { t } = useTranslation()
  return (
    <article className="sync-conflict" aria-label={t('sync.record', { key: item.populationKey })}>
      <h3>{t('sync.record', { key: item.populationKey })}</h3>
      <table className="sync-versions">
        <thead>
          <tr>
            <th>{t('sync.field')}</th>
            <th>{t('sync.ours', { version: item.baseVersion })}</th>
            <th>{t('sync.theirs', { version: item.current?.version ?? '?' })}</th>
          </tr>
        </thead>
        <tbody>
          {item.fields.map((f) => (
            <tr key={f.field}>
              <td>{t(`fields.${f.field}`, { defaultValue: f.field })}</td>
              <td>
                <del>{f.oldValue ?? '—'}</del> → <ins>{f.newValue}</ins>
              </td>
              <td>{item.current?.record?.[f.field] ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="sync-meta">{t('sync.approvedBy', { user: item.approvedBy })}</p>
      <FollowUp item={item} onDone={onDone} />
    </article>
  )
}

function ConfigureForm({ onSaved }: { onSaved: (s: SyncStatus) => void }): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  const [form, setForm] = useState({ url: '', workstationId: '', secret: '', commune: '' })
  const [message, setMessage] = useState<string | null>(null)
  const configure = useApiMutation('sync/configure')
  const submit = (e: FormEvent): void => {
    e.preventDefault()
    configure.run(form).then(
      (s) => {
        setMessage(t('sync.configure.saved'))
        onSaved(s)
      },
      (err: unknown) => setMessage(describeError(err, t, lng))
    )
  }
  const field = (name: keyof typeof form, type = 'text') => (
    <label>
      {t(`sync.configure.${name}`)}
      <input
        type={type}
        value={form[name]}
        required
        onChange={(e) => setForm({ ...form, [name]: e.target.value })}
      />
    </label>
  )
  return (
    <form className="panel sync-configure" onSubmit={submit}>
      <h2 className="panel-title">{t('sync.configure.title')}</h2>
      {field('url', 'url')}
      {field('workstationId')}
      {field('secret', 'password')}
      {field('commune')}
      <button type="submit">{t('sync.configure.save')}</button>
      {message && <p role="status">{message}</p>}
    </form>
  )
}

export function SyncScreen(): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  const { user } = useUser()
  const statusQuery = useApiQuery('sync/status', {}, { refreshMs: REFRESH_MS })
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
          ? t('sync.done', { ...s })
          : t('sync.offlineDone', { error: problemText(t, s.error) })
      )
    } else if (done.error) setError(describeError(done.error, t, lng))
    statusQuery.reload()
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

  const online =
    status?.online === true
      ? t('sync.online')
      : status?.online === false
        ? t('sync.offline')
        : t('sync.unknown')
  return (
    <section className="screen sync-screen">
      <h1 className="screen-title">{t('nav.sync')}</h1>
      <p className="sync-subtitle">{t('sync.title')}</p>
      {status && !status.configured && <p className="sync-note">{t('sync.notConfigured')}</p>}
      {status?.configured && (
        <div className="panel sync-state">
          <p
            className={`sync-online ${status.online === true ? 'is-online' : status.online === false ? 'is-offline' : ''}`}
            role="status"
          >
            {online}
          </p>
          <p>{t('sync.gateway', { url: status.url, commune: status.commune })}</p>
          <p>
            {status.lastSyncAt
              ? t('sync.lastSync', { at: new Date(status.lastSyncAt).toLocaleString(lng) })
              : t('sync.never')}
          </p>
          {status.lastError && (
            <p>{t('sync.lastError', { error: problemText(t, status.lastError) })}</p>
          )}
          {status.rematch > 0 && <p>{t('sync.rematch', { count: status.rematch })}</p>}
        </div>
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
      {canRun && status?.configured && (
        <div className="sync-run">
          {job.running ? (
            <JobProgress progress={job.progress} onCancel={() => void job.cancel()} />
          ) : (
            <button type="button" className="primary" onClick={runNow}>
              {t('sync.runNow')}
            </button>
          )}
        </div>
      )}
      {message && <p role="status">{message}</p>}
      {failed && (
        <p role="alert" className="error">
          {failed}
        </p>
      )}
      {status && (
        <section className="panel" aria-labelledby="sync-conflicts">
          <h2 id="sync-conflicts" className="panel-title">
            {t('sync.conflictTitle')}
          </h2>
          {status.conflicts.length === 0 ? (
            <p>{t('sync.conflictNone')}</p>
          ) : (
            status.conflicts.map((c) => <ConflictCard key={c.uuid} item={c} onDone={followed} />)
          )}
        </section>
      )}
      {status && (
        <section className="panel" aria-labelledby="sync-parked">
          <h2 id="sync-parked" className="panel-title">
            {t('sync.parkedTitle')}
          </h2>
          {status.parked.length === 0 ? (
            <p>{t('sync.parkedNone')}</p>
          ) : (
            <ul className="sync-parked">
              {status.parked.map((p) => (
                <li key={p.uuid}>
                  {t('sync.record', { key: p.populationKey })} —{' '}
                  {t('sync.reason', { reason: refusalText(t, p.lastError) })}
                  <FollowUp item={p} onDone={followed} />
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {user.role === 'admin' && <ConfigureForm onSaved={statusQuery.set} />}
    </section>
  )
}
