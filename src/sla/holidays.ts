import Holidays from 'date-holidays';
import { SlaError } from './calendar.ts';
import type { HolidayPreview, HolidaySource } from './sla.types.ts';

const DAY_MS = 86_400_000;

function holidaysFor(source: HolidaySource, language?: string): Holidays {
  const country = source.country.toUpperCase();
  const hd = new Holidays();
  if (!Object.hasOwn(hd.getCountries(), country))
    throw new SlaError(`unknown country for holidays: ${source.country}`);
  const state = source.state?.toUpperCase();
  if (state !== undefined && !Object.hasOwn(hd.getStates(country) ?? {}, state)) {
    throw new SlaError(`unknown state ${source.state} for country ${country}`);
  }
  const region = source.region?.toUpperCase();
  if (
    region !== undefined &&
    (state === undefined || !Object.hasOwn(hd.getRegions(country, state) ?? {}, region))
  ) {
    throw new SlaError(`unknown region ${source.region} for ${country}${state ? `-${state}` : ''}`);
  }
  const opts = { types: ['public' as const], ...(language ? { languages: language } : {}) };
  if (region !== undefined && state !== undefined) hd.init(country, state, region, opts);
  else if (state !== undefined) hd.init(country, state, opts);
  else hd.init(country, opts);
  return hd;
}

/**
 * Public holidays of a place as local dates (YYYY-MM-DD), sorted and distinct, ready for a
 * calendar's `holidays`. A holiday spanning several days (an Eid, Chinese New Year) gives each of
 * its dates; one that starts at the eve (listed "2026-03-20 00:00:00 -0600") keeps its own date.
 */
export function publicHolidays(source: HolidaySource, years: number[]): string[] {
  return [...new Set(holidayEntries(holidaysFor(source), years).map((h) => h.date))].sort();
}

/** What a lead sees before importing: each date with the holiday's name (in `language` when known). */
export function holidayPreview(source: HolidaySource, years: number[], language?: string): HolidayPreview {
  const holidays = holidayEntries(holidaysFor(source, language), years).sort((a, b) =>
    a.date.localeCompare(b.date),
  );
  return { source, years, holidays };
}

function holidayEntries(hd: Holidays, years: number[]): { date: string; name: string }[] {
  const out: { date: string; name: string }[] = [];
  for (const year of years) {
    for (const h of hd.getHolidays(year) || []) {
      if (h.type !== 'public') continue;
      const first = Date.parse(`${h.date.slice(0, 10)}T00:00:00Z`);
      // A part-day holiday still closes its date: calendars know whole dates only.
      const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
      for (let i = 0; i < days; i++)
        out.push({ date: new Date(first + i * DAY_MS).toISOString().slice(0, 10), name: h.name });
    }
  }
  return out;
}
