// Plain SVG charts for the dashboard: horizontal bars and a cumulative line, each labelled for screen readers.
import { useId } from 'react'
import type { ReactElement } from 'react'

export interface BarItem {
  key: string
  label: string
  value: number
}

const VALUE_W = 80
const ROW = 28

/** One bar per item, longest first as given; the whole chart reads as one sentence per bar. */
export function BarChart({
  items,
  title,
  format,
  testId,
  tone = 'accent',
  width: W = 900,
  labelWidth: LABEL_W = 380
}: {
  items: BarItem[]
  title: string
  format: (n: number) => string
  testId?: string
  tone?: 'accent' | 'grades'
  /** Drawing units are CSS pixels up to this width: text stays its size, narrower boxes shrink it. */
  width?: number
  labelWidth?: number
}): ReactElement {
  const id = useId()
  const max = Math.max(1, ...items.map((i) => i.value))
  const barW = W - LABEL_W - VALUE_W
  const h = items.length * ROW + 4
  return (
    <svg
      className="chart bar-chart"
      viewBox={`0 0 ${W} ${h}`}
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
      data-testid={testId}
      preserveAspectRatio="xMinYMin meet"
      style={{ maxWidth: W }}
    >
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{items.map((i) => `${i.label}: ${format(i.value)}`).join('; ')}</desc>
      {items.map((item, k) => {
        const y = k * ROW + 2
        const w = item.value === 0 ? 0 : Math.max(2, (item.value / max) * barW)
        return (
          <g
            key={item.key}
            className={tone === 'grades' ? `bar bar-${item.key}` : 'bar'}
            data-testid={testId ? `${testId}-${item.key}` : undefined}
            data-value={item.value}
          >
            <title>{`${item.label}: ${format(item.value)}`}</title>
            <text x={LABEL_W - 10} y={y + ROW / 2} textAnchor="end" dominantBaseline="central">
              {item.label}
            </text>
            <rect x={LABEL_W} y={y + 5} width={w} height={ROW - 10} rx={3} />
            <text
              className="bar-value"
              x={LABEL_W + w + 8}
              y={y + ROW / 2}
              dominantBaseline="central"
            >
              {format(item.value)}
            </text>
          </g>
        )
      })}
    </svg>
  )
}

export interface LinePoint {
  date: string
  /** Decisions that day. */
  value: number
  /** Running total up to and including that day. */
  cumulative: number
}

const LW = 520
const LH = 220
const PAD = { left: 64, right: 20, top: 16, bottom: 36 }

/** Review progress: bars for each day's decisions under the cumulative line. */
export function ProgressLine({
  points,
  title,
  pointLabel,
  formatDate,
  format,
  testId
}: {
  points: LinePoint[]
  title: string
  pointLabel: (p: LinePoint) => string
  formatDate: (iso: string) => string
  format: (n: number) => string
  testId?: string
}): ReactElement {
  const id = useId()
  const max = Math.max(1, ...points.map((p) => p.cumulative))
  const innerW = LW - PAD.left - PAD.right
  const innerH = LH - PAD.top - PAD.bottom
  const step = points.length > 1 ? innerW / (points.length - 1) : 0
  const x = (i: number): number => PAD.left + (points.length > 1 ? i * step : innerW / 2)
  const y = (v: number): number => PAD.top + innerH - (v / max) * innerH
  const barW = Math.max(2, Math.min(24, points.length > 1 ? step * 0.6 : 24))
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i)},${y(p.cumulative)}`).join(' ')
  const last = points[points.length - 1]
  return (
    <svg
      className="chart line-chart"
      viewBox={`0 0 ${LW} ${LH}`}
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
      data-testid={testId}
      data-total={last?.cumulative ?? 0}
      preserveAspectRatio="xMinYMin meet"
      style={{ maxWidth: LW }}
    >
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{points.map(pointLabel).join('; ')}</desc>
      <line
        className="axis"
        x1={PAD.left}
        y1={PAD.top + innerH}
        x2={LW - PAD.right}
        y2={PAD.top + innerH}
      />
      <line className="axis" x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={PAD.top + innerH} />
      <text
        className="tick"
        x={PAD.left - 8}
        y={PAD.top}
        textAnchor="end"
        dominantBaseline="central"
      >
        {format(max)}
      </text>
      <text
        className="tick"
        x={PAD.left - 8}
        y={PAD.top + innerH}
        textAnchor="end"
        dominantBaseline="central"
      >
        0
      </text>
      {points.map((p, i) => (
        <rect
          key={`b${p.date}`}
          className="day-bar"
          x={x(i) - barW / 2}
          y={y(p.value)}
          width={barW}
          height={PAD.top + innerH - y(p.value)}
        />
      ))}
      <path className="line" d={path} />
      {points.map((p, i) => (
        <circle key={p.date} className="dot" cx={x(i)} cy={y(p.cumulative)} r={4}>
          <title>{pointLabel(p)}</title>
        </circle>
      ))}
      {points.length > 0 && (
        <text
          className="tick"
          x={x(0)}
          y={LH - 10}
          textAnchor={points.length > 1 ? 'start' : 'middle'}
        >
          {formatDate(points[0]!.date)}
        </text>
      )}
      {points.length > 1 && (
        <text className="tick" x={x(points.length - 1)} y={LH - 10} textAnchor="end">
          {formatDate(last!.date)}
        </text>
      )}
    </svg>
  )
}
