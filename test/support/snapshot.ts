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

/**
 * Columns left out of both snapshots: an API token's (and the provisioning token's) `last_used_at` is noted when the token
 * authenticates (at most once a minute), a session's `last_seen_at` and `client_address` when it does
 * (at most once every 5 minutes), whatever the request then does.
 */
const bookkeeping: Record<string, string[]> = {
  api_tokens: ['last_used_at'],
  sessions: ['last_seen_at', 'client_address'],
  scim_provisioning: ['last_used_at'],
};
const rowText = (t: string, alias: string) =>
  bookkeeping[t] ? `(to_jsonb(${alias}) - '{${bookkeeping[t].join(',')}}'::text[])::text` : `${alias}::text`;

/** Row counts and the newest change of every table: equal snapshots mean nothing was written. */
export async function snapshot(database: Database): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of tables) {
    const res = await database.db.execute(
      sql.raw(
        `select count(*)::int as n, md5(coalesce(string_agg(${rowText(t, 't')}, ',' order by ${rowText(t, 't')}), '')) as h from ${t} t`,
      ),
    );
    const row = rowsOf<{ n: number; h: string }>(res)[0]!;
    out[t] = `${row.n}:${row.h}`;
  }
  return out;
}

/**
 * Left out of `snapshotAll`: a refused sign-in or API token is counted in the shared rate-limit
 * buckets on purpose (docs/security.md), so "a refused request changes nothing" excludes them.
 */
const uncounted = ["'rate_limits'"].join(', ');

const allTables = new WeakMap<Database, { t: string; tenant: boolean }[]>();

/**
 * Like `snapshot`, over every table of the schema in one query (the fuzz tests touch every module);
 * with `orgId`, only that organisation's rows of the tables that carry `org_id`.
 */
export async function snapshotAll(database: Database, orgId?: string): Promise<Record<string, string>> {
  let tables = allTables.get(database);
  if (!tables) {
    const res = await database.db.execute(
      sql.raw(`select t.table_name as t, exists (select 1 from information_schema.columns c
        where c.table_schema = 'public' and c.table_name = t.table_name and c.column_name = 'org_id') as tenant
        from information_schema.tables t where t.table_schema = 'public' and t.table_name not in (${uncounted}) order by 1`),
    );
    tables = rowsOf<{ t: string; tenant: boolean }>(res);
    allTables.set(database, tables);
  }
  const org = orgId?.replace(/'/g, "''");
  const query = tables
    .filter((x) => !org || x.tenant)
    .map(
      ({ t }) =>
        `select '${t}' as t, count(*)::int as n, md5(coalesce(string_agg(${rowText(t, 'x')}, ',' order by ${rowText(t, 'x')}), '')) as h from "${t}" x${org ? ` where org_id = '${org}'` : ''}`,
    )
    .join(' union all ');
  const out: Record<string, string> = {};
  for (const r of rowsOf<{ t: string; n: number; h: string }>(await database.db.execute(sql.raw(query))))
    out[r.t] = `${r.n}:${r.h}`;
  return out;
}
