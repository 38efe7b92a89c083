import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isPrivateAddress } from './address.ts';
import { backoffMs, signDelivery, verifyDelivery, verifyInbound } from './signature.ts';

describe('webhook target addresses', () => {
  it('refuses loopback, private and link-local', () => {
    for (const ip of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '0.0.0.0',
    ]) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
  });
  it('allows public addresses', () => {
    for (const ip of ['8.8.8.8', '172.32.0.1', '1.1.1.1', '2606:4700::1111'])
      expect(isPrivateAddress(ip), ip).toBe(false);
  });
});

describe('signatures', () => {
  it('signs deliveries as t=..,v1=.. and verifies them', () => {
    const header = signDelivery('s3cret', '{"a":1}', 1_700_000_000);
    const expected = createHmac('sha256', 's3cret').update('1700000000.{"a":1}').digest('hex');
    expect(header).toBe(`t=1700000000,v1=${expected}`);
    expect(verifyDelivery('s3cret', '{"a":1}', header, 1_700_000_010)).toBe(true);
    expect(verifyDelivery('other', '{"a":1}', header, 1_700_000_010)).toBe(false);
  });
  it('verifies inbound sha256= signatures', () => {
    const sig = `sha256=${createHmac('sha256', 'k').update('body').digest('hex')}`;
    expect(verifyInbound('k', 'body', sig)).toBe(true);
    expect(verifyInbound('k', 'body2', sig)).toBe(false);
    expect(verifyInbound('k', 'body', undefined)).toBe(false);
  });
  it('backs off exponentially with a ceiling', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(40)).toBe(3_600_000);
  });
});
