// A small history builder for the analytics tests: facts as the queries would load them.
import { DEFAULT_REPEAT_WINDOW_DAYS, earlierContact } from '../cases/repeat-contact.ts';
import type { Scenario } from '../scenarios/scenarios.types.ts';
import { type ClockFact, emptyFacts, type Facts, type HandoffFact } from './facts.ts';

export const H = 3_600_000;
export const at = (iso: string) => Date.parse(iso);

export const alwaysOpen = { timezone: 'UTC', hours: '24/7', holidays: [] };
const day: [string, string][] = [['09:00', '17:00']];
export const officeHours = {
  timezone: 'UTC',
  hours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] },
  holidays: [],
};

type CaseInput = { id: string; customer?: string; at: string; issueType?: string | null; subject?: string };
type HandoffInput = Partial<HandoffFact> & {
  id: string;
  caseId: string;
  to: string;
  from?: string | null;
  sent: string;
  accepted?: string;
  bounced?: { at: string; reason: string };
  resolved?: string;
};
type ClockInput = Partial<ClockFact> & { handoffId: string; name: string; started: string };

export function history(timezone = 'UTC') {
  const facts: Facts = emptyFacts(timezone);
  facts.teams = [
    { key: 'support', name: 'Support', calendar: alwaysOpen },
    { key: 'finance', name: 'Finance', calendar: officeHours },
    { key: 'engineering', name: 'Engineering', calendar: alwaysOpen },
  ];
  let seq = 0;
  const event = (caseId: string, handoffId: string | null, type: string, when: number, data = {}) =>
    facts.events.push({ id: `ev${++seq}`, caseId, handoffId, type, at: when, data });
  const b = {
    facts,
    case(c: CaseInput) {
      const fact = {
        id: c.id,
        customerId: c.customer ?? `cu-${c.id}`,
        subject: c.subject ?? `Subject of ${c.id}`,
        channel: 'chat',
        issueType: c.issueType === undefined ? 'billing' : c.issueType,
        status: 'open',
        createdAt: at(c.at),
      };
      // Linked as the repeat-contact command would link it, on the default window.
      const contact = (f: typeof fact) => ({ ...f, createdAt: new Date(f.createdAt), repeatOf: null });
      const earlier = earlierContact(contact(fact), facts.cases.map(contact), DEFAULT_REPEAT_WINDOW_DAYS);
      facts.cases.push(fact);
      facts.contacts.push({
        id: fact.id,
        customerId: fact.customerId,
        createdAt: fact.createdAt,
        repeatOf: earlier?.id ?? null,
      });
      return b;
    },
    handoff(x: HandoffInput) {
      const sentAt = at(x.sent);
      const h: HandoffFact = {
        scenarioId: 'billing-to-finance',
        fromKind: 'agent',
        fromTeam: x.from === undefined ? 'support' : x.from,
        toTeam: x.to,
        state: x.resolved ? 'resolved' : x.bounced ? 'bounced' : x.accepted ? 'accepted' : 'sent',
        ownerId: 'p1',
        completeness: 100,
        bounceReason: x.bounced?.reason ?? null,
        previousId: null,
        summary: 'A summary.',
        createdAt: sentAt,
        sentAt,
        acceptedAt: x.accepted ? at(x.accepted) : null,
        resolvedAt: x.resolved ? at(x.resolved) : null,
        ...x,
      };
      facts.handoffs.push(h);
      event(h.caseId, h.id, 'handoff.sent', sentAt, { completeness: h.completeness });
      if (x.accepted) event(h.caseId, h.id, 'handoff.accepted', at(x.accepted));
      if (x.bounced) event(h.caseId, h.id, 'handoff.bounced', at(x.bounced.at), { reason: x.bounced.reason });
      if (x.resolved) event(h.caseId, h.id, 'handoff.resolved', at(x.resolved));
      return b;
    },
    clock(x: ClockInput) {
      const c: ClockFact = {
        id: `clk${++seq}`,
        target: 'PT4H',
        state: 'running',
        calendar: alwaysOpen,
        startedAt: at(x.started),
        stoppedAt: null,
        breachedAt: null,
        budgetMs: 4 * H,
        consumedMs: 0,
        segmentStartedAt: at(x.started),
        ...x,
      };
      facts.clocks.push(c);
      if (c.breachedAt !== null) {
        const h = facts.handoffs.find((k) => k.id === c.handoffId)!;
        event(h.caseId, h.id, 'sla.breached', c.breachedAt, { clock: c.name });
      }
      return b;
    },
    event(caseId: string, handoffId: string | null, type: string, when: string, data = {}) {
      event(caseId, handoffId, type, at(when), data);
      return b;
    },
    message(caseId: string, text: string, when: string) {
      facts.messages.push({ id: `msg${++seq}`, caseId, text, at: at(when) });
      return b;
    },
    rerequest(caseId: string, kind: string, when: string) {
      facts.documentRequests.push({ id: `dr${++seq}`, caseId, kind, rerequest: true, at: at(when) });
      event(caseId, null, 'document.rerequested', at(when), { kind });
      return b;
    },
    /** A satisfaction rating, counted for `handoffId` (the handoff that held the case then) or none. */
    rating(caseId: string, satisfied: boolean, when: string, handoffId: string | null = null) {
      facts.ratings.push({ id: `sr${++seq}`, caseId, handoffId, satisfied, at: at(when) });
      return b;
    },
    scenario(definition: Partial<Scenario> & { id: string }) {
      facts.scenarios.push({
        id: definition.id,
        version: 1,
        definition: { toTeam: 'finance', trigger: { kind: 'manual' }, sla: [], ...definition } as Scenario,
      });
      return b;
    },
  };
  return b;
}

/** A week of known history: every figure below is worked out by hand in the comments. */
export function knownWeek() {
  return history()
    .case({ id: 'c0', customer: 'E', at: '2026-10-30T09:00:00Z' }) // before the period
    .handoff({
      id: 'h5',
      caseId: 'c0',
      to: 'finance',
      sent: '2026-11-02T08:00:00Z',
      accepted: '2026-11-02T09:30:00Z',
    })
    .case({ id: 'c1', customer: 'A', at: '2026-11-02T09:00:00Z' })
    .handoff({
      id: 'h1',
      caseId: 'c1',
      to: 'finance',
      sent: '2026-11-02T09:00:00Z',
      accepted: '2026-11-02T10:00:00Z',
      resolved: '2026-11-02T13:00:00Z',
    })
    .clock({
      handoffId: 'h1',
      name: 'acknowledge',
      started: '2026-11-02T09:00:00Z',
      state: 'met',
      calendar: officeHours,
      stoppedAt: at('2026-11-02T10:00:00Z'),
    })
    .clock({
      handoffId: 'h1',
      name: 'resolve',
      target: 'P2D',
      started: '2026-11-02T09:00:00Z',
      state: 'met',
      calendar: officeHours,
      stoppedAt: at('2026-11-02T13:00:00Z'),
    })
    .case({ id: 'c2', customer: 'A', at: '2026-11-04T09:00:00Z' }) // A again within 7 days
    .case({ id: 'c3', customer: 'B', at: '2026-11-03T15:00:00Z', issueType: 'technical' })
    .message('c3', 'My app crashes every time I open the settings page on my phone', '2026-11-03T15:50:00Z')
    .handoff({
      id: 'h2',
      caseId: 'c3',
      scenarioId: 'tech-to-engineering',
      to: 'engineering',
      completeness: 80,
      sent: '2026-11-03T16:00:00Z',
      bounced: { at: '2026-11-03T17:00:00Z', reason: 'missing_context' },
    })
    .handoff({
      id: 'h3',
      caseId: 'c3',
      scenarioId: 'tech-to-engineering',
      to: 'engineering',
      previousId: 'h2',
      sent: '2026-11-03T18:00:00Z',
      accepted: '2026-11-03T20:00:00Z',
    })
    .message(
      'c3',
      'Again: my app crashes every time I open the settings page on my phone',
      '2026-11-03T19:00:00Z',
    )
    .case({ id: 'c4', customer: 'C', at: '2026-11-05T10:00:00Z' })
    .handoff({ id: 'h4', caseId: 'c4', to: 'finance', sent: '2026-11-05T10:00:00Z' })
    .clock({
      handoffId: 'h4',
      name: 'acknowledge',
      started: '2026-11-05T10:00:00Z',
      state: 'breached',
      breachedAt: at('2026-11-05T14:00:00Z'),
    })
    .message('c4', 'This is unacceptable, I want to make a formal complaint.', '2026-11-05T15:00:00Z')
    .rerequest('c4', 'invoice', '2026-11-05T15:30:00Z')
    .case({ id: 'c5', customer: 'D', at: '2026-11-06T12:00:00Z', issueType: null });
}
