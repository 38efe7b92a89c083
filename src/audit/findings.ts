import type { Finding } from './audit.types.ts';
import type { AuditReport } from './report.ts';
import { count, duration, percent } from './stats.ts';

/** The audit's findings in plain words, each with the number it rests on (a rate 0..1 or a count). */
export function findings(report: AuditReport, slaKnown: boolean): Finding[] {
  const s = report.summary;
  const { withHandoff: w, withoutHandoff: wo } = report.comparison;
  const out: Finding[] = [];
  const add = (id: string, value: number | null, text: string) => out.push({ id, value, text });
  if (s.cases === 0) {
    add('empty', 0, 'The export holds no cases.');
    return out;
  }
  add(
    'handoff_rate',
    s.handoffRate,
    `${percent(s.handoffRate)} of cases (${count(s.casesWithHandoff)} of ${count(s.cases)}) moved between teams at least once: ` +
      `${count(s.handoffs)} handoffs in all, ${count(s.handoffsPerHandedOffCase ?? 0)} per handed-off case on average.`,
  );
  if (s.handoffs > 0) {
    add(
      'no_ownership',
      s.ownerlessRate,
      `No ownership on ${percent(s.ownerlessRate)} of handoffs (${count(s.ownerlessHandoffs)} of ${count(s.handoffs)}): ` +
        'the receiving team held the case with nobody named until it moved on or closed.',
    );
    const worst = report.topPingPongPairs[0];
    const pair = worst
      ? ` The worst loop: ${worst.teams[0]} and ${worst.teams[1]} (${count(worst.returns)} returns).`
      : '';
    add(
      'ping_pong',
      s.pingPongRate,
      `${percent(s.pingPongRate)} of handed-off cases (${count(s.pingPongCases)}) came back to a team that had already ` +
        `held them.${pair}`,
    );
    const many = report.hopsPerCase.filter((h) => h.handoffs >= 3).reduce((sum, h) => sum + h.cases, 0);
    add(
      'many_hops',
      many,
      `${count(many)} cases (${percent(many / s.cases)}) went through 3 or more handoffs.`,
    );
  }
  if (s.pickupsMeasured > 0) {
    add(
      'pickup',
      s.medianPickupMinutes,
      `After a handoff, the median wait until someone owned the case was ${duration((s.medianPickupMinutes ?? 0) / 60, (s.p90PickupMinutes ?? 0) / 60)} ` +
        `(90% within ${duration((s.p90PickupMinutes ?? 0) / 60)}); ${count(s.pickupsOver48h)} handoffs waited more than ` +
        '48 hours for an owner.',
    );
  }
  if (slaKnown && w.cases > 0 && wo.cases > 0) {
    add(
      'sla_with_handoff',
      w.slaMissed.rate,
      `The SLA was missed in ${percent(w.slaMissed.rate)} of cases with a handoff against ` +
        `${percent(wo.slaMissed.rate)} of cases without one.`,
    );
  }
  if (s.reopenedCases > 0 && w.cases > 0 && wo.cases > 0) {
    add(
      'reopen_with_handoff',
      w.reopened.rate,
      `${percent(w.reopened.rate)} of cases with a handoff were reopened, against ${percent(wo.reopened.rate)} ` +
        'of cases without one.',
    );
  }
  if (w.medianResolutionHours !== null && wo.medianResolutionHours !== null) {
    const longer = Math.max(w.medianResolutionHours, wo.medianResolutionHours);
    add(
      'resolution_with_handoff',
      w.medianResolutionHours,
      `Cases with a handoff took a median of ${duration(w.medianResolutionHours, longer)} to resolve, against ` +
        `${duration(wo.medianResolutionHours, longer)} without one.`,
    );
  }
  if (w.badSatisfaction.of > 0) {
    add(
      'satisfaction_with_handoff',
      w.badSatisfaction.rate,
      `${percent(w.badSatisfaction.rate)} of rated cases with a handoff were rated bad, against ` +
        `${percent(wo.badSatisfaction.rate)} without one.`,
    );
  }
  add(
    'not_measured',
    null,
    'This export holds no handoff notes or conversation, so missing context, repeated explanations and ' +
      'document re-requests cannot be measured from it; Baton measures them on every handoff it carries.',
  );
  return out;
}
