import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, instant, orgId } from '../db/columns.ts';
import type { LadderStep } from '../scenarios/scenarios.types.ts';

/** A ladder rung as a clock arms it: the step itself and its index in the scenario's ladder. */
export type ArmedRung = LadderStep & { index: number };

// Column names, not drizzle columns: a generated column's expression cannot refer to the table
// being declared.
const dueAtOf = sql`case when stopped_at is null and (state = 'running' or (state = 'breached' and rung_due_at is not null))
  then greatest(least(case when state = 'running' then deadline end, rung_due_at), retry_at) end`;

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
    /** The ladder rung armed next (ladder.ts): its place in the ladder and what it does. */
    nextRung: jsonb('next_rung').$type<ArmedRung>(),
    rungDueAt: instant('rung_due_at'),
    /** After a failed attempt the clock's due work waits until this instant. */
    retryAt: instant('retry_at'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /**
     * When the scheduler next has work on this clock: its breach while it runs, its next rung while
     * it runs or has breached, never once stopped or paused. Generated, so no write can leave a clock
     * unarmed or armed twice (the clock is its own durable timer, invariant 5).
     */
    dueAt: instant('due_at').generatedAlwaysAs(dueAtOf),
    createdAt: createdAt(),
  },
  (t) => [
    index('sla_clocks_handoff').on(t.handoffId),
    index('sla_clocks_org_state_deadline').on(t.orgId, t.state, t.deadline),
    index('sla_clocks_due').on(t.dueAt).where(sql`due_at is not null`),
    check('sla_clocks_state', sql`${t.state} in ('running','paused','met','breached','cancelled')`),
  ],
);
