import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zendeskEventSchema, zendeskTriggerSchema } from './adapters.types.ts';
import { normalizeZendeskEvent, normalizeZendeskTrigger } from './zendesk.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../test/fixtures/${name}.json`, import.meta.url), 'utf8'));
const event = (name: string) => normalizeZendeskEvent(zendeskEventSchema.parse(fixture(name)));

describe('Zendesk event webhooks', () => {
  it('reads a new ticket as a case with the customer’s first message', () => {
    expect(event('zendesk-ticket-created')).toEqual({
      event: {
        eventId: '4f6b2a10-8c3e-4e0b-9b61-2f1e7d9a0c01',
        type: 'ticket.created',
        case: {
          externalId: '5120',
          subject: 'Meter reading on my November bill is wrong',
          channel: 'email',
          customer: { externalId: 'zendesk:9911002233', name: 'Zendesk requester 9911002233' },
        },
        message: {
          role: 'customer',
          text: expect.stringMatching(/^Hello, the meter/),
          at: '2026-11-23T09:58:12Z',
        },
      },
    });
  });
  it('reads comments by who wrote them', () => {
    const payload = fixture('zendesk-comment-added');
    expect(normalizeZendeskEvent(zendeskEventSchema.parse(payload))).toMatchObject({
      event: { message: { role: 'customer' } },
    });
    payload.event.comment.author.is_staff = true;
    payload.event.comment.is_public = false;
    expect(normalizeZendeskEvent(zendeskEventSchema.parse(payload))).toMatchObject({
      event: { message: { role: 'internal' } },
    });
  });
  it('reads group and agent changes as assignments', () => {
    expect(event('zendesk-group-changed')).toMatchObject({
      event: { assignment: { change: 'group', group: { id: '3600118822' }, assignee: null } },
    });
    expect(event('zendesk-agent-changed')).toMatchObject({
      event: {
        assignment: { change: 'assignee', group: { id: '3600118822' }, assignee: { id: '7700559988' } },
      },
    });
  });
  it('ignores event types Baton does not act on', () => {
    const payload = { ...fixture('zendesk-ticket-created'), type: 'zen:event-type:ticket.tags_changed' };
    expect(normalizeZendeskEvent(zendeskEventSchema.parse(payload))).toEqual({
      ignored: 'Baton does not act on zen:event-type:ticket.tags_changed',
    });
  });
});

describe('Zendesk trigger webhooks', () => {
  it('reads the documented body, its group by name and id', () => {
    const n = normalizeZendeskTrigger(
      zendeskTriggerSchema.parse(fixture('zendesk-trigger-group-changed')),
      'inv-1',
    );
    expect(n).toMatchObject({
      event: {
        eventId: 'inv-1',
        case: {
          externalId: '6021',
          channel: 'web_form',
          customer: { externalId: 'zendesk:9911004455', name: 'Ngozi Eze' },
        },
        assignment: { change: 'group', group: { id: '3600118877', name: 'Tier 2' }, assignee: null },
      },
    });
  });
});

describe('Zendesk tenure and value', () => {
  it('reads the requester’s custom fields first, then the organisation’s, from a trigger body', () => {
    const n = normalizeZendeskTrigger(
      zendeskTriggerSchema.parse(fixture('zendesk-trigger-ticket-created-profile')),
      'inv-7',
    );
    expect(n).toMatchObject({
      event: {
        case: {
          customer: {
            externalId: 'zendesk:9911007788',
            name: 'Harriet Okafor',
            customerSince: '2019-03-14',
            annualValue: 48000,
            tier: 'enterprise',
          },
        },
        message: { role: 'customer' },
      },
    });
  });
  it('carries none when the body has no such fields, or an organisation that is not an object', () => {
    const body = fixture('zendesk-trigger-group-changed');
    body.ticket.organization = 'Harbour Hotels Group';
    const n = normalizeZendeskTrigger(zendeskTriggerSchema.parse(body), 'inv-8');
    const customer = 'event' in n ? n.event.case.customer : undefined;
    expect(customer).toEqual({
      externalId: 'zendesk:9911004455',
      name: 'Ngozi Eze',
      email: 'ngozi.eze@example.net',
    });
  });
  it('has none from event webhooks, whose ticket detail names only the requester id', () => {
    const n = event('zendesk-ticket-created');
    expect('event' in n && n.event.case.customer).toEqual({
      externalId: 'zendesk:9911002233',
      name: 'Zendesk requester 9911002233',
    });
  });
});

describe('Zendesk satisfaction ratings (trigger bodies)', () => {
  const rated = (rating: string, comment = '', event = 'satisfaction_changed') => {
    const body = fixture('zendesk-trigger-group-changed');
    body.event = event;
    body.ticket.satisfaction = { rating, comment };
    return body;
  };
  const read = (body: unknown) => normalizeZendeskTrigger(zendeskTriggerSchema.parse(body), 'inv-csat');

  it('reads {{satisfaction.current_rating}} and its comment, keyed on the ticket id', () => {
    expect(read(rated("Bad, I'm unsatisfied", '  Nobody came.  '))).toEqual({
      event: expect.objectContaining({
        eventId: 'inv-csat',
        type: 'trigger.satisfaction_changed',
        satisfaction: { rating: 'bad', comment: 'Nobody came.', externalId: '6021' },
      }),
    });
    const good = read(rated('Good'));
    expect('event' in good && good.event.satisfaction).toEqual({
      rating: 'good',
      comment: undefined,
      externalId: '6021',
    });
    expect('event' in good && good.event.message).toBeUndefined();
  });
  it('takes the rating’s time from {{ticket.updated_at_with_timestamp}} when the trigger sends it', () => {
    const body = rated('Bad');
    body.ticket.satisfaction.at = '2026-12-01T09:15:00Z';
    const timed = read(body);
    expect('event' in timed && timed.event.satisfaction?.at).toBe('2026-12-01T09:15:00.000Z');
    // Left blank or unreadable by the helpdesk: the rating still counts, at the time it arrives.
    for (const at of ['', 'December 1st', '{{ticket.updated_at_with_timestamp}}']) {
      body.ticket.satisfaction.at = at;
      const untimed = read(body);
      expect('event' in untimed && untimed.event.satisfaction).toMatchObject({
        rating: 'bad',
        at: undefined,
      });
    }
  });
  it('records nothing while the survey is only offered, or not yet', () => {
    for (const rating of ['Offered', 'Unoffered', ''])
      expect(read(rated(rating))).toEqual({ ignored: 'the ticket has no satisfaction rating yet' });
    // Another trigger's body may carry the placeholders too: its event applies, with no rating.
    const moved = read(rated('Offered', '', 'group_changed'));
    expect('event' in moved && moved.event.assignment?.change).toBe('group');
    expect('event' in moved && 'satisfaction' in moved.event).toBe(false);
  });
  it('carries a rating on any trigger whose body has it', () => {
    expect(read(rated('Good', 'Thanks', 'group_changed'))).toMatchObject({
      event: { assignment: { change: 'group' }, satisfaction: { rating: 'good', comment: 'Thanks' } },
    });
  });
  it('refuses a rating it cannot read, naming the field', () => {
    const parsed = zendeskTriggerSchema.safeParse(rated('Gut, ich bin zufrieden'));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['ticket', 'satisfaction', 'rating']);
  });
  it('has no satisfaction event type among the event webhooks: only triggers carry ratings', () => {
    const payload = { ...fixture('zendesk-ticket-created'), type: 'zen:event-type:ticket.status_changed' };
    expect(normalizeZendeskEvent(zendeskEventSchema.parse(payload))).toEqual({
      ignored: 'Baton does not act on zen:event-type:ticket.status_changed',
    });
  });
});
