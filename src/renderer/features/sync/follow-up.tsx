// The refused and conflicting corrections with what to do about each: propose again on the current
// national record, re-sign (a supervisor other than the proposer, refusals only), or withdraw.
import { useState } from 'react'
import type { ReactElement } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { CorrectionRow, OutboxItem } from '../../../shared/api'
import { useLanguage } from '../../i18n'
import { describeError } from '../../lib/error-text'
import { formatValue } from '../../lib/format'
import { useApiMutation } from '../../lib/use-api'
import { useUser } from '../auth/user-context'

/** What a follow-up (resubmit, re-sign, withdraw) changes on screens that may be mounted. */
const FOLLOWED = ['sync/status', 'corrections/list', 'approvals/list'] as const

/** What happened to one item, for the status line; an error is already in words. */
export type Outcome = { ok: boolean; text: string }

/** A refusal code or a connection problem, in words. */
export const refusalText = (t: TFunction, code: string | null): string =>
  t(`sync.refusals.${code ?? 'other'}`, { defaultValue: t('sync.refusals.other') })
export const problemText = (t: TFunction, code: string | null): string =>
  t(`sync.problems.${code ?? 'other'}`, { defaultValue: t('sync.problems.other') })

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
          className="button button-danger"
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
        <button type="button" className="button" onClick={() => setConfirming(false)}>
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
        className="button button-primary"
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
          className="button"
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
      <button type="button" className="button" disabled={busy} onClick={() => setConfirming(true)}>
        {t('sync.actions.withdraw')}
      </button>
    </div>
  )
}

function ConflictCard({
  item,
  onDone
}: {
  item: OutboxItem
  onDone: (o: Outcome) => void
}): ReactElement {
  const { t } = useTranslation()
  const value = (field: string, v: string | null | undefined): string =>
    formatValue(field, v, t) || '—'
  return (
    <article className="sync-conflict" aria-label={t('sync.record', { key: item.populationKey })}>
      <h3>{t('sync.record', { key: item.populationKey })}</h3>
      <table className="simple-table sync-versions">
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
                <del>{value(f.field, f.oldValue)}</del> → <ins>{value(f.field, f.newValue)}</ins>
              </td>
              <td>{value(f.field, item.current?.record?.[f.field])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('sync.approvedBy', { user: item.approvedByName })}</p>
      <FollowUp item={item} onDone={onDone} />
    </article>
  )
}

/** Both lists: conflicts (both versions side by side) and refusals (the reason in words). */
export function FollowUps({
  conflicts,
  parked,
  onDone
}: {
  conflicts: OutboxItem[]
  parked: OutboxItem[]
  onDone: (o: Outcome) => void
}): ReactElement {
  const { t } = useTranslation()
  return (
    <>
      <section className="panel" aria-labelledby="sync-conflicts">
        <h2 id="sync-conflicts" className="panel-title">
          {t('sync.conflictTitle')}
        </h2>
        {conflicts.length === 0 ? (
          <p className="muted">{t('sync.conflictNone')}</p>
        ) : (
          conflicts.map((c) => <ConflictCard key={c.uuid} item={c} onDone={onDone} />)
        )}
      </section>
      <section className="panel" aria-labelledby="sync-parked">
        <h2 id="sync-parked" className="panel-title">
          {t('sync.parkedTitle')}
        </h2>
        {parked.length === 0 ? (
          <p className="muted">{t('sync.parkedNone')}</p>
        ) : (
          <ul className="sync-parked">
            {parked.map((p) => (
              <li key={p.uuid}>
                <strong>{t('sync.record', { key: p.populationKey })}</strong> —{' '}
                {t('sync.reason', { reason: refusalText(t, p.lastError) })}
                <FollowUp item={p} onDone={onDone} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  )
}
