// Export every row of a grid view (its filters and sort, all pages) as CSV or XLSX: one component for every grid.
import { useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiInput } from '../../shared/api'
import { formatNumber, useLanguage } from '../i18n'
import { useApiMutation } from '../lib/use-api'
import { downloadBase64 } from '../lib/download'
import { describeError } from '../lib/error-text'
import './grid-export-button.css'

type ExportArgs = ApiInput<'grid/export'>
/** What the grid shows: its name and the same filters and sort it pages with. */
export type GridView = ExportArgs extends infer A
  ? A extends ExportArgs
    ? Omit<A, 'format' | 'lang'>
    : never
  : never

const FORMATS = ['csv', 'xlsx'] as const
type Format = (typeof FORMATS)[number]

/**
 * `view` is read when a button is pressed, so it may be a function over the grid's current state
 * (a sort the clerk just clicked) rather than a value captured at render.
 */
export function GridExportButton({
  view,
  testId
}: {
  view: GridView | (() => GridView)
  testId?: string
}): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  const [busy, setBusy] = useState<Format | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const exporting = useApiMutation('grid/export')

  function run(format: Format): void {
    setBusy(format)
    setNotice(null)
    const current = typeof view === 'function' ? view() : view
    exporting
      .run({ ...current, format, lang: lng })
      .then((file) => {
        downloadBase64(file)
        setNotice(
          t('reports.exported', { rows: formatNumber(file.rows, lng), file: file.fileName })
        )
      })
      .catch(() => undefined)
      .finally(() => setBusy(null))
  }

  return (
    <div className="grid-export" data-testid={testId}>
      <div className="actions" role="group" aria-label={t('reports.exportGroup')}>
        {FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className="button"
            disabled={busy !== null}
            title={t('reports.exportGroup')}
            onClick={() => run(format)}
          >
            {busy === format
              ? t('reports.exporting')
              : t(format === 'csv' ? 'reports.exportCsv' : 'reports.exportXlsx')}
          </button>
        ))}
      </div>
      {notice !== null && (
        <span className="muted grid-export-notice" role="status">
          {notice}
        </span>
      )}
      {exporting.error !== null && (
        <span className="alert alert-error" role="alert">
          {describeError(exporting.error, t, lng)}
        </span>
      )}
    </div>
  )
}
