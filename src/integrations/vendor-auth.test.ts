import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bodyId, verifyFreshdesk, verifyIntercom, verifyZendesk, zendeskToleranceMs } from './vendor-auth.ts';

describe('Zendesk signatures', () => {
  const ts = '2026-11-23T10:00:00Z';
  const now = Date.parse(ts);
  const body = '{"type":"zen:event-type:ticket.created"}';
  const sig = createHmac('sha256', 'zd-secret')
    .update(ts + body)
    .digest('base64');
  it('accepts base64 HMAC-SHA256 of timestamp + body', () => {
    expect(verifyZendesk('zd-secret', body, sig, ts, now)).toBe(true);
  });
  it('refuses another secret, another body, no headers or a stale timestamp', () => {
    expect(verifyZendesk('other', body, sig, ts, now)).toBe(false);
    expect(verifyZendesk('zd-secret', `${body} `, sig, ts, now)).toBe(false);
    expect(verifyZendesk('zd-secret', body, undefined, ts, now)).toBe(false);
    expect(verifyZendesk('zd-secret', body, sig, undefined, now)).toBe(false);
    expect(verifyZendesk('zd-secret', body, sig, ts, now + zendeskToleranceMs + 1)).toBe(false);
  });
});

describe('Intercom signatures', () => {
  const body = '{"topic":"conversation.user.created"}';
  const sig = `sha1=${createHmac('sha1', 'ic-secret').update(body).digest('hex')}`;
  it('accepts sha1= hex HMAC-SHA1 of the body', () => {
    expect(verifyIntercom('ic-secret', body, sig)).toBe(true);
    expect(verifyIntercom('ic-secret', body, sig.toUpperCase().replace('SHA1=', 'sha1='))).toBe(true);
  });
  it('refuses the wrong secret or shape', () => {
    expect(verifyIntercom('nope', body, sig)).toBe(false);
    expect(verifyIntercom('ic-secret', body, sig.replace('sha1=', 'sha256='))).toBe(false);
    expect(verifyIntercom('ic-secret', body, undefined)).toBe(false);
  });
});

describe('Freshdesk shared secret', () => {
  const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
  it('takes basic auth with the secret as password, or a bearer header', () => {
    expect(verifyFreshdesk('fd-secret', basic('baton', 'fd-secret'))).toBe(true);
    expect(verifyFreshdesk('fd-secret', basic('anyone', 'fd-secret'))).toBe(true);
    expect(verifyFreshdesk('fd-secret', 'Bearer fd-secret')).toBe(true);
  });
  it('refuses anything else', () => {
    expect(verifyFreshdesk('fd-secret', basic('baton', 'fd-secre'))).toBe(false);
    expect(verifyFreshdesk('fd-secret', 'Bearer nope')).toBe(false);
    expect(verifyFreshdesk('fd-secret', 'Basic bm9jb2xvbg==')).toBe(false);
    expect(verifyFreshdesk('fd-secret', undefined)).toBe(false);
  });
});

it('derives a stable id from a body', () => {
  expect(bodyId('{"a":1}')).toBe(bodyId('{"a":1}'));
  expect(bodyId('{"a":1}')).not.toBe(bodyId('{"a":2}'));
});
