// The report on screen as it will print: the same model and texts as the PDF and the XLSX.
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReconciliationReport } from '../../../shared/api'
import {
  correctionCells,
  correctionHeader,
  reportMeta,
  reportPercent,
  reportSummary,
  scopeLabel,
  SIGNERS,
  type Translate
} from '../../../core/reports/report'
import { formatNumber, useLanguage } from '../../i18n'

/** The preview lists this many corrections; the files list them all. */
const PREVIEW_CORRECTIONS = 200

export function ReportPreview({ report: r }: { report: ReconciliationReport }): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  const tt: Translate = (key, params) => t(key, params ?? {})
  const num = (n: number): string => formatNumber(n, lng)
  const pct = (x: number): string => reportPercent(x, lng)
  // The PDF's heading lines, but the scope is the subtitle here and the author signs below.
  const meta = reportMeta(r, tt, num).filter((m) => m.key !== 'scope' && m.key !== 'generatedBy')
  const s = r.summary
  const noShare = s.total === 0
  return (
    <article
      className="panel report-preview"
      aria-label={t('reports.preview')}
      data-testid="report-preview"
    >
      <h2 className="report-title">{t('reports.title').toLocaleUpperCase(lng)}</h2>
      <p className="report-subtitle">{scopeLabel(r, tt)}</p>
      <dl className="report-meta">
        {meta.map((m, i) => (
          <div key={i} className="report-meta-row">
            <dt>{m.label}</dt>
            <dd>{m.text || '—'}</dd>
          </div>
        ))}
      </dl>

      <h3>1. {t('reports.sections.summary')}</h3>
      <table className="report-table">
        <thead>
          <tr>
            <th scope="col">{t('reports.columns.item')}</th>
            <th scope="col">{t('reports.columns.count')}</th>
            <th scope="col">{t('reports.columns.share')}</th>
          </tr>
        </thead>
        <tbody>
          {reportSummary(r, tt).map((l) => (
            <tr key={l.key}>
              <td>{l.label}</td>
              <td className="num" data-testid={`report-${l.key}`}>
                {num(l.count)}
              </td>
              <td className="num">{l.share === null || noShare ? '' : pct(l.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>2. {t('reports.sections.mismatches')}</h3>
      {r.mismatches.length === 0 ? (
        <p className="muted">{t('reports.noMismatches')}</p>
      ) : (
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">{t('reports.columns.no')}</th>
              <th scope="col">{t('reports.columns.mismatch')}</th>
              <th scope="col">{t('reports.columns.count')}</th>
              <th scope="col">{t('reports.columns.share')}</th>
            </tr>
          </thead>
          <tbody>
            {r.mismatches.map((m, i) => (
              <tr key={m.flag} data-testid={`report-flag-${m.flag}`}>
                <td className="num">{i + 1}</td>
                <td>{t(`matchFlags.${m.flag}`, { defaultValue: m.flag })}</td>
                <td className="num">{num(m.count)}</td>
                <td className="num">{pct(m.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>3. {t('reports.sections.corrections')}</h3>
      <p>
        {t('reports.correctionsLine', {
          proposed: num(s.correctionsProposed),
          approved: num(s.correctionsApproved),
          other: num(s.correctionsOther)
        })}
      </p>
      {r.corrections.length === 0 ? (
        <p className="muted">{t('reports.noCorrections')}</p>
      ) : (
        <div className="report-scroll">
          <table className="report-table" data-testid="report-corrections">
            <thead>
              <tr>
                {correctionHeader(tt).map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {r.corrections.slice(0, PREVIEW_CORRECTIONS).map((c) => (
                <tr key={`${c.uuid}-${c.field}`}>
                  {correctionCells(c, tt).map((cell, i) => (
                    <td key={i} className={i === 0 ? 'num' : undefined}>
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div className="report-signatures">
        {SIGNERS.map((signer) => (
          <div key={signer}>
            <div className="role">{t(`reports.signers.${signer}`)}</div>
            <div className="muted">{t('reports.signHint')}</div>
            <div className="space" />
            <div>{t('reports.dateLine')}</div>
          </div>
        ))}
      </div>
    </article>
  )
}
