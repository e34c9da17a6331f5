// The explanation of a score as a waterfall: the prior, each field's weight up or down, the total.
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { PairView } from '../../../shared/api'
import { useLanguage } from '../../i18n'
import { formatBits, formatProbability } from './queue-model'

export interface WaterfallBar {
  key: string
  label: string
  level: string | null
  /** Running total before and after this bar, in bits (log2 odds). */
  from: number
  to: number
  kind: 'prior' | 'up' | 'down' | 'total'
}

/** The bars of the chart: prior from 0, each field from the running total, the total from 0. */
export function waterfallBars(
  pair: Pick<PairView, 'prior' | 'explanation'>,
  fieldLabel: (field: string, level: string | null) => string,
  labels: { prior: string; total: string }
): WaterfallBar[] {
  const bars: WaterfallBar[] = []
  let run = pair.prior ?? 0
  if (pair.prior != null)
    bars.push({ key: '_prior', label: labels.prior, level: null, from: 0, to: run, kind: 'prior' })
  for (const step of pair.explanation) {
    const to = run + step.weight
    bars.push({
      key: step.field,
      label: fieldLabel(step.field, step.level),
      level: step.level,
      from: run,
      to,
      kind: step.weight >= 0 ? 'up' : 'down'
    })
    run = to
  }
  bars.push({ key: '_total', label: labels.total, level: null, from: 0, to: run, kind: 'total' })
  return bars
}

const ROW = 26
const LABEL_W = 260
const CHART_W = 340
const VALUE_W = 70

export function Waterfall({ pair }: { pair: PairView }): ReactElement {
  const { t } = useTranslation()
  const lng = useLanguage()
  // A record the run linked to nobody may still have candidates, listed below the chart.
  if (pair.explanation.length === 0)
    return (
      <p className="muted" data-testid="waterfall-none">
        {t(
          !pair.population && pair.candidates.length > 0
            ? 'queue.waterfall.noneButCandidates'
            : 'queue.waterfall.none'
        )}
      </p>
    )
  const label = (field: string, level: string | null): string =>
    `${t(`queue.waterfall.fields.${field}`, { defaultValue: field })} (${t(
      `queue.waterfall.levels.${level ?? 'missing'}`,
      { defaultValue: level ?? '' }
    )})`
  const bars = waterfallBars(pair, label, {
    prior: t('queue.waterfall.prior'),
    total: t('queue.waterfall.total')
  })
  const lo = Math.min(0, ...bars.map((b) => Math.min(b.from, b.to)))
  const hi = Math.max(0, ...bars.map((b) => Math.max(b.from, b.to)))
  const span = hi - lo || 1
  const x = (v: number): number => LABEL_W + ((v - lo) / span) * CHART_W
  const height = bars.length * ROW + 8
  const total = bars[bars.length - 1]!.to
  const summary = t('queue.waterfall.result', {
    total: formatBits(total, lng),
    probability: formatProbability(pair.probability, lng)
  })
  return (
    <figure className="waterfall" data-testid="waterfall">
      <svg
        width={LABEL_W + CHART_W + VALUE_W}
        height={height}
        viewBox={`0 0 ${LABEL_W + CHART_W + VALUE_W} ${height}`}
        role="img"
        aria-label={`${t('queue.waterfall.title')}. ${summary}`}
      >
        <line className="wf-zero" x1={x(0)} x2={x(0)} y1={0} y2={height} />
        {bars.map((b, i) => {
          const y = i * ROW + 4
          const left = x(Math.min(b.from, b.to))
          const width = Math.max(1.5, Math.abs(x(b.to) - x(b.from)))
          const value = b.kind === 'prior' || b.kind === 'total' ? b.to : b.to - b.from
          return (
            <g key={b.key} className={`wf-bar wf-${b.kind}`} data-field={b.key}>
              <title>
                {t('queue.waterfall.weight', { field: b.label, weight: formatBits(value, lng) })}
              </title>
              <text x={LABEL_W - 8} y={y + ROW / 2} textAnchor="end" dominantBaseline="middle">
                {b.label}
              </text>
              <rect x={left} y={y + 3} width={width} height={ROW - 8} rx={2} />
              {i > 0 && b.kind !== 'total' && (
                <line
                  className="wf-link"
                  x1={x(b.from)}
                  x2={x(b.from)}
                  y1={y - ROW + 3}
                  y2={y + ROW - 5}
                />
              )}
              <text
                className="wf-value"
                x={LABEL_W + CHART_W + 6}
                y={y + ROW / 2}
                dominantBaseline="middle"
              >
                {formatBits(value, lng)}
              </text>
            </g>
          )
        })}
      </svg>
      <figcaption>{summary}</figcaption>
    </figure>
  )
}
