import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../../src/db/database.ts';

const tables = [
  'organisations',
  'people',
  'teams',
  'team_members',
  'customers',
  'cases',
  'repeat_contact_settings',
  'messages',
  'documents',
  'document_requests',
  'scenarios',
  'handoffs',
  'sla_clocks',
  'timers',
  'case_events',
  'api_tokens',
  'idempotency_keys',
  'inbound_events',
  'outbox',
  'webhook_subscriptions',
  'notifications',
  'notification_outbox',
  'adapter_group_mappings',
];

/** Row counts and the newest change of every table: equal snapshots mean nothing was written. */
export async function snapshot(database: Database): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of tables) {
    const res = await database.db.execute(
      sql.raw(
        `select count(*)::int as n, md5(coalesce(string_agg(t::text, ',' order by t::text), '')) as h from ${t} t`,
      ),
    );
    const row = rowsOf<{ n: number; h: string }>(res)[0]!;
    out[t] = `${row.n}:${row.h}`;
  }
  return out;
}
