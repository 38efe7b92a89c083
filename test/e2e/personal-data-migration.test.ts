import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { personalKeys } from '../../src/customers/personal-text.ts';
import { rowsOf } from '../../src/db/database.ts';
import { drizzleDir, migrationsUpTo, migrationTargets } from '../support/migrations.ts';

// Until migration 0020 an event's personal text (a case's subject, a bounce note, a promise) was in
// the event itself; since then it is kept beside the log, so that erasing it leaves the log as it
// was. The migration moves what earlier releases wrote.

const migration = readFileSync(join(drizzleDir, '0020_personal_data_erasure.sql'), 'utf8');
/** Migrations 0000 to 0019: the last release that wrote personal text into events. */
const beforePersonalData = migrationsUpTo(20);

/** Event types that came after 0020: written beside the log from their first day, nothing to move. */
const laterTypes = ['satisfaction.rated'];

describe('migration 0020 names the keys customers/personal-text.ts names', () => {
  it('moves the same keys of the same event types', () => {
    const listed = Object.fromEntries(
      [...migration.matchAll(/\('([a-z_.]+)', ARRAY\[([^\]]+)\]\)/g)].map((m) => [
        m[1],
        m[2]!.split(',').map((k) => k.trim().replace(/'/g, '')),
      ]),
    );
    expect(listed).toEqual(
      Object.fromEntries(Object.entries(personalKeys).filter(([type]) => !laterTypes.includes(type))),
    );
  });
});

for (const target of migrationTargets()) {
  describe(`migration 0020, personal text beside the case log [${target.name}]`, () => {
    it('moves each event’s personal text beside it, leaves other data and events alone, and keeps the log append-only', async () => {
      const database = await target.open();
      try {
        await target.migrateWith(database, beforePersonalData);
        const event = (id: string, type: string, data: Record<string, unknown>) =>
          sql`(${id}, 'o', 'cs_1', ${type}, '2030-01-01T00:00:00Z', ${JSON.stringify(data)}::jsonb)`;
        await database.db.execute(sql`insert into case_events (id, org_id, case_id, type, at, data) values
          ${event('ev_1', 'case.created', { subject: 'Refund for Ada', channel: 'chat', issueType: null })},
          ${event('ev_2', 'handoff.bounced', { handoffId: 'ho_1', reason: 'missing_context', note: 'Which card?' })},
          ${event('ev_3', 'handoff.bounced', { handoffId: 'ho_2', reason: 'duplicate', note: null })},
          ${event('ev_4', 'handoff.sent', { handoffId: 'ho_1', toTeam: 'finance' })},
          ${event('ev_5', 'message.added', { messageId: 'msg_1', role: 'customer' })},
          ${event('ev_6', 'owner.changed', { handoffId: 'ho_1', reason: 'Ada asked for a senior', from: 'p1', to: 'p2' })},
          ${event('ev_7', 'document.added', { documentId: 'doc_1', kind: 'invoice' })}`);
        await target.migrateWith(database, drizzleDir);
        const log = rowsOf<{ id: string; data: Record<string, unknown> }>(
          await database.db.execute(sql`select id, data from case_events order by seq`),
        );
        expect(log).toEqual([
          { id: 'ev_1', data: { channel: 'chat', issueType: null } },
          { id: 'ev_2', data: { handoffId: 'ho_1', reason: 'missing_context' } },
          { id: 'ev_3', data: { handoffId: 'ho_2', reason: 'duplicate' } },
          { id: 'ev_4', data: { handoffId: 'ho_1', toTeam: 'finance' } },
          { id: 'ev_5', data: { messageId: 'msg_1', role: 'customer' } },
          { id: 'ev_6', data: { handoffId: 'ho_1', from: 'p1', to: 'p2' } },
          { id: 'ev_7', data: { documentId: 'doc_1', kind: 'invoice' } },
        ]);
        const beside = rowsOf<{ event_id: string; case_id: string; data: Record<string, unknown> }>(
          await database.db.execute(
            sql`select event_id, case_id, data from event_personal_data order by event_id`,
          ),
        );
        expect(beside).toEqual([
          { event_id: 'ev_1', case_id: 'cs_1', data: { subject: 'Refund for Ada' } },
          { event_id: 'ev_2', case_id: 'cs_1', data: { note: 'Which card?' } },
          { event_id: 'ev_3', case_id: 'cs_1', data: { note: null } },
          { event_id: 'ev_6', case_id: 'cs_1', data: { reason: 'Ada asked for a senior' } },
        ]);
        // The trigger that keeps the log append-only is back on after the move.
        await expect(
          database.db.execute(sql`update case_events set data = '{}' where id = 'ev_4'`),
        ).rejects.toThrow();
        await expect(database.db.execute(sql`delete from case_events where id = 'ev_4'`)).rejects.toThrow();
      } finally {
        await database.close();
      }
    }, 120_000);
  });
}
