import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { twoStepRequirements } from '../auth/two-step-policy.ts';
import { createdAt } from '../db/columns.ts';

export const organisations = pgTable(
  'organisations',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    timezone: text('timezone').notNull().default('UTC'),
    /** Who must sign in in two steps: `nobody`, `admins` or `everyone` (src/auth/two-step-policy.ts). */
    twoStepRequired: text('two_step_required', { enum: twoStepRequirements }).notNull().default('nobody'),
    /** Minutes without a request after which a signed-in session ends; null: only its 14 days end it. */
    sessionIdleMinutes: integer('session_idle_minutes'),
    /** Whether its admins see the getting-started guide: set up new until an admin puts it away. */
    gettingStarted: boolean('getting_started').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    check('organisations_two_step_required', sql`${t.twoStepRequired} in ('nobody','admins','everyone')`),
    check('organisations_session_idle_minutes', sql`${t.sessionIdleMinutes} between 15 and 20160`),
  ],
);
