/** How the analytics pages write figures: rates as percentages, times as durations, dates as ISO weeks. */
import { formatDuration, humanize } from '../app/format.ts';

export const percent = (rate: number | null | undefined, digits = 1) =>
  rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(digits)} %`;

export const duration = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? '—' : formatDuration(ms);

/** A rate as "12.5 % (5 of 40)". */
export const rateText = (r: { count: number; of: number; rate: number | null }) =>
  r.rate === null ? 'no data' : `${percent(r.rate)} (${r.count} of ${r.of})`;

/**
 * A route ("support → tier2", as the API keys it) in the organisation's own team names: "Support →
 * Tier 2"; a sender without a team ("(bot)") as its kind, "Bot"; a handoff inside one team (voice
 * to chat within Support) as "Within Support" rather than "Support → Support".
 */
export function routeLabel(route: string, teamName: (key: string) => string): string {
  const sides = route.split(' → ');
  if (sides.length === 2 && sides[0] === sides[1]) return `Within ${teamName(sides[0]!)}`;
  return sides
    .map((side) => (/^\(.+\)$/.test(side) ? humanize(side.slice(1, -1)) : teamName(side)))
    .join(' → ');
}

const DAY = 86_400_000;

/** `YYYY-MM-DD` of a UTC instant. */
export const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The Monday (UTC date) of the ISO week holding `ms`. */
export function mondayOf(ms: number): number {
  const d = new Date(isoDate(ms));
  return d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY;
}

/** The ISO week id (`2026-W48`) of a UTC date. */
export function isoWeekId(ms: number): string {
  const d = new Date(isoDate(ms));
  const thursday = d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The last `n` whole weeks before the one holding `now`, oldest first: `{id, from, to}` dates, `to` included. */
export function lastWeeks(now: number, n: number) {
  const monday = mondayOf(now);
  return Array.from({ length: n }, (_, i) => {
    const start = monday - (n - i) * 7 * DAY;
    return { id: isoWeekId(start), from: isoDate(start), to: isoDate(start + 6 * DAY) };
  });
}

/** An ISO week id `2026-W42` as its year and week number, or null when it is not one. */
export function weekParts(id: string): { year: number; week: number } | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(id);
  return m ? { year: Number(m[1]), week: Number(m[2]) } : null;
}

/** "W42" on a chart's axis, "Week 42, 2026" in its table: the ISO id only when it is not one. */
export const weekTick = (id: string) => (weekParts(id) ? `W${weekParts(id)!.week}` : id);
export const weekName = (id: string) => {
  const p = weekParts(id);
  return p ? `Week ${p.week}, ${p.year}` : id;
};
