// The report as one self-contained HTML page (UTF-8, no scripts, no external files): printed to PDF.
import type { ReconciliationReport } from '../../shared/api'
import type { Language } from '../../shared/i18n/languages'
import {
  correctionCells,
  correctionHeader,
  reportMeta,
  reportNumber,
  reportPercent,
  reportSummary,
  scopeLabel,
  SIGNERS,
  type Translate
} from './report'

const ESC: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

export function escapeHtml(v: string | number | null | undefined): string {
  return String(v ?? '').replace(/[&<>"']/g, (c) => ESC[c]!)
}

// Print styles: A4, Times-like serif as Vietnamese administrative documents use, Noto as fallback.
const CSS = `
@page { size: A4; margin: 18mm 16mm 18mm 20mm; }
* { box-sizing: border-box; }
body { font-family: 'Times New Roman', 'Noto Serif', 'DejaVu Serif', serif; font-size: 12.5pt;
  color: #000; margin: 0; line-height: 1.35; }
.top { display: flex; justify-content: space-between; text-align: center; gap: 16px; }
.top > div:first-child { flex: 1; }
.top > div:last-child { flex: 1.5; }
.top .nation { font-weight: bold; }
.top .motto { font-weight: bold; text-decoration: underline; }
h1 { text-align: center; font-size: 16pt; margin: 18px 0 4px; }
.subtitle { text-align: center; font-style: italic; margin-bottom: 14px; }
h2 { font-size: 13pt; margin: 16px 0 6px; }
table { border-collapse: collapse; width: 100%; font-size: 11pt; }
th, td { border: 1px solid #444; padding: 3px 5px; vertical-align: top; }
th { background: #eee; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.meta td { border: none; padding: 1px 4px; }
table.meta td:first-child { width: 34%; }
.bar { display: inline-block; height: 9px; background: #555; vertical-align: middle; }
.muted { color: #444; font-style: italic; }
.signatures { display: flex; justify-content: space-between; margin-top: 28px; text-align: center;
  break-inside: avoid; }
.signatures div { flex: 1; }
.signatures .role { font-weight: bold; }
.signatures .hint { font-style: italic; font-size: 10.5pt; }
.signatures .space { height: 70px; }
.date { text-align: right; font-style: italic; margin-top: 18px; }
tr { break-inside: avoid; }
table.corrections { font-size: 9pt; }
table.corrections th, table.corrections td { padding: 2px 3px; }
table.corrections td.nw { white-space: nowrap; }
`

function row(cells: (string | number | null)[], classes: (string | undefined)[] = []): string {
  return `<tr>${cells.map((c, i) => `<td${classes[i] ? ` class="${classes[i]}"` : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`
}

/** Corrections: number, key, name and date never wrap; the free text columns do. */
const CORRECTION_CLASSES = [
  'n',
  'nw',
  'nw',
  undefined,
  undefined,
  undefined,
  undefined,
  undefined,
  undefined,
  undefined,
  'nw'
]

/** The whole report; every text through t, so the Vietnamese and English pages are the same page. */
export function renderReportHtml(r: ReconciliationReport, t: Translate, lang: Language): string {
  const s = r.summary
  const num = (n: number): string => reportNumber(n, lang)
  const pct = (x: number): string => reportPercent(x, lang)
  const meta = reportMeta(r, t, num)
  const maxFlag = Math.max(1, ...r.mismatches.map((m) => m.count))
  const mismatchRows = r.mismatches
    .map(
      (m, i) =>
        `<tr><td class="n">${i + 1}</td><td>${escapeHtml(t(`matchFlags.${m.flag}`, { defaultValue: m.flag }))}</td>` +
        `<td class="n">${num(m.count)}</td><td class="n">${pct(m.share)}</td>` +
        `<td><span class="bar" style="width:${Math.max(1, Math.round((m.count / maxFlag) * 120))}px"></span></td></tr>`
    )
    .join('')
  const correctionRows = r.corrections
    .map((c) => row(correctionCells(c, t), CORRECTION_CLASSES))
    .join('')

  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(t('reports.title'))} – ${escapeHtml(scopeLabel(r, t))}</title>
<style>${CSS}</style>
</head>
<body>
<div class="top">
  <div><div>${escapeHtml(r.commune.name ? t('reports.issuer', { name: r.commune.name.split(',')[0]!.toLocaleUpperCase(lang) }) : t('reports.issuerUnknown'))}</div></div>
  <div><div class="nation">${escapeHtml(t('reports.nation'))}</div><div class="motto">${escapeHtml(t('reports.motto'))}</div></div>
</div>
<h1>${escapeHtml(t('reports.title').toLocaleUpperCase(lang))}</h1>
<div class="subtitle">${escapeHtml(scopeLabel(r, t))}</div>
<table class="meta">${meta.map((m) => `<tr><td>${escapeHtml(m.label)}:</td><td>${escapeHtml(m.text)}</td></tr>`).join('')}</table>

<h2>1. ${escapeHtml(t('reports.sections.summary'))}</h2>
<table>
<thead><tr><th>${escapeHtml(t('reports.columns.item'))}</th><th>${escapeHtml(t('reports.columns.count'))}</th><th>${escapeHtml(t('reports.columns.share'))}</th></tr></thead>
<tbody>${reportSummary(r, t)
    .map((l) =>
      row([l.label, num(l.count), l.share === null ? '' : pct(l.share)], [undefined, 'n', 'n'])
    )
    .join('')}</tbody>
</table>

<h2>2. ${escapeHtml(t('reports.sections.mismatches'))}</h2>
${
  r.mismatches.length === 0
    ? `<p class="muted">${escapeHtml(t('reports.noMismatches'))}</p>`
    : `<table><thead><tr><th>${escapeHtml(t('reports.columns.no'))}</th><th>${escapeHtml(t('reports.columns.mismatch'))}</th><th>${escapeHtml(t('reports.columns.count'))}</th><th>${escapeHtml(t('reports.columns.share'))}</th><th></th></tr></thead><tbody>${mismatchRows}</tbody></table>`
}

<h2>3. ${escapeHtml(t('reports.sections.corrections'))}</h2>
<p>${escapeHtml(t('reports.correctionsLine', { proposed: num(s.correctionsProposed), approved: num(s.correctionsApproved), other: num(s.correctionsOther) }))}</p>
${
  r.corrections.length === 0
    ? `<p class="muted">${escapeHtml(t('reports.noCorrections'))}</p>`
    : `<table class="corrections"><thead><tr>${correctionHeader(t)
        .map((h) => `<th>${escapeHtml(h)}</th>`)
        .join('')}</tr></thead><tbody>${correctionRows}</tbody></table>`
}

<p class="date">${escapeHtml(t('reports.placeDate'))}</p>
<div class="signatures">
${SIGNERS.map(
  (s) =>
    `<div><div class="role">${escapeHtml(t(`reports.signers.${s}`))}</div><div class="hint">${escapeHtml(t('reports.signHint'))}</div><div class="space"></div><div>${escapeHtml(t('reports.dateLine'))}</div></div>`
).join('\n')}
</div>
</body>
</html>
`
}
