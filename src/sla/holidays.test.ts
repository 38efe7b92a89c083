import { describe, expect, it } from 'vitest';
import { SlaError } from './calendar.ts';
import { holidayPreview, publicHolidays } from './holidays.ts';

describe('publicHolidays', () => {
  it('lists public holidays only, as local dates', () => {
    const bavaria = publicHolidays({ country: 'DE', state: 'BY' }, [2026]);
    expect(bavaria).toContain('2026-01-06'); // Epiphany is public in Bavaria
    expect(bavaria).toContain('2026-12-25');
    expect(bavaria).not.toContain('2026-02-12'); // Weiberfastnacht is an observance
    expect(publicHolidays({ country: 'de' }, [2026])).not.toContain('2026-01-06');
    expect(publicHolidays({ country: 'US' }, [2026, 2027])).toEqual(
      expect.arrayContaining(['2026-11-26', '2027-07-05']),
    );
  });

  it('gives every date of a multi-day holiday', () => {
    const uae = publicHolidays({ country: 'AE' }, [2026]);
    expect(uae).toEqual(expect.arrayContaining(['2026-03-20', '2026-03-21', '2026-03-22']));
  });

  it('refuses unknown places', () => {
    expect(() => publicHolidays({ country: 'XX' }, [2026])).toThrow(SlaError);
    expect(() => publicHolidays({ country: 'DE', state: 'ZZ' }, [2026])).toThrow(/state/);
  });

  it('previews names', () => {
    const preview = holidayPreview({ country: 'GB', state: 'ENG' }, [2026], 'en');
    expect(preview.holidays[0]).toEqual({ date: '2026-01-01', name: "New Year's Day" });
  });
});
