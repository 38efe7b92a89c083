import { describe, expect, it } from 'vitest';
import { runAudit } from './audit.ts';

async function* chunks(text: string, size = 11): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

const change = (field_name: string, value: unknown, previous_value: unknown = null) => ({
  type: 'Change',
  field_name,
  value,
  previous_value,
});
const create = (field_name: string, value: unknown) => ({ type: 'Create', field_name, value });

type Audit = { id: number; ticket_id: number; created_at: string; events: Record<string, unknown>[] };

/** Ticket 1: group 10 -> 20 (picked up 30 min later) -> 10 again; solved, reopened, rated bad. Ticket 2: no handoff. */
const audits: Audit[] = [
  {
    id: 1,
    ticket_id: 1,
    created_at: '2024-05-01T09:00:00Z',
    events: [create('status', 'new'), create('group_id', '10'), create('assignee_id', null)],
  },
  { id: 2, ticket_id: 1, created_at: '2024-05-01T10:00:00Z', events: [change('group_id', '20', '10')] },
  {
    id: 3,
    ticket_id: 1,
    created_at: '2024-05-01T10:30:00Z',
    events: [{ type: 'Comment', body: 'on it' }, change('assignee_id', '5', null)],
  },
  { id: 4, ticket_id: 1, created_at: '2024-05-01T12:00:00Z', events: [change('group_id', '10', '20')] },
  { id: 5, ticket_id: 1, created_at: '2024-05-01T13:00:00Z', events: [change('status', 'solved', 'open')] },
  { id: 6, ticket_id: 1, created_at: '2024-05-02T08:00:00Z', events: [change('status', 'open', 'solved')] },
  {
    id: 7,
    ticket_id: 1,
    created_at: '2024-05-02T09:00:00Z',
    events: [{ type: 'SatisfactionRating', score: 'bad', body: 'slow' }],
  },
  {
    id: 8,
    ticket_id: 2,
    created_at: '2024-05-01T09:00:00Z',
    events: [create('status', 'new'), create('group_id', '10'), create('assignee_id', '7')],
  },
];

function expectTicketFigures(report: Awaited<ReturnType<typeof runAudit>>) {
  const s = report.summary;
  expect([s.cases, s.events, s.handoffs, s.casesWithHandoff, s.pingPongCases, s.ownerlessHandoffs]).toEqual([
    2, 8, 2, 1, 1, 0,
  ]);
  expect(s.reopenedCases).toBe(1);
  expect(s.slaMissedCases).toBe(0);
  expect(report.teamPairs.find((p) => p.from === '10' && p.to === '20')?.medianPickupMinutes).toBe(30);
  expect(report.comparison.withHandoff.badSatisfaction).toEqual({ count: 1, of: 1, rate: 1 });
  expect(report.input.format).toBe('zendesk');
}

describe('zendesk adapter', () => {
  it('reads a Ticket Audits API page (one pretty-printed JSON document), in any order', async () => {
    const page = JSON.stringify({ audits: [...audits].reverse(), next_page: null, count: 8 }, null, 2);
    expectTicketFigures(await runAudit(chunks(page)));
  });

  it('reads audits as JSON Lines, one audit a line', async () => {
    const lines = audits.map((a) => JSON.stringify(a)).join('\n');
    expectTicketFigures(await runAudit(chunks(lines), { format: 'zendesk' }));
  });

  it('reads incremental ticket events with child events', async () => {
    const events = audits.map((a) => ({
      id: a.id,
      ticket_id: a.ticket_id,
      timestamp: Date.parse(a.created_at) / 1000,
      event_type: 'Audit',
      child_events: a.events.map((e) => {
        if (e.type === 'SatisfactionRating') return { event_type: 'Change', satisfaction_score: e.score };
        if (!('field_name' in e)) return { event_type: e.type };
        return { event_type: e.type, [String(e.field_name)]: e.value, previous_value: e.previous_value };
      }),
    }));
    expectTicketFigures(
      await runAudit(chunks(JSON.stringify({ ticket_events: events, end_of_stream: true }))),
    );
  });

  it('reads a CSV of field changes and SLA breaches from ticket metric events', async () => {
    const csv = [
      'ticket_id,created_at,field_name,value,previous_value',
      '1,2024-05-01T09:00:00Z,group_id,10,',
      '1,2024-05-01T10:00:00Z,group_id,20,10',
      '1,2024-05-01T10:00:00Z,assignee_id,,5',
      '2,2024-05-01T09:00:00Z,group_id,10,',
      '2,2024-05-01T09:00:00Z,assignee_id,7,',
    ].join('\r\n');
    const s = (await runAudit(chunks(csv))).summary;
    expect([s.cases, s.events, s.handoffs, s.ownerlessHandoffs]).toEqual([2, 5, 1, 1]);
    const breaches = JSON.stringify({
      ticket_metric_events: [
        { ticket_id: 2, metric: 'reply_time', type: 'breach', time: '2024-05-01T10:00:00Z' },
        { ticket_id: 2, metric: 'reply_time', type: 'fulfill', time: '2024-05-01T11:00:00Z' },
      ],
    });
    const lines = `${audits.map((a) => JSON.stringify(a)).join('\n')}\n${breaches}\n`;
    expect((await runAudit(chunks(lines))).summary.slaMissedCases).toBe(1);
  });
});
