import type { CaseView } from './derive.ts';

/** The three signals the review asks about first, then the others. */
const CORE = ['sla_breached', 'sentiment_dip', 'repeat_explanation'] as const;
export type Signal =
  | (typeof CORE)[number]
  | 'lost_escalation'
  | 'complaint'
  | 'document_rerequest'
  | 'unsatisfied';

export function signalsOf(c: CaseView): Signal[] {
  const s: Signal[] = [];
  if (c.handoffs.some((v) => v.breached)) s.push('sla_breached');
  if (c.dip) s.push('sentiment_dip');
  if (c.handoffs.some((v) => v.repeated)) s.push('repeat_explanation');
  if (c.handoffs.some((v) => v.lost)) s.push('lost_escalation');
  if (c.complaint) s.push('complaint');
  if (c.rerequests > 0) s.push('document_rerequest');
  if (c.rating && !c.rating.satisfied) s.push('unsatisfied');
  return s;
}

/**
 * Cases worth discussing: two signals or more, those with more of the core three (breached,
 * sentiment dip, repeated explanation) first, then more signals, then oldest.
 */
export function notableCases(cases: readonly CaseView[], limit = 10) {
  return cases
    .map((c) => {
      const signals = signalsOf(c);
      const core = signals.filter((s) => (CORE as readonly string[]).includes(s)).length;
      return { c, signals, core };
    })
    .filter((x) => x.signals.length >= 2)
    .sort(
      (a, b) => b.core - a.core || b.signals.length - a.signals.length || a.c.c.createdAt - b.c.c.createdAt,
    )
    .slice(0, limit)
    .map(({ c, signals }) => ({
      caseId: c.c.id,
      subject: c.c.subject,
      issueType: c.c.issueType,
      createdAt: new Date(c.c.createdAt).toISOString(),
      teams: [...new Set(c.handoffs.map((v) => v.route.to))],
      signals,
    }));
}
