import { type SQL, sql } from 'drizzle-orm';
import { typesWithPersonalData } from '../customers/personal-text.ts';
import { eventPersonalData } from './events.table.ts';

/**
 * An event's data as it was written: the log's own, with its personal text (kept beside the log,
 * customers/personal-text.ts) joined back; looked up only for the types that can carry any. `alias` names
 * the events table in raw SQL; drizzle's selects name it `case_events`.
 */
export function eventDataOf(alias = '"case_events"'): SQL<Record<string, unknown>> {
  const col = (name: string) => sql.raw(`${alias}."${name}"`);
  const types = sql.join(
    typesWithPersonalData.map((t) => sql`${t}`),
    sql`, `,
  );
  return sql<Record<string, unknown>>`(case when ${col('type')} in (${types})
    then ${col('data')} || coalesce((select pd.data from ${eventPersonalData} pd where pd.event_id = ${col('id')}), '{}'::jsonb)
    else ${col('data')} end)`;
}
