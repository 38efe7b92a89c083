import { describe, expect, it } from 'vitest';
import { personKnownValues } from './redact.ts';
import { redactEventData } from './redact-payload.ts';

describe('redactEventData', () => {
  it('redacts free text at any depth and keeps ids, codes and instants', () => {
    const data = {
      caseId: 'cs_01JD4Q',
      handoffId: 'ho_01JD4R',
      messageId: 'msg_01JD4S',
      score: -0.82,
      reason: 'threshold',
      at: '2026-11-23T10:00:00.000Z',
      text: 'Maria here, call me on +44 7700 900123 or maria.lopez@example.com, card 4111 1111 1111 1111!',
      packet: {
        whatHappened: 'Maria Lopez was charged twice on IBAN GB82 WEST 1234 5698 7654 32.',
        attempted: ['Emailed maria.lopez@example.com'],
        urgency: 'high',
      },
    };
    const out = redactEventData(data, personKnownValues('Maria Lopez', 'maria.lopez@example.com'));
    expect(out.caseId).toBe('cs_01JD4Q');
    expect(out.messageId).toBe('msg_01JD4S');
    expect(out.at).toBe('2026-11-23T10:00:00.000Z');
    expect(out.score).toBe(-0.82);
    expect(out.reason).toBe('threshold');
    expect(out.packet.urgency).toBe('high');
    const all = JSON.stringify(out);
    for (const secret of ['Maria', 'Lopez', '7700 900123', 'maria.lopez@', '4111 1111', 'GB82']) {
      expect(all).not.toContain(secret);
    }
    expect(out.text).toContain('[EMAIL_1]');
    // The same value gets the same placeholder across the payload.
    expect(out.packet.attempted[0]).toBe('Emailed [EMAIL_1]');
  });

  it('leaves text without personal data as it is', () => {
    const data = { note: 'Needs the October invoice checked within 3 days', kind: 'invoice' };
    expect(redactEventData(data)).toEqual(data);
  });
});
