import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { migrationsUpTo, migrationTargets } from '../support/migrations.ts';

// Since migration 0047 the handoffs Baton raises on a customer's sentiment dip are sent as `baton`;
// those raised before were stored as `bot`, like a chatbot's. They are the ones a dip created: no
// person as sender, in the dip's instant. A dip that joined a handoff already open changes nothing.

/** Migrations 0000 to 0046: the last release that stored Baton's escalations as a bot's. */
const beforeBaton = migrationsUpTo(47);

for (const target of migrationTargets()) {
  describe(`migration 0047, Baton's own escalations [${target.name}]`, () => {
    it('gives the handoffs a dip created the baton kind, and leaves every other handoff as it was', async () => {
      const database = await target.open();
      try {
        await target.migrateWith(database, beforeBaton);
        const handoff = (id: string, kind: string, sender: string | null, at: string) =>
          sql`insert into handoffs (id, org_id, case_id, scenario_id, scenario_version, from_kind, sender_id,
            to_team_id, state, owner_id, packet, created_at)
            values (${id}, 'o', 'c', 'agent-to-supervisor', 1, ${kind}, ${sender}, 't', 'sent', 'p_lead', '{}', ${at})`;
        const dip = (id: string, handoffId: string, at: string) =>
          sql`insert into case_events (id, org_id, case_id, handoff_id, type, at)
            values (${id}, 'o', 'c', ${handoffId}, 'sentiment.dip', ${at})`;
        for (const statement of [
          handoff('ho_raised', 'bot', null, '2026-11-20T10:00:00Z'),
          handoff('ho_chatbot', 'bot', null, '2026-11-20T09:00:00Z'),
          handoff('ho_joined', 'agent', 'p_amara', '2026-11-20T08:00:00Z'),
          handoff('ho_joined_bot', 'bot', null, '2026-11-20T07:00:00Z'),
          dip('ev_1', 'ho_raised', '2026-11-20T10:00:00Z'),
          dip('ev_2', 'ho_joined', '2026-11-20T11:00:00Z'),
          dip('ev_3', 'ho_joined_bot', '2026-11-20T12:00:00Z'),
        ])
          await database.db.execute(statement);
        await migrate(database);
        const rows = rowsOf<{ id: string; from_kind: string }>(
          await database.db.execute(sql`select id, from_kind from handoffs order by id`),
        );
        expect(rows).toEqual([
          { id: 'ho_chatbot', from_kind: 'bot' },
          { id: 'ho_joined', from_kind: 'agent' },
          { id: 'ho_joined_bot', from_kind: 'bot' },
          { id: 'ho_raised', from_kind: 'baton' },
        ]);
      } finally {
        await database.close();
      }
    });
  });
}
