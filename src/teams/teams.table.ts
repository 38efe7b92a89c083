import { integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, orgId } from '../db/columns.ts';

export const teams = pgTable(
  'teams',
  {
    id: text('id').primaryKey(),
    orgId: orgId(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    /** The fallback owner: takes a handoff when no member can. */
    leadId: text('lead_id').notNull(),
    calendar: jsonb('calendar').notNull(),
    /** round-robin | least-loaded | skills */
    ownershipStrategy: text('ownership_strategy').notNull().default('round-robin'),
    defaultCapacity: integer('default_capacity').notNull().default(10),
    /** Round-robin cursor: the member id that received the last assignment. */
    lastAssignedId: text('last_assigned_id'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('teams_org_key').on(t.orgId, t.key)],
);

export const teamMembers = pgTable(
  'team_members',
  {
    orgId: orgId(),
    teamId: text('team_id').notNull(),
    personId: text('person_id').notNull(),
    capacity: integer('capacity'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.personId] })],
);
