import { describe, expect, it } from 'vitest';
import { quietHoursSchema } from './notifications.types.ts';
import { inQuietHours } from './quiet-hours.ts';

const at = (iso: string) => Date.parse(iso);

describe('quiet hours', () => {
  it('reads an overnight window in the person’s zone, belonging to the day it starts', () => {
    const q = quietHoursSchema.parse({
      start: '22:00',
      end: '07:00',
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
    });
    // Tokyo is UTC+9: 14:00Z is 23:00 local.
    expect(inQuietHours(q, 'Asia/Tokyo', at('2026-11-23T14:00:00Z'))).toBe(true); // Mon 23:00
    expect(inQuietHours(q, 'Asia/Tokyo', at('2026-11-23T21:30:00Z'))).toBe(true); // Tue 06:30, Monday's night
    expect(inQuietHours(q, 'Asia/Tokyo', at('2026-11-23T22:00:00Z'))).toBe(false); // Tue 07:00
    expect(inQuietHours(q, 'Asia/Tokyo', at('2026-11-23T03:00:00Z'))).toBe(false); // Mon 12:00
    // Saturday night is not a weekday night; Sunday 06:00 follows Saturday, also not quiet.
    expect(inQuietHours(q, 'Asia/Tokyo', at('2026-11-28T14:00:00Z'))).toBe(false);
    expect(inQuietHours(q, 'Asia/Tokyo', at('2026-11-28T21:00:00Z'))).toBe(false);
    // Saturday 06:00 ends Friday's night.
    expect(inQuietHours(q, 'Asia/Tokyo', at('2026-11-27T21:00:00Z'))).toBe(true);
  });
  it('reads a same-day window, and a window with its own zone', () => {
    const q = quietHoursSchema.parse({ start: '12:00', end: '13:00', timezone: 'Europe/London' });
    expect(inQuietHours(q, 'Asia/Tokyo', at('2026-11-23T12:30:00Z'))).toBe(true);
    expect(inQuietHours(q, 'Asia/Tokyo', at('2026-11-23T13:00:00Z'))).toBe(false);
  });
  it('refuses windows that are not windows', () => {
    expect(quietHoursSchema.safeParse({ start: '22:00', end: '22:00' }).success).toBe(false);
    expect(quietHoursSchema.safeParse({ start: '24:00', end: '07:00' }).success).toBe(false);
    expect(
      quietHoursSchema.safeParse({ start: '22:00', end: '07:00', timezone: 'Mars/Olympus' }).success,
    ).toBe(false);
  });
});
