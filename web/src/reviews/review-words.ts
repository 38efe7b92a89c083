import { SIGNALS } from '../../../src/analytics/signal-words.ts';
import { weekParts } from '../analytics/figures.ts';
import { formatDay } from '../app/format.ts';

// The weekly review's keys as a review meeting reads them. Pure.

/** A notable case's warning signal in words (the review's HTML says the same). */
export const signalWord = (signal: string) => SIGNALS[signal] ?? signal.replaceAll('_', ' ');

/** A calendar day `2026-11-30` as "30 Nov 2026", the same day wherever the browser is. */
export const dayOf = (date: string) => formatDay(`${date}T12:00:00Z`);

/** An ISO week `2026-W49` as "week 49 of 2026". */
export function weekWords(id: string): string {
  const p = weekParts(id);
  return p ? `week ${p.week} of ${p.year}` : id;
}
