import { describe, expect, it } from 'vitest';
import { lastSendOf, sendState, shownTarget } from './sends.ts';

describe('a notification send', () => {
  it('stands pending, retrying, delivered or failed', () => {
    expect(sendState({ deliveredAt: null, deadAt: null, attempts: 0 })).toBe('pending');
    expect(sendState({ deliveredAt: null, deadAt: null, attempts: 2 })).toBe('retrying');
    expect(sendState({ deliveredAt: '2026-11-24T10:00:00Z', deadAt: null, attempts: 1 })).toBe('delivered');
    expect(sendState({ deliveredAt: null, deadAt: '2026-11-24T10:00:00Z', attempts: 10 })).toBe('failed');
  });

  it('shows a Slack address by its host and last four characters, an e-mail as it is', () => {
    expect(shownTarget('slack', 'https://hooks.slack.com/services/T000/B000/XXXXabcd')).toBe(
      'hooks.slack.com/…abcd',
    );
    expect(shownTarget('slack', 'https://hooks.example.com/in/abcd/')).toBe('hooks.example.com/…abcd');
    expect(shownTarget('slack', 'not a url')).toBe('…');
    expect(shownTarget('email', 'grace@northwind.example')).toBe('grace@northwind.example');
  });

  it('says how a tried send went, with when it finished', () => {
    expect(
      lastSendOf({
        deliveredAt: new Date('2026-11-24T10:00:00Z'),
        deadAt: null,
        lastError: null,
        attempts: 2,
      }),
    ).toEqual({ state: 'delivered', at: '2026-11-24T10:00:00.000Z', error: null, attempts: 2 });
    expect(lastSendOf({ deliveredAt: null, deadAt: null, lastError: 'HTTP 500', attempts: 1 })).toEqual({
      state: 'retrying',
      at: null,
      error: 'HTTP 500',
      attempts: 1,
    });
  });
});
