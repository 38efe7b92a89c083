import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, instant, orgId } from '../db/columns.ts';

export const people = pgTable(
  'people',
  {
    id: text('id').primaryKey(),
    orgId: orgId(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    timezone: text('timezone').notNull().default('UTC'),
    /** Working hours as a calendar (see sla.types); null means the team's calendar. */
    calendar: jsonb('calendar'),
    availability: text('availability').notNull().default('available'),
    passwordHash: text('password_hash'),
    active: text('active').notNull().default('yes'),
    leftAt: instant('left_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('people_org_email').on(t.orgId, t.email),
    index('people_org').on(t.orgId),
    check('people_availability', sql`${t.availability} in ('available','away','offline')`),
  ],
);
