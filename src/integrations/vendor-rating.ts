import type { Rating } from '../satisfaction/rating.ts';

/**
 * Zendesk's `{{satisfaction.current_rating}}`: the rating's text ("Good", "Bad", or with words
 * after, as "Good, I'm satisfied"), or "Offered" / "Unoffered" (or nothing) before the customer
 * rated. Answers the rating, `null` for no rating yet, `undefined` for text that is neither.
 */
export function zendeskRating(text: string): 'good' | 'bad' | null | undefined {
  const t = text.trim().toLowerCase();
  if (t === '' || t === 'offered' || t === 'unoffered') return null;
  if (/^good\b/.test(t)) return 'good';
  if (/^bad\b/.test(t)) return 'bad';
  return undefined;
}

/** Intercom's conversation rating: a whole number of stars from 1 to 5; anything else is unreadable. */
export function starRating(value: unknown): Rating | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5
    ? (String(value) as Rating)
    : undefined;
}

/**
 * A rating's time as a helpdesk placeholder renders it: an ISO 8601 instant, or none when it is
 * blank or unreadable (a placeholder Zendesk left empty must not cost the rating itself).
 */
export function ratingTime(text: string | undefined): string | undefined {
  const t = text?.trim();
  if (!t || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(t)) return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** As long as a comment the satisfaction API takes: a helpdesk's longer one is cut rather than lost with its rating. */
const commentMax = 2000;

/** The customer's comment with a rating: trimmed, empty as none. */
export function ratingComment(text: string | undefined): string | undefined {
  const t = text?.trim();
  return t ? t.slice(0, commentMax) : undefined;
}

/**
 * Freshdesk's survey answer as stars, keeping Freshdesk's own split (docs/integrations.md): its API
 * values answers 103 (extremely happy) to -103 (extremely unhappy), and a two-, three-, five- or
 * seven-point survey uses some of them. Happy answers are 4 or 5 stars, so CSAT counts them and
 * only them as satisfied; neutral is 3; unhappy ones 1 or 2. Anything else is unreadable.
 */
export function freshdeskRating(value: unknown): Rating | undefined {
  const stars: Record<string, Rating> = {
    '103': '5',
    '102': '4',
    '101': '4',
    '100': '3',
    '-101': '2',
    '-102': '2',
    '-103': '1',
  };
  return typeof value === 'number' || typeof value === 'string' ? stars[String(value).trim()] : undefined;
}
