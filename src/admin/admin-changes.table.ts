import { bigserial, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { instant, orgId } from '../db/columns.ts';

/**
 * Who changed the organisation's people, teams and webhooks, when, and what: one row per change,
 * written in the change's own transaction, never updated or deleted (like the case event log).
 */
export const adminChanges = pgTable(
  'admin_changes',
  {
    id: text('id').primaryKey(),
    /** The order changes were made in, also within one millisecond: the log's order and cursor. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    orgId: orgId(),
    at: instant('at').notNull(),
    /** The person who made the change; null for an API token that is nobody. */
    actorId: text('actor_id'),
    /** `person.added`, `team.changed`, `member.left`, `webhook.paused` … (admin/changes.ts). */
    action: text('action').notNull(),
    /** What changed: a person's id, a team's key, a subscription's id. */
    subject: text('subject').notNull(),
    /** Its name when the change was made, so the log reads without looking it up. */
    subjectName: text('subject_name').notNull(),
    /** The fields changed, `{field: {from, to}}`; secrets only as `"set"`. */
    detail: jsonb('detail').notNull(),
  },
  (t) => [index('admin_changes_org_seq').on(t.orgId, t.seq)],
);
