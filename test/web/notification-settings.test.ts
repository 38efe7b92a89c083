import { describe, expect, it } from 'vitest';
import { preferencesSchema } from '../../src/notifications/notifications.types.ts';
import {
  controlOf,
  formOf,
  lastSendWords,
  type Preferences,
  preferencesBody,
  slackWanted,
} from '../../web/src/notifications/notification-settings.ts';

const applied: Preferences = {
  channels: {
    sla_warning: ['in_app', 'slack'],
    sla_escalation: ['in_app', 'slack', 'email'],
    page: ['in_app', 'slack', 'email'],
    sentiment_dip: ['in_app'],
    mention: ['in_app', 'slack'],
    customer_risk: ['in_app', 'email'],
    unsatisfied_rating: ['in_app', 'slack'],
    owner_changed: ['in_app'],
    bounced: ['in_app', 'slack'],
    cancelled: ['in_app', 'slack'],
  },
  quietHours: null,
  slackUrl: null,
  email: 'amara@northwind.example',
  emailOn: true,
  lastSends: { slack: null, email: null },
};

describe('the notification settings form', () => {
  it('reads the preferences as they apply and gives them back unchanged', () => {
    const form = formOf(applied);
    expect(form.channels.customer_risk).toEqual({ slack: false, email: true });
    expect(form.quiet).toBe(false);
    const body = preferencesBody(form, 'amara@northwind.example');
    expect(body.channels).toEqual(applied.channels);
    // The sign-in address is no address of its own; no quiet hours is null, not a window.
    expect([body.email, body.slackUrl, body.quietHours]).toEqual([null, null, null]);
    expect(preferencesSchema.safeParse(body).success).toBe(true);
  });

  it('sends quiet hours in week order, its zone only when chosen, and blanks as nothing', () => {
    const form = {
      ...formOf(applied),
      quiet: true,
      start: '22:00',
      end: '07:00',
      days: ['fri' as const, 'mon' as const],
      email: '  ',
      slackUrl: ' https://hooks.example.com/a ',
    };
    expect(preferencesBody(form, 'amara@northwind.example')).toMatchObject({
      quietHours: { start: '22:00', end: '07:00', days: ['mon', 'fri'] },
      email: null,
      slackUrl: 'https://hooks.example.com/a',
    });
    const zoned = preferencesBody({ ...form, timezone: 'Asia/Tokyo', email: 'desk@x.example' }, null);
    expect(zoned.quietHours).toMatchObject({ timezone: 'Asia/Tokyo' });
    expect(zoned.email).toBe('desk@x.example');
  });

  it('says when Slack is ticked with nowhere to send it', () => {
    expect(slackWanted(formOf(applied))).toBe(true);
    expect(slackWanted({ ...formOf(applied), slackUrl: 'https://hooks.example.com/a' })).toBe(false);
    const none = formOf({
      ...applied,
      channels: Object.fromEntries(
        Object.keys(applied.channels).map((k) => [k, ['in_app']]),
      ) as Preferences['channels'],
    });
    expect(slackWanted(none)).toBe(false);
  });

  it('says how the last send went: delivered, retried, or given up with what to do', () => {
    const ago = () => '2 hr. ago';
    expect(lastSendWords(null, 'slack', ago)).toBeNull();
    expect(
      lastSendWords(
        { state: 'delivered', at: '2026-12-06T10:00:00Z', error: null, attempts: 1 },
        'email',
        ago,
      ),
    ).toEqual({ tone: 'good', text: 'Last e-mail delivered 2 hr. ago' });
    expect(
      lastSendWords({ state: 'retrying', at: null, error: 'HTTP 500', attempts: 2 }, 'slack', ago),
    ).toEqual({
      tone: 'bad',
      text: 'Last Slack message is being retried: HTTP 500.',
    });
    expect(
      lastSendWords(
        { state: 'failed', at: '2026-12-06T10:00:00Z', error: 'HTTP 404', attempts: 10 },
        'slack',
        ago,
      ),
    ).toEqual({
      tone: 'bad',
      text: 'Last Slack message failed after 10 tries: HTTP 404. Check the address.',
    });
  });

  it('says a refused field beside its control, and a field it has no control of in the note', () => {
    expect(controlOf('slackUrl')).toBe('ns-slack');
    expect(controlOf('email')).toBe('ns-email');
    expect(controlOf('quietHours.timezone')).toBe('ns-zone');
    expect(controlOf('quietHours.start')).toBe('ns-start');
    // Days are ticked in a group with its own words; the server's word on them goes in the note.
    expect(controlOf('quietHours.days')).toBeUndefined();
    expect(controlOf('channels.mention')).toBeUndefined();
    expect(controlOf(undefined)).toBeUndefined();
  });
});
