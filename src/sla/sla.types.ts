import { z } from 'zod';
import { meantIssues } from '../http/zod-issues.ts';
import { TARGET_PATTERN } from './target-pattern.ts';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const DAY_MS = 86_400_000;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds since local midnight for "HH:MM[:SS]"; "24:00" is the end of the day; NaN if invalid. */
export function wallTimeMs(text: string): number {
  const m = TIME.exec(text);
  if (!m) return Number.NaN;
  const h = Number(m[1]);
  const min = Number(m[2]);
  const s = m[3] === undefined ? 0 : Number(m[3]);
  if (min > 59 || s > 59 || h > 24 || (h === 24 && (min > 0 || s > 0))) return Number.NaN;
  return ((h * 60 + min) * 60 + s) * 1000;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCFullYear() === Number(m[1]) && date.getUTCDate() === Number(m[3]);
}

/** Checks a time zone name against the runtime's tz database (Intl throws on unknown names). */
export function isValidTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return name.length > 0;
  } catch {
    return false;
  }
}

const wallTime = z.string().refine((t) => !Number.isNaN(wallTimeMs(t)), 'must be a wall-clock time HH:MM');
const interval = z.tuple([wallTime, wallTime]);

// Intervals are sorted and checked here so that every later stage can trust them.
const dayIntervals = z.array(interval).transform((list, ctx) => {
  const sorted = [...list].sort((a, b) => wallTimeMs(a[0]) - wallTimeMs(b[0]));
  for (let i = 0; i < sorted.length; i++) {
    const [open, close] = sorted[i];
    if (wallTimeMs(open) >= DAY_MS)
      ctx.addIssue({ code: 'custom', message: '"24:00" may only close an interval' });
    else if (wallTimeMs(open) >= wallTimeMs(close)) {
      ctx.addIssue({ code: 'custom', message: `interval ${open}-${close} must open before it closes` });
    } else if (i > 0 && wallTimeMs(sorted[i - 1][1]) > wallTimeMs(open)) {
      ctx.addIssue({ code: 'custom', message: `interval ${open}-${close} overlaps the one before it` });
    }
  }
  return sorted;
});

const DAY_ALIASES: Record<string, Weekday> = {
  monday: 'mon',
  tuesday: 'tue',
  wednesday: 'wed',
  thursday: 'thu',
  friday: 'fri',
  saturday: 'sat',
  sunday: 'sun',
};

// Forgiving about hand-written files: "Mon" or "monday" for "mon", null for a closed day, and a
// lone ["09:00", "17:00"] for a day with one interval.
const weekHours = z.preprocess(
  (value) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const out: Record<string, unknown> = {};
    for (const [key, hours] of Object.entries(value)) {
      const lower = key.toLowerCase();
      if (hours === null) continue;
      out[DAY_ALIASES[lower] ?? lower] =
        Array.isArray(hours) && typeof hours[0] === 'string' ? [hours] : hours;
    }
    return out;
  },
  z.strictObject(
    Object.fromEntries(WEEKDAYS.map((d) => [d, dayIntervals.optional()])) as Record<
      Weekday,
      z.ZodOptional<typeof dayIntervals>
    >,
  ),
);

export const calendarSchema = z.object({
  timezone: z.string().refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Berlin'),
  hours: z.union([z.literal('24/7'), weekHours], { error: 'must be "24/7" or hours per weekday (mon..sun)' }),
  holidays: z.array(z.string().refine(isIsoDate, 'must be a date YYYY-MM-DD')).nullish(),
});
export type Calendar = z.infer<typeof calendarSchema>;

/** One line per problem, "path: message"; inside a union only the branch the input was meant for. */
export const describeIssues = (issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[] = []): string[] =>
  meantIssues(issues, prefix).map(({ path, message }) =>
    path.length ? `${path.join('.')}: ${message}` : message,
  );
export type CalendarInput = z.input<typeof calendarSchema>;

export { TARGET_PATTERN };

export const targetSchema = z
  .string()
  .regex(TARGET_PATTERN, 'must be PT{h}H{m}M (either part optional) or P{n}D');
export type Target = z.infer<typeof targetSchema>;

/** A target read once: either business milliseconds or a count of business days. */
export type ParsedTarget = { kind: 'time'; ms: number } | { kind: 'days'; days: number };

/** Where public holidays come from: a country, optionally narrowed to a state and region. */
export const holidaySourceSchema = z.object({
  country: z.string().min(2),
  state: z.string().optional(),
  region: z.string().optional(),
});
export type HolidaySource = z.infer<typeof holidaySourceSchema>;

export const holidayPreviewSchema = z.object({
  source: holidaySourceSchema,
  years: z.array(z.number().int()),
  holidays: z.array(z.object({ date: z.string(), name: z.string() })),
});
export type HolidayPreview = z.infer<typeof holidayPreviewSchema>;
