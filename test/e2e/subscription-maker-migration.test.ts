import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { migrationsUpTo, migrationTargets } from '../support/migrations.ts';

// Since migration 0045 a webhook subscription keeps who made it (they hear of its dead letters); the
// subscriptions made before learn it from the change log's `webhook.subscribed`, of their own
// organisation; one made by an API token without a person, or never logged, stays without.

/** Migrations 0000 to 0044: the last release whose subscriptions did not know their maker. */
const beforeMakers = migrationsUpTo(45);

for (const target of migrationTargets()) {
  describe(`migration 0045, a subscription's maker [${target.name}]`, () => {
    it('gives each subscription made before the person the change log names', async () => {
      const database = await target.open();
      try {
        await target.migrateWith(database, beforeMakers);
        await database.db.execute(sql`insert into webhook_subscriptions (id, org_id, url, secret, events) values
          ('wh_a', 'o', 'https://a.example', 's', '{*}'),
          ('wh_b', 'o', 'https://b.example', 's', '{*}'),
          ('wh_c', 'o', 'https://c.example', 's', '{*}')`);
        await database.db.execute(sql`insert into admin_changes
          (id, org_id, at, actor_id, action, subject, subject_name, detail) values
          ('ac_1', 'o', now() - interval '2 days', 'p_grace', 'webhook.subscribed', 'wh_a', 'https://a.example', '{}'),
          ('ac_2', 'o', now() - interval '1 day', 'p_ines', 'webhook.changed', 'wh_a', 'https://a.example', '{}'),
          ('ac_3', 'o', now(), null, 'webhook.subscribed', 'wh_b', 'https://b.example', '{}'),
          ('ac_4', 'other', now(), 'p_elsewhere', 'webhook.subscribed', 'wh_c', 'https://c.example', '{}')`);
        await migrate(database);
        const rows = rowsOf<{ id: string; created_by: string | null }>(
          await database.db.execute(sql`select id, created_by from webhook_subscriptions order by id`),
        );
        expect(rows).toEqual([
          { id: 'wh_a', created_by: 'p_grace' },
          { id: 'wh_b', created_by: null },
          { id: 'wh_c', created_by: null },
        ]);
      } finally {
        await database.close();
      }
    });
  });
}
