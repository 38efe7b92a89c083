import type { Calendar } from '../api/types.ts';

/** A calendar as the editor holds it: every weekday present, intervals as text the lead types. */
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];
export const weekdayNames: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

export type Interval = [string, string];
export type CalendarDraft = {
  timezone: string;
  allDay: boolean;
  hours: Record<Weekday, Interval[]>;
  holidays: string[];
};

export function toDraft(c: Calendar): CalendarDraft {
  const hours = {} as Record<Weekday, Interval[]>;
  const given = c.hours === '24/7' ? {} : (c.hours as Partial<Record<string, Interval[] | null>>);
  for (const d of weekdays) hours[d] = (given[d] ?? []).map(([o, cl]) => [o, cl] as Interval);
  // A calendar that was 24/7 starts from office hours when the lead unticks "around the clock".
  if (c.hours === '24/7') for (const d of weekdays.slice(0, 5)) hours[d] = [['09:00', '17:00']];
  return {
    timezone: c.timezone,
    allDay: c.hours === '24/7',
    hours,
    holidays: [...(c.holidays ?? [])].sort(),
  };
}

export function toCalendar(d: CalendarDraft): Calendar {
  const hours: Partial<Record<Weekday, Interval[]>> = {};
  for (const day of weekdays) hours[day] = d.hours[day].map(([o, c]) => [o.trim(), c.trim()] as Interval);
  return {
    timezone: d.timezone.trim(),
    hours: d.allDay ? '24/7' : (hours as Calendar['hours']),
    holidays: [...new Set(d.holidays)].sort(),
  };
}

/** Minutes since midnight for "HH:MM" ("24:00" ends the day); NaN when it is no such time. */
export function minutes(text: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return Number.NaN;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return Number.NaN;
  return h * 60 + min;
}

/**
 * What is wrong with the hours, keyed `mon.0.open` / `mon.0.close`; the server checks again
 * (the time zone) and its answer names the field.
 */
export function problems(d: CalendarDraft): Map<string, string> {
  const out = new Map<string, string>();
  if (!d.timezone.trim()) out.set('timezone', 'Choose a time zone');
  if (d.allDay) return out;
  for (const day of weekdays) {
    d.hours[day].forEach(([open, close], i) => {
      const o = minutes(open);
      const c = minutes(close);
      if (Number.isNaN(o) || o === 24 * 60) out.set(`${day}.${i}.open`, 'Use HH:MM, such as 09:00');
      if (Number.isNaN(c)) out.set(`${day}.${i}.close`, 'Use HH:MM, such as 17:30 (24:00 for midnight)');
      else if (!Number.isNaN(o) && c <= o)
        out.set(`${day}.${i}.close`, `Closes at or before it opens (${open})`);
    });
    // Hours of one day may not overlap: the server refuses them, and a clock would count them twice.
    const spans = d.hours[day]
      .map(([open, close], i) => ({ i, open, close, o: minutes(open), c: minutes(close) }))
      .filter((x) => !Number.isNaN(x.o) && !Number.isNaN(x.c) && x.c > x.o)
      .sort((a, b) => a.o - b.o);
    for (let k = 1; k < spans.length; k++) {
      const [before, span] = [spans[k - 1]!, spans[k]!];
      if (span.o < before.c && !out.has(`${day}.${span.i}.open`))
        out.set(`${day}.${span.i}.open`, `Overlaps ${before.open}–${before.close}`);
    }
  }
  return out;
}

/** Business hours a week, for the editor's summary line. */
export function weeklyHours(d: CalendarDraft): number {
  if (d.allDay) return 168;
  let total = 0;
  for (const day of weekdays)
    for (const [o, c] of d.hours[day]) {
      const span = minutes(c) - minutes(o);
      if (span > 0) total += span;
    }
  return Math.round((total / 60) * 10) / 10;
}

/** A first guess at where a team's public holidays come from, from its time zone. */
export function countryOf(timezone: string): { country: string; state?: string } {
  const known: Record<string, { country: string; state?: string }> = {
    'Europe/London': { country: 'GB', state: 'ENG' },
    'Europe/Berlin': { country: 'DE', state: 'BE' },
    'Europe/Paris': { country: 'FR' },
    'Europe/Rome': { country: 'IT' },
    'Europe/Madrid': { country: 'ES' },
    'Europe/Lisbon': { country: 'PT' },
    'Europe/Dublin': { country: 'IE' },
    'Europe/Amsterdam': { country: 'NL' },
    'America/New_York': { country: 'US' },
    'America/Chicago': { country: 'US' },
    'America/Los_Angeles': { country: 'US' },
    'America/Mexico_City': { country: 'MX' },
    'Asia/Kolkata': { country: 'IN' },
    'Asia/Tokyo': { country: 'JP' },
    'Australia/Sydney': { country: 'AU', state: 'NSW' },
  };
  return known[timezone] ?? { country: 'GB', state: 'ENG' };
}
