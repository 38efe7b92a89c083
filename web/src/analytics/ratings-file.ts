// A helpdesk's ratings file read in the browser before anything is sent: a CSV export, a page of
// Freshdesk's ratings API, or the import's own JSON. Pure, so the page can say what is wrong with
// which line before the server is asked.
import { freshdeskRating } from '../../../src/integrations/vendor-rating.ts';
import { CsvError, CsvParser } from '../../../src/vocabulary/csv.ts';

/** One rating as `POST /satisfaction/import` takes it. */
export type FileRating = {
  caseExternalId?: string;
  caseId?: string;
  rating: number | 'good' | 'bad';
  at?: string;
  comment?: string;
  externalId?: string;
};

/** Where in the file a problem is: a CSV line, or the n-th rating of a JSON file (1-based). */
export type FileProblem = { where: string; message: string };

export type RatingsFile = {
  format: 'csv' | 'freshdesk' | 'baton';
  /** The helpdesk the file says it is from (Freshdesk's API, or the import's JSON `source`). */
  source?: string;
  ratings: FileRating[];
  /** Each rating's place, for the server's answers (`ratings.3.at`) in the file's words. */
  places: string[];
  problems: FileProblem[];
};

/** The columns a CSV may name each field by (lower case, spaces as `_`), Zendesk's and Freshdesk's exports' words among them. */
const columns = {
  caseExternalId: ['ticket', 'ticket_id', 'ticket_number', 'case_external_id', 'conversation_id'],
  rating: ['rating', 'satisfaction', 'satisfaction_rating', 'score', 'stars'],
  at: ['rated_at', 'at', 'date', 'created_at', 'time'],
  comment: ['comment', 'feedback', 'satisfaction_comment', 'remark'],
  externalId: ['rating_id', 'id', 'survey_response_id'],
} as const;

/** A rating's value as the import takes it: 1 to 5 stars, good or bad (Zendesk's "Good, I'm satisfied" too). */
export function ratingValue(text: string): FileRating['rating'] | undefined {
  const t = text.trim().toLowerCase();
  if (/^[1-5]$/.test(t)) return Number(t);
  if (/^good\b/.test(t)) return 'good';
  if (/^bad\b/.test(t)) return 'bad';
  return undefined;
}

/** An instant with its offset for the API; a time without a zone is read as this browser's. */
export function instantOf(text: string): string | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

const key = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

function fromCsv(text: string): RatingsFile {
  const out: RatingsFile = { format: 'csv', ratings: [], places: [], problems: [] };
  let records: { fields: string[]; line: number }[];
  try {
    const parser = new CsvParser();
    records = [...parser.push(text), ...parser.end()];
  } catch (error) {
    const line = error instanceof CsvError && error.line ? `line ${error.line}` : 'the file';
    return { ...out, problems: [{ where: line, message: (error as Error).message }] };
  }
  const [header, ...rows] = records;
  const names = (header?.fields ?? []).map(key);
  const at = (field: keyof typeof columns) =>
    names.findIndex((n) => (columns[field] as readonly string[]).includes(n));
  const index = Object.fromEntries(
    Object.keys(columns).map((f) => [f, at(f as keyof typeof columns)]),
  ) as Record<keyof typeof columns, number>;
  for (const [field, label] of [
    ['caseExternalId', 'ticket'],
    ['rating', 'rating'],
  ] as const)
    if (index[field] < 0)
      out.problems.push({
        where: 'line 1',
        message: `no ${label} column (one of: ${columns[field].join(', ')})`,
      });
  if (out.problems.length) return out;
  for (const { fields, line } of rows) {
    if (fields.every((f) => f.trim() === '')) continue;
    const cell = (field: keyof typeof columns) =>
      index[field] < 0 ? '' : (fields[index[field]] ?? '').trim();
    const where = `line ${line}`;
    const ticket = cell('caseExternalId');
    const rating = ratingValue(cell('rating'));
    const time = cell('at');
    const when = instantOf(time);
    if (!ticket) out.problems.push({ where, message: 'no ticket' });
    if (rating === undefined)
      out.problems.push({ where, message: `"${cell('rating')}" is no rating (1 to 5, good or bad)` });
    if (time && !when) out.problems.push({ where, message: `"${time}" is no date and time` });
    if (!ticket || rating === undefined || (time && !when)) continue;
    out.ratings.push({
      caseExternalId: ticket,
      rating,
      ...(when ? { at: when } : {}),
      ...(cell('comment') ? { comment: cell('comment').slice(0, 2000) } : {}),
      ...(cell('externalId') ? { externalId: cell('externalId') } : {}),
    });
    out.places.push(where);
  }
  return out;
}

type Freshdesk = {
  id?: unknown;
  ticket_id?: unknown;
  created_at?: unknown;
  feedback?: unknown;
  ratings?: { default_question?: unknown };
};
const idText = (v: unknown) =>
  typeof v === 'number' || (typeof v === 'string' && v.trim()) ? String(v).trim() : undefined;

function fromFreshdesk(items: Freshdesk[]): RatingsFile {
  const out: RatingsFile = {
    format: 'freshdesk',
    source: 'freshdesk',
    ratings: [],
    places: [],
    problems: [],
  };
  items.forEach((f, i) => {
    const where = `rating ${i + 1}`;
    const rating = freshdeskRating(f?.ratings?.default_question);
    const ticket = idText(f?.ticket_id);
    const when = typeof f?.created_at === 'string' ? instantOf(f.created_at) : undefined;
    if (!ticket) out.problems.push({ where, message: 'no ticket_id' });
    if (!rating)
      out.problems.push({ where, message: 'its default question holds no Freshdesk survey value' });
    if (!when) out.problems.push({ where, message: 'no created_at' });
    if (!ticket || !rating || !when) return;
    const feedback = typeof f.feedback === 'string' ? f.feedback.trim() : '';
    out.ratings.push({
      caseExternalId: ticket,
      rating: Number(rating),
      at: when,
      ...(feedback ? { comment: feedback.slice(0, 2000) } : {}),
      ...(idText(f.id) ? { externalId: idText(f.id) } : {}),
    });
    out.places.push(where);
  });
  return out;
}

/**
 * Reads a ratings file: JSON (a Freshdesk API page, an array of its answers, or the import's own
 * `{source, ratings}`) or else CSV with a header row. Every rating that could be read, and every
 * problem with its place; the page sends nothing while there is a problem.
 */
export function readRatingsFile(text: string): RatingsFile {
  const trimmed = text.trimStart().replace(/^\uFEFF/, '');
  if (!trimmed.startsWith('[') && !trimmed.startsWith('{')) return fromCsv(text);
  let body: unknown;
  try {
    body = JSON.parse(trimmed);
  } catch (error) {
    return {
      format: 'baton',
      ratings: [],
      places: [],
      problems: [{ where: 'the file', message: `not JSON: ${(error as Error).message}` }],
    };
  }
  if (Array.isArray(body)) return fromFreshdesk(body as Freshdesk[]);
  const b = body as { source?: unknown; ratings?: unknown };
  if (!Array.isArray(b.ratings))
    return {
      format: 'baton',
      ratings: [],
      places: [],
      problems: [{ where: 'the file', message: 'no "ratings" list' }],
    };
  return {
    format: 'baton',
    source: typeof b.source === 'string' ? b.source : undefined,
    ratings: b.ratings as FileRating[],
    places: b.ratings.map((_, i) => `rating ${i + 1}`),
    problems: [],
  };
}

/** The ratings in batches the import takes (its limit is 1,000; smaller batches show progress). */
export function batchesOf<T>(items: readonly T[], size = 250): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The earliest and latest time the ratings were given, when they say. */
export function spanOf(ratings: readonly FileRating[]): { first: string; last: string } | undefined {
  const times = ratings.flatMap((r) => (r.at ? [r.at] : [])).sort();
  return times.length ? { first: times[0]!, last: times.at(-1)! } : undefined;
}
