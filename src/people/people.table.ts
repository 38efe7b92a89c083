import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
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
    /** Two-step sign-in (TOTP): the base32 secret while it is on, null when off. */
    totpSecret: text('totp_secret'),
    totpEnabledAt: instant('totp_enabled_at'),
    /** A secret being set up: it becomes `totpSecret` once a code from it is given. */
    totpPendingSecret: text('totp_pending_secret'),
    /** The 30-second step of the last code accepted: a code is used at most once. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('people_org_email').on(t.orgId, t.email),
    index('people_org').on(t.orgId),
    check('people_availability', sql`${t.availability} in ('available','away','offline')`),
  ],
);
