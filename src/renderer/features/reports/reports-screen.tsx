// Báo cáo: pick a batch or a commune, preview its "Biên bản đối soát dữ liệu", download it as PDF or XLSX.
import { useEffect, useId, useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiInput, ReconciliationReport, ReportScopes } from '../../../shared/api'
import { formatNumber, useLanguage } from '../../i18n'
import { api } from '../../lib/api'
import { downloadBase64 } from '../../lib/download'
import { describeError } from '../../lib/error-text'
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
  const [scopes, setScopes] = useState<ReportScopes | null>(null)
  const [kind, setKind] = useState<ScopeKind>('batch')
  const [value, setValue] = useState('')
  const [report, setReport] = useState<ReconciliationReport | null>(null)
  const [busy, setBusy] = useState<'pdf' | 'xlsx' | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    let current = true
    api.call('reports/scopes', {}).then(
      (s) => {
        if (!current) return
        setScopes(s)
        setValue(s.batches[0] ? String(s.batches[0].batchId) : '')
      },
      (err: unknown) => current && setError(err)
    )
    return () => {
      current = false
    }
  }, [])

  const scope = scopeOf(kind, value)
  const scopeKey = JSON.stringify(scope)
  useEffect(() => {
    const s = JSON.parse(scopeKey) as Scope | null
    if (s === null) return
    let current = true
    api.call('reports/build', { ...s, lang: lng }).then(
      (r) => current && setReport(r),
      (err: unknown) => {
        if (!current) return
        setReport(null)
        setError(err)
      }
    )
    return () => {
      current = false
    }
  }, [scopeKey, lng])

  function pickKind(next: ScopeKind): void {
    setKind(next)
    setReport(null)
    setError(null)
    const first = next === 'batch' ? scopes?.batches[0]?.batchId : scopes?.communes[0]?.code
    setValue(first === undefined ? '' : String(first))
  }

  function download(format: 'pdf' | 'xlsx'): void {
    if (scope === null) return
    setBusy(format)
    setNotice(null)
    setError(null)
    api
      .call('reports/export', { ...scope, format, lang: lng })
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
                setReport(null)
                setError(null)
                setValue(e.target.value)
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
      {error !== null && (
        <div className="alert alert-error" role="alert">
          {describeError(error, t, lng)}
        </div>
      )}
      {report !== null && <ReportPreview report={report} />}
    </section>
  )
}
