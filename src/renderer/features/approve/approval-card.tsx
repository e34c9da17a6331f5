// One proposal on Duyệt: both records side by side with the fields to change, the reason, the
// proposer's explanation and evidence; approving or rejecting goes through a confirmation that
// states exactly what is signed (or refused) and that the signature goes to the national side.
import { forwardRef, useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApprovalItem } from '../../../shared/api'
import type { ApprovalDecision } from '../../../shared/review'
import { formatDateTime, formatValue } from '../../lib/format'
import { useApiMutation } from '../../lib/use-api'
import { useUser } from '../auth/user-context'
import { Dialog } from '../match/dialogs'

/** Fields shown beside the corrected ones, so the supervisor sees who the person is. */
const CONTEXT_FIELDS = ['full_name', 'dob', 'sex', 'id_number'] as const

/** The person the proposal is about, as the supervisor reads it in every sentence. */
export const personName = (item: ApprovalItem): string =>
  String(item.population?.full_name ?? item.source?.full_name ?? item.populationKey)

/** What a decision did, for the screen's status line. */
export interface Decided {
  item: ApprovalItem
  decision: ApprovalDecision
}

/** Why the change is proposed: the side, the reason, the proposer's explanation and evidence. */
function Why({ item }: { item: ApprovalItem }): ReactElement {
  const { t } = useTranslation()
  return (
    <div className="approval-why">
      <p>{t('approval.side', { side: t(`review.sides.${item.side}`) })}</p>
      <p>{t('approval.reasonLine', { reason: t(`review.reasons.${item.reason}`) })}</p>
      {item.reasonText && <p>{t('approval.explanation', { text: item.reasonText })}</p>}
      <p>
        {item.evidence
          ? t('approval.evidence', { evidence: item.evidence })
          : t('approval.noEvidence')}
      </p>
      <p className="muted">
        {t('approval.proposedBy', {
          user: item.proposedByName,
          at: formatDateTime(item.proposedAt)
        })}
      </p>
    </div>
  )
}

/** The proposal in sentences, as the confirmation states it: each change old → new, then why. */
function Summary({ item }: { item: ApprovalItem }): ReactElement {
  const { t } = useTranslation()
  const show = (field: string, v: string | null): string => formatValue(field, v, t) || '—'
  return (
    <div className="approval-summary">
      <ul className="change-list" data-testid="approval-changes">
        {item.fields.map((f) => (
          <li key={f.field}>
            <strong>
              {t('approval.change', {
                field: t(`fields.${f.field}`),
                old: show(f.field, f.oldValue),
                new: show(f.field, f.newValue)
              })}
            </strong>
          </li>
        ))}
      </ul>
      <Why item={item} />
    </div>
  )
}

function ConfirmDialog({
  item,
  decision,
  busy,
  onConfirm,
  onClose
}: {
  item: ApprovalItem
  decision: ApprovalDecision
  busy: boolean
  onConfirm: (reason: string) => void
  onClose: () => void
}): ReactElement {
  const { t } = useTranslation()
  const { user } = useUser()
  const [reason, setReason] = useState('')
  const approving = decision === 'approve'
  const lead = { key: item.populationKey, name: personName(item) }
  return (
    <Dialog
      title={t(approving ? 'approval.confirmApproveTitle' : 'approval.confirmRejectTitle')}
      role="alertdialog"
      onClose={onClose}
      testId="approval-confirm"
    >
      <p>{t(approving ? 'approval.confirmApproveLead' : 'approval.confirmRejectLead', lead)}</p>
      <Summary item={item} />
      {approving ? (
        <p className="alert alert-info">
          {t('approval.signatureNote', { fingerprint: user.fingerprint.slice(0, 16) })}
        </p>
      ) : (
        <>
          <p className="muted">{t('approval.rejectNote')}</p>
          <label className="stacked">
            {t('approval.rejectReasonLabel')}
            <textarea
              rows={3}
              value={reason}
              data-autofocus
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
        </>
      )}
      <div className="actions">
        <button
          type="button"
          className={approving ? 'button button-primary' : 'button button-danger'}
          disabled={busy || (!approving && reason.trim() === '')}
          data-autofocus={approving ? true : undefined}
          onClick={() => onConfirm(reason.trim())}
        >
          {t(approving ? 'approval.approveYes' : 'approval.rejectYes')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('approval.cancel')}
        </button>
      </div>
    </Dialog>
  )
}

export const ApprovalCard = forwardRef<
  HTMLElement,
  {
    item: ApprovalItem
    canDecide: boolean
    onDecided: (d: Decided) => void
    onError: (e: unknown) => void
  }
>(function ApprovalCard({ item, canDecide, onDecided, onError }, ref): ReactElement {
  const { t } = useTranslation()
  const { user } = useUser()
  const [asking, setAsking] = useState<ApprovalDecision | null>(null)
  const corrected = new Map(item.fields.map((f) => [f.field as string, f]))
  const rows = [...new Set<string>([...item.fields.map((f) => f.field), ...CONTEXT_FIELDS])]
  const own = item.proposedBy === user.username
  const decision = useApiMutation('approvals/decide', {
    invalidates: ['approvals/list', 'packages/list']
  })
  const decide = (made: ApprovalDecision, reason: string): void => {
    decision
      .run({ uuid: item.uuid, decision: made, reason: made === 'reject' ? reason : undefined })
      .then(
        () => {
          setAsking(null)
          onDecided({ item, decision: made })
        },
        (e: unknown) => {
          setAsking(null)
          onError(e)
        }
      )
  }
  const show = (field: string, v: string | number | null | undefined): string =>
    formatValue(field, v, t) || '—'
  return (
    <article
      ref={ref}
      tabIndex={-1}
      className="panel approval-card"
      data-testid="approval-card"
      aria-label={`${item.populationKey} ${personName(item)}`}
    >
      <header className="approval-head">
        <strong>{personName(item)}</strong>
        <span className="muted">{item.populationKey}</span>
        <span className={`badge state-${item.state}`}>
          {t(`review.correctionStates.${item.state}`)}
        </span>
      </header>
      <div className="approval-body">
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
                  <td>{show(f, item.source?.[f])}</td>
                  <td>{show(f, item.population?.[f])}</td>
                  <td>{c ? <strong>{show(f, c.newValue)}</strong> : ''}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
        <Why item={item} />
      </div>
      {item.approval && (
        <p className={`approval-signed is-${item.approval.decision}`} data-testid="approval-signed">
          {t(
            item.approval.decision === 'approve'
              ? 'approval.signedApproved'
              : 'approval.signedRejected',
            {
              user: item.approval.decidedByName,
              at: formatDateTime(item.approval.decidedAt),
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
          ) : (
            <>
              <button
                type="button"
                className="button button-primary"
                onClick={() => setAsking('approve')}
              >
                {t('approval.approve')}
              </button>
              <button type="button" className="button" onClick={() => setAsking('reject')}>
                {t('approval.reject')}
              </button>
            </>
          )}
        </div>
      )}
      {asking && (
        <ConfirmDialog
          item={item}
          decision={asking}
          busy={decision.busy}
          onConfirm={(reason) => decide(asking, reason)}
          onClose={() => setAsking(null)}
        />
      )}
    </article>
  )
})
