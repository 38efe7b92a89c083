/** The facts about one handoff that its automatic quality checks read. */
export type QualityFacts = {
  state: string;
  bounceReason: string | null;
  summary: string | undefined;
  clocks: { name: string; state: string }[];
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

const firstEvent = (
  f: QualityFacts,
  type: string,
  pred: (d: Record<string, unknown>) => boolean = () => true,
) => f.events.find((e) => e.type === type && pred(e.data));

function checks(f: QualityFacts): CheckResult[] {
  const sent = firstEvent(f, 'handoff.sent');
  const bounce = firstEvent(f, 'handoff.bounced');
  if (f.state === 'draft' || !sent) {
    return Object.keys(defaultCheckWeights).map((id) => ({ id, result: 'na', detail: 'not sent yet' }));
  }
  const ack = f.clocks.find((c) => c.name === 'acknowledge');
  const ackEvent =
    firstEvent(f, 'sla.breached', (d) => d.clock === 'acknowledge') ?? firstEvent(f, 'handoff.accepted');
  const breached = firstEvent(f, 'sla.breached');
  const stopped = f.clocks.filter((c) => c.state === 'met' || c.state === 'breached');
  const rerequest = firstEvent(f, 'document.rerequested');
  const accepted = firstEvent(f, 'handoff.accepted');
  const pass = (id: string, evidence?: string, detail?: string): CheckResult => ({
    id,
    result: 'pass',
    evidence,
    detail,
  });
  const fail = (id: string, evidence?: string, detail?: string): CheckResult => ({
    id,
    result: 'fail',
    evidence,
    detail,
  });
  const na = (id: string, detail: string): CheckResult => ({ id, result: 'na', detail });
  return [
    f.bounceReason === 'missing_context'
      ? fail('packet_complete', bounce?.id, 'bounced for missing context')
      : pass('packet_complete', sent.id, `sent with completeness ${sent.data.completeness ?? '?'}`),
    f.bounceReason === 'wrong_team' || f.bounceReason === 'not_ours'
      ? fail('routed_right', bounce?.id, `bounced: ${f.bounceReason}`)
      : accepted
        ? pass('routed_right', accepted.id, 'accepted by the receiving team')
        : na('routed_right', 'not accepted yet'),
    !ack
      ? na('picked_up_in_time', 'no acknowledge clock')
      : ack.state === 'breached'
        ? fail('picked_up_in_time', ackEvent?.id, 'acknowledge deadline passed')
        : ack.state === 'met'
          ? pass('picked_up_in_time', ackEvent?.id)
          : na('picked_up_in_time', 'waiting for pickup'),
    breached
      ? fail('sla_met', breached.id, `${breached.data.clock} breached`)
      : stopped.length > 0 && stopped.length === f.clocks.filter((c) => c.state !== 'cancelled').length
        ? pass('sla_met', undefined, 'every clock met')
        : na('sla_met', 'clocks still running'),
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
            `${f.customerMessagesAfterSend} customer messages, none repeated`,
          )
        : na('no_repeat_explanation', 'no customer message since the handoff'),
    rerequest
      ? fail('no_document_rerequest', rerequest.id, `asked again for ${rerequest.data.kind}`)
      : pass('no_document_rerequest', undefined, 'no document asked for again'),
    f.summary?.trim()
      ? pass('summary_present')
      : fail('summary_present', undefined, 'no conversation summary in the packet'),
    f.pingPongOf
      ? fail('no_ping_pong', undefined, `back to ${f.pingPongOf}, which held the case before`)
      : pass('no_ping_pong'),
  ];
}

/** Automatic quality of a handoff, 0-100: the weighted share of applicable checks that pass. */
export function handoffQuality(f: QualityFacts, weights: Record<string, number> = defaultCheckWeights) {
  const list = checks(f);
  let total = 0;
  let got = 0;
  for (const c of list) {
    if (c.result === 'na') continue;
    const w = weights[c.id] ?? 1;
    total += w;
    if (c.result === 'pass') got += w;
  }
  return { score: total === 0 ? 100 : Math.round((got / total) * 100), checks: list };
}
