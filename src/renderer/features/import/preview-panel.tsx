// Step 2: what the importer read (encoding, delimiter, header row), the column mapping, and the first rows as stored.
import { useId, useState } from 'react'
import type { FormEvent, ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportPreview, PreviewRow } from '../../../shared/api'
import { ENCODINGS } from '../../../shared/encodings'
import { MAPPABLE_FIELDS, type MappableField } from '../../../shared/mapping'
import { formatNumber, useLanguage } from '../../i18n'
import { formatDateTime, formatValue } from '../../lib/format'
import { delimiterLabel, recordFields } from './import-mapping'
import {
  fieldName,
  formatPercent,
  formatSize,
  importErrorText,
  reasonText,
  warningText
} from './import-format'
import { StepTitle } from './import-steps'
import { PopulationDiffPreview } from './population-diff'

/** Below this the clerk is asked to check the names in the preview. */
export const LOW_CONFIDENCE = 0.8
/** Raw sample lines under the mapping dropdowns. */
const SAMPLE_ROWS = 3

function isField(value: string): value is MappableField {
  return (MAPPABLE_FIELDS as readonly string[]).includes(value)
}

function CountList({
  title,
  counts,
  label
}: {
  title: string
  counts: Record<string, number>
  label: (code: string) => string
}): ReactElement | null {
  const lng = useLanguage()
  const entries = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
  if (entries.length === 0) return null
  return (
    <div className="count-list">
      <h3 className="subhead">{title}</h3>
      <ul>
        {entries.map(([code, n]) => (
          <li key={code} data-code={code}>
            <span>{label(code)}</span>
            <span className="count-number">{formatNumber(n, lng)}</span>
          </li>
        ))}
      </ul>
    </div>
  )
}

/** Read / accepted / rejected, then rejections and warnings by type: for the preview and the summary. */
export function ImportCounts({
  counts,
  rejectedReasons,
  warnings,
  testId
}: {
  counts: { read: number; accepted: number; rejected: number }
  rejectedReasons: Record<string, number>
  warnings: Record<string, number>
  testId: string
}): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  const none =
    Object.values(rejectedReasons).every((n) => n === 0) &&
    Object.values(warnings).every((n) => n === 0)
  return (
    <div className="import-counts">
      <dl className="count-tiles" data-testid={testId}>
        {(['read', 'accepted', 'rejected'] as const).map((key) => (
          <div key={key} className={`count-tile count-${key}`}>
            <dt>{t(`import.counts.${key}`)}</dt>
            <dd data-testid={`${testId}-${key}`}>{formatNumber(counts[key], lng)}</dd>
          </div>
        ))}
      </dl>
      <div className="count-lists">
        <CountList
          title={t('import.rejectedByType')}
          counts={rejectedReasons}
          label={(c) => reasonText(c, t)}
        />
        <CountList
          title={t('import.warningsByType')}
          counts={warnings}
          label={(c) => warningText(c, t)}
        />
        {none && <p className="muted count-none">{t('import.noProblems')}</p>}
      </div>
    </div>
  )
}

function RowNotes({ row }: { row: PreviewRow }): ReactElement {
  const { t } = useTranslation()
  return (
    <>
      {row.rejected && row.rejected.length > 0 && (
        <span className="note-rejected">
          {t('import.rowRejected', {
            reasons: row.rejected.map((r) => reasonText(r, t)).join('; ')
          })}
        </span>
      )}
      {row.warnings.length > 0 && (
        <span className="note-warning">
          {t('import.rowWarnings', {
            warnings: row.warnings.map((w) => warningText(w, t)).join('; ')
          })}
        </span>
      )}
    </>
  )
}

function SaveProfile({
  onSave,
  disabled
}: {
  onSave: (name: string) => Promise<void>
  disabled: boolean
}): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)

  function submit(event: FormEvent): void {
    event.preventDefault()
    const trimmed = name.trim()
    if (trimmed === '') return
    setBusy(true)
    setSaved(null)
    setError(null)
    onSave(trimmed)
      .then(
        () => setSaved(trimmed),
        (err: unknown) => setError(err)
      )
      .finally(() => setBusy(false))
  }

  return (
    <form className="save-profile" onSubmit={submit}>
      <label className="field field-inline">
        <span className="field-label">{t('import.profileName')}</span>
        <input
          type="text"
          className="text-input"
          value={name}
          maxLength={100}
          placeholder={t('import.profilePlaceholder')}
          onChange={(e) => setName(e.target.value)}
          disabled={disabled || busy}
        />
      </label>
      <button type="submit" className="button" disabled={disabled || busy || name.trim() === ''}>
        {t('import.profileSave')}
      </button>
      {saved !== null && (
        <span className="muted" role="status">
          {t('import.profileSaved', { name: saved })}
        </span>
      )}
      {error !== null && (
        <span className="alert alert-error" role="alert">
          {importErrorText(error, t, lng)}
        </span>
      )}
    </form>
  )
}

export function PreviewPanel({
  preview,
  encoding,
  loading,
  disabled,
  onEncoding,
  onSheet,
  onColumn,
  onSaveProfile,
  notice = null
}: {
  preview: ImportPreview
  /** The clerk's encoding choice: 'auto' or a name from ENCODINGS. */
  encoding: string
  loading: boolean
  disabled: boolean
  onEncoding: (encoding: string) => void
  onSheet: (sheet: string) => void
  onColumn: (index: number, field: MappableField | null) => void
  onSaveProfile: (name: string) => Promise<void>
  /** A note about the mapping the clerk just changed. */
  notice?: string | null
}): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  const id = useId()
  const info = preview.encoding
  const low = info !== null && info.confidence < LOW_CONFIDENCE
  const fields = recordFields(preview)
  const samples = preview.rows.slice(0, SAMPLE_ROWS)
  const locked = disabled || loading

  return (
    <section
      className="panel import-step"
      aria-labelledby={`${id}-title`}
      aria-busy={loading}
      data-testid="import-preview"
    >
      <StepTitle step="preview" id={`${id}-title`}>
        {loading && (
          <span className="muted" role="status">
            {t('import.previewing')}
          </span>
        )}
      </StepTitle>
      <p className="muted">{t('import.previewNote')}</p>
      {preview.duplicateOf !== null && (
        <p className="alert alert-warning" role="status" data-testid="duplicate-note">
          {t('errors.duplicate_file', {
            batchId: preview.duplicateOf.batchId,
            date: formatDateTime(preview.duplicateOf.createdAt)
          })}
        </p>
      )}

      <dl className="facts">
        <div>
          <dt>{t('import.facts.file')}</dt>
          <dd>
            <span className="file-name">{preview.fileName}</span>
            <span className="muted">
              ({t(`import.formats.${preview.format}`)}, {formatSize(preview.size, lng)})
            </span>
          </dd>
        </div>
        {info !== null && (
          <div>
            <dt>
              <label htmlFor={`${id}-encoding`}>{t('import.facts.encoding')}</label>
            </dt>
            <dd>
              <select
                id={`${id}-encoding`}
                value={encoding}
                disabled={locked}
                onChange={(e) => onEncoding(e.target.value)}
              >
                <option value="auto">{t('encodings.auto')}</option>
                {ENCODINGS.map((e) => (
                  <option key={e} value={e}>
                    {t(`encodings.${e}`)}
                  </option>
                ))}
              </select>
              <span
                data-testid="encoding-detected"
                className={low ? 'detected confidence-low' : 'detected'}
              >
                {t('import.detected', {
                  name: t(`encodings.${info.detected}`, { defaultValue: info.detected }),
                  percent: formatPercent(info.confidence, lng)
                })}
              </span>
            </dd>
          </div>
        )}
        {preview.sheets !== null && preview.sheets.length > 0 && (
          <div>
            <dt>
              <label htmlFor={`${id}-sheet`}>{t('import.facts.sheet')}</label>
            </dt>
            <dd>
              <select
                id={`${id}-sheet`}
                value={preview.sheet ?? preview.sheets[0]}
                disabled={locked}
                onChange={(e) => onSheet(e.target.value)}
              >
                {preview.sheets.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </dd>
          </div>
        )}
        {preview.delimiter !== null && (
          <div>
            <dt>{t('import.facts.delimiter')}</dt>
            <dd>
              <code className="delimiter" data-testid="delimiter">
                {delimiterLabel(preview.delimiter, t('import.tab'))}
              </code>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('import.facts.headerRow')}</dt>
          <dd data-testid="header-row">{formatNumber(preview.headerRow, lng)}</dd>
        </div>
      </dl>
      {low && (
        <p className="alert alert-warning" role="alert">
          {t('import.lowConfidence')}
        </p>
      )}

      <ImportCounts
        counts={preview.counts}
        rejectedReasons={preview.rejectedReasons}
        warnings={preview.warnings}
        testId="preview-counts"
      />
      {preview.population && <PopulationDiffPreview diff={preview.population} />}

      <h3 className="subhead">{t('import.mappingTitle')}</h3>
      <p className="muted">{t('import.mappingHint', { n: preview.headers.length })}</p>
      <div className="table-scroll">
        <table className="data-table mapping-table">
          <thead>
            <tr>
              {preview.headers.map((header, i) => (
                <th key={i} scope="col">
                  {header.trim() === '' ? t('import.column', { n: i + 1 }) : header}
                </th>
              ))}
            </tr>
            <tr className="mapping-row">
              {preview.headers.map((header, i) => {
                const field = preview.columnFields[i] ?? null
                return (
                  <td key={i}>
                    <select
                      aria-label={t('import.columnField', {
                        column: header.trim() === '' ? t('import.column', { n: i + 1 }) : header
                      })}
                      className={field === null ? 'unmapped' : undefined}
                      value={field ?? ''}
                      disabled={locked}
                      onChange={(e) => onColumn(i, isField(e.target.value) ? e.target.value : null)}
                    >
                      <option value="">{t('import.notImported')}</option>
                      {MAPPABLE_FIELDS.map((f) => (
                        <option key={f} value={f}>
                          {fieldName(f, t)}
                        </option>
                      ))}
                    </select>
                  </td>
                )
              })}
            </tr>
          </thead>
          <tbody>
            {samples.map((row) => (
              <tr key={row.rowNumber}>
                {preview.headers.map((_, i) => (
                  <td key={i} className={preview.columnFields[i] ? undefined : 'muted'}>
                    {row.values[i] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {notice !== null && (
        <p className="alert alert-warning" role="status" data-testid="mapping-notice">
          {notice}
        </p>
      )}
      {preview.missing.length > 0 && (
        <p className="alert alert-error" role="alert" data-testid="missing-fields">
          {t('import.missing', { fields: preview.missing.map((f) => fieldName(f, t)).join(', ') })}
        </p>
      )}
      <SaveProfile onSave={onSaveProfile} disabled={locked} />

      <h3 className="subhead">{t('import.rowsTitle')}</h3>
      {preview.rows.length === 0 ? (
        <p className="muted" data-testid="no-rows">
          {t('import.noRows')}
        </p>
      ) : (
        <>
          <p className="muted">{t('import.rowsHint', { n: preview.rows.length })}</p>
          <div className="table-scroll rows-scroll">
            <table className="data-table rows-table" data-testid="preview-rows">
              <thead>
                <tr>
                  <th scope="col">{t('import.row')}</th>
                  <th scope="col">{t('import.notes')}</th>
                  {fields.map((f) => (
                    <th key={f} scope="col" data-field={f}>
                      {fieldName(f, t)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((row) =>
                  row.record === null ? (
                    <tr key={row.rowNumber} className="row-rejected">
                      <td className="cell-mono">{row.rowNumber}</td>
                      <td>
                        <RowNotes row={row} />
                      </td>
                      <td colSpan={Math.max(1, fields.length)} className="raw-values">
                        {row.values.join(' | ')}
                      </td>
                    </tr>
                  ) : (
                    <tr
                      key={row.rowNumber}
                      className={row.warnings.length > 0 ? 'row-warning' : ''}
                    >
                      <td className="cell-mono">{row.rowNumber}</td>
                      <td>
                        <RowNotes row={row} />
                      </td>
                      {fields.map((f) => (
                        <td key={f} data-field={f}>
                          {formatValue(f, row.record?.[f], t)}
                        </td>
                      ))}
                    </tr>
                  )
                )}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  )
}
