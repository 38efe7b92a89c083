import { describe, expect, it } from 'vitest';
import {
  type CheckResult,
  checkIds,
  defaultCheckWeights,
  handoffQuality,
  pointsLost,
  type QualityFacts,
  scoreChecks,
} from './quality.ts';

const at = '2026-11-23T10:00:00.000Z';
const ev = (id: string, type: string, data: Record<string, unknown> = {}) => ({ id, type, at, data });
const sent = ev('ev_sent', 'handoff.sent', { completeness: 100 });
const accepted = ev('ev_acc', 'handoff.accepted');

/** A handoff just sent, with a running acknowledge clock and nothing else yet. */
function facts(over: Partial<QualityFacts> = {}): QualityFacts {
  return {
    state: 'sent',
    bounceReason: null,
    summary: 'Duplicate charge on the October invoice.',
    clocks: [{ name: 'acknowledge', state: 'running' }],
    events: [sent],
    repeats: [],
    customerMessagesAfterSend: 0,
    pingPongOf: null,
    ...over,
  };
}

const check = (f: QualityFacts, id: string): CheckResult =>
  handoffQuality(f).checks.find((c) => c.id === id)!;

describe('every check is n/a before the send', () => {
  it('on a draft, each check says so', () => {
    const q = handoffQuality(facts({ state: 'draft', events: [] }));
    expect(q.checks.map((c) => c.id)).toEqual(checkIds);
    for (const c of q.checks) expect(c).toEqual({ id: c.id, result: 'na', detail: 'not sent yet' });
    expect(q.score).toBe(100);
  });
});

describe('packet_complete', () => {
  it('passes on the send, with the send as evidence', () => {
    expect(check(facts(), 'packet_complete')).toEqual({
      id: 'packet_complete',
      result: 'pass',
      evidence: 'ev_sent',
      detail: 'sent with completeness 100',
    });
  });
  it('fails on a missing_context bounce, with the bounce as evidence', () => {
    const f = facts({
      state: 'bounced',
      bounceReason: 'missing_context',
      events: [sent, ev('ev_b', 'handoff.bounced', { reason: 'missing_context' })],
    });
    expect(check(f, 'packet_complete')).toMatchObject({ result: 'fail', evidence: 'ev_b' });
  });
});

describe('routed_right', () => {
  it('passes on acceptance', () => {
    const f = facts({ state: 'accepted', events: [sent, accepted] });
    expect(check(f, 'routed_right')).toMatchObject({ result: 'pass', evidence: 'ev_acc' });
  });
  it.each(['wrong_team', 'not_ours'])('fails on a %s bounce', (reason) => {
    const f = facts({
      state: 'bounced',
      bounceReason: reason,
      events: [sent, ev('ev_b', 'handoff.bounced')],
    });
    expect(check(f, 'routed_right')).toEqual({
      id: 'routed_right',
      result: 'fail',
      evidence: 'ev_b',
      detail: `bounced: ${reason}`,
    });
  });
  it('is n/a until accepted, and on a bounce for another reason', () => {
    expect(check(facts(), 'routed_right')).toEqual({
      id: 'routed_right',
      result: 'na',
      detail: 'not accepted yet',
    });
    const f = facts({
      state: 'bounced',
      bounceReason: 'needs_customer',
      events: [sent, ev('b', 'handoff.bounced')],
    });
    expect(check(f, 'routed_right').result).toBe('na');
  });
});

describe('picked_up_in_time', () => {
  it('passes when accepted before the acknowledge deadline', () => {
    const f = facts({ events: [sent, accepted], clocks: [{ name: 'acknowledge', state: 'met' }] });
    expect(check(f, 'picked_up_in_time')).toMatchObject({ result: 'pass', evidence: 'ev_acc' });
  });
  it('fails on an acknowledge breach, with the breach as evidence', () => {
    const f = facts({
      events: [sent, ev('ev_br', 'sla.breached', { clock: 'acknowledge' })],
      clocks: [{ name: 'acknowledge', state: 'breached' }],
    });
    expect(check(f, 'picked_up_in_time')).toMatchObject({ result: 'fail', evidence: 'ev_br' });
  });
  it('is n/a while waiting, without an acknowledge clock, and when the clock was cancelled', () => {
    expect(check(facts(), 'picked_up_in_time')).toMatchObject({ result: 'na', detail: 'waiting for pickup' });
    expect(check(facts({ clocks: [] }), 'picked_up_in_time')).toMatchObject({
      result: 'na',
      detail: 'no acknowledge clock',
    });
    expect(
      check(facts({ clocks: [{ name: 'acknowledge', state: 'cancelled' }] }), 'picked_up_in_time'),
    ).toMatchObject({
      result: 'na',
      detail: 'acknowledge clock cancelled',
    });
  });
});

describe('clocks that page at once (PT0M)', () => {
  const page = { name: 'acknowledge', state: 'breached', target: 'PT0M' };
  const pageBreach = ev('ev_page', 'sla.breached', { clock: 'acknowledge' });
  it('are no pickup target: a supervisor pickup is not "late" against a zero deadline', () => {
    const f = facts({ events: [sent, pageBreach, accepted], clocks: [page] });
    expect(check(f, 'picked_up_in_time')).toMatchObject({ result: 'na' });
    expect(check(f, 'picked_up_in_time').detail).toBe(
      'the acknowledge clock pages at once: there is no pickup target',
    );
  });
  it('do not fail sla_met, while a real clock beside them still does', () => {
    const resolveMet = { name: 'resolve', state: 'met', target: 'PT4H' };
    const met = facts({
      events: [sent, pageBreach, ev('m', 'sla.met', { clock: 'resolve' })],
      clocks: [page, resolveMet],
    });
    expect(check(met, 'sla_met')).toMatchObject({ result: 'pass', evidence: 'm' });
    const late = facts({
      events: [sent, pageBreach, ev('r', 'sla.breached', { clock: 'resolve' })],
      clocks: [page, { ...resolveMet, state: 'breached' }],
    });
    expect(check(late, 'sla_met')).toMatchObject({ result: 'fail', evidence: 'r' });
    expect(check(facts({ events: [sent, pageBreach], clocks: [page] }), 'sla_met')).toMatchObject({
      result: 'na',
      detail: 'only clocks that page at once',
    });
  });
  it('a one-minute acknowledge clock is a real target and still fails when breached', () => {
    const f = facts({
      events: [sent, ev('b1', 'sla.breached', { clock: 'acknowledge' })],
      clocks: [{ name: 'acknowledge', state: 'breached', target: 'PT1M' }],
    });
    expect(check(f, 'picked_up_in_time')).toMatchObject({ result: 'fail', evidence: 'b1' });
  });
});

describe('sla_met', () => {
  it('passes when every clock is met, with the last sla.met as evidence', () => {
    const f = facts({
      events: [
        sent,
        ev('m1', 'sla.met', { clock: 'acknowledge' }),
        ev('m2', 'sla.met', { clock: 'resolve' }),
      ],
      clocks: [
        { name: 'acknowledge', state: 'met' },
        { name: 'resolve', state: 'met' },
      ],
    });
    expect(check(f, 'sla_met')).toEqual({
      id: 'sla_met',
      result: 'pass',
      evidence: 'm2',
      detail: 'every clock met',
    });
  });
  it('fails on any breach, naming the clock', () => {
    const f = facts({
      events: [sent, ev('ev_br', 'sla.breached', { clock: 'resolve' })],
      clocks: [
        { name: 'acknowledge', state: 'met' },
        { name: 'resolve', state: 'breached' },
      ],
    });
    expect(check(f, 'sla_met')).toEqual({
      id: 'sla_met',
      result: 'fail',
      evidence: 'ev_br',
      detail: 'resolve breached',
    });
  });
  it('is n/a while a clock runs, with no clock, and when every clock was cancelled', () => {
    expect(check(facts(), 'sla_met')).toMatchObject({ result: 'na', detail: 'clocks still running' });
    expect(check(facts({ clocks: [] }), 'sla_met')).toMatchObject({ result: 'na', detail: 'no SLA clock' });
    expect(check(facts({ clocks: [{ name: 'acknowledge', state: 'cancelled' }] }), 'sla_met')).toMatchObject({
      result: 'na',
      detail: 'every clock cancelled',
    });
  });
});

describe('no_repeat_explanation', () => {
  it('passes when customers wrote after the send without repeating themselves', () => {
    expect(check(facts({ customerMessagesAfterSend: 2 }), 'no_repeat_explanation')).toEqual({
      id: 'no_repeat_explanation',
      result: 'pass',
      detail: '2 customer messages, none repeated',
    });
  });
  it('fails on a repeat, with the repeating message as evidence', () => {
    const f = facts({ customerMessagesAfterSend: 2, repeats: [{ messageId: 'msg_2', of: 'msg_0' }] });
    expect(check(f, 'no_repeat_explanation')).toMatchObject({ result: 'fail', evidence: 'msg_2' });
  });
  it('is n/a when the customer has not written since', () => {
    expect(check(facts(), 'no_repeat_explanation')).toMatchObject({ result: 'na' });
  });
});

describe('no_document_rerequest', () => {
  it('passes when no document was asked for again', () => {
    expect(check(facts(), 'no_document_rerequest')).toMatchObject({ result: 'pass' });
  });
  it('fails on a re-request, with its event as evidence and the kind named', () => {
    const f = facts({ events: [sent, ev('ev_rr', 'document.rerequested', { kind: 'invoice' })] });
    expect(check(f, 'no_document_rerequest')).toEqual({
      id: 'no_document_rerequest',
      result: 'fail',
      evidence: 'ev_rr',
      detail: 'asked again for invoice',
    });
  });
  it('is n/a before the send', () => {
    expect(check(facts({ state: 'draft', events: [] }), 'no_document_rerequest').result).toBe('na');
  });
});

describe('summary_present', () => {
  it('passes with a summary and fails on a blank one, both evidenced by the send', () => {
    expect(check(facts(), 'summary_present')).toMatchObject({ result: 'pass', evidence: 'ev_sent' });
    expect(check(facts({ summary: '  ' }), 'summary_present')).toMatchObject({
      result: 'fail',
      evidence: 'ev_sent',
    });
    expect(check(facts({ summary: undefined }), 'summary_present').result).toBe('fail');
  });
  it('is n/a before the send', () => {
    expect(check(facts({ state: 'draft' }), 'summary_present').result).toBe('na');
  });
});

describe('no_ping_pong', () => {
  it('passes on a first visit and fails when the case goes back to a team that held it', () => {
    expect(check(facts(), 'no_ping_pong').result).toBe('pass');
    expect(check(facts({ pingPongOf: 'finance' }), 'no_ping_pong')).toEqual({
      id: 'no_ping_pong',
      result: 'fail',
      evidence: 'ev_sent',
      detail: 'back to finance, which held the case before',
    });
  });
  it('is n/a before the send', () => {
    expect(check(facts({ state: 'draft', events: [] }), 'no_ping_pong').result).toBe('na');
  });
});

describe('the score', () => {
  const list: CheckResult[] = [
    { id: 'packet_complete', result: 'pass' },
    { id: 'routed_right', result: 'fail' },
    { id: 'sla_met', result: 'na' },
    { id: 'summary_present', result: 'pass' },
  ];
  it('is the weighted share of applicable checks that pass', () => {
    // pass 3 + 1 of applicable 3 + 3 + 1
    expect(scoreChecks(list)).toBe(Math.round((4 / 7) * 100));
  });
  it('follows tuned weights, unknown checks weighing 1', () => {
    expect(scoreChecks(list, { ...defaultCheckWeights, routed_right: 0 })).toBe(100);
    expect(scoreChecks([...list, { id: 'custom', result: 'fail' }], { ...defaultCheckWeights })).toBe(50);
  });
  it('is 100 when nothing applies', () => {
    expect(scoreChecks([{ id: 'sla_met', result: 'na' }])).toBe(100);
  });
  it('attributes the lost points to the failing checks', () => {
    const lost = pointsLost(list);
    expect(Object.keys(lost)).toEqual(['routed_right']);
    expect(lost.routed_right).toBeCloseTo((3 / 7) * 100, 10);
    expect(pointsLost([{ id: 'sla_met', result: 'na' }])).toEqual({});
  });
  it('of a clean accepted and resolved handoff is 100', () => {
    const f = facts({
      state: 'resolved',
      events: [sent, accepted, ev('m', 'sla.met')],
      clocks: [{ name: 'acknowledge', state: 'met' }],
      customerMessagesAfterSend: 1,
    });
    const q = handoffQuality(f);
    expect(q.score).toBe(100);
    expect(q.checks.every((c) => c.result === 'pass')).toBe(true);
  });
});
