import {
  complaintRate,
  documentReRequests,
  escalationRate,
  repeatContactRate,
  resolutionTimes,
} from './case-figures.ts';
import type { CaseView, HandoffView, Views } from './derive.ts';
import {
  averageQuality,
  contextCompleteRate,
  lostEscalations,
  pickupTimes,
  reExplanationRate,
  slaAttainment,
  teamPairs,
} from './handoff-figures.ts';
import {
  satisfactionByJourney,
  satisfactionBySignal,
  satisfactionByTeam,
  satisfactionRate,
} from './satisfaction-figures.ts';

/** A period [from, to) in UTC ms and the optional narrowing filters (team by key). */
export type MetricsFilter = {
  from: number;
  to: number;
  team?: string;
  scenario?: string;
  issueType?: string;
};

/** The raw values behind the times and scores, for before/after tests. */
export type Samples = {
  resolutionCalendar: number[];
  resolutionBusiness: number[];
  pickupCalendar: number[];
  pickupBusiness: number[];
  quality: number[];
};

export type Selection = {
  /** Cases created in the period (of the issue type). */
  cases: CaseView[];
  /** Those of them the figures speak of: with a team or scenario filter, the ones it touched. */
  scoped: CaseView[];
  escalated: number;
  /** Handoffs sent in the period, matching the filters. */
  handoffs: HandoffView[];
};

const within = (ms: number, f: MetricsFilter) => ms >= f.from && ms < f.to;

/**
 * Each figure counts its subjects by when they started: case figures the cases created in the
 * period, handoff figures the handoffs sent in it (see docs/analytics.md).
 */
export function select(views: Views, f: MetricsFilter): Selection {
  const matches = (v: HandoffView) =>
    (!f.scenario || v.h.scenarioId === f.scenario) &&
    (!f.team || v.h.toTeam === f.team || v.h.fromTeam === f.team);
  const ofType = (c: CaseView) => !f.issueType || c.c.issueType === f.issueType;
  const cases = [...views.cases.values()].filter((c) => within(c.c.createdAt, f) && ofType(c));
  const touched = cases.filter((c) => c.handoffs.some(matches));
  const handoffs = views.handoffs.filter((v) => {
    const c = views.cases.get(v.h.caseId);
    return within(v.h.sentAt, f) && matches(v) && c !== undefined && ofType(c);
  });
  return { cases, scoped: f.team || f.scenario ? touched : cases, escalated: touched.length, handoffs };
}

export function computeMetrics(views: Views, f: MetricsFilter) {
  const s = select(views, f);
  const pairs = teamPairs(s.handoffs);
  const metrics = {
    period: { from: new Date(f.from).toISOString(), to: new Date(f.to).toISOString() },
    filters: { team: f.team ?? null, scenario: f.scenario ?? null, issueType: f.issueType ?? null },
    cases: s.scoped.length,
    handoffs: s.handoffs.length,
    repeatContact: repeatContactRate(s.scoped),
    escalation: escalationRate(s.cases, s.escalated),
    resolutionTime: resolutionTimes(s.scoped),
    pickup: pickupTimes(s.handoffs),
    contextComplete: contextCompleteRate(s.handoffs),
    bounce: pairs.bounce,
    pingPong: pairs.pingPong,
    byPair: pairs.byPair,
    lostEscalations: lostEscalations(s.handoffs),
    reExplanation: reExplanationRate(s.handoffs),
    documentReRequests: documentReRequests(s.scoped),
    complaints: complaintRate(s.scoped),
    slaAttainment: slaAttainment(s.handoffs),
    quality: averageQuality(s.handoffs),
    satisfaction: satisfactionRate(s.scoped),
    satisfactionBy: {
      team: satisfactionByTeam(s.scoped),
      signal: satisfactionBySignal(s.scoped),
      journey: satisfactionByJourney(s.scoped),
    },
  };
  const resolved = s.scoped.filter((c) => c.resolution !== null).map((c) => c.resolution!);
  const accepted = s.handoffs.filter((v) => v.pickupMs !== null);
  const samples: Samples = {
    resolutionCalendar: resolved.map((r) => r.calendarMs),
    resolutionBusiness: resolved.filter((r) => r.businessMs !== null).map((r) => r.businessMs!),
    pickupCalendar: accepted.map((v) => v.pickupMs!),
    pickupBusiness: accepted.filter((v) => v.pickupBusinessMs !== null).map((v) => v.pickupBusinessMs!),
    quality: s.handoffs.map((v) => v.quality),
  };
  return { metrics, samples };
}

export type Metrics = ReturnType<typeof computeMetrics>['metrics'];
