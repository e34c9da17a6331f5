// Báo cáo: pick a batch or a commune, preview its "Biên bản đối soát dữ liệu", download it as PDF or XLSX.
import { useId, useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiInput } from '../../../shared/api'
import { formatNumber, useLanguage } from '../../i18n'
import { ErrorAlert } from '../../components/error-alert'
import { downloadBase64 } from '../../lib/download'
import { useApiMutation, useApiQuery } from '../../lib/use-api'
import { ReportPreview } from './report-preview'
import './reports.css'

type ScopeKind = 'batch' | 'commune'
type Scope = Pick<ApiInput<'reports/build'>, 'batchId' | 'commune'>

function scopeOf(kind: ScopeKind, value: string): Scope | null {
  if (value === '') return null
  return kind === 'batch' ? { batchId: Number(value) } : { commune: value }
}

export function ReportsScreen(): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  const id = useId()
  const scopesQuery = useApiQuery('reports/scopes', {})
  const scopes = scopesQuery.data ?? null
  const [kind, setKind] = useState<ScopeKind>('batch')
  // The clerk's pick; until then the first batch or commune.
  const [picked, setPicked] = useState<string | null>(null)
  const first = kind === 'batch' ? scopes?.batches[0]?.batchId : scopes?.communes[0]?.code
  const value = picked ?? (first === undefined ? '' : String(first))
  const [busy, setBusy] = useState<'pdf' | 'xlsx' | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const exporting = useApiMutation('reports/export')

  const scope = scopeOf(kind, value)
  const build = useApiQuery('reports/build', scope && { ...scope, lang: lng })
  // The report of the scope chosen now (in the previous language until the new one arrives).
  const answered = build.dataArgs
  const report =
    answered && answered.batchId === scope?.batchId && answered.commune === scope?.commune
      ? build.data
      : undefined

  function pickKind(next: ScopeKind): void {
    setKind(next)
    setPicked(null)
    setError(null)
  }

  function download(format: 'pdf' | 'xlsx'): void {
    if (scope === null) return
    setBusy(format)
    setNotice(null)
    setError(null)
    exporting
      .run({ ...scope, format, lang: lng })
      .then(
        (file) => {
          downloadBase64(file)
          setNotice(t('reports.saved', { file: file.fileName }))
        },
        (err: unknown) => setError(err)
      )
      .finally(() => setBusy(null))
  }

  const options =
    kind === 'batch'
      ? (scopes?.batches ?? []).map((b) => ({
          value: String(b.batchId),
          label: t('reports.batchOption', { id: b.batchId, file: b.fileName })
        }))
      : (scopes?.communes ?? []).map((c) => ({
          value: c.code,
          label: t('reports.communeOption', {
            name: c.name ?? c.code,
            code: c.code,
            count: formatNumber(c.records, lng)
          })
        }))

  return (
    <section className="screen reports-screen">
      <h1 className="screen-title">{t('nav.reports')}</h1>
      <p className="muted">{t('reports.intro')}</p>
      {scopes !== null && scopes.batches.length === 0 ? (
        <p className="alert alert-info" role="status">
          {t('reports.noScopes')}
        </p>
      ) : (
        <div className="panel report-controls">
          <div className="toolbar">
            <div className="segmented" role="group" aria-label={t('reports.scopeKind')}>
              {(['batch', 'commune'] as const).map((k) => (
                <button key={k} type="button" aria-pressed={kind === k} onClick={() => pickKind(k)}>
                  {t(k === 'batch' ? 'reports.byBatch' : 'reports.byCommune')}
                </button>
              ))}
            </div>
            <label className="visually-hidden" htmlFor={`${id}-scope`}>
              {t('reports.scopeKind')}
            </label>
            <select
              id={`${id}-scope`}
              className="report-scope"
              value={value}
              onChange={(e) => {
                setError(null)
                setPicked(e.target.value)
              }}
            >
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button button-primary"
              disabled={scope === null || busy !== null}
              onClick={() => download('pdf')}
            >
              {busy === 'pdf' ? t('reports.working') : t('reports.downloadPdf')}
            </button>
            <button
              type="button"
              className="button"
              disabled={scope === null || busy !== null}
              onClick={() => download('xlsx')}
            >
              {busy === 'xlsx' ? t('reports.working') : t('reports.downloadXlsx')}
            </button>
          </div>
          {notice !== null && (
            <p className="alert alert-info" role="status" data-testid="report-saved">
              {notice}
            </p>
          )}
        </div>
      )}
      <ErrorAlert error={error ?? scopesQuery.error ?? build.error} />
      {report && <ReportPreview report={report} />}
    </section>
  )
}
