// The reconciliation report ("Biên bản đối soát dữ liệu"): counts in, one model out, pure.
import type { ReviewState } from '../../shared/review'
import { REVIEW_STATES } from '../../shared/review'
import { MATCH_GRADES } from '../../shared/match'
import type { Language } from '../../shared/i18n/languages'
import type {
  CorrectionRow,
  MatchGrade,
  ReconciliationReport,
  ReportCorrection
} from '../../shared/api'

/** What the backend gathers for one report: grouped counts, not rows, so it stays small. */
export interface ReportInput {
  scope: ReconciliationReport['scope']
  commune: ReconciliationReport['commune']
  batches: ReconciliationReport['batches']
  run: ReconciliationReport['run']
  generatedAt: string
  generatedBy: string
  period: ReconciliationReport['period']
  /** Source records of the scope counted by grade, reviewer state and flag set. */
  groups: { grade: MatchGrade; state: ReviewState; flags: string[]; count: number }[]
  corrections: (Omit<
    CorrectionRow,
    'sourceRecordId' | 'populationRecordId' | 'populationVersion'
  > & {
    name: string
  })[]
}

/** Correction states that count as approved: approved, and every state after approval. */
const APPROVED_STATES = new Set<CorrectionRow['state']>(['approved', 'queued', 'sent', 'accepted'])

/**
 * The report from counts the backend gathered. Every figure is derived here, once, so the
 * HTML, the PDF and the XLSX cannot disagree.
 */
export function buildReport(input: ReportInput): ReconciliationReport {
  const byGrade: Record<MatchGrade, number> = { certain: 0, probable: 0, possible: 0, none: 0 }
  const byState = Object.fromEntries(REVIEW_STATES.map((s) => [s, 0])) as Record<
    ReviewState,
    number
  >
  const byFlag = new Map<string, number>()
  let total = 0
  for (const g of input.groups) {
    total += g.count
    byGrade[g.grade] += g.count
    byState[g.state] += g.count
    for (const f of g.flags) byFlag.set(f, (byFlag.get(f) ?? 0) + g.count)
  }
  // Decided by a person: neither waiting for one nor accepted by the run on its own.
  const decided = total - byState.open - byState.auto_accepted
  const mismatches = [...byFlag]
    .filter(([, n]) => n > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([flag, count]) => ({ flag, count, share: total > 0 ? count / total : 0 }))

  const corrections: ReportCorrection[] = []
  for (const c of [...input.corrections].sort(
    (a, b) => a.proposedAt.localeCompare(b.proposedAt) || a.uuid.localeCompare(b.uuid)
  ))
    for (const f of c.fields)
      corrections.push({
        no: corrections.length + 1,
        uuid: c.uuid,
        populationKey: c.populationKey,
        name: c.name,
        field: f.field,
        oldValue: f.oldValue,
        newValue: f.newValue,
        side: c.side,
        reason: c.reason,
        reasonText: c.reasonText,
        evidence: c.evidence,
        state: c.state,
        proposedBy: c.proposedBy,
        proposedAt: c.proposedAt
      })
  const approved = input.corrections.filter((c) => APPROVED_STATES.has(c.state)).length
  const proposed = input.corrections.filter((c) => c.state === 'proposed').length

  return {
    scope: input.scope,
    commune: input.commune,
    batches: input.batches,
    run: input.run,
    generatedAt: input.generatedAt,
    generatedBy: input.generatedBy,
    period: input.period,
    summary: {
      total,
      matched: total - byGrade.none,
      unmatched: byGrade.none,
      byGrade,
      byState,
      decided,
      remaining: byState.open,
      reviewedShare: total > 0 ? decided / total : 0,
      correctionsProposed: proposed,
      correctionsApproved: approved,
      correctionsOther: input.corrections.length - proposed - approved
    },
    mismatches,
    corrections
  }
}

/** A translation function, as i18next's t: key and interpolation values in, text out. */
export type Translate = (key: string, params?: Record<string, unknown>) => string

/** dd/mm/yyyy of an ISO timestamp or date (the calendar day as written, no time zone shift). */
export function reportDate(iso: string | null): string {
  if (!iso) return ''
  const [y, m, d] = iso.slice(0, 10).split('-')
  if (d) return `${d}/${m}/${y}`
  if (m) return `${m}/${y}`
  return y ?? ''
}

/** Numbers the Vietnamese way (1.234) or the English way (1,234). */
export function reportNumber(n: number, lang: Language): string {
  const s = String(Math.round(Math.abs(n)))
  const grouped = s.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',')
  return n < 0 ? `-${grouped}` : grouped
}

export function reportPercent(share: number, lang: Language): string {
  const text = (Math.round(share * 1000) / 10).toFixed(1)
  return `${lang === 'vi' ? text.replace('.', ',') : text}%`
}

/** The scope in words: "Lô 2 (registry.csv)" or "Xã Đông Sơn (12345)". */
export function scopeLabel(r: ReconciliationReport, t: Translate): string {
  const scope = r.scope
  if (scope.kind === 'batch') {
    const b = r.batches.find((x) => x.batchId === scope.batchId)
    return t('reports.scopeBatch', { id: scope.batchId, file: b?.fileName ?? '' })
  }
  return t('reports.scopeCommune', { name: r.commune.name ?? scope.commune, code: scope.commune })
}

/** One line of the report's heading: what it covers, from which files, when and by whom. */
export interface ReportLine {
  key: 'commune' | 'scope' | 'batch' | 'run' | 'period' | 'generated' | 'generatedBy'
  label: string
  text: string
}

/** The heading lines, in the order the report prints them; `num` formats the row counts. */
export function reportMeta(
  r: ReconciliationReport,
  t: Translate,
  num: (n: number) => string
): ReportLine[] {
  return [
    {
      key: 'commune',
      label: t('reports.header.commune'),
      text: r.commune.name ? `${r.commune.name} (${r.commune.code ?? ''})` : (r.commune.code ?? '')
    },
    { key: 'scope', label: t('reports.header.scope'), text: scopeLabel(r, t) },
    ...r.batches.map((b): ReportLine => ({
      key: 'batch',
      label: t('reports.header.batch'),
      text: t('reports.batchLine', {
        id: b.batchId,
        file: b.fileName,
        kind: t(`kinds.${b.kind}`, { defaultValue: b.kind }),
        date: reportDate(b.createdAt),
        read: num(b.rowsRead),
        accepted: num(b.rowsAccepted),
        rejected: num(b.rowsRejected)
      })
    })),
    {
      key: 'run',
      label: t('reports.header.run'),
      text: r.run ? t('reports.runLabel', { id: r.run.id, date: reportDate(r.run.startedAt) }) : '—'
    },
    {
      key: 'period',
      label: t('reports.header.period'),
      text: r.period ? `${reportDate(r.period.from)} – ${reportDate(r.period.to)}` : '—'
    },
    { key: 'generated', label: t('reports.header.generated'), text: reportDate(r.generatedAt) },
    { key: 'generatedBy', label: t('reports.header.generatedBy'), text: r.generatedBy }
  ]
}

/**
 * One line of the summary table: a count and its share of the records (null: no share shown).
 * `parent`: the heading line this line is part of; the lines under one heading add up to it.
 */
export interface SummaryLine {
  key: string
  label: string
  count: number
  share: number | null
  parent: string | null
}

/** States a person put a record in: what "decided" is made of. */
const DECIDED_STATES = REVIEW_STATES.filter((st) => st !== 'open' && st !== 'auto_accepted')

/**
 * The summary as two breakdowns of the same records, each adding up to the total: what the run
 * found (found by grade, then not found), and where review stands (decided by a person, by state;
 * accepted by the run on its own; still open).
 */
export function reportSummary(r: ReconciliationReport, t: Translate): SummaryLine[] {
  const s = r.summary
  const line = (
    key: string,
    label: string,
    count: number,
    parent: string | null = null,
    shared = true
  ): SummaryLine => ({
    key,
    label,
    count,
    share: shared ? (s.total ? count / s.total : 0) : null,
    parent
  })
  return [
    line('total', t('reports.summary.total'), s.total, null, false),
    line('matched', t('reports.summary.matched'), s.matched),
    ...MATCH_GRADES.filter((g) => g !== 'none').map((g) =>
      line(g, `— ${t(`reports.grades.${g}`)}`, s.byGrade[g], 'matched')
    ),
    line('none', t('reports.summary.unmatched'), s.unmatched),
    line('decided', t('reports.summary.decided'), s.decided),
    ...DECIDED_STATES.map((st) =>
      line(st, `— ${t(`review.states.${st}`)}`, s.byState[st], 'decided')
    ),
    line('auto_accepted', t('reports.summary.autoAccepted'), s.byState.auto_accepted),
    line('remaining', t('reports.summary.remaining'), s.remaining),
    line('proposed', t('reports.summary.correctionsProposed'), s.correctionsProposed, null, false),
    line('approved', t('reports.summary.correctionsApproved'), s.correctionsApproved, null, false)
  ]
}

/** A file name without characters any system refuses: bien-ban-doi-soat-lo-2-2026-11-27.pdf */
export function reportFileName(r: ReconciliationReport, ext: 'pdf' | 'xlsx' | 'html'): string {
  const what = r.scope.kind === 'batch' ? `lo-${r.scope.batchId}` : `xa-${r.scope.commune}`
  return `bien-ban-doi-soat-${what}-${r.generatedAt.slice(0, 10)}.${ext}`.replace(
    /[^A-Za-z0-9._-]/g,
    '_'
  )
}

export type SheetCell = string | number | null

/** One worksheet of the XLSX report: a title row, then a header and rows. */
export interface ReportSheet {
  name: string
  title: string
  header: string[]
  rows: SheetCell[][]
}

/** The report as worksheets: summary, mismatches by type, corrections, signatures. */
export function reportSheets(r: ReconciliationReport, t: Translate): ReportSheet[] {
  const summary: SheetCell[][] = [
    [t('reports.header.commune'), r.commune.name ? `${r.commune.name} (${r.commune.code})` : ''],
    [t('reports.header.scope'), scopeLabel(r, t)],
    ...r.batches.map((b): SheetCell[] => [
      t('reports.header.batch'),
      `${b.batchId} · ${b.fileName} · ${t(`kinds.${b.kind}`, { defaultValue: b.kind })} · ${reportDate(b.createdAt)}`
    ]),
    [
      t('reports.header.run'),
      r.run ? t('reports.runLabel', { id: r.run.id, date: reportDate(r.run.startedAt) }) : ''
    ],
    [
      t('reports.header.period'),
      r.period ? `${reportDate(r.period.from)} – ${reportDate(r.period.to)}` : ''
    ],
    [t('reports.header.generated'), reportDate(r.generatedAt)],
    [t('reports.header.generatedBy'), r.generatedBy],
    [],
    ...reportSummary(r, t).map((l): SheetCell[] => [l.label, l.count])
  ]
  return [
    {
      name: t('reports.sheets.summary'),
      title: t('reports.title'),
      header: [t('reports.columns.item'), t('reports.columns.value')],
      rows: summary
    },
    {
      name: t('reports.sheets.mismatches'),
      title: t('reports.sections.mismatches'),
      header: [
        t('reports.columns.no'),
        t('reports.columns.mismatch'),
        t('reports.columns.count'),
        t('reports.columns.share')
      ],
      rows: r.mismatches.map((m, i) => [
        i + 1,
        t(`matchFlags.${m.flag}`, { defaultValue: m.flag }),
        m.count,
        Math.round(m.share * 1000) / 10
      ])
    },
    {
      name: t('reports.sheets.corrections'),
      title: t('reports.sections.corrections'),
      header: correctionHeader(t),
      rows: r.corrections.map((c) => correctionCells(c, t))
    },
    {
      name: t('reports.sheets.signatures'),
      title: t('reports.sections.signatures'),
      header: SIGNERS.map((s) => t(`reports.signers.${s}`)),
      rows: [SIGNERS.map(() => t('reports.signHint')), SIGNERS.map(() => t('reports.dateLine'))]
    }
  ]
}

export const SIGNERS = ['clerk', 'reviewer', 'head'] as const

export function correctionHeader(t: Translate): string[] {
  return [
    t('reports.columns.no'),
    t('reports.columns.populationKey'),
    t('reports.columns.name'),
    t('reports.columns.field'),
    t('reports.columns.oldValue'),
    t('reports.columns.newValue'),
    t('reports.columns.side'),
    t('reports.columns.reason'),
    t('reports.columns.state'),
    t('reports.columns.proposedBy'),
    t('reports.columns.proposedAt')
  ]
}

const DATE_FIELDS = new Set<string>(['dob', 'death_date'])

export function correctionCells(c: ReportCorrection, t: Translate): SheetCell[] {
  // Dates as a clerk writes them (05/03/1990, 03/1990, 1990), whatever precision they have.
  const value = (v: string | null): string =>
    v && DATE_FIELDS.has(c.field) ? reportDate(v) : (v ?? '')
  const reason = t(`review.reasons.${c.reason}`, { defaultValue: c.reason })
  return [
    c.no,
    c.populationKey,
    c.name,
    t(`fields.${c.field}`, { defaultValue: c.field }),
    value(c.oldValue),
    value(c.newValue),
    t(`review.sides.${c.side}`, { defaultValue: c.side }),
    c.reasonText ? `${reason}: ${c.reasonText}` : reason,
    t(`review.correctionStates.${c.state}`, { defaultValue: c.state }),
    c.proposedBy,
    reportDate(c.proposedAt)
  ]
}
