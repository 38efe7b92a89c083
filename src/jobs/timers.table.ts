import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, instant, orgId } from '../db/columns.ts';

/**
 * Durable timers: due work lives in rows, claimed with FOR UPDATE SKIP LOCKED and marked fired in
 * the same transaction as its effect, so each fires exactly once across processes and restarts.
 */
export const timers = pgTable(
  'timers',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: orgId(),
    kind: text('kind').notNull(),
    refId: text('ref_id').notNull(),
    payload: jsonb('payload').notNull().default({}),
    dueAt: instant('due_at').notNull(),
    firedAt: instant('fired_at'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  (t) => [index('timers_due').on(t.dueAt).where(sqlUnfired), index('timers_ref').on(t.refId)],
);

const sqlUnfired = sql`fired_at is null`;
