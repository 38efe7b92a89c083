import { formatDay } from '../app/format.ts';

type Point = { at: string; score: number };

/**
 * The customer's sentiment over time, message by message, as a line on a -1..1 scale with the zero
 * line marked. Inline SVG: no chart library; the label carries the figures for screen readers.
 */
export function SentimentChart({ points }: { points: Point[] }) {
  const width = 720;
  const height = 180;
  const pad = { left: 44, right: 16, top: 12, bottom: 28 };
  const w = width - pad.left - pad.right;
  const h = height - pad.top - pad.bottom;
  const t0 = Date.parse(points[0]!.at);
  const span = Math.max(1, Date.parse(points.at(-1)!.at) - t0);
  const x = (p: Point) => pad.left + (points.length === 1 ? w / 2 : ((Date.parse(p.at) - t0) / span) * w);
  const y = (score: number) => pad.top + ((1 - score) / 2) * h;
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(p).toFixed(1)} ${y(p.score).toFixed(1)}`).join(' ');
  const mean = points.slice(-3).reduce((s, p) => s + p.score, 0) / Math.min(3, points.length);
  const label = `Sentiment of ${points.length} customer messages from ${formatDay(points[0]!.at)} to ${formatDay(
    points.at(-1)!.at,
  )}: first ${points[0]!.score.toFixed(2)}, last ${points.at(-1)!.score.toFixed(2)}, recent mean ${mean.toFixed(2)}`;
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: width }}
        role="img"
        aria-label={label}
        data-testid="sentiment-chart"
      >
        {[1, 0, -1].map((v) => (
          <g key={v}>
            <line
              x1={pad.left}
              x2={width - pad.right}
              y1={y(v)}
              y2={y(v)}
              className={v === 0 ? 'chart-zero' : 'chart-track'}
              stroke="currentColor"
              strokeOpacity={v === 0 ? 0.4 : 0.12}
            />
            <text x={pad.left - 8} y={y(v) + 4} textAnchor="end" className="chart-label">
              {v > 0 ? '+1' : v}
            </text>
          </g>
        ))}
        <path d={path} fill="none" stroke="currentColor" strokeWidth={2} className="chart-line" />
        {points.map((p) => (
          <circle
            key={`${p.at}-${p.score}`}
            cx={x(p)}
            cy={y(p.score)}
            r={4}
            className={p.score < -0.2 ? 'chart-breached' : 'chart-progress'}
            fill={p.score < -0.2 ? '#c0392b' : '#2f7d5b'}
          >
            <title>{`${formatDay(p.at)}: ${p.score.toFixed(2)}`}</title>
          </circle>
        ))}
        <text x={pad.left} y={height - 8} className="chart-label">
          {formatDay(points[0]!.at)}
        </text>
        <text x={width - pad.right} y={height - 8} textAnchor="end" className="chart-label">
          {formatDay(points.at(-1)!.at)}
        </text>
      </svg>
      <figcaption className="small muted">{label}.</figcaption>
    </figure>
  );
}
