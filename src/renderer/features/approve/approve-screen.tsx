// Duyệt: proposals with both records side by side; a supervisor approves or rejects one by one or
// by class (with the count confirmed); clerks follow their proposals and carry review packages.
import { useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiName, ApprovalFilter, ApprovalItem } from '../../../shared/api'
import {
  CORRECTABLE_FIELDS,
  CORRECTION_STATES,
  type ApprovalDecision,
  type CorrectionState
} from '../../../shared/review'
import { ErrorAlert } from '../../components/error-alert'
import { FilePicker } from '../../components/file-picker'
import { downloadBase64 } from '../../lib/download'
import { useApiMutation, useApiQuery } from '../../lib/use-api'
import { useUser } from '../auth/user-context'
import './approve.css'

/** What a decision or a package changes: the proposals and their states, the packages list. */
const DECIDED: ApiName[] = ['approvals/list', 'packages/list']

/** Fields shown beside the corrected ones, so the supervisor sees who the person is. */
const CONTEXT_FIELDS = ['full_name', 'dob', 'sex', 'id_number'] as const

const utf8Base64 = (text: string): string => {
  const bytes = new TextEncoder().encode(text)
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary)
}

function Card({
  item,
  canDecide,
  onError
}: {
  item: ApprovalItem
  canDecide: boolean
  onError: (e: unknown) => void
}): ReactElement {
  const { t } = useTranslation()
  const { user } = useUser()
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState('')
  const corrected = new Map(item.fields.map((f) => [f.field as string, f]))
  const rows = [...new Set<string>([...item.fields.map((f) => f.field), ...CONTEXT_FIELDS])]
  const own = item.proposedBy === user.username
  const decision = useApiMutation('approvals/decide', { invalidates: DECIDED })
  const decide = (made: ApprovalDecision): void => {
    decision
      .run({ uuid: item.uuid, decision: made, reason: made === 'reject' ? reason : undefined })
      .catch(onError)
  }
  const show = (v: string | number | null | undefined): string =>
    v == null || v === '' ? '—' : String(v)
  return (
    <article
      className="panel approval-card"
      data-testid="approval-card"
      aria-label={item.populationKey}
    >
      <header className="approval-head">
        <strong>{show(item.population?.full_name ?? item.source?.full_name)}</strong>
        <span className="muted">
          {item.populationKey} · {t(`review.reasons.${item.reason}`)} ·{' '}
          {t(`review.sides.${item.side}`)} ·{' '}
          {t('approval.proposedBy', {
            user: item.proposedBy,
            at: item.proposedAt.slice(0, 16).replace('T', ' ')
          })}
        </span>
        <span className={`badge state-${item.state}`}>
          {t(`review.correctionStates.${item.state}`)}
        </span>
      </header>
      <table className="simple-table pair-table">
        <thead>
          <tr>
            <th>{t('approval.field')}</th>
            <th>{t('approval.local')}</th>
            <th>{t('approval.population')}</th>
            <th>{t('approval.proposed')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => {
            const c = corrected.get(f)
            return (
              <tr key={f} className={c ? 'is-corrected' : undefined}>
                <th scope="row">{t(`fields.${f}`)}</th>
                <td>{show(item.source?.[f])}</td>
                <td>{show(item.population?.[f])}</td>
                <td>{c ? <strong>{c.newValue}</strong> : ''}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {item.evidence && (
        <p className="muted">{t('approval.evidence', { evidence: item.evidence })}</p>
      )}
      {item.approval && (
        <p className="approval-signed" data-testid="approval-signed">
          {t(
            item.approval.decision === 'approve'
              ? 'approval.signedApproved'
              : 'approval.signedRejected',
            {
              user: item.approval.decidedBy,
              fingerprint: item.approval.fingerprint.slice(0, 16),
              reason: item.approval.reason ?? ''
            }
          )}
        </p>
      )}
      {canDecide && item.state === 'proposed' && (
        <div className="actions">
          {own ? (
            <span className="muted">{t('approval.ownProposal')}</span>
          ) : rejecting ? (
            <>
              <input
                className="wide"
                aria-label={t('approval.rejectReason')}
                placeholder={t('approval.rejectReason')}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
              <button
                type="button"
                className="button"
                disabled={reason.trim() === ''}
                onClick={() => decide('reject')}
              >
                {t('approval.confirmReject')}
              </button>
            </>
          ) : (
            <>
              <button
                type="button"
                className="button button-primary"
                onClick={() => decide('approve')}
              >
                {t('approval.approve')}
              </button>
              <button type="button" className="button" onClick={() => setRejecting(true)}>
                {t('approval.reject')}
              </button>
            </>
          )}
        </div>
      )}
    </article>
  )
}

export function ApproveScreen(): ReactElement {
  const { t } = useTranslation()
  const { user } = useUser()
  const supervisor = user.role === 'supervisor'
  const [state, setState] = useState<CorrectionState>('proposed')
  const [filter, setFilter] = useState<ApprovalFilter>({})
  const items = useApiQuery('approvals/list', { startRow: 0, endRow: 200, state, filter })
  const packagesQuery = useApiQuery('packages/list', {})
  const packages = packagesQuery.data ?? []
  const [error, setError] = useState<unknown>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [bulk, setBulk] = useState<{
    decision: ApprovalDecision
    count: number
    own: number
  } | null>(null)
  const [bulkReason, setBulkReason] = useState('')
  // The dry run only counts; the real one changes what the lists show.
  const bulkDryRun = useApiMutation('approvals/bulk')
  const bulkApply = useApiMutation('approvals/bulk', { invalidates: DECIDED })
  const proposalsOut = useApiMutation('packages/exportProposals', { invalidates: DECIDED })
  const decisionsOut = useApiMutation('packages/exportDecisions')
  const proposalsIn = useApiMutation('packages/importProposals', { invalidates: DECIDED })
  const decisionsIn = useApiMutation('packages/importDecisions', { invalidates: DECIDED })

  const count = (decision: ApprovalDecision): void => {
    setError(null)
    bulkDryRun
      .run({
        filter,
        decision,
        dryRun: true,
        reason: decision === 'reject' ? bulkReason || '-' : undefined
      })
      .then((r) => setBulk({ decision, count: r.count, own: r.ownExcluded }), setError)
  }
  const runBulk = (): void => {
    if (!bulk) return
    bulkApply
      .run({
        filter,
        decision: bulk.decision,
        dryRun: false,
        expectedCount: bulk.count,
        reason: bulk.decision === 'reject' ? bulkReason : undefined
      })
      .then((r) => {
        setNotice(
          t(bulk.decision === 'approve' ? 'approval.bulkApproved' : 'approval.bulkRejected', {
            count: r.count
          })
        )
        setBulk(null)
      }, setError)
  }
  /** A package file goes to the browser's downloads, and the notice says how many it holds. */
  const saved =
    (message: string) =>
    (f: { fileName: string; content: string; count: number }): void => {
      downloadBase64({
        fileName: f.fileName,
        mime: 'application/json',
        base64: utf8Base64(f.content)
      })
      setNotice(t(message, { count: f.count }))
    }
  const exportProposals = (): void => {
    proposalsOut.run({}).then(saved('approval.exported'), setError)
  }
  const exportDecisions = (packageId: string): void => {
    decisionsOut.run({ packageId }).then(saved('approval.exportedDecisions'), setError)
  }
  const importFile = (path: string): void => {
    setError(null)
    const importing = supervisor ? proposalsIn : decisionsIn
    importing.run({ path }).then((r) => {
      setNotice(
        r.alreadyImported
          ? t('approval.importedAgain')
          : t('approval.imported', { applied: r.applied, skipped: r.skipped })
      )
    }, setError)
  }
  const shownError = error ?? items.error ?? packagesQuery.error

  return (
    <section className="screen approve-screen">
      <h1 className="screen-title">{t('nav.approve')}</h1>
      <div className="panel toolbar approve-toolbar">
        <label>
          {t('approval.state')}{' '}
          <select value={state} onChange={(e) => setState(e.target.value as CorrectionState)}>
            {CORRECTION_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`review.correctionStates.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('approval.field')}{' '}
          <select
            value={filter.field ?? ''}
            onChange={(e) =>
              setFilter({
                ...filter,
                field: (e.target.value || undefined) as ApprovalFilter['field']
              })
            }
          >
            <option value="">{t('approval.any')}</option>
            {CORRECTABLE_FIELDS.map((f) => (
              <option key={f} value={f}>
                {t(`fields.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('approval.batch')}{' '}
          <input
            type="number"
            min={1}
            className="narrow"
            value={filter.batchId ?? ''}
            onChange={(e) =>
              setFilter({ ...filter, batchId: e.target.value ? Number(e.target.value) : undefined })
            }
          />
        </label>
        {supervisor && state === 'proposed' && (
          <>
            <button
              type="button"
              className="button button-primary"
              onClick={() => count('approve')}
            >
              {t('approval.bulkApprove')}
            </button>
            <input
              aria-label={t('approval.rejectReason')}
              placeholder={t('approval.rejectReason')}
              value={bulkReason}
              onChange={(e) => setBulkReason(e.target.value)}
            />
            <button
              type="button"
              className="button"
              disabled={bulkReason.trim() === ''}
              onClick={() => count('reject')}
            >
              {t('approval.bulkReject')}
            </button>
          </>
        )}
        <span className="spacer" />
        {!supervisor && (
          <button type="button" className="button" onClick={exportProposals}>
            {t('approval.exportPackage')}
          </button>
        )}
        <FilePicker
          label={supervisor ? t('approval.importPackage') : t('approval.importDecisions')}
          accept=".json"
          onPicked={(f) => importFile(f.path)}
          onError={setError}
        />
      </div>
      {bulk && (
        <div
          className="panel alert alert-info"
          role="alertdialog"
          aria-label={t('approval.confirmTitle')}
        >
          <p>
            {t(
              bulk.decision === 'approve'
                ? 'approval.confirmBulkApprove'
                : 'approval.confirmBulkReject',
              {
                count: bulk.count
              }
            )}
            {bulk.own > 0 ? ` ${t('approval.ownExcluded', { count: bulk.own })}` : ''}
          </p>
          <div className="actions">
            <button
              type="button"
              className="button button-primary"
              disabled={bulk.count === 0}
              onClick={runBulk}
            >
              {t('approval.confirmYes', { count: bulk.count })}
            </button>
            <button type="button" className="button" onClick={() => setBulk(null)}>
              {t('approval.cancel')}
            </button>
          </div>
        </div>
      )}
      {notice && (
        <p className="alert alert-info" role="status">
          {notice}
        </p>
      )}
      <ErrorAlert error={shownError} />
      {supervisor && packages.some((p) => p.kind === 'proposals' && p.direction === 'import') && (
        <section className="panel" aria-labelledby="pkg-title">
          <h2 id="pkg-title" className="panel-title">
            {t('approval.packagesTitle')}
          </h2>
          <ul className="plain-list">
            {packages
              .filter((p) => p.kind === 'proposals' && p.direction === 'import')
              .map((p) => (
                <li key={p.id}>
                  {t('approval.packageLine', {
                    signer: p.signer,
                    items: p.items,
                    decided: p.decided ?? 0,
                    at: p.at.slice(0, 16).replace('T', ' ')
                  })}{' '}
                  <button type="button" className="button" onClick={() => exportDecisions(p.id)}>
                    {t('approval.exportDecisions')}
                  </button>
                </li>
              ))}
          </ul>
        </section>
      )}
      {items.data && (
        <p className="muted" data-testid="approval-total">
          {t('approval.total', { count: items.data.total })}
        </p>
      )}
      {items.data?.rows.map((item) => (
        <Card key={item.uuid} item={item} canDecide={supervisor} onError={setError} />
      ))}
    </section>
  )
}
