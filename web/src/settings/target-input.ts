import { TARGET_PATTERN } from '../../../src/sla/target-pattern.ts';

// SLA targets as a lead types them. The API speaks ISO 8601 durations (PT4H, P1D); people write
// "4h", "2h 30m", "90 min" or "1 day", as other helpdesks' target pickers let them. Pure.

const FRIENDLY =
  /^(?:(\d+)\s*(?:d|days?))?\s*(?:(\d+)\s*(?:h|hrs?|hours?))?\s*(?:(\d+)\s*(?:m|mins?|minutes?))?$/i;

/** The API's form of a target typed as ISO or in words, or null when it is neither. */
export function targetFromInput(text: string): string | null {
  const t = text.trim();
  if (!t) return null;
  if (/^at once$/i.test(t) || t === '0') return 'PT0M';
  if (TARGET_PATTERN.test(t)) return t.toUpperCase();
  const m = FRIENDLY.exec(t);
  if (!m || (!m[1] && !m[2] && !m[3])) return null;
  const [days, hours, minutes] = [m[1], m[2], m[3]];
  // Business days and business hours do not add up (a day is whatever the calendar opens).
  if (days && (hours || minutes)) return null;
  if (days) return `P${Number(days)}D`;
  return `PT${hours ? `${Number(hours)}H` : ''}${minutes ? `${Number(minutes)}M` : ''}`;
}

/** Why a typed target is refused, in the words of the form. */
export function targetProblem(text: string): string | undefined {
  if (!text.trim()) return 'Give the clock a target, such as 4h';
  if (targetFromInput(text) !== null) return undefined;
  return /\d+\s*d/i.test(text) && /\d+\s*(h|m)/i.test(text)
    ? 'Use days or hours, not both: business days follow the calendar'
    : 'Use a time such as 4h, 2h 30m, 45m or 2d (or PT4H)';
}
