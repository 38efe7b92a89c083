import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { migrationsUpTo, migrationTargets } from '../support/migrations.ts';

// Since migration 0043 a notification's send keeps its person, so that a person's or a team's
// sends are listed through an index of their own; the sends queued before learn it from their
// notification, and a team channel's post or the weekly review's stays without one.

/** Migrations 0000 to 0042: the last release whose sends knew their person only through the notification. */
const beforeSendPeople = migrationsUpTo(43);

for (const target of migrationTargets()) {
  describe(`migration 0043, a send's person [${target.name}]`, () => {
    it('gives the sends queued before their notification’s person, and no one else’s', async () => {
      const database = await target.open();
      try {
        await target.migrateWith(database, beforeSendPeople);
        await database.db.execute(sql`insert into notifications
          (id, org_id, person_id, kind, event_id, title, body, channels) values
          ('nt_a', 'o', 'p_lucas', 'mention', 'ev_1', 'T', 'B', '{slack,email}'),
          ('nt_b', 'o', 'p_tom', 'mention', 'ev_1', 'T', 'B', '{slack}')`);
        await database.db.execute(sql`insert into notification_outbox
          (org_id, notification_id, team_id, channel, target, message, next_attempt_at) values
          ('o', 'nt_a', null, 'slack', 'https://hooks.slack.com/a', '{}', now()),
          ('o', 'nt_a', null, 'email', 'lucas@example.com', '{}', now()),
          ('o', 'nt_b', null, 'slack', 'https://hooks.slack.com/b', '{}', now()),
          ('o', null, 't_finance', 'slack', 'https://hooks.slack.com/f', '{}', now()),
          ('o', null, null, 'slack', 'https://hooks.slack.com/review', '{}', now())`);
        await migrate(database);
        const rows = rowsOf<{ target: string; person_id: string | null }>(
          await database.db.execute(sql`select target, person_id from notification_outbox order by seq`),
        );
        expect(rows).toEqual([
          { target: 'https://hooks.slack.com/a', person_id: 'p_lucas' },
          { target: 'lucas@example.com', person_id: 'p_lucas' },
          { target: 'https://hooks.slack.com/b', person_id: 'p_tom' },
          { target: 'https://hooks.slack.com/f', person_id: null },
          { target: 'https://hooks.slack.com/review', person_id: null },
        ]);
      } finally {
        await database.close();
      }
    });
  });
}
