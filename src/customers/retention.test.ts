import { describe, expect, it } from 'vitest';
import { retentionCutoff, retentionReason } from './retention.ts';

describe('the retention schedule', () => {
  it('reaches back whole days from now, across a daylight-saving change (instants, not local days)', () => {
    expect(retentionCutoff(365, new Date('2026-12-05T12:00:00Z')).toISOString()).toBe(
      '2025-12-05T12:00:00.000Z',
    );
    expect(retentionCutoff(30, new Date('2026-11-01T12:00:00Z')).toISOString()).toBe(
      '2026-10-02T12:00:00.000Z',
    );
  });

  it('names itself in the change log', () => {
    expect(retentionReason(730)).toBe('retention schedule: no contact for 730 days');
  });
});
