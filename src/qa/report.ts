import type { ReportBy } from './qa.types.ts';
import { type CheckResult, checkIds, pointsLost, scoreChecks } from './quality.ts';

/** One handoff, as the quality report reads it. */
export type ReportRow = {
  handoffId: string;
  sentAt: string;
  scenario: string;
  agent: { id: string; name: string } | null;
  team: { key: string; name: string } | null;
  receivingTeam: { key: string; name: string };
  checks: CheckResult[];
  /** The scenario's check weights (tuned or default). */
  weights: Record<string, number>;
  /** Totals of the reviewers' scorecard reviews of this handoff. */
  reviewTotals: number[];
};

const day = 86_400_000;
const round1 = (x: number) => Math.round(x * 10) / 10;
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** ISO 8601 week of an instant, in UTC: `2026-W48` (weeks start on Monday; week 1 holds a Thursday). */
export function isoWeek(iso: string): string {
  const d = new Date(iso);
  const date = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(date - weekday * day + 3 * day);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * day)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The report's period, half-open [from, to). A bare date `to` includes that whole day (UTC);
 * left out, `to` is now and `from` 28 days before it.
 */
export function periodOf(from: string | undefined, to: string | undefined, now: Date) {
  const end = to ? new Date(to.length === 10 ? Date.parse(to) + day : Date.parse(to)) : now;
  const start = from ? new Date(from) : new Date(end.getTime() - 28 * day);
  return { from: start, to: end };
}

function groupOf(r: ReportRow, by: ReportBy): { key: string; label: string } {
  switch (by) {
    case 'agent':
      return r.agent ? { key: r.agent.id, label: r.agent.name } : { key: '-', label: '(no sending person)' };
    case 'team':
      return r.team ? { key: r.team.key, label: r.team.name } : { key: '-', label: '(no sending team)' };
    case 'receiving_team':
      return { key: r.receivingTeam.key, label: r.receivingTeam.name };
    case 'scenario':
      return { key: r.scenario, label: r.scenario };
    case 'week':
      return { key: isoWeek(r.sentAt), label: isoWeek(r.sentAt) };
  }
}

function summarise(rows: readonly ReportRow[]) {
  const counts: Record<string, { pass: number; fail: number; na: number }> = {};
  const lost: Record<string, number> = {};
  const failures: Record<string, number> = {};
  for (const id of checkIds) counts[id] = { pass: 0, fail: 0, na: 0 };
  for (const r of rows) {
    for (const c of r.checks) {
      counts[c.id] ??= { pass: 0, fail: 0, na: 0 };
      counts[c.id]![c.result] += 1;
      if (c.result === 'fail') failures[c.id] = (failures[c.id] ?? 0) + 1;
    }
    for (const [id, pts] of Object.entries(pointsLost(r.checks, r.weights))) lost[id] = (lost[id] ?? 0) + pts;
  }
  const totalLost = Object.values(lost).reduce((a, b) => a + b, 0);
  const costliest = Object.entries(lost)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([check, pts]) => ({
      check,
      failures: failures[check] ?? 0,
      pointsLost: round1(pts),
      perHandoff: round1(pts / rows.length),
      share: round1((pts / totalLost) * 100),
    }));
  const scores = rows.map((r) => scoreChecks(r.checks, r.weights));
  const reviews = rows.flatMap((r) => r.reviewTotals);
  const avgReview = mean(reviews);
  const avg = mean(scores);
  return {
    handoffs: rows.length,
    averageScore: avg === null ? null : round1(avg),
    reviews: { count: reviews.length, averageTotal: avgReview === null ? null : round1(avgReview) },
    checks: counts,
    costliest,
  };
}

/** Automatic quality grouped by agent, team, scenario or ISO week, with the checks that cost most. */
export function qualityReport(rows: readonly ReportRow[], by: ReportBy) {
  const groups = new Map<string, { label: string; rows: ReportRow[] }>();
  for (const r of rows) {
    const g = groupOf(r, by);
    const entry = groups.get(g.key) ?? { label: g.label, rows: [] };
    entry.rows.push(r);
    groups.set(g.key, entry);
  }
  return {
    by,
    overall: summarise(rows),
    groups: [...groups.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([key, g]) => ({ key, label: g.label, ...summarise(g.rows) })),
  };
}

export type QualityReport = ReturnType<typeof qualityReport>;

/** The report as CSV rows: one per group, then the overall line. */
export function reportTable(report: QualityReport) {
  const header = [
    'by',
    'key',
    'label',
    'handoffs',
    'average_score',
    'reviews',
    'average_review_total',
    'costliest_check',
    ...checkIds.flatMap((id) => [`${id}_fail`, `${id}_points_lost`]),
  ];
  const line = (key: string, label: string, s: ReturnType<typeof summarise>) => [
    report.by,
    key,
    label,
    s.handoffs,
    s.averageScore,
    s.reviews.count,
    s.reviews.averageTotal,
    s.costliest[0]?.check ?? '',
    ...checkIds.flatMap((id) => [
      s.checks[id]?.fail ?? 0,
      s.costliest.find((c) => c.check === id)?.pointsLost ?? 0,
    ]),
  ];
  return {
    header,
    rows: [...report.groups.map((g) => line(g.key, g.label, g)), line('*', '(all)', report.overall)],
  };
}
