// Duyệt: proposals with both records side by side; a supervisor approves or rejects one by one
// (each through a confirmation of what is signed, then a success message and the next proposal) or
// by class (with the count confirmed); clerks follow their proposals and carry review packages.
import { useEffect, useRef, useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiName, ApprovalFilter } from '../../../shared/api'
import {
  CORRECTABLE_FIELDS,
  CORRECTION_STATES,
  type ApprovalDecision,
  type CorrectionState
} from '../../../shared/review'
import { ErrorAlert } from '../../components/error-alert'
import { FilePicker } from '../../components/file-picker'
import { downloadBase64 } from '../../lib/download'
import { formatDateTime } from '../../lib/format'
import { useApiMutation, useApiQuery } from '../../lib/use-api'
import { useUser } from '../auth/user-context'
import { ApprovalCard, personName, type Decided } from './approval-card'
import './approve.css'

/** What a decision or a package changes: the proposals and their states, the packages list. */
const DECIDED: ApiName[] = ['approvals/list', 'packages/list']

const utf8Base64 = (text: string): string => {
  const bytes = new TextEncoder().encode(text)
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary)
}

export function ApproveScreen(): ReactElement {
  const { t } = useTranslation()
  const { user } = useUser()
  const supervisor = user.role === 'supervisor'
  const [state, setState] = useState<CorrectionState>('proposed')
  const [filter, setFilter] = useState<ApprovalFilter>({})
  const items = useApiQuery('approvals/list', { startRow: 0, endRow: 200, state, filter })
  const rows = items.data?.rows ?? []
  const batches = useApiQuery('batches/list', {})
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

  // After a decision the list reloads without it: the next proposal takes its place and focus.
  const cards = useRef<(HTMLElement | null)[]>([])
  const next = useRef<{ index: number; decided: string } | null>(null)
  useEffect(() => {
    const want = next.current
    if (!want || !items.data || items.data.rows.some((r) => r.uuid === want.decided)) return
    const card = cards.current[Math.min(want.index, items.data.rows.length - 1)]
    card?.focus()
    card?.scrollIntoView?.({ block: 'nearest' })
    next.current = null
  }, [items.data])
  const decided = ({ item, decision }: Decided): void => {
    setError(null)
    setNotice(
      t(decision === 'approve' ? 'approval.approved' : 'approval.rejected', {
        key: item.populationKey,
        name: personName(item)
      })
    )
    next.current = { index: rows.findIndex((r) => r.uuid === item.uuid), decided: item.uuid }
  }

  const count = (decision: ApprovalDecision): void => {
    setError(null)
    setNotice(null)
    bulkDryRun
      .run({
        filter,
        decision,
        dryRun: true,
        reason: decision === 'reject' ? bulkReason || '-' : undefined
      })
      .then((r) => {
        // Nothing to decide is said, not asked for a confirmation of nothing.
        if (r.count > 0) setBulk({ decision, count: r.count, own: r.ownExcluded })
        else
          setNotice(
            r.ownExcluded > 0
              ? t('approval.onlyOwn', { count: r.ownExcluded })
              : t('approval.nothingToApprove')
          )
      }, setError)
  }
  const nothingToDecide = items.data?.total === 0
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
          <select
            value={state}
            onChange={(e) => {
              setNotice(null)
              setState(e.target.value as CorrectionState)
            }}
          >
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
          <select
            value={filter.batchId ?? ''}
            onChange={(e) =>
              setFilter({ ...filter, batchId: e.target.value ? Number(e.target.value) : undefined })
            }
          >
            <option value="">{t('approval.batchAll')}</option>
            {(batches.data ?? [])
              .filter((b) => b.kind !== 'population')
              .map((b) => (
                <option key={b.id} value={b.id}>
                  {t('approval.batchOption', { id: b.id, file: b.fileName })}
                </option>
              ))}
          </select>
        </label>
        {supervisor && state === 'proposed' && (
          <>
            <button
              type="button"
              className="button button-primary"
              disabled={nothingToDecide}
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
              disabled={nothingToDecide || bulkReason.trim() === ''}
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
              disabled={bulkApply.busy}
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
        <p className="alert alert-info approve-notice" role="status">
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
                    at: formatDateTime(p.at)
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
      {rows.map((item, i) => (
        <ApprovalCard
          key={item.uuid}
          ref={(el) => {
            cards.current[i] = el
          }}
          item={item}
          canDecide={supervisor}
          onDecided={decided}
          onError={setError}
        />
      ))}
    </section>
  )
}
