/** A small SVG bar chart that reads without the picture too: a title, a summary for screen readers, and the numbers as a table. */

export interface Bar {
  /** The label under the bar, e.g. a week "48" or a product area. */
  label: string
  value: number
  /** A longer label for the table and tooltips, e.g. "week 48 (23–29 Nov)"; default the label. */
  title?: string
}

interface Props {
  /** The chart's name, also its accessible name. */
  title: string
  bars: Bar[]
  /** Formats a value for the table and the tooltip, e.g. a percentage; default the number. */
  format?: (value: number) => string
  /** The scale's maximum; default the largest value (at least 1). */
  max?: number
  /** The headings of the table's two columns. */
  labelHeading: string
  valueHeading: string
  /** Draws a line at this value, e.g. a threshold, with its label. */
  line?: { value: number; label: string }
}

const WIDTH = 640
const HEIGHT = 200
const PADDING = { top: 12, right: 8, bottom: 28, left: 48 }

export function BarChart({ title, bars, format = String, max, labelHeading, valueHeading, line }: Props) {
  const top = Math.max(max ?? Math.max(1, ...bars.map((b) => b.value), line?.value ?? 0), 1)
  const plotWidth = WIDTH - PADDING.left - PADDING.right
  const plotHeight = HEIGHT - PADDING.top - PADDING.bottom
  const step = bars.length > 0 ? plotWidth / bars.length : plotWidth
  const barWidth = Math.max(2, step * 0.7)
  const y = (value: number) => PADDING.top + plotHeight - (value / top) * plotHeight
  // Label every bar when there is room, else every second or third, so labels never overlap.
  const every = Math.ceil(bars.length / 16)
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title} preserveAspectRatio="xMidYMid meet">
        <line x1={PADDING.left} x2={WIDTH - PADDING.right} y1={y(0)} y2={y(0)} class="axis" />
        <text x={PADDING.left - 6} y={y(top) + 4} class="tick" text-anchor="end">{format(top)}</text>
        <text x={PADDING.left - 6} y={y(0) + 4} class="tick" text-anchor="end">{format(0)}</text>
        {bars.map((bar, i) => {
          const x = PADDING.left + i * step + (step - barWidth) / 2
          return (
            <g key={`${bar.label}-${i}`}>
              <rect x={x} y={y(bar.value)} width={barWidth} height={Math.max(0, y(0) - y(bar.value))} class="bar"><title>{`${bar.title ?? bar.label}: ${format(bar.value)}`}</title></rect>
              {i % every === 0 && <text x={x + barWidth / 2} y={HEIGHT - 10} class="tick" text-anchor="middle">{bar.label}</text>}
            </g>
          )
        })}
        {line && (
          <g>
            <line x1={PADDING.left} x2={WIDTH - PADDING.right} y1={y(line.value)} y2={y(line.value)} class="threshold" />
            <text x={WIDTH - PADDING.right} y={y(line.value) - 4} class="tick" text-anchor="end">{line.label}</text>
          </g>
        )}
      </svg>
      <details>
        <summary>{valueHeading}</summary>
        <table>
          <thead><tr><th scope="col">{labelHeading}</th><th scope="col">{valueHeading}</th></tr></thead>
          <tbody>{bars.map((bar, i) => <tr key={i}><th scope="row">{bar.title ?? bar.label}</th><td>{format(bar.value)}</td></tr>)}</tbody>
        </table>
      </details>
    </figure>
  )
}
