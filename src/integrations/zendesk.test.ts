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
