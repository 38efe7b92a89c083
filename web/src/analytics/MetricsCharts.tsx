import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { bounceReasonLabels, humanize } from '../app/format.ts';
import type { Metrics, Rate } from './analytics.api.ts';
import { ChartFigure, DataTable } from './ChartFigure.tsx';
import { ACCENT, BAD, GOOD, pct, SOFT, toPct, WARN } from './chart-palette.ts';
import { duration, percent, rateText, routeLabel, weekName, weekTick } from './figures.ts';
import { useTeamName } from './useTeamName.ts';

const HOUR = 3_600_000;

const hours = (v: number) => `${v} h`;
const toHours = (ms: number | null) => (ms === null ? null : Math.round((ms / HOUR) * 10) / 10);

/** The rates of a period, each with the direction that is better. */
export function ratesOf(
  m: Metrics,
): { figure: string; label: string; better: 'lower' | 'higher'; rate: Rate }[] {
  return [
    { figure: 'repeatContact', label: 'Repeat contact', better: 'lower', rate: m.repeatContact },
    { figure: 'escalation', label: 'Escalation', better: 'lower', rate: m.escalation },
    {
      figure: 'contextComplete',
      label: 'Context complete at first send',
      better: 'higher',
      rate: m.contextComplete,
    },
    { figure: 'bounce', label: 'Bounced', better: 'lower', rate: m.bounce },
    { figure: 'pingPong', label: 'Ping-pong', better: 'lower', rate: m.pingPong },
    { figure: 'lostEscalations', label: 'Lost escalations', better: 'lower', rate: m.lostEscalations },
    { figure: 'reExplanation', label: 'Customer explained again', better: 'lower', rate: m.reExplanation },
    {
      figure: 'documentReRequests',
      label: 'Documents asked for again',
      better: 'lower',
      rate: m.documentReRequests.cases,
    },
    { figure: 'complaints', label: 'Complaints', better: 'lower', rate: m.complaints },
    { figure: 'slaAttainment', label: 'SLA attainment', better: 'higher', rate: m.slaAttainment.overall },
  ];
}

export function RatesChart({ metrics }: { metrics: Metrics }) {
  const rows = ratesOf(metrics);
  const data = rows.map((r) => ({ label: r.label, value: toPct(r.rate.rate) ?? 0, better: r.better }));
  return (
    <ChartFigure
      title="Rates of the period"
      description={`Each rate in percent. ${rows.map((r) => `${r.label}: ${percent(r.rate.rate)}`).join('; ')}.`}
      table={
        <DataTable
          caption="Rates of the period"
          rows={rows}
          rowKey={(r) => r.figure}
          columns={[
            { label: 'Figure', cell: (r) => r.label },
            { label: 'Rate', cell: (r) => rateText(r.rate), numeric: true },
            { label: 'Better when', cell: (r) => r.better },
          ]}
        />
      }
    >
      <ResponsiveContainer width="100%" height={360}>
        <BarChart data={data} layout="vertical" margin={{ left: 24, right: 24 }} accessibilityLayer>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" domain={[0, 100]} tickFormatter={pct} />
          <YAxis type="category" dataKey="label" width={210} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => [`${v} %`, 'Rate']} />
          <Bar dataKey="value" name="Rate" fill={ACCENT} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

export function PickupChart({ metrics }: { metrics: Metrics }) {
  const teamName = useTeamName();
  const routes = metrics.pickup.byRoute;
  const data = routes.map((r) => ({
    route: routeLabel(r.route, teamName),
    p50: toHours(r.calendar.p50Ms),
    p90: toHours(r.calendar.p90Ms),
  }));
  return (
    <ChartFigure
      title="Time to pick up per route"
      description={`Hours from send to accept, median and 90th percentile, calendar time. Overall median ${duration(metrics.pickup.overall.calendar.p50Ms)} (business ${duration(metrics.pickup.overall.business.p50Ms)}).`}
      empty={routes.length === 0 ? 'No handoff was accepted in this period.' : undefined}
      table={
        <DataTable
          caption="Time to pick up per route"
          rows={routes}
          rowKey={(r) => r.route}
          columns={[
            { label: 'Route', cell: (r) => routeLabel(r.route, teamName) },
            { label: 'Accepted', cell: (r) => r.calendar.count, numeric: true },
            { label: 'Median', cell: (r) => duration(r.calendar.p50Ms), numeric: true },
            { label: '90th percentile', cell: (r) => duration(r.calendar.p90Ms), numeric: true },
            { label: 'Median, business time', cell: (r) => duration(r.business.p50Ms), numeric: true },
          ]}
        />
      }
    >
      <ResponsiveContainer width="100%" height={Math.max(160, 48 * data.length + 60)}>
        <BarChart data={data} layout="vertical" margin={{ left: 24, right: 24 }} accessibilityLayer>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" tickFormatter={hours} />
          <YAxis type="category" dataKey="route" width={210} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v, name) => [`${v} h`, name]} />
          <Legend />
          <Bar dataKey="p50" name="Median" fill={ACCENT} isAnimationActive={false} />
          <Bar dataKey="p90" name="90th percentile" fill={SOFT} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

export function PairsChart({ metrics }: { metrics: Metrics }) {
  const teamName = useTeamName();
  const pairs = metrics.byPair;
  const data = pairs.map((p) => ({
    route: routeLabel(p.route, teamName),
    bounce: toPct(p.bounceRate),
    pingPong: toPct(p.pingPongRate),
  }));
  return (
    <ChartFigure
      title="Bounces and ping-pong per team pair"
      description={`Share of each route's handoffs that were bounced back, or went to a team that held the case before. Overall: bounced ${percent(metrics.bounce.rate)}, ping-pong ${percent(metrics.pingPong.rate)}.`}
      empty={pairs.length === 0 ? 'No handoff was sent in this period.' : undefined}
      table={
        <DataTable
          caption="Bounces and ping-pong per team pair"
          rows={pairs}
          rowKey={(p) => p.route}
          columns={[
            { label: 'Route', cell: (p) => routeLabel(p.route, teamName) },
            { label: 'Handoffs', cell: (p) => p.handoffs, numeric: true },
            { label: 'Bounced', cell: (p) => `${p.bounced} (${percent(p.bounceRate)})`, numeric: true },
            { label: 'Ping-pong', cell: (p) => `${p.pingPong} (${percent(p.pingPongRate)})`, numeric: true },
            {
              label: 'Bounce reasons',
              cell: (p) =>
                Object.entries(p.bounceReasons)
                  .map(([reason, n]) => `${bounceReasonLabels[reason] ?? humanize(reason)} ${n}`)
                  .join(', ') || '—',
            },
          ]}
        />
      }
    >
      <ResponsiveContainer width="100%" height={Math.max(160, 48 * data.length + 60)}>
        <BarChart data={data} layout="vertical" margin={{ left: 24, right: 24 }} accessibilityLayer>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" domain={[0, 100]} tickFormatter={pct} />
          <YAxis type="category" dataKey="route" width={210} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v, name) => [`${v} %`, name]} />
          <Legend />
          <Bar dataKey="bounce" name="Bounced" fill={BAD} isAnimationActive={false} />
          <Bar dataKey="pingPong" name="Ping-pong" fill={WARN} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

export function SlaChart({ metrics }: { metrics: Metrics }) {
  const teamName = useTeamName();
  const s = metrics.slaAttainment;
  const rows = [
    ...s.byTeam.map((t) => ({
      key: `team:${t.team}`,
      label: `${teamName(t.team)}, all routes`,
      rate: t as Rate,
    })),
    ...s.byRoute.map((r) => ({
      key: `route:${r.route}`,
      label: routeLabel(r.route, teamName),
      rate: r as Rate,
    })),
    ...s.byClock.map((c) => ({
      key: `clock:${c.clock}`,
      label: `${humanize(c.clock)} clock`,
      rate: c as Rate,
    })),
  ];
  const data = rows.map((r) => ({ label: r.label, met: toPct(r.rate.rate) }));
  return (
    <ChartFigure
      title="SLA attainment per team, route and clock"
      description={`Finished SLA clocks that were met, in percent. Overall ${rateText(s.overall)}.`}
      empty={s.overall.of === 0 ? 'No SLA clock finished in this period.' : undefined}
      table={
        <DataTable
          caption="SLA attainment"
          rows={rows}
          rowKey={(r) => r.key}
          columns={[
            { label: 'Team, route or clock', cell: (r) => r.label },
            { label: 'Met', cell: (r) => rateText(r.rate), numeric: true },
          ]}
        />
      }
    >
      <ResponsiveContainer width="100%" height={Math.max(160, 34 * data.length + 60)}>
        <BarChart data={data} layout="vertical" margin={{ left: 24, right: 24 }} accessibilityLayer>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" domain={[0, 100]} tickFormatter={pct} />
          <YAxis type="category" dataKey="label" width={210} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => [`${v} %`, 'Met']} />
          <Bar dataKey="met" name="Met" fill={GOOD} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

export type WeekMetrics = { id: string; metrics: Metrics };

export function TrendChart({ weeks }: { weeks: WeekMetrics[] }) {
  const data = weeks.map((w) => ({
    id: w.id,
    quality: w.metrics.quality.mean,
    contextComplete: toPct(w.metrics.contextComplete.rate),
    sla: toPct(w.metrics.slaAttainment.overall.rate),
    escalation: toPct(w.metrics.escalation.rate),
  }));
  return (
    <ChartFigure
      title="Handoff quality over the weeks"
      description={`Average automatic quality (0 to 100) and three rates in percent, week by week. ${data
        .map((d) => `${weekName(d.id)}: quality ${d.quality ?? 'no data'}`)
        .join('; ')}.`}
      table={
        <DataTable
          caption="Handoff quality over the weeks"
          rows={weeks}
          rowKey={(w) => w.id}
          columns={[
            { label: 'Week', cell: (w) => weekName(w.id) },
            { label: 'Handoffs', cell: (w) => w.metrics.handoffs, numeric: true },
            { label: 'Average quality', cell: (w) => w.metrics.quality.mean ?? '—', numeric: true },
            {
              label: 'Context complete',
              cell: (w) => percent(w.metrics.contextComplete.rate),
              numeric: true,
            },
            {
              label: 'SLA attainment',
              cell: (w) => percent(w.metrics.slaAttainment.overall.rate),
              numeric: true,
            },
            { label: 'Escalation', cell: (w) => percent(w.metrics.escalation.rate), numeric: true },
          ]}
        />
      }
    >
      <ResponsiveContainer width="100%" height={300}>
        <LineChart data={data} margin={{ left: 8, right: 24, top: 8 }} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="id" tick={{ fontSize: 12 }} tickFormatter={weekTick} />
          <YAxis domain={[0, 100]} />
          <Tooltip labelFormatter={(id) => weekName(String(id))} />
          <Legend />
          <Line
            dataKey="quality"
            name="Average quality"
            stroke={ACCENT}
            strokeWidth={3}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            dataKey="contextComplete"
            name="Context complete %"
            stroke={GOOD}
            connectNulls
            isAnimationActive={false}
          />
          <Line dataKey="sla" name="SLA attainment %" stroke={WARN} connectNulls isAnimationActive={false} />
          <Line
            dataKey="escalation"
            name="Escalation %"
            stroke={BAD}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
