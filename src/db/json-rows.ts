import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * An insert of many rows that travels as ONE parameter, a JSON array read back with
 * `json_populate_recordset`: a batch of sends writes hundreds of rows, and as separate parameters
 * they cost more to build, send and plan than the insert itself costs to run.
 *
 * Every column named in any row is written (null where a row leaves it out); the others take
 * their defaults. Dates travel as ISO strings, JSON columns as nested JSON.
 */
export function insertRows<T extends PgTable>(table: T, rows: readonly T['$inferInsert'][]): SQL {
  const columns = Object.entries(getTableColumns(table)).filter(([key]) =>
    rows.some((row) => (row as Record<string, unknown>)[key] !== undefined),
  );
  const json = rows.map((row) =>
    Object.fromEntries(columns.map(([key, c]) => [c.name, (row as Record<string, unknown>)[key] ?? null])),
  );
  const names = sql.join(
    columns.map(([, c]) => sql.identifier(c.name)),
    sql`, `,
  );
  return sql`insert into ${table} (${names}) select ${names} from json_populate_recordset(null::${table}, ${JSON.stringify(json)}::json)`;
}
