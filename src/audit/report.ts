import type { AuditFormat, CohortStats, Finding, TeamPairRow, TeamRow } from './audit.types.ts';
import { findings } from './findings.ts';
import type { AuditMetrics } from './metrics.ts';
import { HOUR, MINUTE, quantileIn, ratio, round } from './stats.ts';

export type AuditSummary = {
  cases: number;
  events: number;
  handoffs: number;
  casesWithHandoff: number;
  pingPongCases: number;
  ownerlessHandoffs: number;
  slaMissedCases: number;
  reopenedCases: number;
  pingPongHandoffs: number;
  teams: number;
  handoffRate: number | null;
  ownerlessRate: number | null;
  pingPongRate: number | null;
  slaMissRate: number | null;
  reopenRate: number | null;
  handoffsPerHandedOffCase: number | null;
  maxHandoffsInCase: number;
  pickupsMeasured: number;
  medianPickupMinutes: number | null;
  p90PickupMinutes: number | null;
  pickupsOver48h: number;
  medianResolutionHours: number | null;
};

export type AuditInput = { format: AuditFormat; kind: 'csv' | 'json'; file?: string; skippedRows: number };

export type AuditReport = {
  summary: AuditSummary;
  comparison: { withHandoff: CohortStats; withoutHandoff: CohortStats };
  teamPairs: TeamPairRow[];
  teams: TeamRow[];
  hopsPerCase: { handoffs: number; cases: number }[];
  topPingPongPairs: { teams: [string, string]; returns: number; cases: number }[];
  findings: Finding[];
  input: AuditInput;
};

/** Turns the added-up metrics into the report written to OUT.json. */
export function buildReport(m: AuditMetrics, input: AuditInput): AuditReport {
  const waits = m.waits;
  const pickupsOver48h = waits.filter((w) => w > 48 * HOUR).length;
  const resolutions = [...m.withHandoff.resolutions, ...m.withoutHandoff.resolutions];
  const summary: AuditSummary = {
    cases: m.cases,
    events: m.events,
    handoffs: m.handoffs,
    casesWithHandoff: m.casesWithHandoff,
    pingPongCases: m.pingPongCases,
    ownerlessHandoffs: m.ownerlessHandoffs,
    slaMissedCases: m.slaMissedCases,
    reopenedCases: m.reopenedCases,
    pingPongHandoffs: m.pingPongHandoffs,
    teams: m.teams.size,
    handoffRate: ratio(m.casesWithHandoff, m.cases),
    ownerlessRate: ratio(m.ownerlessHandoffs, m.handoffs),
    pingPongRate: ratio(m.pingPongCases, m.casesWithHandoff),
    slaMissRate: ratio(m.slaMissedCases, m.cases),
    reopenRate: ratio(m.reopenedCases, m.cases),
    handoffsPerHandedOffCase: m.casesWithHandoff === 0 ? null : round(m.handoffs / m.casesWithHandoff, 2),
    maxHandoffsInCase: m.maxHandoffs,
    pickupsMeasured: waits.length,
    medianPickupMinutes: quantileIn(waits, 0.5, MINUTE),
    p90PickupMinutes: quantileIn(waits, 0.9, MINUTE),
    pickupsOver48h,
    medianResolutionHours: quantileIn(resolutions, 0.5, HOUR),
  };
  const hopsPerCase = [...m.hops.entries()]
    .map(([handoffs, cases]) => ({ handoffs, cases }))
    .sort((a, b) => a.handoffs - b.handoffs);
  const topPingPongPairs = [...m.loops.values()]
    .sort((a, b) => b.returns - a.returns || b.cases - a.cases || a.teams[0].localeCompare(b.teams[0]))
    .slice(0, 10);
  const report: AuditReport = {
    summary,
    comparison: { withHandoff: m.cohort('with'), withoutHandoff: m.cohort('without') },
    teamPairs: m.teamPairs(),
    teams: m.teamRows(),
    hopsPerCase,
    topPingPongPairs,
    findings: [],
    input,
  };
  report.findings = findings(report, m.slaKnownCases > 0);
  return report;
}
