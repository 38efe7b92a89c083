import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { satisfactionSignalLabels, signedGap } from '../../../src/analytics/satisfaction-labels.ts';
import type { Metrics } from './analytics.api.ts';
import { ChartFigure, DataTable } from './ChartFigure.tsx';
import { ACCENT, barLabel, GOOD, pct, SOFT, sliver, toPct } from './chart-palette.ts';
import { percent, rateText } from './figures.ts';
import { useTeamName } from './useTeamName.ts';

/** The cases rated under no team were never handed off before the customer rated. */
export const NOT_HANDED_OFF = 'Not handed off';

const nobodyRated = (m: Metrics) =>
  m.satisfaction.of === 0 ? 'No customer rated a case in this period.' : undefined;

/** A gap in rate points, signed: "−12.5 pts", "+3.0 pts". */
export const gapText = (gap: number | null) => signedGap(gap, 'pts');

export function SatisfactionByTeamChart({ metrics }: { metrics: Metrics }) {
  const teamName = useTeamName();
  const label = (team: string | null) => (team === null ? NOT_HANDED_OFF : teamName(team));
  const rows = metrics.satisfactionBy.team;
  const data = rows.map((t) => ({ label: label(t.team), csat: toPct(t.rate) }));
  return (
    <ChartFigure
      title="CSAT by team"
      description={`The share of rated cases the customer was satisfied with (4 or 5 stars, or good), counted for the team whose handoff held the case when they rated, in percent. Overall ${rateText(metrics.satisfaction)}.`}
      empty={nobodyRated(metrics)}
      table={
        <DataTable
          caption="CSAT by team"
          rows={rows}
          rowKey={(t) => t.team ?? '(none)'}
          columns={[
            { label: 'Team', cell: (t) => label(t.team) },
            { label: 'Rated cases', cell: (t) => t.of, numeric: true },
            { label: 'CSAT', cell: (t) => rateText(t), numeric: true },
          ]}
        />
      }
    >
      <ResponsiveContainer width="100%" height={Math.max(160, 44 * data.length + 60)}>
        <BarChart data={data} layout="vertical" margin={{ left: 24, right: 48 }} accessibilityLayer>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" domain={[0, 100]} tickFormatter={pct} />
          <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => [`${v} %`, 'CSAT']} />
          <Bar dataKey="csat" name="CSAT" fill={GOOD} minPointSize={sliver} isAnimationActive={false}>
            <LabelList dataKey="csat" position="right" formatter={barLabel} fontSize={11} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

/**
 * CSAT of the rated cases that went through each signal against those that did not: what a bad
 * handoff costs in satisfaction, in the organisation's own ratings.
 */
export function SatisfactionCostChart({ metrics }: { metrics: Metrics }) {
  const rows = metrics.satisfactionBy.signal;
  const data = rows.map((s) => ({
    label: satisfactionSignalLabels[s.signal],
    with: toPct(s.with.rate),
    without: toPct(s.without.rate),
  }));
  const said = rows
    .filter((s) => s.gap !== null)
    .map(
      (s) =>
        `${satisfactionSignalLabels[s.signal]}: ${percent(s.with.rate)} with, ${percent(s.without.rate)} without (${gapText(s.gap)})`,
    );
  return (
    <ChartFigure
      title="What handoffs cost in satisfaction"
      description={`CSAT of the rated cases that went through each, and of those that did not, in percent; a negative gap is what it costs.${said.length ? ` ${said.join('; ')}.` : ''}`}
      empty={nobodyRated(metrics)}
      table={
        <DataTable
          caption="What handoffs cost in satisfaction"
          rows={rows}
          rowKey={(s) => s.signal}
          columns={[
            { label: 'The case', cell: (s) => satisfactionSignalLabels[s.signal] },
            { label: 'CSAT with it', cell: (s) => rateText(s.with), numeric: true },
            { label: 'CSAT without it', cell: (s) => rateText(s.without), numeric: true },
            { label: 'Gap', cell: (s) => gapText(s.gap), numeric: true },
          ]}
        />
      }
    >
      <ResponsiveContainer width="100%" height={48 * data.length + 80}>
        <BarChart data={data} layout="vertical" margin={{ left: 24, right: 48 }} accessibilityLayer>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" domain={[0, 100]} tickFormatter={pct} />
          <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v, name) => [`${v} %`, name]} />
          <Legend />
          <Bar dataKey="with" name="With it" fill={ACCENT} minPointSize={sliver} isAnimationActive={false}>
            <LabelList dataKey="with" position="right" formatter={barLabel} fontSize={11} />
          </Bar>
          <Bar
            dataKey="without"
            name="Without it"
            fill={SOFT}
            minPointSize={sliver}
            isAnimationActive={false}
          >
            <LabelList dataKey="without" position="right" formatter={barLabel} fontSize={11} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

/**
 * The journeys the customers judged, by their weakest handoff before the rating: satisfied against
 * not. A rating is counted for the handoff that held the case, but what upset the customer was often
 * an earlier handoff's bounce or thin packet.
 */
export function SatisfactionJourneyChart({ metrics }: { metrics: Metrics }) {
  const j = metrics.satisfactionBy.journey;
  const rows = [
    { side: 'Satisfied', ...j.satisfied },
    { side: 'Not satisfied', ...j.notSatisfied },
  ];
  const said =
    j.gap === null
      ? 'Needs rated cases on both sides, each handed off before the rating.'
      : `Satisfied ${j.satisfied.weakestQuality} (${j.satisfied.cases} cases), not satisfied ${j.notSatisfied.weakestQuality} (${j.notSatisfied.cases}): ${signedGap(j.gap, 'points')}.`;
  return (
    <ChartFigure
      title="The journeys customers judged"
      description={`The quality of each rated case's weakest handoff before the rating (0 to 100), averaged by what the customer said. ${said}`}
      empty={nobodyRated(metrics)}
      table={
        <DataTable
          caption="The journeys customers judged"
          rows={rows}
          rowKey={(r) => r.side}
          columns={[
            { label: 'The customer', cell: (r) => r.side },
            { label: 'Rated cases handed off', cell: (r) => r.cases, numeric: true },
            {
              label: 'Weakest handoff (mean)',
              cell: (r) => (r.weakestQuality === null ? '—' : r.weakestQuality.toFixed(1)),
              numeric: true,
            },
          ]}
        />
      }
    >
      <ResponsiveContainer width="100%" height={150}>
        <BarChart data={rows} layout="vertical" margin={{ left: 24, right: 48 }} accessibilityLayer>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" domain={[0, 100]} />
          <YAxis type="category" dataKey="side" width={110} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => [v, 'Weakest handoff (mean)']} />
          <Bar
            dataKey="weakestQuality"
            name="Weakest handoff (mean)"
            fill={ACCENT}
            minPointSize={sliver}
            isAnimationActive={false}
          >
            <LabelList dataKey="weakestQuality" position="right" fontSize={11} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
