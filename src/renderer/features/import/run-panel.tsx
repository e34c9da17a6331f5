// Step 3: the import button (blocked while required fields are unmapped), the duplicate question, the job's progress.
import { useId } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportPreview } from '../../../shared/api'
import { JobProgress } from '../../components/job-progress'
import { formatNumber, useLanguage } from '../../i18n'
import type { JobProgress as Progress } from '../../lib/use-job'
import { formatDateTime } from '../../lib/format'
import { fieldName } from './import-format'
import { StepTitle } from './import-steps'

export interface Duplicate {
  batchId: number | string
  createdAt: string
}

export function RunPanel({
  preview,
  duplicate,
  running,
  progress,
  busy,
  onImport,
  onDrop,
  onCancel
}: {
  preview: ImportPreview
  /** The batch this file was already imported as; the clerk must say to import it again. */
  duplicate: Duplicate | null
  running: boolean
  progress: Progress | null
  /** A preview is being read: the button waits for it. */
  busy: boolean
  onImport: (allowDuplicate: boolean) => void
  onDrop: () => void
  onCancel: () => void
}): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  const id = useId()
  const blocked = preview.missing.length > 0
  const accepted = formatNumber(preview.counts.accepted, lng)

  let body: ReactElement
  if (running) {
    body = <JobProgress progress={progress} onCancel={onCancel} unit="bytes" />
  } else if (blocked) {
    body = (
      <>
        <p className="alert alert-error" data-testid="import-blocked">
          {t('import.blocked', {
            fields: preview.missing.map((f) => fieldName(f, t)).join(', ')
          })}
        </p>
        <div className="actions">
          <button type="button" className="button button-primary" disabled>
            {t('import.start', { n: accepted })}
          </button>
        </div>
      </>
    )
  } else if (duplicate) {
    body = (
      <div
        className="confirm"
        role="alertdialog"
        aria-labelledby={`${id}-dup`}
        data-testid="duplicate-prompt"
      >
        <p id={`${id}-dup`} className="confirm-question">
          {t('import.duplicate', {
            batchId: duplicate.batchId,
            date: formatDateTime(duplicate.createdAt)
          })}
        </p>
        <p className="muted">{t('import.duplicateNote')}</p>
        <div className="actions">
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => onImport(true)}
          >
            {t('import.duplicateConfirm')}
          </button>
          <button type="button" className="button" onClick={onDrop}>
            {t('import.duplicateDrop')}
          </button>
        </div>
      </div>
    )
  } else {
    body = (
      <>
        <p className="muted">
          {t('import.ready', {
            accepted,
            rejected: formatNumber(preview.counts.rejected, lng)
          })}
        </p>
        <div className="actions">
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => onImport(false)}
          >
            {t('import.start', { n: accepted })}
          </button>
        </div>
      </>
    )
  }

  return (
    <section className="panel import-step" aria-labelledby={`${id}-title`}>
      <StepTitle step="run" id={`${id}-title`} />
      {body}
    </section>
  )
}
