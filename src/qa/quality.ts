import { pagesAtOnce } from '../sla/deadline.ts';

/** The facts about one handoff that its automatic quality checks read. */
export type QualityFacts = {
  state: string;
  bounceReason: string | null;
  summary: string | undefined;
  clocks: { name: string; state: string; target?: string }[];
  events: { id: string; type: string; at: string; data: Record<string, unknown> }[];
  /** Customer messages after the send that restate an earlier explanation. */
  repeats: { messageId: string; of: string | null }[];
  customerMessagesAfterSend: number;
  /** A team this handoff goes to that already held the case earlier in its journey. */
  pingPongOf: string | null;
};

export type CheckResult = { id: string; result: 'pass' | 'fail' | 'na'; evidence?: string; detail?: string };

export const defaultCheckWeights: Record<string, number> = {
  packet_complete: 3,
  routed_right: 3,
  picked_up_in_time: 2,
  sla_met: 2,
  no_repeat_explanation: 2,
  no_document_rerequest: 2,
  summary_present: 1,
  no_ping_pong: 1,
};

/** The ids of every automatic check, in the order they are reported. */
export const checkIds = Object.keys(defaultCheckWeights);

const firstEvent = (
  f: QualityFacts,
  type: string,
  pred: (d: Record<string, unknown>) => boolean = () => true,
) => f.events.find((e) => e.type === type && pred(e.data));
const lastEvent = (f: QualityFacts, type: string) => f.events.findLast((e) => e.type === type);

const result =
  (r: CheckResult['result']) =>
  (id: string, evidence?: string, detail?: string): CheckResult => {
    const c: CheckResult = { id, result: r };
    if (evidence) c.evidence = evidence;
    if (detail) c.detail = detail;
    return c;
  };
const pass = result('pass');
const fail = result('fail');
const na = (id: string, detail: string) => result('na')(id, undefined, detail);

const isPage = (clock: { target?: string }) => pagesAtOnce(clock.target);
const pageNames = (f: QualityFacts) => new Set(f.clocks.filter(isPage).map((c) => c.name));

function pickedUp(f: QualityFacts): CheckResult {
  const ack = f.clocks.find((c) => c.name === 'acknowledge');
  if (!ack) return na('picked_up_in_time', 'no acknowledge clock');
  if (isPage(ack))
    return na('picked_up_in_time', 'the acknowledge clock pages at once: there is no pickup target');
  if (ack.state === 'breached')
    return fail(
      'picked_up_in_time',
      firstEvent(f, 'sla.breached', (d) => d.clock === 'acknowledge')?.id,
      'acknowledge deadline passed',
    );
  if (ack.state === 'met')
    return pass('picked_up_in_time', firstEvent(f, 'handoff.accepted')?.id, 'accepted before the deadline');
  if (ack.state === 'cancelled') return na('picked_up_in_time', 'acknowledge clock cancelled');
  return na('picked_up_in_time', 'waiting for pickup');
}

function slaMet(f: QualityFacts): CheckResult {
  const pages = pageNames(f);
  const breached = firstEvent(f, 'sla.breached', (d) => !pages.has(String(d.clock)));
  if (breached) return fail('sla_met', breached.id, `${breached.data.clock} breached`);
  const live = f.clocks.filter((c) => c.state !== 'cancelled' && !pages.has(c.name));
  if (live.length === 0) {
    if (f.clocks.length === 0) return na('sla_met', 'no SLA clock');
    return na('sla_met', f.clocks.every(isPage) ? 'only clocks that page at once' : 'every clock cancelled');
  }
  if (live.every((c) => c.state === 'met'))
    return pass('sla_met', lastEvent(f, 'sla.met')?.id, 'every clock met');
  return na('sla_met', 'clocks still running');
}

function checks(f: QualityFacts): CheckResult[] {
  const sent = firstEvent(f, 'handoff.sent');
  if (f.state === 'draft' || !sent) return checkIds.map((id) => na(id, 'not sent yet'));
  const bounce = firstEvent(f, 'handoff.bounced');
  const accepted = firstEvent(f, 'handoff.accepted');
  const rerequest = firstEvent(f, 'document.rerequested');
  return [
    f.bounceReason === 'missing_context'
      ? fail('packet_complete', bounce?.id, 'bounced for missing context')
      : pass('packet_complete', sent.id, `sent with completeness ${sent.data.completeness ?? '?'}`),
    f.bounceReason === 'wrong_team' || f.bounceReason === 'not_ours'
      ? fail('routed_right', bounce?.id, `bounced: ${f.bounceReason}`)
      : accepted
        ? pass('routed_right', accepted.id, 'accepted by the receiving team')
        : na('routed_right', 'not accepted yet'),
    pickedUp(f),
    slaMet(f),
    f.repeats.length > 0
      ? fail(
          'no_repeat_explanation',
          f.repeats[0]!.messageId,
          'the customer explained again after the handoff',
        )
      : f.customerMessagesAfterSend > 0
        ? pass(
            'no_repeat_explanation',
            undefined,
            `${f.customerMessagesAfterSend} customer message${f.customerMessagesAfterSend === 1 ? '' : 's'}, none repeated`,
          )
        : na('no_repeat_explanation', 'no customer message since the handoff'),
    rerequest
      ? fail('no_document_rerequest', rerequest.id, `asked again for ${rerequest.data.kind}`)
      : pass('no_document_rerequest', undefined, 'no document asked for again'),
    f.summary?.trim()
      ? pass('summary_present', sent.id, 'the packet carries a conversation summary')
      : fail('summary_present', sent.id, 'no conversation summary in the packet'),
    f.pingPongOf
      ? fail('no_ping_pong', sent.id, `back to ${f.pingPongOf}, which held the case before`)
      : pass('no_ping_pong', undefined, 'no team received the case twice'),
  ];
}

/** The weighted share of applicable checks that pass, 0-100 (100 when none applies). */
export function scoreChecks(
  list: readonly CheckResult[],
  weights: Record<string, number> = defaultCheckWeights,
): number {
  let total = 0;
  let got = 0;
  for (const c of list) {
    if (c.result === 'na') continue;
    const w = weights[c.id] ?? 1;
    total += w;
    if (c.result === 'pass') got += w;
  }
  return total === 0 ? 100 : Math.round((got / total) * 100);
}

/**
 * What each failing check cost: its weight as a share of the applicable weight, in points of
 * the 0-100 score (the points sum to 100 minus the unrounded score).
 */
export function pointsLost(
  list: readonly CheckResult[],
  weights: Record<string, number> = defaultCheckWeights,
): Record<string, number> {
  const applicable = list.filter((c) => c.result !== 'na');
  const total = applicable.reduce((s, c) => s + (weights[c.id] ?? 1), 0);
  const out: Record<string, number> = {};
  if (total === 0) return out;
  for (const c of applicable) {
    const w = weights[c.id] ?? 1;
    if (c.result === 'fail' && w > 0) out[c.id] = (w / total) * 100;
  }
  return out;
}

/** Automatic quality of a handoff, 0-100: the weighted share of applicable checks that pass. */
export function handoffQuality(f: QualityFacts, weights: Record<string, number> = defaultCheckWeights) {
  const list = checks(f);
  return { score: scoreChecks(list, weights), checks: list };
}
