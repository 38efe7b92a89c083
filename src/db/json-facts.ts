import { type SQL, sql } from 'drizzle-orm';

// Reads that gather a record's related rows as JSON subqueries of one select (one round trip per
// read) carry timestamps as epoch milliseconds: compared as numbers, never parsed from text.

/** A timestamp column inside a JSON subquery, as epoch milliseconds. */
export const epochMs = (column: string): SQL => sql.raw(`(extract(epoch from ${column}) * 1000)::float8`);

/** Epoch milliseconds read back from JSON, as the API's ISO instant. */
export const isoFromMs = (ms: number | null): string | null =>
  ms === null ? null : new Date(ms).toISOString();
