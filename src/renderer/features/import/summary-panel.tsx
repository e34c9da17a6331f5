// Step 4: what the import did (read / accepted / rejected, reasons, warnings), the rejected rows and their export.
import { useId } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportSummary } from '../../../shared/api'
import { formatNumber, useLanguage } from '../../i18n'
import { downloadBase64 } from '../../lib/download'
import { useNavigation } from '../../lib/navigation'
import { useApiMutation } from '../../lib/use-api'
import { importErrorText } from './import-format'
import { StepTitle } from './import-steps'
import { PopulationDiffSummary } from './population-diff'
import { ImportCounts } from './preview-panel'
import { RejectedGrid } from './rejected-grid'

const FORMATS = ['csv', 'xlsx'] as const

export function SummaryPanel({
  summary,
  onAgain
}: {
  summary: ImportSummary
  onAgain: () => void
}): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  const id = useId()
  const navigation = useNavigation()
  const exporting = useApiMutation('import/exportRejected')
  const { error } = exporting
  const exportRows = (format: (typeof FORMATS)[number]): void =>
    exporting.mutate({ batchId: summary.batchId, format }, downloadBase64)

  return (
    <section
      className="panel import-step"
      aria-labelledby={`${id}-title`}
      data-testid="import-summary"
    >
      <StepTitle step="result" id={`${id}-title`}>
        <button type="button" className="button" onClick={onAgain}>
          {t('import.again')}
        </button>
      </StepTitle>
      <p className="alert alert-success" role="status">
        {t('import.done', {
          file: summary.fileName,
          batchId: summary.batchId,
          kind: t(`kinds.${summary.kind}`)
        })}
      </p>
      <ImportCounts
        counts={{
          read: summary.rowsRead,
          accepted: summary.rowsAccepted,
          rejected: summary.rowsRejected
        }}
        rejectedReasons={summary.rejectedReasons}
        warnings={summary.warnings}
        testId="summary-counts"
      />
      {summary.population && <PopulationDiffSummary population={summary.population} />}
      {navigation && summary.kind !== 'population' && summary.rowsAccepted > 0 && (
        <div className="step-head">
          <p className="muted">
            {t('matchRun.fromImport', { rows: formatNumber(summary.rowsAccepted, lng) })}
          </p>
          <button
            type="button"
            className="button button-primary"
            onClick={() => navigation.open('match', { matchBatch: summary.batchId })}
          >
            {t('matchRun.runBatch')}
          </button>
        </div>
      )}
      <div className="step-head">
        <h3 className="subhead">
          {t('import.rejectedRows', { n: formatNumber(summary.rowsRejected, lng) })}
        </h3>
        {summary.rowsRejected > 0 && (
          <div className="actions">
            {FORMATS.map((format) => (
              <button
                key={format}
                type="button"
                className="button"
                disabled={exporting.busy}
                onClick={() => exportRows(format)}
              >
                {t(`import.export.${format}`)}
              </button>
            ))}
          </div>
        )}
      </div>
      {error !== null && (
        <p className="alert alert-error" role="alert">
          {importErrorText(error, t, lng)}
        </p>
      )}
      {summary.rowsRejected > 0 ? (
        <RejectedGrid batchId={summary.batchId} rows={summary.rowsRejected} />
      ) : (
        <p className="muted">{t('import.noRejected')}</p>
      )}
    </section>
  )
}
