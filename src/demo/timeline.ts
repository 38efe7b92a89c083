import { DateTime } from 'luxon';
import { compileCalendar } from '../sla/calendar.ts';
import { elapsedMs } from '../sla/deadline.ts';
import { demoOrganisation } from './organisation.ts';
import type { DemoCase, Say, Start, Step, When } from './script.ts';

const zone = 'Europe/London';
const MINUTE = 60_000;

function wallClock(day: DateTime, hhmm: string): DateTime {
  const [hour, minute] = hhmm.split(':').map(Number);
  return day.set({ hour, minute, second: 0, millisecond: 0 });
}

/** Moves `n` working days (Monday to Friday) from `day`: back when n < 0. */
function workingDays(day: DateTime, n: number): DateTime {
  let d = day;
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0; ) {
    d = d.plus({ days: step });
    if (d.weekday <= 5) left--;
  }
  return d;
}

/** The instant at which `team` had worked `minutes` business minutes by `now` (a search: elapsed time only grows). */
export function businessMinutesAgo(now: Date, team: string, minutes: number): Date {
  const spec = demoOrganisation.teams.find((t) => t.key === team);
  if (!spec) throw new Error(`demo: no team ${team}`);
  const cal = compileCalendar(spec.calendar);
  const want = minutes * MINUTE;
  let lo = now.getTime() - 30 * 86_400_000;
  let hi = now.getTime();
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2);
    if (elapsedMs(cal, mid, now.getTime()) > want) lo = mid;
    else hi = mid;
  }
  return new Date(Math.floor(hi / MINUTE) * MINUTE);
}

export function startOf(start: Start, now: Date): Date {
  if ('day' in start) {
    const today = DateTime.fromJSDate(now, { zone }).startOf('day');
    return wallClock(workingDays(today, -start.day), start.at).toJSDate();
  }
  if ('ago' in start) return new Date(Math.floor(now.getTime() / MINUTE) * MINUTE - start.ago * MINUTE);
  return businessMinutesAgo(now, start.team, start.businessAgo);
}

export function instantOf(when: When, start: Date): Date {
  if (typeof when === 'number') return new Date(start.getTime() + when * MINUTE);
  const [n, hhmm] = when.split('@') as [string, string];
  const day = DateTime.fromJSDate(start, { zone }).startOf('day');
  return wallClock(workingDays(day, Number(n)), hhmm).toJSDate();
}

const line = /^(-?\d+|\d+@\d{1,2}:\d\d) +((?:note\/)?@?[a-z0-9-]+): (.*)$/;

/** Reads a case's talk: one message a line, continuation lines joined to the message above. */
export function parseTalk(talk: string, known: (who: string) => boolean): Step[] {
  const steps: Step[] = [];
  for (const raw of talk.split('\n')) {
    const text = raw.trim();
    if (!text) continue;
    const m = line.exec(text);
    const who = m?.[2]?.replace(/^note\//, '');
    if (m && who && known(who)) {
      const when = (/^-?\d+$/.test(m[1]!) ? Number(m[1]) : m[1]) as When;
      const say: Say = { who, text: m[3]!, ...(m[2]!.startsWith('note/') ? { internal: true } : {}) };
      steps.push([when, say]);
      continue;
    }
    const previous = steps.at(-1)?.[1] as Say | undefined;
    if (!previous) throw new Error(`demo talk: a line before any message: ${text}`);
    previous.text += `\n${text}`;
  }
  return steps;
}

export type TimedStep = { at: Date; step: Step };

/**
 * The instants of a case's start and steps, talk and acts merged by time (an act after the talk of
 * the same instant). Refuses (throws) a script that goes back in time or reaches `now`: the demo
 * only tells the past.
 */
export function timeline(
  c: DemoCase,
  now: Date,
  known: (who: string) => boolean,
): { start: Date; steps: TimedStep[] } {
  const start = startOf(c.start, now);
  const timed = (steps: Step[]) => {
    let last = Number.NEGATIVE_INFINITY;
    return steps.map((step) => {
      const at = instantOf(step[0], start);
      if (at.getTime() < last)
        throw new Error(`demo case ${c.ref}: step at ${String(step[0])} goes back in time`);
      if (at.getTime() >= now.getTime())
        throw new Error(`demo case ${c.ref}: step at ${String(step[0])} is not in the past`);
      last = at.getTime();
      return { at, step };
    });
  };
  const talk = timed(parseTalk(c.talk, known));
  const acts = timed(c.acts ?? []);
  const steps: TimedStep[] = [];
  while (talk.length > 0 || acts.length > 0) {
    const takeTalk = acts.length === 0 || (talk.length > 0 && talk[0]!.at <= acts[0]!.at);
    steps.push((takeTalk ? talk : acts).shift()!);
  }
  const first = steps[0]?.at ?? start;
  return { start: new Date(Math.min(first.getTime(), start.getTime())), steps };
}
