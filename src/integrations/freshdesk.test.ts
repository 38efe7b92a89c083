import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { freshdeskSchema } from './adapters.types.ts';
import { kindOf, normalizeFreshdesk } from './freshdesk.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../test/fixtures/${name}.json`, import.meta.url), 'utf8'));
const read = (body: unknown) => normalizeFreshdesk(freshdeskSchema.parse(body), 'sha256:abc');

describe('Freshdesk automation webhooks', () => {
  it('reads a new ticket, HTML turned to text, requester as customer', () => {
    expect(read(fixture('freshdesk-ticket-created'))).toEqual({
      event: {
        eventId: 'sha256:abc',
        type: 'ticket_created',
        case: {
          externalId: '31877',
          subject: 'Direct debit taken twice this month',
          channel: 'email',
          customer: {
            externalId: 'freshdesk:80014522',
            name: 'Wiremu Tane',
            email: 'wiremu.tane@example.org',
          },
        },
        message: {
          role: 'customer',
          text: 'Hi team,\ntwo payments of 64.20 left my account on the 3rd. Please return one of them.',
        },
      },
    });
  });
  it('reads a group change by group name, and takes the bare form too', () => {
    const body = fixture('freshdesk-group-changed');
    const expected = {
      event: { assignment: { change: 'group', group: { name: 'Finance' }, assignee: null } },
    };
    expect(read(body)).toMatchObject(expected);
    expect(read(body.freshdesk_webhook)).toMatchObject(expected);
  });
  it('infers the event from {{triggered_event}} when the rule does not name it', () => {
    expect(read(fixture('freshdesk-note-added'))).toMatchObject({
      event: {
        type: 'note_added',
        message: { role: 'internal', text: 'Bank reference for both collections is DD-22914.' },
      },
    });
    expect(kindOf('{responder_id:{from:1,to:2}}')).toBe('agent_changed');
    expect(kindOf('{status:{from:Open,to:Pending}}')).toBeUndefined();
  });
  it('uses a rule-given event id over the body digest', () => {
    const body = { ...fixture('freshdesk-group-changed').freshdesk_webhook, event_id: 'fd-77' };
    expect(read(body)).toMatchObject({ event: { eventId: 'fd-77' } });
  });
});

describe('Freshdesk tenure and value', () => {
  it('reads customer_since, annual_value and customer_tier as a rule’s placeholders render them', () => {
    expect(read(fixture('freshdesk-ticket-created-profile'))).toMatchObject({
      event: {
        case: {
          customer: {
            externalId: 'freshdesk:80019931',
            name: 'Tomasz Wrona',
            customerSince: '2024-11-05',
            annualValue: 12500,
            tier: 'premium',
          },
        },
      },
    });
  });
  it('leaves out fields a placeholder rendered empty or unreadable, keeping the event', () => {
    const body = fixture('freshdesk-ticket-created-profile');
    Object.assign(body.freshdesk_webhook, {
      customer_since: '',
      annual_value: 'ask finance',
      customer_tier: '',
    });
    const n = read(body);
    expect('event' in n && n.event.case.customer).toEqual({
      externalId: 'freshdesk:80019931',
      name: 'Tomasz Wrona',
      email: 't.wrona@kestrel-logistics.example',
    });
  });
});
