import { type SQL, sql } from 'drizzle-orm';

// Reads that gather a record's related rows as JSON subqueries of one select (one round trip per
// read) carry timestamps as epoch milliseconds: compared as numbers, never parsed from text, and
// turned back into the API's ISO instants with `isoFromMs` (src/sla/instant.ts).

/** A timestamp column inside a JSON subquery, as epoch milliseconds. */
export const epochMs = (column: string): SQL => sql.raw(`(extract(epoch from ${column}) * 1000)::float8`);
