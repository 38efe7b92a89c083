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
import { ChartFigure, DataTable } from '../analytics/ChartFigure.tsx';
import { ACCENT, BAD, barLabel, GOOD, pct, SLATE, SOFT, sliver, toPct } from '../analytics/chart-palette.ts';
import { rateText } from '../analytics/figures.ts';
import { gapText } from '../analytics/SatisfactionCharts.tsx';
import type { SatisfactionAgreement } from './qa.api.ts';
import { bandLabels } from './satisfaction-words.ts';

type Rate = SatisfactionAgreement['rated'];

/** The three QA scores the band chart sets side by side, in the order of its legend. */
const bandSeries = [
  { key: 'automatic', name: 'Automatic quality (rated handoff)', fill: ACCENT },
  { key: 'journey', name: 'Automatic quality (whole journey)', fill: SLATE },
  { key: 'reviews', name: "Reviewers' total", fill: SOFT },
] as const;

/** CSAT in each band of the automatic score (the rated handoff's, the journey's) and of the reviewers' totals. */
export function CsatByBandChart({ a }: { a: SatisfactionAgreement }) {
  const rows = a.automatic.bands.map((b, i) => ({
    band: b.band,
    label: bandLabels[b.band] ?? b.band,
    automatic: b,
    journey: a.journey.bands[i]!,
    reviews: a.reviews.bands[i]!,
  }));
  const data = rows.map((r) => ({
    label: r.label,
    ...Object.fromEntries(bandSeries.map((s) => [s.key, toPct(r[s.key].rate)])),
  }));
  return (
    <ChartFigure
      title="CSAT by QA score"
      description="The share of rated handoffs the customer was satisfied with, in each band of the automatic quality score (of the rated handoff, and the weakest of its case's journey up to the rating) and of the reviewers' total, in percent. A score that measures what customers feel climbs from left to right."
      empty={a.rated.of === 0 ? 'No customer rated a handoff sent in this period.' : undefined}
      table={
        <DataTable
          caption="CSAT by QA score"
          rows={rows}
          rowKey={(r) => r.band}
          columns={[
            { label: 'Score', cell: (r) => r.label },
            ...bandSeries.map((s) => ({
              label: `CSAT by ${s.name[0]!.toLowerCase()}${s.name.slice(1)}`,
              cell: (r: (typeof rows)[number]) => rateText(r[s.key]),
              numeric: true,
            })),
          ]}
        />
      }
    >
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={data} margin={{ top: 20, right: 16 }} accessibilityLayer>
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis dataKey="label" />
          <YAxis domain={[0, 100]} tickFormatter={pct} />
          <Tooltip formatter={(v, name) => [`${v} %`, name]} />
          <Legend />
          {bandSeries.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.name}
              fill={s.fill}
              minPointSize={sliver}
              isAnimationActive={false}
            >
              <LabelList dataKey={s.key} position="top" formatter={barLabel} fontSize={11} />
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

export type FailedPassed = { key: string; label: string; failed: Rate; passed: Rate; gap: number | null };

/**
 * CSAT where a check or criterion failed against where it passed: the ones customers feel show a
 * large negative gap; one with no gap scores something customers do not notice.
 */
export function FailedPassedChart({
  title,
  description,
  rows,
  what,
}: {
  title: string;
  description: string;
  rows: FailedPassed[];
  what: string;
}) {
  const shown = rows.filter((r) => r.failed.of + r.passed.of > 0);
  const data = shown.map((r) => ({
    label: r.label,
    failed: toPct(r.failed.rate),
    passed: toPct(r.passed.rate),
  }));
  return (
    <ChartFigure
      title={title}
      description={description}
      empty={shown.length === 0 ? `No rated handoff has a ${what} scored in this period.` : undefined}
      table={
        <DataTable
          caption={title}
          rows={shown}
          rowKey={(r) => r.key}
          columns={[
            { label: what[0]!.toUpperCase() + what.slice(1), cell: (r) => r.label },
            { label: 'CSAT where it failed', cell: (r) => rateText(r.failed), numeric: true },
            { label: 'CSAT where it passed', cell: (r) => rateText(r.passed), numeric: true },
            { label: 'Gap', cell: (r) => gapText(r.gap), numeric: true },
          ]}
        />
      }
    >
      <ResponsiveContainer width="100%" height={48 * data.length + 80}>
        <BarChart data={data} layout="vertical" margin={{ left: 24, right: 60 }} accessibilityLayer>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" domain={[0, 100]} tickFormatter={pct} />
          <YAxis type="category" dataKey="label" width={170} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v, name) => [`${v} %`, name]} />
          <Legend />
          <Bar
            dataKey="failed"
            name="Where it failed"
            fill={BAD}
            minPointSize={sliver}
            isAnimationActive={false}
          >
            <LabelList dataKey="failed" position="right" formatter={barLabel} fontSize={11} />
          </Bar>
          <Bar
            dataKey="passed"
            name="Where it passed"
            fill={GOOD}
            minPointSize={sliver}
            isAnimationActive={false}
          >
            <LabelList dataKey="passed" position="right" formatter={barLabel} fontSize={11} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
