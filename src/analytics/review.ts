import { isTemplateStale, staleTemplateDays } from '../scenarios/scenario-view.ts';
import { bouncingPairs } from './bouncing-pairs.ts';
import { slaCalibration } from './calibration.ts';
import { deriveViews } from './derive.ts';
import type { Facts } from './facts.ts';
import { clusterSubjects, issueTypeTrends } from './issue-patterns.ts';
import { computeMetrics, type Metrics } from './metrics.ts';
import { notableCases } from './notable.ts';
import { localDate, type Week } from './period.ts';
import { vocabularyHealth } from './vocabulary-health.ts';

const DAY_MS = 86_400_000;

/** The figures the review opens with, this week against the week before. */
const HEADLINE: {
  figure: string;
  label: string;
  /** Which way is better; null for volumes, which are neither. */
  better: 'lower' | 'higher' | null;
  of: (m: Metrics) => number | null;
}[] = [
  { figure: 'cases', label: 'Cases opened', better: null, of: (m) => m.cases },
  { figure: 'handoffs', label: 'Handoffs sent', better: null, of: (m) => m.handoffs },
  { figure: 'escalation', label: 'Escalation rate', better: 'lower', of: (m) => m.escalation.rate },
  {
    figure: 'contextComplete',
    label: 'Context complete at first send',
    better: 'higher',
    of: (m) => m.contextComplete.rate,
  },
  { figure: 'bounce', label: 'Bounce rate', better: 'lower', of: (m) => m.bounce.rate },
  {
    figure: 'lostEscalations',
    label: 'Lost escalations',
    better: 'lower',
    of: (m) => m.lostEscalations.count,
  },
  {
    figure: 'slaAttainment',
    label: 'SLA attainment',
    better: 'higher',
    of: (m) => m.slaAttainment.overall.rate,
  },
  { figure: 'reExplanation', label: 'Re-explanation rate', better: 'lower', of: (m) => m.reExplanation.rate },
  {
    figure: 'pickupP50',
    label: 'Time to pick up (p50)',
    better: 'lower',
    of: (m) => m.pickup.overall.calendar.p50Ms,
  },
  {
    figure: 'resolutionP50',
    label: 'Resolution time (p50)',
    better: 'lower',
    of: (m) => m.resolutionTime.calendar.p50Ms,
  },
  { figure: 'quality', label: 'Average handoff quality', better: 'higher', of: (m) => m.quality.mean },
  {
    figure: 'satisfaction',
    label: 'Customer satisfaction (CSAT)',
    better: 'higher',
    of: (m) => m.satisfaction.rate,
  },
];

/**
 * The weekly cross-team review (the seed's "weekly reviews, issue pattern analysis, vocabulary
 * standardisation, workflow calibration"), built from facts covering the week and the week before.
 */
export function buildWeeklyReview(facts: Facts, week: Week, opts: { routedTerms?: readonly string[] } = {}) {
  const views = deriveViews(facts);
  const inWeek = (ms: number, w: { start: number; end: number }) => ms >= w.start && ms < w.end;
  const current = computeMetrics(views, { from: week.start, to: week.end }).metrics;
  const previous = computeMetrics(views, { from: week.previous.start, to: week.previous.end }).metrics;
  const sent = views.handoffs.filter((v) => inWeek(v.h.sentAt, week));
  const opened = facts.cases.filter((c) => inWeek(c.createdAt, week));
  const openedBefore = facts.cases.filter((c) => inWeek(c.createdAt, week.previous));
  const touched = [...views.cases.values()].filter(
    (c) => inWeek(c.c.createdAt, week) || c.handoffs.some((v) => inWeek(v.h.sentAt, week)),
  );
  const untagged = opened.filter((c) => !c.issueType?.trim());
  // Known: a scenario's trigger names it, or the vocabulary routes it to a scenario (vocabulary/taxonomy.ts).
  const known = [
    ...facts.scenarios.flatMap((s) => s.definition.trigger?.issueTypes ?? []),
    ...(opts.routedTerms ?? []),
  ];
  const asOf = new Date(week.end);
  return {
    week: {
      id: week.id,
      start: new Date(week.start).toISOString(),
      end: new Date(week.end).toISOString(),
      timezone: facts.timezone,
      firstDay: localDate(week.start, facts.timezone),
      lastDay: localDate(week.end - DAY_MS, facts.timezone),
      previous: week.previous.id,
    },
    headline: HEADLINE.map((h) => ({
      figure: h.figure,
      label: h.label,
      better: h.better,
      thisWeek: h.of(current),
      previousWeek: h.of(previous),
    })),
    slaCalibration: slaCalibration(sent),
    issuePatterns: {
      ...issueTypeTrends(opened, openedBefore),
      untagged: {
        count: untagged.length,
        ...clusterSubjects(untagged.map((c) => ({ id: c.id, subject: c.subject }))),
      },
    },
    vocabulary: vocabularyHealth(opened, openedBefore, known),
    staleTemplates: facts.scenarios
      .filter((s) => isTemplateStale(s.definition, asOf))
      .map((s) => ({
        scenario: s.id,
        templateVersion: s.definition.template!.version,
        lastReviewed: s.definition.template!.lastReviewed,
        ageDays: Math.floor(
          (week.end - Date.parse(`${s.definition.template!.lastReviewed}T00:00:00Z`)) / DAY_MS,
        ),
        staleAfterDays: staleTemplateDays,
      }))
      .sort((a, b) => b.ageDays - a.ageDays),
    bouncingPairs: bouncingPairs(sent),
    notableCases: notableCases(touched),
    metrics: current,
  };
}

export type WeeklyReview = ReturnType<typeof buildWeeklyReview>;
