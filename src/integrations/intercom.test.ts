import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { intercomSchema } from './adapters.types.ts';
import { normalizeIntercom } from './intercom.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../test/fixtures/${name}.json`, import.meta.url), 'utf8'));
const read = (name: string) => normalizeIntercom(intercomSchema.parse(fixture(name)));

describe('Intercom conversation notifications', () => {
  it('reads a new conversation with the contact as customer', () => {
    expect(read('intercom-conversation-created')).toEqual({
      event: {
        eventId: 'notif_5b0c7d3e-2f14-4a8b-9c6d-1e2f3a4b5c60',
        type: 'conversation.user.created',
        case: {
          externalId: '215471998812',
          subject: 'My smart thermostat lost its connection after the app update and the heating ...',
          channel: 'chat',
          customer: {
            externalId: 'intercom:6650a1b2c3d4e5f601234567',
            name: 'Aiyana Redcloud',
            email: 'aiyana.r@example.com',
          },
        },
        message: {
          role: 'customer',
          text: 'My smart thermostat lost its connection after the app update and the heating is stuck on.',
          at: '2026-11-23T10:00:00.000Z',
        },
      },
    });
  });
  it('reads the customer’s latest reply', () => {
    expect(read('intercom-user-replied')).toMatchObject({
      event: {
        message: { role: 'customer', text: 'I already restarted the hub twice, as the help page says.' },
      },
    });
  });
  it('reads an assignment to a team as a group change', () => {
    expect(read('intercom-admin-assigned')).toMatchObject({
      event: { assignment: { change: 'group', group: { id: '7301446' }, assignee: null } },
    });
  });
  it('ignores other topics', () => {
    const payload = { ...fixture('intercom-user-replied'), topic: 'conversation.admin.snoozed' };
    expect(normalizeIntercom(intercomSchema.parse(payload))).toEqual({
      ignored: 'Baton does not act on conversation.admin.snoozed',
    });
  });
});

describe('Intercom tenure and value', () => {
  it('reads an expanded contact: plan attribute, sign-up date, and the company’s monthly spend times twelve', () => {
    expect(read('intercom-conversation-created-profile')).toMatchObject({
      event: {
        case: {
          customer: {
            externalId: 'intercom:6650a1b2c3d4e5f609876543',
            customerSince: '2022-05-01',
            annualValue: 15000,
            tier: 'scale',
          },
        },
      },
    });
  });
  it('prefers the contact’s own custom attributes over its company', () => {
    const body = fixture('intercom-conversation-created-profile');
    body.data.item.source.author.custom_attributes = {
      customer_since: '2018-02-01',
      annual_value: 60000,
      tier: 'Enterprise',
    };
    const n = normalizeIntercom(intercomSchema.parse(body));
    expect('event' in n && n.event.case.customer).toMatchObject({
      customerSince: '2018-02-01',
      annualValue: 60000,
      tier: 'enterprise',
    });
  });
  it('has none from a contact given only as a reference, as notifications usually send it', () => {
    const n = read('intercom-conversation-created');
    expect('event' in n && Object.keys(n.event.case.customer ?? {}).sort()).toEqual([
      'email',
      'externalId',
      'name',
    ]);
  });
});

describe('Intercom conversation ratings', () => {
  const rated = (conversation_rating: unknown) => {
    const body = fixture('intercom-conversation-created');
    body.id = 'notif_rating_1';
    body.topic = 'conversation.rating.added';
    body.data.item.conversation_rating = conversation_rating;
    return body;
  };
  const rating = {
    rating: 2,
    remark: 'Still no heating after two days.',
    created_at: 1795431600,
    contact: { type: 'contact', id: '6650a1b2c3d4e5f601234567' },
    teammate: { type: 'admin', id: '814860' },
  };

  it('reads conversation.rating.added: the stars, the remark and when, keyed on the conversation', () => {
    expect(normalizeIntercom(intercomSchema.parse(rated(rating)))).toEqual({
      event: expect.objectContaining({
        eventId: 'notif_rating_1',
        type: 'conversation.rating.added',
        case: expect.objectContaining({ externalId: '215471998812' }),
        satisfaction: {
          rating: '2',
          comment: 'Still no heating after two days.',
          at: '2026-11-23T11:00:00.000Z',
          externalId: '215471998812',
        },
      }),
    });
    // A changed rating is dated when it was last updated.
    const changed = normalizeIntercom(
      intercomSchema.parse(rated({ ...rating, rating: 4, remark: '', updated_at: 1795435200 })),
    );
    expect('event' in changed && changed.event.satisfaction).toEqual({
      rating: '4',
      comment: undefined,
      at: '2026-11-23T12:00:00.000Z',
      externalId: '215471998812',
    });
  });
  it('ignores a conversation that has no rating', () => {
    for (const r of [null, { rating: null, remark: null, created_at: null }])
      expect(normalizeIntercom(intercomSchema.parse(rated(r)))).toEqual({
        ignored: 'the conversation has no rating',
      });
  });
  it('refuses stars that are not a whole number from 1 to 5 on a rating, and never reads them elsewhere', () => {
    for (const stars of [0, 6, 4.5, '5', 'great']) {
      const parsed = intercomSchema.safeParse(rated({ ...rating, rating: stars }));
      expect(parsed.success, String(stars)).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(['data', 'item', 'conversation_rating', 'rating']);
    }
    const created = rated({ ...rating, rating: 9 });
    created.topic = 'conversation.user.created';
    expect(normalizeIntercom(intercomSchema.parse(created))).toMatchObject({
      event: { message: { role: 'customer' } },
    });
  });
});
