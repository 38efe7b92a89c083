export type TeamLoad = {
  key: string;
  name: string;
  waiting: number;
  inProgress: number;
  breached: number;
  members: number;
  /** Members available now (not away nor offline): who new handoffs can go to. */
  available: number;
};

/**
 * Open handoffs per team as horizontal stacked bars (waiting for pickup, in progress), with the
 * breached count, the load per available member and how many are away in words beside each bar.
 * Inline SVG: no chart library.
 */
export function LoadChart({ teams }: { teams: TeamLoad[] }) {
  const rowH = 34;
  const labelW = 120;
  const valueW = 330;
  const width = 720;
  const barW = width - labelW - valueW;
  const max = Math.max(1, ...teams.map((t) => t.waiting + t.inProgress));
  const height = teams.length * rowH + 28;
  const summary = teams
    .map(
      (t) =>
        `${t.name}: ${t.waiting} waiting, ${t.inProgress} in progress, ${t.breached} breached, ${t.available} of ${t.members} available`,
    )
    .join('; ');
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={`Open handoffs per team. ${summary}`}
        className="load-chart"
      >
        {teams.map((t, i) => {
          const y = i * rowH + 6;
          const w1 = (t.waiting / max) * barW;
          const w2 = (t.inProgress / max) * barW;
          const open = t.waiting + t.inProgress;
          const perMember = t.available ? open / t.available : 0;
          const out = t.members - t.available;
          return (
            <g key={t.key} transform={`translate(0 ${y})`}>
              <text x={labelW - 10} y={15} textAnchor="end" className="chart-label">
                {t.name}
              </text>
              <rect x={labelW} y={2} width={barW} height={18} className="chart-track" rx={3} />
              {w1 > 0 ? (
                <rect x={labelW} y={2} width={w1} height={18} className="chart-waiting" rx={3} />
              ) : null}
              {w2 > 0 ? (
                <rect x={labelW + w1} y={2} width={w2} height={18} className="chart-progress" rx={3} />
              ) : null}
              <text x={labelW + barW + 10} y={15} className="chart-value">
                {open} open ·{' '}
                {t.members && !t.available ? (
                  <tspan className="chart-breached">nobody available</tspan>
                ) : (
                  `${perMember.toFixed(1)} per person`
                )}
                {out && t.available ? <tspan className="chart-away">{` · ${out} away`}</tspan> : null}
                {t.breached ? <tspan className="chart-breached">{` · ${t.breached} breached`}</tspan> : null}
              </text>
            </g>
          );
        })}
        <g transform={`translate(${labelW} ${teams.length * rowH + 10})`} className="chart-legend">
          <rect width={12} height={12} className="chart-waiting" rx={2} />
          <text x={18} y={10}>
            Waiting for pickup
          </text>
          <rect x={150} width={12} height={12} className="chart-progress" rx={2} />
          <text x={168} y={10}>
            In progress
          </text>
        </g>
      </svg>
      <figcaption className="visually-hidden">{summary}</figcaption>
    </figure>
  );
}
