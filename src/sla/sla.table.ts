import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, instant, orgId } from '../db/columns.ts';

/** One SLA clock on one handoff. The deadline is an absolute stored instant (invariant 5). */
export const slaClocks = pgTable(
  'sla_clocks',
  {
    id: text('id').primaryKey(),
    orgId: orgId(),
    handoffId: text('handoff_id').notNull(),
    caseId: text('case_id').notNull(),
    name: text('name').notNull(),
    target: text('target').notNull(),
    calendar: jsonb('calendar').notNull(),
    ladder: jsonb('ladder').notNull().default(sql`'[]'::jsonb`),
    state: text('state').notNull(),
    startedAt: instant('started_at').notNull(),
    /** Business milliseconds the target allows, fixed when the clock starts. */
    budgetMs: bigint('budget_ms', { mode: 'number' }).notNull(),
    /** Business milliseconds consumed before the current running segment began. */
    consumedMs: bigint('consumed_ms', { mode: 'number' }).notNull().default(0),
    segmentStartedAt: instant('segment_started_at'),
    deadline: instant('deadline'),
    pausedAt: instant('paused_at'),
    stoppedAt: instant('stopped_at'),
    breachedAt: instant('breached_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('sla_clocks_handoff').on(t.handoffId),
    index('sla_clocks_org_state_deadline').on(t.orgId, t.state, t.deadline),
    check('sla_clocks_state', sql`${t.state} in ('running','paused','met','breached','cancelled')`),
  ],
);
