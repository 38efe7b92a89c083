import { describe, expect, it } from 'vitest';
import { deadLetterEventId, deadLetterNotice, receiverOf } from './dead-letter-notice.ts';

describe("the admins' notice of a webhook dead letter", () => {
  it('names the receiver by its host alone, never a token in its path or query', () => {
    expect(receiverOf('https://helpdesk.example.com/hooks/baton?token=s3cret')).toBe('helpdesk.example.com');
    expect(receiverOf('not a url')).toBe('a receiver');
    const notice = deadLetterNotice({
      subscriptionId: 'wh_1',
      url: 'https://helpdesk.example.com/hooks/baton?token=s3cret',
      type: 'handoff.sent',
      attempts: 15,
      status: null,
      error: 'connect ECONNREFUSED',
    });
    expect(notice.title).toBe('Webhook deliveries to helpdesk.example.com are being given up');
    expect(notice.body).toContain('after 15 tries (connect ECONNREFUSED)');
    expect(JSON.stringify(notice)).not.toContain('s3cret');
    expect(notice.link).toBe('/settings/integrations');
  });

  it('is one per subscription and day', () => {
    const at = (iso: string) => new Date(iso);
    expect(deadLetterEventId('wh_1', at('2026-11-24T00:10:00Z'))).toBe(
      deadLetterEventId('wh_1', at('2026-11-24T23:50:00Z')),
    );
    expect(deadLetterEventId('wh_1', at('2026-11-24T10:00:00Z'))).not.toBe(
      deadLetterEventId('wh_2', at('2026-11-24T10:00:00Z')),
    );
    expect(deadLetterEventId('wh_1', at('2026-11-24T10:00:00Z'))).not.toBe(
      deadLetterEventId('wh_1', at('2026-11-25T10:00:00Z')),
    );
  });
});
