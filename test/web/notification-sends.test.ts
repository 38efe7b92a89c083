import { describe, expect, it } from 'vitest';
import type { NotificationSend } from '../../src/notifications/notifications.types.ts';
import {
  canResend,
  countsLine,
  kindOf,
  parseSendState,
  parseSendsFor,
  recipientOf,
  sendStateParam,
  sendsForParam,
  sendsPath,
} from '../../web/src/notifications/notification-sends.ts';

const send = (over: Partial<NotificationSend>): NotificationSend => ({
  seq: 7,
  channel: 'slack',
  to: { type: 'team', team: 'finance', name: 'Finance' },
  target: 'hooks.slack.com/…abcd',
  kind: 'mention',
  title: 'Amara Okafor mentioned you',
  link: '/cases/c1',
  state: 'failed',
  attempts: 10,
  lastError: 'HTTP 404',
  createdAt: '2026-11-24T10:00:00.000Z',
  nextAttemptAt: null,
  deliveredAt: null,
  deadAt: '2026-11-24T12:00:00.000Z',
  ...over,
});

describe('the notification sends list', () => {
  it('says in one line how the sends stand', () => {
    expect(countsLine({ pending: 0, retrying: 0, failed: 0, deliveredLastDay: 0 })).toBe(
      '0 delivered in 24 h · nothing waiting',
    );
    expect(countsLine({ pending: 3, retrying: 1, failed: 2, deliveredLastDay: 1204 })).toBe(
      `${(1204).toLocaleString()} delivered in 24 h · 3 waiting (1 being retried) · 2 given up in the last 30 days`,
    );
    expect(countsLine({ pending: 2, retrying: 0, failed: 0, deliveredLastDay: 5 })).toBe(
      '5 delivered in 24 h · 2 waiting',
    );
  });

  it('names a team channel, a person, someone since gone, and the weekly review', () => {
    expect(recipientOf(send({}))).toBe('Finance’s channel');
    expect(recipientOf(send({ to: { type: 'team', team: null, name: null } }))).toBe('A team’s channel');
    expect(recipientOf(send({ to: { type: 'person', personId: 'p1', name: 'Grace Liu' } }))).toBe(
      'Grace Liu',
    );
    expect(recipientOf(send({ to: { type: 'person', personId: null, name: null } }))).toBe(
      'A person no longer here',
    );
    expect(recipientOf(send({ to: { type: 'review' }, kind: 'weekly_review' }))).toBe(
      'Weekly review readers',
    );
  });

  it('words a kind as the settings do, and offers to try again only what is not delivered', () => {
    expect(kindOf(send({}))).toBe('Mentions');
    expect(kindOf(send({ kind: 'something_new' }))).toBe('something new');
    expect(kindOf(send({ kind: 'weekly_review' }))).toBe('Weekly review');
    expect(canResend(send({}))).toBe(true);
    expect(canResend(send({ state: 'retrying' }))).toBe(true);
    expect(canResend(send({ state: 'delivered' }))).toBe(false);
    expect(canResend(send({ state: 'pending' }))).toBe(false);
  });
});

describe('the filters in the address', () => {
  it('reads whose sends, and writes them back the same', () => {
    expect(parseSendsFor('team:finance')).toEqual({ team: 'finance' });
    expect(parseSendsFor('person:p_1:x')).toEqual({ person: 'p_1:x' });
    for (const v of [null, '', 'team:', 'queue:x', 'finance']) expect(parseSendsFor(v)).toBeNull();
    for (const f of [{ team: 'tier2' }, { person: 'p_9' }, null])
      expect(parseSendsFor(sendsForParam(f))).toEqual(f);
  });

  it('opens on what was given up, and keeps every other state', () => {
    expect(parseSendState(null)).toBe('failed');
    expect(parseSendState('nonsense')).toBe('failed');
    expect(parseSendState('all')).toBeUndefined();
    for (const s of ['failed', 'retrying', 'delivered', undefined] as const)
      expect(parseSendState(sendStateParam(s) || null)).toBe(s);
  });

  it("links a team's card to its sends, every state shown", () => {
    const url = new URL(sendsPath({ team: 'finance' }), 'http://x');
    expect(url.pathname).toBe('/settings/integrations');
    expect(url.searchParams.get('sendsFor')).toBe('team:finance');
    expect(url.searchParams.get('sends')).toBe('all');
    expect(url.hash).toBe('#notification-sends');
  });
});
