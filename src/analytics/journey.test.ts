import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../sla/calendar.ts';
import type { ClockFact, EventFact, HandoffFact } from './facts.ts';
import { at, H, officeHours } from './fixtures.ts';
import {
  caseResolution,
  clockUsedMs,
  contextComplete,
  firstBreachAt,
  isLost,
  journeyOf,
  pingPongOf,
  resolutionOf,
  routeOf,
} from './journey.ts';

const handoff = (over: Partial<HandoffFact>): HandoffFact => ({
  id: 'h',
  caseId: 'c',
  scenarioId: 's',
  fromKind: 'agent',
  fromTeam: 'support',
  toTeam: 'finance',
  state: 'sent',
  ownerId: 'p',
  completeness: 100,
  bounceReason: null,
  previousId: null,
  summary: undefined,
  createdAt: 0,
  sentAt: 0,
  acceptedAt: null,
  resolvedAt: null,
  ...over,
});
const clock = (over: Partial<ClockFact>): ClockFact => ({
  id: 'k',
  handoffId: 'h',
  name: 'acknowledge',
  target: 'PT4H',
  state: 'running',
  calendar: officeHours,
  startedAt: 0,
  stoppedAt: null,
  breachedAt: null,
  budgetMs: 4 * H,
  consumedMs: 0,
  segmentStartedAt: 0,
  ...over,
});
const event = (type: string, when: number): EventFact => ({
  id: type,
  caseId: 'c',
  handoffId: 'h',
  type,
  at: when,
  data: {},
});

describe('routes and journeys', () => {
  it('names a route by team keys, or the kind of sender without a team', () => {
    expect(routeOf(handoff({})).key).toBe('support → finance');
    expect(routeOf(handoff({ fromTeam: null, fromKind: 'bot', toTeam: 'supervisors' }))).toEqual({
      from: '(bot)',
      to: 'supervisors',
      key: '(bot) → supervisors',
    });
  });

  it('keeps sent, accepted, resolved and bounced handoffs, oldest first', () => {
    const list = [
      handoff({ id: 'b', createdAt: 2 }),
      handoff({ id: 'x', state: 'cancelled', createdAt: 1 }),
      handoff({ id: 'a', state: 'bounced', createdAt: 0 }),
    ];
    expect(journeyOf(list).map((h) => h.id)).toEqual(['a', 'b']);
  });

  it('flags a handoff back to a team that held the case before', () => {
    const a = handoff({ id: 'a', fromTeam: 'support', toTeam: 'finance', createdAt: 0 });
    const b = handoff({ id: 'b', fromTeam: 'finance', toTeam: 'tier2', createdAt: 1 });
    const c = handoff({ id: 'c', fromTeam: 'tier2', toTeam: 'support', createdAt: 2 });
    const journey = [a, b, c];
    expect(pingPongOf(a, journey)).toBeNull();
    expect(pingPongOf(b, journey)).toBeNull();
    expect(pingPongOf(c, journey)).toBe('support'); // support sent the first handoff
  });

  it('context is complete at 100 unless bounced for missing context', () => {
    expect(contextComplete({ completeness: 100, bounceReason: null })).toBe(true);
    expect(contextComplete({ completeness: 100, bounceReason: 'wrong_team' })).toBe(true);
    expect(contextComplete({ completeness: 100, bounceReason: 'missing_context' })).toBe(false);
    expect(contextComplete({ completeness: 92, bounceReason: null })).toBe(false);
  });

  it('a case is resolved when its last handoff is and none is open', () => {
    const a = handoff({ id: 'a', state: 'resolved', resolvedAt: 5, createdAt: 0 });
    const b = handoff({ id: 'b', state: 'accepted', createdAt: 1 });
    expect(resolutionOf([a])?.id).toBe('a');
    expect(resolutionOf([a, b])).toBeNull();
    expect(resolutionOf([handoff({ state: 'bounced' })])).toBeNull();
    expect(resolutionOf([])).toBeNull();
  });
});

describe('lost escalations', () => {
  const breached = [clock({ breachedAt: 100 }), clock({ name: 'resolve', breachedAt: 300 })];

  it('takes the first breach', () => {
    expect(firstBreachAt(breached)).toBe(100);
    expect(firstBreachAt([clock({})])).toBeNull();
  });

  it('is lost when nobody acted by the first breach', () => {
    expect(isLost(breached, [event('handoff.sent', 0)])).toBe(true);
    expect(isLost(breached, [event('handoff.accepted', 150)])).toBe(true);
    expect(isLost(breached, [event('handoff.accepted', 100)])).toBe(false);
    expect(isLost(breached, [event('owner.changed', 50)])).toBe(false);
    expect(isLost(breached, [event('handoff.bounced', 99)])).toBe(false);
    expect(isLost([clock({})], [])).toBe(false);
  });

  it('leaves out a clock that pages at once (PT0M): the page alone is not lost', () => {
    const page = clock({ target: 'PT0M', breachedAt: 0 });
    expect(isLost([page, clock({ name: 'resolve' })], [event('handoff.sent', 0)])).toBe(false);
    // ...but nobody acting before the real clock beside it breaches still is.
    const late = clock({ name: 'resolve', breachedAt: 300 });
    expect(isLost([page, late], [event('handoff.accepted', 400)])).toBe(true);
    expect(isLost([page, late], [event('handoff.accepted', 200)])).toBe(false);
  });
});

describe('clock time used', () => {
  const cal = compileCalendar(officeHours);

  it('counts business time to the stop, pauses excluded', () => {
    const started = at('2026-11-02T16:00:00Z'); // Monday, one office hour left
    const stopped = at('2026-11-03T10:00:00Z'); // Tuesday, one hour in
    expect(
      clockUsedMs(clock({ startedAt: started, segmentStartedAt: started, stoppedAt: stopped }), cal),
    ).toBe(2 * H);
    // paused at Monday 16:30 with 30 min banked, resumed Tuesday 09:30
    expect(
      clockUsedMs(
        clock({ consumedMs: H / 2, segmentStartedAt: at('2026-11-03T09:30:00Z'), stoppedAt: stopped }),
        cal,
      ),
    ).toBe(H);
    expect(clockUsedMs(clock({ consumedMs: H, segmentStartedAt: null, stoppedAt: stopped }), cal)).toBe(H);
    expect(clockUsedMs(clock({}), cal)).toBeNull();
  });
});

describe('when a case was resolved', () => {
  const event = (type: string, at: number): EventFact => ({
    id: `${type}${at}`,
    caseId: 'c',
    handoffId: null,
    type,
    at,
    data: {},
  });
  const atOf = (j: HandoffFact[], e: EventFact[]) => caseResolution(j, e)?.at ?? null;
  const done = handoff({ id: 'a', state: 'resolved', resolvedAt: 50, createdAt: 0 });

  it('in place: at its last resolution, unless the customer reopened it after', () => {
    expect(atOf([], [])).toBeNull();
    expect(caseResolution([], [event('case.resolved', 10)])).toEqual({ at: 10, handoff: null });
    expect(atOf([], [event('case.resolved', 10), event('case.reopened', 20)])).toBeNull();
    // The log's order decides, also within one instant.
    expect(
      atOf([], [event('case.resolved', 10), event('case.reopened', 20), event('case.resolved', 30)]),
    ).toBe(30);
    expect(atOf([], [event('case.resolved', 10), event('case.reopened', 10)])).toBeNull();
    expect(atOf([], [event('case.reopened', 10), event('case.resolved', 10)])).toBe(10);
  });

  it('at its journey’s end, by the handoff that ended it', () => {
    const named = { ...event('case.resolved', 50), data: { from: 'open', handoffId: 'a' } };
    expect(caseResolution([done], [named])).toEqual({ at: 50, handoff: done });
    // Data from before the journey's end wrote an event of its own reads the same.
    expect(caseResolution([done], [])).toEqual({ at: 50, handoff: done });
  });

  it('is open while a handoff is, or after the customer wrote again', () => {
    const open = handoff({ id: 'b', state: 'accepted', createdAt: 60 });
    expect(atOf([done, open], [event('case.resolved', 10)])).toBeNull();
    expect(atOf([done], [event('case.resolved', 50), event('case.reopened', 70)])).toBeNull();
    // Reopened, then resolved where it was: resolved then, with calendar time only.
    expect(
      caseResolution(
        [done],
        [event('case.resolved', 50), event('case.reopened', 70), event('case.resolved', 90)],
      ),
    ).toEqual({ at: 90, handoff: null });
  });

  it('back with its sender after a bounce: open until the sender resolves it', () => {
    const bounced = handoff({ id: 'c', state: 'bounced', createdAt: 0 });
    expect(atOf([bounced], [])).toBeNull();
    expect(caseResolution([bounced], [event('case.resolved', 40)])).toEqual({ at: 40, handoff: null });
  });
});
